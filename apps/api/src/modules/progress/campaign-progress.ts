import type { AudienceGroup, Product, SessionKind } from '@tangtoc/db'
import type { GraphQLResolveInfo } from 'graphql'
import { builder } from '../../builder.ts'
import { ForbiddenError } from '../../errors.ts'
import { idOf, optionalIdOf } from '../../global-id.ts'
import { selectedFields } from '../../selected-fields.ts'
import { CampaignNode } from '../campaigns/campaign.ts'
import { CenterNode } from '../centers/center.ts'
import {
  AudienceGroupEnum,
  CountedParticipantsEnum,
  EnrollmentStatusEnum,
  ProductEnum,
  SessionKindEnum,
} from '../enums.ts'
import {
  type CampaignProgress,
  type CenterProgress,
  campaignProgress,
  type MilestoneProgress,
  type ProductProgress,
} from './progress.ts'

const countedNote =
  'Counts only enrollments in the campaign’s counted statuses (`countedStatuses`: PAID and ACTIVE unless the campaign says otherwise) and, of those, the participants its targets count (`countParticipants`: new ones unless it says otherwise), by the local date they count for in the campaign’s time zone (the day of payment or of registration, `countOn`). `newCount` and `continuingCount` beside a figure give both kinds whatever the setting.'

/** What `newCount` and `continuingCount` say beside a figure for the period (product, center, campaign). */
const newCountNote =
  'New participants among the counted statuses in the period, whether or not the targets count them (a paid enrollment whose continuity was never decided is new).'
const continuingCountNote =
  'Continuing participants among the counted statuses in the period, whether or not the targets count them.'

export const MilestoneStatusEnum = builder.enumType('MilestoneStatus', {
  description: 'Whether a milestone was reached by its due date.',
  values: {
    MET: { description: 'Its count was reached on or before its due date.' },
    MISSED: { description: 'Its due date has passed without its count reached by then.' },
    PENDING: { description: 'Its due date is still ahead and its count not yet reached.' },
  } as const,
})

const ProductProgressRef = builder.objectRef<ProductProgress>('ProductProgress').implement({
  description: `Enrolled against target for one product. ${countedNote}`,
  fields: (t) => ({
    product: t.expose('product', { type: ProductEnum, description: 'The product.' }),
    enrolled: t.exposeInt('enrolled', { description: 'Counted enrollments in the period.' }),
    target: t.exposeInt('target', {
      nullable: true,
      description: 'The target for the campaign’s end; null when none is set.',
    }),
    newCount: t.exposeInt('newCount', { description: newCountNote }),
    continuingCount: t.exposeInt('continuingCount', { description: continuingCountNote }),
    percent: t.exposeFloat('percent', {
      nullable: true,
      description: 'Enrolled as a percentage of the target, one decimal; null without a target.',
    }),
  }),
})

const CenterProgressRef = builder.objectRef<CenterProgress>('CenterProgress').implement({
  description: `A center’s enrollments (its whole subtree) against its own targets, ranked. ${countedNote}`,
  fields: (t) => ({
    center: t.field({ type: CenterNode, description: 'The center.', resolve: (row) => row.center }),
    rank: t.exposeInt('rank', {
      description:
        'Its place by percent of its own target (centers without a target last), 1 the best; ties share a rank.',
    }),
    enrolled: t.exposeInt('enrolled', {
      description: 'Counted enrollments of the center and the centers below it.',
    }),
    newCount: t.exposeInt('newCount', { description: newCountNote }),
    continuingCount: t.exposeInt('continuingCount', { description: continuingCountNote }),
    target: t.exposeInt('target', {
      nullable: true,
      description: 'The center’s own target; null when none is set.',
    }),
    percent: t.exposeFloat('percent', {
      nullable: true,
      description: 'Percent of its own target, one decimal.',
    }),
    products: t.field({
      type: [ProductProgressRef],
      description: 'The same per product.',
      resolve: (row) => row.products,
    }),
  }),
})

const DayProgressRef = builder.objectRef<CampaignProgress['days'][number]>('DayProgress').implement({
  description: 'One day of the campaign, a local date in its time zone.',
  fields: (t) => ({
    date: t.expose('date', { type: 'Date', description: 'The local date.' }),
    enrolled: t.exposeInt('enrolled', { description: 'Counted enrollments that count for that day.' }),
    newCount: t.exposeInt('newCount', {
      description: 'New participants that count for that day, whether or not the targets count them.',
    }),
    continuingCount: t.exposeInt('continuingCount', {
      description: 'Continuing participants that count for that day, whether or not the targets count them.',
    }),
    cumulative: t.exposeInt('cumulative', {
      description: 'Counted enrollments from the period’s first day to this one.',
    }),
    target: t.exposeInt('target', {
      nullable: true,
      description:
        'The planned running total: a straight line from zero through the campaign-wide milestones to the final target; null without a target.',
    }),
  }),
})

const AudienceProgressRef = builder
  .objectRef<{ occupationGroup: AudienceGroup | null; enrolled: number }>('AudienceProgress')
  .implement({
    description:
      'Counted enrollments by the person’s occupation group when registered (a later edit of the person does not move them).',
    fields: (t) => ({
      audience: t.expose('occupationGroup', {
        type: AudienceGroupEnum,
        nullable: true,
        description: 'The occupation group; null when it was not recorded.',
      }),
      enrolled: t.exposeInt('enrolled', { description: 'Counted enrollments.' }),
    }),
  })

const SessionKindProgressRef = builder
  .objectRef<{ kind: SessionKind | null; enrolled: number }>('SessionKindProgress')
  .implement({
    description: 'Counted enrollments by the kind of outreach session they were registered at.',
    fields: (t) => ({
      kind: t.expose('kind', {
        type: SessionKindEnum,
        nullable: true,
        description: 'The session kind; null for enrollments registered directly, at no session.',
      }),
      enrolled: t.exposeInt('enrolled', { description: 'Counted enrollments.' }),
    }),
  })

const MilestoneProgressRef = builder.objectRef<MilestoneProgress>('MilestoneProgress').implement({
  description: 'A target with a due date, and whether it was met.',
  fields: (t) => ({
    target: t.prismaField({
      type: 'Target',
      description: 'The milestone’s target row.',
      resolve: (_query, row) => row.target,
    }),
    label: t.string({
      nullable: true,
      description: 'Its name, e.g. “Ngày ra quân”.',
      resolve: (row) => row.target.label,
    }),
    dueDate: t.expose('dueDate', { type: 'Date', description: 'The date it is due, local.' }),
    count: t.int({ description: 'The number to reach.', resolve: (row) => row.target.count }),
    enrolled: t.exposeInt('enrolled', {
      description:
        'Counted enrollments from the campaign’s start to its due date (to today while it is ahead).',
    }),
    metOn: t.expose('metOn', {
      type: 'Date',
      nullable: true,
      description: 'The date its count was reached, even when late; null while it is not.',
    }),
    status: t.expose('status', { type: MilestoneStatusEnum, description: 'Met, missed or pending.' }),
  }),
})

const CampaignProgressRef = builder.objectRef<CampaignProgress>('CampaignProgress').implement({
  description: `How far a campaign is toward its targets, as the viewer may see it (the centers it may read). ${countedNote} Period figures (enrolled, products, centers, days, audiences, session kinds, sessions) cover \`from\`–\`to\`; milestones, pace and projection always cover the whole campaign up to today.`,
  // long: the progress figures' GraphQL fields, one entry each with its description and a one-line resolver
  fields: (t) => ({
    campaign: t.field({ type: CampaignNode, description: 'The campaign.', resolve: (p) => p.campaign }),
    center: t.field({
      type: CenterNode,
      nullable: true,
      description: 'The center whose subtree the figures cover; null for every center the viewer may read.',
      resolve: (p) => p.center,
    }),
    product: t.expose('product', {
      type: ProductEnum,
      nullable: true,
      description: 'The product narrowed to, if any.',
    }),
    from: t.expose('from', {
      type: 'Date',
      description: 'The period’s first day (default the campaign’s start).',
    }),
    to: t.expose('to', { type: 'Date', description: 'The period’s last day (default the campaign’s end).' }),
    asOf: t.expose('asOf', {
      type: 'Date',
      description: 'Today in the campaign’s time zone, which pace and milestones are judged on.',
    }),
    countedStatuses: t.expose('countedStatuses', {
      type: [EnrollmentStatusEnum],
      description:
        'The enrollment statuses counted as participants, the campaign’s own: PAID and ACTIVE by default (a sign-up that never pays is not a participant).',
    }),
    countParticipants: t.expose('countParticipants', {
      type: CountedParticipantsEnum,
      description: 'Which paid participants the targets count, the campaign’s own: NEW by default.',
    }),
    enrolled: t.exposeInt('enrolled', { description: 'Counted enrollments in the period.' }),
    newCount: t.exposeInt('newCount', { description: newCountNote }),
    continuingCount: t.exposeInt('continuingCount', { description: continuingCountNote }),
    target: t.exposeInt('target', {
      nullable: true,
      description:
        'The target for the campaign’s end: the campaign-wide one for the whole tree, else the sum of the targets of the centers in view (a center’s target covered by its parent’s counted once).',
    }),
    percent: t.exposeFloat('percent', {
      nullable: true,
      description: 'Enrolled as a percentage of target, one decimal.',
    }),
    products: t.field({
      type: [ProductProgressRef],
      description: 'Per product.',
      resolve: (p) => p.products,
    }),
    centers: t.field({
      type: [CenterProgressRef],
      description: 'Each center in view with a target or enrollments, against its own targets, best first.',
      resolve: (p) => p.centers,
    }),
    days: t.field({ type: [DayProgressRef], description: 'Each day of the period.', resolve: (p) => p.days }),
    audiences: t.field({
      type: [AudienceProgressRef],
      description: 'Per occupation group of the person when registered (null: not recorded), most first.',
      resolve: (p) => p.occupationGroups(),
    }),
    sessionKinds: t.field({
      type: [SessionKindProgressRef],
      description: 'Per kind of outreach session (null: direct), most first.',
      resolve: (p) => p.sessionKinds(),
    }),
    milestones: t.field({
      type: [MilestoneProgressRef],
      description: 'The milestones (targets with a due date) that apply to the view, by due date.',
      resolve: (p) => p.milestones,
    }),
    daysLeft: t.exposeInt('daysLeft', {
      description: 'Days left to enrol, today included; 0 once the campaign is over.',
    }),
    dailyPaceNeeded: t.exposeFloat('dailyPaceNeeded', {
      nullable: true,
      description:
        'Counted enrollments a day needed from today to reach the target; null without a target or days left.',
    }),
    last7DaysPace: t.exposeFloat('last7DaysPace', {
      description:
        'Average counted enrollments a day over the last 7 days up to today (fewer early in the campaign).',
    }),
    projectedFinishDate: t.expose('projectedFinishDate', {
      type: 'Date',
      nullable: true,
      description:
        'The date the target would be reached at the last 7 days’ pace (the date it was reached, once it is); null without a target or pace.',
    }),
    sessionsHeld: t.exposeInt('sessionsHeld', {
      description: 'Outreach sessions held (DONE) in the period.',
    }),
    attendance: t.exposeInt('attendance', {
      description: 'People who attended those sessions, as recorded.',
    }),
    sessionEnrollments: t.int({
      description: 'Counted enrollments registered at an outreach session.',
      resolve: (p) => p.sessionEnrollments(),
    }),
    conversion: t.float({
      nullable: true,
      description:
        'Counted enrollments registered at sessions per attendee; null without recorded attendance.',
      resolve: (p) => p.conversion(),
    }),
  }),
})

builder.queryField('campaignProgress', (t) =>
  t.field({
    type: CampaignProgressRef,
    nullable: true,
    authScopes: { signedIn: true },
    description: `A campaign’s progress toward its targets, within the centers the viewer may read; null when there is no such campaign. ${countedNote}`,
    args: {
      campaign: t.arg.id({ required: true, description: 'The campaign.' }),
      center: t.arg.id({ description: 'Only this center and the centers below it.' }),
      product: t.arg({ type: ProductEnum, description: 'Only this product.' }),
      from: t.arg({
        type: 'Date',
        description: 'The period’s first day, local (default the campaign’s start).',
      }),
      to: t.arg({ type: 'Date', description: 'The period’s last day, local (default the campaign’s end).' }),
    },
    resolve: async (_root, args, context, info) => {
      if (!context.viewer) throw new ForbiddenError()
      return campaignProgress(context, context.viewer, {
        campaignId: idOf(args.campaign, 'Campaign', 'campaign'),
        centerId: optionalIdOf(args.center, 'Center', 'center'),
        product: args.product as Product | null | undefined,
        from: args.from,
        to: args.to,
        breakdowns: selectsAny(info, ['audiences', 'sessionKinds', 'sessionEnrollments', 'conversion']),
      })
    },
  }),
)

export { CampaignProgressRef }

/** Whether the query selects any of these fields of the field being resolved, in fragments too. */
function selectsAny(info: GraphQLResolveInfo, fields: string[]): boolean {
  const wanted = new Set(fields)
  for (const node of info.fieldNodes) {
    for (const field of selectedFields(node.selectionSet, info.fragments)) {
      if (wanted.has(field.name.value)) return true
    }
  }
  return false
}
