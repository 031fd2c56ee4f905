// An enrollment's life: DRAFT → SUBMITTED → PAID → ACTIVE, or out to REJECTED or CANCELLED.
//
//   SUBMIT           DRAFT → SUBMITTED      the agent hands the registration in
//   CONFIRM_PAYMENT  SUBMITTED → PAID       the money is received; this is the API's "verify". Agents
//                                           too: post-office agents collect the money at their center
//   ACTIVATE         PAID → ACTIVE          social insurance has recorded the participation / card
//   REJECT           SUBMITTED, PAID → REJECTED   a reviewer refuses it (wrong data, not eligible)
//   CANCEL           DRAFT, SUBMITTED, PAID → CANCELLED   the person or the unit withdraws it
//
// A paid enrollment can still be rejected or cancelled (then refunded outside this system); an ACTIVE
// one cannot: undoing a recorded participation is social insurance's procedure, not this tool's.
// Where a role may act (its subtree, its own center) is the API's check: see `roleScopes`.

import { type EnrollmentStatus, enrollmentStatuses, isOneOf, type Role, roles } from '../enums.ts'
import { type Failure, failure, issue } from '../messages.ts'
import { normalizeText } from '../text/search-key.ts'

export const enrollmentActions = ['SUBMIT', 'CONFIRM_PAYMENT', 'ACTIVATE', 'REJECT', 'CANCEL'] as const
export type EnrollmentAction = (typeof enrollmentActions)[number]

export type Transition = {
  readonly from: EnrollmentStatus
  readonly action: EnrollmentAction
  readonly to: EnrollmentStatus
  readonly roles: readonly Role[]
  readonly reasonRequired: boolean
}

const managers: readonly Role[] = ['ADMIN', 'CENTER_MANAGER']
const managersAndAgents: readonly Role[] = ['ADMIN', 'CENTER_MANAGER', 'AGENT']

/** Every allowed status change and who may make it. ADMIN may make them all; VIEWER none. */
export const transitions: readonly Transition[] = [
  { from: 'DRAFT', action: 'SUBMIT', to: 'SUBMITTED', roles: managersAndAgents, reasonRequired: false },
  { from: 'DRAFT', action: 'CANCEL', to: 'CANCELLED', roles: managersAndAgents, reasonRequired: true },
  {
    from: 'SUBMITTED',
    action: 'CONFIRM_PAYMENT',
    to: 'PAID',
    roles: managersAndAgents,
    reasonRequired: false,
  },
  { from: 'SUBMITTED', action: 'REJECT', to: 'REJECTED', roles: managers, reasonRequired: true },
  { from: 'SUBMITTED', action: 'CANCEL', to: 'CANCELLED', roles: managers, reasonRequired: true },
  { from: 'PAID', action: 'ACTIVATE', to: 'ACTIVE', roles: managers, reasonRequired: false },
  { from: 'PAID', action: 'REJECT', to: 'REJECTED', roles: managers, reasonRequired: true },
  { from: 'PAID', action: 'CANCEL', to: 'CANCELLED', roles: managers, reasonRequired: true },
]

/**
 * Which enrollments a role may act on: ADMIN any; CENTER_MANAGER those of its center's subtree;
 * AGENT those of its own center; VIEWER none.
 */
export const roleScopes = {
  ADMIN: 'ALL',
  CENTER_MANAGER: 'SUBTREE',
  AGENT: 'OWN_CENTER',
  VIEWER: 'NONE',
} as const satisfies Record<Role, 'ALL' | 'SUBTREE' | 'OWN_CENTER' | 'NONE'>

export type TransitionPlan = {
  readonly ok: true
  readonly to: EnrollmentStatus
  readonly transition: Transition
}

/**
 * Whether a role may take an action on an enrollment in a status, and the status it leads to.
 * Rejecting and cancelling need a reason (blank after trimming counts as none).
 */
export function planTransition(
  from: EnrollmentStatus,
  action: EnrollmentAction,
  { role, reason }: { readonly role: Role; readonly reason?: string | null },
): TransitionPlan | Failure {
  if (!isOneOf(enrollmentStatuses, from)) return failure([issue('status', 'ENROLLMENT_STATUS_UNKNOWN')])
  if (!isOneOf(enrollmentActions, action)) return failure([issue('action', 'ENROLLMENT_ACTION_UNKNOWN')])
  const transition = transitions.find((candidate) => candidate.from === from && candidate.action === action)
  const labels = {
    action: { label: 'EnrollmentAction', value: action },
    from: { label: 'EnrollmentStatus', value: from },
  } as const
  if (!transition) return failure([issue('action', 'TRANSITION_NOT_ALLOWED', labels)])
  if (!isOneOf(roles, role) || !transition.roles.includes(role)) {
    return failure([
      issue('action', 'TRANSITION_ROLE_FORBIDDEN', {
        ...labels,
        role: { label: 'Role', value: String(role) },
      }),
    ])
  }
  if (transition.reasonRequired && normalizeText(reason ?? '') === '') {
    return failure([issue('reason', 'TRANSITION_REASON_REQUIRED')])
  }
  return { ok: true, to: transition.to, transition }
}

/**
 * Whether a role records money received: whoever may confirm payment (CONFIRM_PAYMENT), also for the
 * next periods of voluntary social insurance already paid (paysNextPeriod in payments.ts).
 */
export function mayRecordPayment(role: Role): boolean {
  return transitions.some(
    (transition) => transition.action === 'CONFIRM_PAYMENT' && transition.roles.includes(role),
  )
}

/** The actions a role can take on an enrollment in a status: the buttons the console shows. */
export function availableActions(from: EnrollmentStatus, role: Role): EnrollmentAction[] {
  return transitions
    .filter((transition) => transition.from === from && transition.roles.includes(role))
    .map((transition) => transition.action)
}

/** Live enrollments hold the person's one place per product per campaign (Enrollment.live). */
export function isLive(status: EnrollmentStatus): boolean {
  return status !== 'REJECTED' && status !== 'CANCELLED'
}

/** A sign-up that never pays is not a participant: only these count toward targets by default. */
export const defaultCountedStatuses: readonly EnrollmentStatus[] = ['PAID', 'ACTIVE']
