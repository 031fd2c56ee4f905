// Storing registrations: one transaction for any number of them (the form's one, an import's chunk of
// hundreds), each table written by one multi-row statement: the people new or changed, the households
// and their members, the registrations, the enrollments, their first status change, the audit events
// and, last (its rows are the hottest), the rollups. All or nothing: a chunk that one registration
// spoils (a person registered meanwhile, a unique violation) writes nothing, and its caller stores the
// registrations one by one (registerMany), so the others still go in and that one is refused.
import type { Person, Prisma, Registration } from '@tangtoc/db'
import { Prisma as PrismaRuntime } from '@tangtoc/db'
import { localDateInZone, searchPrefixes } from '@tangtoc/shared'
import type { Context } from '../../context.ts'
import { newId } from '../../new-id.ts'
import { type AuditEntry, recordAudits } from '../audit/record.ts'
import type { PersonChange } from '../people/person-input.ts'
import { transactionOptions } from './changes.ts'
import type { Prepared, Registered, RegisterInput } from './mutations.ts'
import type { Pricing } from './pricing.ts'
import type { RegisteredEnrollment } from './registration-store.ts'
import { countEnrollments } from './rollup.ts'

const sql = PrismaRuntime.sql

/** One registration ready to store: its input and what preparing it decided. */
export interface RegistrationUnit {
  input: RegisterInput
  prepared: Prepared
}

/** What a registration assumed (a person's version, a hint, a household's rank) no longer holds. */
export class RegistrationChanged extends Error {}

/**
 * Stores the units in one transaction, in their order. Throws RegistrationChanged (prepare again) or
 * the database's error (a unique violation: someone registered a person or an enrollment meanwhile).
 */
export function storeRegistrations(
  context: Context,
  units: readonly RegistrationUnit[],
): Promise<Registered[]> {
  const viewer = context.viewer
  if (!viewer) throw new Error('registration without a viewer')
  return context.prisma.$transaction(async (tx) => {
    await checkAssumptions(tx, units)
    const audits = await writePeople(tx, units)
    const registrations = await registrationsOf(tx, units, viewer.userId)
    const registered = units.map((unit, index) => {
      const registration = registrations[index] as Registration
      return registeredOf(unit, registration)
    })
    await insertRows(tx, 'Registration', registrations)
    const enrollments = registered.flatMap((each) => each.enrollments)
    await insertRows(tx, 'Enrollment', enrollments)
    await insertRows(
      tx,
      'EnrollmentStatusChange',
      enrollments.map((e) => ({
        id: newId(),
        enrollmentId: e.id,
        fromStatus: null,
        toStatus: e.status,
        actorId: viewer.userId,
        at: e.registeredAt,
      })),
    )
    await recordAudits(tx, context, [
      ...audits,
      ...enrollments.map(
        (e): AuditEntry => ({
          action: 'enrollment.register',
          entityType: 'Enrollment',
          entityId: e.id,
          after: e,
        }),
      ),
    ])
    // Last, so the hot rollup rows stay locked only until the commit.
    await countEnrollments(
      tx,
      enrollments.map((e) => ({ key: e, status: e.status })),
    )
    return registered
  }, transactionOptions)
}

/**
 * Inserts rows into a table in one statement whatever their number: one JSON parameter, read as the
 * table's own row type (PostgreSQL converts each column), where Prisma's createMany binds every value
 * (33 an enrollment) and spends more time building the statement than the database running it. A
 * unique violation is the database's error, as any insert's.
 */
export async function insertRows(tx: Prisma.TransactionClient, table: string, rows: readonly object[]) {
  const [first] = rows
  if (!first) return
  const columns = PrismaRuntime.raw(
    Object.keys(first)
      .map((column) => `"${column}"`)
      .join(', '),
  )
  const type = PrismaRuntime.raw(`"${table}"`)
  await tx.$executeRaw(sql`INSERT INTO ${type} (${columns})
    SELECT ${columns} FROM jsonb_populate_recordset(NULL::${type}, ${JSON.stringify(rows)}::jsonb)`)
}

/** The units' registrations with their enrollments, in register order of their members. */
function registeredOf({ input, prepared }: RegistrationUnit, registration: Registration): Registered {
  const personReused = prepared.person.kind !== 'create'
  const enrolled = prepared.members
    ? prepared.members.flatMap((member, index) => {
        const person = prepared.people[index]?.person
        const pricing = prepared.pricing[index]
        return person && pricing
          ? [{ person, pricing, index, given: member.given, supportGroups: member.supportGroups }]
          : []
      })
    : [
        {
          person: prepared.person.person,
          pricing: prepared.pricing[0],
          index: 0,
          given: prepared.given,
          supportGroups: prepared.supportGroups,
        },
      ]
  const named = prepared.members ? prepared.enrolledIndex : 0
  let enrollment: RegisteredEnrollment | undefined
  const enrollments = enrolled.map(({ person, pricing, index, given, supportGroups }) => {
    if (!pricing) throw new Error('a registration without its price')
    const row = enrollmentRow(input, prepared, registration, { person, given, supportGroups, pricing })
    if (index === named) enrollment = row
    return row
  })
  if (!enrollment) throw new Error('the person named was not enrolled')
  return { registration, enrollments, enrollment, personReused }
}

/** A hinted registration's assumptions (campaign, center, session, wards), checked in the transaction. */
async function checkAssumptions(tx: Prisma.TransactionClient, units: readonly RegistrationUnit[]) {
  for (const { prepared } of units) {
    const assumed = prepared.hint
    if (!assumed) continue
    const { campaign, center, wardCodes } = assumed
    const [row] = await tx.$queryRaw<{ holds: boolean }[]>(sql`
      SELECT EXISTS (SELECT 1 FROM "Campaign" c WHERE c."id" = ${campaign.id}::uuid AND c."status" = 'ACTIVE'
          AND c."timeZone" = ${campaign.timeZone} AND c."jurisdiction" = ${campaign.jurisdiction}
          AND c."startDate" = ${campaign.startDate}::date AND c."endDate" = ${campaign.endDate}::date
          AND c."registrationMarginDays" = ${campaign.registrationMarginDays})
        AND EXISTS (SELECT 1 FROM "Center" t JOIN "CampaignCenter" cc ON cc."centerId" = t."id"
          AND cc."campaignId" = ${campaign.id}::uuid AND cc."role" = 'PARTICIPANT'
          WHERE t."id" = ${center.id}::uuid AND t."path" = ${center.path})
        AND (${prepared.sessionId}::uuid IS NULL OR EXISTS (SELECT 1 FROM "OutreachSession" s
          WHERE s."id" = ${prepared.sessionId}::uuid AND s."campaignId" = ${campaign.id}::uuid))
        AND (SELECT count(*) FROM "Ward" w WHERE w."code" = ANY(${wardCodes}::text[])) = ${wardCodes.length}
        AS holds`)
    if (!row?.holds) throw new RegistrationChanged()
  }
}

/**
 * The units' people new (one insert: a citizen ID taken meanwhile is a unique violation) or changed
 * (at the version read, else RegistrationChanged); their audit events, for the caller to write.
 */
async function writePeople(tx: Prisma.TransactionClient, units: readonly RegistrationUnit[]) {
  const changes = new Map<string, PersonChange>()
  for (const { prepared } of units) {
    for (const change of [prepared.person, ...prepared.people]) changes.set(change.person.id, change)
  }
  const all = [...changes.values()]
  const created = all.flatMap((change) => (change.kind === 'create' ? [change.person] : []))
  await insertRows(tx, 'Person', created)
  for (const change of all) {
    if (change.kind !== 'update') continue
    const { id, createdAt: _createdAt, ...data } = change.person
    const { count } = await tx.person.updateMany({ where: { id, version: change.before.version }, data })
    if (count !== 1) throw new RegistrationChanged()
  }
  return all.flatMap((change): AuditEntry[] =>
    change.kind === 'reuse'
      ? []
      : [
          {
            action: change.kind === 'create' ? 'person.create' : 'person.update',
            entityType: 'Person',
            entityId: change.person.id,
            ...(change.kind === 'update' ? { before: change.before } : {}),
            after: change.person,
          },
        ],
  )
}

/** Each unit's registration row: for a household, the one it joins, the same one on file, or a new one. */
async function registrationsOf(
  tx: Prisma.TransactionClient,
  units: readonly RegistrationUnit[],
  registeredById: string,
): Promise<Registration[]> {
  const onFile = await householdsOnFile(tx, units)
  const households: Prisma.HouseholdUncheckedCreateInput[] = []
  const members: Prisma.HouseholdMemberUncheckedCreateInput[] = []
  const registrations: Registration[] = []
  for (const { prepared } of units) {
    let householdId: string | null = null
    if (prepared.members && prepared.joining) {
      householdId = await joinHousehold(tx, prepared)
    } else if (prepared.members) {
      const personIds = prepared.people.map((change) => change.person.id)
      householdId = onFile.get(householdKey(prepared.center.id, personIds)) ?? null
      if (!householdId) {
        householdId = newId()
        const head = prepared.members.find((member) => member.isHead) ?? prepared.members[0]
        households.push({
          id: householdId,
          address: head?.person.address ?? null,
          wardCode: head?.person.wardCode ?? null,
          createdAt: prepared.now,
          updatedAt: prepared.now,
        })
        members.push(
          ...prepared.members.map((member, index) => ({
            householdId: householdId as string,
            personId: personIds[index] ?? '',
            position: index + 1,
            isHead: member.isHead,
            insuredElsewhere: member.insuredElsewhere,
            relationToHead: member.relationToHead,
          })),
        )
      }
    }
    registrations.push({
      id: newId(),
      campaignId: prepared.campaign.id,
      centerId: prepared.center.id,
      registeredById,
      householdId,
      createdAt: prepared.now,
    })
  }
  await insertRows(tx, 'Household', households)
  await insertRows(tx, 'HouseholdMember', members)
  return registrations
}

/** A household's key among those on file: the registering center and its members' ids in order. */
const householdKey = (centerId: string, personIds: readonly string[]) => `${centerId} ${personIds.join(',')}`

/**
 * The households on file that units registering people on file would register again, by their members'
 * ids in order: a household with exactly these members in this order, that the registering center
 * already holds a live enrollment in. A household another center registered (its address, its members)
 * is that center's to read, not to be reused.
 */
async function householdsOnFile(
  tx: Prisma.TransactionClient,
  units: readonly RegistrationUnit[],
): Promise<Map<string, string>> {
  const asked = units.flatMap(({ prepared }) => {
    const named = prepared.people[prepared.enrolledIndex]
    return prepared.members && !prepared.joining && named && named.kind !== 'create'
      ? [{ personId: named.person.id, centerId: prepared.center.id }]
      : []
  })
  const onFile = new Map<string, string>()
  // One read per registering center (a chunk has one).
  for (const centerId of new Set(asked.map((each) => each.centerId))) {
    const personIds = asked.flatMap((each) => (each.centerId === centerId ? [each.personId] : []))
    const candidates = await tx.household.findMany({
      where: {
        members: { some: { personId: { in: personIds } } },
        enrollments: { some: { centerId, live: true } },
      },
      include: { members: { orderBy: { position: 'asc' }, select: { personId: true } } },
    })
    for (const household of candidates) {
      onFile.set(
        householdKey(
          centerId,
          household.members.map((member) => member.personId),
        ),
        household.id,
      )
    }
  }
  return onFile
}

/**
 * Adds the members joining a household to its register, after its members (none of them its head), and
 * returns its id. A member already listed keeps their place. The household's row is locked first, so
 * two registrations joining it at once take their places one after the other; one that finds the
 * household gained or lost a ranked member since it was priced is RegistrationChanged (price again).
 */
async function joinHousehold(tx: Prisma.TransactionClient, prepared: Prepared): Promise<string> {
  const joined = prepared.joining
  if (!joined) throw new Error('no household to join')
  const { householdId } = joined
  await tx.$queryRaw`SELECT 1 FROM "Household" WHERE "id" = ${householdId}::uuid FOR UPDATE`
  const ranked = await tx.enrollment.count({
    where: {
      householdId,
      campaignId: prepared.campaign.id,
      centerId: prepared.center.id,
      product: 'HOUSEHOLD_HEALTH_INSURANCE',
      live: true,
      householdPosition: { not: null },
    },
  })
  if (ranked !== joined.rankedBefore) throw new RegistrationChanged()
  const listed = await tx.householdMember.findMany({
    where: { householdId },
    select: { personId: true, position: true },
  })
  const known = new Set(listed.map((member) => member.personId))
  let position = Math.max(0, ...listed.map((member) => member.position))
  const joining = (prepared.members ?? []).flatMap((member, index) => {
    const person = prepared.people[index]?.person
    return person && !known.has(person.id) ? [{ member, person }] : []
  })
  if (joining.length > 0) {
    await tx.householdMember.createMany({
      data: joining.map(({ member, person }) => ({
        householdId,
        personId: person.id,
        position: ++position,
        isHead: false,
        insuredElsewhere: member.insuredElsewhere,
        relationToHead: member.relationToHead,
      })),
    })
  }
  return householdId
}

/** The enrollment row a registration stores for one person (a household member or the person alone). */
function enrollmentRow(
  input: RegisterInput,
  prepared: Prepared,
  registration: Registration,
  enrolled: {
    person: Pick<Person, 'id' | 'fullName'>
    given: Prepared['given']
    supportGroups: Prepared['supportGroups']
    pricing: Pricing
  },
): RegisteredEnrollment {
  return {
    id: newId(),
    campaignId: registration.campaignId,
    centerId: registration.centerId,
    sessionId: prepared.sessionId,
    registeredById: registration.registeredById,
    product: input.product,
    personId: enrolled.person.id,
    householdId: registration.householdId,
    registrationId: registration.id,
    quoteDate: new Date(`${prepared.on}T00:00:00Z`),
    months: prepared.joining?.months ?? input.months,
    monthlyIncome: input.product === 'VOLUNTARY_SOCIAL_INSURANCE' ? (input.monthlyIncome ?? null) : null,
    supportGroups: enrolled.supportGroups,
    ...enrolled.pricing,
    // Set when payment settles it (payments/record-payment.ts).
    coverageStart: null,
    coverageEnd: null,
    continuity: null,
    status: input.status ?? 'DRAFT',
    ...enrolled.given,
    statusReason: null,
    live: true,
    socialInsuranceNumber: null,
    searchPrefixes: searchPrefixes(enrolled.person.fullName),
    registeredAt: prepared.now,
    registeredOn: new Date(`${localDateInZone(prepared.now, prepared.campaign.timeZone)}T00:00:00Z`),
    countedOn: null,
    updatedAt: prepared.now,
    version: 1,
  }
}
