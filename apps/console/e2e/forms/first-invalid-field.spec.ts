// A form refused, by the console itself (a required field left empty) or by the API (a field it checks
// against what is stored), takes whoever pressed its button at the bottom of a long form to the first
// field to fix, rather than leaving them to wonder why nothing happened.
import { personInput } from '@tangtoc/db/fixtures'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { extendLaunchCampaignToToday, registerAtSaigon } from '../../src/testing/seeded.ts'
import { type Harness, startHarness } from '../harness.ts'
import { fillPerson } from '../registration-form.ts'

/** Presses the button from the bottom of the page, the field to fix out of sight above. */
async function submitFromBelow(page: Page, button: Locator, field: Locator) {
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

describe('a refused form shows its first field to fix', () => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness()
    await extendLaunchCampaignToToday(harness.prisma)
  })
  afterAll(async () => {
    await harness?.close()
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
    await submitFromBelow(page, page.getByRole('button', { name: 'Nộp hồ sơ' }), center)
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
    await submitFromBelow(page, page.getByRole('button', { name: 'Nộp hồ sơ' }), citizenId)
    await shownAndFocused(citizenId, 768)
    expect(await citizenId.getAttribute('aria-invalid')).toBe('true')
  })
})
