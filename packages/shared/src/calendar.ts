// Calendar dates ('YYYY-MM-DD') and the campaign's time zone. Dates are compared as strings, which
// is correct for this fixed-width form and avoids any time-zone arithmetic.

/** A calendar date, 'YYYY-MM-DD'. */
export type IsoDate = string

/** The campaign's time zone: UTC+7 all year, no daylight saving. */
export const campaignTimeZone = 'Asia/Ho_Chi_Minh'

import { dateTimeFormat } from './intl.ts'

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/

/** True for a real calendar date in 'YYYY-MM-DD' form (2025-02-29 is not one). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false
  const match = isoDatePattern.exec(value)
  if (!match) return false
  const [, year, month, day] = match.map(Number) as [number, number, number, number]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/**
 * The calendar date of a database date (Prisma returns @db.Date columns as UTC midnight) or of an
 * ISO date string; undefined when it is neither.
 */
export function toIsoDate(value: IsoDate | Date): IsoDate | undefined {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10)
  }
  return isIsoDate(value) ? value : undefined
}

const lastLocalDate = new Map<string, { minute: number; date: IsoDate }>()

/** The calendar date an instant falls on in a time zone: the day a registration counts for. */
export function localDateInZone(instant: Date | string | number, timeZone = campaignTimeZone): IsoDate {
  const time = new Date(instant).getTime()
  // Offsets are whole minutes, so the local date only turns at a minute's start: the last answer
  // for the zone holds for the rest of its minute (a busy API asks many times a second).
  const minute = Math.floor(time / 60_000)
  const last = lastLocalDate.get(timeZone)
  if (last?.minute === minute) return last.date
  const parts = dateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(time)
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? ''
  const date = `${part('year')}-${part('month')}-${part('day')}`
  if (Number.isFinite(minute)) lastLocalDate.set(timeZone, { minute, date })
  return date
}

const dayMs = 86_400_000

function toUtc(date: IsoDate): number {
  return Date.parse(`${date}T00:00:00Z`)
}

/** The date `days` days after `date` (before it when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(toUtc(date) + days * dayMs).toISOString().slice(0, 10)
}

/** Whole days from `from` to `to`: 0 for the same day, negative when `to` is earlier. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtc(to) - toUtc(from)) / dayMs)
}

/**
 * The last day of `months` months from `start` (inclusive): the day before the same day of the month
 * `months` later, or the last day of that month when it has no such day. From 4 November for 3 months
 * ends 3 February; from 30 November ends 28 February (the card does not lose February's last day),
 * from 31 January for 3 months ends 30 April.
 */
export function coverageEnd(start: IsoDate, months: number): IsoDate {
  const [year, month, day] = start.split('-').map(Number) as [number, number, number]
  const lastDay = new Date(Date.UTC(year, month - 1 + months + 1, 0))
  if (day > lastDay.getUTCDate()) return lastDay.toISOString().slice(0, 10)
  return addDays(new Date(Date.UTC(year, month - 1 + months, day)).toISOString().slice(0, 10), -1)
}
