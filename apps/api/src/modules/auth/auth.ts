import { hashPassword, type User, verifyPassword } from '@tangtoc/db'
import { issue } from '@tangtoc/shared'
import { builder } from '../../builder.ts'
import { TooManyAttemptsError, ValidationError, validationErrorFrom } from '../../errors.ts'
import { recordAudit } from '../audit/record.ts'
import { UserNode } from '../users/user.ts'
import { hashSecret, newSecret, sessionCookieName, sessionLifetimeMs } from './credentials.ts'
import { viewerFromUser } from './viewer.ts'

/** Failed logins allowed before each further attempt must wait, doubling from one second. */
const freeFailedLogins = 5
const maxLoginWaitSeconds = 15 * 60
// Verified against when the username is unknown, so both cases take the same time.
const decoyHash = hashPassword('decoy password that matches nothing')

export function loginWaitSeconds(failedLogins: number, lastFailedLoginAt: Date | null, now: Date): number {
  if (failedLogins < freeFailedLogins || !lastFailedLoginAt) return 0
  const wait = Math.min(2 ** (failedLogins - freeFailedLogins), maxLoginWaitSeconds)
  const elapsed = (now.getTime() - lastFailedLoginAt.getTime()) / 1000
  return Math.max(0, Math.ceil(wait - elapsed))
}

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

builder.mutationField('logIn', (t) =>
  t.field({
    type: LogInPayload,
    description: 'Signs in with a username and password and sets an HTTP-only session cookie.',
    errors: { types: [ValidationError, TooManyAttemptsError] },
    args: { input: t.arg({ type: LogInInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const now = new Date()
      const user = await context.prisma.user.findUnique({ where: { username: input.username.trim() } })
      if (!user) {
        await verifyPassword(await decoyHash, input.password)
        throw invalidCredentials()
      }
      const wait = loginWaitSeconds(user.failedLogins, user.lastFailedLoginAt, now)
      if (wait > 0) throw new TooManyAttemptsError(wait)
      if (!user.active || !(await verifyPassword(user.passwordHash, input.password))) {
        await context.prisma.user.update({
          where: { id: user.id },
          data: { failedLogins: { increment: 1 }, lastFailedLoginAt: now },
        })
        throw invalidCredentials()
      }

      const secret = newSecret('tts')
      const expiresAt = new Date(now.getTime() + sessionLifetimeMs)
      const { user: signedIn, session } = await context.prisma.$transaction(async (tx) => {
        const session = await tx.loginSession.create({
          data: { tokenHash: hashSecret(secret), userId: user.id, expiresAt },
        })
        const updated = await tx.user.update({
          where: { id: user.id },
          data: { failedLogins: 0, lastFailedLoginAt: null },
          include: { center: { select: { path: true } } },
        })
        await recordAudit(
          tx,
          { ...context, viewer: null },
          {
            action: 'auth.logIn',
            entityType: 'User',
            entityId: user.id,
            after: { loginSessionId: session.id },
          },
        )
        return { user: updated, session }
      })
      await context.request.cookieStore?.set({
        name: sessionCookieName,
        value: secret,
        expires: expiresAt.getTime(),
        httpOnly: true,
        sameSite: 'strict',
        secure: new URL(context.request.url).protocol === 'https:',
        path: '/',
        domain: null,
      })
      // From here on this request is the signed-in user's, so the payload may show them.
      context.viewer = viewerFromUser(signedIn, {
        credential: 'session',
        tokenScope: null,
        loginSessionId: session.id,
      })
      return { user: signedIn }
    },
  }),
)

builder.mutationField('logOut', (t) =>
  t.boolean({
    description: 'Ends the console session and clears its cookie. True when a session was ended.',
    resolve: async (_root, _args, context) => {
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
