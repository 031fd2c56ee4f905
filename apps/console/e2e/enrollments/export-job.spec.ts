// A large export in the browser: the enrollment list's Excel link, when the export is over the job
// threshold, lands on "Your exports", where the file shows as being prepared and then as a link that
// downloads the workbook; in both languages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  downloadIn,
  extendLaunchCampaignPastToday,
  launchAtSaigon,
  registerHouseholdEnrollment,
} from '../enrollments-api.ts'
import { type Harness, startHarness } from '../harness.ts'

describe('an export queued as a job', () => {
  let harness: Harness
  beforeAll(async () => {
    // Any export of more than one row is queued: the list below has two.
    harness = await startHarness({ exportJobRows: 1 })
    await extendLaunchCampaignPastToday(harness)
    const ids = await launchAtSaigon(harness)
    for (const fullName of ['Lư Thị Xuân', 'Lư Văn Hạ']) {
      await registerHouseholdEnrollment(harness, { ...ids, fullName })
    }
  })
  afterAll(async () => {
    await harness?.close()
  })

  it('a manager follows the Excel link of the list, waits on Your exports and downloads the file', async () => {
    const page = await harness.open('/enrollments?search=lu', { as: 'manager' })
    await page.getByRole('group', { name: 'Phân trang' }).waitFor()
    await page.getByRole('link', { name: 'Excel (.xlsx)' }).click()

    await page.waitForURL((url) => url.pathname === '/exports')
    const table = page.getByRole('table', { name: 'Tệp xuất của bạn' })
    const ready = table.getByRole('row').filter({ hasText: 'Sẵn sàng tải về' })
    await ready.waitFor({ timeout: 60_000 })
    const file = ready.getByRole('link', { name: /\.xlsx$/ })
    const href = await file.getAttribute('href')
    const download = await downloadIn(page, href)
    expect(download.status).toBe(200)
    expect(download.disposition).toContain('.xlsx')
    expect(download.zip).toBe('PK')

    await page.getByText('English', { exact: true }).click()
    await page.getByRole('table', { name: 'Your exports' }).waitFor()
  })
})
