import { describe, expect, it } from 'vitest'
import { checkWorklistDays, followUpEffect, worklistDueRange } from '../src/index.ts'

describe('worklist due dates', () => {
  it('expiring in the next 30 days runs across the year end', () => {
    expect(worklistDueRange('EXPIRING', '2025-12-15', 30)).toEqual({ from: '2025-12-15', to: '2026-01-14' })
  })

  it('expiring in the next 28 days from the last of January ends on the last of February', () => {
    expect(worklistDueRange('EXPIRING', '2026-01-31', 28)).toEqual({ from: '2026-01-31', to: '2026-02-28' })
    expect(worklistDueRange('EXPIRING', '2028-01-31', 29)).toEqual({ from: '2028-01-31', to: '2028-02-29' })
  })

  it('lapsed in the last 30 days ends the day before, back across the year start', () => {
    expect(worklistDueRange('LAPSED', '2026-01-10', 30)).toEqual({ from: '2025-12-11', to: '2026-01-09' })
  })

  it('waiting for payment more than 7 days holds registrations of 8 days ago and earlier', () => {
    expect(worklistDueRange('WAITING_PAYMENT', '2026-03-01', 7)).toEqual({ from: null, to: '2026-02-21' })
  })

  it('a promise is on the list from its day on', () => {
    expect(worklistDueRange('PROMISED', '2026-03-01', 0)).toEqual({ from: null, to: '2026-03-01' })
  })

  it('refuses a negative, fractional or too long reach', () => {
    expect(checkWorklistDays(-1)).toHaveLength(1)
    expect(checkWorklistDays(1.5)).toHaveLength(1)
    expect(checkWorklistDays(367)).toHaveLength(1)
    expect(checkWorklistDays(366)).toEqual([])
  })
})

describe('what a contact attempt does', () => {
  it('a promise to pay needs its day, not before the contact', () => {
    const missing = followUpEffect({ outcome: 'WILL_PAY', on: '2026-01-05' })
    expect(missing.ok ? [] : missing.issues.map((problem) => problem.code)).toEqual(['PROMISED_ON_REQUIRED'])
    const past = followUpEffect({ outcome: 'WILL_PAY', on: '2026-01-05', promisedOn: '2026-01-04' })
    expect(past.ok ? [] : past.issues.map((problem) => problem.code)).toEqual(['PROMISED_ON_PAST'])
    expect(followUpEffect({ outcome: 'WILL_PAY', on: '2026-01-05', promisedOn: '2026-01-05' })).toEqual({
      ok: true,
      state: { promisedOn: '2026-01-05', closed: null },
    })
  })

  it('a contact is recorded once it happened, not on a later day', () => {
    const ahead = followUpEffect({ outcome: 'REACHED', on: '2026-01-06', today: '2026-01-05' })
    expect(ahead.ok ? [] : ahead.issues.map((problem) => problem.code)).toEqual(['FOLLOW_UP_IN_FUTURE'])
    expect(followUpEffect({ outcome: 'REACHED', on: '2026-01-05', today: '2026-01-05' }).ok).toBe(true)
  })

  it('a declined person gives a reason, and leaves the lists', () => {
    expect(followUpEffect({ outcome: 'DECLINED', on: '2026-01-05', reason: ' ' }).ok).toBe(false)
    expect(followUpEffect({ outcome: 'DECLINED', on: '2026-01-05', reason: 'Không có thu nhập' })).toEqual({
      ok: true,
      state: { promisedOn: null, closed: 'DECLINED' },
    })
  })

  it('moved away, deceased and insured elsewhere close; no answer keeps the entry open without a promise', () => {
    for (const outcome of ['MOVED_AWAY', 'DECEASED', 'INSURED_ELSEWHERE'] as const) {
      expect(followUpEffect({ outcome, on: '2026-01-05' })).toEqual({
        ok: true,
        state: { promisedOn: null, closed: outcome },
      })
    }
    expect(followUpEffect({ outcome: 'NO_ANSWER', on: '2026-01-05' })).toEqual({
      ok: true,
      state: { promisedOn: null, closed: null },
    })
    expect(followUpEffect({ outcome: 'NO_ANSWER', on: '2026-01-05', promisedOn: '2026-01-09' }).ok).toBe(
      false,
    )
  })
})
