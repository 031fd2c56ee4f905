// The enrollment list's filters, order and page, as typed search params: a filtered list is a link.
import {
  type EnrollmentStatus,
  enrollmentStatuses,
  isIsoDate,
  isOneOf,
  type Product,
  products,
} from '@tangtoc/shared'

export const enrollmentSortFields = ['REGISTERED_AT', 'FULL_NAME', 'PAYABLE', 'STATUS'] as const
export type EnrollmentSortField = (typeof enrollmentSortFields)[number]

export type EnrollmentSearch = {
  campaign?: string
  center?: string
  product?: Product
  status?: EnrollmentStatus[]
  from?: string
  to?: string
  session?: string
  search?: string
  sort?: EnrollmentSortField
  dir?: 'ASC' | 'DESC'
  /** Relay cursors of the page shown: the page after `after`, or the one before `before`. */
  after?: string
  before?: string
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined)

/** Keeps only well-formed params, so a hand-edited address never reaches the API as a bad filter. */
export function validateEnrollmentSearch(search: Record<string, unknown>): EnrollmentSearch {
  const statuses = (Array.isArray(search.status) ? search.status : [search.status]).filter(
    (value): value is EnrollmentStatus => typeof value === 'string' && isOneOf(enrollmentStatuses, value),
  )
  const valid: EnrollmentSearch = {
    campaign: text(search.campaign),
    center: text(search.center),
    product:
      typeof search.product === 'string' && isOneOf(products, search.product) ? search.product : undefined,
    status: statuses.length > 0 ? statuses : undefined,
    from: isIsoDate(search.from) ? search.from : undefined,
    to: isIsoDate(search.to) ? search.to : undefined,
    session: text(search.session),
    search: text(search.search),
    sort:
      typeof search.sort === 'string' && isOneOf(enrollmentSortFields, search.sort) ? search.sort : undefined,
    dir: search.dir === 'ASC' || search.dir === 'DESC' ? search.dir : undefined,
    after: text(search.after),
    before: text(search.before),
  }
  return Object.fromEntries(
    Object.entries(valid).filter(([, value]) => value !== undefined),
  ) as EnrollmentSearch
}
