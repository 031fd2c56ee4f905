// What an enrollment counts by in the progress rollups, stated once for everything that counts
// enrollments from their rows: its campaign, center, product, status, the day it counts for (its
// payment day when the campaign counts on it, else its registration day), its continuity ("" before
// payment), and for the segments its occupation group and its session's kind ("" when none). The fixtures add a
// few enrollments, the demo seed and the tests' recount rebuild a campaign. The API moves the counts as
// enrollments change (apps/api/src/modules/enrollments/rollup.ts); its tests compare what it keeps
// with recountCampaignRollups.
import type { Prisma, PrismaClient } from './generated/prisma/client.ts'

type Db = PrismaClient | Prisma.TransactionClient

/** Which enrollments: some by id, or a campaign's. */
export type CountedEnrollments = { readonly ids: readonly string[] } | { readonly campaignId: string }

const day = `coalesce(e."countedOn", e."registeredOn")`
const segment = `coalesce(e."occupationGroup"::text, ''), coalesce(s."kind"::text, '')`
const continuity = `coalesce(e."continuity"::text, '')`

/** Each rollup table: its key columns and the expressions that give them from an enrollment `e`. */
const tables = [
  {
    table: 'EnrollmentDailyCount',
    columns: ['day', 'continuity'],
    values: `${day}, ${continuity}`,
  },
  {
    table: 'EnrollmentSegmentCount',
    columns: ['day', 'occupationGroup', 'sessionKind', 'continuity'],
    values: `${day}, ${segment}, ${continuity}`,
  },
  {
    table: 'EnrollmentSegmentTotal',
    columns: ['occupationGroup', 'sessionKind', 'continuity'],
    values: `${segment}, ${continuity}`,
  },
] as const

/**
 * Adds the enrollments to the three rollup tables (to rows already there, if any). Returns how many rows
 * each statement wrote.
 */
export async function addEnrollmentsToRollups(
  db: Db,
  which: CountedEnrollments,
): Promise<{ dailyCounts: number; segmentCounts: number; segmentTotals: number }> {
  const [where, parameter] =
    'ids' in which
      ? ['e."id" = ANY($1::uuid[])', [...which.ids]]
      : ['e."campaignId" = $1::uuid', which.campaignId]
  const written: number[] = []
  for (const { table, columns, values } of tables) {
    const key = ['campaignId', 'centerId', 'product', 'status', ...columns]
      .map((name) => `"${name}"`)
      .join(', ')
    const groups = Array.from({ length: 4 + columns.length }, (_, index) => index + 1).join(', ')
    written.push(
      await db.$executeRawUnsafe(
        `INSERT INTO "${table}" AS t (${key}, "count")
         SELECT e."campaignId", e."centerId", e."product", e."status", ${values}, count(*)::int
           FROM "Enrollment" e LEFT JOIN "OutreachSession" s ON s."id" = e."sessionId"
          WHERE ${where}
          GROUP BY ${groups} ORDER BY ${groups}
         ON CONFLICT (${key}) DO UPDATE SET "count" = t."count" + EXCLUDED."count"`,
        parameter,
      ),
    )
  }
  const [dailyCounts = 0, segmentCounts = 0, segmentTotals = 0] = written
  return { dailyCounts, segmentCounts, segmentTotals }
}

/** Rebuilds a campaign's rollup rows from its enrollments. Returns how many rows each table got. */
export async function recountCampaignRollups(db: Db, campaignId: string) {
  for (const { table } of tables) {
    await db.$executeRawUnsafe(`DELETE FROM "${table}" WHERE "campaignId" = $1::uuid`, campaignId)
  }
  return addEnrollmentsToRollups(db, { campaignId })
}
