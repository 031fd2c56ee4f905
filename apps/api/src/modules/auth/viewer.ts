import type { PrismaClient } from '@tangtoc/db'
import type { InstanceCaches } from '../../caches.ts'
import type { Viewer } from '../../context.ts'
import { ForbiddenError, type LocalizedText } from '../../errors.ts'
import type { SecuritySettings } from '../../settings.ts'
import { hashSecret, sessionCookieName } from './credentials.ts'

export const viewerUserSelection = {
  id: true,
  username: true,
  role: true,
  active: true,
  centerId: true,
  center: { select: { path: true } },
} as const

type ViewerUser = {
  id: string
  username: string
  role: Viewer['role']
  centerId: string | null
  center: { path: string } | null
}

export function viewerFromUser(
  user: ViewerUser,
  via: Pick<Viewer, 'credential' | 'tokenScope' | 'loginSessionId'>,
): Viewer {
  return {
    userId: user.id,
    username: user.username,
    role: user.role,
    centerId: user.centerId,
    centerPath: user.center?.path ?? null,
    ...via,
  }
}

/**
 * The viewer of a console session, for what an API token may never do (create tokens, change the
 * password); otherwise ForbiddenError saying `refusal`.
 */
export function sessionViewer(viewer: Viewer | null, refusal: LocalizedText): Viewer {
  if (viewer?.credential !== 'session') throw new ForbiddenError(refusal)
  return viewer
}

/** How stale a session's lastSeenAt may be before a request writes it again. */
const lastSeenPrecisionMs = 60_000

/**
 * The viewer behind a request: a bearer API token wins over the session cookie. Kept per secret for a
 * few seconds (see caches.ts), no longer than the session or token is valid; a token's lastUsedAt is
 * written when it is looked up, so at most every few seconds, a session's lastSeenAt at most once a
 * minute. A session unused for the idle time has ended.
 */
export async function resolveViewer(
  prisma: PrismaClient,
  request: Request,
  caches: InstanceCaches,
  settings: Pick<SecuritySettings, 'sessionIdleMinutes'>,
): Promise<Viewer | null> {
  const bearer = request.headers.get('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1]
  if (bearer) {
    const tokenHash = hashSecret(bearer)
    return caches.through(caches.viewers, prisma, `token:${tokenHash}`, () => tokenViewer(prisma, tokenHash))
  }
  const secret = (await request.cookieStore?.get(sessionCookieName))?.value
  if (!secret) return null
  const tokenHash = hashSecret(secret)
  return caches.through(caches.viewers, prisma, `session:${tokenHash}`, () =>
    sessionViewerOf(prisma, tokenHash, settings.sessionIdleMinutes * 60_000),
  )
}

/** A viewer as the cache keeps it: until the token or session stops being valid. */
type KeptViewer = { value: Viewer; until: number } | null

/** The viewer of a valid API token (its lastUsedAt written now), kept until the token expires. */
async function tokenViewer(prisma: PrismaClient, tokenHash: string): Promise<KeptViewer> {
  const token = await prisma.apiToken.findUnique({
    where: { tokenHash },
    select: {
      id: true,
      scope: true,
      revokedAt: true,
      expiresAt: true,
      user: { select: viewerUserSelection },
    },
  })
  const now = new Date()
  if (!token || token.revokedAt || token.expiresAt <= now || !token.user.active) return null
  await prisma.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } })
  return {
    value: viewerFromUser(token.user, { credential: 'token', tokenScope: token.scope, loginSessionId: null }),
    until: token.expiresAt.getTime(),
  }
}

/**
 * The viewer of a session neither expired nor idle for `idleMs` (its lastSeenAt written at most once a
 * minute), kept until it expires or would turn idle.
 */
async function sessionViewerOf(prisma: PrismaClient, tokenHash: string, idleMs: number): Promise<KeptViewer> {
  const session = await prisma.loginSession.findUnique({
    where: { tokenHash },
    select: { id: true, expiresAt: true, lastSeenAt: true, user: { select: viewerUserSelection } },
  })
  const now = Date.now()
  const ended =
    !session ||
    session.expiresAt.getTime() <= now ||
    session.lastSeenAt.getTime() + idleMs <= now ||
    !session.user.active
  if (ended) return null
  if (now - session.lastSeenAt.getTime() >= lastSeenPrecisionMs) {
    await prisma.loginSession.updateMany({ where: { id: session.id }, data: { lastSeenAt: new Date(now) } })
  }
  return {
    value: viewerFromUser(session.user, {
      credential: 'session',
      tokenScope: null,
      loginSessionId: session.id,
    }),
    until: Math.min(session.expiresAt.getTime(), now + idleMs),
  }
}
