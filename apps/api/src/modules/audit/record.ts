import type { Prisma } from '@tangtoc/db'
import type { Context } from '../../context.ts'

export interface AuditEntry {
  action: string
  entityType: string
  entityId: string
  before?: unknown
  after?: unknown
}

/** Writes the audit event inside the caller's transaction, so a failed change leaves no trace. */
export async function recordAudit(
  tx: Prisma.TransactionClient,
  // A request's context; outside a request (a command) no request ids.
  context: Pick<Context, 'viewer'> & { requestId: string | null; clientRequestId: string | null },
  entry: AuditEntry,
) {
  await tx.auditEvent.create({
    data: {
      actorId: context.viewer?.userId ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: toJson(entry.before),
      after: toJson(entry.after),
      requestId: context.requestId,
      clientRequestId: context.clientRequestId,
    },
  })
}

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  return value === undefined || value === null
    ? undefined
    : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue)
}
