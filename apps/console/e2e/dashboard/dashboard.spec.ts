import { mkdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { seedDemo } from '@tangtoc/db/seed'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, startHarness } from '../harness.ts'

const screenshots = new URL('../../../../docs/screenshots/', import.meta.url)

describe('the campaign dashboard', () => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness()
    await seedDemo(harness.prisma, { campaignCode: 'TANG-TOC-2025', enrollments: 3000, seed: 1 })
  })
  afterAll(async () => {
    await harness?.close()
  })

  it('opens on the running campaign with its products, milestones, curves and center ranking (the README screenshot)', async () => {
    const page = await harness.open('/dashboard')
    // Wide enough for the README, tall enough for the figures, the milestones and both charts.
    await page.setViewportSize({ width: 1280, height: 2050 })

    await page.getByRole('heading', { name: 'Tiến độ', exact: true }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/campaigns/TANG-TOC-2025/dashboard')
    await page
      .getByRole('group', { name: 'BHYT hộ gia đình' })
      .getByText(/\/ 350\.000/)
      .waitFor()
    await page.getByRole('table', { name: 'Các mốc' }).getByText('Ngày ra quân', { exact: false }).waitFor()
    const ranking = page.getByRole('table', { name: 'Xếp hạng đơn vị theo chỉ tiêu' })
    await ranking.getByRole('row').nth(3).waitFor()
    await page.locator('.recharts-line-curve').nth(1).waitFor()
    await page.locator('.recharts-bar-rectangle').first().waitFor()

    await mkdir(screenshots, { recursive: true })
    await page.screenshot({ path: fileURLToPath(new URL('dashboard.png', screenshots)) })
  })
})
