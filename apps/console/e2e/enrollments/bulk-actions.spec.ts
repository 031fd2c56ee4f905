// Bulk actions on the enrollment list: a manager selects twenty enrollments waiting for payment and
// records one payment for them with one receipt; then rejects a selection where one row changed
// meanwhile, and reads which one was refused and why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  extendLaunchCampaignPastToday,
  launchAtSaigon,
  recordPayment,
  registerHouseholdEnrollment,
} from '../enrollments-api.ts'
import { type Harness, startHarness } from '../harness.ts'

const given = ['An', 'Bình', 'Châu', 'Dung', 'Giang', 'Hà', 'Hạnh', 'Hoa', 'Hương', 'Lan']
const middle = ['Thị', 'Ngọc']

describe('bulk actions on the enrollment list', () => {
  let harness: Harness
  let ids: { campaign: string; center: string }
  beforeAll(async () => {
    harness = await startHarness()
    await extendLaunchCampaignPastToday(harness)
    ids = await launchAtSaigon(harness)
  })
  afterAll(async () => {
    await harness?.close()
  })

  it('a manager selects twenty enrollments waiting for payment and records one payment with one receipt', async () => {
    for (const first of middle) {
      for (const name of given) {
        await registerHouseholdEnrollment(harness, { ...ids, fullName: `Khúc ${first} ${name}` })
      }
    }
    const page = await harness.open('/enrollments?status=SUBMITTED&search=khuc', { as: 'manager' })
    const list = page.getByRole('table', { name: 'Danh sách hồ sơ đăng ký' })
    await expect.poll(() => list.getByRole('row').count(), { timeout: 15_000 }).toBe(21)

    await list.getByRole('checkbox', { name: 'Chọn mọi dòng của trang này' }).check()
    await page.getByText('Đã chọn 20 dòng').waitFor()
    await page
      .getByRole('group', { name: 'Thao tác với các dòng đã chọn' })
      .getByRole('button', { name: 'Ghi nhận thanh toán (20)' })
      .click()

    const form = page.getByRole('form', { name: 'Ghi nhận thanh toán' })
    await form.getByText(/^Thu một lần cho 20 hồ sơ: /).waitFor()
    await form.getByRole('textbox', { name: /Số biên lai/ }).fill('SG-CK-2026-0042')
    await form.getByRole('combobox', { name: /Hình thức nộp/ }).click()
    await page.getByRole('option', { name: 'Chuyển khoản' }).click()
    await form.getByRole('button', { name: 'Ghi nhận' }).click()

    await page.getByRole('status').getByText('Đã ghi nhận thanh toán, biên lai số SG-CK-2026-0042.').waitFor()
    // The list is asked again: none of them waits for payment any more.
    await page.getByText('Không có hồ sơ nào khớp với bộ lọc.').waitFor()
    const { enrollments } = await harness.graphql<{ enrollments: { totalCount: number } }>(
      'admin',
      'query { enrollments(filter: { search: "khuc", status: [PAID] }) { totalCount } }',
    )
    expect(enrollments.totalCount).toBe(20)
  })

  it('rejects a selection with one reason, and names the row that changed meanwhile and why it was refused', async () => {
    const names = ['Ksor Văn Sáng', 'Ksor Văn Sinh', 'Ksor Thị Sen']
    const registered = []
    for (const fullName of names)
      registered.push(await registerHouseholdEnrollment(harness, { ...ids, fullName }))
    const page = await harness.open('/enrollments?status=SUBMITTED&search=ksor', { as: 'manager' })
    const list = page.getByRole('table', { name: 'Danh sách hồ sơ đăng ký' })
    await expect.poll(() => list.getByRole('row').count(), { timeout: 15_000 }).toBe(4)
    await list.getByRole('checkbox', { name: 'Chọn mọi dòng của trang này' }).check()

    // Paid by someone else after the list was read.
    const changed = registered[1]
    if (!changed) throw new Error('Not registered')
    await recordPayment(harness, changed)

    await page.getByRole('button', { name: 'Từ chối (3)' }).click()
    await page.getByRole('textbox', { name: /Lý do/ }).fill('Sai thông tin hộ')
    await page.getByRole('dialog').getByRole('button', { name: 'Từ chối' }).click()

    const outcome = page.getByRole('alert')
    await outcome.getByText('Từ chối: đã thực hiện 2, bị từ chối 1.').waitFor()
    expect(await outcome.getByRole('link').allTextContents()).toEqual(['Ksor Văn Sinh'])
    expect(await outcome.textContent()).toContain('người khác sửa')
  })
})
