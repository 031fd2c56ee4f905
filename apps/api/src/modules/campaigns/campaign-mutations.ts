import type {
  Campaign,
  CampaignCenterRole,
  CountDay,
  CountedParticipants,
  EnrollmentStatus,
  Prisma,
  Product,
} from '@tangtoc/db'
import {
  checkFreeText,
  checkRegistrationMargin,
  checkTargetGrid,
  defaultCountedStatuses,
  findProvince,
  foldSearchKey,
  type Issue,
  isIsoDate,
  isLive,
  issue,
  localDateInZone,
  normalizeOptionalText,
  normalizeText,
} from '@tangtoc/shared'
import { builder } from '../../builder.ts'
import { changesCachedData } from '../../caches.ts'
import type { Context } from '../../context.ts'
import { ConflictError, mutationErrorTypes, NotFoundError, validationErrorFrom } from '../../errors.ts'
import { idOf, idsOf, optionalIdOf } from '../../global-id.ts'
import { recordAudit } from '../audit/record.ts'
import { checkCode } from '../codes.ts'
import { CountDayEnum, CountedParticipantsEnum, EnrollmentStatusEnum, ProductEnum } from '../enums.ts'
import { claimVersion, versionField } from '../versions.ts'
import { CampaignCenterRoleEnum, CampaignNode } from './campaign.ts'

const adminWrite = { $all: { admin: true, write: true } } as const

function payload(name: string, description: string) {
  return builder.objectRef<Campaign>(name).implement({
    description,
    fields: (t) => ({
      campaign: t.field({ type: CampaignNode, description: 'The campaign as it now is.', resolve: (c) => c }),
    }),
  })
}

// ─── create and update ───────────────────────────────────────────────────────

const CreateCampaignInput = builder.inputType('CreateCampaignInput', {
  description: 'A new campaign, created as a draft.',
  fields: (t) => ({
    code: t.string({
      required: true,
      description: 'A short code unique among campaigns: letters, digits, ".", "_" or "-", at most 40.',
    }),
    name: t.string({ required: true, description: 'The name, in Vietnamese.' }),
    description: t.string({ description: 'What the campaign is for.' }),
    startDate: t.field({ type: 'Date', required: true, description: 'The first day.' }),
    endDate: t.field({ type: 'Date', required: true, description: 'The last day, on or after the first.' }),
    timeZone: t.string({
      defaultValue: 'Asia/Ho_Chi_Minh',
      description: 'The IANA time zone its days are counted in.',
    }),
    jurisdiction: t.string({
      defaultValue: '79',
      description:
        '"VN" for national contribution rules only, or the 2-digit code of the province whose rules apply too.',
    }),
    countedStatuses: t.field({
      type: [EnrollmentStatusEnum],
      defaultValue: [...defaultCountedStatuses],
      description: `The live enrollment statuses that count toward the targets; ${defaultCountedStatuses.join(' and ')} by default.`,
    }),
    registrationMarginDays: t.int({
      defaultValue: 0,
      description:
        'How many days before the first day and after the last an enrollment’s period may still begin: 0 (the default) to 366.',
    }),
    countOn: t.field({
      type: CountDayEnum,
      defaultValue: 'PAYMENT_DAY',
      description:
        'The day a paid participant counts for in progress: PAYMENT_DAY (the default) or REGISTRATION_DAY.',
    }),
    countParticipants: t.field({
      type: CountedParticipantsEnum,
      defaultValue: 'NEW',
      description: 'Which paid participants count toward the targets: NEW (the default), CONTINUING or BOTH.',
    }),
    organizers: t.idList({ description: 'The organising centers.' }),
    participants: t.idList({ description: 'The participating centers.' }),
  }),
})

const UpdateCampaignInput = builder.inputType('UpdateCampaignInput', {
  description: 'Changes to a campaign that is not closed; fields left out stay as they are.',
  fields: (t) => ({
    campaign: t.id({ required: true, description: 'The campaign.' }),
    version: versionField(t),
    name: t.string({ description: 'A new name.' }),
    description: t.string({ description: 'A new description; null clears it.' }),
    startDate: t.field({ type: 'Date', description: 'A new first day.' }),
    endDate: t.field({ type: 'Date', description: 'A new last day.' }),
    timeZone: t.string({ description: 'A new IANA time zone.' }),
    jurisdiction: t.string({ description: 'A new jurisdiction: "VN" or a 2-digit province code.' }),
    countedStatuses: t.field({
      type: [EnrollmentStatusEnum],
      description: 'New statuses counted toward targets.',
    }),
    registrationMarginDays: t.int({
      description: 'A new margin, in days, around the campaign for the start of an enrollment’s period.',
    }),
    countOn: t.field({
      type: CountDayEnum,
      description:
        'A new day for paid participants to count on; payments recorded from now on follow it, those counted already keep their day.',
    }),
    countParticipants: t.field({
      type: CountedParticipantsEnum,
      description:
        'Which paid participants count toward the targets from now on: NEW, CONTINUING or BOTH. Progress is read from counts kept by continuity, so past figures follow the new setting at once.',
    }),
  }),
})

type CampaignFields = {
  name?: string | null
  description?: string | null
  startDate?: string | null
  endDate?: string | null
  timeZone?: string | null
  jurisdiction?: string | null
  countedStatuses?: EnrollmentStatus[] | null
  registrationMarginDays?: number | null
  countOn?: CountDay | null
  countParticipants?: CountedParticipants | null
}

/** Checks and normalises the fields given; `current` fills in the ones left out for the period check. */
function checkCampaignFields(
  input: CampaignFields,
  current: Partial<Record<'startDate' | 'endDate', string>>,
) {
  const issues: Issue[] = []
  const data: Prisma.CampaignUpdateInput = {}
  if (input.name != null) {
    const name = normalizeText(input.name)
    if (!name || name.length > 200) {
      issues.push(issue('name', 'NAME_REQUIRED'))
    }
    data.name = name
    data.searchKey = foldSearchKey(name)
  }
  issues.push(...checkFreeText(input.name, 'name'), ...checkFreeText(input.description, 'description'))
  if (input.description !== undefined) data.description = normalizeOptionalText(input.description)
  for (const field of ['startDate', 'endDate'] as const) {
    const value = input[field]
    if (value == null) continue
    if (!isIsoDate(value)) issues.push(issue(field, 'DATE_INVALID'))
    else data[field] = new Date(`${value}T00:00:00Z`)
  }
  const startDate = input.startDate ?? current.startDate
  const endDate = input.endDate ?? current.endDate
  if (startDate && endDate && isIsoDate(startDate) && isIsoDate(endDate) && startDate > endDate) {
    issues.push(issue('endDate', 'CAMPAIGN_PERIOD_INVALID'))
  }
  if (input.timeZone != null) {
    if (!isTimeZone(input.timeZone)) {
      issues.push(issue('timeZone', 'TIME_ZONE_UNKNOWN', { timeZone: input.timeZone }))
    }
    data.timeZone = input.timeZone
  }
  if (input.jurisdiction != null) {
    const jurisdiction = input.jurisdiction.trim().toUpperCase()
    if (jurisdiction !== 'VN' && !findProvince(jurisdiction)) {
      issues.push(issue('jurisdiction', 'JURISDICTION_INVALID'))
    }
    data.jurisdiction = jurisdiction
  }
  if (input.countedStatuses != null) {
    const statuses = [...new Set(input.countedStatuses)]
    if (statuses.length === 0 || statuses.some((status) => !isLive(status))) {
      issues.push(issue('countedStatuses', 'COUNTED_STATUSES_INVALID'))
    }
    data.countedStatuses = statuses
  }
  if (input.registrationMarginDays != null) {
    issues.push(...checkRegistrationMargin(input.registrationMarginDays))
    data.registrationMarginDays = input.registrationMarginDays
  }
  if (input.countOn != null) data.countOn = input.countOn
  if (input.countParticipants != null) data.countParticipants = input.countParticipants
  return { issues, data }
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name })
    return name.includes('/') || name === 'UTC'
  } catch {
    return false
  }
}

/** The ids of existing centers among the refs; unknown ones become issues at their place in the input. */
async function centerIds(context: Context, refs: readonly string[], field: string, issues: Issue[]) {
  const ids = idsOf(refs, 'Center', `input.${field}`)
  const found = await context.prisma.center.findMany({ where: { id: { in: ids } }, select: { id: true } })
  const known = new Set(found.map((center) => center.id))
  ids.forEach((id, index) => {
    if (!known.has(id)) issues.push(issue(`${field}.${index}`, 'CENTER_UNKNOWN'))
  })
  return [...new Set(ids.filter((id) => known.has(id)))]
}

builder.mutationField('createCampaign', (t) =>
  t.field({
    type: payload('CreateCampaignPayload', 'The campaign created, as a draft.'),
    description: 'Creates a campaign as a draft, with its organising and participating centers (admins).',
    errors: { types: mutationErrorTypes },
    authScopes: adminWrite,
    args: { input: t.arg({ type: CreateCampaignInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      changesCachedData(context)
      const { issues, data } = checkCampaignFields(input, {})
      const code = checkCode(input.code, issues)
      const organizers = await centerIds(context, input.organizers ?? [], 'organizers', issues)
      const participants = await centerIds(context, input.participants ?? [], 'participants', issues)
      if (issues.length > 0) throw validationErrorFrom(issues)

      return context.prisma.$transaction(async (tx) => {
        const existing = await tx.campaign.findUnique({ where: { code }, select: { id: true } })
        if (existing) {
          throw new ConflictError(
            { vi: `Mã chiến dịch “${code}” đã được dùng.`, en: `The campaign code “${code}” is taken.` },
            { typename: 'Campaign', id: existing.id },
          )
        }
        const campaign = await tx.campaign.create({
          data: {
            ...(data as Prisma.CampaignCreateInput),
            code,
            centers: {
              create: [
                ...organizers.map((centerId) => ({ centerId, role: 'ORGANIZER' as const })),
                ...participants.map((centerId) => ({ centerId, role: 'PARTICIPANT' as const })),
              ],
            },
          },
        })
        await recordAudit(tx, context, {
          action: 'campaign.create',
          entityType: 'Campaign',
          entityId: campaign.id,
          after: { ...campaign, organizers, participants },
        })
        return campaign
      })
    },
  }),
)

/**
 * Reads the campaign, checks the version the caller holds and bumps it, all under the row's lock so
 * the rest of the transaction works on what it checked. Returns the campaign as it was before.
 */
async function claimCampaign(
  tx: Prisma.TransactionClient,
  ref: string,
  version: number,
  { open = true }: { open?: boolean } = {},
): Promise<Campaign> {
  const before = await tx.campaign.findUnique({ where: { id: idOf(ref, 'Campaign', 'input.campaign') } })
  if (!before) throw new NotFoundError('Campaign', ref)
  await claimVersion(tx, 'Campaign', before, version)
  if (open && before.status === 'CLOSED') {
    throw new ConflictError({
      vi: 'Chiến dịch đã kết thúc, không thể thay đổi.',
      en: 'The campaign is closed and can no longer change.',
    })
  }
  return before
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10)

builder.mutationField('updateCampaign', (t) =>
  t.field({
    type: payload('UpdateCampaignPayload', 'The campaign changed.'),
    description:
      'Changes a campaign that is not closed (admins). A new period must still hold its milestones and sessions.',
    errors: { types: mutationErrorTypes },
    authScopes: adminWrite,
    args: { input: t.arg({ type: UpdateCampaignInput, required: true }) },
    resolve: (_root, { input }, context) => {
      changesCachedData(context)
      return context.prisma.$transaction(async (tx) => {
        const before = await claimCampaign(tx, input.campaign, input.version)
        const { issues, data } = checkCampaignFields(input, {
          startDate: isoDay(before.startDate),
          endDate: isoDay(before.endDate),
        })
        if (issues.length === 0) issues.push(...(await checkPeriodHoldsContents(tx, before, input)))
        if (issues.length > 0) throw validationErrorFrom(issues)
        const campaign = await tx.campaign.update({ where: { id: before.id }, data })
        await recordAudit(tx, context, {
          action: 'campaign.update',
          entityType: 'Campaign',
          entityId: campaign.id,
          before,
          after: campaign,
        })
        return campaign
      })
    },
  }),
)

async function checkPeriodHoldsContents(
  tx: Prisma.TransactionClient,
  before: Campaign,
  input: CampaignFields,
) {
  if (input.startDate == null && input.endDate == null && input.timeZone == null) return []
  const startDate = input.startDate ?? isoDay(before.startDate)
  const endDate = input.endDate ?? isoDay(before.endDate)
  const timeZone = input.timeZone ?? before.timeZone
  const issues: Issue[] = []
  const outside = await tx.target.count({
    where: {
      campaignId: before.id,
      OR: [
        { dueDate: { lt: new Date(`${startDate}T00:00:00Z`) } },
        { dueDate: { gt: new Date(`${endDate}T00:00:00Z`) } },
      ],
    },
  })
  const sessions = await tx.outreachSession.aggregate({
    where: { campaignId: before.id, status: { not: 'CANCELLED' } },
    _min: { startsAt: true },
    _max: { endsAt: true },
  })
  const first = sessions._min.startsAt ? localDateInZone(sessions._min.startsAt, timeZone) : null
  const last = sessions._max.endsAt ? localDateInZone(sessions._max.endsAt, timeZone) : null
  if (outside > 0 || (first && first < startDate) || (last && last > endDate)) {
    issues.push(issue(input.startDate != null ? 'startDate' : 'endDate', 'CAMPAIGN_PERIOD_EXCLUDES_CONTENTS'))
  }
  return issues
}

// ─── status ──────────────────────────────────────────────────────────────────

const CampaignStatusChangeInput = builder.inputType('CampaignStatusChangeInput', {
  description: 'The campaign whose status changes.',
  fields: (t) => ({
    campaign: t.id({ required: true, description: 'The campaign.' }),
    version: versionField(t),
  }),
})

function statusMutation(
  name: 'activateCampaign' | 'closeCampaign',
  from: Campaign['status'],
  to: Campaign['status'],
  description: string,
) {
  const Payload = payload(
    `${name.charAt(0).toUpperCase()}${name.slice(1)}Payload`,
    `The campaign, now ${to}.`,
  )
  builder.mutationField(name, (t) =>
    t.field({
      type: Payload,
      description,
      errors: { types: mutationErrorTypes },
      authScopes: adminWrite,
      args: { input: t.arg({ type: CampaignStatusChangeInput, required: true }) },
      resolve: (_root, { input }, context) => {
        changesCachedData(context)
        return context.prisma.$transaction(async (tx) => {
          const before = await claimCampaign(tx, input.campaign, input.version, { open: false })
          if (before.status !== from) {
            throw new ConflictError({
              vi: `Chỉ chuyển được chiến dịch ở trạng thái ${from}; chiến dịch này đang ${before.status}.`,
              en: `Only a ${from} campaign can become ${to}; this one is ${before.status}.`,
            })
          }
          const campaign = await tx.campaign.update({
            where: { id: before.id },
            data: { status: to, ...(to === 'CLOSED' ? { closedAt: new Date() } : {}) },
          })
          await recordAudit(tx, context, {
            action: name === 'closeCampaign' ? 'campaign.close' : 'campaign.activate',
            entityType: 'Campaign',
            entityId: campaign.id,
            before: { status: before.status, version: before.version },
            after: { status: campaign.status, closedAt: campaign.closedAt, version: campaign.version },
          })
          return campaign
        })
      },
    }),
  )
}

statusMutation('activateCampaign', 'DRAFT', 'ACTIVE', 'Starts a draft campaign: DRAFT → ACTIVE (admins).')
statusMutation(
  'closeCampaign',
  'ACTIVE',
  'CLOSED',
  'Closes a running campaign: ACTIVE → CLOSED, recording when (admins). A closed campaign no longer changes.',
)

// ─── targets ─────────────────────────────────────────────────────────────────

const TargetInput = builder.inputType('TargetInput', {
  description: 'One row of the target grid.',
  fields: (t) => ({
    product: t.field({ type: ProductEnum, description: 'The product; null or left out for all products.' }),
    center: t.id({ description: 'A participating center; null or left out for the whole campaign.' }),
    dueDate: t.field({
      type: 'Date',
      description: 'A milestone’s date within the campaign; null for its end.',
    }),
    label: t.string({ description: 'A milestone’s name, e.g. “Ngày ra quân”.' }),
    count: t.int({
      required: true,
      description: 'The number of participants to reach: a whole number, zero or more.',
    }),
  }),
})

const SetCampaignTargetsInput = builder.inputType('SetCampaignTargetsInput', {
  description: 'The whole target grid of a campaign, replacing the stored one.',
  fields: (t) => ({
    campaign: t.id({ required: true, description: 'The campaign.' }),
    version: versionField(t),
    targets: t.field({
      type: [TargetInput],
      required: true,
      description: 'Every target; an empty list clears them.',
    }),
  }),
})

// long: the mutation read top to bottom: the grid read and checked as a whole (checkTargetGrid), then replaced with its audit
builder.mutationField('setCampaignTargets', (t) =>
  t.field({
    type: payload('SetCampaignTargetsPayload', 'The campaign with its new targets.'),
    description:
      'Replaces a campaign’s whole target grid in one transaction (admins). The grid is checked as a whole: counts are whole numbers ≥ 0; centers take part in the campaign; milestone dates fall within it; no two rows share product, center and due date; and, per product, the centers’ targets for the campaign’s end add up to no more than the campaign-wide target. Each broken rule is a ValidationError entry on its row, e.g. ["input", "targets", "2", "count"].',
    errors: { types: mutationErrorTypes },
    authScopes: adminWrite,
    args: { input: t.arg({ type: SetCampaignTargetsInput, required: true }) },
    resolve: (_root, { input }, context) => {
      changesCachedData(context)
      return context.prisma.$transaction(async (tx) => {
        const before = await claimCampaign(tx, input.campaign, input.version)
        const participants = await tx.campaignCenter.findMany({
          where: { campaignId: before.id, role: 'PARTICIPANT' },
          select: { centerId: true },
        })
        const rows = input.targets.map((row, index) => ({
          product: (row.product ?? null) as Product | null,
          centerId: optionalIdOf(row.center, 'Center', `input.targets.${index}.center`) ?? null,
          dueDate: row.dueDate ?? null,
          label: normalizeOptionalText(row.label),
          count: row.count,
        }))
        const issues = [
          ...rows.flatMap((row, index) =>
            row.dueDate !== null && !isIsoDate(row.dueDate)
              ? [issue(`targets.${index}.dueDate`, 'DATE_INVALID')]
              : [],
          ),
          ...input.targets.flatMap((row, index) => checkFreeText(row.label, `targets.${index}.label`)),
          ...checkTargetGrid(rows, {
            startDate: isoDay(before.startDate),
            endDate: isoDay(before.endDate),
            participantIds: new Set(participants.map((row) => row.centerId)),
          }),
        ]
        if (issues.length > 0) throw validationErrorFrom(issues)

        const previous = await tx.target.findMany({
          where: { campaignId: before.id },
          orderBy: { id: 'asc' },
        })
        await tx.target.deleteMany({ where: { campaignId: before.id } })
        await tx.target.createMany({
          data: rows.map((row) => ({
            campaignId: before.id,
            product: row.product,
            centerId: row.centerId,
            dueDate: row.dueDate ? new Date(`${row.dueDate}T00:00:00Z`) : null,
            label: row.label,
            count: row.count,
          })),
        })
        await recordAudit(tx, context, {
          action: 'campaign.setTargets',
          entityType: 'Campaign',
          entityId: before.id,
          before: { version: before.version, targets: previous.map(targetSnapshot) },
          after: { version: before.version + 1, targets: rows },
        })
        return tx.campaign.findUniqueOrThrow({ where: { id: before.id } })
      })
    },
  }),
)

function targetSnapshot(target: {
  product: Product | null
  centerId: string | null
  dueDate: Date | null
  label: string | null
  count: number
}) {
  return {
    product: target.product,
    centerId: target.centerId,
    dueDate: target.dueDate ? isoDay(target.dueDate) : null,
    label: target.label,
    count: target.count,
  }
}

// ─── centers ─────────────────────────────────────────────────────────────────

const CampaignCentersInput = builder.inputType('CampaignCentersInput', {
  description: 'Centers to add to or remove from a campaign, in one role.',
  fields: (t) => ({
    campaign: t.id({ required: true, description: 'The campaign.' }),
    version: versionField(t),
    centers: t.idList({ required: true, description: 'The centers.' }),
    role: t.field({
      type: CampaignCenterRoleEnum,
      defaultValue: 'PARTICIPANT',
      description: 'Their role; PARTICIPANT by default.',
    }),
  }),
})

builder.mutationField('addCampaignCenters', (t) =>
  t.field({
    type: payload('AddCampaignCentersPayload', 'The campaign with its centers.'),
    description:
      'Adds centers to a campaign that is not closed, in one role (admins). Centers already there stay.',
    errors: { types: mutationErrorTypes },
    authScopes: adminWrite,
    args: { input: t.arg({ type: CampaignCentersInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      changesCachedData(context)
      const issues: Issue[] = []
      const ids = await centerIds(context, input.centers, 'centers', issues)
      if (issues.length > 0) throw validationErrorFrom(issues)
      const role = (input.role ?? 'PARTICIPANT') as CampaignCenterRole
      return context.prisma.$transaction(async (tx) => {
        const before = await claimCampaign(tx, input.campaign, input.version)
        const { count } = await tx.campaignCenter.createMany({
          data: ids.map((centerId) => ({ campaignId: before.id, centerId, role })),
          skipDuplicates: true,
        })
        await recordAudit(tx, context, {
          action: 'campaign.addCenters',
          entityType: 'Campaign',
          entityId: before.id,
          before: { version: before.version },
          after: { version: before.version + 1, role, centerIds: ids, added: count },
        })
        return tx.campaign.findUniqueOrThrow({ where: { id: before.id } })
      })
    },
  }),
)

builder.mutationField('removeCampaignCenters', (t) =>
  t.field({
    type: payload('RemoveCampaignCentersPayload', 'The campaign with its centers.'),
    description:
      'Removes centers from a campaign that is not closed, in one role (admins). A participant that already has sessions, enrollments or targets in the campaign cannot be removed: that is a ConflictError naming one of them.',
    errors: { types: mutationErrorTypes },
    authScopes: adminWrite,
    args: { input: t.arg({ type: CampaignCentersInput, required: true }) },
    resolve: (_root, { input }, context) => {
      changesCachedData(context)
      return context.prisma.$transaction(async (tx) => {
        const before = await claimCampaign(tx, input.campaign, input.version)
        const role = (input.role ?? 'PARTICIPANT') as CampaignCenterRole
        const ids = idsOf(input.centers, 'Center', 'input.centers')
        const present = await tx.campaignCenter.findMany({
          where: { campaignId: before.id, role, centerId: { in: ids } },
          select: { centerId: true },
        })
        const presentIds = new Set(present.map((row) => row.centerId))
        const issues = ids.flatMap((id, index) =>
          presentIds.has(id) ? [] : [issue(`centers.${index}`, 'CENTER_NOT_IN_CAMPAIGN', {}, 'inRole')],
        )
        if (issues.length > 0) throw validationErrorFrom(issues)
        const centerIds = [...presentIds]
        if (role === 'PARTICIPANT') await assertNothingHeld(tx, before.id, centerIds)
        await tx.campaignCenter.deleteMany({
          where: { campaignId: before.id, role, centerId: { in: centerIds } },
        })
        await recordAudit(tx, context, {
          action: 'campaign.removeCenters',
          entityType: 'Campaign',
          entityId: before.id,
          before: { version: before.version, role, centerIds },
          after: { version: before.version + 1 },
        })
        return tx.campaign.findUniqueOrThrow({ where: { id: before.id } })
      })
    },
  }),
)

async function assertNothingHeld(tx: Prisma.TransactionClient, campaignId: string, centerIds: string[]) {
  const where = { campaignId, centerId: { in: centerIds } }
  const held: [string, { id: string } | null][] = [
    ['OutreachSession', await tx.outreachSession.findFirst({ where, select: { id: true } })],
    ['Enrollment', await tx.enrollment.findFirst({ where, select: { id: true } })],
    ['Target', await tx.target.findFirst({ where, select: { id: true } })],
  ]
  const found = held.find(([, row]) => row !== null)
  if (!found?.[1]) return
  throw new ConflictError(
    {
      vi: 'Đơn vị đã có buổi tuyên truyền, hồ sơ hoặc chỉ tiêu trong chiến dịch nên không thể rút khỏi chiến dịch.',
      en: 'The center already has sessions, enrollments or targets in the campaign, so it cannot leave it.',
    },
    { typename: found[0], id: found[1].id },
  )
}
