// Preparing a registration: everything about the input before anything is written, split by job
// (read, decide, assemble). Its read in one round trip is registration-store.ts; its write,
// registration-write.ts; the mutation that retries it, register.ts.
import type { Person, SupportGroup } from '@tangtoc/db'
import {
  type CheckedHouseholdMember,
  checkHousehold,
  checkPerson,
  checkRegistrationDate,
  type Issue,
  issue,
  localDateInZone,
  type RegistrationPeriod,
  remainingMonths,
} from '@tangtoc/shared'
import type { Context } from '../../context.ts'
import { NotFoundError, UserError, validationErrorFrom } from '../../errors.ts'
import { idOf } from '../../global-id.ts'
import { assertCanWriteCenter } from '../auth/center-access.ts'
import { quoteEnrollment, quoteHousehold } from '../contribution/enrollment-quote.ts'
import { isThrottled, OnFileWhileThrottled } from '../people/identity-mismatches.ts'
import {
  givenContact,
  type PersonChange,
  personChange,
  unknownWardIssues,
  wardCodesOf,
} from '../people/person-input.ts'
import { readableHouseholdsWhere } from '../people/visibility.ts'
import type { RegisterInput } from './registration-input.ts'
import { type RegistrationContext, readRegistrationContext } from './registration-store.ts'

interface Member extends CheckedHouseholdMember {
  supportGroups: SupportGroup[]
  /** The contact details the member's enrollment keeps. */
  given: ReturnType<typeof givenContact>
}

/** What a chunk of registrations read once (readKnown): the references but the person, the people on file. */
interface KnownReferences {
  references: RegistrationContext
  people: ReadonlyMap<string, Person>
}

/**
 * Everything about the input before anything is written, in the order its errors are reported: the
 * read (the references, the person on file), the decisions on it (validation, access, throttling) and
 * what the write needs (the people's changes, the household joined, the amounts). `known`: what a
 * chunk read for all its registrations, instead of reading.
 */
export async function prepareRegistration(
  context: Context,
  input: RegisterInput,
  hinted: boolean,
  known?: KnownReferences,
) {
  const read = await readRegistration(context, input, hinted, known)
  const decided = decideRegistration(input, read)
  return assembleRegistration(context, input, read, decided, known)
}

export type Prepared = Awaited<ReturnType<typeof prepareRegistration>>

/** The global ids the input names, decoded in the order their errors are reported. */
function registrationIds(input: RegisterInput) {
  return {
    campaignId: idOf(input.campaign, 'Campaign', 'input.campaign'),
    centerId: idOf(input.center, 'Center', 'input.center'),
    sessionId: input.session ? idOf(input.session, 'OutreachSession', 'input.session') : null,
    joinedId: input.household ? idOf(input.household, 'Household', 'input.household') : null,
  }
}

/**
 * The read: the person checked, and the campaign, center, session, wards and person on file the input
 * names (registrationReferences). A reference missing, or a center the viewer may not write for, is
 * refused here.
 */
async function readRegistration(
  context: Context,
  input: RegisterInput,
  hinted: boolean,
  known: KnownReferences | undefined,
) {
  const viewer = context.viewer
  if (!viewer) throw new Error('registration without a viewer')
  const ids = registrationIds(input)
  const now = new Date()
  // Checked on Vietnam's day for the read (the citizen ID and wards it names), then on the campaign's.
  const vietnamToday = localDateInZone(now)
  const typed = checkPerson(input.person, 'person', { today: vietnamToday })
  const wards = [
    { code: typed.person.wardCode, path: 'person.wardCode' },
    ...(input.householdMembers ?? []).map((member, index) => ({
      code: member.person.wardCode?.trim() || null,
      path: `householdMembers.${index}.person.wardCode`,
    })),
  ]
  const wardCodes = wardCodesOf(wards)
  const { references, hint } = await registrationReferences(context, input, {
    hinted: hinted && typed.issues.length === 0,
    ids,
    wardCodes,
    citizenId: typed.person.citizenId,
    userId: viewer.userId,
    known,
  })
  const { campaign, center, session } = references
  if (!campaign) throw new NotFoundError('Campaign', input.campaign)
  if (!center) throw new NotFoundError('Center', input.center)
  assertCanWriteCenter(context.viewer, center)
  if (ids.sessionId && !session) throw new NotFoundError('OutreachSession', input.session ?? '')
  const today = localDateInZone(now, campaign.timeZone)
  const checked = today === vietnamToday ? typed : checkPerson(input.person, 'person', { today })
  return { ids, now, today, checked, wards, wardCodes, references, campaign, center, session, hint }
}

type Read = Awaited<ReturnType<typeof readRegistration>>

/**
 * The decisions on what was read: the period's first day, the household's members and their support
 * groups, and every problem of the input and its references as one validation error. The person named
 * on file while the user is throttled for identity mismatches is refused.
 */
function decideRegistration(input: RegisterInput, read: Read) {
  const { checked, campaign, center, references } = read
  const joining = read.ids.joinedId !== null
  const on = input.on ?? read.today
  const household = checkHousehold(
    {
      product: input.product,
      person: checked.person,
      householdMembers: input.householdMembers,
      householdCode: input.householdCode,
    },
    { today: read.today, on, joining },
  )
  const supportGroups: SupportGroup[] = input.supportGroups ?? []
  const members: Member[] | null =
    household.members?.map((member, index) => ({
      ...member,
      supportGroups:
        input.householdMembers?.[index]?.supportGroups ??
        (index === household.enrolledIndex ? supportGroups : []),
      given: givenContact(index === household.enrolledIndex ? checked.person : member.person),
    })) ?? null

  const problems: Issue[] = [
    ...referenceProblems(input, { on, campaign, center, session: read.session, joining }),
    ...checked.issues,
    ...household.issues,
    ...unknownWardIssues(read.wards, references.wards),
  ]
  if (problems.length > 0) throw validationErrorFrom(problems)

  const { mismatches } = references
  if (references.person && isThrottled(mismatches)) {
    throw new OnFileWhileThrottled({
      personId: references.person.id,
      centerId: center.id,
      recent: mismatches,
    })
  }
  return { on, enrolledIndex: household.enrolledIndex, householdCode: household.code, supportGroups, members }
}

/**
 * What the write needs, beside what was read and decided: each person's change (found, updated or
 * created), the household joined and the amounts.
 */
async function assembleRegistration(
  context: Context,
  input: RegisterInput,
  read: Read,
  { on, enrolledIndex, householdCode, supportGroups, members }: ReturnType<typeof decideRegistration>,
  known: KnownReferences | undefined,
) {
  const { campaign, center, checked, now } = read
  const { sessionId, joinedId } = read.ids
  const { mismatches } = read.references
  const people = members
    ? await memberChanges(context, members, { known, centerId: center.id, now, enrolledIndex, mismatches })
    : []
  const person =
    people[enrolledIndex] ??
    personChange(read.references.person, checked.person, 'person', { centerId: center.id, now })
  const joining =
    joinedId && members
      ? await enrolledHousehold(context, input.household ?? '', {
          householdId: joinedId,
          campaignId: campaign.id,
          centerId: center.id,
          on,
        })
      : null
  const quotes = await quoteRegistration(context, input, {
    on,
    jurisdiction: campaign.jurisdiction,
    members,
    joining,
    supportGroups,
  })
  return {
    campaign,
    center,
    sessionId,
    hint: read.hint ? { ...read.hint, wardCodes: read.wardCodes } : null,
    person,
    /** A household's members' people, in register order (none for a person alone). */
    people,
    given: givenContact(checked.person),
    mismatches,
    members,
    enrolledIndex,
    /** A new household's code as checkHousehold keeps it (null: none). */
    householdCode,
    joining,
    on,
    now,
    supportGroups,
    quotes,
  }
}

/**
 * The change of each household member's person (found, updated or created), from the people a chunk
 * read or, for one registration, read here at once. A member on file while the user is throttled for
 * identity mismatches is refused, as the person named is.
 */
async function memberChanges(
  context: Context,
  members: Member[],
  {
    known,
    centerId,
    now,
    enrolledIndex,
    mismatches,
  }: {
    known: KnownReferences | undefined
    centerId: string
    now: Date
    enrolledIndex: number
    mismatches: RegistrationContext['mismatches']
  },
): Promise<PersonChange[]> {
  const stored =
    known?.people ??
    new Map(
      (
        await context.prisma.person.findMany({
          where: { citizenId: { in: members.map((member) => member.person.citizenId) } },
        })
      ).map((person) => [person.citizenId, person]),
    )
  return members.map((member, index) => {
    const path = index === enrolledIndex ? 'person' : `householdMembers.${index}.person`
    const existing = stored.get(member.person.citizenId) ?? null
    if (existing && isThrottled(mismatches)) {
      throw new OnFileWhileThrottled({ personId: existing.id, centerId, recent: mismatches })
    }
    return personChange(existing, member.person, path, { centerId, now })
  })
}

/**
 * The campaign, center, session, wards and stored person the registration names. A person alone at a
 * campaign and center registered at moments ago: what was read then stands in for the read, and the
 * write checks it still holds (see registration-store.ts).
 */
async function registrationReferences(
  context: Context,
  input: RegisterInput,
  {
    hinted,
    ids: { campaignId, centerId, sessionId },
    wardCodes,
    citizenId,
    userId,
    known,
  }: {
    hinted: boolean
    ids: { campaignId: string; centerId: string; sessionId: string | null }
    wardCodes: string[]
    citizenId: string
    userId: string
    known: KnownReferences | undefined
  },
) {
  const hintKey = `${campaignId}:${centerId}`
  const alone = input.product !== 'HOUSEHOLD_HEALTH_INSURANCE' && !input.householdMembers?.length
  const hint = hinted && alone ? context.caches.registrationHints.get(hintKey) : undefined
  const references: RegistrationContext = known
    ? {
        ...known.references,
        wards: wardCodes.filter((code) => known.references.wards.includes(code)),
        person: known.people.get(citizenId) ?? null,
      }
    : hint
      ? {
          ...hint,
          session: sessionId ? { campaignId } : null,
          wards: wardCodes,
          person: null,
          mismatches: { count: 0, oldest: null },
        }
      : await readRegistrationContext(context.prisma, {
          campaignId,
          centerId,
          sessionId,
          wardCodes,
          citizenId,
          userId,
        })
  const { campaign, center } = references
  if (!hint && campaign?.status === 'ACTIVE' && center?.participant) {
    context.caches.registrationHints.set(hintKey, { campaign, center })
  }
  return { references, hint }
}

type References = Awaited<ReturnType<typeof registrationReferences>>['references']

/** What the campaign, center, session and household named refuse of a registration on `on`. */
function referenceProblems(
  input: RegisterInput,
  {
    on,
    campaign,
    center,
    session,
    joining,
  }: {
    on: string
    campaign: NonNullable<References['campaign']>
    center: NonNullable<References['center']>
    session: References['session']
    joining: boolean
  },
): Issue[] {
  const problems: Issue[] = []
  if (campaign.status !== 'ACTIVE') problems.push(issue('campaign', 'CAMPAIGN_NOT_ACTIVE'))
  problems.push(...checkRegistrationDate(on, registrationPeriod(campaign)))
  if (!center.participant) problems.push(issue('center', 'CENTER_NOT_IN_CAMPAIGN', {}, 'enrollment'))
  if (session && session.campaignId !== campaign.id)
    problems.push(issue('session', 'SESSION_NOT_IN_CAMPAIGN'))
  if (joining && input.product !== 'HOUSEHOLD_HEALTH_INSURANCE') {
    problems.push(issue('household', 'HOUSEHOLD_NOT_FOR_PRODUCT'))
  }
  return problems
}

/** The amounts: each member's for a household (after those already ranked when joining), else one. */
async function quoteRegistration(
  context: Context,
  input: RegisterInput,
  {
    on,
    jurisdiction,
    members,
    joining,
    supportGroups,
  }: {
    on: string
    jurisdiction: string
    members: Member[] | null
    joining: JoinedHousehold | null
    supportGroups: SupportGroup[]
  },
) {
  if (members) {
    return quoteHousehold(context, {
      on,
      months: joining?.months ?? input.months,
      jurisdiction,
      members,
      rankedBefore: joining?.rankedBefore ?? 0,
    })
  }
  return [
    await quoteEnrollment(context, {
      product: input.product,
      on,
      months: input.months,
      monthlyIncome: input.monthlyIncome ?? null,
      supportGroups,
      jurisdiction,
    }),
  ]
}

/** A household already enrolled that newcomers join: how many rank before them, and for how long. */
export interface JoinedHousehold {
  householdId: string
  /** Its members still enrolled (live) and ranked: each newcomer ranks after them. */
  rankedBefore: number
  /** The whole months from the registration's first day to the end of the household's period. */
  months: number
}

/** The enrollments of a household that newcomers at a center in a campaign join: its live HHI ones there. */
export const joinedEnrollmentsWhere = (where: { campaignId: string; centerId: string }) => ({
  campaignId: where.campaignId,
  centerId: where.centerId,
  product: 'HOUSEHOLD_HEALTH_INSURANCE' as const,
  live: true,
})

/**
 * A household as members joining it on `on` find it from its enrollments (joinedEnrollmentsWhere): null
 * when it has none or its period is over. Cancelled or rejected members no longer rank, and nobody is
 * priced again (docs/domain/README.md "Adding a member").
 */
export function joinedHouseholdOf(
  householdId: string,
  enrollments: readonly { householdPosition: number | null; periodEnd: Date }[],
  on: string,
): JoinedHousehold | null {
  const end = enrollments
    .map((enrollment) => enrollment.periodEnd.toISOString().slice(0, 10))
    .sort()
    .at(-1)
  if (!end || end < on) return null
  return {
    householdId,
    rankedBefore: enrollments.filter((enrollment) => enrollment.householdPosition !== null).length,
    months: remainingMonths(on, end),
  }
}

/**
 * The household `id` names, as the members joining it find it: enrolled (a live enrollment) at the center
 * in the campaign, its period not over on `on`; a validation error otherwise.
 */
async function enrolledHousehold(
  context: Context,
  globalId: string,
  where: { householdId: string; campaignId: string; centerId: string; on: string },
): Promise<JoinedHousehold> {
  const household = await context.prisma.household.findFirst({
    where: { id: where.householdId, AND: [readableHouseholdsWhere(context.viewer)] },
    select: {
      enrollments: {
        where: joinedEnrollmentsWhere(where),
        select: { householdPosition: true, periodEnd: true },
      },
    },
  })
  if (!household) throw new NotFoundError('Household', globalId)
  const joined = joinedHouseholdOf(where.householdId, household.enrollments, where.on)
  if (!joined)
    throw validationErrorFrom([issue('household', 'HOUSEHOLD_NOT_ENROLLED', { on: { date: where.on } })])
  return joined
}

/** Where a campaign lets `on` fall, from its row (dates) or the registration's read (YYYY-MM-DD). */
export function registrationPeriod(campaign: {
  startDate: Date | string
  endDate: Date | string
  registrationMarginDays: number
}): RegistrationPeriod {
  const day = (value: Date | string) => (value instanceof Date ? value.toISOString().slice(0, 10) : value)
  return {
    startDate: day(campaign.startDate),
    endDate: day(campaign.endDate),
    marginDays: campaign.registrationMarginDays,
  }
}

/**
 * What a chunk of registrations at one campaign, center and session reads once instead of each: the
 * campaign, center, session, wards and the user's mismatches, and the people on file by citizen ID.
 * Undefined when the inputs name different ones (each reads its own).
 */
export async function readKnown(
  context: Context,
  inputs: readonly RegisterInput[],
): Promise<KnownReferences | undefined> {
  const [first] = inputs
  const viewer = context.viewer
  if (!first || !viewer) return undefined
  const same = (input: RegisterInput) =>
    input.campaign === first.campaign && input.center === first.center && input.session === first.session
  if (!inputs.every(same)) return undefined
  try {
    const people = inputs.flatMap((input) => [
      input.person,
      ...(input.householdMembers ?? []).map((m) => m.person),
    ])
    const [references, stored] = await Promise.all([
      readRegistrationContext(context.prisma, {
        campaignId: idOf(first.campaign, 'Campaign', 'input.campaign'),
        centerId: idOf(first.center, 'Center', 'input.center'),
        sessionId: first.session ? idOf(first.session, 'OutreachSession', 'input.session') : null,
        wardCodes: wardCodesOf(people.map((person) => ({ code: person.wardCode?.trim() || null }))),
        citizenId: '',
        userId: viewer.userId,
      }),
      context.prisma.person.findMany({
        where: { citizenId: { in: [...new Set(people.map((person) => person.citizenId.trim()))] } },
      }),
    ])
    return { references, people: new Map(stored.map((person) => [person.citizenId, person])) }
  } catch (error) {
    if (error instanceof UserError) return undefined
    throw error
  }
}
