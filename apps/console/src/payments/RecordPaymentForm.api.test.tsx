// Recording a payment against the real API, through the console's own client and cache: what the API
// refuses is shown beside the field it names, and a used receipt number links to its receipt.
import { personInput } from '@tangtoc/db/fixtures'
import { localDateInZone } from '@tangtoc/shared'
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ConsoleApi, startConsoleApi } from '../testing/api.tsx'

const launch = `
  query { campaign(code: "TANG-TOC-2025") { id } center(code: "BDTT-SAI-GON") { id } }
`
const register = `
  mutation ($input: RegisterEnrollmentInput!) {
    registerEnrollment(input: $input) {
      __typename
      ... on RegisterEnrollmentPayload { enrollment { id version payable } }
    }
  }
`

describe('recording a payment', { timeout: 60_000 }, () => {
  let api: ConsoleApi
  async function submittedAtSaigon(fullName: string, sex: 'MALE' | 'FEMALE' = 'FEMALE') {
    const { campaign, center } = await api.graphql<{ campaign: { id: string }; center: { id: string } }>(
      'admin',
      launch,
    )
    const result = await api.graphql<{
      registerEnrollment: { __typename: string; enrollment: { id: string; version: number; payable: number } }
    }>('agent', register, {
      input: {
        campaign: campaign.id,
        center: center.id,
        product: 'VOLUNTARY_SOCIAL_INSURANCE',
        months: 3,
        monthlyIncome: 2_500_000,
        status: 'SUBMITTED',
        person: personInput({ fullName, sex }),
      },
    })
    expect(result.registerEnrollment.__typename).toBe('RegisterEnrollmentPayload')
    return result.registerEnrollment.enrollment
  }

  beforeAll(async () => {
    api = await startConsoleApi()
  })
  afterAll(async () => {
    await api?.close()
  })

  async function openPaymentForm(enrollment: { id: string }) {
    await api.renderAt(`/enrollments/${enrollment.id}`, { as: 'manager' })
    await userEvent.click(
      await screen.findByRole('button', { name: 'Ghi nhận thanh toán' }, { timeout: 10_000 }),
    )
    return screen.findByRole('form', { name: 'Ghi nhận thanh toán' })
  }

  it('refuses more than is due beside the amount, then records what is due with its receipt', async () => {
    const enrollment = await submittedAtSaigon('Võ Thị Hạnh')
    const form = await openPaymentForm(enrollment)
    const amount = within(form).getByRole('textbox', { name: /Số tiền/ })
    // What is due, filled in.
    expect((amount as HTMLInputElement).value.replace(/\D/g, '')).toBe(String(enrollment.payable))

    await userEvent.clear(amount)
    await userEvent.type(amount, String(enrollment.payable + 1_000))
    await userEvent.type(within(form).getByRole('textbox', { name: /Số biên lai/ }), 'SG-0001')
    await userEvent.click(within(form).getByRole('button', { name: 'Ghi nhận' }))
    // The API names the amounts: what was typed and what is due.
    // Beside the amount, naming what is due.
    await expect.poll(() => amount.getAttribute('aria-invalid'), { timeout: 10_000 }).toBe('true')
    expect(amount).toHaveAccessibleDescription(/lớn hơn số phải đóng/)

    await userEvent.clear(amount)
    await userEvent.type(amount, String(enrollment.payable))
    await userEvent.click(within(form).getByRole('button', { name: 'Ghi nhận' }))
    const done = await screen.findByRole('status', {}, { timeout: 10_000 })
    expect(done).toHaveTextContent('Đã ghi nhận thanh toán, biên lai số SG-0001.')
    expect(within(done).getByRole('link', { name: 'In biên lai' })).toHaveAttribute(
      'href',
      expect.stringMatching(/^\/payments\/.+\/receipt$/),
    )
    const payments = await screen.findByRole('table', { name: 'Các lần thu tiền' })
    expect(within(payments).getByRole('link', { name: 'Biên lai số SG-0001' })).toBeInTheDocument()
  })

  it('says a receipt number is already used at the center and links to that receipt', async () => {
    const first = await submittedAtSaigon('Lâm Văn Tài', 'MALE')
    const second = await submittedAtSaigon('Lâm Thị Thu')
    const { payment } = await recordPaid(first, 'SG-0100')
    expect(payment).toBe('RecordPaymentPayload')

    const form = await openPaymentForm(second)
    await userEvent.type(within(form).getByRole('textbox', { name: /Số biên lai/ }), 'SG-0100')
    await userEvent.click(within(form).getByRole('button', { name: 'Ghi nhận' }))
    const alert = await within(form).findByRole('alert', {}, { timeout: 10_000 })
    expect(within(alert).getByRole('link', { name: 'Mở biên lai đã có số này' })).toHaveAttribute(
      'href',
      expect.stringMatching(/^\/records\//),
    )
  })

  async function recordPaid(
    enrollment: { id: string; version: number; payable: number },
    receiptNumber: string,
  ) {
    const result = await api.graphql<{ recordPayment: { __typename: string } }>(
      'manager',
      `mutation ($input: RecordPaymentInput!) { recordPayment(input: $input) { __typename } }`,
      {
        input: {
          enrollments: [{ id: enrollment.id, version: enrollment.version }],
          amount: enrollment.payable,
          paidOn: localDateInZone(new Date()),
          channel: 'CASH_AT_POST_OFFICE',
          receiptNumber,
        },
      },
    )
    return { payment: result.recordPayment.__typename }
  }
})
