// The first day of an enrollment's period (`on`, whose rules price it) lies within its campaign's
// period, widened on both sides by the campaign's margin of days (paperwork finished the week after,
// a period that starts the day after the last). A registration priced by rules from years away is a
// typo, or an attempt to buy cover at an old price.

import type { IsoDate } from '../calendar.ts'
import { addDays } from '../calendar.ts'
import { type Issue, issue } from '../messages.ts'

export type RegistrationPeriod = {
  readonly startDate: IsoDate
  readonly endDate: IsoDate
  /** Days before the first and after the last day that `on` may still fall on; 0 or more. */
  readonly marginDays: number
}

/** The largest margin a campaign may give, a year. */
export const maxRegistrationMarginDays = 366

/** The first and last day a registration's period may begin on. */
export function registrationDates(period: RegistrationPeriod): { first: IsoDate; last: IsoDate } {
  return {
    first: addDays(period.startDate, -period.marginDays),
    last: addDays(period.endDate, period.marginDays),
  }
}

/** An issue at `path` when `on` lies outside the campaign's period and its margin. */
export function checkRegistrationDate(on: IsoDate, period: RegistrationPeriod, path = 'on'): Issue[] {
  const { first, last } = registrationDates(period)
  return on < first || on > last
    ? [issue(path, 'REGISTRATION_DATE_OUTSIDE_CAMPAIGN', { first: { date: first }, last: { date: last } })]
    : []
}

/** An issue at `path` when a margin is not a whole number of days from 0 to a year. */
export function checkRegistrationMargin(days: number, path = 'registrationMarginDays'): Issue[] {
  return Number.isInteger(days) && days >= 0 && days <= maxRegistrationMarginDays
    ? []
    : [issue(path, 'REGISTRATION_MARGIN_INVALID', { max: maxRegistrationMarginDays })]
}
