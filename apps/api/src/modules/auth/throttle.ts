// Sign-in throttling, after OWASP's authentication cheat sheet: failed attempts are counted per account
// (by the username typed, so an unknown name is throttled exactly like a real one), per client address
// (guessing one password across many accounts) and per device its owner signed in from (OWASP's device
// cookies: the owner signs in from there whatever strangers do to the account). An attempt takes a count
// on each of its keys under the rows' locks before the password is checked, so parallel attempts cannot
// all pass the check one count allows; a success gives the counts back.
import type { Prisma, PrismaClient } from '@tangtoc/db'

type Db = PrismaClient | Prisma.TransactionClient

export type ThrottleKind = 'account' | 'address' | 'device' | 'session'

export interface ThrottleRule {
  /** Failures allowed before each further attempt must wait, doubling from one second. */
  free: number
  /** Failures are forgotten after this long without another. */
  forgetAfterMs: number
}

const hour = 60 * 60 * 1000
export const throttleRules: Record<ThrottleKind, ThrottleRule> = {
  account: { free: 5, forgetAfterMs: 24 * hour },
  // One office's staff share an address behind its router: more room, forgotten sooner.
  address: { free: 20, forgetAfterMs: hour },
  device: { free: 5, forgetAfterMs: 24 * hour },
  // Guessing the current password to change it, from a session left open.
  session: { free: 5, forgetAfterMs: 24 * hour },
}
export const maxWaitSeconds = 15 * 60

export interface ThrottleKey {
  kind: ThrottleKind
  id: string
}

const keyText = (key: ThrottleKey) => `${key.kind}:${key.id}`

/** Seconds to wait before the next attempt, after `failures`, the last at `lastFailureAt`. */
export function waitSeconds(rule: ThrottleRule, failures: number, lastFailureAt: Date, now: Date): number {
  const elapsedMs = now.getTime() - lastFailureAt.getTime()
  if (failures < rule.free || elapsedMs >= rule.forgetAfterMs) return 0
  const wait = Math.min(2 ** (failures - rule.free), maxWaitSeconds)
  return Math.max(0, Math.ceil(wait - elapsedMs / 1000))
}

/**
 * Counts one attempt on every key, or on none when one of them must wait (then the longest wait).
 * Rows are locked in one order, so two attempts sharing keys cannot deadlock.
 */
export async function takeAttempt(
  prisma: PrismaClient,
  keys: readonly ThrottleKey[],
  now = new Date(),
): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
  const sorted = [...keys].sort((a, b) => keyText(a).localeCompare(keyText(b)))
  return prisma.$transaction(async (tx) => {
    const counted: { key: ThrottleKey; failures: number }[] = []
    let retryAfterSeconds = 0
    for (const key of sorted) {
      const text = keyText(key)
      await tx.$executeRaw`INSERT INTO "LoginThrottle" ("key", "failures", "lastFailureAt")
        VALUES (${text}, 0, ${now}) ON CONFLICT ("key") DO NOTHING`
      const [row] = await tx.$queryRaw<{ failures: number; lastFailureAt: Date }[]>`
        SELECT "failures", "lastFailureAt" FROM "LoginThrottle" WHERE "key" = ${text} FOR UPDATE`
      if (!row) throw new Error(`LoginThrottle ${text} vanished under its lock`)
      const rule = throttleRules[key.kind]
      retryAfterSeconds = Math.max(retryAfterSeconds, waitSeconds(rule, row.failures, row.lastFailureAt, now))
      const forgotten = now.getTime() - row.lastFailureAt.getTime() >= rule.forgetAfterMs
      counted.push({ key, failures: forgotten ? 0 : row.failures })
    }
    if (retryAfterSeconds > 0) return { allowed: false, retryAfterSeconds }
    for (const { key, failures } of counted) {
      await tx.loginThrottle.update({
        where: { key: keyText(key) },
        data: { failures: failures + 1, lastFailureAt: now },
      })
    }
    return { allowed: true }
  })
}

/**
 * After a success: the account's, device's and session's counts start again; the address keeps its
 * other failures (another account's success there proves nothing), less this attempt's count.
 */
export async function succeeded(db: Db, keys: readonly ThrottleKey[], now = new Date()) {
  const forgotten = keys.filter((key) => key.kind !== 'address').map(keyText)
  if (forgotten.length > 0) await db.loginThrottle.deleteMany({ where: { key: { in: forgotten } } })
  for (const key of keys.filter((each) => each.kind === 'address')) {
    await db.loginThrottle.updateMany({
      where: { key: keyText(key), failures: { gt: 0 } },
      data: { failures: { decrement: 1 } },
    })
  }
  const longestMemory = Math.max(...Object.values(throttleRules).map((rule) => rule.forgetAfterMs))
  await db.loginThrottle.deleteMany({
    where: { lastFailureAt: { lt: new Date(now.getTime() - longestMemory) } },
  })
}

/** Forgets an account's failures (an admin set a new password). */
export async function forgetAccountFailures(db: Db, username: string) {
  await db.loginThrottle.deleteMany({ where: { key: keyText(accountKey(username)) } })
}

export const accountKey = (username: string): ThrottleKey => ({
  kind: 'account',
  id: username.trim().toLowerCase(),
})
