import type { Enrollment, Person, Prisma, Product, Registration, SupportGroup } from '@tangtoc/db'
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
import { builder } from '../../builder.ts'
import type { Context } from '../../context.ts'
import {
  ConflictError,
  mutationErrorTypes,
  NotFoundError,
  TooManyAttemptsError,
  UserError,
  validationErrorFrom,
} from '../../errors.ts'
import { idOf, optionalIdOf } from '../../global-id.ts'
import { recordAudit } from '../audit/record.ts'
import { assertCanWriteCenter } from '../auth/center-access.ts'
import { ProductEnum, SupportGroupEnum } from '../enums.ts'
import {
  IdentityMismatch,
  isThrottled,
  OnFileWhileThrottled,
  refusalOnFile,
} from '../people/identity-mismatches.ts'
import {
  givenContact,
  type PersonChange,
  PersonInput,
  personChange,
  unknownWardIssues,
  wardCodesOf,
} from '../people/person-input.ts'
import { readableHouseholdsWhere } from '../people/visibility.ts'
import { publishEnrollmentChange } from '../progress/live.ts'
import { versionField } from '../versions.ts'
import { enrollmentToChange, transactionOptions, uniqueViolationOn, updateAtVersion } from './changes.ts'
import { EnrollmentNode } from './enrollment.ts'
import { priceEnrollment, priceHousehold } from './pricing.ts'
import { RegistrationNode } from './registration.ts'
import {
  type RegisteredEnrollment,
  type RegistrationContext,
  readRegistrationContext,
} from './registration-store.ts'
import { RegistrationChanged, type RegistrationUnit, storeRegistrations } from './registration-write.ts'
import { moveEnrollmentCount } from './rollup.ts'

const HouseholdMemberInput = builder.inputType('HouseholdMemberInput', {
  description:
    'A member of the household, in register order. Members insured elsewhere are listed, not enrolled; every other member gets an enrollment, priced at their rank among those ranked (a member of a supported group is priced by that group instead).',
  fields: (t) => ({
    person: t.field({ type: PersonInput, required: true, description: 'The member’s details.' }),
    isHead: t.boolean({
      defaultValue: false,
      description: 'Whether the member is the head (chủ hộ); exactly one is.',
    }),
    insuredElsewhere: t.boolean({
      defaultValue: false,
      description:
        'Insured through another group (employer, state-paid, a child under 6): listed, not enrolled, not ranked.',
    }),
    relationToHead: t.string({ description: 'E.g. “vợ”, “con”.' }),
    supportGroups: t.field({
      type: [SupportGroupEnum],
      description:
        'The member’s support groups (near-poor, student, …). For the person named in the registration, the registration’s supportGroups when omitted.',
    }),
  }),
})

const RegistrationStatusEnum = builder.enumType('EnrollmentRegistrationStatus', {
  description: 'The status a new enrollment starts in.',
  values: {
    DRAFT: { description: 'Saved, not yet handed in.' },
    SUBMITTED: { description: 'Handed in for payment.' },
  },
})

const RegisterEnrollmentInput = builder.inputType('RegisterEnrollmentInput', {
  description:
    'A registration: who, for what, where, and the contribution inputs. The amounts are computed by the server.',
  fields: (t) => ({
    campaign: t.id({ required: true, description: 'The campaign (global id); it must be active.' }),
    center: t.id({
      required: true,
      description: 'The registering center (global id): a participant of the campaign you may write for.',
    }),
    session: t.id({
      description: 'The outreach session it came from (global id); it must belong to the campaign.',
    }),
    product: t.field({ type: ProductEnum, required: true, description: 'What the person enrolls in.' }),
    person: t.field({
      type: PersonInput,
      required: true,
      description:
        'The person registering (for a household, one of its members, by citizen ID). A citizen ID on file reuses that person.',
    }),
    householdMembers: t.field({
      type: [HouseholdMemberInput],
      description:
        'Household health insurance: every member in register order, the person among them (by citizen ID). Each member not insured elsewhere is enrolled by this one registration. Omitted: the person alone. With `household`: only the members joining it (none of them its head).',
    }),
    household: t.id({
      description:
        'Household health insurance: a household already enrolled at the center in the campaign (global id), which the members given join. Each newcomer ranks after the household’s members still enrolled and pays for the months left in its period (a month begun counts whole), whatever `months` says; nobody enrolled earlier is priced again.',
    }),
    on: t.field({
      type: 'Date',
      description:
        'The first day of the period, whose rules price it; today in the campaign’s time zone when omitted. It must lie within the campaign, widened by its registrationMarginDays.',
    }),
    months: t.int({ required: true, description: 'The months paid for.' }),
    monthlyIncome: t.int({
      description: 'Voluntary social insurance: the monthly income to contribute on, whole đồng.',
    }),
    supportGroups: t.field({ type: [SupportGroupEnum], description: 'The person’s support groups.' }),
    status: t.field({
      type: RegistrationStatusEnum,
      defaultValue: 'DRAFT',
      description: 'DRAFT (the default) or SUBMITTED.',
    }),
  }),
})

export interface Registered {
  registration: Registration
  /** In register order of their members. */
  enrollments: RegisteredEnrollment[]
  /** The enrollment of the person the input names. */
  enrollment: RegisteredEnrollment
  personReused: boolean
}

const RegisterEnrollmentPayload = builder.objectRef<Registered>('RegisterEnrollmentPayload').implement({
  description: 'The registration as stored, with every enrollment it created.',
  fields: (t) => ({
    registration: t.field({
      type: RegistrationNode,
      description: 'The registration: its enrollments, household and the total payable.',
      resolve: (p) => p.registration,
    }),
    enrollments: t.field({
      type: [EnrollmentNode],
      description: 'Every enrollment created: one per household member enrolled, in register order.',
      resolve: (p) => p.enrollments,
    }),
    enrollment: t.field({
      type: EnrollmentNode,
      description: 'The enrollment of the person the input names (for a person alone, the only one).',
      resolve: (p) => p.enrollment,
    }),
    personReused: t.exposeBoolean('personReused', {
      description: 'True when the person’s citizen ID was already on file and that person was reused.',
    }),
  }),
})

export type RegisterInput = typeof RegisterEnrollmentInput.$inferInput

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
 * Everything about the input before anything is written, in two parallel reads (the references, the
 * stored people) and the quote: validation, access, the people's changes and the amounts. `known`: what
 * a chunk read for all its registrations, instead of reading.
 */
// long: the steps of preparing a registration, in the order their errors are reported
async function prepareRegistration(
  context: Context,
  input: RegisterInput,
  hinted: boolean,
  known?: KnownReferences,
) {
  const viewer = context.viewer
  if (!viewer) throw new Error('registration without a viewer')
  const campaignId = idOf(input.campaign, 'Campaign', 'input.campaign')
  const centerId = idOf(input.center, 'Center', 'input.center')
  const sessionId = input.session ? idOf(input.session, 'OutreachSession', 'input.session') : null
  const joinedId = input.household ? idOf(input.household, 'Household', 'input.household') : null

  const now = new Date()
  const today = localDateInZone(now)
  const checked = checkPerson(input.person, 'person', { today })
  const wards = [
    { code: checked.person.wardCode, path: 'person.wardCode' },
    ...(input.householdMembers ?? []).map((member, index) => ({
      code: member.person.wardCode?.trim() || null,
      path: `householdMembers.${index}.person.wardCode`,
    })),
  ]
  const wardCodes = wardCodesOf(wards)
  const { references, hint } = await registrationReferences(context, input, {
    hinted: hinted && checked.issues.length === 0,
    ids: { campaignId, centerId, sessionId },
    wardCodes,
    citizenId: checked.person.citizenId,
    userId: viewer.userId,
    known,
  })
  const { campaign, center, session } = references
  if (!campaign) throw new NotFoundError('Campaign', input.campaign)
  if (!center) throw new NotFoundError('Center', input.center)
  assertCanWriteCenter(context.viewer, center)
  if (sessionId && !session) throw new NotFoundError('OutreachSession', input.session ?? '')

  const on = input.on ?? localDateInZone(now, campaign.timeZone)
  const household = checkHousehold(
    { product: input.product, person: checked.person, householdMembers: input.householdMembers },
    { today, on, joining: joinedId !== null },
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
    ...referenceProblems(input, { on, campaign, center, session, joining: joinedId !== null }),
    ...checked.issues,
    ...household.issues,
    ...unknownWardIssues(wards, references.wards),
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
  const people = members
    ? await memberChanges(context, members, {
        known,
        centerId: center.id,
        now,
        enrolledIndex: household.enrolledIndex,
        mismatches,
      })
    : []
  const person =
    people[household.enrolledIndex] ??
    personChange(references.person, checked.person, 'person', { centerId: center.id, now })
  const joining =
    joinedId && members
      ? await enrolledHousehold(context, input.household ?? '', {
          householdId: joinedId,
          campaignId: campaign.id,
          centerId: center.id,
          on,
        })
      : null
  const pricing = await priceRegistration(context, input, {
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
    hint: hint ? { ...hint, wardCodes } : null,
    person,
    /** A household's members' people, in register order (none for a person alone). */
    people,
    given: givenContact(checked.person),
    mismatches,
    members,
    enrolledIndex: household.enrolledIndex,
    joining,
    on,
    now,
    supportGroups,
    pricing,
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
async function priceRegistration(
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
    return priceHousehold(context, {
      on,
      months: joining?.months ?? input.months,
      jurisdiction,
      members,
      rankedBefore: joining?.rankedBefore ?? 0,
    })
  }
  return [
    await priceEnrollment(context, {
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
interface JoinedHousehold {
  householdId: string
  /** Its members still enrolled (live) and ranked: each newcomer ranks after them. */
  rankedBefore: number
  /** The whole months from the registration's first day to the end of the household's period. */
  months: number
}

/**
 * The household `id` names, as the members joining it find it: enrolled (a live enrollment) at the center
 * in the campaign, its period not over on `on`; a validation error otherwise. Cancelled or rejected
 * members no longer rank, and nobody is priced again (docs/domain/README.md "Adding a member").
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
        where: {
          campaignId: where.campaignId,
          centerId: where.centerId,
          product: 'HOUSEHOLD_HEALTH_INSURANCE',
          live: true,
        },
        select: { householdPosition: true, periodEnd: true },
      },
    },
  })
  if (!household) throw new NotFoundError('Household', globalId)
  const ends = household.enrollments.map((enrollment) => enrollment.periodEnd.toISOString().slice(0, 10))
  const end = ends.sort().at(-1)
  if (!end || end < where.on) {
    throw validationErrorFrom([issue('household', 'HOUSEHOLD_NOT_ENROLLED', { on: where.on })])
  }
  return {
    householdId: where.householdId,
    rankedBefore: household.enrollments.filter((enrollment) => enrollment.householdPosition !== null).length,
    months: remainingMonths(where.on, end),
  }
}

export type Prepared = Awaited<ReturnType<typeof prepareRegistration>>

/** Where a campaign lets `on` fall, from its row (dates) or the registration's read (YYYY-MM-DD). */
function registrationPeriod(campaign: {
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
 * The live enrollments some of these people already hold for the product in the campaign, as one
 * ConflictError naming the first one's enrollment, and for a household the members holding them; null
 * when none does.
 */
async function alreadyEnrolled(
  db: Prisma.TransactionClient | Context['prisma'],
  where: { campaignId: string; product: Product; personIds: string[]; household: boolean },
): Promise<ConflictError | null> {
  const taken = await db.enrollment.findMany({
    where: {
      campaignId: where.campaignId,
      product: where.product,
      live: true,
      personId: { in: where.personIds },
    },
    select: { id: true, person: { select: { fullName: true } } },
    orderBy: { id: 'asc' },
  })
  const [first] = taken
  if (!first) return null
  const names = taken.map((enrollment) => enrollment.person.fullName).join(', ')
  const text = where.household
    ? issue('householdMembers', 'HOUSEHOLD_MEMBERS_ALREADY_ENROLLED', { names }).message
    : issue('person', 'PERSON_ALREADY_ENROLLED').message
  return new ConflictError(text, { typename: 'Enrollment', id: first.id })
}

builder.mutationField('registerEnrollment', (t) =>
  t.field({
    type: RegisterEnrollmentPayload,
    description:
      'Registers a person for a product in a campaign at a center, with the contribution quoted by the server; for household health insurance, every member not insured elsewhere at once, each with an enrollment of their own priced at their rank, under one registration. With `household`, the members given join a household already enrolled at the center: each ranks after its members still enrolled and pays for the months left in its period; nobody enrolled earlier is priced again. A live enrollment already held by the person (or a member) for the product in the campaign is a ConflictError naming them, and nothing is written. A citizen ID on file with another name, birth date or sex is one neutral ValidationError (PERSON_IDENTITY_MISMATCH), recorded in the audit log; after five within an hour, registering anyone on file is a TooManyAttemptsError for the rest of it.',
    errors: { types: [...mutationErrorTypes, TooManyAttemptsError] },
    authScopes: { write: true },
    args: { input: t.arg({ type: RegisterEnrollmentInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      try {
        return await register(context, input)
      } catch (error) {
        throw await refusalOnFile(context, error)
      }
    },
  }),
)

/** Registers the input: the one-unit case of registerMany; a refusal is thrown. */
export async function register(context: Context, input: RegisterInput): Promise<Registered> {
  const [outcome] = await registerMany(context, [input])
  if (!outcome) throw new Error('a registration without an outcome')
  if ('refused' in outcome) throw outcome.refused
  return outcome.registered
}

/** What became of one registration of registerMany: stored, or refused (the error the form would get). */
export type RegistrationOutcome = { registered: Registered } | { refused: unknown }

/** Whether an error refuses one registration (its data, its person on file), not the whole run. */
function refuses(error: unknown): boolean {
  return (
    error instanceof UserError || error instanceof IdentityMismatch || error instanceof OnFileWhileThrottled
  )
}

/**
 * Registers the inputs, in one statement when they all go in (storeRegistrations); one by one when
 * one of them spoils it (a person or an enrollment registered meanwhile), so the others still go in
 * and that one gets its own refusal. An error that is no refusal (the database gone) is thrown.
 */
export async function registerMany(
  context: Context,
  inputs: readonly RegisterInput[],
): Promise<RegistrationOutcome[]> {
  if (inputs.length === 1) return [await registerOne(context, inputs[0] as RegisterInput)]
  const known = await readKnown(context, inputs)
  const outcomes: (RegistrationOutcome | null)[] = inputs.map(() => null)
  const units: (RegistrationUnit & { index: number })[] = []
  await Promise.all(
    inputs.map(async (input, index) => {
      try {
        units.push({ input, prepared: await prepareRegistration(context, input, false, known), index })
      } catch (error) {
        if (!refuses(error)) throw error
        outcomes[index] = { refused: error }
      }
    }),
  )
  units.sort((one, other) => one.index - other.index)
  try {
    const stored = await storeRegistrations(context, units)
    stored.forEach((registered, at) => {
      const unit = units[at]
      if (!unit) return
      publishRegistered(context, registered, unit.prepared.center)
      outcomes[unit.index] = { registered }
    })
  } catch (error) {
    if (!(error instanceof RegistrationChanged) && uniqueViolationOn(error) === null) throw error
    for (const { input, index } of units) outcomes[index] = await registerOne(context, input)
  }
  return outcomes.map((outcome) => outcome ?? { refused: new Error('a registration without an outcome') })
}

/** One registration, prepared again while what its write assumed has changed. */
async function registerOne(context: Context, input: RegisterInput): Promise<RegistrationOutcome> {
  try {
    return { registered: await registerPrepared(context, input) }
  } catch (error) {
    if (refuses(error)) return { refused: error }
    throw error
  }
}

function publishRegistered(context: Context, registered: Registered, center: Prepared['center'] | undefined) {
  if (!center) return
  for (const enrollment of registered.enrollments) {
    publishEnrollmentChange(context, { ...enrollment, center }, 'REGISTERED')
  }
}

/**
 * What a chunk of registrations at one campaign, center and session reads once instead of each: the
 * campaign, center, session, wards and the user's mismatches, and the people on file by citizen ID.
 * Undefined when the inputs name different ones (each reads its own).
 */
async function readKnown(
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

/** Registers the input, preparing it again while the write finds what it assumed has changed. */
async function registerPrepared(context: Context, input: RegisterInput): Promise<Registered> {
  // Nothing is written when what the write assumed no longer holds: the person is on file (or
  // was just registered by another agent), or a hint from an earlier registration is stale. Then
  // prepare again from what is stored, to reuse the person or report what changed; and name the
  // winner's enrollment when it is the enrollment that collides.
  for (let attempt = 1; ; attempt++) {
    const prepared = await prepareRegistration(context, input, attempt === 1)
    try {
      const [stored] = await storeRegistrations(context, [{ input, prepared }])
      if (!stored) throw new Error('a registration was not stored')
      publishRegistered(context, stored, prepared.center)
      return stored
    } catch (error) {
      if (error instanceof RegistrationChanged) {
        if (attempt < 4) continue
        throw new Error('the person kept changing while being registered')
      }
      const model = uniqueViolationOn(error)
      if (model === 'Person' && attempt < 4) continue
      if (model === 'Enrollment') {
        const citizenIds = (prepared.members ?? [{ person: prepared.person.person, insuredElsewhere: false }])
          .filter((member) => !member.insuredElsewhere)
          .map((member) => member.person.citizenId)
        const people = await context.prisma.person.findMany({
          where: { citizenId: { in: citizenIds } },
          select: { id: true },
        })
        const conflict = await alreadyEnrolled(context.prisma, {
          campaignId: prepared.campaign.id,
          product: input.product,
          personIds: people.map((person) => person.id),
          household: prepared.members !== null,
        })
        if (conflict) throw conflict
      }
      throw error
    }
  }
}

// ─── Update ──────────────────────────────────────────────────────────────────

const UpdateEnrollmentInput = builder.inputType('UpdateEnrollmentInput', {
  description:
    'Changes to a draft or submitted enrollment; omitted fields keep their value. The quote is made again.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The enrollment (global id).' }),
    version: versionField(t),
    session: t.id({ description: 'The outreach session (global id); null to clear it.' }),
    on: t.field({
      type: 'Date',
      description:
        'The first day of the period, whose rules price it; within the campaign, widened by its registrationMarginDays.',
    }),
    months: t.int({ description: 'The months paid for.' }),
    monthlyIncome: t.int({ description: 'Voluntary social insurance: the monthly income to contribute on.' }),
    supportGroups: t.field({ type: [SupportGroupEnum], description: 'The person’s support groups.' }),
  }),
})

const UpdateEnrollmentPayload = builder
  .objectRef<{ enrollment: Enrollment }>('UpdateEnrollmentPayload')
  .implement({
    description: 'The enrollment as stored.',
    fields: (t) => ({
      enrollment: t.field({
        type: EnrollmentNode,
        description: 'The enrollment.',
        resolve: (p) => p.enrollment,
      }),
    }),
  })

builder.mutationField('updateEnrollment', (t) =>
  t.field({
    type: UpdateEnrollmentPayload,
    description:
      'Changes a DRAFT or SUBMITTED enrollment’s session or contribution inputs, and quotes it again.',
    errors: { types: mutationErrorTypes },
    authScopes: { write: true },
    args: { input: t.arg({ type: UpdateEnrollmentInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const { enrollment } = await enrollmentToChange(context, input.id, input.version)
      const issues: Issue[] = []
      if (enrollment.status !== 'DRAFT' && enrollment.status !== 'SUBMITTED') {
        issues.push(issue('id', 'ENROLLMENT_NOT_EDITABLE'))
      }
      let sessionId = enrollment.sessionId
      if (input.session !== undefined) {
        sessionId = optionalIdOf(input.session, 'OutreachSession', 'input.session')
        if (sessionId) {
          const session = await context.prisma.outreachSession.findUnique({
            where: { id: sessionId },
            select: { campaignId: true },
          })
          if (!session) throw new NotFoundError('OutreachSession', input.session ?? '')
          if (session.campaignId !== enrollment.campaignId) {
            issues.push(issue('session', 'SESSION_NOT_IN_CAMPAIGN'))
          }
        }
      }
      if (issues.length > 0) throw validationErrorFrom(issues)

      const campaign = await context.prisma.campaign.findUniqueOrThrow({
        where: { id: enrollment.campaignId },
      })
      if (input.on != null) {
        const outside = checkRegistrationDate(input.on, registrationPeriod(campaign))
        if (outside.length > 0) throw validationErrorFrom(outside)
      }
      // Each member with the support groups of their live enrollment in the campaign, as registered.
      const members = enrollment.householdId
        ? (
            await context.prisma.householdMember.findMany({
              where: { householdId: enrollment.householdId },
              orderBy: { position: 'asc' },
              select: {
                personId: true,
                insuredElsewhere: true,
                person: {
                  select: {
                    enrollments: {
                      where: { campaignId: enrollment.campaignId, product: enrollment.product, live: true },
                      select: { supportGroups: true },
                    },
                  },
                },
              },
            })
          ).map(({ person, ...member }) => ({
            ...member,
            supportGroups: person.enrollments[0]?.supportGroups ?? [],
          }))
        : null
      const on = input.on ?? enrollment.quoteDate.toISOString().slice(0, 10)
      const months = input.months ?? enrollment.months
      const monthlyIncome = input.monthlyIncome === undefined ? enrollment.monthlyIncome : input.monthlyIncome
      const supportGroups = input.supportGroups ?? enrollment.supportGroups
      const pricing = await priceEnrollment(context, {
        product: enrollment.product,
        on,
        months,
        monthlyIncome,
        supportGroups,
        jurisdiction: campaign.jurisdiction,
        ...(members
          ? {
              household: {
                members,
                enrolledIndex: Math.max(
                  members.findIndex((member) => member.personId === enrollment.personId),
                  0,
                ),
              },
            }
          : {}),
      })
      const updated = await context.prisma.$transaction(async (tx) => {
        const row = await updateAtVersion(tx, enrollment, {
          sessionId,
          quoteDate: new Date(`${on}T00:00:00Z`),
          months,
          monthlyIncome,
          supportGroups,
          ...pricing,
        })
        const { center: _center, ...before } = enrollment
        await recordAudit(tx, context, {
          action: 'enrollment.update',
          entityType: 'Enrollment',
          entityId: enrollment.id,
          before,
          after: row,
        })
        if (row.sessionId !== enrollment.sessionId) {
          await moveEnrollmentCount(
            tx,
            { key: enrollment, status: enrollment.status },
            { key: row, status: row.status },
          )
        }
        return row
      }, transactionOptions)
      publishEnrollmentChange(context, { ...updated, center: enrollment.center }, 'UPDATED')
      return { enrollment: updated }
    },
  }),
)
