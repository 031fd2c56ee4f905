// What every change of an enrollment shares: finding it where the viewer may act, the version check,
// and telling a duplicate apart from a bug.

import type { Enrollment } from '@tangtoc/db'
import { Prisma } from '@tangtoc/db'
import pg from 'pg'
import type { Context, Viewer } from '../../context.ts'
import { NotFoundError } from '../../errors.ts'
import { idOf } from '../../global-id.ts'
import { assertCanWriteCenter } from '../auth/center-access.ts'
import { readableEnrollmentsWhere } from '../people/visibility.ts'
import { assertVersion, claimVersion } from '../versions.ts'

export type EnrollmentWithCenter = Enrollment & { center: { id: string; path: string } }

/**
 * The enrollment the input names, when the viewer may change it: NotFoundError when it does not exist
 * or is out of the viewer's sight, ForbiddenError when its center is not the viewer's to write,
 * StaleObjectError when the version given is not the stored one.
 */
export async function enrollmentToChange(
  context: Context,
  globalId: string,
  version: number,
): Promise<{ enrollment: EnrollmentWithCenter; viewer: Viewer }> {
  const id = idOf(globalId, 'Enrollment', 'input.id')
  const enrollment = await context.prisma.enrollment.findFirst({
    where: { id, AND: [readableEnrollmentsWhere(context.viewer)] },
    include: { center: { select: { id: true, path: true } } },
  })
  if (!enrollment) throw new NotFoundError('Enrollment', globalId)
  assertCanWriteCenter(context.viewer, enrollment.center)
  assertVersion(enrollment, version)
  return { enrollment, viewer: context.viewer }
}

/** Updates the enrollment as read, if nobody changed it since (claimVersion); StaleObjectError otherwise. */
export async function updateAtVersion(
  tx: Prisma.TransactionClient,
  enrollment: Pick<Enrollment, 'id' | 'version'>,
  data: Prisma.EnrollmentUncheckedUpdateInput,
): Promise<Enrollment> {
  await claimVersion(tx, 'Enrollment', enrollment, enrollment.version)
  return tx.enrollment.update({ where: { id: enrollment.id }, data })
}

/** The model a unique-constraint violation happened on, or null when the error is something else. */
export function uniqueViolationOn(error: unknown): string | null {
  // A prepared statement's (queryPrepared: the registration's write on PostgreSQL) is the driver's own.
  if (error instanceof pg.DatabaseError) return error.code === '23505' ? (error.table ?? 'unknown') : null
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return null
  const meta = (error.meta ?? {}) as {
    modelName?: string
    target?: unknown
    driverAdapterError?: {
      cause?: { kind?: string; table?: string; originalMessage?: string; constraint?: unknown }
    }
  }
  // A raw query's violation (the registration's write) comes as P2010 with the driver's details: the
  // table from adapter-pg, only the constraint from PGlite's adapter (named "<Table>_<columns>_key").
  const cause = meta.driverAdapterError?.cause
  if (error.code === 'P2010') {
    if (cause?.kind !== 'UniqueConstraintViolation') return null
    const constraint = cause.originalMessage?.match(/unique constraint "([A-Za-z]+)_/)?.[1]
    return cause.table ?? constraint ?? modelOfColumns(JSON.stringify(cause.constraint ?? ''))
  }
  if (error.code !== 'P2002') return null
  if (meta.modelName) return meta.modelName
  return modelOfColumns(JSON.stringify(meta.target ?? error.message))
}

/** The model of the two unique indexes registrations can hit, from the columns named. */
function modelOfColumns(columns: string): string {
  return columns.includes('citizenId') ? 'Person' : columns.includes('live') ? 'Enrollment' : 'unknown'
}

/** Interactive transactions that wait for each other under load (PGlite runs one at a time). */
export const transactionOptions = { maxWait: 15_000, timeout: 30_000 } as const
