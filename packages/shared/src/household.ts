// Household health insurance prices members by their place in the household: 1st, 2nd, … 5th and
// after. Members insured through another group (employer, state-paid) are taken out before ranking
// (docs/domain/vn-insurance.md §2 "Household definition" [23]).

import { type IsoDate, isIsoDate } from './calendar.ts'
import { checkVoluntaryEligibility, isStateInsuredChild } from './eligibility.ts'
import type { Product, Sex } from './enums.ts'
import { checkHouseholdCode } from './household-code.ts'
import { type Failure, failure, type Issue, issue, personNamed } from './messages.ts'
import { type CheckedPerson, checkPerson, type PersonInput } from './person.ts'
import { checkFreeText } from './text/free-text.ts'
import { normalizeText } from './text/search-key.ts'

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

/** A household member as given, in register order. */
export type HouseholdMemberInput<Sexed extends Sex | '' = Sex> = {
  readonly person: PersonInput<Sexed>
  readonly isHead?: boolean | null
  readonly insuredElsewhere?: boolean | null
  /** E.g. "vợ", "con". */
  readonly relationToHead?: string | null
}

export type CheckedHouseholdMember<Sexed extends Sex | '' = Sex> = {
  readonly person: CheckedPerson<Sexed>
  readonly isHead: boolean
  readonly insuredElsewhere: boolean
  readonly relationToHead: string | null
}

export type HouseholdCheck<Sexed extends Sex | '' = Sex> = {
  /** Household health insurance: the members in register order (the person alone when none are given); else null. */
  readonly members: readonly CheckedHouseholdMember<Sexed>[] | null
  /** Where the person enrolled is among `members` (0 when not found: see the issues). */
  readonly enrolledIndex: number
  /** Household health insurance: the household's code as kept (checkHouseholdCode), null when none. */
  readonly code: string | null
  readonly issues: readonly Issue[]
}

/**
 * The household of a registration, checked: only household health insurance lists members; each
 * member's details pass checkPerson (at 'householdMembers.<i>.person') and the relation to the head
 * checkFreeText; the household's code, if given, checkHouseholdCode; one head; no citizen ID twice;
 * the person enrolled (already checked, at 'person') is among the members and not insured elsewhere;
 * and a child under 6 on `on` is insured by the state, so is listed as insured elsewhere, never
 * enrolled with the household (docs/domain/vn-insurance.md Appendix C). No members given means the
 * person alone, as head. For voluntary social insurance, the person must be 15 on `on`
 * (checkVoluntaryEligibility): who may join which product is checked here, once, for the form, the API
 * and the import alike.
 */
export function checkHousehold<Sexed extends Sex | ''>(
  registration: {
    readonly product: Product
    readonly person: CheckedPerson<Sexed>
    readonly householdMembers?: readonly HouseholdMemberInput<Sexed>[] | null
    /** Social Insurance's household code (mã hộ gia đình), optional: checkHouseholdCode. */
    readonly householdCode?: string | null
  },
  {
    today,
    on,
    joining = false,
  }: {
    readonly today: IsoDate
    readonly on: IsoDate
    /** The members join a household already enrolled, which has its head: none of them is one. */
    readonly joining?: boolean
  },
): HouseholdCheck<Sexed> {
  if (registration.product !== 'HOUSEHOLD_HEALTH_INSURANCE') return checkWithoutHousehold(registration, on)
  const checkedCode = checkHouseholdCode(registration.householdCode)
  const given = registration.householdMembers ?? []
  const household =
    given.length === 0
      ? householdOfOne(registration.person, on)
      : checkHouseholdMembers(registration.person, given, { today, on, joining })
  return {
    ...household,
    code: checkedCode.ok ? checkedCode.code : null,
    issues: [...(checkedCode.ok ? [] : checkedCode.issues), ...household.issues],
  }
}

/** A product other than household health insurance: no members allowed; VSI's age on `on` checked. */
function checkWithoutHousehold<Sexed extends Sex | ''>(
  registration: {
    readonly product: Product
    readonly person: CheckedPerson<Sexed>
    readonly householdMembers?: readonly HouseholdMemberInput<Sexed>[] | null
  },
  on: IsoDate,
): HouseholdCheck<Sexed> {
  const given = registration.householdMembers ?? []
  return {
    members: null,
    enrolledIndex: 0,
    code: null,
    issues: [
      ...(given.length > 0 ? [issue('householdMembers', 'HOUSEHOLD_NOT_FOR_PRODUCT')] : []),
      ...(registration.product === 'VOLUNTARY_SOCIAL_INSURANCE'
        ? checkVoluntaryEligibility(registration.person, on)
        : []),
    ],
  }
}

/** No members given: the person alone, as head, who may not be a child under 6 on `on`. */
function householdOfOne<Sexed extends Sex | ''>(
  person: CheckedPerson<Sexed>,
  on: IsoDate,
): Omit<HouseholdCheck<Sexed>, 'code'> {
  const alone = { person, isHead: true, insuredElsewhere: false, relationToHead: null }
  const issues = isEnrolledChild(alone, on)
    ? [issue('person.dateOfBirth', 'HOUSEHOLD_MEMBER_UNDER_SIX', { fullName: personNamed(person.fullName) })]
    : []
  return { members: [alone], enrolledIndex: 0, issues }
}

/** The members given, each checked, with one head (unless joining), and the person enrolled among them. */
function checkHouseholdMembers<Sexed extends Sex | ''>(
  person: CheckedPerson<Sexed>,
  given: readonly HouseholdMemberInput<Sexed>[],
  { today, on, joining }: { readonly today: IsoDate; readonly on: IsoDate; readonly joining: boolean },
): Omit<HouseholdCheck<Sexed>, 'code'> {
  const path = 'householdMembers'
  const checked = given.map((member, index) => checkMember(member, `${path}.${index}`, today))
  const members = checked.map((each) => each.member)
  const issues: Issue[] = [
    ...checked.flatMap((each) => each.issues),
    ...checkHeads(members, path, joining),
    ...checkMembersOn(members, path, on),
  ]
  const enrolledIndex = members.findIndex((member) => member.person.citizenId === person.citizenId)
  if (enrolledIndex < 0) {
    issues.push(issue(path, 'HOUSEHOLD_MEMBER_MISSING'))
  } else if (members[enrolledIndex]?.insuredElsewhere) {
    issues.push(issue(`${path}.${enrolledIndex}.insuredElsewhere`, 'HOUSEHOLD_MEMBER_INSURED_ELSEWHERE'))
  }
  return { members, enrolledIndex: Math.max(enrolledIndex, 0), issues }
}

/** A member's details (checkPerson) and relation to the head (checkFreeText), at `at`. */
function checkMember<Sexed extends Sex | ''>(
  member: HouseholdMemberInput<Sexed>,
  at: string,
  today: IsoDate,
): { member: CheckedHouseholdMember<Sexed>; issues: Issue[] } {
  const checked = checkPerson(member.person, `${at}.person`, { today })
  const relationToHead = normalizeText(member.relationToHead ?? '')
  return {
    member: {
      person: checked.person,
      isHead: member.isHead ?? false,
      insuredElsewhere: member.insuredElsewhere ?? false,
      relationToHead: relationToHead === '' ? null : relationToHead,
    },
    issues: [...checked.issues, ...checkFreeText(member.relationToHead, `${at}.relationToHead`)],
  }
}

/** One head (rankHouseholdMembers); none when the members join a household that has its head. */
function checkHeads(
  members: readonly CheckedHouseholdMember<Sex | ''>[],
  path: string,
  joining: boolean,
): Issue[] {
  if (joining) {
    return members.flatMap((member, index) =>
      member.isHead ? [issue(`${path}.${index}.isHead`, 'HOUSEHOLD_HEAD_MULTIPLE')] : [],
    )
  }
  const ranking = rankHouseholdMembers(members, path)
  return ranking.ok ? [] : [...ranking.issues]
}

/** No citizen ID twice, and no child under 6 on `on` enrolled with the household. */
function checkMembersOn(
  members: readonly CheckedHouseholdMember<Sex | ''>[],
  path: string,
  on: IsoDate,
): Issue[] {
  const issues: Issue[] = []
  const seen = new Set<string>()
  members.forEach((member, index) => {
    if (seen.has(member.person.citizenId)) {
      issues.push(issue(`${path}.${index}.person.citizenId`, 'HOUSEHOLD_MEMBER_DUPLICATE'))
    }
    seen.add(member.person.citizenId)
    if (isEnrolledChild(member, on)) {
      issues.push(
        issue(`${path}.${index}.insuredElsewhere`, 'HOUSEHOLD_MEMBER_UNDER_SIX', {
          fullName: member.person.fullName,
        }),
      )
    }
  })
  return issues
}

/** A member enrolled with the household who is young enough to be insured by the state instead. */
function isEnrolledChild(member: CheckedHouseholdMember<Sex | ''>, on: IsoDate): boolean {
  return (
    !member.insuredElsewhere &&
    isIsoDate(member.person.dateOfBirth) &&
    isStateInsuredChild(member.person.dateOfBirth, on)
  )
}
