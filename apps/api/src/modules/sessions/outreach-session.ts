import { type Prisma, SessionStatus, VenueKind } from '@tangtoc/db'
import { enumLabels } from '@tangtoc/shared'
import { builder } from '../../builder.ts'
import type { Context } from '../../context.ts'
import { idOf } from '../../global-id.ts'
import { canReadCenter, readableCentersWhere } from '../auth/center-access.ts'
import { CampaignNode } from '../campaigns/campaign.ts'
import { AudienceGroupEnum, labelled, SessionKindEnum } from '../enums.ts'
import { offsetDescription, withOffset } from '../offset.ts'

export const VenueKindEnum = builder.enumType(VenueKind, {
  name: 'VenueKind',
  description:
    'Where an outreach session takes place: a residential area, a market, a post office, online, …',
  values: labelled(enumLabels.en.VenueKind),
})

export const SessionStatusEnum = builder.enumType(SessionStatus, {
  name: 'SessionStatus',
  description:
    'Where an outreach session is in its life: planned, then done (with its attendance) or cancelled.',
  values: labelled(enumLabels.en.SessionStatus),
})

export const OutreachSessionNode = builder.prismaNode('OutreachSession', {
  id: { field: 'id' },
  description:
    'An event where a center meets people to explain and sign them up: a launch ceremony, a conference, a consultation group, door to door, a market stall or online. Readable where its center is.',
  include: { center: { select: { id: true, path: true } } },
  authScopes: (session, context) => context.viewer !== null && canReadCenter(context.viewer, session.center),
  fields: (t) => ({
    campaign: t.relation('campaign', { description: 'The campaign it is part of.' }),
    center: t.relation('center', { description: 'The center holding it.' }),
    title: t.exposeString('title', { description: 'What it is called, in Vietnamese.' }),
    kind: t.expose('kind', { type: SessionKindEnum, description: 'What kind of session it is.' }),
    venueKind: t.expose('venueKind', {
      type: VenueKindEnum,
      description: 'What kind of place it is held at.',
    }),
    address: t.exposeString('address', {
      nullable: true,
      description: 'Where exactly, as people would write it.',
    }),
    ward: t.relation('ward', { nullable: true, description: 'The ward it takes place in.' }),
    startsAt: t.expose('startsAt', { type: 'DateTime', description: 'When it starts.' }),
    endsAt: t.expose('endsAt', { type: 'DateTime', description: 'When it ends, after it starts.' }),
    status: t.expose('status', { type: SessionStatusEnum, description: 'Planned, done or cancelled.' }),
    audiences: t.expose('audiences', { type: [AudienceGroupEnum], description: 'Whom it aims at.' }),
    staff: t.relatedConnection('staff', {
      cursor: 'id',
      totalCount: true,
      description: 'The users working at it, by display name.',
      query: () => ({ orderBy: [{ displayName: 'asc' }, { id: 'asc' }] }),
    }),
    attendance: t.exposeInt('attendance', {
      nullable: true,
      description: 'How many people came; recorded when the session is completed.',
    }),
    notes: t.exposeString('notes', { nullable: true, description: 'What happened, what to follow up.' }),
    cancelReason: t.exposeString('cancelReason', { nullable: true, description: 'Why it was cancelled.' }),
    createdBy: t.relation('createdBy', { nullable: true, description: 'Who planned it.' }),
    enrollmentCount: t.relationCount('enrollments', {
      description: 'How many enrollments were registered at it, whatever their status.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was planned.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When it last changed.' }),
    version: t.exposeInt('version', { description: 'Increases on every change; send it back to change it.' }),
  }),
})

const OutreachSessionFilter = builder.inputType('OutreachSessionFilter', {
  description: 'Which outreach sessions to list; every condition given must hold.',
  fields: (t) => ({
    campaign: t.id({ description: 'Only sessions of this campaign.' }),
    center: t.id({
      description:
        'Only sessions of this center and, unless `includeSubcenters` is false, the centers below it.',
    }),
    includeSubcenters: t.boolean({
      defaultValue: true,
      description: 'With `center`: include the centers below it (true by default).',
    }),
    startsFrom: t.field({
      type: 'DateTime',
      description: 'Only sessions starting at or after this instant.',
    }),
    startsTo: t.field({ type: 'DateTime', description: 'Only sessions starting before this instant.' }),
    kind: t.field({ type: [SessionKindEnum], description: 'Only sessions of one of these kinds.' }),
    status: t.field({ type: [SessionStatusEnum], description: 'Only sessions with one of these statuses.' }),
    audience: t.field({ type: AudienceGroupEnum, description: 'Only sessions aimed at this group.' }),
    wardCode: t.string({ description: 'Only sessions in this ward (official 5-digit code).' }),
  }),
})

const OutreachSessionOrder = builder.enumType('OutreachSessionOrder', {
  description: 'How to order a list of outreach sessions.',
  values: {
    STARTS_AT_ASC: { description: 'The earliest start first.' },
    STARTS_AT_DESC: { description: 'The latest start first.' },
  } as const,
})

// Matches no row: what a filter on an unknown center selects.
const nothing = '00000000-0000-0000-0000-000000000000'

/** The viewer's readable sessions that match the filter. */
async function sessionWhere(
  context: Context,
  filter: typeof OutreachSessionFilter.$inferInput | null | undefined,
): Promise<Prisma.OutreachSessionWhereInput> {
  const conditions: Prisma.OutreachSessionWhereInput[] = [
    { center: context.viewer ? readableCentersWhere(context.viewer) : { id: nothing } },
  ]
  if (filter?.campaign) conditions.push({ campaignId: idOf(filter.campaign, 'Campaign', 'filter.campaign') })
  if (filter?.center) {
    const id = idOf(filter.center, 'Center', 'filter.center')
    const center = await context.prisma.center.findUnique({ where: { id }, select: { path: true } })
    conditions.push(
      !center
        ? { centerId: nothing }
        : filter.includeSubcenters === false
          ? { centerId: id }
          : { center: { path: { startsWith: center.path } } },
    )
  }
  if (filter?.startsFrom) conditions.push({ startsAt: { gte: filter.startsFrom } })
  if (filter?.startsTo) conditions.push({ startsAt: { lt: filter.startsTo } })
  if (filter?.kind?.length) conditions.push({ kind: { in: filter.kind } })
  if (filter?.status?.length) conditions.push({ status: { in: filter.status } })
  if (filter?.audience) conditions.push({ audiences: { has: filter.audience } })
  if (filter?.wardCode) conditions.push({ wardCode: filter.wardCode })
  return { AND: conditions }
}

builder.queryField('outreachSessions', (t) =>
  t.prismaConnection({
    type: 'OutreachSession',
    cursor: 'id',
    authScopes: { signedIn: true },
    description:
      'Outreach sessions at the centers you may read (an agent its own center, a center manager its subtree), the earliest first by default.',
    args: {
      filter: t.arg({ type: OutreachSessionFilter, description: 'Which sessions to list.' }),
      orderBy: t.arg({
        type: OutreachSessionOrder,
        defaultValue: 'STARTS_AT_ASC',
        description: 'The order.',
      }),
      offset: t.arg.int({ description: offsetDescription }),
    },
    totalCount: async (_parent, args, context) =>
      context.prisma.outreachSession.count({ where: await sessionWhere(context, args.filter) }),
    resolve: async (query, _root, args, context) => {
      const direction = args.orderBy === 'STARTS_AT_DESC' ? 'desc' : 'asc'
      return context.prisma.outreachSession.findMany({
        ...withOffset(query, args),
        where: await sessionWhere(context, args.filter),
        orderBy: [{ startsAt: direction }, { id: direction }],
      })
    },
  }),
)

builder.prismaObjectField(CampaignNode, 'sessions', (t) =>
  t.relatedConnection('sessions', {
    cursor: 'id',
    totalCount: true,
    description: 'The campaign’s outreach sessions at the centers you may read, the earliest first.',
    args: {
      status: t.arg({ type: [SessionStatusEnum], description: 'Only sessions with one of these statuses.' }),
    },
    query: (args, context) => ({
      where: {
        center: context.viewer ? readableCentersWhere(context.viewer) : { id: nothing },
        ...(args.status?.length ? { status: { in: args.status } } : {}),
      },
      orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    }),
  }),
)
