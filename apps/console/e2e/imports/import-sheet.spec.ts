// Importing a sheet in the console: an agent drops a CSV with an unrecognised column and a bad row,
// fixes the column, downloads the row with its error, commits the rest with the progress bar, and finds
// the people registered in the enrollment list.
import { personInput } from '@tangtoc/db/fixtures'
import { launchCampaignCode } from '@tangtoc/db/seed'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { extendLaunchCampaignPastToday } from '../enrollments-api.ts'
import { type Harness, startHarness } from '../harness.ts'

const launchAtSaigon = `
  query ($code: String!) {
    campaign(code: $code) { name }
    center(code: "BDTT-SAI-GON") { name }
  }
`

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`

describe('importing a sheet', () => {
  let harness: Harness
  let names: { campaign: string; center: string }
  beforeAll(async () => {
    harness = await startHarness()
    await extendLaunchCampaignPastToday(harness)
    const { campaign, center } = await harness.graphql<{
      campaign: { name: string }
      center: { name: string }
    }>('admin', launchAtSaigon, { code: launchCampaignCode })
    names = { campaign: campaign.name, center: center.name }
  })
  afterAll(async () => {
    await harness?.close()
  })

  it('an agent fixes the mapping, downloads the rows with errors, commits, and sees the enrollments in the list', async () => {
    const first = personInput({ fullName: 'Quách Thị Nhập' })
    const second = personInput({ fullName: 'Quách Văn Tệp', sex: 'MALE' })
    const rows = [
      ['Tên người tham gia', 'Số CCCD', 'Ngày sinh', 'Giới tính'],
      [first.fullName, first.citizenId, dmy(first.dateOfBirth), 'Nữ'],
      ['Quách Văn Lỗi', personInput({ sex: 'MALE' }).citizenId, '31/02/1985', 'Nam'],
      [second.fullName, second.citizenId, dmy(second.dateOfBirth), 'Nam'],
    ]
    const sheet = Buffer.from(`\uFEFF${rows.map((row) => row.join(',')).join('\r\n')}\r\n`)

    const page = await harness.open('/imports', { as: 'agent' })
    await page.getByRole('combobox', { name: 'Chiến dịch' }).click()
    await page.getByRole('option', { name: names.campaign }).click()
    await page.getByRole('combobox', { name: 'Đơn vị' }).click()
    await page.getByRole('option', { name: names.center }).click()
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'ho-quach.csv', mimeType: 'text/csv', buffer: sheet })

    await page.getByRole('heading', { name: 'ho-quach.csv' }).waitFor()
    // The name column was not recognised: every row misses its name until the column is set.
    await page.getByText('3 dòng: 0 hợp lệ, 3 có lỗi').waitFor()
    await page.getByRole('combobox', { name: 'Tên người tham gia' }).click()
    await page.getByRole('option', { name: 'Họ và tên' }).click()
    await page.getByRole('button', { name: 'Lưu cách đọc cột' }).click()
    await page.getByText('3 dòng: 2 hợp lệ, 1 có lỗi').waitFor()

    const href = await page.getByRole('link', { name: 'Tải các dòng lỗi (CSV)' }).getAttribute('href')
    const errors = await page.evaluate(async (path) => (await fetch(path ?? '')).text(), href)
    const lines = errors
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toBe('Dòng gốc,Tên người tham gia,Số CCCD,Ngày sinh,Giới tính,Lỗi,Errors')
    expect(lines).toHaveLength(2)
    expect(lines[1]).toMatch(/^3,Quách Văn Lỗi,.*31\/02\/1985.*dateOfBirth: /)

    await page.getByRole('button', { name: 'Ghi 2 dòng hợp lệ' }).click()
    await page.getByText('Đã xử lý 3/3 dòng: 2 dòng đã ghi, 1 dòng bị từ chối.').waitFor({ timeout: 20_000 })
    await page.getByRole('progressbar', { name: 'Tiến độ ghi' }).waitFor()

    const list = await harness.open('/enrollments?search=quach', { as: 'agent' })
    const table = list.getByRole('table', { name: 'Danh sách hồ sơ đăng ký' })
    await expect.poll(() => table.getByRole('row').count(), { timeout: 15_000 }).toBe(3)
    await table.getByText('Quách Thị Nhập').waitFor()
    await table.getByText('Quách Văn Tệp').waitFor()
  })
})
