import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, startHarness } from '../harness.ts'

describe('a campaign and its targets', () => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness()
  })
  afterAll(async () => {
    await harness?.close()
  })

  it('an admin finds the launch campaign and reads its targets in Vietnamese, then in English', async () => {
    const page = await harness.open('/campaigns')

    const campaigns = page.getByRole('table', { name: 'Danh sách chiến dịch' })
    const launchCampaign = campaigns.getByRole('link', { name: /^60 ngày tăng tốc/ })
    await launchCampaign.waitFor()
    expect(await campaigns.getByRole('row', { name: /60 ngày tăng tốc/ }).textContent()).toContain(
      '04/11/2025 – 02/01/2026',
    )

    await launchCampaign.click()
    const targets = page.getByRole('table', { name: 'Chỉ tiêu' })
    await targets.getByRole('cell', { name: '16.000', exact: true }).waitFor()
    await targets.getByRole('cell', { name: '350.000', exact: true }).waitFor()
    await targets.getByRole('cell', { name: '3.000', exact: true }).waitFor()
    await page
      .getByRole('table', { name: 'Đơn vị tham gia' })
      .getByRole('cell', { name: /Thủ Đức/ })
      .first()
      .waitFor()

    await page.getByText('English', { exact: true }).click()
    const targetsInEnglish = page.getByRole('table', { name: 'Targets' })
    await targetsInEnglish.getByRole('cell', { name: '16,000', exact: true }).waitFor()
    await targetsInEnglish.getByRole('cell', { name: '350,000', exact: true }).waitFor()
    expect(await page.locator('html').getAttribute('lang')).toBe('en')

    await page.reload()
    await page
      .getByRole('table', { name: 'Targets' })
      .getByRole('cell', { name: '16,000', exact: true })
      .waitFor()
  })
})
