// Shared by the enrollment tests: a campaign with a participating center and its staff, and the
// GraphQL documents they send.
import { encodeGlobalID } from '@pothos/plugin-relay'
import type { Center } from '@tangtoc/db'
import { createCampaign, createCenter, personInput } from '@tangtoc/db/fixtures'
import type { ExecutionResult } from 'graphql'
import { vi } from 'vitest'
import type { OperationData } from '../../../test/graphql-data.ts'
import type { ApiHarness } from '../../../test/harness.ts'

export const gid = encodeGlobalID

export const registerEnrollment = `mutation ($input: RegisterEnrollmentInput!) {
  registerEnrollment(input: $input) {
    __typename
    ... on RegisterEnrollmentPayload {
      personReused
      registration { id payable household { id members(first: 10) { totalCount } } enrollments { id } }
      enrollments { id version householdPosition gross support payable supportGroups person { fullName } registration { id } household { id } }
      enrollment {
        id version status product gross support payable months monthlyIncome supportGroups householdPosition
        quoteDate periodStart periodEnd registeredOn
        person { id fullName citizenId phone }
        household { members(first: 10) { edges { node { position isHead insuredElsewhere person { fullName } } } } }
        statusChanges(first: 5) { totalCount edges { node { fromStatus toStatus } } }
        availableActions
      }
    }
    ... on ValidationError { fieldErrors { path code message } }
    ... on ConflictError { existingId message }
    ... on TooManyAttemptsError { retryAfterSeconds }
    ... on UserError { code message }
  }
}`

export function stepMutation(field: string, inputType: string, extra = '') {
  return `mutation ($input: ${inputType}!) {
    ${field}(input: $input) {
      __typename
      ... on ${inputType.replace(/Input$/, 'Payload')} { enrollment { id status statusReason version socialInsuranceNumber ${extra} } }
      ... on ValidationError { fieldErrors { path code } }
      ... on StaleObjectError { currentVersion }
      ... on UserError { code message }
    }
  }`
}

export const submit = stepMutation('submitEnrollment', 'SubmitEnrollmentInput')
export const confirmPayment = stepMutation('confirmEnrollmentPayment', 'ConfirmEnrollmentPaymentInput')
export const activate = stepMutation('activateEnrollment', 'ActivateEnrollmentInput')
export const reject = stepMutation('rejectEnrollment', 'RejectEnrollmentInput')
export const cancel = stepMutation('cancelEnrollment', 'CancelEnrollmentInput')

/** A campaign with one participating center under a parent, and one user of each role there. */
export async function campaignSetting(api: ApiHarness) {
  const parent = await createCenter(api.prisma)
  const center = await createCenter(api.prisma, { parent })
  const campaign = await createCampaign(api.prisma, { centers: [center], organizers: [parent] })
  const admin = await api.userWithRole('ADMIN', null)
  const manager = await api.userWithRole('CENTER_MANAGER', parent)
  const agent = await api.userWithRole('AGENT', center)
  const viewer = await api.userWithRole('VIEWER', parent)
  const otherAgent = await api.userWithRole('AGENT')
  return { parent, center, campaign, admin, manager, agent, viewer, otherAgent }
}

/**
 * The campaign moved to `timeZone`, and the clock (Date alone) set to `now`: a day that differs between
 * that zone and Vietnam. The test restores the clock (vi.useRealTimers) after.
 */
export async function campaignInZoneAt(
  api: ApiHarness,
  campaign: { id: string },
  { timeZone, now }: { timeZone: string; now: string },
) {
  await api.prisma.campaign.update({ where: { id: campaign.id }, data: { timeZone } })
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date(now))
}

export function vsiInput(
  setting: { campaign: { id: string }; center: Center },
  overrides: Record<string, unknown> = {},
  person = personInput(),
) {
  return {
    campaign: gid('Campaign', setting.campaign.id),
    center: gid('Center', setting.center.id),
    product: 'VOLUNTARY_SOCIAL_INSURANCE',
    person: { ...person, phone: '0912 345 678', wardCode: '25747', address: '  12  Lê Lợi ' },
    on: '2025-11-04',
    months: 1,
    monthlyIncome: 1_500_000,
    supportGroups: ['OTHER'],
    status: 'SUBMITTED',
    ...overrides,
  }
}

/** A household member as registerEnrollment takes it: the person and the member's facts. */
export type MemberInput = { person: ReturnType<typeof personInput>; [field: string]: unknown }

/** A household health insurance registration of `members` (the first named), for 12 months from 2025-11-10. */
export function householdInput(
  setting: { campaign: { id: string }; center: Center },
  members: MemberInput[],
  overrides: Record<string, unknown> = {},
) {
  return {
    campaign: gid('Campaign', setting.campaign.id),
    center: gid('Center', setting.center.id),
    product: 'HOUSEHOLD_HEALTH_INSURANCE',
    person: members[0]?.person,
    householdMembers: members,
    on: '2025-11-10',
    months: 12,
    status: 'SUBMITTED',
    ...overrides,
  }
}

/** Refused as a typed ForbiddenError in the union, or as a FORBIDDEN error where the scope check runs first. */
export function wasRefused(result: ExecutionResult<OperationData>, field: string) {
  const value = result.data?.[field]
  if (value) return value.__typename === 'ForbiddenError'
  return (result.errors ?? []).some((error) => error.extensions?.code === 'FORBIDDEN')
}
