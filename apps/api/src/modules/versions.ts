// Optimistic concurrency, one way for every versioned record (campaigns, centers, outreach sessions,
// users, enrollments): a change names the `version` it read, and is refused with a StaleObjectError
// when the record has changed since, so two people editing one record never overwrite each other
// unseen.
import { Prisma } from '@tangtoc/db'
import type { builder } from '../builder.ts'
import { StaleObjectError } from '../errors.ts'

/** The versioned tables. */
export type VersionedModel = 'Campaign' | 'Center' | 'OutreachSession' | 'User' | 'Enrollment' | 'Lead'

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never

/** The `version` field of every input that changes a versioned record. */
export function versionField(t: PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>) {
  return t.int({
    required: true,
    description:
      'The version you read; if the record has changed since, nothing changes: a StaleObjectError.',
  })
}

/** A StaleObjectError unless `read` is the version the caller says it read. */
export function assertVersion(read: { version: number }, expected: number): void {
  if (read.version !== expected) throw new StaleObjectError(read.version)
}

/**
 * In the change's transaction: bumps the version of the row as the caller read it, which must be the
 * version the client read; a StaleObjectError when either differs from what is stored now. The row
 * stays locked until the commit, so the rest of the transaction works on what was checked.
 */
export async function claimVersion(
  tx: Prisma.TransactionClient,
  model: VersionedModel,
  read: { id: string; version: number },
  expected: number,
): Promise<void> {
  assertVersion(read, expected)
  await claimVersions(tx, model, [read])
}

/**
 * claimVersion for many rows of one table at once (a bulk action's), in one statement: a
 * StaleObjectError for the first that changed since it was read, and then nothing is claimed.
 */
export async function claimVersions(
  tx: Prisma.TransactionClient,
  model: VersionedModel,
  read: readonly { id: string; version: number }[],
): Promise<void> {
  if (read.length === 0) return
  const table = Prisma.raw(`"${model}"`)
  const ids = read.map((row) => row.id)
  const claimed = new Set(
    (
      await tx.$queryRaw<{ id: string }[]>`
        UPDATE ${table} t SET "version" = t."version" + 1, "updatedAt" = ${new Date()}::timestamp
          FROM unnest(${ids}::uuid[], ${read.map((row) => row.version)}::int[]) AS r("id", "version")
         WHERE t."id" = r."id" AND t."version" = r."version"
        RETURNING t."id"::text`
    ).map((row) => row.id),
  )
  const stale = read.find((row) => !claimed.has(row.id))
  if (!stale) return
  const [now] = await tx.$queryRaw<
    { version: number }[]
  >`SELECT "version" FROM ${table} WHERE "id" = ${stale.id}::uuid`
  throw new StaleObjectError(now?.version ?? stale.version)
}

/**
 * For a change to many rows of one table that bumps their versions in its own updates (a bulk
 * payment's, so each row is written once and its triggers run once): locks the rows until the commit,
 * in id order, and throws a StaleObjectError for the first whose stored version is not the one read.
 */
export async function lockVersions(
  tx: Prisma.TransactionClient,
  model: VersionedModel,
  read: readonly { id: string; version: number }[],
): Promise<void> {
  if (read.length === 0) return
  const table = Prisma.raw(`"${model}"`)
  const stored = new Map(
    (
      await tx.$queryRaw<{ id: string; version: number }[]>`
        SELECT "id"::text, "version" FROM ${table}
         WHERE "id" = ANY(${read.map((row) => row.id)}::uuid[]) ORDER BY "id" FOR UPDATE`
    ).map((row) => [row.id, row.version]),
  )
  const stale = read.find((row) => stored.get(row.id) !== row.version)
  if (stale) throw new StaleObjectError(stored.get(stale.id) ?? stale.version)
}
