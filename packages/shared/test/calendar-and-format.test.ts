import { describe, expect, it } from 'vitest'
import { dongNotation, formatDate, formatDong, isIsoDate, localDateInZone, toIsoDate } from '../src/index.ts'

describe('formatting for display', () => {
  it('shows đồng the Vietnamese way: 1.263.600 ₫', () => {
    expect(formatDong(1_263_600, 'vi-VN')).toBe('1.263.600\u00a0₫')
    expect(formatDong(1_263_600)).toBe('1.263.600\u00a0₫')
  })

  it('tells an amount field where each language writes the đồng sign and its separators, as formatDong does', () => {
    expect(dongNotation('vi-VN')).toEqual({ prefix: '', suffix: '\u00a0₫', group: '.', decimal: ',' })
    expect(dongNotation('en-US')).toEqual({ prefix: '₫', suffix: '', group: ',', decimal: '.' })
    const { prefix, suffix, group } = dongNotation('en-US')
    expect(`${prefix}3${group}000${group}000${suffix}`).toBe(formatDong(3_000_000, 'en-US'))
  })

  it('shows dates as dd/MM/yyyy: 04/11/2025', () => {
    expect(formatDate('2025-11-04', 'vi-VN')).toBe('04/11/2025')
  })
})

describe('calendar dates', () => {
  it('counts a registration at 23:30 UTC on 3 November for 4 November in Ho Chi Minh City', () => {
    expect(localDateInZone('2025-11-03T23:30:00Z', 'Asia/Ho_Chi_Minh')).toBe('2025-11-04')
    expect(localDateInZone(new Date('2025-11-03T16:59:59Z'))).toBe('2025-11-03')
    expect(localDateInZone(new Date('2025-11-03T17:00:00Z'))).toBe('2025-11-04')
  })

  it('answers each zone right when asked again and again around local midnight', () => {
    // The last answer is kept for the rest of its minute; the next minute and other zones are their own.
    expect(localDateInZone('2025-11-03T16:59:00.000Z')).toBe('2025-11-03')
    expect(localDateInZone('2025-11-03T16:59:59.999Z')).toBe('2025-11-03')
    expect(localDateInZone('2025-11-03T16:59:59.999Z', 'UTC')).toBe('2025-11-03')
    expect(localDateInZone('2025-11-03T17:00:00.000Z')).toBe('2025-11-04')
    expect(localDateInZone('2025-11-03T17:00:00.000Z', 'America/New_York')).toBe('2025-11-03')
    expect(localDateInZone('2025-11-03T16:59:30.000Z')).toBe('2025-11-03')
  })

  it('accepts only real dates in YYYY-MM-DD form', () => {
    expect(isIsoDate('2024-02-29')).toBe(true)
    expect(isIsoDate('2025-02-29')).toBe(false)
    expect(isIsoDate('4/11/2025')).toBe(false)
    expect(toIsoDate(new Date('2025-11-04T00:00:00Z'))).toBe('2025-11-04')
  })
})
