import type { Enrollment, Person, Prisma, SupportGroup } from '@tangtoc/db'
import {
  checkFreeText,
  checkRegistrationDate,
  type Issue,
  issue,
  localDateInZone,
  type RegistrationPeriod,
  rankHouseholdMembers,
  searchPrefixes,
} from '@tangtoc/shared'
import { builder } from '../../builder.ts'
import type { Context } from '../../context.ts'
import { mutationErrorTypes, NotFoundError, TooManyAttemptsError, validationErrorFrom } from '../../errors.ts'
import { idOf, optionalIdOf } from '../../global-id.ts'
import { newId } from '../../new-id.ts'
import { recordAudit } from '../audit/record.ts'
import { assertCanWriteCenter } from '../auth/center-access.ts'
import { ProductEnum, SupportGroupEnum } from '../enums.ts'
import { isThrottled, OnFileWhileThrottled, refusalOnFile } from '../people/identity-mismatches.ts'
import {
  type CheckedPerson,
  checkPerson,
  findOrCreatePerson,
  givenContact,
  type PersonChange,
  PersonInput,
  personChange,
  unknownWardIssues,
  wardCodesOf,
} from '../people/person-input.ts'
import { publishEnrollmentChange } from '../reports/live.ts'
import { versionField } from '../versions.ts'
import {
  duplicateConflict,
  enrollmentToChange,
  transactionOptions,
  uniqueViolationOn,
  updateAtVersion,
} from './changes.ts'
import { EnrollmentNode } from './enrollment.ts'
import { priceEnrollment } from './pricing.ts'
import {
  type RegisteredEnrollment,
  type RegistrationContext,
  readRegistrationContext,
  writeRegistration,
} from './registration-store.ts'
import { moveEnrollmentCount } from './rollup.ts'

const HouseholdMemberInput = builder.inputType('HouseholdMemberInput', {
  description: 'A member of the household, in register order; the order decides each member’s rate.',
  fields: (t) => ({
    person: t.field({ type: PersonInput, required: true, description: 'The member’s details.' }),
    isHead: t.boolean({
      defaultValue: false,
      description: 'Whether the member is the head (chủ hộ); exactly one is.',
    }),
    insuredElsewhere: t.boolean({
      defaultValue: false,
      description: 'Insured through another group (employer, state-paid): not counted in the rate order.',
    }),
    relationToHead: t.string({ description: 'E.g. “vợ”, “con”.' }),
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
      description: 'The person enrolled. A citizen ID on file reuses that person.',
    }),
    householdMembers: t.field({
      type: [HouseholdMemberInput],
      description:
        'Household health insurance: every member in register order, the enrolled person among them (by citizen ID). Omitted: the person alone.',
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

const RegisterEnrollmentPayload = builder
  .objectRef<{ enrollment: RegisteredEnrollment; personReused: boolean }>('RegisterEnrollmentPayload')
  .implement({
    description: 'The enrollment as stored.',
    fields: (t) => ({
      enrollment: t.field({
        type: EnrollmentNode,
        description: 'The new enrollment.',
        resolve: (p) => p.enrollment,
      }),
      personReused: t.exposeBoolean('personReused', {
        description: 'True when the citizen ID was already on file and that person was reused.',
      }),
    }),
  })

type RegisterInput = typeof RegisterEnrollmentInput.$inferInput

interface Member {
  person: CheckedPerson
  isHead: boolean
  insuredElsewhere: boolean
  relationToHead: string | null
}

/**
 * Everything about the input before anything is written, in two parallel reads (the references, the
 * stored people) and the quote: validation, access, the person's change and the amounts.
 */
async function prepareRegistration(context: Context, input: RegisterInput, hinted: boolean) {
  const viewer = context.viewer
  if (!viewer) throw new Error('registration without a viewer')
  const campaignId = idOf(input.campaign, 'Campaign', 'input.campaign')
  const centerId = idOf(input.center, 'Center', 'input.center')
  const sessionId = input.session ? idOf(input.session, 'OutreachSession', 'input.session') : null

  const issues: Issue[] = []
  const checked = checkPerson(input.person, 'person')
  issues.push(...checked.issues)
  const wards = [{ code: checked.person.wardCode, path: 'person.wardCode' }]

  let members: Member[] | null = null
  let enrolledIndex = 0
  if (input.product === 'HOUSEHOLD_HEALTH_INSURANCE') {
    const given = input.householdMembers ?? []
    if (given.length === 0) {
      members = [{ person: checked.person, isHead: true, insuredElsewhere: false, relationToHead: null }]
    } else {
      members = given.map((member, index) => {
        const path = `householdMembers.${index}.person`
        const result = checkPerson(member.person, path)
        issues.push(
          ...result.issues,
          ...checkFreeText(member.relationToHead, `householdMembers.${index}.relationToHead`),
        )
        wards.push({ code: result.person.wardCode, path: `${path}.wardCode` })
        return {
          person: result.person,
          isHead: member.isHead ?? false,
          insuredElsewhere: member.insuredElsewhere ?? false,
          relationToHead: member.relationToHead?.trim() || null,
        }
      })
      const ranking = rankHouseholdMembers(members, 'householdMembers')
      if (!ranking.ok) issues.push(...ranking.issues)
      const seen = new Map<string, number>()
      members.forEach((member, index) => {
        if (seen.has(member.person.citizenId)) {
          issues.push(issue(`householdMembers.${index}.person.citizenId`, 'HOUSEHOLD_MEMBER_DUPLICATE'))
        }
        seen.set(member.person.citizenId, index)
      })
      enrolledIndex = members.findIndex((member) => member.person.citizenId === checked.person.citizenId)
      if (enrolledIndex < 0) {
        issues.push(issue('householdMembers', 'HOUSEHOLD_MEMBER_MISSING'))
      } else if (members[enrolledIndex]?.insuredElsewhere) {
        issues.push(
          issue(`householdMembers.${enrolledIndex}.insuredElsewhere`, 'HOUSEHOLD_MEMBER_INSURED_ELSEWHERE'),
        )
      }
    }
  } else if (input.householdMembers && input.householdMembers.length > 0) {
    issues.push(issue('householdMembers', 'HOUSEHOLD_NOT_FOR_PRODUCT'))
  }

  // A person alone at a campaign and center registered at moments ago: what was read then stands in
  // for the read, and the write checks it still holds (see registration-store.ts).
  const hintKey = `${campaignId}:${centerId}`
  const wardCodes = wardCodesOf(wards)
  const hint =
    hinted && !members && issues.length === 0 ? context.caches.registrationHints.get(hintKey) : undefined
  const references: RegistrationContext = hint
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
        citizenId: checked.person.citizenId,
        userId: viewer.userId,
      })
  const { campaign, center, session } = references
  if (!hint && campaign?.status === 'ACTIVE' && center?.participant) {
    context.caches.registrationHints.set(hintKey, { campaign, center })
  }
  if (!campaign) throw new NotFoundError('Campaign', input.campaign)
  if (!center) throw new NotFoundError('Center', input.center)
  assertCanWriteCenter(context.viewer, center)
  if (sessionId && !session) throw new NotFoundError('OutreachSession', input.session ?? '')

  const now = new Date()
  const on = input.on ?? localDateInZone(now, campaign.timeZone)
  const problems: Issue[] = []
  if (campaign.status !== 'ACTIVE') problems.push(issue('campaign', 'CAMPAIGN_NOT_ACTIVE'))
  problems.push(...checkRegistrationDate(on, registrationPeriod(campaign)))
  if (!center.participant) problems.push(issue('center', 'CENTER_NOT_IN_CAMPAIGN', {}, 'enrollment'))
  if (session && session.campaignId !== campaign.id)
    problems.push(issue('session', 'SESSION_NOT_IN_CAMPAIGN'))
  problems.push(...issues, ...unknownWardIssues(wards, references.wards))
  if (problems.length > 0) throw validationErrorFrom(problems)

  const { mismatches } = references
  if (references.person && isThrottled(mismatches)) {
    throw new OnFileWhileThrottled({
      personId: references.person.id,
      centerId: center.id,
      recent: mismatches,
    })
  }
  const person = personChange(references.person, checked.person, 'person', { centerId: center.id, now })
  const supportGroups: SupportGroup[] = input.supportGroups ?? []
  const pricing = await priceEnrollment(context, {
    product: input.product,
    on,
    months: input.months,
    monthlyIncome: input.monthlyIncome ?? null,
    supportGroups,
    jurisdiction: campaign.jurisdiction,
    ...(members ? { household: { members, enrolledIndex: Math.max(enrolledIndex, 0) } } : {}),
  })
  return {
    campaign,
    center,
    sessionId,
    hint: hint ? { ...hint, wardCodes } : null,
    person,
    given: givenContact(checked.person),
    mismatches,
    members,
    enrolledIndex,
    on,
    now,
    supportGroups,
    pricing,
  }
}

type Prepared = Awaited<ReturnType<typeof prepareRegistration>>

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
 * The household of the enrolled person with these members in this order that the registering center
 * already holds a live enrollment in, or a new one: a household another center registered (its
 * address, its members) is that center's to read, not to be reused.
 */
async function householdFor(
  tx: Prisma.TransactionClient,
  members: Member[],
  personIds: string[],
  { enrolledPersonId, centerId }: { enrolledPersonId: string; centerId: string },
): Promise<string> {
  const candidates = await tx.household.findMany({
    where: {
      members: { some: { personId: enrolledPersonId } },
      enrollments: { some: { centerId, live: true } },
    },
    include: { members: { orderBy: { position: 'asc' }, select: { personId: true } } },
  })
  const same = candidates.find(
    (household) =>
      household.members.length === personIds.length &&
      household.members.every((member, index) => member.personId === personIds[index]),
  )
  if (same) return same.id
  const head = members.find((member) => member.isHead) ?? members[0]
  const household = await tx.household.create({
    data: {
      address: head?.person.address ?? null,
      wardCode: head?.person.wardCode ?? null,
      members: {
        create: members.map((member, index) => ({
          personId: personIds[index] ?? '',
          position: index + 1,
          isHead: member.isHead,
          insuredElsewhere: member.insuredElsewhere,
          relationToHead: member.relationToHead,
        })),
      },
    },
  })
  return household.id
}

/** The enrollment row a registration stores, for the person (and household) it ends with. */
function enrollmentRow(
  context: Context,
  input: RegisterInput,
  prepared: Prepared,
  person: Pick<Person, 'id' | 'fullName'>,
  householdId: string | null,
): RegisteredEnrollment {
  const viewer = context.viewer
  if (!viewer) throw new Error('registration without a viewer')
  return {
    id: newId(),
    campaignId: prepared.campaign.id,
    centerId: prepared.center.id,
    sessionId: prepared.sessionId,
    registeredById: viewer.userId,
    product: input.product,
    personId: person.id,
    householdId,
    quoteDate: new Date(`${prepared.on}T00:00:00Z`),
    months: input.months,
    monthlyIncome: input.product === 'VOLUNTARY_SOCIAL_INSURANCE' ? (input.monthlyIncome ?? null) : null,
    supportGroups: prepared.supportGroups,
    ...prepared.pricing,
    status: input.status ?? 'DRAFT',
    ...prepared.given,
    statusReason: null,
    live: true,
    socialInsuranceNumber: null,
    searchPrefixes: searchPrefixes(person.fullName),
    registeredAt: prepared.now,
    registeredOn: new Date(`${localDateInZone(prepared.now, prepared.campaign.timeZone)}T00:00:00Z`),
    updatedAt: prepared.now,
    version: 1,
  }
}

/**
 * Stores the registration: one statement for a person alone, a transaction for a household (whose
 * members are found or created first). Null when the person changed meanwhile: prepare again.
 */
async function storeRegistration(
  context: Context,
  input: RegisterInput,
  prepared: Prepared,
): Promise<{ enrollment: RegisteredEnrollment; personReused: boolean } | null> {
  const write = (
    db: Prisma.TransactionClient | Context['prisma'],
    enrollment: RegisteredEnrollment,
    person: PersonChange,
  ) =>
    writeRegistration(db, {
      person,
      enrollment,
      actorId: enrollment.registeredById,
      requestId: context.requestId,
      assumed: prepared.hint,
    })
  const personReused = prepared.person.kind !== 'create'
  const members = prepared.members
  if (!members) {
    const { person } = prepared.person
    const enrollment = enrollmentRow(context, input, prepared, person, null)
    return (await write(context.prisma, enrollment, prepared.person)) ? { enrollment, personReused } : null
  }
  return context.prisma.$transaction(async (tx) => {
    const personIds: string[] = []
    let enrolled: Person | undefined
    for (const [index, member] of members.entries()) {
      const path = index === prepared.enrolledIndex ? 'person' : `householdMembers.${index}.person`
      const found = await findOrCreatePerson(tx, context, member.person, {
        path,
        centerId: prepared.center.id,
      })
      if (found.reused && isThrottled(prepared.mismatches)) {
        throw new OnFileWhileThrottled({
          personId: found.person.id,
          centerId: prepared.center.id,
          recent: prepared.mismatches,
        })
      }
      if (index === prepared.enrolledIndex) enrolled = found.person
      personIds.push(found.person.id)
    }
    if (!enrolled) throw new Error('the enrolled person is not among the household members')
    const householdId = await householdFor(tx, members, personIds, {
      enrolledPersonId: enrolled.id,
      centerId: prepared.center.id,
    })
    const enrollment = enrollmentRow(context, input, prepared, enrolled, householdId)
    if (!(await write(tx, enrollment, { kind: 'reuse', person: enrolled }))) {
      throw new Error('the enrollment of a household registration was not written')
    }
    return { enrollment, personReused }
  }, transactionOptions)
}

builder.mutationField('registerEnrollment', (t) =>
  t.field({
    type: RegisterEnrollmentPayload,
    description:
      'Registers a person for a product in a campaign at a center, with the contribution quoted by the server. A second live enrollment of the same person for the same product in the campaign is a ConflictError naming the first. A citizen ID on file with another name, birth date or sex is one neutral ValidationError (PERSON_IDENTITY_MISMATCH), recorded in the audit log; after five within an hour, registering anyone on file is a TooManyAttemptsError for the rest of it.',
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

/** Registers the input, preparing it again while the write finds what it assumed has changed. */
async function register(context: Context, input: RegisterInput) {
  // Nothing is written when what the write assumed no longer holds: the person is on file (or
  // was just registered by another agent), or a hint from an earlier registration is stale. Then
  // prepare again from what is stored, to reuse the person or report what changed; and name the
  // winner's enrollment when it is the enrollment that collides.
  for (let attempt = 1; ; attempt++) {
    const prepared = await prepareRegistration(context, input, attempt === 1)
    try {
      const stored = await storeRegistration(context, input, prepared)
      if (!stored) {
        if (attempt < 4) continue
        throw new Error('the person kept changing while being registered')
      }
      publishEnrollmentChange(context, { ...stored.enrollment, center: prepared.center }, 'REGISTERED')
      return stored
    } catch (error) {
      const model = uniqueViolationOn(error)
      if (model === 'Person' && attempt < 4) continue
      if (model === 'Enrollment') {
        const person = await context.prisma.person.findUnique({
          where: { citizenId: prepared.person.person.citizenId },
          select: { id: true },
        })
        const duplicate = person
          ? await duplicateConflict(context.prisma, {
              campaignId: prepared.campaign.id,
              personId: person.id,
              product: input.product,
            })
          : null
        if (duplicate) throw duplicate
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
      const members = enrollment.householdId
        ? await context.prisma.householdMember.findMany({
            where: { householdId: enrollment.householdId },
            orderBy: { position: 'asc' },
            select: { personId: true, insuredElsewhere: true },
          })
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
