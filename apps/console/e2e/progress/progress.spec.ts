import { mkdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { seedDemo } from '@tangtoc/db/seed'
import { daysBetween, localDateInZone } from '@tangtoc/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, startHarness } from '../harness.ts'

const screenshots = new URL('../../../../docs/screenshots/', import.meta.url)

describe('the campaign progress page', () => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness()
    await seedDemo(harness.prisma, { campaignCode: 'TANG-TOC-2025', enrollments: 3000, seed: 1 })
  })
  afterAll(async () => {
    await harness?.close()
  })

  it('opens on the running campaign with its products, milestones, curves and center ranking (the README screenshot)', async () => {
    const page = await harness.open('/progress')
    // Wide enough for the README, tall enough for the figures, the milestones and both charts.
    await page.setViewportSize({ width: 1280, height: 2050 })

    await page.getByRole('heading', { name: 'Tiến độ', exact: true }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/campaigns/TANG-TOC-2025/progress')
    await page
      .getByRole('group', { name: 'BHYT hộ gia đình' })
      .getByText(/\/ 350\.000/)
      .waitFor()
    await page.getByRole('table', { name: 'Các mốc' }).getByText('Ngày ra quân', { exact: false }).waitFor()
    const ranking = page.getByRole('table', { name: 'Xếp hạng đơn vị theo chỉ tiêu' })
    await ranking.getByRole('row').nth(3).waitFor()
    // One chart per product, each with its target line, the pace needed and the curve.
    await page.getByRole('figure', { name: 'BHXH tự nguyện: lũy kế so với chỉ tiêu' }).waitFor()
    await page.getByRole('figure', { name: 'BHYT hộ gia đình: lũy kế so với chỉ tiêu' }).waitFor()
    await page.locator('.recharts-line-curve[name="Lũy kế"]').first().waitFor()
    await page.locator('.recharts-bar-rectangle').first().waitFor()

    await mkdir(screenshots, { recursive: true })
    await page.screenshot({ path: fileURLToPath(new URL('progress.png', screenshots)) })
  })

  it('drills down from the leaderboard to a center’s own progress page, and from its number to the enrollments behind it', async () => {
    const page = await harness.open('/campaigns/TANG-TOC-2025/progress')
    const ranking = page.getByRole('table', { name: 'Xếp hạng đơn vị theo chỉ tiêu' })
    const center = 'Bưu điện Trung tâm Thủ Đức'
    await ranking.getByRole('link', { name: center, exact: true }).click()

    await page.getByRole('heading', { name: `Tiến độ: ${center}` }).waitFor()
    expect(new URL(page.url()).searchParams.get('center')).toBeTruthy()
    const own = page.getByRole('table', { name: 'Xếp hạng đơn vị theo chỉ tiêu' })
    const behind = own.getByRole('link', {
      name: new RegExp(`^[\\d.]+ hồ sơ BHYT hộ gia đình được tính của ${center}$`),
    })
    const count = (await behind.getAttribute('data-count')) ?? ''
    expect(count).toMatch(/^[\d.]+$/)
    await behind.click()

    await page.waitForURL(/\/enrollments\?/)
    // The list counts exactly the enrollments the progress page counted: "1–50 trên <count>".
    const shown = new Intl.NumberFormat('vi-VN').format(Number(count)).replaceAll('.', '\\.')
    await page.getByText(new RegExp(`trên ${shown}$`)).waitFor()
    const filters = new URL(page.url()).searchParams
    expect(filters.get('product')).toBe('HOUSEHOLD_HEALTH_INSURANCE')
    expect(filters.getAll('status').join()).toMatch(/PAID.*ACTIVE|ACTIVE.*PAID/)
  })

  it('narrows the figures to this week and back to the whole campaign, keeping the period in the address', async () => {
    const page = await harness.open('/campaigns/TANG-TOC-2025/progress')
    const period = page.getByRole('group', { name: 'Khoảng thời gian' })
    await period.getByText('Tuần này', { exact: true }).click()
    await page.waitForURL(/from=/)
    // From this week's Monday to today, in the campaign's time zone.
    const url = new URL(page.url())
    const from = url.searchParams.get('from') ?? ''
    expect(url.searchParams.get('to')).toBe(localDateInZone(new Date()))
    expect(new Date(`${from}T00:00:00Z`).getUTCDay()).toBe(1)
    expect(daysBetween(from, localDateInZone(new Date()))).toBeLessThan(7)
    await page.getByText(/^Số liệu đăng ký từ /).waitFor()
    await period.getByText('Cả chiến dịch', { exact: true }).click()
    await page.waitForURL((address) => !address.searchParams.has('from'))
    await page.getByText('Số liệu đăng ký từ 04/11/2025 đến 02/01/2026').waitFor()
  })
})
