import { Prisma } from '@tangtoc/db'
import type { AuditAction } from '@tangtoc/shared'
import type { Context } from '../../context.ts'
import { newId } from '../../new-id.ts'

/** A request's context; outside a request (a command) no request ids. */
type AuditContext = Pick<Context, 'viewer'> & { requestId: string | null; clientRequestId: string | null }

export interface AuditEntry {
  /** One of the actions the trail records (@tangtoc/shared's `auditActions`). */
  action: AuditAction
  entityType: string
  entityId: string
  before?: unknown
  after?: unknown
  /** Instead of `after`: its index in the statement's `afterRows` (auditInsert). */
  afterRow?: number
}

/** Writes the audit event inside the caller's transaction, so a failed change leaves no trace. */
export function recordAudit(tx: Prisma.TransactionClient, context: AuditContext, entry: AuditEntry) {
  return recordAudits(tx, context, [entry])
}

/**
 * Writes the audit events of a change to many rows in one statement, inside the caller's transaction
 * (auditInsert).
 */
export async function recordAudits(
  tx: Prisma.TransactionClient,
  context: AuditContext,
  entries: readonly AuditEntry[],
) {
  if (entries.length === 0) return
  await tx.$executeRaw(auditInsert(context, entries))
}

/**
 * The insert of a change's audit events, for a statement of the caller's (registration's one statement
 * writes them with the rest), written only while `when` holds: the events travel as one JSON parameter
 * (a thousand rows' createMany bound and compiled several thousand parameters), their ids made here as
 * Prisma makes them (UUIDv7). `afterRows`: a jsonb array the statement holds already (the rows it
 * inserts), whose element an entry's `afterRow` names for its `after`, so those rows travel once. (Not
 * rowsInsert: `afterRow` is no column of AuditEvent, and the request's facts are bound once, not per row.)
 */
export function auditInsert(
  context: AuditContext,
  entries: readonly AuditEntry[],
  when: Prisma.Sql = Prisma.sql`true`,
  afterRows?: Prisma.Sql,
): Prisma.Sql {
  const rows = entries.map(({ action, entityType, entityId, before, after, afterRow }) => ({
    id: newId(),
    action,
    entityType,
    entityId,
    // Null and undefined alike are no value (SQL NULL), as createMany stored them.
    before: before ?? undefined,
    after: after ?? undefined,
    afterRow,
  }))
  const after = afterRows
    ? Prisma.sql`coalesce(r."after", ${afterRows} -> r."afterRow")`
    : Prisma.sql`r."after"`
  return Prisma.sql`
    INSERT INTO "AuditEvent" ("id", "actorId", "action", "entityType", "entityId", "before", "after",
                              "requestId", "clientRequestId", "at")
    SELECT r."id", ${context.viewer?.userId ?? null}::uuid, r."action", r."entityType", r."entityId",
           r."before", ${after}, ${context.requestId}, ${context.clientRequestId}, ${new Date()}::timestamp
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS r("id" uuid, "action" text, "entityType" text, "entityId" text, "before" jsonb, "after" jsonb,
             "afterRow" int)
     WHERE ${when}`
}

/**
 * What an update's audit event keeps: the fields `after` changed, as they were and as they are (a
 * field written with the value it had is no change). A bulk action's thousand events stay small.
 */
export function changedFields(before: object, after: object) {
  const was: Record<string, unknown> = before as Record<string, unknown>
  const is: Record<string, unknown> = after as Record<string, unknown>
  const changed = [...new Set([...Object.keys(was), ...Object.keys(is)])].filter(
    (field) => JSON.stringify(was[field]) !== JSON.stringify(is[field]),
  )
  return {
    before: Object.fromEntries(changed.map((field) => [field, was[field] ?? null])),
    after: Object.fromEntries(changed.map((field) => [field, is[field] ?? null])),
  }
}
