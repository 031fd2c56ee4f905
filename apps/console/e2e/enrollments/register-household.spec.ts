import { fileURLToPath } from 'node:url'
import { launchCampaignCode } from '@tangtoc/db/seed'
import { formatDate, localDateInZone } from '@tangtoc/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { extendLaunchCampaignPastToday } from '../enrollments-api.ts'
import { type Harness, startHarness } from '../harness.ts'
import { fillPerson } from '../registration-form.ts'

/** The printed receipt is shown in the README. */
const screenshots = new URL('../../../../docs/screenshots/', import.meta.url)

describe('registering an enrollment', () => {
  let harness: Harness
  /** The household's registrant's enrollment, registered by the first test, paid for by the second. */
  let enrollmentPath = ''
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
    await fillPerson(person, {
      fullName: 'Phạm Thị Hồng Nhung',
      dateOfBirth: '1991-03-15',
      sex: 'Nữ',
      citizenId: '079191987601',
    })
    await person.getByRole('textbox', { name: 'Số điện thoại' }).fill('0912 987 601')

    await page.getByText('BHYT hộ gia đình', { exact: true }).click()
    await page.getByRole('button', { name: 'Thêm thành viên' }).click()
    await page.getByRole('button', { name: 'Thêm thành viên' }).click()

    const husband = page.getByRole('group', { name: 'Thành viên 2' })
    await fillPerson(husband, {
      fullName: 'Đỗ Văn Quang',
      dateOfBirth: '1988-07-02',
      sex: 'Nam',
      citizenId: '079088987602',
    })
    await husband.getByRole('radio', { name: 'Chủ hộ' }).check()

    const son = page.getByRole('group', { name: 'Thành viên 3' })
    await fillPerson(son, {
      fullName: 'Đỗ Minh Khôi',
      dateOfBirth: '2015-09-20',
      sex: 'Nam',
      citizenId: '079215987603',
    })
    await son.getByRole('textbox', { name: 'Quan hệ với chủ hộ' }).fill('con')
    // The head is listed first in the register.
    await page.getByRole('button', { name: 'Chuyển thành viên 2 lên' }).click()
    await page.getByRole('group', { name: 'Thành viên 1' }).getByText('Đỗ Văn Quang').first().waitFor()

    const quote = page.getByRole('table', { name: 'Số tiền đóng dự kiến' })
    await quote.getByText('Người thứ 3', { exact: false }).waitFor()
    expect(await quote.textContent()).toMatch(/\d{1,3}(\.\d{3})+\s₫/)

    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click()
    await page.getByRole('heading', { level: 2, name: 'Phạm Thị Hồng Nhung' }).waitFor()
    enrollmentPath = new URL(page.url()).pathname
    // One registration, three enrollments: the page lists the other two, paid for together.
    const together = page.getByRole('table', { name: 'Cùng lần đăng ký: 3 hồ sơ' })
    expect(await together.getByRole('row').count()).toBe(5)
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

  it('a manager records one payment for the whole household with its receipt number, prints the receipt, and the progress page counts three participants on the payment day', async () => {
    expect(enrollmentPath).toMatch(/^\/enrollments\//)
    const page = await harness.open(enrollmentPath, { as: 'manager' })
    await page.getByRole('heading', { level: 2, name: 'Phạm Thị Hồng Nhung' }).waitFor()
    await page.getByRole('button', { name: 'Ghi nhận thanh toán' }).click()

    const form = page.getByRole('form', { name: 'Ghi nhận thanh toán' })
    await form.getByText(/^Thu một lần cho 3 hồ sơ/).waitFor()
    const due = (await form.getByRole('textbox', { name: /Số tiền/ }).inputValue()).replace(/\D/g, '')
    expect(Number(due)).toBeGreaterThan(2_000_000)
    await form.getByRole('textbox', { name: /Số biên lai/ }).fill('SG-2026-000123')
    await form.getByRole('button', { name: 'Ghi nhận' }).click()

    await page.getByRole('status').getByText('Đã ghi nhận thanh toán, biên lai số SG-2026-000123.').waitFor()
    await page.getByText('Đã đóng tiền').first().waitFor()
    const today = formatDate(localDateInZone(new Date()), 'vi-VN')
    await page.getByRole('region', { name: 'Thanh toán và thời hạn thẻ' }).getByText(today).first().waitFor()

    await page.getByRole('link', { name: 'In biên lai' }).click()
    await page.waitForURL(/\/payments\/.+\/receipt$/)
    const lines = page.getByRole('table', { name: 'Các khoản thu' })
    await lines.getByText('Đỗ Minh Khôi').waitFor()
    // A row per member, the header and the total.
    expect(await lines.getByRole('row').count()).toBe(5)
    const total = new Intl.NumberFormat('vi-VN').format(Number(due))
    expect(await lines.getByRole('row').last().textContent()).toContain(total)
    await page.getByText(/^Bằng chữ: /).waitFor()
    expect(await page.getByText(/^Bằng chữ: /).textContent()).toMatch(/triệu .* đồng\.$/)
    // Printing: the button opens the browser's print dialog, and the printed page leaves the console out.
    await page.evaluate(() => {
      ;(window as unknown as { printed: number }).printed = 0
      window.print = () => {
        ;(window as unknown as { printed: number }).printed += 1
      }
    })
    await page.getByRole('button', { name: 'In biên lai' }).click()
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1)
    await page.emulateMedia({ media: 'print' })
    expect(await page.getByRole('navigation').first().isVisible()).toBe(false)
    expect(await page.getByRole('heading', { name: /BIÊN LAI THU TIỀN/ }).isVisible()).toBe(true)
    await page.screenshot({ path: fileURLToPath(new URL('receipt.png', screenshots)), fullPage: true })
    const pdf = await page.pdf({ format: 'A4' })
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF')
    await page.emulateMedia({ media: 'screen' })

    const day = localDateInZone(new Date())
    await page.goto(
      new URL(`/campaigns/${launchCampaignCode}/progress?from=${day}&to=${day}`, page.url()).href,
    )
    await page.getByRole('group', { name: 'BHYT hộ gia đình' }).getByText(/^3 \//).waitFor()
  })
})
