import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, startHarness } from '../harness.ts'

describe('outreach sessions', () => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness()
  })
  afterAll(async () => {
    await harness?.close()
  })

  it('a center manager plans a session at its center, finds it on the calendar and records its outcome', async () => {
    const page = await harness.open('/sessions/new', { as: 'manager' })
    const form = page.getByRole('form', { name: 'Lên kế hoạch buổi tuyên truyền' })
    await expect
      .poll(() => form.getByRole('combobox', { name: /Đơn vị/ }).inputValue(), { timeout: 15_000 })
      .toContain('Sài Gòn')

    await form.getByRole('textbox', { name: /Tên buổi/ }).fill('Tư vấn BHXH tự nguyện tại chợ Bến Thành')
    await form.getByRole('combobox', { name: /Hình thức/ }).click()
    await page.getByRole('option', { name: 'Điểm tư vấn tại chợ' }).click()
    await form.getByRole('combobox', { name: /Loại địa điểm/ }).click()
    await page.getByRole('option', { name: 'Chợ', exact: true }).click()
    await form.getByLabel(/Bắt đầu/).fill('2025-12-10T08:00')
    await form.getByLabel(/Kết thúc/).fill('2025-12-10T11:30')
    await form.getByRole('textbox', { name: 'Địa chỉ' }).fill('Chợ Bến Thành, Lê Lợi')
    await form.getByRole('button', { name: 'Lên kế hoạch buổi tuyên truyền' }).click()

    await page.getByRole('heading', { level: 2, name: 'Tư vấn BHXH tự nguyện tại chợ Bến Thành' }).waitFor()
    expect(await page.getByText('10/12/2025 08:00').count()).toBe(1)
    await page.getByText('Đã lên kế hoạch').first().waitFor()

    await page.getByRole('button', { name: 'Ghi nhận kết quả' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('textbox', { name: /Số người tham dự/ }).fill('35')
    await dialog.getByRole('textbox', { name: 'Ghi chú' }).fill('Nhiều tiểu thương hỏi về mức hỗ trợ.')
    await dialog.getByRole('button', { name: 'Ghi nhận kết quả' }).click()
    await page.getByRole('status').getByText('Đã ghi nhận kết quả buổi tuyên truyền.').waitFor()
    await page.getByText('Đã thực hiện').first().waitFor()
    await dialog.waitFor({ state: 'hidden' })
    expect(await page.getByText('Nhiều tiểu thương hỏi về mức hỗ trợ.').count()).toBe(1)

    await page.goto(new URL('/sessions?view=month&day=2025-12-10', page.url()).href)
    const day = page.getByRole('group', { name: /, 10 tháng 12, 2025$/ })
    await day.getByRole('link', { name: /08:00 Tư vấn BHXH tự nguyện tại chợ Bến Thành/ }).waitFor()
  })
})
