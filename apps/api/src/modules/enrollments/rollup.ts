// EnrollmentDailyCount, kept in the transaction of every registration and status change: one row per
// campaign, center, product, status and local day, so progress never scans the enrollments.
import { type EnrollmentStatus, Prisma, type Product } from '@tangtoc/db'

export interface RollupKey {
  campaignId: string
  centerId: string
  product: Product
  registeredOn: Date
}

/** Adds `delta` to the row of the key and status; INSERT … ON CONFLICT so concurrent agents never collide. */
export async function adjustDailyCount(
  tx: Prisma.TransactionClient,
  key: RollupKey,
  status: EnrollmentStatus,
  delta: number,
): Promise<void> {
  await tx.$executeRaw(Prisma.sql`
    INSERT INTO "EnrollmentDailyCount" ("campaignId", "centerId", "product", "status", "day", "count")
    VALUES (${key.campaignId}::uuid, ${key.centerId}::uuid, ${key.product}::"Product",
            ${status}::"EnrollmentStatus", ${key.registeredOn}::date, ${delta})
    ON CONFLICT ("campaignId", "centerId", "product", "status", "day")
    DO UPDATE SET "count" = "EnrollmentDailyCount"."count" + EXCLUDED."count"`)
  if (delta < 0) {
    // A row that reaches zero goes, so the table always equals a GROUP BY of the enrollments.
    await tx.$executeRaw(Prisma.sql`
      DELETE FROM "EnrollmentDailyCount"
       WHERE "campaignId" = ${key.campaignId}::uuid AND "centerId" = ${key.centerId}::uuid
         AND "product" = ${key.product}::"Product" AND "status" = ${status}::"EnrollmentStatus"
         AND "day" = ${key.registeredOn}::date AND "count" <= 0`)
  }
}

/** Moves one enrollment's count from its old status to its new one. */
export async function moveDailyCount(
  tx: Prisma.TransactionClient,
  key: RollupKey,
  from: EnrollmentStatus,
  to: EnrollmentStatus,
): Promise<void> {
  // Always in the same order of statuses, so two moves never wait on each other's rows in a cycle.
  const changes: [EnrollmentStatus, number][] = [
    [from, -1],
    [to, 1],
  ]
  changes.sort(([a], [b]) => a.localeCompare(b))
  for (const [status, delta] of changes) await adjustDailyCount(tx, key, status, delta)
}
