import { describe, expect, it } from 'vitest'
import { formatDateTime, fromZonedInput, toZonedInput } from './zonedTime.ts'

describe('times entered in the campaign’s time zone', () => {
  it('reads a wall time in Hồ Chí Minh as the instant it is there, and back', () => {
    expect(fromZonedInput('2025-11-20T08:00')).toBe('2025-11-20T08:00:00+07:00')
    expect(toZonedInput(new Date('2025-11-20T08:00:00+07:00').toISOString())).toBe('2025-11-20T08:00')
  })

  it('takes the offset from the zone, daylight saving included, not a constant', () => {
    expect(fromZonedInput('2026-07-01T09:30', 'Europe/Paris')).toBe('2026-07-01T09:30:00+02:00')
    expect(fromZonedInput('2026-01-15T09:30', 'Europe/Paris')).toBe('2026-01-15T09:30:00+01:00')
    expect(fromZonedInput('2026-01-15T09:30', 'UTC')).toBe('2026-01-15T09:30:00+00:00')
  })

  it('shows an instant in the campaign’s own zone, where its day may not be Vietnam’s', () => {
    const instant = '2026-03-10T20:00:00.000Z'
    expect(toZonedInput(instant, 'Pacific/Honolulu')).toBe('2026-03-10T10:00')
    expect(formatDateTime(instant, 'vi-VN', 'Pacific/Honolulu')).toBe('10/03/2026 10:00')
    expect(formatDateTime(instant, 'vi-VN')).toBe('11/03/2026 03:00')
  })

  it('gives nothing for an incomplete value', () => {
    expect(fromZonedInput('2025-11-20')).toBeNull()
  })
})
