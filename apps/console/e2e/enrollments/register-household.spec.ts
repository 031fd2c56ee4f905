import { launchCampaignCode } from '@tangtoc/db/seed'
import { addDays, localDateInZone } from '@tangtoc/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, startHarness } from '../harness.ts'

/**
 * The seeded launch campaign ran from November 2025; an admin extends it to a month from today, since
 * the form dates a registration today and the API keeps registrations within their campaign.
 */
async function extendLaunchCampaignPastToday(harness: Harness) {
  const { campaign } = await harness.graphql<{ campaign: { id: string; version: number } }>(
    'admin',
    'query ($code: String!) { campaign(code: $code) { id version } }',
    { code: launchCampaignCode },
  )
  const endDate = addDays(localDateInZone(new Date(), 'Asia/Ho_Chi_Minh'), 30)
  const { updateCampaign } = await harness.graphql<{ updateCampaign: { __typename: string } }>(
    'admin',
    'mutation ($input: UpdateCampaignInput!) { updateCampaign(input: $input) { __typename } }',
    { input: { campaign: campaign.id, version: campaign.version, endDate } },
  )
  expect(updateCampaign.__typename).toBe('UpdateCampaignPayload')
}

describe('registering an enrollment', () => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness()
    await extendLaunchCampaignPastToday(harness)
  })
  afterAll(async () => {
    await harness?.close()
  })

  it('an agent registers a household of three at its own center, sees the quote, submits it and finds it by searching without diacritics', async () => {
    const page = await harness.open('/enrollments/new', { as: 'agent' })
    const form = page.getByRole('form', { name: 'Đăng ký tham gia' })
    await expect
      .poll(() => form.getByRole('combobox', { name: /Đơn vị/ }).inputValue(), { timeout: 15_000 })
      .toContain('Sài Gòn')

    const person = page.getByRole('region', { name: 'Người tham gia' })
    await person.getByRole('textbox', { name: /Họ và tên/ }).fill('Phạm Thị Hồng Nhung')
    await person.getByLabel(/Ngày sinh/).fill('1991-03-15')
    await person.getByRole('radio', { name: 'Nữ' }).check()
    await person.getByRole('textbox', { name: /Số định danh cá nhân/ }).fill('079191987601')
    await person.getByRole('textbox', { name: 'Số điện thoại' }).fill('0912 987 601')

    await page.getByText('BHYT hộ gia đình', { exact: true }).click()
    await page.getByRole('button', { name: 'Thêm thành viên' }).click()
    await page.getByRole('button', { name: 'Thêm thành viên' }).click()

    const husband = page.getByRole('group', { name: 'Thành viên 2' })
    await husband.getByRole('textbox', { name: /Họ và tên/ }).fill('Đỗ Văn Quang')
    await husband.getByLabel(/Ngày sinh/).fill('1988-07-02')
    await husband.getByRole('radio', { name: 'Nam' }).check()
    await husband.getByRole('textbox', { name: /Số định danh cá nhân/ }).fill('079088987602')
    await husband.getByRole('radio', { name: 'Chủ hộ' }).check()

    const son = page.getByRole('group', { name: 'Thành viên 3' })
    await son.getByRole('textbox', { name: /Họ và tên/ }).fill('Đỗ Minh Khôi')
    await son.getByLabel(/Ngày sinh/).fill('2015-09-20')
    await son.getByRole('radio', { name: 'Nam' }).check()
    await son.getByRole('textbox', { name: /Số định danh cá nhân/ }).fill('079215987603')
    await son.getByRole('textbox', { name: 'Quan hệ với chủ hộ' }).fill('con')
    // The head is listed first in the register.
    await page.getByRole('button', { name: 'Chuyển thành viên 2 lên' }).click()
    await page.getByRole('group', { name: 'Thành viên 1' }).getByText('Đỗ Văn Quang').first().waitFor()

    const quote = page.getByRole('table', { name: 'Số tiền đóng dự kiến' })
    await quote.getByText('Người thứ 3', { exact: false }).waitFor()
    expect(await quote.textContent()).toMatch(/\d{1,3}(\.\d{3})+\s₫/)

    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click()
    await page.getByRole('heading', { level: 2, name: 'Phạm Thị Hồng Nhung' }).waitFor()
    await page.getByText('Đã nộp hồ sơ').first().waitFor()
    const household = page.getByRole('table', { name: 'Thành viên hộ gia đình' })
    expect(await household.getByRole('row').count()).toBe(4)
    expect(await page.getByText('Bưu điện Trung tâm Sài Gòn').count()).toBeGreaterThan(0)

    await page.getByRole('link', { name: /Tất cả hồ sơ/ }).click()
    await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('pham thi hong nhung')
    await page.waitForURL(/search=pham/)
    const list = page.getByRole('table', { name: 'Danh sách hồ sơ đăng ký' })
    await list.getByRole('link', { name: 'Phạm Thị Hồng Nhung' }).waitFor()
    // The household's three enrollments are listed until the search's answer arrives: then only hers.
    await expect.poll(() => list.getByRole('row').count(), { timeout: 10_000 }).toBe(2)
  })
})
