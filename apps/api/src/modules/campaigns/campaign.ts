import { prismaConnectionHelpers } from '@pothos/plugin-prisma'
import { CampaignCenterRole, type Center, type Prisma } from '@tangtoc/db'
import { foldSearchKey } from '@tangtoc/shared'
import { builder } from '../../builder.ts'
import { idOf } from '../../global-id.ts'
import { CenterNode } from '../centers/center.ts'
import {
  CampaignStatusEnum,
  CountDayEnum,
  CountedParticipantsEnum,
  EnrollmentStatusEnum,
  ProductEnum,
} from '../enums.ts'

// Campaigns are not secret inside the organisation: every signed-in user reads them all, with their
// targets and centers. What happens at a center (sessions, enrollments) stays scoped to its readers.

export const CampaignCenterRoleEnum = builder.enumType(CampaignCenterRole, {
  name: 'CampaignCenterRole',
  description: 'A center’s part in a campaign.',
  values: {
    ORGANIZER: {
      description: 'Organises the campaign (e.g. the city post office and city social insurance).',
    },
    PARTICIPANT: { description: 'Takes part: holds sessions, registers enrollments and may have targets.' },
  },
})

const campaignCenters = prismaConnectionHelpers(builder, 'CampaignCenter', {
  cursor: 'campaignId_centerId_role',
  // The id keeps the selection non-empty when a query asks only for counts or roles; Pothos merges the
  // fields the query asks of each center into it, so the node carries what its resolvers read.
  select: (nodeSelection) => ({ role: true, center: nodeSelection({ select: { id: true } }) }),
  resolveNode: (row) => row.center as Center,
})

export const CampaignNode = builder.prismaNode('Campaign', {
  id: { field: 'id' },
  description:
    'An enrollment drive with a period, targets, participating centers and milestones. Every signed-in user may read campaigns.',
  authScopes: { signedIn: true },
  // long: the campaign's GraphQL fields, one entry each with its description; apart they would only scatter the type
  fields: (t) => ({
    code: t.exposeString('code', { description: 'A short code unique among campaigns.' }),
    name: t.exposeString('name', { description: 'The campaign’s name, in Vietnamese.' }),
    description: t.exposeString('description', { nullable: true, description: 'What the campaign is for.' }),
    startDate: t.expose('startDate', {
      type: 'Date',
      description: 'The first day, in the campaign’s time zone.',
    }),
    endDate: t.expose('endDate', { type: 'Date', description: 'The last day, in the campaign’s time zone.' }),
    timeZone: t.exposeString('timeZone', {
      description: 'The IANA time zone its days are counted in, e.g. Asia/Ho_Chi_Minh.',
    }),
    jurisdiction: t.exposeString('jurisdiction', {
      description:
        'Whose contribution rules apply: "VN" for the national rules only, or a 2-digit province code whose local rules apply on top ("79" = Ho Chi Minh City).',
    }),
    status: t.expose('status', { type: CampaignStatusEnum, description: 'Draft, active or closed.' }),
    countedStatuses: t.expose('countedStatuses', {
      type: [EnrollmentStatusEnum],
      description: 'The enrollment statuses that count toward the targets (by default PAID and ACTIVE).',
    }),
    registrationMarginDays: t.exposeInt('registrationMarginDays', {
      description:
        'How many days before its first day and after its last an enrollment’s period may still begin (0 by default: within the campaign).',
    }),
    countOn: t.expose('countOn', {
      type: CountDayEnum,
      description:
        'The day a paid participant counts for in progress: the day of payment (the default) or of registration.',
    }),
    countParticipants: t.expose('countParticipants', {
      type: CountedParticipantsEnum,
      description:
        'Which paid participants count toward the targets: NEW (the default, the launch campaign’s), CONTINUING or BOTH. A paid enrollment whose continuity was never decided counts as new.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the campaign was created.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When the campaign last changed.' }),
    closedAt: t.expose('closedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the campaign was closed.',
    }),
    version: t.exposeInt('version', {
      description:
        'Increases on every change to the campaign, its targets or its centers; send it back to change them.',
    }),
    targets: t.relatedConnection('targets', {
      cursor: 'id',
      totalCount: true,
      description:
        'The campaign’s targets: campaign-wide, per center and milestones; milestones first by date.',
      args: {
        product: t.arg({ type: ProductEnum, description: 'Only targets for this product.' }),
        allProductsOnly: t.arg.boolean({ description: 'Only targets over all products (product null).' }),
        campaignWideOnly: t.arg.boolean({
          description: 'Only targets for the whole campaign, not a center.',
        }),
        center: t.arg.id({ description: 'Only targets of this center.' }),
        milestonesOnly: t.arg.boolean({ description: 'Only milestones (targets with a due date).' }),
      },
      query: (args) => ({
        where: {
          ...(args.product ? { product: args.product } : {}),
          ...(args.allProductsOnly ? { product: null } : {}),
          ...(args.campaignWideOnly ? { centerId: null } : {}),
          ...(args.center ? { centerId: idOf(args.center, 'Center', 'center') } : {}),
          ...(args.milestonesOnly ? { dueDate: { not: null } } : {}),
        },
        orderBy: [{ dueDate: { sort: 'asc', nulls: 'last' } }, { product: 'asc' }, { id: 'asc' }],
      }),
    }),
    centers: t.connection(
      {
        type: CenterNode,
        description: 'The centers that organise or take part in the campaign.',
        args: { role: t.arg({ type: CampaignCenterRoleEnum, description: 'Only centers with this role.' }) },
        select: (args, context, nestedSelection) => ({
          centers: {
            ...campaignCenters.getQuery(args, context, nestedSelection),
            ...(args.role ? { where: { role: args.role } } : {}),
          },
          _count: { select: { centers: args.role ? { where: { role: args.role } } : true } },
        }),
        resolve: (campaign, args, context) => ({
          ...campaignCenters.resolve(campaign.centers, args, context),
          totalCount: campaign._count.centers,
        }),
      },
      {
        fields: (connection) => ({
          totalCount: connection.int({
            description: 'How many centers have this part in the campaign.',
            resolve: (result) => result.totalCount,
          }),
        }),
      },
      {
        fields: (edge) => ({
          role: edge.field({
            type: CampaignCenterRoleEnum,
            description: 'Organizer or participant.',
            resolve: (row) => row.role,
          }),
        }),
      },
    ),
  }),
})

builder.prismaNode('Target', {
  id: { field: 'id' },
  description:
    'A number of participants to reach: for a product or all of them, the campaign or one center, by its end or a milestone date.',
  authScopes: { signedIn: true },
  fields: (t) => ({
    product: t.expose('product', {
      type: ProductEnum,
      nullable: true,
      description: 'The product, or null for a target over all products.',
    }),
    center: t.relation('center', {
      nullable: true,
      description: 'The center, or null for the whole campaign.',
    }),
    dueDate: t.expose('dueDate', {
      type: 'Date',
      nullable: true,
      description: 'A milestone’s date, or null for the campaign’s end.',
    }),
    label: t.exposeString('label', {
      nullable: true,
      description: 'A milestone’s name, e.g. “Ngày ra quân”.',
    }),
    count: t.exposeInt('count', { description: 'The number of participants to reach.' }),
  }),
})

builder.queryField('campaign', (t) =>
  t.prismaField({
    type: 'Campaign',
    nullable: true,
    authScopes: { signedIn: true },
    description: 'A campaign by its code; null when there is none.',
    args: { code: t.arg.string({ required: true, description: 'The campaign code.' }) },
    resolve: (query, _root, args, context) =>
      context.prisma.campaign.findUnique({ ...query, where: { code: args.code } }),
  }),
)

const CampaignPeriodFilter = builder.inputType('CampaignPeriodFilter', {
  description: 'A period of calendar days, both ends included.',
  fields: (t) => ({
    from: t.field({ type: 'Date', required: true, description: 'The first day.' }),
    to: t.field({ type: 'Date', required: true, description: 'The last day.' }),
  }),
})

const CampaignFilter = builder.inputType('CampaignFilter', {
  description: 'Which campaigns to list; every condition given must hold.',
  fields: (t) => ({
    status: t.field({
      type: [CampaignStatusEnum],
      description: 'Only campaigns with one of these statuses.',
    }),
    activeOn: t.field({ type: 'Date', description: 'Only campaigns whose period includes this day.' }),
    overlapping: t.field({
      type: CampaignPeriodFilter,
      description: 'Only campaigns whose period shares at least one day with this one.',
    }),
    search: t.string({
      description:
        'Words of the name with or without diacritics ("tang toc" finds "Tăng tốc"), or part of the code.',
    }),
  }),
})

const CampaignOrder = builder.enumType('CampaignOrder', {
  description: 'How to order a list of campaigns.',
  values: {
    START_DATE_DESC: { description: 'The latest start first.' },
    START_DATE_ASC: { description: 'The earliest start first.' },
    NAME_ASC: { description: 'By name without diacritics, A to Z.' },
    CODE_ASC: { description: 'By code, A to Z.' },
  } as const,
})

const campaignOrderBy: Record<typeof CampaignOrder.$inferType, Prisma.CampaignOrderByWithRelationInput[]> = {
  START_DATE_DESC: [{ startDate: 'desc' }, { id: 'desc' }],
  START_DATE_ASC: [{ startDate: 'asc' }, { id: 'asc' }],
  NAME_ASC: [{ searchKey: 'asc' }, { id: 'asc' }],
  CODE_ASC: [{ code: 'asc' }, { id: 'asc' }],
}

builder.queryField('campaigns', (t) =>
  t.prismaConnection({
    type: 'Campaign',
    cursor: 'id',
    authScopes: { signedIn: true },
    description: 'Campaigns, by default the latest start first. Every signed-in user sees every campaign.',
    args: {
      filter: t.arg({ type: CampaignFilter, description: 'Which campaigns to list.' }),
      orderBy: t.arg({ type: CampaignOrder, defaultValue: 'START_DATE_DESC', description: 'The order.' }),
    },
    totalCount: (_parent, args, context) =>
      context.prisma.campaign.count({ where: campaignFilter(args.filter) }),
    resolve: (query, _root, args, context) =>
      context.prisma.campaign.findMany({
        ...query,
        where: campaignFilter(args.filter),
        orderBy: campaignOrderBy[args.orderBy ?? 'START_DATE_DESC'],
      }),
  }),
)

const day = (date: string) => new Date(`${date}T00:00:00Z`)

function campaignFilter(filter?: typeof CampaignFilter.$inferInput | null): Prisma.CampaignWhereInput {
  if (!filter) return {}
  const conditions: Prisma.CampaignWhereInput[] = []
  if (filter.status?.length) conditions.push({ status: { in: filter.status } })
  if (filter.activeOn)
    conditions.push({ startDate: { lte: day(filter.activeOn) }, endDate: { gte: day(filter.activeOn) } })
  if (filter.overlapping) {
    conditions.push({
      startDate: { lte: day(filter.overlapping.to) },
      endDate: { gte: day(filter.overlapping.from) },
    })
  }
  const search = filter.search ? foldSearchKey(filter.search) : ''
  if (search) {
    conditions.push({
      OR: [
        { searchKey: { contains: search } },
        { code: { contains: filter.search?.trim(), mode: 'insensitive' } },
      ],
    })
  }
  return { AND: conditions }
}
