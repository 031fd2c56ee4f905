// Instants shown and entered in the campaign's time zone (Asia/Ho_Chi_Minh, UTC+7 all year, no DST),
// whatever the browser's own zone is.
import { campaignTimeZone } from '@tangtoc/shared'

const offset = '+07:00'

/** '2025-11-20T01:00:00.000Z' → '2025-11-20T08:00', the value of a datetime-local input in Hồ Chí Minh time. */
export function toZonedInput(instant: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: campaignTimeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant))
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`
}

/** '2025-11-20T08:00' in Hồ Chí Minh time → '2025-11-20T08:00:00+07:00'; null when incomplete. */
export function fromZonedInput(value: string): string | null {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00${offset}` : null
}

/** An instant as date and time in Hồ Chí Minh, the date first in both languages: 20/11/2025 08:00. */
export function formatDateTime(instant: string, intlLocale: string): string {
  const date = new Intl.DateTimeFormat(intlLocale, {
    timeZone: campaignTimeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date(instant))
  return `${date} ${formatTime(instant, intlLocale)}`
}

/** An instant's time of day in Hồ Chí Minh: 08:00. */
export function formatTime(instant: string, intlLocale: string): string {
  return new Intl.DateTimeFormat(intlLocale, {
    timeZone: campaignTimeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant))
}
