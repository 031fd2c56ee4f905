// Household health insurance (BHYT hộ gia đình): member 1 pays HHI_RATE (4.5%) of the base salary,
// members 2, 3, 4 pay 70%, 60%, 50% of member 1's amount and member 5 onward 40%, counting only the
// members insured together. Decree 188/2025 Art. 6(5) (docs/domain/vn-insurance.md §2).

import type { SupportGroup } from '../enums.ts'
import { assignPricingPositions } from '../household.ts'
import { failure, type Issue, issue } from '../messages.ts'
import { applyBasisPoints, isWholeNumber, wholeInBasisPoints } from './money.ts'
import { type ContributionParameter, ParameterTrail, resolveParameter } from './parameters.ts'
import type {
  CheckedQuoteInput,
  ContributionQuoteInput,
  HouseholdMemberQuoteInput,
  MemberLine,
  QuoteResult,
  SupportLine,
} from './quote.ts'
import { checkSupportGroups, highestSupport } from './support-groups.ts'

/** HHI_MEMBER_SHARE rows exist for positions 2–5; the 5th member's share applies to every later one. */
const lastSharePosition = 5

type PricedMember = {
  readonly memberIndex: number | null
  readonly position: number
  readonly supportGroups: readonly SupportGroup[]
}

function membersToPrice(
  given: ContributionQuoteInput['householdMembers'],
  quoteGroups: readonly SupportGroup[],
  issues: Issue[],
): PricedMember[] {
  const path = 'householdMembers'
  if (given === undefined) return [{ memberIndex: null, position: 1, supportGroups: quoteGroups }]
  if (typeof given === 'number') {
    if (!isWholeNumber(given, 0)) {
      issues.push(issue(path, 'HOUSEHOLD_SIZE_INVALID'))
      return []
    }
    if (given === 0) issues.push(issue(path, 'HOUSEHOLD_EMPTY'))
    return Array.from({ length: given }, (_, index) => ({
      memberIndex: null,
      position: index + 1,
      supportGroups: quoteGroups,
    }))
  }
  const members: HouseholdMemberQuoteInput[] = Array.isArray(given) ? given : []
  const priced = assignPricingPositions(members).flatMap((member, index) => {
    if (member.pricingPosition === null) return []
    const own = checkSupportGroups(member.supportGroups, `${path}.${index}.supportGroups`, issues)
    return [{ memberIndex: index, position: member.pricingPosition, supportGroups: [...quoteGroups, ...own] }]
  })
  if (priced.length === 0) issues.push(issue(path, 'HOUSEHOLD_EMPTY'))
  return priced
}

/**
 * Quotes HHI for input that passed the shared checks; `issues` holds what those checks found.
 *
 * - Members insured elsewhere are dropped before ranking; a count n means positions 1…n.
 * - Member k's monthly amount = member 1's × HHI_MEMBER_SHARE(k), rounded half up once.
 * - Support is per member: the highest HHI_SUPPORT_RATE among the quote's groups and that member's
 *   own groups, as a share of the member's own monthly amount. The quote's groups apply to every
 *   member (give per-member groups for a mixed household). A province row (HCMC's 100% from
 *   2026-01-01) replaces the national rate of the same group rather than adding to it, and support
 *   never exceeds the member's amount. Members with the same support are one support line.
 */
export function quoteHouseholdHealthInsurance(
  input: ContributionQuoteInput,
  checked: CheckedQuoteInput,
  rows: readonly ContributionParameter[],
  issues: Issue[],
): QuoteResult {
  const { on, jurisdiction, months } = checked
  const trail = new ParameterTrail()
  const members = membersToPrice(input.householdMembers, checked.supportGroups, issues)
  const required = (key: 'BASE_SALARY' | 'HHI_RATE' | 'HHI_MEMBER_SHARE', qualifier = '') => {
    const result = resolveParameter(rows, key, { on, jurisdiction, qualifier })
    if (!result.ok) {
      issues.push(...result.issues)
      return undefined
    }
    return trail.use(result.parameter).value
  }
  const baseSalary = required('BASE_SALARY')
  const rate = required('HHI_RATE')
  const positions = [...new Set(members.map((member) => Math.min(member.position, lastSharePosition)))]
  const shares = new Map(
    positions
      .sort((a, b) => a - b)
      .map((position) => [
        position,
        position === 1 ? wholeInBasisPoints : required('HHI_MEMBER_SHARE', String(position)),
      ]),
  )
  if (issues.length > 0 || baseSalary === undefined || rate === undefined) return failure(issues)

  const firstMemberAmount = applyBasisPoints(baseSalary, rate)
  const memberLines: MemberLine[] = []
  const supportByRow = new Map<
    ContributionParameter,
    { group: SupportGroup; positions: number[]; monthly: number }
  >()
  for (const member of members) {
    const share = shares.get(Math.min(member.position, lastSharePosition)) ?? wholeInBasisPoints
    const monthlyAmount =
      member.position === 1 ? firstMemberAmount : applyBasisPoints(firstMemberAmount, share)
    memberLines.push({
      kind: 'MEMBER',
      position: member.position,
      memberIndex: member.memberIndex,
      shareBasisPoints: share,
      monthlyAmount,
      months,
      total: monthlyAmount * months,
    })
    const chosen = highestSupport(rows, 'HHI_SUPPORT_RATE', member.supportGroups, { on, jurisdiction })
    if (!chosen) continue
    trail.use(chosen.row)
    const support = Math.min(applyBasisPoints(monthlyAmount, chosen.row.value), monthlyAmount)
    const line = supportByRow.get(chosen.row) ?? { group: chosen.group, positions: [], monthly: 0 }
    line.positions.push(member.position)
    line.monthly += support
    supportByRow.set(chosen.row, line)
  }
  const supportLines: SupportLine[] = [...supportByRow].map(([row, line]) => ({
    kind: 'SUPPORT',
    parameterKey: 'HHI_SUPPORT_RATE',
    group: line.group,
    rateBasisPoints: row.value,
    jurisdiction: row.jurisdiction,
    positions: line.positions,
    monthlyAmount: line.monthly,
    months,
    total: line.monthly * months,
  }))

  const grossPerMonth = memberLines.reduce((sum, line) => sum + line.monthlyAmount, 0)
  const supportPerMonth = supportLines.reduce((sum, line) => sum + line.monthlyAmount, 0)
  const gross = grossPerMonth * months
  const support = supportPerMonth * months
  return {
    ok: true,
    quote: {
      product: 'HOUSEHOLD_HEALTH_INSURANCE',
      on,
      jurisdiction,
      months,
      gross,
      support,
      payable: gross - support,
      perMonth: { gross: grossPerMonth, support: supportPerMonth, payable: grossPerMonth - supportPerMonth },
      supportedMonths: months,
      lines: [...memberLines, ...supportLines],
      parameters: trail.toList(),
    },
  }
}
