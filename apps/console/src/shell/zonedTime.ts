// Instants shown and entered in the campaign's time zone (Asia/Ho_Chi_Minh), whatever the browser's
// own zone is. The zone's offset is read from Intl, never written here.
import { campaignTimeZone } from '@tangtoc/shared'

/** The zone's UTC offset at an instant, as ISO 8601 writes it: '+07:00'. */
function offsetAt(instant: number, timeZone: string): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((part) => part.type === 'timeZoneName')?.value
  // 'GMT+07:00', or 'GMT' for UTC itself.
  return name && name !== 'GMT' ? name.slice(3) : '+00:00'
}

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
export function fromZonedInput(value: string, timeZone = campaignTimeZone): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null
  // The offset at that wall time: read at the instant it would be in UTC, then at the instant found.
  const asUtc = Date.parse(`${value}:00Z`)
  const guess = offsetAt(asUtc, timeZone)
  const offset = offsetAt(Date.parse(`${value}:00${guess}`), timeZone)
  return `${value}:00${offset}`
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
