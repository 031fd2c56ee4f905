// Devices a user has signed in from (OWASP's "device cookies"): a successful sign-in leaves a cookie
// naming the browser; signing in again from it is throttled on that device's count alone, so strangers
// guessing the account's password cannot lock its owner out. The cookie travels only to /graphql.
import type { Prisma } from '@tangtoc/db'
import type { Context } from '../../context.ts'
import { hashSecret, newSecret, secretCookie } from './credentials.ts'

export const deviceCookieName = 'tangtoc_device'
const deviceLifetimeMs = 180 * 24 * 60 * 60 * 1000
/** Devices remembered per user; signing in from an eleventh forgets the oldest. */
const devicesPerUser = 10

/** The device the request's cookie names, when it is `userId`'s and still remembered. */
export async function knownDevice(context: Context, userId: string | null, now: Date) {
  const secret = (await context.request.cookieStore?.get(deviceCookieName))?.value
  if (!secret) return null
  const device = await context.prisma.loginDevice.findUnique({
    where: { tokenHash: hashSecret(secret) },
    select: { id: true, userId: true, expiresAt: true },
  })
  return device && device.userId === userId && device.expiresAt > now ? { id: device.id } : null
}

/** Remembers the browser a user just signed in from, unless it was already known; returns the cookie. */
export async function rememberDevice(
  tx: Prisma.TransactionClient,
  context: Context,
  userId: string,
  known: { id: string } | null,
  now: Date,
) {
  if (known) return null
  const secret = newSecret('ttd')
  const expires = new Date(now.getTime() + deviceLifetimeMs)
  await tx.loginDevice.create({ data: { tokenHash: hashSecret(secret), userId, expiresAt: expires } })
  const kept = await tx.loginDevice.findMany({
    where: { userId, expiresAt: { gt: now } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: devicesPerUser,
    select: { id: true },
  })
  await tx.loginDevice.deleteMany({ where: { userId, id: { notIn: kept.map((device) => device.id) } } })
  return secretCookie(context, { name: deviceCookieName, value: secret, expires, path: '/graphql' })
}
