// Enrollments registered and paid through the API, as an agent's app would, for specs that need counted
// enrollments without filling in the form.
import { personInput } from '@tangtoc/db/fixtures'
import { launchCampaignCode } from '@tangtoc/db/seed'
import { addDays, localDateInZone } from '@tangtoc/shared'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import type { Harness } from './harness.ts'

const register = `
  mutation Register($input: RegisterEnrollmentInput!) {
    registerEnrollment(input: $input) {
      __typename
      ... on RegisterEnrollmentPayload {
        enrollment {
          id
          version
          payable
        }
      }
      ... on UserError {
        message
      }
    }
  }
`

const recordPaymentMutation = `
  mutation RecordPayment($input: RecordPaymentInput!) {
    recordPayment(input: $input) {
      __typename
      ... on UserError {
        message
      }
    }
  }
`

export interface RegisteredEnrollment {
  id: string
  version: number
  payable: number
}

/** A submitted household health insurance enrollment of a household of one, registered by the admin. */
export async function registerHouseholdEnrollment(
  harness: Harness,
  input: { campaign: string; center: string; fullName: string },
): Promise<RegisteredEnrollment> {
  const result = await harness.graphql<{
    registerEnrollment: { __typename: string; enrollment?: RegisteredEnrollment; message?: string }
  }>('admin', register, {
    input: {
      campaign: input.campaign,
      center: input.center,
      product: 'HOUSEHOLD_HEALTH_INSURANCE',
      months: 12,
      person: personInput({ fullName: input.fullName }),
      status: 'SUBMITTED',
    },
  })
  const enrollment = result.registerEnrollment.enrollment
  if (!enrollment) throw new Error(`Registering failed: ${JSON.stringify(result)}`)
  return enrollment
}

let receipts = 0

/**
 * Records the payment of what the enrollment costs, received today in cash with a receipt of its own
 * (SUBMITTED → PAID), so it counts toward the targets.
 */
export async function recordPayment(harness: Harness, enrollment: RegisteredEnrollment) {
  receipts += 1
  const result = await harness.graphql<{
    recordPayment: { __typename: string; message?: string }
  }>('admin', recordPaymentMutation, {
    input: {
      enrollments: [{ id: enrollment.id, version: enrollment.version }],
      paidOn: localDateInZone(new Date()),
      amount: enrollment.payable,
      channel: 'CASH_AT_POST_OFFICE',
      receiptNumber: `E2E-${process.pid}-${receipts}`,
    },
  })
  if (result.recordPayment.__typename !== 'RecordPaymentPayload') {
    throw new Error(`Recording the payment failed: ${JSON.stringify(result)}`)
  }
}

/**
 * The seeded launch campaign ran from November 2025; an admin extends it to a month from today, since
 * the form dates a registration today and the API keeps registrations within their campaign.
 */
export async function extendLaunchCampaignPastToday(harness: Harness) {
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

/** The ids of the seeded launch campaign and of the Sài Gòn central post office, where the specs register. */
export async function launchAtSaigon(harness: Harness) {
  const { campaign, center } = await harness.graphql<{ campaign: { id: string }; center: { id: string } }>(
    'admin',
    'query ($code: String!) { campaign(code: $code) { id } center(code: "BDTT-SAI-GON") { id } }',
    { code: launchCampaignCode },
  )
  return { campaign: campaign.id, center: center.id }
}

/** Downloads `path` in the page, with its cookies: the status, the disposition and the first two bytes. */
export async function downloadIn(page: Page, path: string | null) {
  return page.evaluate(async (href) => {
    const response = await fetch(href ?? '')
    const bytes = new Uint8Array(await response.arrayBuffer())
    return {
      status: response.status,
      disposition: response.headers.get('content-disposition') ?? '',
      zip: String.fromCharCode(bytes[0] ?? 0, bytes[1] ?? 0),
    }
  }, path)
}
