// A campaign's progress for one viewer: counts by day, center, product and continuity from the
// EnrollmentDailyCount rollup (what counts toward targets is the campaign's countParticipants of the new
// and continuing participants: @tangtoc/shared countedParticipants), and by occupation group and session
// kind from the EnrollmentSegmentTotal rollup less the EnrollmentSegmentCount rows (by day) of the days
// the period leaves out, or from those of its days when it leaves out more than it holds (read only when
// a client asks for them). Their rows are bounded by centers × products × statuses (× days) (× occupation groups ×
// session kinds), not by the enrollments: ~6,000 daily and ~34,000 segment rows at 100,000 enrollments.
// The arithmetic (percent, series, milestones, pace, projection, ranking) is @tangtoc/shared's.
import {
  type AudienceGroup,
  type Campaign,
  type Center,
  type CountedParticipants,
  type EnrollmentStatus,
  Prisma,
  type Product,
  queryPrepared,
  type SessionKind,
  type Target,
} from '@tangtoc/db'
import {
  countedParticipants,
  type DailyTotal,
  dailyPaceNeeded,
  dailySeries,
  daysLeft,
  type IsoDate,
  lineMilestones,
  localDateInZone,
  type MilestoneStatus,
  milestoneOutcome,
  milestonesInScope,
  percentOfTarget,
  projectedFinishDate,
  rankByProgress,
  recentPace,
  targetCount,
  targetLine,
  targetsInScope,
  toIsoDate,
} from '@tangtoc/shared'
import type { Context, Viewer } from '../../context.ts'
import { ForbiddenError, NotFoundError } from '../../errors.ts'
import { canReadCenter } from '../auth/center-access.ts'

export const products: readonly Product[] = ['VOLUNTARY_SOCIAL_INSURANCE', 'HOUSEHOLD_HEALTH_INSURANCE']

export interface ProgressArgs {
  campaignId: string
  /** A center whose subtree to narrow to. */
  centerId?: string | null
  product?: Product | null
  from?: IsoDate | null
  to?: IsoDate | null
  /** Today in the campaign's time zone; default the real today (tests pass their own). */
  today?: IsoDate
  /**
   * The caller will ask for occupation groups, session kinds or conversion: their rollup is then read
   * with the other reads, in the same round, rather than on first use.
   */
  breakdowns?: boolean
}

/** Counted paid participants, new and continuing, whatever the targets count. */
export interface ContinuityProgress {
  newCount: number
  continuingCount: number
}

export interface ProductProgress extends ContinuityProgress {
  product: Product
  enrolled: number
  target: number | null
  percent: number | null
}

export interface CenterProgress extends ContinuityProgress {
  center: Center
  rank: number
  enrolled: number
  target: number | null
  percent: number | null
  products: ProductProgress[]
}

export interface MilestoneProgress {
  target: Target
  dueDate: IsoDate
  enrolled: number
  metOn: IsoDate | null
  status: MilestoneStatus
}

export interface CampaignProgress extends ContinuityProgress {
  campaign: Campaign
  center: Center | null
  product: Product | null
  from: IsoDate
  to: IsoDate
  asOf: IsoDate
  countedStatuses: EnrollmentStatus[]
  countParticipants: CountedParticipants
  enrolled: number
  target: number | null
  percent: number | null
  products: ProductProgress[]
  centers: CenterProgress[]
  days: ({
    date: IsoDate
    enrolled: number
    cumulative: number
    target: number | null
  } & ContinuityProgress)[]
  /** Loaded on first use. */
  occupationGroups: () => Promise<{ occupationGroup: AudienceGroup | null; enrolled: number }[]>
  /** Loaded on first use. */
  sessionKinds: () => Promise<{ kind: SessionKind | null; enrolled: number }[]>
  milestones: MilestoneProgress[]
  daysLeft: number
  dailyPaceNeeded: number | null
  last7DaysPace: number
  projectedFinishDate: IsoDate | null
  sessionsHeld: number
  attendance: number
  sessionEnrollments: () => Promise<number>
  conversion: () => Promise<number | null>
}

/** The centers a viewer's progress covers: every center (null) or the listed ones. */
export interface ProgressScope {
  /** With its targets, by due date (milestones first, the end targets last). */
  campaign: Campaign & { targets: Target[] }
  center: Center | null
  /** null: the whole tree, no filter on centers. */
  centers: Center[] | null
  /** Every center of the tree the scope covers, for the ranking. */
  visibleCenters: Center[]
}

/** What a progress scope is made of: the campaign with its targets, and the whole center tree. */
export interface ScopeRows {
  campaign: (Campaign & { targets: Target[] }) | null
  centers: Center[]
}

async function readScopeRows(context: Context, campaignId: string): Promise<ScopeRows> {
  // The tree is small (tens of centers): read it whole and filter here, in one round trip.
  const [campaign, centers] = await Promise.all([
    context.prisma.campaign.findUnique({
      where: { id: campaignId },
      include: { targets: { orderBy: [{ dueDate: 'asc' }, { id: 'asc' }] } },
    }),
    context.prisma.center.findMany({ orderBy: { code: 'asc' } }),
  ])
  return { campaign, centers }
}

/**
 * When the rows last changed: the campaign's version and time, its targets' and the centers' number
 * and latest change. countsInView computes the same in SQL (scopeStamp), so kept rows are used only
 * while they are still what is stored.
 */
export function scopeRowsStamp({ campaign, centers }: ScopeRows): string | null {
  if (!campaign) return null
  const latest = (rows: { updatedAt: Date }[]) => Math.max(0, ...rows.map((row) => row.updatedAt.getTime()))
  return [
    campaign.version,
    campaign.updatedAt.getTime(),
    campaign.targets.length,
    latest(campaign.targets),
    centers.length,
    latest(centers),
  ].join(':')
}

export async function progressScope(
  context: Context,
  viewer: Viewer,
  campaignId: string,
  centerId?: string | null,
): Promise<ProgressScope | null> {
  return scopeOf(viewer, await readScopeRows(context, campaignId), centerId)
}

function scopeOf(
  viewer: Viewer,
  { campaign, centers }: ScopeRows,
  centerId?: string | null,
): ProgressScope | null {
  if (!campaign) return null
  let center: Center | null = null
  if (centerId) {
    center = centers.find((each) => each.id === centerId) ?? null
    if (!center) throw new NotFoundError('Center', centerId)
    if (!canReadCenter(viewer, center)) {
      throw new ForbiddenError({
        vi: 'Bạn không có quyền xem dữ liệu của đơn vị này.',
        en: 'You may not read data of this center.',
      })
    }
  }
  const within = center?.path
  const visibleCenters = centers.filter(
    (each) => canReadCenter(viewer, each) && (!within || each.path.startsWith(within)),
  )
  const unrestricted = visibleCenters.length === centers.length && center === null
  return { campaign, center, centers: unrestricted ? null : visibleCenters, visibleCenters }
}

/**
 * The scope's rows: those this instance kept for the campaign when the counts' stamp says they are
 * still current (a progress page's every refresh is then one statement), else read again and kept.
 */
async function currentScopeRows(
  context: Context,
  campaignId: string,
  counts: Promise<{ stamp: string | null }>,
): Promise<ScopeRows> {
  const cache = context.caches.progressScopes
  const kept = cache.get(campaignId)
  if (kept && scopeRowsStamp(kept) === (await counts).stamp) return kept
  const since = context.caches.generation
  const rows = await readScopeRows(context, campaignId)
  if (rows.campaign && since === context.caches.generation) cache.set(campaignId, rows)
  return rows
}

/** `count` is what the targets count of `newCount` and `continuingCount` (countedParticipants). */
type DailyRow = {
  centerId: string
  product: Product
  day: IsoDate
  count: number
  newCount: number
  continuingCount: number
}

/** The progress of a campaign as `viewer` may see it; null when there is no such campaign. */
export async function campaignProgress(
  context: Context,
  viewer: Viewer,
  args: ProgressArgs,
): Promise<CampaignProgress | null> {
  const read = await readProgress(context, viewer, args)
  if (!read) return null
  const { scope, view } = read
  const { campaign } = scope
  const { start, end, from, to, today } = periodOf(campaign, args)
  const product = args.product ?? null
  const rows = countedRows(read.daily, view, campaign.countParticipants)
  const inPeriod = rows.filter((row) => row.day >= from && row.day <= to)
  const sessions = sessionTotals(read.sessionRows, view)
  const { endTargets, scopedTargets, milestoneTargets } = targetsOf(scope, view, product)
  const target = targetCount(scopedTargets, product, products)

  // The day series over the period; milestones and pace over the whole campaign.
  const campaignSeries = dailySeries(start, end, countsByDay(rows))
  const milestones = milestonesOf(milestoneTargets, {
    rows,
    start,
    end,
    today,
    campaignSeries,
    centerById: view.byId,
  })
  const line = targetLine(
    start,
    end,
    target,
    lineMilestones(milestoneTargets, product).map((t) => ({
      date: toIsoDate(t.dueDate) as IsoDate,
      count: t.count,
    })),
  )
  const segments = segmentBreakdowns(context, viewer, args, { campaign, rows, from, to })

  return {
    campaign,
    center: scope.center,
    product,
    from,
    to,
    asOf: today,
    countedStatuses: campaign.countedStatuses,
    countParticipants: campaign.countParticipants,
    ...progressOf(inPeriod, target),
    products: productProgressOf(inPeriod, scopedTargets, args.product ? [args.product] : products),
    centers: rankedCenters(inPeriod, endTargets, view, args.product),
    days: periodDays(inPeriod, from, to, line),
    ...segments,
    milestones,
    ...paceOf(campaignSeries, target, { start, end, today }),
    sessionsHeld: sessions.held,
    attendance: sessions.attendance,
    conversion: async () =>
      sessions.attendance > 0 ? (await segments.sessionEnrollments()) / sessions.attendance : null,
  }
}

/** Days left, the pace needed to meet the target, the last week's pace and when it would meet it. */
function paceOf(
  campaignSeries: DailyTotal[],
  target: number | null,
  { start, end, today }: { start: IsoDate; end: IsoDate; today: IsoDate },
) {
  const campaignEnrolled = campaignSeries.filter((day) => day.date <= today).at(-1)?.cumulative ?? 0
  const left = daysLeft(today, start, end)
  const pace = recentPace(campaignSeries, today)
  return {
    daysLeft: left,
    dailyPaceNeeded: dailyPaceNeeded(campaignEnrolled, target, left),
    last7DaysPace: pace,
    projectedFinishDate: projectedFinishDate(campaignSeries, target, today, pace),
  }
}

/** The centers a progress shows: the whole tree (no filter), else those of `byId`; `visible` ranks. */
type CentersInView = {
  wholeTree: boolean
  byId: ReadonlyMap<string, Center>
  visible: readonly Center[]
}

/**
 * The counts in view and the scope, read together: the scope's rows come from this instance's cache
 * while the counts' stamp says they are current (currentScopeRows). Null when there is no campaign.
 */
async function readProgress(context: Context, viewer: Viewer, args: ProgressArgs) {
  const counts = countsInView(context, viewer, args)
  const [scopeRows, { daily, sessionRows }] = await Promise.all([
    currentScopeRows(context, args.campaignId, counts),
    counts,
  ])
  const scope = scopeOf(viewer, scopeRows, args.centerId)
  if (!scope) return null
  const view: CentersInView = {
    wholeTree: scope.centers === null,
    byId: new Map(scope.visibleCenters.map((center) => [center.id, center])),
    visible: scope.visibleCenters,
  }
  return { scope, view, daily, sessionRows }
}

/** The campaign's dates, the period asked for (default the campaign's) and today in its time zone. */
function periodOf(campaign: Campaign, args: ProgressArgs) {
  const start = toIsoDate(campaign.startDate) as IsoDate
  const end = toIsoDate(campaign.endDate) as IsoDate
  const today = args.today ?? localDateInZone(new Date(), campaign.timeZone)
  return { start, end, from: args.from ?? start, to: args.to ?? end, today }
}

const isInView = (view: CentersInView, centerId: string) => view.wholeTree || view.byId.has(centerId)

/** The day rows of the centers in view, each counting the participants the campaign counts. */
function countedRows(daily: readonly DailyRow[], view: CentersInView, participants: CountedParticipants) {
  return daily
    .filter((row) => isInView(view, row.centerId))
    .map((row) => ({ ...row, count: countedParticipants(participants, row) }))
}

/** Outreach sessions held at the centers in view, and their attendance. */
function sessionTotals(
  sessionRows: readonly { centerId: string; held: number; attendance: number }[],
  view: CentersInView,
) {
  return sessionRows
    .filter((row) => isInView(view, row.centerId))
    .reduce(
      (total, row) => ({ held: total.held + row.held, attendance: total.attendance + row.attendance }),
      { held: 0, attendance: 0 },
    )
}

/**
 * The scope's targets: the end targets (every center's, and those that speak for the scope: the
 * campaign-wide ones for the whole tree, else those of the centers in scope) and the milestones it shows.
 */
function targetsOf(scope: ProgressScope, view: CentersInView, product: Product | null) {
  const { targets } = scope.campaign
  const endTargets = targets.filter((target) => target.dueDate === null)
  const withDueDate = targets.filter((t): t is Target & { dueDate: Date } => t.dueDate !== null)
  return {
    endTargets,
    scopedTargets: targetsInScope(endTargets, view.wholeTree, (id) => view.byId.get(id)?.path),
    milestoneTargets: milestonesInScope(withDueDate, product, view.wholeTree, (id) => view.byId.has(id)),
  }
}

/** Each center with a target or counts in the period, against its own targets, counting its subtree; ranked. */
function rankedCenters(
  inPeriod: readonly DailyRow[],
  endTargets: readonly Target[],
  view: CentersInView,
  product: Product | null | undefined,
): CenterProgress[] {
  const rowsByCenter = new Map<string, DailyRow[]>()
  for (const row of inPeriod) {
    const list = rowsByCenter.get(row.centerId)
    if (list) list.push(row)
    else rowsByCenter.set(row.centerId, [row])
  }
  const productList = product ? [product] : products
  return rankByProgress(
    view.visible
      .filter((center) => endTargets.some((t) => t.centerId === center.id) || rowsByCenter.has(center.id))
      .map((center) => {
        const own = view.visible
          .filter((each) => each.path.startsWith(center.path))
          .flatMap((each) => rowsByCenter.get(each.id) ?? [])
        const ownTargets = endTargets.filter((t) => t.centerId === center.id)
        return {
          center,
          ...progressOf(own, targetCount(ownTargets, product ?? null, products)),
          products: productProgressOf(own, ownTargets, productList),
        }
      }),
  )
}

/** The campaign's counted day rows, and the period asked for. */
type CountedPeriod = { campaign: Campaign; rows: readonly DailyRow[]; from: IsoDate; to: IsoDate }

/**
 * The breakdowns by occupation group and session kind, read on first use (or now, with the other reads, when
 * the caller said it will ask: `breakdowns`).
 */
function segmentBreakdowns(context: Context, viewer: Viewer, args: ProgressArgs, counted: CountedPeriod) {
  const segments = once(() => segmentsInView(context, viewer, args, counted))
  // Awaited on first use; the catch only keeps a failure before then from counting as unhandled.
  if (args.breakdowns) segments().catch(() => {})
  const sessionEnrollments = once(async () =>
    (await segments()).filter((row) => row.sessionKind !== null).reduce((t, row) => t + row.enrolled, 0),
  )
  return {
    occupationGroups: once(async () =>
      mostFirst(await segments(), (row) => row.occupationGroup).map(([occupationGroup, enrolled]) => ({
        occupationGroup,
        enrolled,
      })),
    ),
    sessionKinds: once(async () =>
      mostFirst(await segments(), (row) => row.sessionKind).map(([kind, enrolled]) => ({ kind, enrolled })),
    ),
    sessionEnrollments,
  }
}

/**
 * The segment rollups' counts in view. The day rollup just read holds every day with counted
 * enrollments in view (same statuses, product and centers as the segments), so it tells which of
 * them the period leaves out. When those are fewer than the days it holds, the breakdowns are the
 * totals without the day (a few thousand rows) less the segments of the days left out, read by the
 * primary key (a campaign counts payments for a few days after its end: ~3 % of its segment rows);
 * else, a narrow period, the segments of its days. Either way the smaller part is read by day (at
 * 50,000 enrollments the whole campaign summed by day was 16,522 rows, 17 ms; the totals less the
 * days after its end 1,765 + 642 rows, 5.5 ms).
 * A change committed between the two reads may fall on either side, as it may between any two reads.
 */
async function segmentsInView(
  context: Context,
  viewer: Viewer,
  args: ProgressArgs,
  { campaign, rows, from, to }: CountedPeriod,
): Promise<SegmentRow[]> {
  const outside = rows.filter((row) => row.day < from || row.day > to)
  const source: SegmentSource =
    outside.length === 0 || 2 * outside.length < rows.length
      ? { totalsLess: daysLeftOut(outside, from, to) }
      : { from, to }
  // Read once the campaign is known: with its statuses and dates as values, PostgreSQL sums the
  // rollup in a hash of a few groups (joined to the campaign, it misjudges the rows and sorts them all).
  // Narrowed in SQL exactly as the scope is (centerRestriction), so no row is out of view.
  return segmentCounts(context, {
    campaignId: args.campaignId,
    product: args.product,
    counted: campaign.countedStatuses,
    participants: campaign.countParticipants,
    source,
    centers: centerRestriction(viewer, args.centerId, Prisma.sql`s."centerId"`),
  })
}

/**
 * The day rows a period leaves out, as the segments' primary key reaches them: their centers and
 * products, and the bounds they lie beyond (the period's first day, its last, or both).
 */
function daysLeftOut(outside: readonly DailyRow[], from: IsoDate, to: IsoDate): DaysLeftOut {
  return {
    centerIds: [...new Set(outside.map((row) => row.centerId))],
    products: [...new Set(outside.map((row) => row.product))],
    before: outside.some((row) => row.day < from) ? from : null,
    after: outside.some((row) => row.day > to) ? to : null,
  }
}

const sum = (list: readonly DailyRow[]) => list.reduce((total, row) => total + row.count, 0)
const byContinuity = (list: readonly DailyRow[]): ContinuityProgress => ({
  newCount: list.reduce((total, row) => total + row.newCount, 0),
  continuingCount: list.reduce((total, row) => total + row.continuingCount, 0),
})
const countsByDay = (list: readonly DailyRow[]) => list.map((row) => ({ date: row.day, enrolled: row.count }))

/** The counted participants of some day rows against a target: how many, new and continuing, percent. */
function progressOf(list: readonly DailyRow[], target: number | null) {
  const enrolled = sum(list)
  return { enrolled, ...byContinuity(list), target, percent: percentOfTarget(enrolled, target) }
}

/** Each product's progress over some day rows, against the targets given. */
function productProgressOf(
  list: readonly DailyRow[],
  targets: readonly Target[],
  productList: readonly Product[],
): ProductProgress[] {
  return productList.map((product) => ({
    product,
    ...progressOf(
      list.filter((row) => row.product === product),
      targetCount(targets, product, products),
    ),
  }))
}

/** Each milestone (a target with a due date) against the day series of its center and product. */
function milestonesOf(
  milestoneTargets: readonly (Target & { dueDate: Date })[],
  campaign: {
    rows: readonly DailyRow[]
    start: IsoDate
    end: IsoDate
    today: IsoDate
    campaignSeries: DailyTotal[]
    centerById: ReadonlyMap<string, { path: string }>
  },
) {
  const { rows, start, end, today, campaignSeries, centerById } = campaign
  const seriesOf = (t: Target) => {
    if (t.centerId === null && t.product === null) return campaignSeries
    const center = t.centerId ? centerById.get(t.centerId) : undefined
    const matching = rows.filter(
      (row) =>
        (t.product === null || row.product === t.product) &&
        (!center || centerById.get(row.centerId)?.path.startsWith(center.path)),
    )
    return dailySeries(start, end, countsByDay(matching))
  }
  return milestoneTargets.map((t) => {
    const dueDate = toIsoDate(t.dueDate) as IsoDate
    return { target: t, dueDate, ...milestoneOutcome({ dueDate, count: t.count }, seriesOf(t), today) }
  })
}

/** The period's days: counted participants, new and continuing, and the target line's planned figure. */
function periodDays(
  inPeriod: readonly DailyRow[],
  from: IsoDate,
  to: IsoDate,
  line: readonly { date: IsoDate; target: number | null }[],
) {
  const plannedByDay = new Map(line.map((day) => [day.date, day.target]))
  const rowsByDay = new Map<IsoDate, DailyRow[]>()
  for (const row of inPeriod) rowsByDay.set(row.day, [...(rowsByDay.get(row.day) ?? []), row])
  return dailySeries(from, to, countsByDay(inPeriod)).map((day) => ({
    ...day,
    ...byContinuity(rowsByDay.get(day.date) ?? []),
    target: plannedByDay.get(day.date) ?? null,
  }))
}

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined
  return () => {
    loaded ??= load()
    return loaded
  }
}

type SegmentRow = {
  occupationGroup: AudienceGroup | null
  sessionKind: SessionKind | null
  enrolled: number
}

/** Days a period leaves out: those before `before` and after `after` (null: none), at these centers and products. */
type DaysLeftOut = { centerIds: string[]; products: Product[]; before: IsoDate | null; after: IsoDate | null }

/** Where segment counts are summed from: a period's days, or the totals less some days left out. */
type SegmentSource = { from: IsoDate; to: IsoDate } | { totalsLess: DaysLeftOut }

/**
 * Counted enrollments per occupation group (the person's when registered; null: not recorded)
 * and session kind (null: registered directly), at the centers `centers` narrows to: from the
 * rollup by day over a period (local dates), or from the totals less the days left out.
 */
async function segmentCounts(
  context: Context,
  query: {
    campaignId: string
    product: Product | null | undefined
    counted: EnrollmentStatus[]
    participants: CountedParticipants
    source: SegmentSource
    centers: Prisma.Sql
  },
): Promise<SegmentRow[]> {
  const { campaignId, product, counted, participants, source, centers } = query
  const counts = Prisma.sql`s."campaignId" = ${campaignId}::uuid AND s."status" = ANY(${counted}::"EnrollmentStatus"[])
      ${product ? Prisma.sql`AND s."product" = ${product}::"Product"` : Prisma.empty}
      ${continuityRestriction(participants, Prisma.sql`s."continuity"`)}`
  const parts =
    'from' in source
      ? [
          Prisma.sql`SELECT s."occupationGroup", s."sessionKind", s."count" FROM "EnrollmentSegmentCount" s
            WHERE ${counts} AND s."day" BETWEEN ${source.from}::date AND ${source.to}::date ${centers}`,
        ]
      : [
          Prisma.sql`SELECT s."occupationGroup", s."sessionKind", s."count" FROM "EnrollmentSegmentTotal" s
            WHERE ${counts} ${centers}`,
          ...leftOutSegments(source.totalsLess, counts),
        ]
  return context.prisma.$queryRaw<SegmentRow[]>`
    SELECT nullif(x."occupationGroup", '') AS "occupationGroup", nullif(x."sessionKind", '') AS "sessionKind",
           sum(x."count")::int AS enrolled
    FROM (${Prisma.join(parts, ' UNION ALL ')}) x
    GROUP BY x."occupationGroup", x."sessionKind"
    HAVING sum(x."count") <> 0`
}

/**
 * The segments of the days left out, negated, one range of the primary key (campaign, center,
 * product, status, day…) per center, product and status on each side of the period.
 */
function leftOutSegments(left: DaysLeftOut, counts: Prisma.Sql): Prisma.Sql[] {
  const sides = [
    left.before ? Prisma.sql`s."day" < ${left.before}::date` : null,
    left.after ? Prisma.sql`s."day" > ${left.after}::date` : null,
  ]
  return sides.flatMap((side) =>
    side
      ? [
          Prisma.sql`SELECT s."occupationGroup", s."sessionKind", -s."count" FROM "EnrollmentSegmentCount" s
            WHERE ${counts} AND s."centerId" = ANY(${left.centerIds}::uuid[])
              AND s."product" = ANY(${left.products}::"Product"[]) AND ${side}`,
        ]
      : [],
  )
}

/** The rows' counts summed per group, most first, then by name (null last). */
function mostFirst<T extends string>(
  rows: SegmentRow[],
  groupOf: (row: SegmentRow) => T | null,
): [T | null, number][] {
  const totals = new Map<T | null, number>()
  for (const row of rows) totals.set(groupOf(row), (totals.get(groupOf(row)) ?? 0) + row.enrolled)
  return [...totals].sort(
    ([a, x], [b, y]) => y - x || (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1),
  )
}

/** A center, a product, its days and, on each, the new and the continuing participants. */
type DailyDocument = [string, Product, IsoDate[], number[], number[]]

/**
 * In one statement: counted enrollments per center, product and local day, from the rollup, in the
 * campaign's counted statuses; and outreach sessions held (DONE) per center in the period (local
 * dates; default the campaign's, whose bounds are turned into UTC once, not each session's start
 * into local time), with their attendance. Only the centers in view (the caller still keeps only the
 * rows in scope). The days come as one JSON document, a list of days and counts per center and
 * product: a whole campaign's ~2,000 day rows cost the API ten times more CPU read as rows.
 */
// long: one SQL statement (a round trip per progress page), read as it runs; its result is decoded apart
async function countsInView(
  context: Context,
  viewer: Viewer,
  args: ProgressArgs,
): Promise<{
  daily: DailyRow[]
  sessionRows: { centerId: string; held: number; attendance: number }[]
  stamp: string | null
}> {
  const { campaignId, product, from, to } = args
  const [row] = await queryPrepared<{
    daily: DailyDocument[]
    sessions: [string, number, number][]
    stamp: string | null
  }>(
    context.prisma,
    Prisma.sql`
    WITH c AS (
      SELECT "countedStatuses" AS counted,
        -- scopeRowsStamp's, in SQL
        concat_ws(':', "version", floor(extract(epoch FROM "updatedAt") * 1000)::bigint,
          (SELECT count(*) FROM "Target" t WHERE t."campaignId" = ${campaignId}::uuid),
          (SELECT coalesce(floor(extract(epoch FROM max(t."updatedAt")) * 1000)::bigint, 0)
             FROM "Target" t WHERE t."campaignId" = ${campaignId}::uuid),
          (SELECT count(*) FROM "Center"),
          (SELECT coalesce(floor(extract(epoch FROM max(x."updatedAt")) * 1000)::bigint, 0) FROM "Center" x)
        ) AS stamp,
        (coalesce(${from ?? null}::date, "startDate")::timestamp AT TIME ZONE "timeZone") AT TIME ZONE 'UTC' AS since,
        ((coalesce(${to ?? null}::date, "endDate") + 1)::timestamp AT TIME ZONE "timeZone") AT TIME ZONE 'UTC' AS until
      FROM "Campaign" WHERE "id" = ${campaignId}::uuid
    )
    SELECT
      (SELECT coalesce(json_agg(json_build_array(s."centerId", s."product", s."days", s."news", s."continuings")), '[]')
       FROM (SELECT g."centerId", g."product", array_agg(g."day" ORDER BY g."day") AS days,
                    array_agg(g."new" ORDER BY g."day") AS news,
                    array_agg(g."continuing" ORDER BY g."day") AS continuings
             FROM (SELECT d."centerId", d."product", d."day",
                          -- A paid enrollment of undecided continuity is a new participant (countedParticipants).
                          coalesce(sum(d."count") FILTER (WHERE d."continuity" <> 'CONTINUING'), 0)::int AS new,
                          coalesce(sum(d."count") FILTER (WHERE d."continuity" = 'CONTINUING'), 0)::int AS continuing
                   FROM "EnrollmentDailyCount" d
                   WHERE d."campaignId" = ${campaignId}::uuid
                     AND d."status" = ANY((SELECT counted FROM c)::"EnrollmentStatus"[])
                     ${product ? Prisma.sql`AND d."product" = ${product}::"Product"` : Prisma.empty}
                     ${centerRestriction(viewer, args.centerId, Prisma.sql`d."centerId"`)}
                   GROUP BY d."centerId", d."product", d."day") g
             GROUP BY g."centerId", g."product") s) AS daily,
      (SELECT coalesce(json_agg(json_build_array(h."centerId", h."held", h."attendance")), '[]')
       FROM (SELECT s."centerId", count(*)::int AS held, coalesce(sum(s."attendance"), 0)::int AS attendance
             FROM "OutreachSession" s
             WHERE s."campaignId" = ${campaignId}::uuid AND s."status" = 'DONE'
               AND s."startsAt" >= (SELECT since FROM c) AND s."startsAt" < (SELECT until FROM c)
               ${centerRestriction(viewer, args.centerId, Prisma.sql`s."centerId"`)}
             GROUP BY s."centerId") h) AS sessions,
      (SELECT stamp FROM c) AS stamp`,
  )
  return {
    daily: (row?.daily ?? []).flatMap(dailyRowsOf),
    sessionRows: (row?.sessions ?? []).map(([centerId, held, attendance]) => ({
      centerId,
      held,
      attendance,
    })),
    stamp: row?.stamp ?? null,
  }
}

/** One center and product's days, as countsInView's JSON document holds them, as day rows. */
function dailyRowsOf([centerId, product, days, news, continuings]: DailyDocument): DailyRow[] {
  return days.map((day, index) => {
    const newCount = news[index] ?? 0
    const continuingCount = continuings[index] ?? 0
    return { centerId, product, day, count: newCount + continuingCount, newCount, continuingCount }
  })
}

/** The rollup rows of the participants the targets count, as countedParticipants counts them. */
function continuityRestriction(participants: CountedParticipants, column: Prisma.Sql): Prisma.Sql {
  switch (participants) {
    case 'NEW':
      return Prisma.sql`AND ${column} <> 'CONTINUING'`
    case 'CONTINUING':
      return Prisma.sql`AND ${column} = 'CONTINUING'`
    case 'BOTH':
      return Prisma.empty
  }
}

/**
 * The same narrowing as progressScope's, in SQL, so the rollup is read only for the centers in view
 * while the scope is being looked up (the caller still keeps only the rows in scope).
 */
function centerRestriction(
  viewer: Viewer,
  centerId: string | null | undefined,
  column: Prisma.Sql,
): Prisma.Sql {
  const conditions: Prisma.Sql[] = []
  if (centerId) {
    conditions.push(Prisma.sql`AND ${column} IN (SELECT t."id" FROM "Center" t
      WHERE t."path" LIKE (SELECT a."path" FROM "Center" a WHERE a."id" = ${centerId}::uuid) || '%')`)
  }
  if (viewer.role === 'AGENT') {
    conditions.push(
      viewer.centerId ? Prisma.sql`AND ${column} = ${viewer.centerId}::uuid` : Prisma.sql`AND false`,
    )
  } else if (viewer.role !== 'ADMIN' && viewer.centerPath) {
    conditions.push(
      Prisma.sql`AND ${column} IN (SELECT v."id" FROM "Center" v WHERE v."path" LIKE ${`${viewer.centerPath}%`})`,
    )
  } else if (viewer.role !== 'ADMIN' && viewer.role !== 'VIEWER') {
    // canReadCenter: a manager without a center reads none.
    conditions.push(Prisma.sql`AND false`)
  }
  return conditions.length > 0 ? Prisma.join(conditions, ' ') : Prisma.empty
}
