// A registration whose person is on file with another name, birth date or sex is refused with one
// neutral answer that says nothing of what is stored. Each is recorded in the audit log under the user
// who tried, and counts: after `limit` within `window`, the user may register no one on file (a right
// guess included, or the refusal itself would confirm it) until the oldest of them is an hour old.
// The count and its record are one step under a lock per user, so parallel guesses get no more.
import { type AuditAction, issue } from '@tangtoc/shared'
import type { Context } from '../../context.ts'
import { TooManyAttemptsError, type ValidationError, validationErrorFrom } from '../../errors.ts'
import { newId } from '../../new-id.ts'

export const identityMismatches = {
  limit: 5,
  windowMs: 60 * 60 * 1000,
  /** The audit actions: a mismatch answered (counted), and a registration refused by the throttle. */
  mismatch: 'registration.mismatch',
  throttled: 'registration.throttled',
} as const

/**
 * A registration's person whose citizen ID is on file with another name, birth date or sex: a typo, or
 * someone guessing. `fields` says which, for the audit log only.
 */
export class IdentityMismatch extends Error {
  constructor(
    readonly on: {
      /** Where the person is in the input, e.g. "person" or "householdMembers.1.person". */
      path: string
      personId: string
      /** The registering center. */
      centerId: string
      fields: string[]
    },
  ) {
    super('the identity given differs from the record on file')
  }
}

/** A throttled user's registration of a person on file, right guess or not. */
export class OnFileWhileThrottled extends Error {
  constructor(readonly on: { personId: string; centerId: string; recent: RecentMismatches }) {
    super('a throttled user registers a person on file')
  }
}

/** The user's recent mismatches, as the registration read them with its other references. */
export interface RecentMismatches {
  count: number
  oldest: Date | null
}

/** Whether the user's recent mismatches hold registrations of people on file. */
export function isThrottled(recent: RecentMismatches): boolean {
  return recent.count >= identityMismatches.limit
}

function retryAfterSeconds(oldest: Date | null, now: number): number {
  const until = (oldest?.getTime() ?? now) + identityMismatches.windowMs
  return Math.max(1, Math.ceil((until - now) / 1000))
}

function throttledError(oldest: Date | null): TooManyAttemptsError {
  return new TooManyAttemptsError(retryAfterSeconds(oldest, Date.now()), {
    vi: 'Đã khai sai thông tin nhân thân của người đã có hồ sơ quá nhiều lần.',
    en: 'Too many registrations whose identity details did not match the record on file.',
  })
}

/** The neutral answer to a mismatch: the same whatever differs, placed at the citizen ID. */
function neutralAnswer(mismatch: IdentityMismatch): ValidationError {
  return validationErrorFrom([issue(`${mismatch.on.path}.citizenId`, 'PERSON_IDENTITY_MISMATCH')])
}

async function record(
  context: Context,
  db: Pick<Context['prisma'], 'auditEvent'>,
  action: AuditAction,
  personId: string,
  after: { centerId: string; fields?: string[] },
) {
  await db.auditEvent.create({
    data: {
      id: newId(),
      actorId: context.viewer?.userId ?? null,
      action,
      entityType: 'Person',
      entityId: personId,
      after,
      requestId: context.requestId,
      at: new Date(),
    },
  })
}

/**
 * Records the mismatch and returns the error to answer it with: the neutral ValidationError while the
 * user is under the limit, a TooManyAttemptsError from then on.
 */
async function answerMismatch(context: Context, mismatch: IdentityMismatch) {
  const userId = context.viewer?.userId ?? ''
  const { personId, centerId, fields } = mismatch.on
  return context.prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(7242002, hashtext(${userId}))`
    const recent = await tx.auditEvent.findMany({
      where: {
        actorId: userId,
        action: identityMismatches.mismatch,
        at: { gt: new Date(Date.now() - identityMismatches.windowMs) },
      },
      orderBy: { at: 'asc' },
      select: { at: true },
    })
    if (isThrottled({ count: recent.length, oldest: null })) {
      await record(context, tx, identityMismatches.throttled, personId, { centerId, fields })
      return throttledError(recent[0]?.at ?? null)
    }
    await record(context, tx, identityMismatches.mismatch, personId, { centerId, fields })
    return neutralAnswer(mismatch)
  })
}

/**
 * The error to answer a registration refused because of a person on file with: a mismatch neutrally
 * (or, past the limit, as too many attempts), a throttled user's registration as too many attempts,
 * each recorded; any other error is itself.
 */
export async function refusalOnFile(context: Context, error: unknown): Promise<unknown> {
  if (error instanceof IdentityMismatch) return answerMismatch(context, error)
  if (!(error instanceof OnFileWhileThrottled)) return error
  const { personId, centerId, recent } = error.on
  await record(context, context.prisma, identityMismatches.throttled, personId, { centerId })
  return throttledError(recent.oldest)
}
