import { describe, expect, it } from 'vitest'
import { checkRegistrationDate, checkRegistrationMargin, registrationDates } from '../src/index.ts'

const launch = { startDate: '2025-11-04', endDate: '2026-01-02', marginDays: 0 }

describe('the first day of a registration’s period', () => {
  it('lies within the campaign: its first and last day included', () => {
    for (const on of ['2025-11-04', '2025-12-15', '2026-01-02'])
      expect(checkRegistrationDate(on, launch)).toEqual([])
  })

  it('a day before the first or after the last is refused, naming the days allowed', () => {
    const [before] = checkRegistrationDate('2025-11-03', launch)
    expect(before).toMatchObject({ path: 'on', code: 'REGISTRATION_DATE_OUTSIDE_CAMPAIGN' })
    expect(before?.message.en).toBe(
      'The period must begin within the campaign, from 04/11/2025 to 02/01/2026.',
    )
    expect(before?.message.vi).toBe(
      'Kỳ đóng phải bắt đầu trong thời gian chiến dịch, từ 04/11/2025 đến 02/01/2026.',
    )
    expect(checkRegistrationDate('2026-01-03', launch)).toHaveLength(1)
    expect(checkRegistrationDate('2030-01-01', launch, 'input.on')[0]?.path).toBe('input.on')
  })

  it('a margin widens both sides by as many days, across months and years', () => {
    const widened = { ...launch, marginDays: 7 }
    expect(registrationDates(widened)).toEqual({ first: '2025-10-28', last: '2026-01-09' })
    expect(checkRegistrationDate('2025-10-28', widened)).toEqual([])
    expect(checkRegistrationDate('2026-01-10', widened)).toHaveLength(1)
  })

  it('a margin is a whole number of days from 0 to a year', () => {
    for (const days of [0, 7, 366]) expect(checkRegistrationMargin(days)).toEqual([])
    for (const days of [-1, 1.5, 367])
      expect(checkRegistrationMargin(days)[0]?.code).toBe('REGISTRATION_MARGIN_INVALID')
  })
})
