// Each form, refused by the real API, says why on screen in the user's language, beside the field it
// concerns when there is one, and keeps what was typed. A refused form, by the console itself (a required
// field left empty) or by the API, takes whoever pressed its button at the bottom of a long form to the
// first field to fix, rather than leaving them to wonder why nothing happened.
import { personInput } from '@tangtoc/db/fixtures'
import type { Locator } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { extendLaunchCampaignToToday, registerAtSaigon } from '../../src/testing/seeded.ts'
import { type Harness, startHarness } from '../harness.ts'
import { fillPerson } from '../registration-form.ts'

/** Presses the button from the bottom of the page, the field to fix out of sight above. */
async function submitFromBelow(button: Locator, field: Locator) {
  await button.scrollIntoViewIfNeeded()
  expect(await field.evaluate((node) => node.getBoundingClientRect().bottom)).toBeLessThan(0)
  await button.click()
}

/** The field has the focus and is on screen. */
async function shownAndFocused(field: Locator, viewportHeight: number) {
  await expect.poll(() => field.evaluate((node) => node === document.activeElement)).toBe(true)
  const box = await field.evaluate((node) => node.getBoundingClientRect().toJSON())
  expect(box.top).toBeGreaterThanOrEqual(0)
  expect(box.bottom).toBeLessThanOrEqual(viewportHeight)
}

describe('refusals are shown on every form', () => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness()
    await extendLaunchCampaignToToday(harness.prisma)
  })
  afterAll(async () => {
    await harness?.close()
  })

  it('the campaign form: a taken code, with a link to the campaign holding it', async () => {
    const page = await harness.open('/campaigns/new')
    const form = page.getByRole('form', { name: 'Tạo chiến dịch' })
    await form.getByLabel('Mã').fill('TANG-TOC-2025')
    await form.getByLabel('Tên chiến dịch').fill('Chiến dịch trùng mã')
    await form.getByLabel('Ngày bắt đầu').fill('05/01/2026')
    await form.getByLabel('Ngày kết thúc').fill('05/02/2026')
    await form.getByRole('button', { name: 'Tạo chiến dịch' }).click()

    const alert = form.getByRole('alert')
    await alert.getByText('Mã chiến dịch “TANG-TOC-2025” đã được dùng.').waitFor()
    expect(await form.getByLabel('Tên chiến dịch').inputValue()).toBe('Chiến dịch trùng mã')
    await alert.getByRole('link', { name: 'Mở bản ghi đã có' }).click()
    await page.waitForURL(/\/campaigns\/TANG-TOC-2025$/)
  })

  it('the center form: a taken code', async () => {
    const page = await harness.open('/centers')
    await page.getByRole('button', { name: 'Thêm đơn vị', exact: true }).click()
    const form = page.getByRole('form', { name: 'Thêm đơn vị' })
    await form.getByRole('textbox', { name: /^Mã/ }).fill('BDTT-SAI-GON')
    await form.getByRole('textbox', { name: /^Tên đơn vị/ }).fill('Bưu cục trùng mã')
    await form.getByRole('combobox', { name: /^Loại đơn vị/ }).click()
    await page.getByRole('option', { name: 'Bưu cục', exact: true }).click()
    await form.getByRole('combobox', { name: /^Tổ chức/ }).click()
    await page.getByRole('option', { name: 'Bưu điện Việt Nam' }).click()
    await form.getByRole('button', { name: 'Lưu' }).click()
    await form.getByRole('alert').getByText('Mã đơn vị “BDTT-SAI-GON” đã được dùng.').waitFor()
  })

  it('the user form: a taken username, in English', async () => {
    const page = await harness.open('/users')
    await page.getByText('English', { exact: true }).click()
    await page.getByRole('button', { name: 'Add a user' }).click()
    const form = page.getByRole('form', { name: 'Add a user' })
    await form.getByRole('textbox', { name: /^Username/ }).fill('agent')
    await form.getByRole('textbox', { name: /^Name/ }).fill('Another agent')
    await form.getByRole('combobox', { name: /^Role/ }).click()
    await page.getByRole('option', { name: 'Agent', exact: true }).click()
    await form.getByRole('combobox', { name: /^Center/ }).click()
    await page.getByRole('option', { name: /^Bưu điện Trung tâm Sài Gòn/ }).click()
    await form.getByLabel(/^First password/).fill('a-long-enough-password')
    await form.getByRole('button', { name: 'Save' }).click()
    await form.getByRole('alert').getByText('The username “agent” is taken.').waitFor()
  })

  it('the session form: a session outside the campaign, beside its time', async () => {
    const page = await harness.open('/sessions/new', { as: 'manager' })
    const form = page.getByRole('form', { name: 'Lên kế hoạch buổi tuyên truyền' })
    await expect
      .poll(() => form.getByRole('combobox', { name: /Đơn vị/ }).inputValue(), { timeout: 15_000 })
      .toContain('Sài Gòn')
    await form.getByRole('textbox', { name: /Tên buổi/ }).fill('Tư vấn sau chiến dịch')
    await form.getByRole('combobox', { name: /Hình thức/ }).click()
    await page.getByRole('option', { name: 'Điểm tư vấn tại chợ' }).click()
    await form.getByRole('combobox', { name: /Loại địa điểm/ }).click()
    await page.getByRole('option', { name: 'Chợ', exact: true }).click()
    await form.getByLabel(/Bắt đầu/).fill('10/03/2027 08:00')
    await form.getByLabel(/Kết thúc/).fill('10/03/2027 11:00')
    await form.getByRole('button', { name: 'Lên kế hoạch buổi tuyên truyền' }).click()

    await form.getByText(/^Buổi phải diễn ra trong thời gian chiến dịch/).waitFor()
    await form.getByRole('alert').getByText('Hãy sửa các ô được đánh dấu đỏ rồi lưu lại.').waitFor()
    expect(await form.getByRole('textbox', { name: /Tên buổi/ }).inputValue()).toBe('Tư vấn sau chiến dịch')
  })

  it('the registration form: a person who already has a live enrollment, with a link to it', async () => {
    const person = personInput({ fullName: 'Trần Thị Mai', dateOfBirth: '1990-05-12', sex: 'FEMALE' })
    expect(await registerAtSaigon(harness.graphql, person)).toBe('RegisterEnrollmentPayload')

    const page = await harness.open('/enrollments/new', { as: 'agent' })
    const form = page.getByRole('form', { name: 'Đăng ký tham gia' })
    await expect
      .poll(() => form.getByRole('combobox', { name: /Đơn vị/ }).inputValue(), { timeout: 15_000 })
      .toContain('Sài Gòn')
    await fillPerson(page.getByRole('region', { name: 'Người tham gia' }), {
      ...person,
      dateOfBirth: '12/05/1990',
      sex: 'Nữ',
    })
    await form.getByRole('textbox', { name: /Mức thu nhập/ }).fill('2500000')
    await form.getByRole('button', { name: 'Lưu nháp' }).click()

    const alert = form.getByRole('alert')
    await alert.getByText('Người này đã có hồ sơ đang hiệu lực cho loại hình này trong chiến dịch.').waitFor()
    await alert.getByRole('link', { name: 'Mở hồ sơ đã có' }).click()
    await page.getByRole('heading', { level: 2, name: 'Trần Thị Mai' }).waitFor()
  })

  it('the API token form: an expiry in the past, beside the date', async () => {
    const page = await harness.open('/tokens')
    await page.getByRole('button', { name: 'Tạo mã API' }).click()
    const form = page.getByRole('form', { name: 'Tạo mã API' })
    await form.getByRole('textbox', { name: /^Tên mã/ }).fill('Tích hợp cũ')
    await form.getByLabel('Hết hạn sau ngày').fill('01/01/2020')
    await form.getByRole('button', { name: 'Tạo mã API' }).click()
    await form.getByText('Thời điểm hết hạn phải ở tương lai.').waitFor()
    expect(await form.getByLabel('Hết hạn sau ngày').getAttribute('aria-invalid')).toBe('true')
    expect(await form.getByRole('textbox', { name: /^Tên mã/ }).inputValue()).toBe('Tích hợp cũ')
  })

  it('an admin submits a registration without its center: the page moves to the center, focused, with its error', async () => {
    const page = await harness.open('/enrollments/new')
    await page.setViewportSize({ width: 1024, height: 768 })
    const form = page.getByRole('form', { name: 'Đăng ký tham gia' })
    await expect
      .poll(() => form.getByRole('combobox', { name: /Chiến dịch/ }).inputValue(), { timeout: 15_000 })
      .not.toBe('')
    await fillPerson(page.getByRole('region', { name: 'Người tham gia' }), {
      fullName: 'Lâm Thị Ngọc',
      dateOfBirth: '1990-02-14',
      sex: 'Nữ',
      citizenId: '079190456781',
    })
    await page.getByText('BHYT hộ gia đình', { exact: true }).click()

    const center = form.getByRole('combobox', { name: /Đơn vị/ })
    await submitFromBelow(page.getByRole('button', { name: 'Nộp hồ sơ' }), center)
    await shownAndFocused(center, 768)
    await form.getByText('Bắt buộc nhập.').first().waitFor()
    expect(page.url()).toMatch(/\/enrollments\/new$/)
  })

  it('an agent registers someone on file under another birth date: the API refuses it, and the page moves to the citizen ID', async () => {
    const person = personInput({ fullName: 'Hồ Văn Tâm', dateOfBirth: '1984-08-30', sex: 'MALE' })
    expect(await registerAtSaigon(harness.graphql, person)).toBe('RegisterEnrollmentPayload')
    const page = await harness.open('/enrollments/new', { as: 'agent' })
    await page.setViewportSize({ width: 1024, height: 768 })
    const form = page.getByRole('form', { name: 'Đăng ký tham gia' })
    await expect
      .poll(() => form.getByRole('combobox', { name: /Đơn vị/ }).inputValue(), { timeout: 15_000 })
      .toContain('Sài Gòn')
    const section = page.getByRole('region', { name: 'Người tham gia' })
    await fillPerson(section, { ...person, dateOfBirth: '1984-08-31', sex: 'Nam' })
    await page.getByText('BHYT hộ gia đình', { exact: true }).click()

    const citizenId = section.getByRole('textbox', { name: /Số định danh cá nhân/ })
    await submitFromBelow(page.getByRole('button', { name: 'Nộp hồ sơ' }), citizenId)
    await shownAndFocused(citizenId, 768)
    expect(await citizenId.getAttribute('aria-invalid')).toBe('true')
  })
})
