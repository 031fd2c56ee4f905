import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { daysBetween } from '../src/calendar.ts'
import {
  addDays,
  coverageEnd,
  coverageOfPayment,
  householdCardPeriod,
  remainingMonths,
} from '../src/index.ts'

const isoDates = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10))
const monthCounts = fc.integer({ min: 1, max: 60 })

describe('the last day of a period of months', () => {
  it('is the day before the same day of the month, months later', () => {
    expect(coverageEnd('2025-11-04', 3)).toBe('2026-02-03')
    expect(coverageEnd('2025-11-10', 12)).toBe('2026-11-09')
  })

  it('is the month’s last day when the month has no such day: the card keeps February’s last day', () => {
    expect(coverageEnd('2025-11-30', 3)).toBe('2026-02-28')
    expect(coverageEnd('2025-01-31', 3)).toBe('2025-04-30')
    expect(coverageEnd('2024-02-29', 12)).toBe('2025-02-28')
    expect(coverageEnd('2027-11-29', 3)).toBe('2028-02-28')
    expect(coverageEnd('2027-11-30', 3)).toBe('2028-02-29')
  })

  it('covers whole calendar months from the first of a month', () => {
    fc.assert(
      fc.property(isoDates, monthCounts, (date, months) => {
        const first = `${date.slice(0, 7)}-01`
        const end = coverageEnd(first, months)
        expect(addDays(end, 1).slice(8)).toBe('01')
        expect(coverageEnd(addDays(end, 1), months) > end).toBe(true)
      }),
    )
  })

  it('is a real date at least 28 and at most 31 days a month after the start, later for a later start or more months', () => {
    fc.assert(
      fc.property(isoDates, monthCounts, fc.integer({ min: 1, max: 40 }), (start, months, later) => {
        const end = coverageEnd(start, months)
        expect(new Date(`${end}T00:00:00Z`).toISOString().slice(0, 10)).toBe(end)
        const days = daysBetween(start, end) + 1
        expect(days).toBeGreaterThanOrEqual(28 * months)
        expect(days).toBeLessThanOrEqual(31 * months)
        expect(coverageEnd(addDays(start, later), months) >= end).toBe(true)
        expect(coverageEnd(start, months + 1) > end).toBe(true)
      }),
    )
  })

  it('ends where the next period from the following day starts, never overlapping it nor leaving a day out', () => {
    fc.assert(
      fc.property(isoDates, monthCounts, monthCounts, (start, first, second) => {
        const end = coverageEnd(start, first)
        const next = addDays(end, 1)
        expect(coverageEnd(next, second) >= next).toBe(true)
        expect(daysBetween(start, next)).toBe(daysBetween(start, end) + 1)
      }),
    )
  })
})

describe('the months left in a household’s period', () => {
  it('count a month begun as whole, so the newcomer is covered to the household’s card end', () => {
    expect(remainingMonths('2026-05-10', '2026-11-09')).toBe(6)
    expect(remainingMonths('2026-05-15', '2026-11-09')).toBe(6)
    expect(remainingMonths('2026-11-01', '2026-11-09')).toBe(1)
  })

  it('are the fewest months whose period reaches the end', () => {
    fc.assert(
      fc.property(isoDates, fc.integer({ min: 0, max: 400 }), (start, days) => {
        const end = addDays(start, days)
        const months = remainingMonths(start, end)
        expect(coverageEnd(start, months) >= end).toBe(true)
        if (months > 1) expect(coverageEnd(start, months - 1) < end).toBe(true)
      }),
    )
  })
})

describe('a household health insurance card', () => {
  it('starts 30 days after payment for a first enrollment: paid 2025-11-10, valid 2025-12-10 to 2026-12-09', () => {
    expect(householdCardPeriod({ paidOn: '2025-11-10', months: 12, previousCardEnd: null })).toEqual({
      continuity: 'NEW',
      start: '2025-12-10',
      end: '2026-12-09',
    })
  })

  it('continues from the day after the previous card ends when renewed before it ends', () => {
    expect(householdCardPeriod({ paidOn: '2025-11-10', months: 12, previousCardEnd: '2025-12-31' })).toEqual({
      continuity: 'CONTINUING',
      start: '2026-01-01',
      end: '2026-12-31',
    })
    expect(
      householdCardPeriod({ paidOn: '2025-12-31', months: 3, previousCardEnd: '2025-12-31' }).start,
    ).toBe('2026-01-01')
  })

  it('is valid from the payment date after a break under 3 months', () => {
    expect(householdCardPeriod({ paidOn: '2026-03-30', months: 6, previousCardEnd: '2025-12-31' })).toEqual({
      continuity: 'CONTINUING',
      start: '2026-03-30',
      end: '2026-09-29',
    })
  })

  it('waits 30 days again after a break of 3 months or more, counted to the day at month ends', () => {
    // The break starts 2026-01-01; three months of it are complete on 2026-03-31.
    expect(householdCardPeriod({ paidOn: '2026-04-01', months: 6, previousCardEnd: '2025-12-31' })).toEqual({
      continuity: 'NEW',
      start: '2026-05-01',
      end: '2026-10-31',
    })
    // A card ending 30 November: the break from 1 December is 3 months on 1 March.
    expect(
      householdCardPeriod({ paidOn: '2026-02-28', months: 3, previousCardEnd: '2025-11-30' }).continuity,
    ).toBe('CONTINUING')
    expect(
      householdCardPeriod({ paidOn: '2026-03-01', months: 3, previousCardEnd: '2025-11-30' }).continuity,
    ).toBe('NEW')
    // Ending 29 November, the break from 30 November is 3 months on 1 March too (30 Nov–28 Feb).
    expect(
      householdCardPeriod({ paidOn: '2026-02-28', months: 3, previousCardEnd: '2025-11-29' }).continuity,
    ).toBe('CONTINUING')
  })

  it('never starts before the payment, nor overlaps or leaves a gap after a card renewed in time', () => {
    fc.assert(
      fc.property(
        isoDates,
        fc.option(isoDates, { nil: null }),
        monthCounts,
        (paidOn, previousCardEnd, months) => {
          const card = householdCardPeriod({ paidOn, months, previousCardEnd })
          expect(card.start >= paidOn).toBe(true)
          expect(card.end).toBe(coverageEnd(card.start, months))
          if (previousCardEnd !== null && paidOn <= previousCardEnd) {
            expect(card).toMatchObject({ continuity: 'CONTINUING', start: addDays(previousCardEnd, 1) })
          }
          if (card.continuity === 'NEW') expect(card.start).toBe(addDays(paidOn, 30))
        },
      ),
    )
  })

  it('turns new at exactly one payment date after a card ends: a longer break never makes it continuing again', () => {
    fc.assert(
      fc.property(isoDates, fc.integer({ min: 1, max: 200 }), (previousCardEnd, daysAfter) => {
        const on = (days: number) =>
          householdCardPeriod({ paidOn: addDays(previousCardEnd, days), months: 3, previousCardEnd })
            .continuity
        if (on(daysAfter) === 'NEW') expect(on(daysAfter + 1)).toBe('NEW')
        // Three months are 89 to 92 days: a break of 88 days is always shorter, one of 92 never.
        expect(on(Math.min(daysAfter, 89))).toBe('CONTINUING')
        expect(on(93)).toBe('NEW')
      }),
    )
  })
})

describe('the coverage a confirmed payment buys', () => {
  it('gives voluntary social insurance calendar months: paid 2025-11-10 for 3 months covers 11/2025–01/2026', () => {
    expect(
      coverageOfPayment({
        product: 'VOLUNTARY_SOCIAL_INSURANCE',
        paidOn: '2025-11-10',
        months: 3,
        coveredUntilOnFile: null,
      }),
    ).toEqual({ ok: true, coverage: { continuity: 'NEW', start: '2025-11-01', end: '2026-01-31' } })
  })

  it('continues voluntary social insurance paid ahead from the month after the last one paid', () => {
    expect(
      coverageOfPayment({
        product: 'VOLUNTARY_SOCIAL_INSURANCE',
        paidOn: '2025-12-20',
        months: 1,
        coveredUntilOnFile: '2026-01-31',
      }),
    ).toEqual({ ok: true, coverage: { continuity: 'CONTINUING', start: '2026-02-01', end: '2026-02-28' } })
  })

  it('counts a participant who declares a social-insurance number as continuing, and checks the number', () => {
    const declared = (previousSocialInsuranceNumber: string) =>
      coverageOfPayment({
        product: 'VOLUNTARY_SOCIAL_INSURANCE',
        paidOn: '2025-11-10',
        months: 1,
        coveredUntilOnFile: null,
        declared: { previousSocialInsuranceNumber },
      })
    expect(declared('79 1234 5678')).toEqual({
      ok: true,
      coverage: { continuity: 'CONTINUING', start: '2025-11-01', end: '2025-11-30' },
    })
    const refused = declared('025123456')
    expect(refused.ok ? [] : refused.issues.map(({ path, code }) => ({ path, code }))).toEqual([
      { path: 'previous.previousSocialInsuranceNumber', code: 'IDENTITY_CARD_NUMBER_OBSOLETE' },
    ])
  })

  it('uses the later of the card on file and the card declared for household health insurance', () => {
    const result = coverageOfPayment({
      product: 'HOUSEHOLD_HEALTH_INSURANCE',
      paidOn: '2025-11-10',
      months: 12,
      coveredUntilOnFile: '2024-06-30',
      declared: { previousCardValidUntil: '2025-12-31' },
    })
    expect(result).toEqual({
      ok: true,
      coverage: { continuity: 'CONTINUING', start: '2026-01-01', end: '2026-12-31' },
    })
    const onFileOnly = coverageOfPayment({
      product: 'HOUSEHOLD_HEALTH_INSURANCE',
      paidOn: '2025-11-10',
      months: 12,
      coveredUntilOnFile: '2024-06-30',
    })
    expect(onFileOnly.ok && onFileOnly.coverage).toMatchObject({ continuity: 'NEW', start: '2025-12-10' })
  })

  it('refuses a declared card end that is not a date', () => {
    const result = coverageOfPayment({
      product: 'HOUSEHOLD_HEALTH_INSURANCE',
      paidOn: '2025-11-10',
      months: 12,
      coveredUntilOnFile: null,
      declared: { previousCardValidUntil: '31/12/2025' },
    })
    expect(result.ok ? [] : result.issues.map(({ path, code }) => ({ path, code }))).toEqual([
      { path: 'previous.previousCardValidUntil', code: 'DATE_INVALID' },
    ])
  })
})
