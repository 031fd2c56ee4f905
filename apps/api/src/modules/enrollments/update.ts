// The updateEnrollment mutation: a draft or submitted enrollment's session or contribution inputs,
// quoted again.
import type { Enrollment, Prisma } from '@tangtoc/db'
import { checkRegistrationDate, type Issue, issue } from '@tangtoc/shared'
import { builder } from '../../builder.ts'
import type { Context } from '../../context.ts'
import { mutationErrorTypes, NotFoundError, validationErrorFrom } from '../../errors.ts'
import { optionalIdOf } from '../../global-id.ts'
import { recordAudit } from '../audit/record.ts'
import { quoteEnrollment } from '../contribution/enrollment-quote.ts'
import { SupportGroupEnum } from '../enums.ts'
import { publishEnrollmentChange } from '../progress/live.ts'
import { versionField } from '../versions.ts'
import {
  type EnrollmentWithCenter,
  enrollmentToChange,
  transactionOptions,
  updateAtVersion,
} from './changes.ts'
import { EnrollmentNode } from './enrollment.ts'
import { registrationPeriod } from './registration-prepare.ts'
import { moveEnrollmentCount } from './rollup.ts'

const UpdateEnrollmentInput = builder.inputType('UpdateEnrollmentInput', {
  description:
    'Changes to a draft or submitted enrollment; omitted fields keep their value. The quote is made again.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The enrollment (global id).' }),
    version: versionField(t),
    session: t.id({ description: 'The outreach session (global id); null to clear it.' }),
    on: t.field({
      type: 'Date',
      description:
        'The first day of the period, whose rules price it; within the campaign, widened by its registrationMarginDays.',
    }),
    months: t.int({ description: 'The months paid for.' }),
    monthlyIncome: t.int({ description: 'Voluntary social insurance: the monthly income to contribute on.' }),
    supportGroups: t.field({ type: [SupportGroupEnum], description: 'The person’s support groups.' }),
  }),
})

const UpdateEnrollmentPayload = builder
  .objectRef<{ enrollment: Enrollment }>('UpdateEnrollmentPayload')
  .implement({
    description: 'The enrollment as stored.',
    fields: (t) => ({
      enrollment: t.field({
        type: EnrollmentNode,
        description: 'The enrollment.',
        resolve: (p) => p.enrollment,
      }),
    }),
  })

type UpdateInput = typeof UpdateEnrollmentInput.$inferInput

builder.mutationField('updateEnrollment', (t) =>
  t.field({
    type: UpdateEnrollmentPayload,
    description:
      'Changes a DRAFT or SUBMITTED enrollment’s session or contribution inputs, and quotes it again.',
    errors: { types: mutationErrorTypes },
    authScopes: { write: true },
    args: { input: t.arg({ type: UpdateEnrollmentInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const { enrollment, sessionId } = await editableEnrollment(context, input)
      const quote = await quoteAgain(context, enrollment, input)
      const updated = await storeUpdate(context, enrollment, { sessionId, ...quote })
      publishEnrollmentChange(context, { ...updated, center: enrollment.center }, 'UPDATED')
      return { enrollment: updated }
    },
  }),
)

/**
 * The enrollment the input names, when it may still change (a draft or submitted one), and the session
 * it moves to: one of its campaign's.
 */
async function editableEnrollment(context: Context, input: UpdateInput) {
  const { enrollment } = await enrollmentToChange(context, input.id, input.version)
  const issues: Issue[] = []
  if (enrollment.status !== 'DRAFT' && enrollment.status !== 'SUBMITTED') {
    issues.push(issue('id', 'ENROLLMENT_NOT_EDITABLE'))
  }
  let sessionId = enrollment.sessionId
  if (input.session !== undefined) {
    sessionId = optionalIdOf(input.session, 'OutreachSession', 'input.session')
    if (sessionId) {
      const session = await context.prisma.outreachSession.findUnique({
        where: { id: sessionId },
        select: { campaignId: true },
      })
      if (!session) throw new NotFoundError('OutreachSession', input.session ?? '')
      if (session.campaignId !== enrollment.campaignId) {
        issues.push(issue('session', 'SESSION_NOT_IN_CAMPAIGN'))
      }
    }
  }
  if (issues.length > 0) throw validationErrorFrom(issues)
  return { enrollment, sessionId }
}

/** The contribution inputs after the update, omitted ones kept, and their quote made again. */
async function quoteAgain(context: Context, enrollment: EnrollmentWithCenter, input: UpdateInput) {
  const campaign = await context.prisma.campaign.findUniqueOrThrow({
    where: { id: enrollment.campaignId },
  })
  if (input.on != null) {
    const outside = checkRegistrationDate(input.on, registrationPeriod(campaign))
    if (outside.length > 0) throw validationErrorFrom(outside)
  }
  const members = enrollment.householdId
    ? await householdMembers(context, enrollment.householdId, enrollment)
    : null
  const on = input.on ?? enrollment.quoteDate.toISOString().slice(0, 10)
  const months = input.months ?? enrollment.months
  const monthlyIncome = input.monthlyIncome === undefined ? enrollment.monthlyIncome : input.monthlyIncome
  const supportGroups = input.supportGroups ?? enrollment.supportGroups
  const quote = await quoteEnrollment(context, {
    product: enrollment.product,
    on,
    months,
    monthlyIncome,
    supportGroups,
    jurisdiction: campaign.jurisdiction,
    ...(members
      ? {
          household: {
            members,
            enrolledIndex: Math.max(
              members.findIndex((member) => member.personId === enrollment.personId),
              0,
            ),
          },
        }
      : {}),
  })
  return { quoteDate: new Date(`${on}T00:00:00Z`), months, monthlyIncome, supportGroups, ...quote }
}

/**
 * The household's members in register order, each with the support groups of their live
 * enrollment in the campaign, as registered.
 */
async function householdMembers(
  context: Context,
  householdId: string,
  enrollment: Pick<Enrollment, 'campaignId' | 'product'>,
) {
  const members = await context.prisma.householdMember.findMany({
    where: { householdId },
    orderBy: { position: 'asc' },
    select: {
      personId: true,
      insuredElsewhere: true,
      person: {
        select: {
          enrollments: {
            where: { campaignId: enrollment.campaignId, product: enrollment.product, live: true },
            select: { supportGroups: true },
          },
        },
      },
    },
  })
  return members.map(({ person, ...member }) => ({
    ...member,
    supportGroups: person.enrollments[0]?.supportGroups ?? [],
  }))
}

/** Writes the changes at the enrollment's version, with its audit event and, for a new session, its count moved. */
async function storeUpdate(
  context: Context,
  enrollment: EnrollmentWithCenter,
  changes: Prisma.EnrollmentUncheckedUpdateInput & { sessionId: string | null },
) {
  return context.prisma.$transaction(async (tx) => {
    const row = await updateAtVersion(tx, enrollment, changes)
    const { center: _center, ...before } = enrollment
    await recordAudit(tx, context, {
      action: 'enrollment.update',
      entityType: 'Enrollment',
      entityId: enrollment.id,
      before,
      after: row,
    })
    if (row.sessionId !== enrollment.sessionId) {
      await moveEnrollmentCount(
        tx,
        { key: enrollment, status: enrollment.status },
        { key: row, status: row.status },
      )
    }
    return row
  }, transactionOptions)
}
