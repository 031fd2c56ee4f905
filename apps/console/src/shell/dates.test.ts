import { describe, expect, it } from 'vitest'
import { parseTypedDate } from './dates.ts'

describe('reading a typed date', () => {
  it('reads the day first, as Vietnamese and British users write it', () => {
    expect(parseTypedDate('10/12/2025')).toBe('2025-12-10')
    expect(parseTypedDate('1/2/2026')).toBe('2026-02-01')
    expect(parseTypedDate('2025-12-10')).toBe('2025-12-10')
  })

  it('reads a time after the date when the field keeps one', () => {
    expect(parseTypedDate('10/12/2025 8:00', true)).toBe('2025-12-10 08:00:00')
    expect(parseTypedDate('10/12/2025', true)).toBe('2025-12-10 00:00:00')
    expect(parseTypedDate('2025-12-10T08:30', true)).toBe('2025-12-10 08:30:00')
  })

  it('refuses a day that does not exist and anything that is not a date', () => {
    expect(parseTypedDate('31/02/2026')).toBeNull()
    expect(parseTypedDate('12/31/2025')).toBeNull()
    expect(parseTypedDate('10/12/2025 25:00', true)).toBeNull()
    expect(parseTypedDate('hôm nay')).toBeNull()
  })
})
