// The read of a registration, one round trip: registration is the busiest path of a campaign (3,000 on
// launch day, 16 agents at once in the benchmark), and every statement costs the API as much as the
// database. Its write is registration-write.ts.
import type { Enrollment, Person } from '@tangtoc/db'
import { Prisma as PrismaRuntime } from '@tangtoc/db'
import type { Context } from '../../context.ts'
import { identityMismatches, type RecentMismatches } from '../people/identity-mismatches.ts'

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
