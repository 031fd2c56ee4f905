// The lifecycle steps as mutations: the shared planTransition decides which role may take which step
// from which status; the API adds where (the center tree) and keeps the history and the rollups.
// Confirming payment records a payment: payments/record-payment.ts.
import type { Enrollment, Prisma } from '@tangtoc/db'
import {
  checkFreeText,
  type EnrollmentAction,
  isLive,
  normalizeOptionalText,
  planTransition,
} from '@tangtoc/shared'
import { builder } from '../../builder.ts'
import type { Context } from '../../context.ts'
import { ForbiddenError, mutationErrorTypes, ValidationError, validationErrorFrom } from '../../errors.ts'
import { newId } from '../../new-id.ts'
import { insertRows } from '../../rows-insert.ts'
import { changedFields, recordAudits } from '../audit/record.ts'
import { publishEnrollmentChange } from '../progress/live.ts'
import { versionField } from '../versions.ts'
import {
  type EnrollmentWithCenter,
  enrollmentToChange,
  transactionOptions,
  updateAtVersion,
} from './changes.ts'
import { EnrollmentNode } from './enrollment.ts'
import { moveEnrollmentCounts } from './rollup.ts'

/** The steps a mutation takes on the enrollment alone (recording a payment is payments' own). */
export type StepAction = Exclude<EnrollmentAction, 'CONFIRM_PAYMENT'>

interface Step {
  field: string
  action: StepAction
  description: string
  /** Whether the input has a reason (required for rejections and cancellations). */
  reason: 'required' | 'optional'
  socialInsuranceNumber?: boolean
}

const steps: Step[] = [
  {
    field: 'submitEnrollment',
    action: 'SUBMIT',
    reason: 'optional',
    description: 'Hands a draft in: DRAFT → SUBMITTED.',
  },
  {
    field: 'activateEnrollment',
    action: 'ACTIVATE',
    reason: 'optional',
    socialInsuranceNumber: true,
    description:
      'Records that social insurance has the participation or issued the card: PAID → ACTIVE (managers).',
  },
  {
    field: 'rejectEnrollment',
    action: 'REJECT',
    reason: 'required',
    description: 'Refuses a submitted or paid enrollment, with a reason (managers).',
  },
  {
    field: 'cancelEnrollment',
    action: 'CANCEL',
    reason: 'required',
    description: 'Withdraws an enrollment, with a reason (agents: drafts only).',
  },
]

/**
 * What every status change leaves besides the row: its history entry, its audit event and the rollups'
 * move. The row is already changed (`after`), its version claimed.
 */
export function recordStatusChange(
  tx: Prisma.TransactionClient,
  context: Context,
  enrollment: EnrollmentWithCenter,
  after: Enrollment,
  change: { action: EnrollmentAction; reason: string | null; at: Date },
): Promise<void> {
  return recordStatusChanges(tx, context, [{ enrollment, after }], change)
}

/**
 * recordStatusChange for many enrollments taking the same step at once (a bulk action): one statement
 * for their history, one for their audit events, one for the rollups, however many they are.
 */
export async function recordStatusChanges(
  tx: Prisma.TransactionClient,
  context: Context,
  changed: readonly { enrollment: EnrollmentWithCenter; after: Enrollment }[],
  { action, reason, at }: { action: EnrollmentAction; reason: string | null; at: Date },
): Promise<void> {
  if (changed.length === 0) return
  const actorId = context.viewer?.userId ?? null
  await insertRows(
    tx,
    'EnrollmentStatusChange',
    changed.map(({ enrollment, after }) => ({
      id: newId(),
      enrollmentId: enrollment.id,
      fromStatus: enrollment.status,
      toStatus: after.status,
      reason,
      actorId,
      at,
    })),
  )
  await recordAudits(
    tx,
    context,
    changed.map(({ enrollment, after }) => {
      const { center: _center, ...before } = enrollment
      return {
        action: `enrollment.${action.toLowerCase() as Lowercase<typeof action>}` as const,
        entityType: 'Enrollment',
        entityId: enrollment.id,
        ...changedFields(before, after),
      }
    }),
  )
  // Last, so the hot rollup rows stay locked only until the commit.
  await moveEnrollmentCounts(
    tx,
    changed.map(({ enrollment, after }) => ({
      from: { key: enrollment, status: enrollment.status },
      to: { key: after, status: after.status },
    })),
  )
}

/** What one step names: the enrollment at the version read, the reason and, to activate, the number. */
export interface StepInput {
  id: string
  version: number
  reason?: string | null
  socialInsuranceNumber?: string | null
}

/**
 * One lifecycle step on one enrollment, in its own transaction: who may (role, center), from which
 * status, at the version read; the row, its history, its audit event and the rollups. Typed errors are
 * thrown. Used by each step's mutation and, row by row, by applyEnrollmentActions.
 */
export async function takeStep(context: Context, action: StepAction, input: StepInput): Promise<Enrollment> {
  const { enrollment, viewer } = await enrollmentToChange(context, input.id, input.version)
  const plan = planTransition(enrollment.status, action, { role: viewer.role, reason: input.reason })
  if (!plan.ok) {
    if (plan.issues.some((problem) => problem.code === 'TRANSITION_ROLE_FORBIDDEN')) {
      const problem = plan.issues[0]
      throw new ForbiddenError({ vi: problem?.message.vi ?? '', en: problem?.message.en ?? '' })
    }
    const error = validationErrorFrom(plan.issues)
    throw new ValidationError(
      error.fieldErrors.map((issue) => ({
        ...issue,
        path: issue.path[1] === 'action' ? ['input', 'id'] : issue.path,
      })),
    )
  }
  const unreadable = checkFreeText(input.reason, 'reason')
  if (unreadable.length > 0) throw validationErrorFrom(unreadable)
  const reason = normalizeOptionalText(input.reason)
  const socialInsuranceNumber =
    typeof input.socialInsuranceNumber === 'string' ? input.socialInsuranceNumber.trim() || null : undefined
  const now = new Date()
  const updated = await context.prisma.$transaction(async (tx) => {
    const row = await updateAtVersion(tx, enrollment, {
      status: plan.to,
      live: isLive(plan.to) ? true : null,
      ...(plan.to === 'REJECTED' || plan.to === 'CANCELLED' ? { statusReason: reason } : {}),
      ...(socialInsuranceNumber ? { socialInsuranceNumber } : {}),
    })
    await recordStatusChange(tx, context, enrollment, row, { action, reason, at: now })
    return row
  }, transactionOptions)
  publishEnrollmentChange(
    context,
    { ...updated, center: enrollment.center },
    'STATUS_CHANGED',
    enrollment.status,
  )
  return updated
}

for (const step of steps) {
  const typeName = step.field.charAt(0).toUpperCase() + step.field.slice(1)
  const Input = builder.inputType(`${typeName}Input`, {
    description: `Which enrollment, at which version. ${step.description}`,
    fields: (t) => ({
      id: t.id({ required: true, description: 'The enrollment (global id).' }),
      version: versionField(t),
      reason: t.string({
        required: step.reason === 'required',
        description:
          step.reason === 'required' ? 'Why; required.' : 'A note on the change, kept in the history.',
      }),
      ...(step.socialInsuranceNumber
        ? {
            socialInsuranceNumber: t.string({
              description: 'The social-insurance record or card number, when known.',
            }),
          }
        : {}),
    }),
  })
  const Payload = builder.objectRef<{ enrollment: Enrollment }>(`${typeName}Payload`).implement({
    description: 'The enrollment after the step.',
    fields: (t) => ({
      enrollment: t.field({
        type: EnrollmentNode,
        description: 'The enrollment.',
        resolve: (p) => p.enrollment,
      }),
    }),
  })

  builder.mutationField(step.field, (t) =>
    t.field({
      type: Payload,
      description: step.description,
      errors: { types: mutationErrorTypes },
      authScopes: { write: true },
      args: { input: t.arg({ type: Input, required: true }) },
      resolve: async (_root, { input }, context) => ({
        enrollment: await takeStep(context, step.action, input),
      }),
    }),
  )
}
