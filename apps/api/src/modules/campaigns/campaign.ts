import { prismaConnectionHelpers } from '@pothos/plugin-prisma'
import { CampaignCenterRole, type Prisma } from '@tangtoc/db'
import { builder } from '../../builder.ts'
import { CenterNode } from '../centers/center.ts'
import { CampaignStatusEnum, EnrollmentStatusEnum, ProductEnum } from '../enums.ts'

export const CampaignCenterRoleEnum = builder.enumType(CampaignCenterRole, {
  name: 'CampaignCenterRole',
  description: 'A center’s part in a campaign.',
})

const campaignCenters = prismaConnectionHelpers(builder, 'CampaignCenter', {
  cursor: 'campaignId_centerId_role',
  select: (nodeSelection) => ({ role: true, center: nodeSelection(true) }),
  resolveNode: (row) => row.center,
})

export const CampaignNode = builder.prismaNode('Campaign', {
  id: { field: 'id' },
  description: 'An enrollment drive with a period, targets, participating centers and milestones.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'A short code unique among campaigns.' }),
    name: t.exposeString('name', { description: 'The campaign’s name, in Vietnamese.' }),
    description: t.exposeString('description', { nullable: true, description: 'What the campaign is for.' }),
    startDate: t.expose('startDate', { type: 'Date', description: 'The first day, in the campaign’s time zone.' }),
    endDate: t.expose('endDate', { type: 'Date', description: 'The last day, in the campaign’s time zone.' }),
    timeZone: t.exposeString('timeZone', {
      description: 'The IANA time zone its days are counted in, e.g. Asia/Ho_Chi_Minh.',
    }),
    status: t.expose('status', { type: CampaignStatusEnum, description: 'Draft, active or closed.' }),
    countedStatuses: t.expose('countedStatuses', {
      type: [EnrollmentStatusEnum],
      description: 'The enrollment statuses that count toward the targets (by default PAID and ACTIVE).',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the campaign was created.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When the campaign last changed.' }),
    targets: t.relatedConnection('targets', {
      cursor: 'id',
      totalCount: true,
      description: 'The campaign’s targets: campaign-wide, per center and milestones.',
      args: {
        product: t.arg({ type: ProductEnum, description: 'Only targets for this product.' }),
        campaignWideOnly: t.arg.boolean({ description: 'Only targets for the whole campaign, not a center.' }),
      },
      query: (args) => ({
        where: {
          ...(args.product ? { product: args.product } : {}),
          ...(args.campaignWideOnly ? { centerId: null } : {}),
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
          centers: campaignCenters.getQuery(args, context, nestedSelection),
        }),
        resolve: (campaign, args, context) => {
          const rows = args.role ? campaign.centers.filter((row) => row.role === args.role) : campaign.centers
          return campaignCenters.resolve(rows, args, context)
        },
      },
      {},
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
  description: 'A number of participants to reach: for a product or all of them, the campaign or one center, by its end or a milestone date.',
  fields: (t) => ({
    product: t.expose('product', {
      type: ProductEnum,
      nullable: true,
      description: 'The product, or null for a milestone over all products.',
    }),
    center: t.relation('center', { nullable: true, description: 'The center, or null for the whole campaign.' }),
    dueDate: t.expose('dueDate', {
      type: 'Date',
      nullable: true,
      description: 'A milestone’s date, or null for the campaign’s end.',
    }),
    label: t.exposeString('label', { nullable: true, description: 'A milestone’s name, e.g. “Ngày ra quân”.' }),
    count: t.exposeInt('count', { description: 'The number of participants to reach.' }),
  }),
})

builder.queryField('campaign', (t) =>
  t.prismaField({
    type: 'Campaign',
    nullable: true,
    description: 'A campaign by its code.',
    args: { code: t.arg.string({ required: true, description: 'The campaign code.' }) },
    resolve: (query, _root, args, context) =>
      context.prisma.campaign.findUnique({ ...query, where: { code: args.code } }),
  }),
)

builder.queryField('campaigns', (t) =>
  t.prismaConnection({
    type: 'Campaign',
    cursor: 'id',
    description: 'Campaigns, the most recent first.',
    args: {
      status: t.arg({ type: CampaignStatusEnum, description: 'Only campaigns with this status.' }),
    },
    totalCount: (_parent, args, context) =>
      context.prisma.campaign.count({ where: campaignFilter({ status: args.status }) }),
    resolve: (query, _root, args, context) =>
      context.prisma.campaign.findMany({
        ...query,
        where: campaignFilter(args),
        orderBy: [{ startDate: 'desc' }, { id: 'desc' }],
      }),
  }),
)

function campaignFilter(args: { status?: Prisma.CampaignWhereInput['status'] | null }): Prisma.CampaignWhereInput {
  return args.status ? { status: args.status } : {}
}
