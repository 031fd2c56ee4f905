// Campaign progress arithmetic: percent of target, the day-by-day series and its target line,
// milestones, pace and projection. Pure, over calendar dates ('YYYY-MM-DD') already in the campaign's
// time zone, so the API and the console compute the same figures the same way.

import { addDays, daysBetween, type IsoDate } from './calendar.ts'
import type { CountedParticipants } from './enums.ts'

/**
 * Paid participants by continuity. A paid enrollment whose continuity was never decided (confirmed
 * before payments were records) is among the new ones: it counted toward the targets before
 * continuity existed, and no coverage on file made it a continuing one.
 */
export type ContinuityCounts = { readonly newCount: number; readonly continuingCount: number }

/** The participants a campaign's targets count (its `countParticipants`): new, continuing or both. */
export function countedParticipants(setting: CountedParticipants, counts: ContinuityCounts): number {
  switch (setting) {
    case 'NEW':
      return counts.newCount
    case 'CONTINUING':
      return counts.continuingCount
    case 'BOTH':
      return counts.newCount + counts.continuingCount
  }
}

/** Every date from `start` to `end`, both included; empty when `end` is before `start`. */
export function datesBetween(start: IsoDate, end: IsoDate): readonly IsoDate[] {
  // A campaign's days are asked for many times per progress view (each series, each milestone).
  const key = `${start}/${end}`
  let dates = recentRanges.get(key)
  if (!dates) {
    const list: IsoDate[] = []
    for (let date = start; date <= end; date = addDays(date, 1)) list.push(date)
    dates = Object.freeze(list)
    if (recentRanges.size >= 64) recentRanges.clear()
    recentRanges.set(key, dates)
  }
  return dates
}

const recentRanges = new Map<string, readonly IsoDate[]>()

/** Enrolled as a percentage of target, to one decimal; null without a positive target. */
export function percentOfTarget(enrolled: number, target: number | null | undefined): number | null {
  if (target === null || target === undefined || target <= 0) return null
  return Math.round((enrolled / target) * 1000) / 10
}

export type DailyCount = { date: IsoDate; enrolled: number }
export type DailyTotal = DailyCount & { cumulative: number }

/**
 * One entry per date from `start` to `end` with that day's count and the running total; counts
 * outside the dates are ignored.
 */
export function dailySeries(start: IsoDate, end: IsoDate, counts: Iterable<DailyCount>): DailyTotal[] {
  const byDate = new Map<IsoDate, number>()
  for (const { date, enrolled } of counts) byDate.set(date, (byDate.get(date) ?? 0) + enrolled)
  let cumulative = 0
  return datesBetween(start, end).map((date) => {
    const enrolled = byDate.get(date) ?? 0
    cumulative += enrolled
    return { date, enrolled, cumulative }
  })
}

/** A point the plan must pass through: `count` participants by the end of `date`. */
export type TargetPoint = { date: IsoDate; count: number }

/**
 * The planned running total for each date from `start` to `end`: a straight line from zero before
 * the first day through each milestone to the final target on the last day. A milestone on the first
 * day (launch day) makes the line start at its count. Null throughout without a final target.
 */
export function targetLine(
  start: IsoDate,
  end: IsoDate,
  finalTarget: number | null,
  milestones: readonly TargetPoint[] = [],
): { date: IsoDate; target: number | null }[] {
  const dates = datesBetween(start, end)
  if (finalTarget === null) return dates.map((date) => ({ date, target: null }))
  const points: TargetPoint[] = [
    { date: addDays(start, -1), count: 0 },
    ...milestones.filter((m) => m.date >= start && m.date < end).sort((a, b) => (a.date < b.date ? -1 : 1)),
    { date: end, count: finalTarget },
  ]
  return dates.map((date) => {
    const nextIndex = points.findIndex((point) => point.date >= date)
    const next = points[nextIndex] as TargetPoint
    const previous = points[nextIndex - 1] as TargetPoint
    const span = daysBetween(previous.date, next.date)
    const planned = previous.count + ((next.count - previous.count) * daysBetween(previous.date, date)) / span
    return { date, target: Math.round(planned) }
  })
}

/** The first date on which the running total reached `count`; null if it never did. */
export function dateReached(series: readonly DailyTotal[], count: number): IsoDate | null {
  return series.find((day) => day.cumulative >= count)?.date ?? null
}

export type MilestoneStatus = 'MET' | 'MISSED' | 'PENDING'

export type MilestoneOutcome = {
  /** Enrolled by the end of the due date (or by today, while it is still ahead). */
  enrolled: number
  /** The date the count was reached, even when it was late; null while not reached. */
  metOn: IsoDate | null
  status: MilestoneStatus
}

/**
 * Whether a milestone was met: MET when its count was reached by its due date, MISSED when the due
 * date has passed (`today` is later) without it, PENDING otherwise.
 */
export function milestoneOutcome(
  milestone: { dueDate: IsoDate; count: number },
  series: readonly DailyTotal[],
  today: IsoDate,
): MilestoneOutcome {
  const metOn = dateReached(series, milestone.count)
  const byDue = series.filter((day) => day.date <= milestone.dueDate).at(-1)?.cumulative ?? 0
  const status: MilestoneStatus =
    metOn !== null && metOn <= milestone.dueDate ? 'MET' : today > milestone.dueDate ? 'MISSED' : 'PENDING'
  return { enrolled: byDue, metOn, status }
}

/** Days left to enrol, today included: the whole campaign before it starts, 0 after its last day. */
export function daysLeft(today: IsoDate, start: IsoDate, end: IsoDate): number {
  if (today > end) return 0
  return daysBetween(today < start ? start : today, end) + 1
}

/** Enrollments a day needed from today to reach the target; 0 once reached, null without a target or time. */
export function dailyPaceNeeded(
  enrolled: number,
  target: number | null,
  remainingDays: number,
): number | null {
  if (target === null) return null
  const remaining = Math.max(0, target - enrolled)
  if (remaining === 0) return 0
  return remainingDays > 0 ? remaining / remainingDays : null
}

/**
 * The average enrollments a day over the last `window` days up to today (fewer when the campaign
 * started less than `window` days ago; the campaign's last days once it is over); 0 before it starts.
 */
export function recentPace(series: readonly DailyTotal[], today: IsoDate, window = 7): number {
  const first = series[0]?.date
  const last = series.at(-1)?.date
  if (first === undefined || last === undefined || today < first) return 0
  const until = today > last ? last : today
  const since = addDays(until, -(window - 1))
  const days = series.filter((day) => day.date >= since && day.date <= until)
  return days.reduce((sum, day) => sum + day.enrolled, 0) / days.length
}

/**
 * The date the target would be reached at `pace` a day from tomorrow on (from the campaign's last day
 * once it is over, so a finished campaign's projection does not drift with the calendar); the date it
 * was reached when it already is; null without a target or with no pace.
 */
export function projectedFinishDate(
  series: readonly DailyTotal[],
  target: number | null,
  today: IsoDate,
  pace: number,
): IsoDate | null {
  if (target === null) return null
  const reached = dateReached(series, target)
  if (reached !== null) return reached
  const last = series.at(-1)?.date
  const asOf = last !== undefined && today > last ? last : today
  const enrolled = series.filter((day) => day.date <= asOf).at(-1)?.cumulative ?? 0
  if (pace <= 0) return null
  const from = series[0] && asOf < series[0].date ? addDays(series[0].date, -1) : asOf
  return addDays(from, Math.ceil((target - enrolled) / pace))
}

/**
 * Centers ranked by percent of their own target (those without a target last, by count), then by
 * enrolled; rank 1 is the best, equal figures share a rank.
 */
export function rankByProgress<T extends { enrolled: number; percent: number | null }>(
  rows: readonly T[],
): (T & { rank: number })[] {
  const key = (row: T) => [row.percent ?? -1, row.enrolled] as const
  const sorted = [...rows].sort((a, b) => {
    const [pa, ea] = key(a)
    const [pb, eb] = key(b)
    return pb - pa || eb - ea
  })
  let rank = 0
  return sorted.map((row, index) => {
    const previous = sorted[index - 1]
    if (!previous || key(previous)[0] !== key(row)[0] || key(previous)[1] !== key(row)[1]) rank = index + 1
    return { ...row, rank }
  })
}

/**
 * Targets of a part of the center tree, without counting one twice: a center's target is left out
 * when an ancestor within `centers` has a target for the same product (it already covers it).
 */
export function topmostTargets<T extends { centerPath: string; product: string | null }>(
  targets: readonly T[],
): T[] {
  return targets.filter(
    (target) =>
      !targets.some(
        (other) =>
          other !== target &&
          other.product === target.product &&
          other.centerPath !== target.centerPath &&
          target.centerPath.startsWith(other.centerPath),
      ),
  )
}

/** A target as progress reads it: for a center (null: the campaign) and a product (null: all). */
export type TargetSetting = {
  readonly centerId: string | null
  readonly product: string | null
  readonly count: number
}

/**
 * The end targets that speak for a scope: the campaign-wide ones for the whole tree; for part of it,
 * the topmost targets of the centers in it (`pathOf` gives a center's path, undefined outside it).
 */
export function targetsInScope<T extends TargetSetting>(
  targets: readonly T[],
  wholeTree: boolean,
  pathOf: (centerId: string) => string | undefined,
): T[] {
  if (wholeTree) return targets.filter((target) => target.centerId === null)
  return topmostTargets(
    targets.flatMap((target) => {
      const centerPath = target.centerId ? pathOf(target.centerId) : undefined
      return centerPath === undefined ? [] : [{ ...target, centerPath }]
    }),
  )
}

/**
 * The milestones (targets with a due date) a scope shows, of the product asked for (null: every
 * product): the campaign-wide ones for the whole tree, else those of the centers `inView` keeps.
 */
export function milestonesInScope<T extends TargetSetting>(
  milestones: readonly T[],
  product: string | null,
  wholeTree: boolean,
  inView: (centerId: string) => boolean,
): T[] {
  return milestones.filter(
    (target) =>
      (product === null || target.product === product) &&
      (target.centerId === null ? wholeTree : inView(target.centerId)),
  )
}

/**
 * The milestones the campaign's target line passes through: the campaign-wide ones of exactly the
 * product shown (null: the all-products ones).
 */
export function lineMilestones<T extends TargetSetting>(
  milestones: readonly T[],
  product: string | null,
): T[] {
  return milestones.filter((target) => target.centerId === null && target.product === product)
}

/**
 * What targets set for a product, or with none given for every product: the all-products targets if
 * any, else the sum of each product's; null when none sets one.
 */
export function targetCount(
  targets: readonly TargetSetting[],
  product: string | null,
  products: readonly string[],
): number | null {
  const sumOf = (list: readonly TargetSetting[]) =>
    list.length > 0 ? list.reduce((total, target) => total + target.count, 0) : null
  if (product !== null) return sumOf(targets.filter((target) => target.product === product))
  const allProducts = sumOf(targets.filter((target) => target.product === null))
  if (allProducts !== null) return allProducts
  const perProduct = products.map((each) => targetCount(targets, each, products))
  return perProduct.some((count) => count !== null)
    ? perProduct.reduce<number>((total, count) => total + (count ?? 0), 0)
    : null
}
