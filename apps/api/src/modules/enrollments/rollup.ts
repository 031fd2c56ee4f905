// The rollups progress reads, kept in the transaction of every change to what they count, so
// progress never scans the enrollments:
// - EnrollmentDailyCount: one row per campaign, center, product, status, local day (the day an
//   enrollment counts for: coalesce(countedOn, registeredOn), its payment day or its registration day)
//   and continuity (NEW or CONTINUING once paid, "" before), which targets may count apart;
// - EnrollmentSegmentCount: the same, and the occupation group as registered and the session's kind;
// - EnrollmentSegmentTotal: the segment counts without the day, for a period holding every day.
// All are written by one statement or, in registration's one statement, by its last CTEs (one round
// trip: callers run it last, just before COMMIT, so the hot rows stay locked as briefly as possible). A row that reaches zero goes, so each table always
// equals a GROUP BY of the enrollments.
import {
  type AudienceGroup,
  type Continuity,
  type EnrollmentStatus,
  Prisma,
  type Product,
  type SessionKind,
} from '@tangtoc/db'

/** What an enrollment is counted by, besides its status. */
export interface RollupKey {
  campaignId: string
  centerId: string
  product: Product
  registeredOn: Date
  /** The payment day it counts for instead of registeredOn, if any (Enrollment.countedOn). */
  countedOn: Date | null
  /** The person's occupation group when registered. */
  occupationGroup: AudienceGroup | null
  /** New or continuing, decided at payment; null before. */
  continuity: Continuity | null
  /**
   * The outreach session it came from. Its kind is read by the rollup statement itself, under a share
   * lock, so a concurrent change of the session's kind either waits for this transaction (and then
   * moves this count too) or is seen by it.
   */
  sessionId: string | null
}

export interface Counted {
  key: RollupKey
  status: EnrollmentStatus
}

/** Moves one enrollment's count from what it was counted by to what it is now: status, session or both. */
export function moveEnrollmentCount(tx: Prisma.TransactionClient, from: Counted, to: Counted): Promise<void> {
  return moveEnrollmentCounts(tx, [{ from, to }])
}

/** Moves many enrollments' counts at once (one statement, however many: a bulk action's). */
export function moveEnrollmentCounts(
  tx: Prisma.TransactionClient,
  moves: readonly { from: Counted; to: Counted }[],
): Promise<void> {
  return adjustCounts(
    tx,
    enrollmentChanges(
      moves.flatMap(({ from, to }) => [
        { ...from, delta: -1 },
        { ...to, delta: 1 },
      ]),
    ),
  )
}

/**
 * The CTEs that count the enrollments a statement inserts, to end it with (registration's one
 * statement): `inserted` names its CTE returning their RollupKey columns and status. The sessions'
 * kinds are read under a share lock before any rollup row, as every writer does (rollupUpserts).
 */
export function insertedEnrollmentCounts(inserted: string): Prisma.Sql {
  const enrollments = Prisma.raw(`"${inserted}"`)
  return Prisma.sql`
    "session" AS (
      SELECT "id", "kind" FROM "OutreachSession" WHERE "id" IN (SELECT "sessionId" FROM ${enrollments})
       ORDER BY "id" FOR SHARE
    ),
    "change" AS MATERIALIZED (
      SELECT e."campaignId", e."centerId", e."product", e."status", coalesce(e."countedOn", e."registeredOn") AS "day",
             coalesce(e."occupationGroup"::text, '') AS "occupationGroup", coalesce(s."kind"::text, '') AS "sessionKind",
             coalesce(e."continuity"::text, '') AS "continuity", 1 AS "delta"
        FROM ${enrollments} e LEFT JOIN "session" s ON s."id" = e."sessionId"
    ),
    ${rollupUpserts}`
}

/**
 * Moves the counts of a session's enrollments from its old kind to its new one. The caller holds the
 * session's row (it has just updated it), so no enrollment is counted under the old kind meanwhile.
 */
export function moveSessionKind(
  tx: Prisma.TransactionClient,
  sessionId: string,
  from: SessionKind,
  to: SessionKind,
): Promise<void> {
  return adjustCounts(
    tx,
    Prisma.sql`
      SELECT e."campaignId", e."centerId", e."product", e."status",
             coalesce(e."countedOn", e."registeredOn") AS "day",
             coalesce(e."occupationGroup"::text, '') AS "occupationGroup", k."sessionKind",
             coalesce(e."continuity"::text, '') AS "continuity", k."delta"
        FROM "Enrollment" e
       CROSS JOIN (VALUES (${from}::text, -1), (${to}::text, 1)) AS k("sessionKind", "delta")
       WHERE e."sessionId" = ${sessionId}::uuid`,
  )
}

/** Rows of (campaignId, centerId, product, status, day, occupationGroup, sessionKind, continuity, delta) for enrollments. */
function enrollmentChanges(changes: (Counted & { delta: number })[]): Prisma.Sql {
  const sessionIds = changes.flatMap(({ key }) => (key.sessionId ? [key.sessionId] : []))
  return Prisma.sql`
    WITH "session" AS (
      SELECT "id", "kind" FROM "OutreachSession" WHERE "id" = ANY(${sessionIds}::uuid[]) ORDER BY "id" FOR SHARE
    )
    SELECT c."campaignId", c."centerId", c."product", c."status", c."day", c."occupationGroup",
           coalesce(s."kind"::text, '') AS "sessionKind", c."continuity", c."delta"
      FROM unnest(
        ${changes.map(({ key }) => key.campaignId)}::uuid[],
        ${changes.map(({ key }) => key.centerId)}::uuid[],
        ${changes.map(({ key }) => key.product)}::"Product"[],
        ${changes.map(({ status }) => status)}::"EnrollmentStatus"[],
        ${changes.map(({ key }) => (key.countedOn ?? key.registeredOn).toISOString().slice(0, 10))}::date[],
        ${changes.map(({ key }) => key.occupationGroup ?? '')}::text[],
        ${changes.map(({ key }) => key.sessionId ?? '')}::text[],
        ${changes.map(({ key }) => key.continuity ?? '')}::text[],
        ${changes.map(({ delta }) => delta)}::int[]
      ) AS c("campaignId", "centerId", "product", "status", "day", "occupationGroup", "sessionId", "continuity", "delta")
      LEFT JOIN "session" s ON s."id"::text = c."sessionId"`
}

type Emptied = {
  rollup: 'daily' | 'segment' | 'total'
  campaignId: string
  centerId: string
  product: Product
  status: EnrollmentStatus
  day: string | null
  occupationGroup: string
  sessionKind: string
  continuity: string
}

/**
 * The upserts of a `"change"` CTE's rows (campaignId, centerId, product, status, day, occupationGroup,
 * sessionKind, continuity, delta) into the three rollups, netted per row, as CTEs `"daily"`, `"segment"` and
 * `"total"` returning the rows written. Every writer locks in one order: the session's row (FOR SHARE,
 * in `"change"`), then daily counts, then segment counts, then segment totals, each in key order, so
 * two transactions never wait on each other's rows in a cycle. PostgreSQL runs sibling data-modifying
 * CTEs in no promised order (a statement that reads none of them ran "segment" first), so each upsert
 * reads the one before it to its end before writing a row.
 */
export const rollupUpserts = Prisma.sql`
    "daily" AS (
      INSERT INTO "EnrollmentDailyCount" AS t ("campaignId", "centerId", "product", "status", "day", "continuity", "count")
      SELECT "campaignId", "centerId", "product", "status", "day", "continuity", sum("delta")::int FROM "change"
       GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum("delta") <> 0 ORDER BY 1, 2, 3, 4, 5, 6
      ON CONFLICT ("campaignId", "centerId", "product", "status", "day", "continuity")
      DO UPDATE SET "count" = t."count" + EXCLUDED."count"
      RETURNING t.*
    ),
    "segment" AS (
      INSERT INTO "EnrollmentSegmentCount" AS t
        ("campaignId", "centerId", "product", "status", "day", "occupationGroup", "sessionKind", "continuity", "count")
      SELECT "campaignId", "centerId", "product", "status", "day", "occupationGroup", "sessionKind", "continuity",
             sum("delta")::int
        FROM "change"
       WHERE (SELECT count(*) FROM "daily") >= 0
       GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum("delta") <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
      ON CONFLICT ("campaignId", "centerId", "product", "status", "day", "occupationGroup", "sessionKind", "continuity")
      DO UPDATE SET "count" = t."count" + EXCLUDED."count"
      RETURNING t.*
    ),
    "total" AS (
      INSERT INTO "EnrollmentSegmentTotal" AS t
        ("campaignId", "centerId", "product", "status", "occupationGroup", "sessionKind", "continuity", "count")
      SELECT "campaignId", "centerId", "product", "status", "occupationGroup", "sessionKind", "continuity",
             sum("delta")::int
        FROM "change"
       WHERE (SELECT count(*) FROM "segment") >= 0
       GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum("delta") <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7
      ON CONFLICT ("campaignId", "centerId", "product", "status", "occupationGroup", "sessionKind", "continuity")
      DO UPDATE SET "count" = t."count" + EXCLUDED."count"
      RETURNING t.*
    )`

/** Adds the changes' deltas to the rollups (see rollupUpserts), removing rows that reach zero. */
async function adjustCounts(tx: Prisma.TransactionClient, changes: Prisma.Sql): Promise<void> {
  const emptied = await tx.$queryRaw<Emptied[]>`
    WITH "change" AS MATERIALIZED (${changes}), ${rollupUpserts}
    SELECT 'daily' AS "rollup", "campaignId"::text, "centerId"::text, "product"::text, "status"::text,
           to_char("day", 'YYYY-MM-DD') AS "day", '' AS "occupationGroup", '' AS "sessionKind", "continuity"
      FROM "daily" WHERE "count" <= 0
    UNION ALL
    SELECT 'segment', "campaignId"::text, "centerId"::text, "product"::text, "status"::text,
           to_char("day", 'YYYY-MM-DD'), "occupationGroup", "sessionKind", "continuity"
      FROM "segment" WHERE "count" <= 0
    UNION ALL
    SELECT 'total', "campaignId"::text, "centerId"::text, "product"::text, "status"::text, NULL,
           "occupationGroup", "sessionKind", "continuity"
      FROM "total" WHERE "count" <= 0`
  if (emptied.length === 0) return
  // Rows that reached zero go in a second statement (a statement cannot change a row twice). This
  // transaction holds their locks, so no other one can have counted into them meanwhile.
  await tx.$executeRaw`
    WITH "emptied" AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(emptied)}::jsonb) AS x("rollup" text,
        "campaignId" uuid, "centerId" uuid, "product" "Product", "status" "EnrollmentStatus", "day" date,
        "occupationGroup" text, "sessionKind" text, "continuity" text)
    ),
    "daily" AS (
      DELETE FROM "EnrollmentDailyCount" t USING "emptied" x
       WHERE x."rollup" = 'daily' AND t."campaignId" = x."campaignId" AND t."centerId" = x."centerId"
         AND t."product" = x."product" AND t."status" = x."status" AND t."day" = x."day"
         AND t."continuity" = x."continuity" AND t."count" <= 0
    ),
    "segment" AS (
      DELETE FROM "EnrollmentSegmentCount" t USING "emptied" x
       WHERE x."rollup" = 'segment' AND t."campaignId" = x."campaignId" AND t."centerId" = x."centerId"
         AND t."product" = x."product" AND t."status" = x."status" AND t."day" = x."day"
         AND t."occupationGroup" = x."occupationGroup" AND t."sessionKind" = x."sessionKind"
         AND t."continuity" = x."continuity" AND t."count" <= 0
    )
    DELETE FROM "EnrollmentSegmentTotal" t USING "emptied" x
     WHERE x."rollup" = 'total' AND t."campaignId" = x."campaignId" AND t."centerId" = x."centerId"
       AND t."product" = x."product" AND t."status" = x."status"
       AND t."occupationGroup" = x."occupationGroup" AND t."sessionKind" = x."sessionKind"
       AND t."continuity" = x."continuity" AND t."count" <= 0`
}
