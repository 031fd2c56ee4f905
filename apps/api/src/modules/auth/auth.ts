import { hashPassword, type User, verifyPassword } from '@tangtoc/db'
import { issue } from '@tangtoc/shared'
import { builder } from '../../builder.ts'
import { changesCachedData } from '../../caches.ts'
import type { Context } from '../../context.ts'
import { TooManyAttemptsError, ValidationError, validationErrorFrom } from '../../errors.ts'
import { recordAudit } from '../audit/record.ts'
import { UserNode } from '../users/user.ts'
import { hashSecret, newSecret, secretCookie, sessionCookieName, sessionLifetimeMs } from './credentials.ts'
import { knownDevice, rememberDevice } from './devices.ts'
import { accountKey, succeeded, type ThrottleKey, takeAttempt } from './throttle.ts'
import { viewerFromUser } from './viewer.ts'

// Verified against when the username is unknown, so that every failure costs the same time.
const decoyHash = hashPassword('decoy password that matches nothing')

builder.queryField('me', (t) =>
  t.prismaField({
    type: UserNode,
    nullable: true,
    description: 'The signed-in user, or null.',
    resolve: (query, _root, _args, context) =>
      context.viewer
        ? context.prisma.user.findUnique({ ...query, where: { id: context.viewer.userId } })
        : null,
  }),
)

const LogInInput = builder.inputType('LogInInput', {
  description: 'A username and password.',
  fields: (t) => ({
    username: t.string({ required: true, description: 'The login name.' }),
    password: t.string({ required: true, description: 'The password.' }),
  }),
})

const LogInPayload = builder.objectRef<{ user: User }>('LogInPayload').implement({
  description: 'The session cookie is set on the response.',
  fields: (t) => ({
    user: t.field({
      type: UserNode,
      description: 'The user now signed in.',
      resolve: (payload) => payload.user,
    }),
  }),
})

const invalidCredentials = () => validationErrorFrom([issue('password', 'INVALID_CREDENTIALS')])

// long: the sign-in read top to bottom, in the order its timing and throttling need: throttle, password, session, cookies
builder.mutationField('logIn', (t) =>
  t.field({
    type: LogInPayload,
    description:
      'Signs in with a username and password and sets an HTTP-only session cookie. Failed attempts are throttled per account and per client address; a browser that signed in to the account before keeps its own count. An unknown username, a deactivated account and a wrong password get the same answer in the same time.',
    errors: { types: [ValidationError, TooManyAttemptsError] },
    args: { input: t.arg({ type: LogInInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const now = new Date()
      const username = input.username.trim()
      const user = await context.prisma.user.findUnique({
        where: { username },
        include: { center: { select: { path: true } } },
      })
      const device = await knownDevice(context, user?.id ?? null, now)
      const keys: ThrottleKey[] = device
        ? [{ kind: 'device', id: device.id }]
        : [
            accountKey(username),
            ...(context.client.address ? [{ kind: 'address' as const, id: context.client.address }] : []),
          ]
      const attempt = await takeAttempt(context.prisma, keys, now)
      if (!attempt.allowed) throw new TooManyAttemptsError(attempt.retryAfterSeconds)
      const passwordMatches = await verifyPassword(user?.passwordHash ?? (await decoyHash), input.password)
      if (!user?.active || !passwordMatches) {
        await recordFailedLogIn(context, user, { passwordMatches, device: device !== null })
        throw invalidCredentials()
      }

      const secret = newSecret('tts')
      const expiresAt = new Date(now.getTime() + sessionLifetimeMs)
      const deviceCookie = await context.prisma.$transaction(async (tx) => {
        const session = await tx.loginSession.create({
          data: { tokenHash: hashSecret(secret), userId: user.id, expiresAt, lastSeenAt: now },
        })
        const deviceCookie = await rememberDevice(tx, context, user.id, device, now)
        await succeeded(tx, keys, now)
        // From here on this request is the signed-in user's: the event and the payload are theirs.
        context.viewer = viewerFromUser(user, {
          credential: 'session',
          tokenScope: null,
          loginSessionId: session.id,
        })
        await recordAudit(tx, context, {
          action: 'auth.logIn',
          entityType: 'User',
          entityId: user.id,
          after: {
            loginSessionId: session.id,
            address: context.client.address,
            knownDevice: device !== null,
          },
        })
        return deviceCookie
      })
      const cookieStore = context.request.cookieStore
      await cookieStore?.set(
        secretCookie(context, { name: sessionCookieName, value: secret, expires: expiresAt }),
      )
      if (deviceCookie) await cookieStore?.set(deviceCookie)
      const { center: _, ...signedIn } = user
      return { user: signedIn }
    },
  }),
)

/**
 * A failed sign-in, in the audit log: against the account when the username names one (its history
 * shows it), else against the client address; the username typed is not kept (people type passwords
 * into it).
 */
async function recordFailedLogIn(
  context: Context,
  user: Pick<User, 'id' | 'active'> | null,
  { passwordMatches, device }: { passwordMatches: boolean; device: boolean },
) {
  const reason = !user ? 'UNKNOWN_USERNAME' : !user.active ? 'DEACTIVATED' : 'WRONG_PASSWORD'
  await recordAudit(context.prisma, context, {
    action: 'auth.logInFailed',
    entityType: user ? 'User' : 'ClientAddress',
    entityId: user?.id ?? context.client.address ?? 'unknown',
    after: {
      reason,
      address: context.client.address,
      knownDevice: device,
      ...(reason === 'DEACTIVATED' ? { passwordMatches } : {}),
    },
  })
}

builder.mutationField('logOut', (t) =>
  t.boolean({
    description: 'Ends the console session and clears its cookie. True when a session was ended.',
    resolve: async (_root, _args, context) => {
      changesCachedData(context)
      const loginSessionId = context.viewer?.loginSessionId
      await context.request.cookieStore?.delete(sessionCookieName)
      if (!loginSessionId) return false
      await context.prisma.$transaction(async (tx) => {
        await tx.loginSession.delete({ where: { id: loginSessionId } })
        await recordAudit(tx, context, {
          action: 'auth.logOut',
          entityType: 'User',
          entityId: context.viewer?.userId ?? '',
        })
      })
      return true
    },
  }),
)
