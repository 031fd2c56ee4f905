// Instants shown and entered in a campaign's time zone (its Campaign.timeZone), whatever the browser's
// own zone is. Where no one campaign is at hand (a list across campaigns, the audit log) the default
// zone, Asia/Ho_Chi_Minh, is used. The zone's offset is read from Intl, never written here.
import { campaignTimeZone } from '@tangtoc/shared'

/** The zone's name at an instant as Intl writes it in the style asked: 'GMT+07:00' (long), 'GMT-10' (short). */
function zoneName(
  instant: number,
  timeZone: string,
  style: 'longOffset' | 'shortOffset',
): string | undefined {
  return new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: style })
    .formatToParts(instant)
    .find((part) => part.type === 'timeZoneName')?.value
}

/** The zone's UTC offset at an instant, as ISO 8601 writes it: '+07:00'. */
function offsetAt(instant: number, timeZone: string): string {
  const name = zoneName(instant, timeZone, 'longOffset')
  // 'GMT+07:00', or 'GMT' for UTC itself.
  return name && name !== 'GMT' ? name.slice(3) : '+00:00'
}

/** The zone's offset as a person reads it, at an instant (daylight saving may change it): 'GMT-10'. */
export function offsetName(timeZone: string, instant: number = Date.now()): string {
  return zoneName(instant, timeZone, 'shortOffset') ?? 'GMT'
}

/** '2025-11-20T01:00:00.000Z' → '2025-11-20T08:00', the value of a datetime-local input in the zone (Hồ Chí Minh: +07:00). */
export function toZonedInput(instant: string, timeZone = campaignTimeZone): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
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

/** '2025-11-20T08:00' in the zone → '2025-11-20T08:00:00+07:00' (Hồ Chí Minh's offset); null when incomplete. */
export function fromZonedInput(value: string, timeZone = campaignTimeZone): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null
  // The offset at that wall time: read at the instant it would be in UTC, then at the instant found.
  const asUtc = Date.parse(`${value}:00Z`)
  const guess = offsetAt(asUtc, timeZone)
  const offset = offsetAt(Date.parse(`${value}:00${guess}`), timeZone)
  return `${value}:00${offset}`
}

/** An instant as date and time in the zone, the date first in both languages: 20/11/2025 08:00. */
export function formatDateTime(instant: string, intlLocale: string, timeZone = campaignTimeZone): string {
  const date = new Intl.DateTimeFormat(intlLocale, {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date(instant))
  return `${date} ${formatTime(instant, intlLocale, timeZone)}`
}

/** An instant's time of day in the zone: 08:00. */
export function formatTime(instant: string, intlLocale: string, timeZone = campaignTimeZone): string {
  return new Intl.DateTimeFormat(intlLocale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant))
}
