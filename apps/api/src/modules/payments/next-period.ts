// What paying a voluntary social insurance enrollment's next period buys: the months from the month
// after the last one paid, and their price. Read by the enrollment's `nextPeriod` field (payment.ts) and
// charged by recordPayment (record-payment.ts).
import type { Enrollment } from '@tangtoc/db'
import { coverageOfPayment } from '@tangtoc/shared'
import type { Context } from '../../context.ts'
import { validationErrorFrom } from '../../errors.ts'
import { quoteEnrollment } from '../contribution/enrollment-quote.ts'

/**
 * The next period a payment on `paidOn` buys a paid voluntary social insurance enrollment: as many
 * months as each of its payments buys, from the month after the last one paid (or the month of payment
 * after a break), priced by the rules of its first month with the enrollment's income and groups.
 */
export async function nextPeriod(
  context: Context,
  enrollment: Pick<Enrollment, 'product' | 'months' | 'coverageEnd' | 'monthlyIncome' | 'supportGroups'> & {
    campaign: { jurisdiction: string }
  },
  paidOn: string,
  path: string,
) {
  const result = coverageOfPayment(
    {
      product: enrollment.product,
      paidOn,
      months: enrollment.months,
      coveredUntilOnFile: enrollment.coverageEnd?.toISOString().slice(0, 10) ?? null,
    },
    path,
  )
  if (!result.ok) throw validationErrorFrom(result.issues)
  const quote = await quoteEnrollment(context, {
    product: enrollment.product,
    on: result.coverage.start,
    months: enrollment.months,
    monthlyIncome: enrollment.monthlyIncome,
    supportGroups: enrollment.supportGroups,
    jurisdiction: enrollment.campaign.jurisdiction,
  })
  const day = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`)
  return { quote, coverageStart: day(result.coverage.start), coverageEnd: day(result.coverage.end) }
}
