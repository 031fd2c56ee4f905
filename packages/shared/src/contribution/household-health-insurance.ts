// Household health insurance (BHYT hộ gia đình): member 1 pays HHI_RATE (4.5%) of the base salary,
// members 2, 3, 4 pay 70%, 60%, 50% of member 1's amount and member 5 onward 40%, counting only the
// members insured together. Decree 188/2025 Art. 6(5) (docs/domain/vn-insurance.md §2).
//
// Members insured through another group are left out before ranking, and so are members of a group the
// state supports (near-poor, students, …): they belong to that group, not to the household's reduction,
// and pay member 1's full amount less their group's support (§2 "Household definition" [23]). So a
// household's total never depends on the order its members are given in.

import type { SupportGroup } from '../enums.ts'
import { failure, type Issue, issue } from '../messages.ts'
import { applyBasisPoints, isWholeNumber, wholeInBasisPoints } from './money.ts'
import { type ContributionParameter, ParameterTrail, requiredParameter } from './parameters.ts'
import type {
  CheckedQuoteInput,
  ContributionQuoteInput,
  MemberLine,
  QuoteResult,
  SupportLine,
} from './quote.ts'
import { checkSupportGroups, highestSupport, withImpliedGroups } from './support-groups.ts'

/** HHI_MEMBER_SHARE rows exist for positions 2–5; the 5th member's share applies to every later one. */
const lastSharePosition = 5

type GivenMember = { readonly memberIndex: number; readonly supportGroups: readonly SupportGroup[] }

/** The members to price (not insured elsewhere), each with the quote's groups and its own. */
function membersGiven(
  given: ContributionQuoteInput['householdMembers'],
  quoteGroups: readonly SupportGroup[],
  issues: Issue[],
): GivenMember[] {
  const path = 'householdMembers'
  if (given === undefined) return [{ memberIndex: 0, supportGroups: quoteGroups }]
  if (typeof given === 'number') {
    if (!isWholeNumber(given, 0)) {
      issues.push(issue(path, 'HOUSEHOLD_SIZE_INVALID'))
      return []
    }
    if (given === 0) issues.push(issue(path, 'HOUSEHOLD_EMPTY'))
    return Array.from({ length: given }, (_, memberIndex) => ({ memberIndex, supportGroups: quoteGroups }))
  }
  const members = (Array.isArray(given) ? given : []).flatMap((member, memberIndex) => {
    if (member.insuredElsewhere) return []
    const own = checkSupportGroups(member.supportGroups, `${path}.${memberIndex}.supportGroups`, issues)
    return [{ memberIndex, supportGroups: [...quoteGroups, ...own] }]
  })
  if (members.length === 0) issues.push(issue(path, 'HOUSEHOLD_EMPTY'))
  return members
}

/**
 * Quotes HHI for input that passed the shared checks; `issues` holds what those checks found.
 *
 * - A member whose groups (the quote's and their own, with those they imply in the jurisdiction) have
 *   an HHI_SUPPORT_RATE row in force is priced by that group: member 1's amount less the highest such
 *   rate, no position. A province row (HCMC's 100% from 2026-01-01) replaces the national rate of the
 *   same group rather than adding to it; support never exceeds the amount.
 * - The others are ranked in the order given, after the `rankedBefore` members the household already
 *   has insured this period: member k's monthly amount = member 1's × HHI_MEMBER_SHARE(k), rounded half
 *   up once. A count n means n members with the quote's groups.
 * - Members with the same support row are one support line.
 */
export function quoteHouseholdHealthInsurance(
  input: ContributionQuoteInput,
  checked: CheckedQuoteInput,
  rows: readonly ContributionParameter[],
  issues: Issue[],
): QuoteResult {
  const { on, jurisdiction } = checked
  const trail = new ParameterTrail()
  const rankedBefore = input.rankedBefore ?? 0
  if (!isWholeNumber(rankedBefore, 0)) issues.push(issue('rankedBefore', 'RANKED_BEFORE_INVALID'))
  const members = positionedMembers(
    membersGiven(input.householdMembers, checked.supportGroups, issues),
    isWholeNumber(rankedBefore, 0) ? rankedBefore : 0,
    rows,
    checked,
  )
  const required = (key: 'BASE_SALARY' | 'HHI_RATE' | 'HHI_MEMBER_SHARE', qualifier = '') =>
    requiredParameter(rows, key, { on, jurisdiction, qualifier }, trail, issues)
  const baseSalary = required('BASE_SALARY')
  const rate = required('HHI_RATE')
  const sharePositions = new Set(
    members.flatMap(({ position }) => (position === null ? [] : [Math.min(position, lastSharePosition)])),
  )
  const shares = new Map(
    [...sharePositions]
      .sort((a, b) => a - b)
      .map((position) => [
        position,
        position === 1 ? wholeInBasisPoints : required('HHI_MEMBER_SHARE', String(position)),
      ]),
  )
  if (issues.length > 0 || baseSalary === undefined || rate === undefined) return failure(issues)

  const { memberLines, supportLines } = linesOf(members, shares, applyBasisPoints(baseSalary, rate), {
    months: checked.months,
    trail,
  })
  return quoteOf(checked, trail, memberLines, supportLines)
}

type PositionedMember = ReturnType<typeof positionedMembers>[number]

/**
 * Each member with the support row that prices it, if any, and its position among those ranked: the
 * supported are not ranked, the others follow the `rankedBefore` members already insured.
 */
function positionedMembers(
  given: GivenMember[],
  rankedBefore: number,
  rows: readonly ContributionParameter[],
  { on, jurisdiction }: CheckedQuoteInput,
) {
  let ranked = rankedBefore
  return given.map((member) => {
    const groups = withImpliedGroups(rows, member.supportGroups, { on, jurisdiction })
    const support = highestSupport(rows, 'HHI_SUPPORT_RATE', groups.groups, { on, jurisdiction })
    const impliedBy = support && groups.impliedBy.get(support.group)
    return { memberIndex: member.memberIndex, support, impliedBy, position: support ? null : ++ranked }
  })
}

/** A line per member, and a support line per support row shared by the members it prices. */
function linesOf(
  members: PositionedMember[],
  shares: ReadonlyMap<number, number | undefined>,
  firstMemberAmount: number,
  { months, trail }: { months: number; trail: ParameterTrail },
) {
  const memberLines: MemberLine[] = []
  const supportByRow = new Map<
    ContributionParameter,
    { group: SupportGroup; members: number[]; monthly: number }
  >()
  for (const member of members) {
    const share =
      member.position === null
        ? wholeInBasisPoints
        : (shares.get(Math.min(member.position, lastSharePosition)) ?? wholeInBasisPoints)
    const monthlyAmount =
      share === wholeInBasisPoints ? firstMemberAmount : applyBasisPoints(firstMemberAmount, share)
    const monthlySupport = member.support
      ? Math.min(applyBasisPoints(monthlyAmount, member.support.row.value), monthlyAmount)
      : 0
    memberLines.push({
      kind: 'MEMBER',
      position: member.position,
      memberIndex: member.memberIndex,
      shareBasisPoints: share,
      monthlyAmount,
      months,
      total: monthlyAmount * months,
      support: monthlySupport * months,
      payable: (monthlyAmount - monthlySupport) * months,
    })
    if (!member.support) continue
    trail.use(member.impliedBy)
    trail.use(member.support.row)
    const line = supportByRow.get(member.support.row) ?? {
      group: member.support.group,
      members: [],
      monthly: 0,
    }
    line.members.push(member.memberIndex)
    line.monthly += monthlySupport
    supportByRow.set(member.support.row, line)
  }
  const supportLines: SupportLine[] = [...supportByRow].map(([row, line]) => ({
    kind: 'SUPPORT',
    parameterKey: 'HHI_SUPPORT_RATE',
    group: line.group,
    rateBasisPoints: row.value,
    jurisdiction: row.jurisdiction,
    positions: [],
    memberIndexes: line.members,
    monthlyAmount: line.monthly,
    months,
    total: line.monthly * months,
  }))
  return { memberLines, supportLines }
}

/** The quote: the lines, the totals and the parameters cited. */
function quoteOf(
  { on, jurisdiction, months }: CheckedQuoteInput,
  trail: ParameterTrail,
  memberLines: MemberLine[],
  supportLines: SupportLine[],
): QuoteResult {
  const grossPerMonth = memberLines.reduce((sum, line) => sum + line.monthlyAmount, 0)
  const supportPerMonth = supportLines.reduce((sum, line) => sum + line.monthlyAmount, 0)
  const gross = grossPerMonth * months
  const support = supportPerMonth * months
  const parameters = trail.toList()
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
      parameters,
      confirmed: parameters.every((parameter) => parameter.confirmed),
    },
  }
}
