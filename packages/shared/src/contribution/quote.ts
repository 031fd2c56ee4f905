// A contribution quote: what a participant (VSI) or a household (HHI) pays for a period, the state
// and city support, and every parameter row used, so the console can explain each đồng.
//
// Rounding rule (the only one): each member's monthly amount and each support line's monthly amount
// is rounded half up to a whole đồng once (applyBasisPoints), then multiplied by the months.

import { type IsoDate, isIsoDate } from '../calendar.ts'
import { isOneOf, type Product, products, type SupportGroup } from '../enums.ts'
import { type Failure, failure, type Issue, issue } from '../messages.ts'
import { quoteHouseholdHealthInsurance } from './household-health-insurance.ts'
import { isWholeNumber } from './money.ts'
import {
  type ContributionParameter,
  findParameter,
  nationalJurisdiction,
  type QuoteParameter,
} from './parameters.ts'
import { checkSupportGroups } from './support-groups.ts'
import { quoteVoluntarySocialInsurance } from './voluntary-social-insurance.ts'

export type HouseholdMemberQuoteInput = {
  /** Insured through another group: not priced and not counted in the ranking. */
  readonly insuredElsewhere?: boolean
  /** Groups of this member only, on top of the quote's supportGroups. */
  readonly supportGroups?: readonly SupportGroup[]
}

export type ContributionQuoteInput = {
  readonly product: Product
  /** The quote date, 'YYYY-MM-DD': the parameters in force that day apply to the whole period. */
  readonly on: IsoDate
  readonly months: number
  /** VSI: the monthly income chosen as the contribution base, whole đồng. */
  readonly monthlyIncome?: number | null
  /** Support groups of the participant (VSI) or of every member (HHI). */
  readonly supportGroups?: readonly SupportGroup[]
  /** HHI: how many are insured together (default 1), or the members in register order. */
  readonly householdMembers?: number | readonly HouseholdMemberQuoteInput[]
  /**
   * HHI: members of the household already insured together for this period (enrolled earlier and still
   * covered). The members quoted rank after them: a newcomer is priced at the next rank, and nobody
   * enrolled earlier is priced again (default 0).
   */
  readonly rankedBefore?: number
  /**
   * 'VN' (the default) applies national rules only; a province code ('79') also applies that
   * province's rows: its replacements of national values and its own support.
   */
  readonly jurisdiction?: string
  /** VSI: months of state support already received; support stops at VSI_SUPPORT_MAX_MONTHS. */
  readonly supportedMonthsUsed?: number
}

export type MemberLine = {
  readonly kind: 'MEMBER'
  /**
   * Pricing position: 1 for the first member insured together (always 1 for VSI); null for a member
   * of a group the state supports, priced by that group at the full rate and not ranked.
   */
  readonly position: number | null
  /** HHI: the member's index in input.householdMembers (0…n−1 for a count n). VSI: null. */
  readonly memberIndex: number | null
  /** Share of member 1's amount, basis points (10,000 for member 1 and for VSI). */
  readonly shareBasisPoints: number
  readonly monthlyAmount: number
  readonly months: number
  readonly total: number
  /** The support this member receives for the period: their part of the support lines. */
  readonly support: number
  /** What this member pays for the period: total − support. One enrollment per member carries these. */
  readonly payable: number
}

export type SupportLine = {
  readonly kind: 'SUPPORT'
  readonly parameterKey: 'VSI_SUPPORT_RATE' | 'VSI_LOCAL_TOP_UP' | 'HHI_SUPPORT_RATE'
  readonly group: SupportGroup
  readonly rateBasisPoints: number
  readonly jurisdiction: string
  /** The ranked pricing positions this support covers: VSI [1]; HHI none, as supported members are not ranked. */
  readonly positions: readonly number[]
  /** HHI: the memberIndex of each member this support covers. VSI: none. */
  readonly memberIndexes: readonly number[]
  readonly monthlyAmount: number
  readonly months: number
  readonly total: number
}

export type QuoteLine = MemberLine | SupportLine

export type MonthlyAmounts = { readonly gross: number; readonly support: number; readonly payable: number }

export type ContributionQuote = {
  readonly product: Product
  readonly on: IsoDate
  readonly jurisdiction: string
  readonly months: number
  /** Totals for the whole period, whole đồng; payable = gross − support ≥ 0. */
  readonly gross: number
  readonly support: number
  readonly payable: number
  /** The first month of the period (support may stop earlier when the 120-month limit runs out). */
  readonly perMonth: MonthlyAmounts
  /** Months of this period with state support (VSI); equals months for HHI. */
  readonly supportedMonths: number
  readonly lines: readonly QuoteLine[]
  readonly parameters: readonly QuoteParameter[]
  /** False when a row the quote used is marked unconfirmed: the amount may change once it is checked. */
  readonly confirmed: boolean
}

export type QuoteResult = { readonly ok: true; readonly quote: ContributionQuote } | Failure

/**
 * The payment periods offered, in months. Neither product's list is settled for the current decrees
 * (docs/domain/vn-insurance.md §1 "Payment methods", §2 "Payment periods": UNCONFIRMED), and the
 * Prisma schema has no parameter key for them, so they are a policy the API may load from
 * configuration and pass in.
 *
 * VSI may also be paid several years ahead (up to VSI_MAX_MONTHS_AHEAD, a row), discounted by law; no
 * source gives the discount, so such a period is refused with a message saying why (never quoted
 * undiscounted): the VSI list's longest period is the limit of what is quoted.
 */
export type PaymentPeriodPolicy = {
  readonly voluntarySocialInsurance: readonly number[]
  readonly householdHealthInsurance: readonly number[]
}

export const defaultPaymentPeriods: PaymentPeriodPolicy = {
  voluntarySocialInsurance: [1, 3, 6, 12],
  householdHealthInsurance: [3, 6, 12],
}

/** The periods that can be quoted, ascending: what the console offers. */
export function allowedPaymentPeriods(product: Product, policy = defaultPaymentPeriods): number[] {
  const periods =
    product === 'HOUSEHOLD_HEALTH_INSURANCE'
      ? policy.householdHealthInsurance
      : policy.voluntarySocialInsurance
  return [...periods].sort((a, b) => a - b)
}

/** Why `months` is not offered: the general message, or for VSI paid years ahead the limit and its reason. */
function periodNotAllowed(
  product: Product,
  months: number,
  allowedMonths: readonly number[],
  rows: readonly ContributionParameter[],
  query: { readonly on: IsoDate; readonly jurisdiction: string },
): Issue {
  const limit = Math.max(...allowedMonths)
  if (product === 'VOLUNTARY_SOCIAL_INSURANCE' && months > limit) {
    const maxAhead = findParameter(rows, 'VSI_MAX_MONTHS_AHEAD', query)
    if (maxAhead && months > maxAhead.value) {
      return issue('months', 'VSI_PAYMENT_AHEAD_BEYOND_LIMIT', { months, maxAhead: maxAhead.value })
    }
    return issue('months', 'VSI_PAYMENT_AHEAD_NOT_QUOTED', { months, limit })
  }
  return issue('months', 'PAYMENT_PERIOD_NOT_ALLOWED', { months, allowed: allowedMonths.join(', ') })
}

/** Input that passed the checks every product shares. */
export type CheckedQuoteInput = {
  readonly on: IsoDate
  readonly months: number
  readonly jurisdiction: string
  readonly supportGroups: readonly SupportGroup[]
}

/**
 * Quotes a contribution. Bad input never becomes a number: it is returned as issues naming the field
 * (income below the floor or above the cap, off the income step, an unknown support group, months not
 * offered, an empty household, a date no parameters cover).
 */
export function quoteContribution(
  input: ContributionQuoteInput,
  rows: readonly ContributionParameter[],
  policy: PaymentPeriodPolicy = defaultPaymentPeriods,
): QuoteResult {
  const issues: Issue[] = []
  if (!isOneOf(products, input.product)) issues.push(issue('product', 'PRODUCT_UNKNOWN'))
  if (!isIsoDate(input.on)) issues.push(issue('on', 'DATE_INVALID'))
  const jurisdiction = input.jurisdiction ?? nationalJurisdiction
  if (jurisdiction !== nationalJurisdiction && !/^\d{2}$/.test(jurisdiction)) {
    issues.push(issue('jurisdiction', 'JURISDICTION_INVALID'))
  }
  const groups = checkSupportGroups(input.supportGroups, 'supportGroups', issues)
  if (issues.length > 0) return failure(issues)

  const periods = allowedPaymentPeriods(input.product, policy)
  // A member joining a household already insured pays for the months left in its period, whole months
  // up to the longest period offered.
  const joining = input.product === 'HOUSEHOLD_HEALTH_INSURANCE' && (input.rankedBefore ?? 0) > 0
  const allowedMonths = joining
    ? Array.from({ length: Math.max(...periods) }, (_, index) => index + 1)
    : periods
  if (!isWholeNumber(input.months, 1)) {
    issues.push(issue('months', 'MONTHS_INVALID'))
  } else if (!allowedMonths.includes(input.months)) {
    issues.push(
      periodNotAllowed(input.product, input.months, allowedMonths, rows, { on: input.on, jurisdiction }),
    )
  }

  const checked: CheckedQuoteInput = {
    on: input.on,
    months: input.months,
    jurisdiction,
    supportGroups: groups,
  }
  return input.product === 'VOLUNTARY_SOCIAL_INSURANCE'
    ? quoteVoluntarySocialInsurance(input, checked, rows, issues)
    : quoteHouseholdHealthInsurance(input, checked, rows, issues)
}
