import { describe, expect, it } from 'vitest'
import { presetOf, presetPeriod, validateProgressSearch } from './progressSearch.ts'

describe('the progress page’s address', () => {
  it('keeps a center and a well-formed period, and drops what a hand-edited address got wrong', () => {
    expect(validateProgressSearch({ center: 'Q2VudGVyOjE=', from: '2025-11-10', to: '2025-11-16' })).toEqual({
      center: 'Q2VudGVyOjE=',
      from: '2025-11-10',
      to: '2025-11-16',
    })
    expect(validateProgressSearch({ center: ' ', from: '10/11/2025', to: 7 })).toEqual({})
  })

  it('“this week” runs from Monday to today, also across a month’s end and on a Sunday', () => {
    expect(presetPeriod('WEEK', '2025-11-13')).toEqual({ from: '2025-11-10', to: '2025-11-13' })
    expect(presetPeriod('WEEK', '2025-12-02')).toEqual({ from: '2025-12-01', to: '2025-12-02' })
    expect(presetPeriod('WEEK', '2025-11-02')).toEqual({ from: '2025-10-27', to: '2025-11-02' })
    expect(presetPeriod('WEEK', '2025-11-10')).toEqual({ from: '2025-11-10', to: '2025-11-10' })
  })

  it('names the preset a period is, today’s and the whole campaign’s included', () => {
    expect(presetOf({}, '2025-11-13')).toBe('CAMPAIGN')
    expect(presetOf({ from: '2025-11-13', to: '2025-11-13' }, '2025-11-13')).toBe('TODAY')
    expect(presetOf({ from: '2025-11-10', to: '2025-11-13' }, '2025-11-13')).toBe('WEEK')
    expect(presetOf({ from: '2025-11-05', to: '2025-11-13' }, '2025-11-13')).toBe('CUSTOM')
  })
})
