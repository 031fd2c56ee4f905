import type { Prisma } from '@tangtoc/db'
import type { Context } from '../../context.ts'

/** A request's context; outside a request (a command) no request ids. */
type AuditContext = Pick<Context, 'viewer'> & { requestId: string | null; clientRequestId: string | null }

export interface AuditEntry {
  action: string
  entityType: string
  entityId: string
  before?: unknown
  after?: unknown
}

/** Writes the audit event inside the caller's transaction, so a failed change leaves no trace. */
export function recordAudit(tx: Prisma.TransactionClient, context: AuditContext, entry: AuditEntry) {
  return recordAudits(tx, context, [entry])
}

/** Writes the audit events of a change to many rows in one statement, inside the caller's transaction. */
export async function recordAudits(
  tx: Prisma.TransactionClient,
  context: AuditContext,
  entries: readonly AuditEntry[],
) {
  if (entries.length === 0) return
  await tx.auditEvent.createMany({
    data: entries.map((entry) => ({
      actorId: context.viewer?.userId ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: toJson(entry.before),
      after: toJson(entry.after),
      requestId: context.requestId,
      clientRequestId: context.clientRequestId,
    })),
  })
}

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  return value === undefined || value === null
    ? undefined
    : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue)
}
