// The follow-up worklists an agent opens every morning, and what a contact attempt does to them.
// Each list is a range of due dates around the day it is read for (`on`, a calendar day in the
// campaign's time zone); an entry's due date is:
// - EXPIRING: the last day of its coverage, from `on` to `days` days later;
// - LAPSED: the last day of its coverage, from `days` days before `on` to the day before `on`;
// - WAITING_PAYMENT: the day it was registered, for entries unpaid more than `days` days;
// - SESSION_UNPAID: the day it was registered at an outreach session, unpaid, any day up to `on`;
// - PROMISED: the day the person promised to pay, up to `on` (a promise not yet due is not on it);
// - LEADS: the day the person was met at a session, up to `on`.

import { addDays, type IsoDate } from './calendar.ts'
import type { FollowUpOutcome, Worklist } from './enums.ts'
import { type Issue, issue } from './messages.ts'

export { type Worklist, worklists } from './enums.ts'

/** The `days` each list takes when none is given (the issue's "next N days", 30 by default). */
export const defaultWorklistDays: Readonly<Record<Worklist, number>> = {
  EXPIRING: 30,
  LAPSED: 90,
  WAITING_PAYMENT: 7,
  SESSION_UNPAID: 0,
  PROMISED: 0,
  LEADS: 0,
}

/** A list reaches at most this far, so that its page stays within one index range of a year. */
export const maxWorklistDays = 366

/** The due dates of a list's entries on `on`, both ends inclusive; null for an open end. */
export type DueRange = { readonly from: IsoDate | null; readonly to: IsoDate }

export function worklistDueRange(list: Worklist, on: IsoDate, days: number): DueRange {
  switch (list) {
    case 'EXPIRING':
      return { from: on, to: addDays(on, days) }
    case 'LAPSED':
      return { from: addDays(on, -days), to: addDays(on, -1) }
    case 'WAITING_PAYMENT':
      // Registered `days` days ago has waited exactly `days`: more than that is one day earlier.
      return { from: null, to: addDays(on, -days - 1) }
    case 'SESSION_UNPAID':
    case 'PROMISED':
    case 'LEADS':
      return { from: null, to: on }
  }
}

/** An issue at `path` unless `days` is a whole number from 0 to maxWorklistDays. */
export function checkWorklistDays(days: number, path = 'days'): Issue[] {
  return Number.isInteger(days) && days >= 0 && days <= maxWorklistDays
    ? []
    : [issue(path, 'WORKLIST_DAYS_INVALID', { max: maxWorklistDays })]
}

/** Outcomes that take the enrollment or lead off every worklist: nobody will pay. */
export const closingOutcomes = [
  'DECLINED',
  'MOVED_AWAY',
  'DECEASED',
  'INSURED_ELSEWHERE',
] as const satisfies readonly FollowUpOutcome[]

export type FollowUpInput = {
  readonly outcome: FollowUpOutcome
  /** The contact's day, in the campaign's time zone. */
  readonly on: IsoDate
  /** Today there: a contact is recorded once it happened, not ahead. */
  readonly today?: IsoDate
  readonly promisedOn?: IsoDate | null
  readonly reason?: string | null
}

/** What a contact attempt leaves on its enrollment or lead: the promise to pay and whether it closed it. */
export type FollowUpState = {
  readonly promisedOn: IsoDate | null
  readonly closed: FollowUpOutcome | null
}

/**
 * A contact attempt checked and its effect: WILL_PAY needs the promised day (not before the contact),
 * which puts the entry on that day's PROMISED list; DECLINED needs a reason; a closing outcome takes it
 * off the lists. Each attempt replaces the last one's effect, so a later NO_ANSWER drops a promise.
 */
export function followUpEffect(
  input: FollowUpInput,
): { readonly ok: true; readonly state: FollowUpState } | { readonly ok: false; readonly issues: Issue[] } {
  const issues: Issue[] = []
  const promisedOn = input.promisedOn ?? null
  if (input.outcome === 'WILL_PAY') {
    if (promisedOn === null) issues.push(issue('promisedOn', 'PROMISED_ON_REQUIRED'))
    else if (promisedOn < input.on) issues.push(issue('promisedOn', 'PROMISED_ON_PAST'))
  } else if (promisedOn !== null) {
    issues.push(issue('promisedOn', 'PROMISED_ON_ONLY_WITH_WILL_PAY'))
  }
  if (input.today !== undefined && input.on > input.today) issues.push(issue('at', 'FOLLOW_UP_IN_FUTURE'))
  if (input.outcome === 'DECLINED' && !input.reason?.trim()) {
    issues.push(issue('reason', 'DECLINE_REASON_REQUIRED'))
  }
  if (issues.length > 0) return { ok: false, issues }
  const closes = (closingOutcomes as readonly FollowUpOutcome[]).includes(input.outcome)
  return {
    ok: true,
    state: {
      promisedOn: input.outcome === 'WILL_PAY' ? promisedOn : null,
      closed: closes ? input.outcome : null,
    },
  }
}
