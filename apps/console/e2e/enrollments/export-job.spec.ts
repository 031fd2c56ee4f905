// A large export in the browser: the enrollment list's Excel link, when the export is over the job
// threshold, lands on "Your exports", where the file shows as being prepared and then as a link that
// downloads the workbook; in both languages.
import { launchCampaignCode } from '@tangtoc/db/seed'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { extendLaunchCampaignPastToday, registerHouseholdEnrollment } from '../enrollments-api.ts'
import { type Harness, startHarness } from '../harness.ts'

const launchAtSaigon = `
  query ($code: String!) {
    campaign(code: $code) { id }
    center(code: "BDTT-SAI-GON") { id }
  }
`

describe('an export queued as a job', () => {
  let harness: Harness
  beforeAll(async () => {
    // Any export of more than one row is queued: the list below has two.
    harness = await startHarness({ exportJobRows: 1 })
    await extendLaunchCampaignPastToday(harness)
    const ids = await harness.graphql<{ campaign: { id: string }; center: { id: string } }>(
      'admin',
      launchAtSaigon,
      { code: launchCampaignCode },
    )
    for (const fullName of ['Lư Thị Xuân', 'Lư Văn Hạ']) {
      await registerHouseholdEnrollment(harness, {
        campaign: ids.campaign.id,
        center: ids.center.id,
        fullName,
      })
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
    const download = await page.evaluate(async (path) => {
      const response = await fetch(path ?? '')
      const bytes = new Uint8Array(await response.arrayBuffer())
      return {
        status: response.status,
        disposition: response.headers.get('content-disposition') ?? '',
        zip: String.fromCharCode(bytes[0] ?? 0, bytes[1] ?? 0),
      }
    }, href)
    expect(download.status).toBe(200)
    expect(download.disposition).toContain('.xlsx')
    expect(download.zip).toBe('PK')

    await page.getByText('English', { exact: true }).click()
    await page.getByRole('table', { name: 'Your exports' }).waitFor()
  })
})
