// Planning and recording outreach sessions: an agent for its own center, a center manager within its
// subtree, an admin anywhere. A session belongs to a center taking part in the campaign and falls
// within the campaign's days, counted in the campaign's time zone.
import type { AudienceGroup, Campaign, OutreachSession, Prisma, SessionKind, VenueKind } from '@tangtoc/db'
import {
  checkFreeText,
  type Issue,
  issue,
  localDateInZone,
  normalizeOptionalText,
  normalizeText,
} from '@tangtoc/shared'
import { builder } from '../../builder.ts'
import type { Context, Viewer } from '../../context.ts'
import { ConflictError, mutationErrorTypes, NotFoundError, validationErrorFrom } from '../../errors.ts'
import { idOf, idsOf } from '../../global-id.ts'
import { recordAudit } from '../audit/record.ts'
import { assertCanWriteCenter, canReadCenter } from '../auth/center-access.ts'
import { transactionOptions } from '../enrollments/changes.ts'
import { moveSessionKind } from '../enrollments/rollup.ts'
import { AudienceGroupEnum, SessionKindEnum } from '../enums.ts'
import { claimVersion, versionField } from '../versions.ts'
import { checkWard } from '../wards/ward-code.ts'
import { OutreachSessionNode, VenueKindEnum } from './outreach-session.ts'

type CenterRef = { id: string; path: string }

// The session node checks its center's path for every read, so payloads carry it.
const withCenter = { center: { select: { id: true, path: true } } } as const

function payload(name: string, description: string) {
  return builder.objectRef<OutreachSession & { center: CenterRef }>(name).implement({
    description,
    fields: (t) => ({
      outreachSession: t.field({
        type: OutreachSessionNode,
        description: 'The session as it now is.',
        resolve: (session) => session,
      }),
    }),
  })
}

const CreateOutreachSessionInput = builder.inputType('CreateOutreachSessionInput', {
  description: 'A session to plan.',
  fields: (t) => ({
    campaign: t.id({ required: true, description: 'The campaign, not closed.' }),
    center: t.id({
      required: true,
      description: 'The center holding it: one taking part in the campaign, and one you may write for.',
    }),
    title: t.string({ required: true, description: 'What it is called.' }),
    kind: t.field({ type: SessionKindEnum, required: true, description: 'What kind of session it is.' }),
    venueKind: t.field({
      type: VenueKindEnum,
      required: true,
      description: 'What kind of place it is held at.',
    }),
    address: t.string({ description: 'Where exactly.' }),
    wardCode: t.string({ description: 'The official 5-digit code of the ward.' }),
    startsAt: t.field({
      type: 'DateTime',
      required: true,
      description: 'When it starts, on a day of the campaign.',
    }),
    endsAt: t.field({
      type: 'DateTime',
      required: true,
      description: 'When it ends: after it starts, on a day of the campaign.',
    }),
    audiences: t.field({ type: [AudienceGroupEnum], defaultValue: [], description: 'Whom it aims at.' }),
    staff: t.idList({ description: 'The users working at it: active users of centers you may read.' }),
    notes: t.string({ description: 'Notes for the team.' }),
  }),
})

const UpdateOutreachSessionInput = builder.inputType('UpdateOutreachSessionInput', {
  description: 'Changes to a planned or done session; fields left out stay as they are.',
  fields: (t) => ({
    session: t.id({ required: true, description: 'The session.' }),
    version: versionField(t),
    title: t.string({ description: 'A new title.' }),
    kind: t.field({ type: SessionKindEnum, description: 'A new kind.' }),
    venueKind: t.field({ type: VenueKindEnum, description: 'A new kind of place.' }),
    address: t.string({ description: 'A new address; null clears it.' }),
    wardCode: t.string({ description: 'A new ward code; null clears it.' }),
    startsAt: t.field({ type: 'DateTime', description: 'A new start.' }),
    endsAt: t.field({ type: 'DateTime', description: 'A new end.' }),
    audiences: t.field({ type: [AudienceGroupEnum], description: 'New audiences.' }),
    staff: t.idList({ description: 'The new staff, replacing the old.' }),
    notes: t.string({ description: 'New notes; null clears them.' }),
    attendance: t.int({ description: 'A corrected attendance, for a session already done: zero or more.' }),
  }),
})

const CancelOutreachSessionInput = builder.inputType('CancelOutreachSessionInput', {
  description: 'A planned session that will not take place.',
  fields: (t) => ({
    session: t.id({ required: true, description: 'The session.' }),
    version: versionField(t),
    reason: t.string({ required: true, description: 'Why it is cancelled.' }),
  }),
})

const CompleteOutreachSessionInput = builder.inputType('CompleteOutreachSessionInput', {
  description: 'A planned session that took place.',
  fields: (t) => ({
    session: t.id({ required: true, description: 'The session.' }),
    version: versionField(t),
    attendance: t.int({ required: true, description: 'How many people came: zero or more.' }),
    notes: t.string({ description: 'What happened, what to follow up.' }),
  }),
})

// ─── checks ──────────────────────────────────────────────────────────────────

function checkTitle(value: string, issues: Issue[]): string {
  const title = normalizeText(value)
  if (!title || title.length > 200) {
    issues.push(issue('title', 'TITLE_REQUIRED'))
  }
  issues.push(...checkFreeText(value, 'title'))
  return title
}

function checkTimes(startsAt: Date, endsAt: Date, campaign: Campaign, issues: Issue[]) {
  if (endsAt <= startsAt) {
    issues.push(issue('endsAt', 'SESSION_ENDS_BEFORE_START'))
  }
  const first = campaign.startDate.toISOString().slice(0, 10)
  const last = campaign.endDate.toISOString().slice(0, 10)
  const outside = (field: 'startsAt' | 'endsAt') =>
    issue(field, 'SESSION_OUTSIDE_CAMPAIGN', { first, last, timeZone: campaign.timeZone })
  if (localDateInZone(startsAt, campaign.timeZone) < first) issues.push(outside('startsAt'))
  if (localDateInZone(endsAt, campaign.timeZone) > last) issues.push(outside('endsAt'))
}

function checkAttendance(attendance: number, issues: Issue[]) {
  if (!Number.isInteger(attendance) || attendance < 0) {
    issues.push(issue('attendance', 'ATTENDANCE_INVALID'))
  }
}

/** Active users whose center the viewer may read (users without a center: only for admins). */
async function checkStaff(context: Context, viewer: Viewer, refs: readonly string[], issues: Issue[]) {
  const ids = idsOf(refs, 'User', 'input.staff')
  const users = await context.prisma.user.findMany({
    where: { id: { in: ids }, active: true },
    select: { id: true, center: { select: { id: true, path: true } } },
  })
  const allowed = new Set(
    users
      .filter((user) => (user.center ? canReadCenter(viewer, user.center) : viewer.role === 'ADMIN'))
      .map((user) => user.id),
  )
  ids.forEach((id, index) => {
    if (!allowed.has(id)) {
      issues.push(issue(`staff.${index}`, 'STAFF_UNKNOWN'))
    }
  })
  return [...allowed]
}

/** The session, if the viewer may change it: not found when it cannot even read it. */
async function sessionToChange(context: Context, ref: string) {
  const session = await context.prisma.outreachSession.findUnique({
    where: { id: idOf(ref, 'OutreachSession', 'input.session') },
    include: {
      center: { select: { id: true, path: true } },
      campaign: true,
      staff: { select: { id: true } },
    },
  })
  if (!session || !context.viewer || !canReadCenter(context.viewer, session.center)) {
    throw new NotFoundError('OutreachSession', ref)
  }
  assertCanWriteCenter(context.viewer, session.center)
  return { session, viewer: context.viewer }
}

function notPlanned(session: OutreachSession, action: { vi: string; en: string }) {
  return new ConflictError({
    vi: `Chỉ ${action.vi} buổi đang lên kế hoạch; buổi này đang ${session.status}.`,
    en: `Only a planned session can be ${action.en}; this one is ${session.status}.`,
  })
}

const snapshot = (session: OutreachSession & { staff?: { id: string }[]; center?: CenterRef }) => {
  const { staff, center: _center, ...fields } = session
  return { ...fields, ...(staff ? { staffIds: staff.map((user) => user.id) } : {}) }
}

// ─── mutations ───────────────────────────────────────────────────────────────

// long: the mutation read top to bottom: the center and campaign found, the input checked (each check named), the session written with its audit
builder.mutationField('createOutreachSession', (t) =>
  t.field({
    type: payload('CreateOutreachSessionPayload', 'The session planned.'),
    description:
      'Plans an outreach session at a center taking part in the campaign: an agent for its own center, a center manager within its subtree, an admin anywhere.',
    errors: { types: mutationErrorTypes },
    authScopes: { write: true },
    args: { input: t.arg({ type: CreateOutreachSessionInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const center = await context.prisma.center.findUnique({
        where: { id: idOf(input.center, 'Center', 'input.center') },
      })
      if (!center) throw new NotFoundError('Center', input.center)
      assertCanWriteCenter(context.viewer, center)
      const viewer = context.viewer
      const campaign = await context.prisma.campaign.findUnique({
        where: { id: idOf(input.campaign, 'Campaign', 'input.campaign') },
        include: { centers: { where: { centerId: center.id }, select: { role: true } } },
      })
      if (!campaign) throw new NotFoundError('Campaign', input.campaign)
      if (campaign.status === 'CLOSED') {
        throw new ConflictError({
          vi: 'Chiến dịch đã kết thúc, không thể lên kế hoạch thêm buổi.',
          en: 'The campaign is closed: no more sessions can be planned.',
        })
      }

      const issues: Issue[] = []
      if (campaign.centers.length === 0) {
        issues.push(issue('center', 'CENTER_NOT_IN_CAMPAIGN'))
      }
      const title = checkTitle(input.title, issues)
      issues.push(...checkFreeText(input.address, 'address'), ...checkFreeText(input.notes, 'notes'))
      checkTimes(input.startsAt, input.endsAt, campaign, issues)
      await checkWard(context, input.wardCode, issues)
      const staff = await checkStaff(context, viewer, input.staff ?? [], issues)
      if (issues.length > 0) throw validationErrorFrom(issues)

      return context.prisma.$transaction(async (tx) => {
        const session = await tx.outreachSession.create({
          data: {
            campaignId: campaign.id,
            centerId: center.id,
            title,
            kind: input.kind as SessionKind,
            venueKind: input.venueKind as VenueKind,
            address: normalizeOptionalText(input.address),
            wardCode: input.wardCode || null,
            startsAt: input.startsAt,
            endsAt: input.endsAt,
            audiences: [...new Set(input.audiences ?? [])] as AudienceGroup[],
            staff: { connect: staff.map((id) => ({ id })) },
            notes: normalizeOptionalText(input.notes),
            createdById: viewer.userId,
          },
          include: withCenter,
        })
        await recordAudit(tx, context, {
          action: 'outreachSession.create',
          entityType: 'OutreachSession',
          entityId: session.id,
          after: { ...snapshot(session), staffIds: staff },
        })
        return session
      })
    },
  }),
)

builder.mutationField('updateOutreachSession', (t) =>
  t.field({
    type: payload('UpdateOutreachSessionPayload', 'The session changed.'),
    description:
      'Changes a planned session, or corrects the notes and attendance of one already done. A cancelled session no longer changes.',
    errors: { types: mutationErrorTypes },
    authScopes: { write: true },
    args: { input: t.arg({ type: UpdateOutreachSessionInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const { session, viewer } = await sessionToChange(context, input.session)
      if (session.status === 'CANCELLED') {
        throw new ConflictError({
          vi: 'Buổi đã bị hủy, không thể sửa.',
          en: 'The session is cancelled and can no longer change.',
        })
      }
      const data = await sessionChanges(context, viewer, session, input)
      return context.prisma.$transaction(async (tx) => {
        await claimVersion(tx, 'OutreachSession', session, input.version)
        const updated = await tx.outreachSession.update({
          where: { id: session.id },
          data,
          include: { ...withCenter, staff: { select: { id: true } } },
        })
        const { campaign: _campaign, ...before } = session
        await recordAudit(tx, context, {
          action: 'outreachSession.update',
          entityType: 'OutreachSession',
          entityId: session.id,
          before: snapshot(before),
          after: snapshot(updated),
        })
        // Progress counts enrollments by their session's kind: theirs move with it.
        if (updated.kind !== session.kind) await moveSessionKind(tx, session.id, session.kind, updated.kind)
        return updated
      }, transactionOptions)
    },
  }),
)

/** The change the input asks of the session, each field checked; a ValidationError names every issue. */
async function sessionChanges(
  context: Context,
  viewer: Viewer,
  session: Awaited<ReturnType<typeof sessionToChange>>['session'],
  input: typeof UpdateOutreachSessionInput.$inferInput,
): Promise<Prisma.OutreachSessionUpdateInput> {
  const issues: Issue[] = []
  const data: Prisma.OutreachSessionUpdateInput = {}
  if (input.title != null) data.title = checkTitle(input.title, issues)
  issues.push(...checkFreeText(input.address, 'address'), ...checkFreeText(input.notes, 'notes'))
  if (input.kind != null) data.kind = input.kind as SessionKind
  if (input.venueKind != null) data.venueKind = input.venueKind as VenueKind
  if (input.address !== undefined) data.address = normalizeOptionalText(input.address)
  if (input.wardCode !== undefined) {
    await checkWard(context, input.wardCode, issues)
    data.ward = input.wardCode ? { connect: { code: input.wardCode } } : { disconnect: true }
  }
  if (input.startsAt != null || input.endsAt != null) {
    const startsAt = input.startsAt ?? session.startsAt
    const endsAt = input.endsAt ?? session.endsAt
    checkTimes(startsAt, endsAt, session.campaign, issues)
    data.startsAt = startsAt
    data.endsAt = endsAt
  }
  if (input.audiences != null) data.audiences = [...new Set(input.audiences)] as AudienceGroup[]
  if (input.staff != null) {
    const staff = await checkStaff(context, viewer, input.staff, issues)
    data.staff = { set: staff.map((id) => ({ id })) }
  }
  if (input.notes !== undefined) data.notes = normalizeOptionalText(input.notes)
  if (input.attendance != null) {
    if (session.status !== 'DONE') issues.push(issue('attendance', 'SESSION_NOT_DONE'))
    checkAttendance(input.attendance, issues)
    data.attendance = input.attendance
  }
  if (issues.length > 0) throw validationErrorFrom(issues)
  return data
}

builder.mutationField('cancelOutreachSession', (t) =>
  t.field({
    type: payload('CancelOutreachSessionPayload', 'The session, now cancelled.'),
    description: 'Cancels a planned session, with the reason: PLANNED → CANCELLED.',
    errors: { types: mutationErrorTypes },
    authScopes: { write: true },
    args: { input: t.arg({ type: CancelOutreachSessionInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const { session } = await sessionToChange(context, input.session)
      if (session.status !== 'PLANNED') throw notPlanned(session, { vi: 'hủy được', en: 'cancelled' })
      const reason = normalizeText(input.reason)
      if (!reason) throw validationErrorFrom([issue('reason', 'TRANSITION_REASON_REQUIRED')])
      const unreadable = checkFreeText(input.reason, 'reason')
      if (unreadable.length > 0) throw validationErrorFrom(unreadable)
      return context.prisma.$transaction(async (tx) => {
        await claimVersion(tx, 'OutreachSession', session, input.version)
        const updated = await tx.outreachSession.update({
          where: { id: session.id },
          data: { status: 'CANCELLED', cancelReason: reason },
          include: withCenter,
        })
        await recordAudit(tx, context, {
          action: 'outreachSession.cancel',
          entityType: 'OutreachSession',
          entityId: session.id,
          before: { status: session.status, version: session.version },
          after: { status: updated.status, cancelReason: reason, version: updated.version },
        })
        return updated
      })
    },
  }),
)

builder.mutationField('completeOutreachSession', (t) =>
  t.field({
    type: payload('CompleteOutreachSessionPayload', 'The session, now done.'),
    description: 'Records that a planned session took place, with its attendance and notes: PLANNED → DONE.',
    errors: { types: mutationErrorTypes },
    authScopes: { write: true },
    args: { input: t.arg({ type: CompleteOutreachSessionInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const { session } = await sessionToChange(context, input.session)
      if (session.status !== 'PLANNED') throw notPlanned(session, { vi: 'hoàn thành được', en: 'completed' })
      const issues: Issue[] = [...checkFreeText(input.notes, 'notes')]
      checkAttendance(input.attendance, issues)
      if (issues.length > 0) throw validationErrorFrom(issues)
      const notes = input.notes != null ? normalizeOptionalText(input.notes) : session.notes
      return context.prisma.$transaction(async (tx) => {
        await claimVersion(tx, 'OutreachSession', session, input.version)
        const updated = await tx.outreachSession.update({
          where: { id: session.id },
          data: { status: 'DONE', attendance: input.attendance, notes },
          include: withCenter,
        })
        await recordAudit(tx, context, {
          action: 'outreachSession.complete',
          entityType: 'OutreachSession',
          entityId: session.id,
          before: { status: session.status, version: session.version },
          after: { status: updated.status, attendance: updated.attendance, notes, version: updated.version },
        })
        return updated
      })
    },
  }),
)
