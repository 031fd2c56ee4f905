// Money received against enrollments: what is due, whether an amount settles it, and by when voluntary
// social insurance must be paid. An amount that differs from what is due is recorded as partial (when
// the collector says so) or refused, never silently accepted.

import { coverageEnd, type IsoDate } from './calendar.ts'
import { isWholeNumber } from './contribution/money.ts'
import type { EnrollmentStatus, Product } from './enums.ts'
import { type Failure, failure, type Issue, issue } from './messages.ts'

/**
 * Whether a payment on this enrollment pays its next period rather than settling it. Voluntary social
 * insurance is paid period after period — monthly, every 3, 6 or 12 months (docs/domain/vn-insurance.md
 * §1 "Payment methods" [7][9]) — so a participant keeps one live enrollment in the campaign, which takes
 * each period's payment (the whole period's amount, never part of it), its coverage growing by the
 * months paid. Household cards are bought once per period: a renewal is a new enrollment.
 */
export function paysNextPeriod(enrollment: {
  readonly product: Product
  readonly status: EnrollmentStatus
}): boolean {
  return (
    enrollment.product === 'VOLUNTARY_SOCIAL_INSURANCE' &&
    (enrollment.status === 'PAID' || enrollment.status === 'ACTIVE')
  )
}

/** An enrollment's amount to pay for its period and what payments have brought in so far, whole đồng. */
export type AmountOwed = { readonly payable: number; readonly received: number }

/** What is still due for a set of enrollments (a household's, paid together), each at least 0. */
export function amountsDue(enrollments: readonly AmountOwed[]): number[] {
  return enrollments.map(({ payable, received }) => Math.max(0, payable - received))
}

export type Settlement = {
  /** FULL when the amount settles everything due, PARTIAL when the collector recorded less on purpose. */
  readonly status: 'FULL' | 'PARTIAL'
  /** The amount split over the enrollments in the order given, each settled in full before the next. */
  readonly allocations: readonly number[]
  /** What is still due after this payment. */
  readonly remaining: number
}

export type SettlementResult = { readonly ok: true; readonly settlement: Settlement } | Failure

/**
 * Checks an amount received against what is due for each enrollment it pays for (amountsDue): the
 * exact sum settles them; less is refused unless the collector records it as `partial`; more is
 * refused (a receipt for more than is owed is a typing error or a refund to arrange). Issues are at
 * `path`, naming the amounts in đồng.
 */
export function settlePayment(
  received: number,
  dues: readonly number[],
  { partial = false, path = 'amount' }: { readonly partial?: boolean; readonly path?: string } = {},
): SettlementResult {
  const due = dues.reduce((sum, amount) => sum + amount, 0)
  if (!isWholeNumber(received, 1)) return failure([issue(path, 'PAYMENT_AMOUNT_INVALID')])
  if (due === 0) return failure([issue(path, 'PAYMENT_NOTHING_DUE')])
  if (received > due) {
    return failure([
      issue(path, 'PAYMENT_AMOUNT_ABOVE_DUE', { received: { dong: received }, due: { dong: due } }),
    ])
  }
  if (received < due && !partial) {
    return failure([
      issue(path, 'PAYMENT_AMOUNT_BELOW_DUE', {
        received: { dong: received },
        due: { dong: due },
        shortfall: { dong: due - received },
      }),
    ])
  }
  let left = received
  const allocations = dues.map((amount) => {
    const allocated = Math.min(amount, left)
    left -= allocated
    return allocated
  })
  return {
    ok: true,
    settlement: { status: received === due ? 'FULL' : 'PARTIAL', allocations, remaining: due - received },
  }
}

/** A payment is recorded once the money is in: its date may not be after `today` (the campaign's). */
export function checkPaidOn(paidOn: IsoDate, today: IsoDate, path = 'paidOn'): Issue[] {
  return paidOn > today ? [issue(path, 'PAYMENT_DATE_FUTURE', { today: { date: today } })] : []
}

/**
 * The last day to pay voluntary social insurance for a period starting in `firstMonth` (Law 41/2024
 * Art. 36(3), docs/domain/vn-insurance.md §1 "Deadlines"): monthly within the month; every 3 months
 * within the 3 months; every 6 months within the first 4; every 12 months within the first 7; any
 * other period (a lump sum) at registration.
 */
export function voluntaryPaymentDeadline({
  firstMonth,
  months,
  registeredOn,
}: {
  /** Any day of the period's first month. */
  readonly firstMonth: IsoDate
  readonly months: number
  readonly registeredOn: IsoDate
}): IsoDate {
  const monthsToPayIn: Readonly<Record<number, number>> = { 1: 1, 3: 3, 6: 4, 12: 7 }
  const within = monthsToPayIn[months]
  return within === undefined ? registeredOn : coverageEnd(`${firstMonth.slice(0, 7)}-01`, within)
}
