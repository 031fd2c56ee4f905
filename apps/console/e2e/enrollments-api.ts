// Enrollments registered and paid through the API, as an agent's app would, for specs that need counted
// enrollments without filling in the form.
import { personInput } from '@tangtoc/db/fixtures'
import type { Harness } from './harness.ts'

const register = `
  mutation Register($input: RegisterEnrollmentInput!) {
    registerEnrollment(input: $input) {
      __typename
      ... on RegisterEnrollmentPayload {
        enrollment {
          id
          version
        }
      }
      ... on UserError {
        message
      }
    }
  }
`

const confirmPayment = `
  mutation ConfirmPayment($input: ConfirmEnrollmentPaymentInput!) {
    confirmEnrollmentPayment(input: $input) {
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

/** Confirms the enrollment's payment (SUBMITTED → PAID), so it counts toward the targets. */
export async function confirmEnrollmentPayment(harness: Harness, enrollment: RegisteredEnrollment) {
  const result = await harness.graphql<{
    confirmEnrollmentPayment: { __typename: string; message?: string }
  }>('admin', confirmPayment, { input: { id: enrollment.id, version: enrollment.version } })
  if (result.confirmEnrollmentPayment.__typename !== 'ConfirmEnrollmentPaymentPayload') {
    throw new Error(`Confirming the payment failed: ${JSON.stringify(result)}`)
  }
}
