// A session as one choice of a picker: its date and time first, so sessions of the same title (the
// weekly market stall) are told apart.
import { formatDateTime } from '../shell/zonedTime.ts'

export function sessionChoice(
  session: { id: string; title: string; startsAt: string },
  intlLocale: string,
  /** The session's campaign's zone; the default zone for sessions across campaigns. */
  timeZone?: string,
): { value: string; label: string } {
  return {
    value: session.id,
    label: `${formatDateTime(session.startsAt, intlLocale, timeZone)} · ${session.title}`,
  }
}
