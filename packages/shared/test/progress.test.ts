import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { daysBetween } from '../src/calendar.ts'
import {
  addDays,
  countedParticipants,
  dailyPaceNeeded,
  dailySeries,
  daysLeft,
  lineMilestones,
  milestoneOutcome,
  milestonesInScope,
  percentOfTarget,
  projectedFinishDate,
  rankByProgress,
  recentPace,
  targetCount,
  targetLine,
  targetsInScope,
} from '../src/index.ts'
import { dateReached, datesBetween } from '../src/progress.ts'

// The launch campaign: 60 days from 4 November 2025 to 2 January 2026.
const start = '2025-11-04'
const end = '2026-01-02'

describe('calendar arithmetic for progress', () => {
  it('counts the launch campaign as 60 days, across the year end', () => {
    expect(datesBetween(start, end)).toHaveLength(60)
    expect(daysBetween(start, end)).toBe(59)
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01')
    expect(addDays(start, -1)).toBe('2025-11-03')
  })
})

describe('percent of target', () => {
  it('is rounded to one decimal, and null without a target', () => {
    expect(percentOfTarget(3_000, 16_000)).toBe(18.8)
    expect(percentOfTarget(16_001, 16_000)).toBe(100)
    expect(percentOfTarget(5, null)).toBeNull()
    expect(percentOfTarget(5, 0)).toBeNull()
  })
})

describe('the daily series', () => {
  it('has every campaign day, with the day’s count and the running total', () => {
    const series = dailySeries(start, '2025-11-07', [
      { date: '2025-11-04', enrolled: 3_100 },
      { date: '2025-11-06', enrolled: 40 },
      { date: '2025-11-06', enrolled: 2 },
      { date: '2025-11-20', enrolled: 999 },
    ])
    expect(series).toEqual([
      { date: '2025-11-04', enrolled: 3_100, cumulative: 3_100 },
      { date: '2025-11-05', enrolled: 0, cumulative: 3_100 },
      { date: '2025-11-06', enrolled: 42, cumulative: 3_142 },
      { date: '2025-11-07', enrolled: 0, cumulative: 3_142 },
    ])
  })

  it('draws the target line through the launch-day milestone to the final target', () => {
    const line = targetLine(start, end, 366_000, [{ date: start, count: 3_000 }])
    expect(line[0]).toEqual({ date: start, target: 3_000 })
    expect(line.at(-1)).toEqual({ date: end, target: 366_000 })
    expect(line[1]?.target).toBe(Math.round(3_000 + 363_000 / 59))
  })

  it('draws a straight line from zero without milestones, and none without a target', () => {
    const line = targetLine('2025-11-01', '2025-11-10', 100)
    expect(line.map((day) => day.target)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100])
    expect(targetLine('2025-11-01', '2025-11-02', null).map((day) => day.target)).toEqual([null, null])
  })

  it('never goes down or overshoots the final target', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 90 }),
        (target, length) => {
          const last = addDays(start, length - 1)
          const line = targetLine(start, last, target).map((day) => day.target as number)
          expect(line.at(-1)).toBe(target)
          for (let i = 1; i < line.length; i++) expect(line[i]).toBeGreaterThanOrEqual(line[i - 1] as number)
        },
      ),
    )
  })
})

describe('milestones', () => {
  const series = dailySeries(start, '2025-11-10', [
    { date: '2025-11-04', enrolled: 2_500 },
    { date: '2025-11-05', enrolled: 600 },
    { date: '2025-11-06', enrolled: 900 },
  ])

  it('finds the day a count was reached', () => {
    expect(dateReached(series, 3_000)).toBe('2025-11-05')
    expect(dateReached(series, 10_000)).toBeNull()
  })

  it('is met when reached by its due date', () => {
    expect(milestoneOutcome({ dueDate: '2025-11-05', count: 3_000 }, series, '2025-11-10')).toEqual({
      enrolled: 3_100,
      metOn: '2025-11-05',
      status: 'MET',
    })
  })

  it('is missed when reached only later, and says when it was reached', () => {
    expect(milestoneOutcome({ dueDate: '2025-11-04', count: 3_000 }, series, '2025-11-10')).toEqual({
      enrolled: 2_500,
      metOn: '2025-11-05',
      status: 'MISSED',
    })
  })

  it('is pending while its due date is ahead', () => {
    expect(milestoneOutcome({ dueDate: '2025-11-30', count: 10_000 }, series, '2025-11-10').status).toBe(
      'PENDING',
    )
  })
})

describe('pace and projection', () => {
  it('counts today among the days left, the whole campaign before it starts, none after it', () => {
    expect(daysLeft('2025-12-31', start, end)).toBe(3)
    expect(daysLeft('2025-10-01', start, end)).toBe(60)
    expect(daysLeft('2026-01-03', start, end)).toBe(0)
  })

  it('divides what is left by the days left', () => {
    expect(dailyPaceNeeded(6_000, 16_000, 20)).toBe(500)
    expect(dailyPaceNeeded(17_000, 16_000, 20)).toBe(0)
    expect(dailyPaceNeeded(6_000, 16_000, 0)).toBeNull()
    expect(dailyPaceNeeded(6_000, null, 20)).toBeNull()
  })

  const series = dailySeries(
    start,
    end,
    datesBetween(start, '2025-11-20').map((date) => ({ date, enrolled: 100 })),
  )

  it('averages the last seven days, or the days since the start when fewer', () => {
    expect(recentPace(series, '2025-11-20')).toBe(100)
    expect(recentPace(series, '2025-11-23')).toBe(400 / 7)
    expect(recentPace(series, '2025-11-05')).toBe(100)
    expect(recentPace(series, '2025-10-01')).toBe(0)
  })

  it('projects the finish at the recent pace, or gives the day it was reached', () => {
    // 1,700 enrolled by 20 November; 300 more at 100 a day: 23 November.
    expect(projectedFinishDate(series, 2_000, '2025-11-20', 100)).toBe('2025-11-23')
    expect(projectedFinishDate(series, 1_000, '2025-11-20', 100)).toBe('2025-11-13')
    expect(projectedFinishDate(series, 2_000, '2025-11-20', 0)).toBeNull()
    expect(projectedFinishDate(series, null, '2025-11-20', 100)).toBeNull()
  })

  it('projects a finished campaign from its last day, not from today', () => {
    // The series ends on the campaign's last day with 1,700 enrolled; 300 more at 100 a day.
    const lastDay = series.at(-1)?.date ?? ''
    expect(projectedFinishDate(series, 2_000, '2026-11-26', 100)).toBe(addDays(lastDay, 3))
  })
})

describe('ranking centers', () => {
  it('ranks by percent of the center’s own target, ties sharing a rank, those without a target last', () => {
    const ranked = rankByProgress([
      { code: 'A', enrolled: 50, percent: 50 },
      { code: 'B', enrolled: 90, percent: 90 },
      { code: 'C', enrolled: 10, percent: null },
      { code: 'D', enrolled: 50, percent: 50 },
    ])
    expect(ranked.map((row) => [row.code, row.rank])).toEqual([
      ['B', 1],
      ['A', 2],
      ['D', 2],
      ['C', 4],
    ])
  })
})

describe('targets of a scope', () => {
  const vsi = 'VOLUNTARY_SOCIAL_INSURANCE'
  const hhi = 'HOUSEHOLD_HEALTH_INSURANCE'
  const paths: Record<string, string> = { a: '/a/', b: '/a/b/', c: '/c/' }
  const targets = [
    { centerId: null, product: vsi, count: 16_000 },
    { centerId: 'a', product: vsi, count: 100 },
    { centerId: 'b', product: vsi, count: 60 },
    { centerId: 'b', product: hhi, count: 600 },
    { centerId: 'c', product: vsi, count: 40 },
  ]

  it('for the whole tree, the campaign’s own targets', () => {
    expect(targetsInScope(targets, true, (id) => paths[id]).map((t) => t.count)).toEqual([16_000])
  })

  it('for part of it, leaves out a center’s target covered by its parent’s for the same product', () => {
    expect(targetsInScope(targets, false, (id) => paths[id]).map((t) => t.count)).toEqual([100, 600, 40])
    // Only the centers in view: b alone.
    const bAlone = targetsInScope(targets, false, (id) => (id === 'b' ? paths.b : undefined))
    expect(bAlone.map((t) => t.count)).toEqual([60, 600])
  })

  it('sums a product’s targets; for every product, the all-products target, else each product’s', () => {
    const products = [vsi, hhi]
    const centers = targets.filter((t) => t.centerId !== null)
    expect(targetCount(centers, vsi, products)).toBe(200)
    expect(targetCount(centers, null, products)).toBe(800)
    expect(targetCount([...centers, { centerId: 'a', product: null, count: 5_000 }], null, products)).toBe(
      5_000,
    )
    expect(targetCount([], vsi, products)).toBeNull()
    expect(
      targetCount(
        centers.filter((t) => t.product === vsi),
        null,
        products,
      ),
    ).toBe(200)
  })

  it('shows the campaign’s milestones for the whole tree, else those of the centers in view, of the product', () => {
    const milestones = [...targets, { centerId: null, product: null, count: 9_000 }]
    const counts = (list: readonly { count: number }[]) => list.map((t) => t.count)
    expect(counts(milestonesInScope(milestones, null, true, () => true))).toEqual([
      16_000, 100, 60, 600, 40, 9_000,
    ])
    expect(counts(milestonesInScope(milestones, vsi, false, (id) => id === 'b'))).toEqual([60])
    expect(counts(milestonesInScope(milestones, null, false, (id) => id !== 'c'))).toEqual([100, 60, 600])
  })

  it('bends the target line at the campaign’s milestones of exactly the product shown', () => {
    const milestones = [...targets, { centerId: null, product: null, count: 9_000 }]
    expect(lineMilestones(milestones, vsi).map((t) => t.count)).toEqual([16_000])
    expect(lineMilestones(milestones, null).map((t) => t.count)).toEqual([9_000])
  })
})

describe('the participants a campaign counts', () => {
  it('counts new ones (the launch campaign), continuing ones, or both', () => {
    // 2,400 new and 600 renewing their household cards on launch day.
    const counts = { newCount: 2_400, continuingCount: 600 }
    expect(countedParticipants('NEW', counts)).toBe(2_400)
    expect(countedParticipants('CONTINUING', counts)).toBe(600)
    expect(countedParticipants('BOTH', counts)).toBe(3_000)
  })
})
