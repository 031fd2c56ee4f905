// The session screen's filters and view, as typed search params.
import {
  isIsoDate,
  isOneOf,
  type SessionKind,
  type SessionStatus,
  sessionKinds,
  sessionStatuses,
} from '@tangtoc/shared'
import { definedParams, type PageSearch, textParam as text, validatePageSearch } from '../shell/listSearch.ts'

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
  /** Sessions starting from this day on, up to `to` included (Hồ Chí Minh dates). */
  from?: string
  to?: string
  /** The list's order by start: the earliest first unless DESC. */
  dir?: 'ASC' | 'DESC'
} & PageSearch

/** The filters alone: what "clear filters" clears and a saved filter keeps. */
export type SessionFilterValues = Omit<SessionSearch, 'view' | 'day' | 'dir' | 'page' | 'size'>

export function sessionFiltersOf({
  view: _view,
  day: _day,
  dir: _dir,
  page: _page,
  size: _size,
  ...filters
}: SessionSearch): SessionFilterValues {
  return filters
}

export function validateSessionSearch(search: Record<string, unknown>): SessionSearch {
  const valid: SessionSearch = {
    campaign: text(search.campaign),
    center: text(search.center),
    status: isOneOf(sessionStatuses, search.status) ? search.status : undefined,
    kind: isOneOf(sessionKinds, search.kind) ? search.kind : undefined,
    view: isOneOf(sessionViews, search.view) ? search.view : undefined,
    day: isIsoDate(search.day) ? search.day : undefined,
    from: isIsoDate(search.from) ? search.from : undefined,
    to: isIsoDate(search.to) ? search.to : undefined,
    dir: search.dir === 'ASC' || search.dir === 'DESC' ? search.dir : undefined,
    ...validatePageSearch(search),
  }
  return definedParams(valid)
}
