// Recording a contact attempt about an enrollment or a lead: by anyone who may write for its center.
// What it leaves on the enrollment or lead (a promise to pay, or closed) is the shared followUpEffect;
// an attempt recorded after a later one is kept in the history without changing that.
import type { Enrollment, FollowUp, FollowUpMeans, FollowUpOutcome, Lead, Prisma } from '@tangtoc/db'
import {
  checkFreeText,
  type FollowUpState,
  followUpEffect,
  localDateInZone,
  normalizeOptionalText,
} from '@tangtoc/shared'
import { builder } from '../../builder.ts'
import type { Context } from '../../context.ts'
import { mutationErrorTypes, NotFoundError, validationErrorFrom } from '../../errors.ts'
import { decodeGlobalId, invalidGlobalId } from '../../global-id.ts'
import { recordAudit } from '../audit/record.ts'
import { assertCanWriteCenter, canReadCenter } from '../auth/center-access.ts'
import { EnrollmentNode } from '../enrollments/enrollment.ts'
import { FollowUpMeansEnum, FollowUpObject, FollowUpOutcomeEnum } from './follow-up.ts'
import { LeadNode } from './lead.ts'

const RecordFollowUpInput = builder.inputType('RecordFollowUpInput', {
  description: 'A contact attempt about an enrollment or a lead.',
  fields: (t) => ({
    subject: t.id({
      required: true,
      description: 'The enrollment or lead followed up (its global id), at a center you may write for.',
    }),
    at: t.field({ type: 'DateTime', description: 'When the person was contacted; now by default.' }),
    means: t.field({ type: FollowUpMeansEnum, required: true, description: 'How.' }),
    outcome: t.field({ type: FollowUpOutcomeEnum, required: true, description: 'What came of it.' }),
    promisedOn: t.field({
      type: 'Date',
      description: 'WILL_PAY (and only then): the day the person promised to pay, not before the contact.',
    }),
    reason: t.string({ description: 'DECLINED (required then): why.' }),
    note: t.string({ description: 'Anything else worth knowing.' }),
  }),
})

/** An enrollment or a lead followed up, with its campaign's time zone (the zone its days are counted in). */
export type Subject = (
  | { kind: 'enrollment'; row: Enrollment & { center: { id: string; path: string } } }
  | { kind: 'lead'; row: Lead & { center: { id: string; path: string } } }
) & { timeZone: string }

type Recorded = { followUp: FollowUp; subject: Subject }

const RecordFollowUpPayload = builder.objectRef<Recorded>('RecordFollowUpPayload').implement({
  description: 'The contact attempt recorded, and the enrollment or lead as it now is.',
  fields: (t) => ({
    followUp: t.field({
      type: FollowUpObject,
      description: 'The attempt.',
      resolve: (done) => done.followUp,
    }),
    enrollment: t.field({
      type: EnrollmentNode,
      nullable: true,
      description: 'The enrollment followed up; null for a lead.',
      resolve: (done) => (done.subject.kind === 'enrollment' ? done.subject.row : null),
    }),
    lead: t.field({
      type: LeadNode,
      nullable: true,
      description: 'The lead followed up; null for an enrollment.',
      resolve: (done) => (done.subject.kind === 'lead' ? done.subject.row : null),
    }),
  }),
})

const withCenter = { center: { select: { id: true, path: true } } } as const

/** The enrollment or lead a global id names, when the viewer may read it; not found otherwise. */
async function followUpSubject(context: Context, ref: string, path: string): Promise<Subject> {
  const [subject] = await followUpSubjects(context, [ref], () => path)
  if (!subject) throw new NotFoundError('Enrollment', ref)
  return subject
}

/**
 * The enrollments and leads global ids name, in their order, read in two statements; the first one
 * the viewer may not read is not found.
 */
export async function followUpSubjects(
  context: Context,
  refs: readonly string[],
  pathOf: (index: number) => string,
): Promise<Subject[]> {
  const decoded = refs.map((ref, index) => {
    const id = decodeGlobalId(ref)
    if (id?.typename !== 'Enrollment' && id?.typename !== 'Lead') {
      throw invalidGlobalId(pathOf(index), 'Enrollment or Lead')
    }
    return id
  })
  const idsOf = (typename: string) => decoded.filter((id) => id.typename === typename).map((id) => id.id)
  const [enrollments, leads] = await Promise.all([
    context.prisma.enrollment.findMany({
      where: { id: { in: idsOf('Enrollment') } },
      include: { ...withCenter, campaign: { select: { timeZone: true } } },
    }),
    context.prisma.lead.findMany({
      where: { id: { in: idsOf('Lead') } },
      include: { ...withCenter, session: { select: { campaign: { select: { timeZone: true } } } } },
    }),
  ])
  const found = new Map<string, Subject>([
    ...enrollments.map(
      ({ campaign, ...row }) => [row.id, { kind: 'enrollment', row, timeZone: campaign.timeZone }] as const,
    ),
    ...leads.map(
      ({ session, ...row }) => [row.id, { kind: 'lead', row, timeZone: session.campaign.timeZone }] as const,
    ),
  ])
  return decoded.map((id, index) => {
    const subject = found.get(id.id)
    if (!subject || !context.viewer || !canReadCenter(context.viewer, subject.row.center)) {
      throw new NotFoundError(id.typename, refs[index] ?? '')
    }
    return subject
  })
}

builder.mutationField('recordFollowUp', (t) =>
  t.field({
    type: RecordFollowUpPayload,
    description:
      'Records a contact attempt about an enrollment or a lead. WILL_PAY puts it on its promised day’s PROMISED list; DECLINED, MOVED_AWAY, DECEASED and INSURED_ELSEWHERE take it off every worklist; any later attempt replaces what the last one left.',
    errors: { types: mutationErrorTypes },
    authScopes: { write: true },
    args: { input: t.arg({ type: RecordFollowUpInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const subject = await followUpSubject(context, input.subject, 'input.subject')
      assertCanWriteCenter(context.viewer, subject.row.center)
      const viewer = context.viewer
      const at = input.at ?? new Date()
      const state = checkFollowUp(input, at, subject.timeZone)
      return context.prisma.$transaction(async (tx) => {
        const followUp = await tx.followUp.create({
          data: {
            enrollmentId: subject.kind === 'enrollment' ? subject.row.id : null,
            leadId: subject.kind === 'lead' ? subject.row.id : null,
            centerId: subject.row.centerId,
            byId: viewer.userId,
            at,
            means: input.means as FollowUpMeans,
            outcome: input.outcome as FollowUpOutcome,
            enrollmentStatus: subject.kind === 'enrollment' ? subject.row.status : null,
            promisedOn: state.promisedOn ? new Date(`${state.promisedOn}T00:00:00Z`) : null,
            reason: normalizeOptionalText(input.reason),
            note: normalizeOptionalText(input.note),
          },
        })
        const { latest, updated } = await followUpDecides(tx, subject, followUp, state)
        await recordAudit(tx, context, {
          action: 'followUp.record',
          entityType: 'FollowUp',
          entityId: followUp.id,
          after: { ...followUp, latest },
        })
        return { followUp, subject: updated }
      })
    },
  }),
)

/** What the attempt leaves on the worklists (FollowUpState), once its outcome, dates and texts are valid. */
function checkFollowUp(
  input: typeof RecordFollowUpInput.$inferInput,
  at: Date,
  timeZone: string,
): FollowUpState {
  const effect = followUpEffect({
    outcome: input.outcome as FollowUpOutcome,
    on: localDateInZone(at, timeZone),
    today: localDateInZone(new Date(), timeZone),
    promisedOn: input.promisedOn,
    reason: input.reason,
  })
  const issues = [
    ...(effect.ok ? [] : effect.issues),
    ...checkFreeText(input.reason, 'reason'),
    ...checkFreeText(input.note, 'note'),
  ]
  if (!effect.ok || issues.length > 0) throw validationErrorFrom(issues)
  return effect.state
}

/**
 * The subject after the attempt: only the latest attempt decides the entry's state; an earlier one
 * recorded late is history and leaves it as it is.
 */
async function followUpDecides(
  tx: Prisma.TransactionClient,
  subject: Subject,
  followUp: FollowUp,
  state: FollowUpState,
): Promise<{ latest: boolean; updated: Subject }> {
  const last = subject.row.lastFollowUpId
    ? await tx.followUp.findUnique({ where: { id: subject.row.lastFollowUpId }, select: { at: true } })
    : null
  const latest = !last || last.at <= followUp.at
  const data = latest
    ? { lastFollowUpId: followUp.id, promisedOn: followUp.promisedOn, followUpClosed: state.closed }
    : {}
  const updated: Subject =
    subject.kind === 'enrollment'
      ? {
          kind: 'enrollment',
          row: await tx.enrollment.update({ where: { id: subject.row.id }, data, include: withCenter }),
          timeZone: subject.timeZone,
        }
      : {
          kind: 'lead',
          row: await tx.lead.update({
            where: { id: subject.row.id },
            data: { ...data, version: { increment: 1 } },
            include: withCenter,
          }),
          timeZone: subject.timeZone,
        }
  return { latest, updated }
}
