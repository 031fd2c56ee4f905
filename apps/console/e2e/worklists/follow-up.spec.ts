// An agent's morning: today's worklists, a call that ends in a promise to pay, and a household whose
// cards run out renewed from the expiring list; the progress page's expiring count goes down with it.
import { createCampaign, personInput } from '@tangtoc/db/fixtures'
import { addDays, formatDate, localDateInZone } from '@tangtoc/shared'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { extendLaunchCampaignPastToday } from '../enrollments-api.ts'
import { type Harness, startHarness } from '../harness.ts'

const globalId = (typename: string, id: string) => Buffer.from(`${typename}:${id}`).toString('base64')

const register = `mutation ($input: RegisterEnrollmentInput!) {
  registerEnrollment(input: $input) {
    __typename
    ... on RegisterEnrollmentPayload { enrollment { id registration { id due } } }
    ... on UserError { message }
  }
}`
const pay = `mutation ($input: RecordPaymentInput!) {
  recordPayment(input: $input) { __typename ... on UserError { message } }
}`

type Registered = {
  registerEnrollment: {
    __typename: string
    enrollment?: { id: string; registration: { id: string; due: number } }
  }
}

/** The progress page's count for a worklist, as its card shows it. */
async function progressCount(page: Page, list: string): Promise<number> {
  const section = page.getByRole('region', { name: 'Danh sách cần liên hệ' })
  const card = section
    .locator('div')
    .filter({ has: page.getByRole('link', { name: list, exact: true }) })
    .last()
  await card.waitFor()
  return Number((await card.locator('p').first().textContent())?.replace(/\D/g, ''))
}

describe('the follow-up worklists', () => {
  let harness: Harness
  const today = localDateInZone(new Date())
  beforeAll(async () => {
    harness = await startHarness()
    await extendLaunchCampaignPastToday(harness)
    // Last year's drive at Sài Gòn: a household of two paid for twelve months, whose cards end in ten days.
    const center = await harness.prisma.center.findUniqueOrThrow({ where: { code: 'BDTT-SAI-GON' } })
    const lastYear = await createCampaign(harness.prisma, {
      centers: [center],
      name: 'Tăng tốc năm trước',
      startDate: addDays(today, -30),
      endDate: addDays(today, 1),
    })
    const head = personInput({ fullName: 'Võ Thị Gia Hạn', dateOfBirth: '1979-04-02', phone: '+84913000101' })
    const son = personInput({ fullName: 'Lâm Văn Nối', dateOfBirth: '2004-08-19', sex: 'MALE' })
    const registered = await harness.graphql<Registered>('admin', register, {
      input: {
        campaign: globalId('Campaign', lastYear.id),
        center: globalId('Center', center.id),
        product: 'HOUSEHOLD_HEALTH_INSURANCE',
        person: head,
        householdMembers: [
          { person: head, isHead: true },
          { person: son, relationToHead: 'con' },
        ],
        months: 12,
        status: 'SUBMITTED',
      },
    })
    const enrollment = registered.registerEnrollment.enrollment
    if (!enrollment) throw new Error(`Registering failed: ${JSON.stringify(registered)}`)
    const paid = await harness.graphql<{ recordPayment: { __typename: string } }>('admin', pay, {
      input: {
        registration: enrollment.registration.id,
        paidOn: today,
        amount: enrollment.registration.due,
        channel: 'CASH_AT_POST_OFFICE',
        receiptNumber: 'E2E-NAM-TRUOC-1',
      },
    })
    expect(paid.recordPayment.__typename).toBe('RecordPaymentPayload')
    // A year on: the campaign is over and the cards run out in ten days.
    await harness.prisma.campaign.update({
      where: { id: lastYear.id },
      data: { endDate: new Date(`${addDays(today, -1)}T00:00:00Z`) },
    })
    await harness.prisma.enrollment.updateMany({
      where: {
        registrationId: (
          await harness.prisma.enrollment.findFirstOrThrow({ where: { campaignId: lastYear.id } })
        ).registrationId,
      },
      data: {
        coverageStart: new Date(`${addDays(today, -355)}T00:00:00Z`),
        coverageEnd: new Date(`${addDays(today, 10)}T00:00:00Z`),
      },
    })
  })
  afterAll(async () => {
    await harness?.close()
  })

  it('an agent records a promise to pay, renews the household from the expiring list, and the expiring count goes down', async () => {
    const progress = await harness.open('/progress', { as: 'manager' })
    const before = await progressCount(progress, 'Sắp hết hạn')
    expect(before).toBeGreaterThanOrEqual(2)

    const page = await harness.open('/', { as: 'agent' })
    const lists = page.getByRole('radiogroup', { name: 'Danh sách' })
    const expiringChip = lists.getByText(/^Sắp hết hạn \(\d+\)$/)
    const chipCount = async () => Number((await expiringChip.textContent())?.replace(/\D/g, ''))
    const listed = await chipCount()
    expect(listed).toBeGreaterThanOrEqual(2)
    await expiringChip.click()
    const expiring = page.getByRole('table', { name: 'Danh sách cần liên hệ: Sắp hết hạn' })
    const row = expiring.getByRole('row', { name: /Võ Thị Gia Hạn/ })
    await row.getByText(formatDate(addDays(today, 10), 'vi-VN'), { exact: true }).waitFor()

    // The call: she will pay in three days.
    await row.getByRole('button', { name: /^Ghi nhận liên hệ với Võ Thị Gia Hạn/ }).click()
    const form = page.getByRole('form', { name: 'Ghi nhận liên hệ' })
    await form.getByRole('combobox', { name: /^Kết quả/ }).click()
    await page.getByRole('option', { name: 'Hẹn đóng tiền' }).click()
    const promisedOn = addDays(today, 3)
    await form.getByRole('textbox', { name: /^Hẹn đóng tiền ngày/ }).fill(formatDate(promisedOn, 'vi-VN'))
    await form.getByRole('button', { name: 'Lưu' }).click()
    await form.waitFor({ state: 'detached' })
    await row.getByText(`Hẹn đóng tiền · ${formatDate(promisedOn, 'vi-VN')}`).waitFor()

    // Renewing: the registration opens with the same household, in the same order.
    await row.getByRole('link', { name: /^Gia hạn cho Võ Thị Gia Hạn/ }).click()
    const registration = page.getByRole('form', { name: 'Đăng ký tham gia' })
    await page
      .getByRole('status')
      .getByText(/^Gia hạn từ hồ sơ trước/)
      .waitFor()
    await expect
      .poll(() =>
        registration
          .getByRole('group', { name: 'Thành viên 2' })
          .getByRole('textbox', { name: /Họ và tên/ })
          .inputValue(),
      )
      .toBe('Lâm Văn Nối')
    // The running campaign and the agent's own center are chosen for them once the form has read them.
    await expect
      .poll(() => registration.getByRole('combobox', { name: /Đơn vị/ }).inputValue(), { timeout: 15_000 })
      .toContain('Sài Gòn')
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click()
    await page.getByRole('heading', { level: 2, name: 'Võ Thị Gia Hạn' }).waitFor()

    // Renewed: off the expiring list, and two fewer on the progress page.
    await page.goto(new URL('/worklists?list=EXPIRING', page.url()).href)
    await expect.poll(chipCount).toBe(listed - 2)
    expect(await page.getByRole('row', { name: /Võ Thị Gia Hạn/ }).count()).toBe(0)
    await progress.reload()
    await expect.poll(() => progressCount(progress, 'Sắp hết hạn')).toBe(before - 2)
  })
})
