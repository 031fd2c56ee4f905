// Calendar arithmetic on Hồ Chí Minh dates ('YYYY-MM-DD'), weeks starting on Monday as in Vietnam.
import type { IsoDate } from '@tangtoc/shared'

const toUtc = (day: IsoDate) => new Date(`${day}T00:00:00Z`)
const fromUtc = (date: Date): IsoDate => date.toISOString().slice(0, 10)

export function addDays(day: IsoDate, days: number): IsoDate {
  const date = toUtc(day)
  date.setUTCDate(date.getUTCDate() + days)
  return fromUtc(date)
}

/** The Monday of the day's week. */
export function weekStart(day: IsoDate): IsoDate {
  const weekday = (toUtc(day).getUTCDay() + 6) % 7
  return addDays(day, -weekday)
}

export function monthStart(day: IsoDate): IsoDate {
  return `${day.slice(0, 7)}-01`
}

export function addMonthsToMonth(day: IsoDate, months: number): IsoDate {
  const date = toUtc(monthStart(day))
  date.setUTCMonth(date.getUTCMonth() + months)
  return fromUtc(date)
}

/** The days the view shows: whole weeks covering the month, or the one week. */
export function visibleDays(view: 'month' | 'week', day: IsoDate): IsoDate[] {
  if (view === 'week') return Array.from({ length: 7 }, (_, index) => addDays(weekStart(day), index))
  const first = weekStart(monthStart(day))
  const last = addDays(addMonthsToMonth(day, 1), -1)
  const days: IsoDate[] = []
  for (let current = first; current <= last || days.length % 7 !== 0; current = addDays(current, 1))
    days.push(current)
  return days
}
