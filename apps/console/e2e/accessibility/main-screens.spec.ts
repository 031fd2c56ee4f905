import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, startHarness } from '../harness.ts'

// axe-core's own bundle, run in the page: the checks run in the real browser on the real DOM. Evaluated
// through the browser's debugging protocol: the server's Content-Security-Policy rightly refuses an
// injected <script>.
const axeSource = createRequire(import.meta.url)('axe-core').source as string

type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }

async function seriousViolations(page: Page): Promise<Violation[]> {
  await page.evaluate(axeSource)
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (context: Document) => Promise<{ violations: Violation[] }> } }
    ).axe
    return (await axe.run(document)).violations
  })
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
}

describe('the main screens are accessible (axe finds no serious or critical violations)', () => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness()
  })
  afterAll(async () => {
    await harness?.close()
  })

  it('the sign-in screen', async () => {
    const page = await harness.open('/login', { as: null })
    await page.getByRole('button').first().waitFor()
    expect(await seriousViolations(page)).toEqual([])
  })

  it.each([
    ['the dashboard', '/dashboard', 'Tiến độ'],
    ['the campaigns', '/campaigns', 'Chiến dịch'],
    ['the enrollments', '/enrollments', 'Hồ sơ đăng ký'],
    ['the outreach sessions', '/sessions', 'Buổi tuyên truyền'],
    ['the centers', '/centers', 'Đơn vị'],
  ])('%s (%s)', async (_name, path, heading) => {
    const page = await harness.open(path)
    await page.getByRole('heading', { name: heading }).first().waitFor()
    // Not 'networkidle': the dashboard keeps its live stream open. Wait until nothing is loading.
    await page.waitForFunction(() => !document.body.innerText.includes('Đang tải…'))
    expect(await seriousViolations(page)).toEqual([])
  })
})
