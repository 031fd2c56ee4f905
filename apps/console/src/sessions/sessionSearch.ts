// The session screen's filters and view, as typed search params.
import {
  isIsoDate,
  isOneOf,
  type SessionKind,
  type SessionStatus,
  sessionKinds,
  sessionStatuses,
} from '@tangtoc/shared'

export const sessionViews = ['list', 'month', 'week'] as const
export type SessionView = (typeof sessionViews)[number]

export type SessionSearch = {
  campaign?: string
  center?: string
  status?: SessionStatus
  kind?: SessionKind
  view?: SessionView
  /** A day of the month or week the calendar shows (Hồ Chí Minh date). */
  day?: string
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined)

export function validateSessionSearch(search: Record<string, unknown>): SessionSearch {
  const valid: SessionSearch = {
    campaign: text(search.campaign),
    center: text(search.center),
    status: isOneOf(sessionStatuses, search.status) ? search.status : undefined,
    kind: isOneOf(sessionKinds, search.kind) ? search.kind : undefined,
    view: isOneOf(sessionViews, search.view) ? search.view : undefined,
    day: isIsoDate(search.day) ? search.day : undefined,
  }
  return Object.fromEntries(Object.entries(valid).filter(([, value]) => value !== undefined)) as SessionSearch
}
