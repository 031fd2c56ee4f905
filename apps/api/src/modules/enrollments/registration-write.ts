// Storing registrations: one statement for any number of them (the form's one, an import's chunk of
// hundreds), a chain of data-modifying CTEs that PostgreSQL runs atomically, each table's rows one JSON
// parameter read as the table's own row type: the people new or changed, the households and their
// members, the registrations, the enrollments, their first status change, the audit events and, last
// (their rows are the hottest), the rollups. No interactive transaction: with its BEGIN, COMMIT and a
// round trip per table a person alone registered at 0.30× plain SQL's rate, as one statement at
// 0.54–0.64× (docs/benchmarks.md). What the units assumed (a hint, a
// person's version) is checked by the statement's first CTEs, and nothing is written unless it holds.
// All or nothing: a chunk that one registration spoils (a person registered meanwhile, a unique
// violation) writes nothing, and its caller stores the registrations one by one (registerMany), so the
// others still go in and that one is refused. Only a unit joining a household on file takes a
// transaction, to lock the household and list its newcomers first (joinHousehold).
import type { Person, Registration } from '@tangtoc/db'
import { Prisma, queryPrepared } from '@tangtoc/db'
import { localDateInZone, searchPrefixes } from '@tangtoc/shared'
import type { Context } from '../../context.ts'
import { newId } from '../../new-id.ts'
import { json, rowsInsert } from '../../rows-insert.ts'
import { type AuditEntry, auditInsert } from '../audit/record.ts'
import type { EnrollmentQuote } from '../contribution/enrollment-quote.ts'
import { type PersonChange, personUpdateColumns } from '../people/person-input.ts'
import { transactionOptions } from './changes.ts'
import type { RegisterInput } from './registration-input.ts'
import type { Prepared } from './registration-prepare.ts'
import type { RegisteredEnrollment } from './registration-store.ts'
import { insertedEnrollmentCounts } from './rollup.ts'

const sql = Prisma.sql

type Database = Prisma.TransactionClient | Context['prisma']

export interface Registered {
  registration: Registration
  /** In register order of their members. */
  enrollments: RegisteredEnrollment[]
  /** The enrollment of the person the input names. */
  enrollment: RegisteredEnrollment
  personReused: boolean
}

/** One registration ready to store: its input and what preparing it decided. */
export interface RegistrationUnit {
  input: RegisterInput
  prepared: Prepared
}

/** What a registration assumed (a person's version, a hint, a household's rank) no longer holds. */
export class RegistrationChanged extends Error {}

/**
 * Stores the units in one statement, in their order. Throws RegistrationChanged (prepare again) or
 * the database's error (a unique violation: someone registered a person or an enrollment meanwhile).
 */
export function storeRegistrations(
  context: Context,
  units: readonly RegistrationUnit[],
): Promise<Registered[]> {
  if (units.some(({ prepared }) => prepared.joining)) {
    return context.prisma.$transaction((tx) => writeRegistrations(tx, context, units), transactionOptions)
  }
  return writeRegistrations(context.prisma, context, units)
}

async function writeRegistrations(
  db: Database,
  context: Context,
  units: readonly RegistrationUnit[],
): Promise<Registered[]> {
  const viewer = context.viewer
  if (!viewer) throw new Error('registration without a viewer')
  if (units.length === 0) return []
  const { registrations, households, members } = await registrationsOf(db, units, viewer.userId)
  const registered = units.map((unit, index) => registeredOf(unit, registrations[index] as Registration))
  const enrollments = registered.flatMap((each) => each.enrollments)
  const people = peopleOf(units)
  const [written] = await queryPrepared<{ holds: boolean }>(
    db,
    registrationStatement(context, {
      assumed: units.flatMap(({ prepared }) => assumedBy(prepared)),
      people,
      households,
      members,
      registrations,
      enrollments,
      statusChanges: enrollments.map((e) => ({
        id: newId(),
        enrollmentId: e.id,
        fromStatus: null,
        toStatus: e.status,
        actorId: viewer.userId,
        at: e.registeredAt,
      })),
      audits: [
        ...people.flatMap(personAudit),
        // Their `after` is the enrollment's row as inserted: the statement's (registrationStatement).
        ...enrollments.map(
          (e, index): AuditEntry => ({
            action: 'enrollment.register',
            entityType: 'Enrollment',
            entityId: e.id,
            afterRow: index,
          }),
        ),
      ],
    }),
  )
  if (!written?.holds) throw new RegistrationChanged()
  return registered
}

/** What the statement writes, each table's rows in order. */
interface RegistrationRows {
  assumed: Assumption[]
  people: PersonChange[]
  households: object[]
  members: object[]
  registrations: Registration[]
  enrollments: RegisteredEnrollment[]
  statusChanges: object[]
  audits: AuditEntry[]
}

/** Where the statement's writes wait for its checks: nothing is written unless they hold. */
const holds = sql`(SELECT "holds" FROM "guard")`

/**
 * The one statement: the checks (what hints assumed still holds; the people to change are at the
 * version read, locked meanwhile), then each table's insert of its rows, unless they are none, and the
 * rollups. It returns whether the checks held. Its text depends only on which tables get rows, so a
 * few prepared statements serve every registration (queryPrepared).
 */
function registrationStatement(context: Context, rows: RegistrationRows): Prisma.Sql {
  const updated = rows.people.flatMap((change) => (change.kind === 'update' ? [change] : []))
  const created = rows.people.flatMap((change) => (change.kind === 'create' ? [change.person] : []))
  const checks: Prisma.Sql[] = []
  const ctes: Prisma.Sql[] = []
  if (rows.assumed.length > 0) checks.push(assumptionsHold(rows.assumed))
  if (updated.length > 0) {
    const versions = updated.map((change) => ({ id: change.person.id, version: change.before.version }))
    ctes.push(sql`"person_read" AS (
      SELECT p."id" FROM "Person" p
        JOIN jsonb_to_recordset(${json(versions)}) AS v("id" uuid, "version" int)
          ON p."id" = v."id" AND p."version" = v."version"
       ORDER BY p."id" FOR UPDATE OF p
    )`)
    checks.push(sql`(SELECT count(*) FROM "person_read") = ${updated.length}`)
  }
  ctes.push(
    sql`"guard" AS (SELECT ${checks.length > 0 ? Prisma.join(checks, ' AND ') : sql`true`} AS "holds")`,
  )
  if (updated.length > 0) {
    const columns = personUpdateColumns.map((column) => `"${column}"`)
    ctes.push(sql`"person_update" AS (
      UPDATE "Person" t SET (${Prisma.raw(columns.join(', '))}) = (${Prisma.raw(columns.map((c) => `u.${c}`).join(', '))})
        FROM jsonb_populate_recordset(NULL::"Person", ${json(updated.map((change) => change.person))}) u
       WHERE t."id" = u."id" AND ${holds}
    )`)
  }
  const inserts: [string, string, readonly object[]][] = [
    ['person', 'Person', created],
    ['household', 'Household', rows.households],
    ['household_member', 'HouseholdMember', rows.members],
    ['registration', 'Registration', rows.registrations],
    ['status_change', 'EnrollmentStatusChange', rows.statusChanges],
  ]
  for (const [name, table, tableRows] of inserts) {
    if (tableRows.length > 0)
      ctes.push(sql`${Prisma.raw(`"${name}"`)} AS (${rowsInsert(table, tableRows, holds)})`)
  }
  // The enrollments' rows travel once, read by their insert and as their audit events' `after`.
  ctes.push(sql`"enrollment_rows" AS (SELECT ${json(rows.enrollments)} AS "rows")`)
  const enrollmentRows = sql`(SELECT "rows" FROM "enrollment_rows")`
  ctes.push(sql`"enrollment" AS (${rowsInsert('Enrollment', rows.enrollments, holds, enrollmentRows)}
    RETURNING "campaignId", "centerId", "product", "status", "registeredOn", "countedOn", "occupationGroup",
              "continuity", "sessionId")`)
  if (rows.audits.length > 0)
    ctes.push(sql`"audit" AS (${auditInsert(context, rows.audits, holds, enrollmentRows)})`)
  // Last, so the hot rollup rows are locked for the least time.
  ctes.push(insertedEnrollmentCounts('enrollment'))
  return sql`WITH ${Prisma.join(ctes, ',\n')}\nSELECT ${holds} AS "holds"`
}

/** The people the units create or change, each once (a chunk may name a person twice). */
function peopleOf(units: readonly RegistrationUnit[]): PersonChange[] {
  const changes = new Map<string, PersonChange>()
  for (const { prepared } of units) {
    for (const change of [prepared.person, ...prepared.people]) changes.set(change.person.id, change)
  }
  return [...changes.values()]
}

/** A person's audit event: created or changed (a person reused unchanged has none). */
function personAudit(change: PersonChange): AuditEntry[] {
  if (change.kind === 'reuse') return []
  return [
    {
      action: change.kind === 'create' ? 'person.create' : 'person.update',
      entityType: 'Person',
      entityId: change.person.id,
      ...(change.kind === 'update' ? { before: change.before } : {}),
      after: change.person,
    },
  ]
}

/** The units' registrations with their enrollments, in register order of their members. */
function registeredOf({ input, prepared }: RegistrationUnit, registration: Registration): Registered {
  const personReused = prepared.person.kind !== 'create'
  const enrolled = prepared.members
    ? prepared.members.flatMap((member, index) => {
        const person = prepared.people[index]?.person
        const quote = prepared.quotes[index]
        return person && quote
          ? [{ person, quote, index, given: member.given, supportGroups: member.supportGroups }]
          : []
      })
    : [
        {
          person: prepared.person.person,
          quote: prepared.quotes[0],
          index: 0,
          given: prepared.given,
          supportGroups: prepared.supportGroups,
        },
      ]
  const named = prepared.members ? prepared.enrolledIndex : 0
  let enrollment: RegisteredEnrollment | undefined
  const enrollments = enrolled.map(({ person, quote, index, given, supportGroups }) => {
    if (!quote) throw new Error('a registration without its quote')
    const row = enrollmentRow(input, prepared, registration, { person, given, supportGroups, quote })
    if (index === named) enrollment = row
    return row
  })
  if (!enrollment) throw new Error('the person named was not enrolled')
  return { registration, enrollments, enrollment, personReused }
}

/** What a hinted registration assumed instead of reading: campaign, center, session and wards as read. */
type Assumption = ReturnType<typeof assumedBy>[number]

function assumedBy(prepared: Prepared) {
  const assumed = prepared.hint
  if (!assumed) return []
  const { campaign, center, wardCodes } = assumed
  return [
    { ...campaign, centerId: center.id, centerPath: center.path, sessionId: prepared.sessionId, wardCodes },
  ]
}

/** True while every hinted registration's campaign, center, session and wards are as assumed. */
function assumptionsHold(assumed: readonly Assumption[]): Prisma.Sql {
  return sql`NOT EXISTS (
    SELECT 1 FROM jsonb_to_recordset(${json(assumed)}) AS a("id" uuid, "timeZone" text, "jurisdiction" text,
           "startDate" date, "endDate" date, "registrationMarginDays" int, "centerId" uuid, "centerPath" text,
           "sessionId" uuid, "wardCodes" text[])
     WHERE NOT (
       EXISTS (SELECT 1 FROM "Campaign" c WHERE c."id" = a."id" AND c."status" = 'ACTIVE'
          AND c."timeZone" = a."timeZone" AND c."jurisdiction" = a."jurisdiction"
          AND c."startDate" = a."startDate" AND c."endDate" = a."endDate"
          AND c."registrationMarginDays" = a."registrationMarginDays")
       AND EXISTS (SELECT 1 FROM "Center" t JOIN "CampaignCenter" cc ON cc."centerId" = t."id"
          AND cc."campaignId" = a."id" AND cc."role" = 'PARTICIPANT'
          WHERE t."id" = a."centerId" AND t."path" = a."centerPath")
       AND (a."sessionId" IS NULL OR EXISTS (SELECT 1 FROM "OutreachSession" s
          WHERE s."id" = a."sessionId" AND s."campaignId" = a."id"))
       AND (SELECT count(*) FROM "Ward" w WHERE w."code" = ANY(a."wardCodes")) = cardinality(a."wardCodes")))`
}

/**
 * Each unit's registration row: for a household, the one it joins (listing its newcomers: `db` is then
 * the transaction), the same one on file, or a new one, whose rows and members' rows come with them.
 */
async function registrationsOf(db: Database, units: readonly RegistrationUnit[], registeredById: string) {
  const onFile = await householdsOnFile(db, units)
  const households: Prisma.HouseholdUncheckedCreateInput[] = []
  const members: Prisma.HouseholdMemberUncheckedCreateInput[] = []
  const registrations: Registration[] = []
  for (const { prepared } of units) {
    let householdId: string | null = null
    if (prepared.members && prepared.joining) {
      const joined = await joinHousehold(db, prepared)
      householdId = joined.householdId
      members.push(...joined.members)
    } else if (prepared.members) {
      const personIds = prepared.people.map((change) => change.person.id)
      householdId = onFile.get(householdKey(prepared.center.id, personIds)) ?? null
      if (!householdId) {
        householdId = newId()
        const head = prepared.members.find((member) => member.isHead) ?? prepared.members[0]
        households.push({
          id: householdId,
          code: prepared.householdCode,
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
  return { registrations, households, members }
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
  db: Database,
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
    const candidates = await db.household.findMany({
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
 * The household's id and the rows of the members joining its register, after its members (none of them
 * its head), for the statement to insert. A member already listed keeps their place. The household's
 * row is locked first (until the transaction's end), so
 * two registrations joining it at once take their places one after the other; one that finds the
 * household gained or lost a ranked member since it was priced is RegistrationChanged (price again).
 */
async function joinHousehold(tx: Database, prepared: Prepared) {
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
  return {
    householdId,
    members: joining.map(({ member, person }) => ({
      householdId,
      personId: person.id,
      position: ++position,
      isHead: false,
      insuredElsewhere: member.insuredElsewhere,
      relationToHead: member.relationToHead,
    })),
  }
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
    quote: EnrollmentQuote
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
    ...enrolled.quote,
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
