// Dates as the console shows and reads them: day first (dd/MM/yyyy) in both of its languages, stored
// as ISO strings ('2025-12-10', or '2025-12-10T08:00' for a time in Hồ Chí Minh).
import { isIsoDate } from '@tangtoc/shared'

/** The format every date field shows and accepts, whatever the browser's own locale. */
export const dayFormat = 'DD/MM/YYYY'
export const dayTimeFormat = 'DD/MM/YYYY HH:mm'

const pad = (value: string) => value.padStart(2, '0')

/**
 * What a user typed into a date field, as an ISO date ('2025-12-10') or, with `withTime`, a date and
 * time ('2025-12-10 08:00:00', the form date pickers keep): "10/12/2025", "10/12/2025 8:00", and ISO
 * itself are read; anything else (or a day that does not exist) is null.
 */
export function parseTypedDate(text: string, withTime = false): string | null {
  const dayFirst = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+(\d{1,2}):(\d{2}))?\s*$/.exec(text)
  const iso = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T\s](\d{1,2}):(\d{2})(?::\d{2})?)?\s*$/.exec(text)
  const parts = dayFirst
    ? { day: dayFirst[1], month: dayFirst[2], year: dayFirst[3], hour: dayFirst[4], minute: dayFirst[5] }
    : iso
      ? { day: iso[3], month: iso[2], year: iso[1], hour: iso[4], minute: iso[5] }
      : null
  if (!parts?.day || !parts.month || !parts.year) return null
  const date = `${parts.year}-${pad(parts.month)}-${pad(parts.day)}`
  if (!isIsoDate(date)) return null
  if (!withTime) return date
  const hours = Number(parts.hour ?? 0)
  const minutes = Number(parts.minute ?? 0)
  if (hours > 23 || minutes > 59) return null
  return `${date} ${pad(String(hours))}:${pad(String(minutes))}:00`
}
