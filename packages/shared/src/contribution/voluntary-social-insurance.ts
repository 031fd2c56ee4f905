// Voluntary social insurance (BHXH tự nguyện): 22% of a monthly income the participant chooses between
// the rural poverty line and 20 × the reference level, less state support computed on the contribution
// at the poverty line. Law 41/2024 Art. 36, Decree 159/2025 (docs/domain/vn-insurance.md §1).

import type { ContributionParameterKey, SupportGroup } from '../enums.ts'
import { failure, type Issue, issue } from '../messages.ts'
import { applyBasisPoints, isWholeNumber } from './money.ts'
import {
  type ContributionParameter,
  nationalJurisdiction,
  type ParameterQuery,
  ParameterTrail,
  requiredParameter,
  resolveParameter,
} from './parameters.ts'
import type {
  CheckedQuoteInput,
  ContributionQuoteInput,
  QuoteLine,
  QuoteResult,
  SupportLine,
} from './quote.ts'
import { highestSupport, withImpliedGroups } from './support-groups.ts'

/**
 * Quotes VSI for input that passed the shared checks; `issues` holds what those checks found.
 *
 * - Gross per month = income × VSI_RATE, rounded half up once.
 * - National support per month = the highest VSI_SUPPORT_RATE of the person's groups, everyone
 *   counting as OTHER too, × (RURAL_POVERTY_LINE × VSI_RATE): the same đồng whatever income is chosen.
 * - A province's VSI_LOCAL_TOP_UP (HCMC's +30% CITY_POOR, +25% CITY_NEAR_POOR) is a line of its own on
 *   the same base, for the same months. Whether it really shares that base and the 120-month limit is
 *   unconfirmed; both are data, the base rule is here.
 * - The person's groups include those they imply in the jurisdiction (IMPLIED_SUPPORT_GROUP): in Ho
 *   Chi Minh City a nationally poor person gets the city's top-up for the city-poor.
 * - Support runs for at most VSI_SUPPORT_MAX_MONTHS − supportedMonthsUsed months of the period.
 * - Periods of several years ahead never reach here (see quote.ts): their discount has no source.
 */
export function quoteVoluntarySocialInsurance(
  input: ContributionQuoteInput,
  checked: CheckedQuoteInput,
  rows: readonly ContributionParameter[],
  issues: Issue[],
): QuoteResult {
  const { on, jurisdiction, months } = checked
  const trail = new ParameterTrail()
  const required = (key: ContributionParameterKey) =>
    requiredParameter(rows, key, { on, jurisdiction }, trail, issues)
  const rate = required('VSI_RATE')
  const povertyLine = required('RURAL_POVERTY_LINE')
  const referenceLevel = required('REFERENCE_LEVEL')
  const capMultiple = required('VSI_INCOME_CAP_MULTIPLE')
  const maxSupportedMonths = required('VSI_SUPPORT_MAX_MONTHS')

  const used = input.supportedMonthsUsed ?? 0
  if (!isWholeNumber(used, 0)) issues.push(issue('supportedMonthsUsed', 'SUPPORTED_MONTHS_USED_INVALID'))
  const income = input.monthlyIncome
  checkIncome(income, { povertyLine, referenceLevel, capMultiple }, rows, { on, jurisdiction }, trail, issues)
  if (
    issues.length > 0 ||
    rate === undefined ||
    povertyLine === undefined ||
    maxSupportedMonths === undefined ||
    !isWholeNumber(income, 0)
  ) {
    return failure(issues)
  }

  const grossPerMonth = applyBasisPoints(income, rate)
  const supportedMonths = Math.max(0, Math.min(months, maxSupportedMonths - used))
  const supportLines = supportLinesOf(checked, rows, trail, {
    grossPerMonth,
    floorContribution: applyBasisPoints(povertyLine, rate),
    supportedMonths,
  })
  const supportPerMonth = supportLines.reduce((sum, line) => sum + line.monthlyAmount, 0)
  return quoteOf(checked, trail, { grossPerMonth, supportPerMonth, supportedMonths, supportLines })
}

/** The income is a whole number of đồng between the poverty line and the cap, on the step if one is set. */
function checkIncome(
  income: number | null | undefined,
  bounds: {
    povertyLine?: number | undefined
    referenceLevel?: number | undefined
    capMultiple?: number | undefined
  },
  rows: readonly ContributionParameter[],
  where: ParameterQuery,
  trail: ParameterTrail,
  issues: Issue[],
) {
  const { povertyLine, referenceLevel, capMultiple } = bounds
  if (income === undefined || income === null) {
    issues.push(issue('monthlyIncome', 'INCOME_REQUIRED'))
    return
  }
  if (!isWholeNumber(income, 0)) {
    issues.push(issue('monthlyIncome', 'INCOME_INVALID'))
    return
  }
  if (povertyLine === undefined || referenceLevel === undefined || capMultiple === undefined) return
  const cap = referenceLevel * capMultiple
  if (income < povertyLine) {
    issues.push(issue('monthlyIncome', 'INCOME_BELOW_FLOOR', { floor: { dong: povertyLine } }))
    return
  }
  if (income > cap) {
    issues.push(issue('monthlyIncome', 'INCOME_ABOVE_CAP', { cap: { dong: cap }, multiple: capMultiple }))
    return
  }
  const step = resolveParameter(rows, 'VSI_INCOME_STEP', where)
  if (!step.ok || step.parameter.value <= 0) return
  const stepValue = trail.use(step.parameter).value
  const below = income - ((income - povertyLine) % stepValue)
  if (below !== income) {
    issues.push(
      issue('monthlyIncome', 'INCOME_NOT_ON_STEP', {
        floor: { dong: povertyLine },
        step: { dong: stepValue },
        below: { dong: below },
        above: { dong: Math.min(below + stepValue, cap) },
      }),
    )
  }
}

/** The national support line and, outside the national jurisdiction, the province's top-up. */
function supportLinesOf(
  checked: CheckedQuoteInput,
  rows: readonly ContributionParameter[],
  trail: ParameterTrail,
  amounts: { grossPerMonth: number; floorContribution: number; supportedMonths: number },
): SupportLine[] {
  const { on, jurisdiction } = checked
  const { floorContribution, supportedMonths } = amounts
  const supportLines: SupportLine[] = []
  let remaining = amounts.grossPerMonth
  const groups = withImpliedGroups(rows, checked.supportGroups, { on, jurisdiction })
  const addSupport = (key: SupportLine['parameterKey'], given: readonly SupportGroup[]) => {
    const chosen = highestSupport(rows, key, given, { on, jurisdiction })
    if (!chosen || supportedMonths === 0) return
    trail.use(groups.impliedBy.get(chosen.group))
    trail.use(chosen.row)
    // Support never exceeds what is owed, whatever an admin sets the rates to.
    const monthlyAmount = Math.min(applyBasisPoints(floorContribution, chosen.row.value), remaining)
    remaining -= monthlyAmount
    supportLines.push({
      kind: 'SUPPORT',
      parameterKey: key,
      group: chosen.group,
      rateBasisPoints: chosen.row.value,
      jurisdiction: chosen.row.jurisdiction,
      positions: [1],
      memberIndexes: [],
      monthlyAmount,
      months: supportedMonths,
      total: monthlyAmount * supportedMonths,
    })
  }
  addSupport('VSI_SUPPORT_RATE', [...groups.groups, 'OTHER'])
  if (jurisdiction !== nationalJurisdiction) addSupport('VSI_LOCAL_TOP_UP', groups.groups)
  return supportLines
}

/** The quote: the participant's line, the support lines, the totals and the parameters cited. */
function quoteOf(
  checked: CheckedQuoteInput,
  trail: ParameterTrail,
  amounts: {
    grossPerMonth: number
    supportPerMonth: number
    supportedMonths: number
    supportLines: SupportLine[]
  },
): QuoteResult {
  const { on, jurisdiction, months } = checked
  const { grossPerMonth, supportPerMonth, supportedMonths } = amounts
  const gross = grossPerMonth * months
  const support = supportPerMonth * supportedMonths
  const lines: QuoteLine[] = [
    {
      kind: 'MEMBER',
      position: 1,
      memberIndex: null,
      shareBasisPoints: 10_000,
      monthlyAmount: grossPerMonth,
      months,
      total: gross,
      support,
      payable: gross - support,
    },
    ...amounts.supportLines,
  ]
  const firstMonthSupport = supportedMonths > 0 ? supportPerMonth : 0
  const parameters = trail.toList()
  return {
    ok: true,
    quote: {
      product: 'VOLUNTARY_SOCIAL_INSURANCE',
      on,
      jurisdiction,
      months,
      gross,
      support,
      payable: gross - support,
      perMonth: {
        gross: grossPerMonth,
        support: firstMonthSupport,
        payable: grossPerMonth - firstMonthSupport,
      },
      supportedMonths,
      lines,
      parameters,
      confirmed: parameters.every((parameter) => parameter.confirmed),
    },
  }
}
