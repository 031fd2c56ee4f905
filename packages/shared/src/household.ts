// Household health insurance prices members by their place in the household: 1st, 2nd, … 5th and
// after. Members insured through another group (employer, state-paid) are taken out before ranking
// (docs/domain/vn-insurance.md §2 "Household definition" [23]).

import { type Failure, failure, type Issue, issue } from './messages.ts'

export type HouseholdMemberFacts = {
  readonly isHead?: boolean
  readonly insuredElsewhere?: boolean
}

export type RankedHouseholdMember<T> = T & {
  /** 1-based place in the household register, HouseholdMember.position: every member has one. */
  readonly position: number
  /** 1-based place among the members insured together, which sets the rate; null if insured elsewhere. */
  readonly pricingPosition: number | null
}

/**
 * Places members in the order given (the order they joined the household register) and numbers the
 * ones insured with the household 1, 2, 3 … skipping anyone insured elsewhere. The head is not
 * moved to the front: the law ranks members, not the head.
 */
export function assignPricingPositions<T extends HouseholdMemberFacts>(
  members: readonly T[],
): RankedHouseholdMember<T>[] {
  let insured = 0
  return members.map((member, index) => ({
    ...member,
    position: index + 1,
    pricingPosition: member.insuredElsewhere ? null : ++insured,
  }))
}

export type HouseholdRankingResult<T> =
  | { readonly ok: true; readonly members: RankedHouseholdMember<T>[] }
  | Failure

/** Ranks a household's members for pricing; a household must have exactly one head (chủ hộ). */
export function rankHouseholdMembers<T extends HouseholdMemberFacts>(
  members: readonly T[],
  path = 'members',
): HouseholdRankingResult<T> {
  const heads = members.flatMap((member, index) => (member.isHead ? [index] : []))
  const issues: Issue[] = []
  if (heads.length === 0) issues.push(issue(path, 'HOUSEHOLD_HEAD_MISSING'))
  for (const index of heads.slice(1)) issues.push(issue(`${path}.${index}.isHead`, 'HOUSEHOLD_HEAD_MULTIPLE'))
  if (issues.length > 0) return failure(issues)
  return { ok: true, members: assignPricingPositions(members) }
}
