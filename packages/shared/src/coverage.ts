// When a payment's coverage runs, and whether the participant is new or continuing
// (docs/domain/vn-insurance.md §2 "Card validity" [22], Appendix C; docs/domain/README.md says how the
// sources' wordings are read):
// - Household health insurance: a card renewed before the previous one ends runs from the day after
//   it ends (no gap, no overlap); paid after it ended, with a break under 3 months, from the payment
//   date; a first enrollment, or after a break of 3 months or more, from 30 days after payment.
// - Voluntary social insurance is paid for calendar months: a payment on 2025-11-10 for 3 months covers
//   11/2025–01/2026, and a participant who has paid ahead continues from the month after.

import { addDays, coverageEnd, type IsoDate, isIsoDate } from './calendar.ts'
import type { continuities, Product } from './enums.ts'
import { checkSocialInsuranceNumber } from './identity/citizen-id.ts'
import { type Failure, failure, type Issue, issue } from './messages.ts'

/** A break this long or longer makes a household card wait as a first one does. */
export const householdCardBreakMonths = 3
/** A first household card, or one after a long break, is valid this many days after payment. */
export const householdCardWaitingDays = 30

/** New participants and those continuing a participation count separately toward targets. */
export type Continuity = (typeof continuities)[number]

export type CoveragePeriod = {
  readonly continuity: Continuity
  /** The first and last day covered, inclusive. */
  readonly start: IsoDate
  readonly end: IsoDate
}

/** The card bought by a household health insurance payment, given the previous card's last day, if any. */
export function householdCardPeriod({
  paidOn,
  months,
  previousCardEnd,
}: {
  readonly paidOn: IsoDate
  readonly months: number
  readonly previousCardEnd: IsoDate | null
}): CoveragePeriod {
  const period = (continuity: Continuity, start: IsoDate) => ({
    continuity,
    start,
    end: coverageEnd(start, months),
  })
  const afterWaiting = addDays(paidOn, householdCardWaitingDays)
  if (previousCardEnd === null) return period('NEW', afterWaiting)
  if (paidOn <= previousCardEnd) return period('CONTINUING', addDays(previousCardEnd, 1))
  // The break runs from the day after the card ended to the day before payment; measured in months
  // as a card's months are (coverageEnd), so month ends count the same way.
  const longBreakEnds = coverageEnd(addDays(previousCardEnd, 1), householdCardBreakMonths)
  return paidOn > longBreakEnds ? period('NEW', afterWaiting) : period('CONTINUING', paidOn)
}

/**
 * The months a member joining a household already insured pays for, to be covered from `start` to
 * the household's card end `end`: a month begun counts whole (at least 1).
 */
export function remainingMonths(start: IsoDate, end: IsoDate): number {
  let months = 1
  while (coverageEnd(start, months) < end) months += 1
  return months
}

/** The first day of the month a date falls in. */
function monthOf(date: IsoDate): IsoDate {
  return `${date.slice(0, 7)}-01`
}

/**
 * The calendar months bought by a voluntary social insurance payment: from the month of payment, or
 * from the month after the last one already paid when the participant has paid ahead.
 */
function voluntaryMonths(
  paidOn: IsoDate,
  months: number,
  previousCoveredUntil: IsoDate | null,
): { readonly start: IsoDate; readonly end: IsoDate } {
  const nextDay = previousCoveredUntil === null ? null : addDays(previousCoveredUntil, 1)
  const start = nextDay !== null && nextDay > paidOn ? monthOf(nextDay) : monthOf(paidOn)
  return { start, end: coverageEnd(start, months) }
}

/** What the agent declares about earlier participation, when the records on file do not show it. */
export type DeclaredParticipation = {
  /** Household health insurance: the last day of the previous card. */
  readonly previousCardValidUntil?: IsoDate | null
  /** Voluntary social insurance: the number of the social-insurance record to continue. */
  readonly previousSocialInsuranceNumber?: string | null
}

export type CoverageResult = { readonly ok: true; readonly coverage: CoveragePeriod } | Failure

/**
 * The coverage a confirmed payment buys and whether the participant is new or continuing, from the
 * last day of the coverage on file for the person and product (if any) and what the agent declares;
 * the later of the two ends counts. Voluntary social insurance continues a record on file or a declared
 * social-insurance number. A declaration that is not a date or not a number is an issue under `path`.
 */
export function coverageOfPayment(
  {
    product,
    paidOn,
    months,
    coveredUntilOnFile,
    declared = {},
  }: {
    readonly product: Product
    readonly paidOn: IsoDate
    readonly months: number
    readonly coveredUntilOnFile: IsoDate | null
    readonly declared?: DeclaredParticipation
  },
  path = 'previous',
): CoverageResult {
  const issues: Issue[] = []
  const declaredEnd = declared.previousCardValidUntil ?? null
  if (declaredEnd !== null && !isIsoDate(declaredEnd)) {
    issues.push(issue(`${path}.previousCardValidUntil`, 'DATE_INVALID'))
  }
  const declaredNumber = declared.previousSocialInsuranceNumber?.trim() || null
  if (declaredNumber !== null) {
    const checked = checkSocialInsuranceNumber(declaredNumber, `${path}.previousSocialInsuranceNumber`)
    if (!checked.ok) issues.push(...checked.issues)
  }
  if (issues.length > 0) return failure(issues)

  if (product === 'HOUSEHOLD_HEALTH_INSURANCE') {
    const ends = [coveredUntilOnFile, declaredEnd].filter((end): end is IsoDate => end !== null).sort()
    return {
      ok: true,
      coverage: householdCardPeriod({ paidOn, months, previousCardEnd: ends.at(-1) ?? null }),
    }
  }
  const continuity = coveredUntilOnFile !== null || declaredNumber !== null ? 'CONTINUING' : 'NEW'
  return { ok: true, coverage: { continuity, ...voluntaryMonths(paidOn, months, coveredUntilOnFile) } }
}
