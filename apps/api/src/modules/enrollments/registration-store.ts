// The reads and the write of a registration, each one round trip: registration is the busiest path of
// a campaign (3,000 on launch day, 16 agents at once in the benchmark), and every statement costs the
// API as much as the database. The write is one statement of data-modifying CTEs (PostgreSQL runs it
// atomically): the person when new or changed, the registration of a person alone, the enrollment,
// its first status change, both rollups and the audit events. Rows are built here, so the API returns and audits exactly what it
// stored without reading it back.
import type { Enrollment, Person, Prisma } from '@tangtoc/db'
import { Prisma as PrismaRuntime, queryPrepared } from '@tangtoc/db'
import type { Context } from '../../context.ts'
import { newId } from '../../new-id.ts'
import { identityMismatches, type RecentMismatches } from '../people/identity-mismatches.ts'
import type { PersonChange } from '../people/person-input.ts'
import { rollupUpserts } from './rollup.ts'

const sql = PrismaRuntime.sql

export interface RegistrationContext {
  campaign: {
    id: string
    status: string
    timeZone: string
    jurisdiction: string
    /** The campaign's first and last day (YYYY-MM-DD) and its margin: where `on` may fall. */
    startDate: string
    endDate: string
    registrationMarginDays: number
  } | null
  center: { id: string; path: string; participant: boolean } | null
  session: { campaignId: string } | null
  /** The ward codes asked about that exist. */
  wards: string[]
  /** The stored person with the citizen ID, if any. */
  person: Person | null
  /** The registering user's identity mismatches of the past hour (identity-mismatches.ts). */
  mismatches: RecentMismatches
}

type PersonColumns = { [K in keyof Person as `person_${K}`]: Person[K] | null }
type MismatchColumns = { mismatchCount: number; mismatchOldest: Date | null }

/**
 * Campaign, center (and whether it takes part), session, ward codes, the person and the user's recent
 * identity mismatches, in one query.
 */
export async function readRegistrationContext(
  db: Context['prisma'],
  ids: {
    campaignId: string
    centerId: string
    sessionId: string | null
    wardCodes: string[]
    citizenId: string
    userId: string
  },
): Promise<RegistrationContext> {
  const since = new Date(Date.now() - identityMismatches.windowMs)
  const [row] = await db.$queryRaw<
    (Omit<RegistrationContext, 'person' | 'mismatches'> & PersonColumns & MismatchColumns)[]
  >(sql`
    SELECT
      (SELECT json_build_object('id', c."id", 'status', c."status", 'timeZone', c."timeZone",
                                'jurisdiction', c."jurisdiction", 'startDate', c."startDate",
                                'endDate', c."endDate", 'registrationMarginDays', c."registrationMarginDays")
         FROM "Campaign" c WHERE c."id" = ${ids.campaignId}::uuid) AS campaign,
      (SELECT json_build_object('id', t."id", 'path', t."path", 'participant', EXISTS (
                SELECT 1 FROM "CampaignCenter" cc
                 WHERE cc."campaignId" = ${ids.campaignId}::uuid AND cc."centerId" = t."id"
                   AND cc."role" = 'PARTICIPANT'))
         FROM "Center" t WHERE t."id" = ${ids.centerId}::uuid) AS center,
      (SELECT json_build_object('campaignId', s."campaignId")
         FROM "OutreachSession" s WHERE s."id" = ${ids.sessionId}::uuid) AS session,
      (SELECT coalesce(json_agg(w."code"), '[]'::json)
         FROM "Ward" w WHERE w."code" = ANY(${ids.wardCodes}::text[])) AS wards,
      p."id" AS "person_id", p."fullName" AS "person_fullName", p."citizenId" AS "person_citizenId",
      p."legacySocialInsuranceCode" AS "person_legacySocialInsuranceCode",
      p."dateOfBirth" AS "person_dateOfBirth", p."sex"::text AS "person_sex", p."phone" AS "person_phone",
      p."address" AS "person_address", p."wardCode" AS "person_wardCode",
      p."occupationGroup"::text AS "person_occupationGroup", p."recordingCenterId" AS "person_recordingCenterId",
      p."searchKey" AS "person_searchKey", p."searchPrefixes" AS "person_searchPrefixes",
      p."createdAt" AS "person_createdAt", p."updatedAt" AS "person_updatedAt", p."version" AS "person_version",
      m."mismatchCount", m."mismatchOldest"
    FROM (SELECT 1) AS one LEFT JOIN "Person" p ON p."citizenId" = ${ids.citizenId}
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS "mismatchCount", min(a."at") AS "mismatchOldest" FROM "AuditEvent" a
       WHERE a."actorId" = ${ids.userId}::uuid AND a."action" = ${identityMismatches.mismatch}
         AND a."at" > ${since}::timestamp) m`)
  if (!row) throw new Error('the registration context query returned no row')
  const { campaign, center, session, wards } = row
  return {
    campaign,
    center,
    session,
    wards,
    person: personOf(row),
    mismatches: { count: row.mismatchCount, oldest: row.mismatchOldest },
  }
}

function personOf(row: PersonColumns): Person | null {
  if (row.person_id === null) return null
  return {
    id: row.person_id,
    fullName: row.person_fullName ?? '',
    citizenId: row.person_citizenId ?? '',
    legacySocialInsuranceCode: row.person_legacySocialInsuranceCode,
    dateOfBirth: row.person_dateOfBirth ?? new Date(Number.NaN),
    sex: row.person_sex ?? 'FEMALE',
    phone: row.person_phone,
    address: row.person_address,
    wardCode: row.person_wardCode,
    occupationGroup: row.person_occupationGroup,
    recordingCenterId: row.person_recordingCenterId,
    searchKey: row.person_searchKey ?? '',
    searchPrefixes: row.person_searchPrefixes ?? [],
    createdAt: row.person_createdAt ?? new Date(Number.NaN),
    updatedAt: row.person_updatedAt ?? new Date(Number.NaN),
    version: row.person_version ?? 1,
  }
}

/** What a registration at a campaign and center read moments ago, kept to stand in for the read. */
export interface RegistrationHint {
  campaign: NonNullable<RegistrationContext['campaign']>
  center: NonNullable<RegistrationContext['center']>
}

/**
 * An enrollment as a registration builds it: every column but the hashes the database generates and
 * the follow-up's (worklists), which a new enrollment starts without.
 */
export type RegisteredEnrollment = Omit<
  Enrollment,
  | 'searchHashes'
  | 'assignedToId'
  | 'lastFollowUpId'
  | 'promisedOn'
  | 'followUpClosed'
  | 'remindedAt'
  // Kept by the database's worklist triggers.
  | 'renewed'
  | 'promisedWhileCovered'
  // Generated by PostgreSQL.
  | 'unpaidOn'
>

export interface RegistrationWrite {
  person: PersonChange
  enrollment: RegisteredEnrollment
  /**
   * What was assumed instead of read (a hint, and every ward code given): the write checks it in the
   * same statement and writes nothing unless campaign and center are still as assumed, the session
   * belongs to the campaign, every ward code is official and the person is new.
   */
  assumed?: (RegistrationHint & { wardCodes: string[] }) | null
  /**
   * Whether the statement also inserts the enrollment's Registration (a person alone); a household's
   * transaction inserts it once, before its members' enrollments.
   */
  insertsRegistration: boolean
  actorId: string
  requestId: string
}

const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`

/** True while what a hinted registration assumed still holds. */
function assumptionsHold(
  e: RegisteredEnrollment,
  assumed: NonNullable<RegistrationWrite['assumed']>,
): Prisma.Sql {
  const { campaign, center, wardCodes } = assumed
  return sql`EXISTS (SELECT 1 FROM "Campaign" c WHERE c."id" = ${campaign.id}::uuid AND c."status" = 'ACTIVE'
        AND c."timeZone" = ${campaign.timeZone} AND c."jurisdiction" = ${campaign.jurisdiction}
        AND c."startDate" = ${campaign.startDate}::date AND c."endDate" = ${campaign.endDate}::date
        AND c."registrationMarginDays" = ${campaign.registrationMarginDays})
    AND EXISTS (SELECT 1 FROM "Center" t JOIN "CampaignCenter" cc ON cc."centerId" = t."id"
        AND cc."campaignId" = ${campaign.id}::uuid AND cc."role" = 'PARTICIPANT'
        WHERE t."id" = ${center.id}::uuid AND t."path" = ${center.path})
    AND (${e.sessionId}::uuid IS NULL OR EXISTS (SELECT 1 FROM "OutreachSession" s
        WHERE s."id" = ${e.sessionId}::uuid AND s."campaignId" = ${campaign.id}::uuid))
    AND (SELECT count(*) FROM "Ward" w WHERE w."code" = ANY(${wardCodes}::text[])) = ${wardCodes.length}`
}

function personStatement(write: PersonChange, holds: Prisma.Sql): Prisma.Sql {
  const p = write.person
  switch (write.kind) {
    case 'create':
      // A concurrent registration of the same new person wins the citizen ID: nothing is returned,
      // so nothing below is written and the caller reads the person again.
      return sql`INSERT INTO "Person" ("id", "fullName", "citizenId", "legacySocialInsuranceCode",
          "dateOfBirth", "sex", "phone", "address", "wardCode", "occupationGroup", "recordingCenterId",
          "searchKey", "searchPrefixes", "createdAt", "updatedAt", "version")
        SELECT ${p.id}::uuid, ${p.fullName}, ${p.citizenId}, ${p.legacySocialInsuranceCode},
          ${p.dateOfBirth}::date, ${p.sex}::"Sex", ${p.phone}, ${p.address}, ${p.wardCode},
          ${p.occupationGroup}::"AudienceGroup", ${p.recordingCenterId}::uuid, ${p.searchKey},
          ${p.searchPrefixes}::text[], ${p.createdAt}::timestamp,
          ${p.updatedAt}::timestamp, ${p.version}
        WHERE ${holds}
        ON CONFLICT ("citizenId") DO NOTHING
        RETURNING "id"`
    case 'update':
      // Only if nobody changed the person since it was read.
      return sql`UPDATE "Person" SET "phone" = ${p.phone}, "address" = ${p.address},
          "wardCode" = ${p.wardCode}, "occupationGroup" = ${p.occupationGroup}::"AudienceGroup",
          "legacySocialInsuranceCode" = ${p.legacySocialInsuranceCode}, "searchKey" = ${p.searchKey},
          "updatedAt" = ${p.updatedAt}::timestamp, "version" = ${p.version}
        WHERE "id" = ${p.id}::uuid AND "version" = ${write.before.version} AND ${holds}
        RETURNING "id"`
    case 'reuse':
      return sql`SELECT ${p.id}::uuid AS "id" WHERE ${holds}`
  }
}

/** The person's audit event, as a further statement after `person` (none when the person is reused). */
function personAudit({ enrollment: e, person, actorId, requestId }: RegistrationWrite): Prisma.Sql {
  const at = e.registeredAt
  return person.kind === 'reuse'
    ? sql``
    : sql`, person_audit AS (
          INSERT INTO "AuditEvent" ("id", "actorId", "action", "entityType", "entityId", "before", "after", "requestId", "at")
          SELECT ${newId()}::uuid, ${actorId}::uuid, ${person.kind === 'create' ? 'person.create' : 'person.update'},
                 'Person', p."id"::text, ${person.kind === 'update' ? json(person.before) : sql`NULL`},
                 ${json(person.person)}, ${requestId}, ${at}::timestamp
            FROM person p)`
}

/** The Registration's insert, when this statement makes it (a person alone). */
function registrationInsert({ enrollment: e, insertsRegistration }: RegistrationWrite): Prisma.Sql {
  const at = e.registeredAt
  return insertsRegistration
    ? sql`registration AS (
      INSERT INTO "Registration" ("id", "campaignId", "centerId", "registeredById", "householdId", "createdAt")
      SELECT ${e.registrationId}::uuid, ${e.campaignId}::uuid, ${e.centerId}::uuid, ${e.registeredById}::uuid,
             ${e.householdId}::uuid, ${at}::timestamp
        FROM person p
    ),`
    : sql``
}

/** The enrollment's row, for the person the statement wrote or reused (`p`). */
function enrollmentInsert(e: RegisteredEnrollment): Prisma.Sql {
  const at = e.registeredAt
  return sql`INSERT INTO "Enrollment" ("id", "campaignId", "centerId", "sessionId", "registeredById", "product",
        "personId", "householdId", "registrationId", "quoteDate", "months", "monthlyIncome", "supportGroups",
        "householdPosition", "gross", "support", "payable", "periodStart", "periodEnd", "status",
        "audience", "phone", "address", "wardCode", "legacySocialInsuranceCode", "statusReason", "live",
        "socialInsuranceNumber", "searchPrefixes", "registeredAt", "registeredOn", "updatedAt", "version")
      SELECT ${e.id}::uuid, ${e.campaignId}::uuid, ${e.centerId}::uuid, ${e.sessionId}::uuid,
        ${e.registeredById}::uuid, ${e.product}::"Product", p."id", ${e.householdId}::uuid,
        ${e.registrationId}::uuid, ${e.quoteDate}::date, ${e.months}, ${e.monthlyIncome}, ${e.supportGroups}::"SupportGroup"[],
        ${e.householdPosition}, ${e.gross}, ${e.support}, ${e.payable}, ${e.periodStart}::date,
        ${e.periodEnd}::date, ${e.status}::"EnrollmentStatus", ${e.audience}::"AudienceGroup",
        ${e.phone}, ${e.address}, ${e.wardCode}, ${e.legacySocialInsuranceCode}, ${e.statusReason}, ${e.live}, ${e.socialInsuranceNumber}, ${e.searchPrefixes}::text[], ${at}::timestamp,
        ${e.registeredOn}::date, ${e.updatedAt}::timestamp, ${e.version}
      FROM person p LEFT JOIN "session" ON true`
}

/**
 * Writes the registration in one statement; false when the person was created or changed by someone
 * else meanwhile (nothing is written then: read the person again and retry). A second live enrollment
 * of the person for the product in the campaign fails on the unique index, as any insert would.
 */
export async function writeRegistration(
  db: Prisma.TransactionClient | Context['prisma'],
  write: RegistrationWrite,
): Promise<boolean> {
  const { enrollment: e, person, actorId, requestId } = write
  const at = e.registeredAt
  const audience = e.audience ?? ''
  // Prepared: PostgreSQL plans this statement once per connection, not at every registration.
  const [row] = await queryPrepared<{ written: number }>(
    db,
    sql`
    WITH "session" AS (
      -- The session's kind, under a share lock taken before any rollup row, as every rollup writer
      -- does (rollup.ts): a concurrent change of the kind waits for this registration, or is seen.
      SELECT "kind" FROM "OutreachSession" WHERE "id" = ${e.sessionId}::uuid FOR SHARE
    ),
    person AS (${personStatement(person, write.assumed ? assumptionsHold(e, write.assumed) : sql`true`)})${personAudit(write)},
    ${registrationInsert(write)}
    enrollment AS (
      ${enrollmentInsert(e)}
      RETURNING "id", "campaignId", "centerId", "product", "status", "registeredOn"
    ),
    status_change AS (
      INSERT INTO "EnrollmentStatusChange" ("id", "enrollmentId", "fromStatus", "toStatus", "actorId", "at")
      SELECT ${newId()}::uuid, n."id", NULL, ${e.status}::"EnrollmentStatus", ${actorId}::uuid, ${at}::timestamp
        FROM enrollment n
    ),
    enrollment_audit AS (
      INSERT INTO "AuditEvent" ("id", "actorId", "action", "entityType", "entityId", "after", "requestId", "at")
      SELECT ${newId()}::uuid, ${actorId}::uuid, 'enrollment.register', 'Enrollment', n."id"::text,
             ${json(e)}, ${requestId}, ${at}::timestamp
        FROM enrollment n
    ),
    "change" AS MATERIALIZED (
      SELECT n."campaignId", n."centerId", n."product", n."status", n."registeredOn" AS "day",
             ${audience} AS "audience", coalesce((SELECT "kind"::text FROM "session"), '') AS "sessionKind",
             '' AS "continuity", 1 AS "delta"
        FROM enrollment n
    ),
    ${rollupUpserts}
    SELECT count(*)::int AS written FROM enrollment`,
  )
  return (row?.written ?? 0) === 1
}
