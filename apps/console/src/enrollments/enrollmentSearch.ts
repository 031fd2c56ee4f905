// The enrollment list's filters, order and page, as typed search params: a filtered list is a link.
import {
  type Continuity,
  continuities,
  type EnrollmentStatus,
  enrollmentStatuses,
  isIsoDate,
  isOneOf,
  type Product,
  products,
} from '@tangtoc/shared'
import { definedParams, type PageSearch, textParam as text, validatePageSearch } from '../shell/listSearch.ts'

export const enrollmentSortFields = ['REGISTERED_AT', 'FULL_NAME', 'PAYABLE', 'STATUS'] as const
export type EnrollmentSortField = (typeof enrollmentSortFields)[number]

export type EnrollmentSearch = {
  campaign?: string
  center?: string
  product?: Product
  status?: EnrollmentStatus[]
  from?: string
  to?: string
  /** Counted in progress on these days (the progress page's figures for a period): countedOn in the API. */
  countedFrom?: string
  countedTo?: string
  /** Only new (with the undecided, as progress counts them) or continuing participants. */
  continuity?: Continuity[]
  session?: string
  search?: string
  sort?: EnrollmentSortField
  dir?: 'ASC' | 'DESC'
} & PageSearch

/** The filters alone: what "clear filters" clears and a saved filter keeps. */
export type EnrollmentFilterValues = Omit<EnrollmentSearch, 'sort' | 'dir' | 'page' | 'size'>

/** Keeps only well-formed params, so a hand-edited address never reaches the API as a bad filter. */
export function validateEnrollmentSearch(search: Record<string, unknown>): EnrollmentSearch {
  const statuses = (Array.isArray(search.status) ? search.status : [search.status]).filter(
    (value): value is EnrollmentStatus => typeof value === 'string' && isOneOf(enrollmentStatuses, value),
  )
  const continuity = (Array.isArray(search.continuity) ? search.continuity : [search.continuity]).filter(
    (value): value is Continuity => typeof value === 'string' && isOneOf(continuities, value),
  )
  const valid: EnrollmentSearch = {
    campaign: text(search.campaign),
    center: text(search.center),
    product:
      typeof search.product === 'string' && isOneOf(products, search.product) ? search.product : undefined,
    status: statuses.length > 0 ? statuses : undefined,
    from: isIsoDate(search.from) ? search.from : undefined,
    to: isIsoDate(search.to) ? search.to : undefined,
    countedFrom: isIsoDate(search.countedFrom) ? search.countedFrom : undefined,
    countedTo: isIsoDate(search.countedTo) ? search.countedTo : undefined,
    continuity: continuity.length > 0 ? continuity : undefined,
    session: text(search.session),
    search: text(search.search),
    sort:
      typeof search.sort === 'string' && isOneOf(enrollmentSortFields, search.sort) ? search.sort : undefined,
    dir: search.dir === 'ASC' || search.dir === 'DESC' ? search.dir : undefined,
    ...validatePageSearch(search),
  }
  return definedParams(valid)
}

/** The filters of a list's address, without its order and page. */
export function filtersOf({
  sort: _sort,
  dir: _dir,
  page: _page,
  size: _size,
  ...filters
}: EnrollmentSearch) {
  return filters as EnrollmentFilterValues
}
