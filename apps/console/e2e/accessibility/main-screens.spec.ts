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

  const screens = [
    '/progress',
    '/campaigns',
    '/campaigns/TANG-TOC-2025',
    '/enrollments',
    '/enrollments/new',
    '/sessions',
    '/sessions?view=month&day=2025-11-20',
    '/sessions/new',
    '/centers',
    '/users',
    '/tokens',
    '/audit',
    '/worklists',
  ]
  const cases = screens.flatMap((path) =>
    (['vi', 'en'] as const).flatMap((language) =>
      [1366, 1024].map((width) => [path, language, width] as const),
    ),
  )

  it.each(cases)('%s in %s at %i px', async (path, language, width) => {
    const page = await harness.open(path)
    await page.setViewportSize({ width, height: 900 })
    await page.getByRole('heading', { level: 2 }).first().waitFor()
    if (language === 'en') {
      await page.getByText('English', { exact: true }).click()
      await page.waitForFunction(() => document.documentElement.lang === 'en')
    }
    // Not 'networkidle': the progress page keeps its live stream open. Wait until nothing is loading.
    await page.waitForFunction(() => !/Đang tải…|Loading…/.test(document.body.textContent ?? ''))
    expect(await seriousViolations(page)).toEqual([])
  })
})
