// Managing users is an admin's job; anyone signed in changes their own password. Password hashes never
// reach the audit trail: only the fact that a password changed.
import { hashPassword, Prisma, type User, verifyPassword } from '@tangtoc/db'
import {
  checkDisplayName,
  checkFreeText,
  checkPassword,
  checkUsername,
  type Issue,
  issue,
  minPasswordLength,
  normalizeText,
} from '@tangtoc/shared'
import { builder } from '../../builder.ts'
import { changesCachedData } from '../../caches.ts'
import type { Context } from '../../context.ts'
import {
  ConflictError,
  mutationErrorTypes,
  NotFoundError,
  TooManyAttemptsError,
  validationErrorFrom,
} from '../../errors.ts'
import { idOf, optionalIdOf } from '../../global-id.ts'
import { recordAudit } from '../audit/record.ts'
import { forgetAccountFailures, succeeded, type ThrottleKey, takeAttempt } from '../auth/throttle.ts'
import { sessionViewer } from '../auth/viewer.ts'
import { assertVersion, claimVersion, versionField } from '../versions.ts'
import { RoleEnum, UserNode } from './user.ts'

/** Roles whose rights are scoped to a center, which they therefore must have. */
const centeredRoles = new Set(['CENTER_MANAGER', 'AGENT'])

function centerIssues(role: string, centerId: string | null): Issue[] {
  return !centeredRoles.has(role) || centerId ? [] : [issue('center', 'CENTER_REQUIRED')]
}

async function findCenter(context: Context, id: string | null | undefined) {
  if (!id) return null
  const center = await context.prisma.center.findUnique({ where: { id }, select: { id: true } })
  if (!center) throw new NotFoundError('Center', id)
  return center
}

async function findUser(context: Context, id: string): Promise<User> {
  const user = await context.prisma.user.findUnique({ where: { id } })
  if (!user) throw new NotFoundError('User', id)
  return user
}

/** What the audit keeps of a user: never the password hash. */
function auditedUser(user: Pick<User, 'username' | 'displayName' | 'role' | 'centerId' | 'active'>) {
  return {
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    centerId: user.centerId,
    active: user.active,
  }
}

/**
 * Ends every console session of the user (but `keep`) and revokes its API tokens when asked; forgets
 * the devices it signed in from when its sessions all end.
 */
async function endSessions(
  tx: Prisma.TransactionClient,
  userId: string,
  options: { keep?: string | null; revokeTokens?: boolean },
) {
  const sessions = await tx.loginSession.deleteMany({
    where: { userId, ...(options.keep ? { id: { not: options.keep } } : {}) },
  })
  if (!options.keep) await tx.loginDevice.deleteMany({ where: { userId } })
  const tokens = options.revokeTokens
    ? await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } })
    : { count: 0 }
  return { sessionsEnded: sessions.count, tokensRevoked: tokens.count }
}

const UserPayload = builder.objectRef<{ user: User }>('UserPayload').implement({
  description: 'The user as the mutation left it.',
  fields: (t) => ({
    user: t.field({ type: UserNode, description: 'The user.', resolve: (payload) => payload.user }),
  }),
})

// ─── createUser ──────────────────────────────────────────────────────────────

const CreateUserInput = builder.inputType('CreateUserInput', {
  description: 'A new user and their first password.',
  fields: (t) => ({
    username: t.string({
      required: true,
      description: 'The login name: 3 to 50 lower-case letters, digits, dots, dashes or underscores.',
    }),
    displayName: t.string({ required: true, description: 'The name shown to others.' }),
    role: t.field({ type: RoleEnum, required: true, description: 'What the user may do.' }),
    center: t.id({
      description: 'The center the user’s rights are scoped to; required for a center manager or an agent.',
    }),
    password: t.string({
      required: true,
      description: `The first password, at least ${minPasswordLength} characters; the user should change it.`,
    }),
  }),
})

builder.mutationField('createUser', (t) =>
  t.field({
    type: UserPayload,
    description: 'Creates a user (admins).',
    errors: { types: mutationErrorTypes },
    authScopes: { admin: true },
    args: { input: t.arg({ type: CreateUserInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const username = input.username.trim()
      const displayName = normalizeText(input.displayName)
      const centerId = optionalIdOf(input.center, 'Center', 'input.center') ?? null
      const issues = [
        ...checkUsername(username),
        ...checkDisplayName(displayName),
        ...checkFreeText(input.displayName, 'displayName'),
        ...centerIssues(input.role, centerId),
        ...checkPassword(input.password),
      ]
      if (issues.length > 0) throw validationErrorFrom(issues)
      await findCenter(context, centerId)
      const taken = await context.prisma.user.findUnique({ where: { username }, select: { id: true } })
      if (taken) throw usernameTaken(username, taken.id)

      const passwordHash = await hashPassword(input.password)
      try {
        const user = await context.prisma.$transaction(async (tx) => {
          const created = await tx.user.create({
            data: { username, displayName, role: input.role, centerId, passwordHash },
          })
          await recordAudit(tx, context, {
            action: 'user.create',
            entityType: 'User',
            entityId: created.id,
            after: auditedUser(created),
          })
          return created
        })
        return { user }
      } catch (error) {
        // Two admins creating the same username at once: the unique index decides.
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
          const existing = await context.prisma.user.findUnique({ where: { username }, select: { id: true } })
          throw usernameTaken(username, existing?.id ?? null)
        }
        throw error
      }
    },
  }),
)

function usernameTaken(username: string, existingId: string | null) {
  return new ConflictError(
    { vi: `Tên đăng nhập “${username}” đã có người dùng.`, en: `The username “${username}” is taken.` },
    existingId ? { typename: 'User', id: existingId } : null,
  )
}

// ─── updateUser ──────────────────────────────────────────────────────────────

const UpdateUserInput = builder.inputType('UpdateUserInput', {
  description: 'Changes to a user; fields left out stay as they are.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The user.' }),
    version: versionField(t),
    displayName: t.string({ description: 'The name shown to others.' }),
    role: t.field({ type: RoleEnum, description: 'What the user may do.' }),
    center: t.id({
      description: 'The center the user’s rights are scoped to; null removes it (admins and viewers only).',
    }),
  }),
})

builder.mutationField('updateUser', (t) =>
  t.field({
    type: UserPayload,
    description:
      'Changes a user’s display name, role or center (admins). An admin cannot change their own role.',
    errors: { types: mutationErrorTypes },
    authScopes: { admin: true },
    args: { input: t.arg({ type: UpdateUserInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      changesCachedData(context)
      const current = await findUser(context, idOf(input.id, 'User', 'input.id'))
      const displayName = input.displayName == null ? current.displayName : normalizeText(input.displayName)
      const role = input.role ?? current.role
      const centerId =
        input.center === undefined
          ? current.centerId
          : (optionalIdOf(input.center, 'Center', 'input.center') ?? null)
      const issues = [
        ...(input.displayName == null ? [] : checkDisplayName(displayName)),
        ...checkFreeText(input.displayName, 'displayName'),
        ...centerIssues(role, centerId),
        ...(current.id === context.viewer?.userId && role !== current.role
          ? [issue('role', 'OWN_ROLE')]
          : []),
      ]
      if (issues.length > 0) throw validationErrorFrom(issues)
      if (centerId !== current.centerId) await findCenter(context, centerId)

      const user = await context.prisma.$transaction(async (tx) => {
        await claimVersion(tx, 'User', current, input.version)
        const updated = await tx.user.update({
          where: { id: current.id },
          data: { displayName, role, centerId },
        })
        await recordAudit(tx, context, {
          action: 'user.update',
          entityType: 'User',
          entityId: current.id,
          ...changed(auditedUser(current), auditedUser(updated)),
        })
        return updated
      })
      return { user }
    },
  }),
)

/** The fields that differ, before and after. */
function changed<T extends Record<string, unknown>>(before: T, after: T) {
  const keys = Object.keys(after).filter((key) => before[key] !== after[key])
  return {
    before: Object.fromEntries(keys.map((key) => [key, before[key]])),
    after: Object.fromEntries(keys.map((key) => [key, after[key]])),
  }
}

// ─── deactivateUser ──────────────────────────────────────────────────────────

const DeactivateUserInput = builder.inputType('DeactivateUserInput', {
  description: 'The user to deactivate.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The user.' }),
    version: versionField(t),
  }),
})

builder.mutationField('deactivateUser', (t) =>
  t.field({
    type: UserPayload,
    description:
      'Deactivates a user (admins): they can no longer sign in, their console sessions end and their API tokens are revoked. An admin cannot deactivate themself.',
    errors: { types: mutationErrorTypes },
    authScopes: { admin: true },
    args: { input: t.arg({ type: DeactivateUserInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      changesCachedData(context)
      const current = await findUser(context, idOf(input.id, 'User', 'input.id'))
      if (current.id === context.viewer?.userId) {
        throw validationErrorFrom([issue('id', 'OWN_ACCOUNT')])
      }
      const user = await context.prisma.$transaction(async (tx) => {
        await claimVersion(tx, 'User', current, input.version)
        const updated = await tx.user.update({ where: { id: current.id }, data: { active: false } })
        const ended = await endSessions(tx, current.id, { revokeTokens: true })
        await recordAudit(tx, context, {
          action: 'user.deactivate',
          entityType: 'User',
          entityId: current.id,
          before: { active: current.active },
          after: { active: false, ...ended },
        })
        return updated
      })
      return { user }
    },
  }),
)

// ─── resetUserPassword ───────────────────────────────────────────────────────

const ResetUserPasswordInput = builder.inputType('ResetUserPasswordInput', {
  description: 'A new password for a user who lost theirs.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The user.' }),
    version: versionField(t),
    newPassword: t.string({
      required: true,
      description: `The new password, at least ${minPasswordLength} characters; tell it to the user privately.`,
    }),
    keepApiTokens: t.boolean({
      defaultValue: false,
      description:
        'Keep the user’s API tokens working (when only the password was lost, not stolen). By default they are revoked with the sessions.',
    }),
  }),
})

builder.mutationField('resetUserPassword', (t) =>
  t.field({
    type: UserPayload,
    description:
      'Sets a new password for a user (admins), ends their console sessions, forgets the devices they signed in from, lifts any login wait and revokes their API tokens (unless `keepApiTokens`).',
    errors: { types: mutationErrorTypes },
    authScopes: { admin: true },
    args: { input: t.arg({ type: ResetUserPasswordInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      changesCachedData(context)
      const issues = checkPassword(input.newPassword, 'newPassword')
      if (issues.length > 0) throw validationErrorFrom(issues)
      const current = await findUser(context, idOf(input.id, 'User', 'input.id'))
      assertVersion(current, input.version)
      const passwordHash = await hashPassword(input.newPassword)
      const user = await context.prisma.$transaction(async (tx) => {
        await claimVersion(tx, 'User', current, input.version)
        const updated = await tx.user.update({
          where: { id: current.id },
          data: { passwordHash },
        })
        await forgetAccountFailures(tx, current.username)
        // The admin resetting their own password keeps the session they do it from.
        const keep = current.id === context.viewer?.userId ? context.viewer.loginSessionId : null
        const ended = await endSessions(tx, current.id, { keep, revokeTokens: !input.keepApiTokens })
        await recordAudit(tx, context, {
          action: 'user.resetPassword',
          entityType: 'User',
          entityId: current.id,
          after: { passwordChanged: true, ...ended },
        })
        return updated
      })
      return { user }
    },
  }),
)

// ─── changeMyPassword ────────────────────────────────────────────────────────

const ChangeMyPasswordInput = builder.inputType('ChangeMyPasswordInput', {
  description: 'Your current password and the new one.',
  fields: (t) => ({
    currentPassword: t.string({ required: true, description: 'The password you signed in with.' }),
    newPassword: t.string({
      required: true,
      description: `The new password, at least ${minPasswordLength} characters.`,
    }),
  }),
})

builder.mutationField('changeMyPassword', (t) =>
  t.field({
    type: UserPayload,
    description:
      'Changes your own password, from a console session (not with an API token). Your other console sessions end; this one goes on.',
    errors: { types: [...mutationErrorTypes, TooManyAttemptsError] },
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: ChangeMyPasswordInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      changesCachedData(context)
      const viewer = sessionViewer(context.viewer, {
        vi: 'Chỉ đổi được mật khẩu khi đăng nhập bằng tài khoản, không bằng mã API.',
        en: 'Passwords are changed from a signed-in session, not with an API token.',
      })
      const current = await findUser(context, viewer.userId)
      // Counted per session, so a console left open cannot be used to guess the password.
      const keys: ThrottleKey[] = [{ kind: 'session', id: viewer.loginSessionId ?? viewer.userId }]
      const attempt = await takeAttempt(context.prisma, keys)
      if (!attempt.allowed) throw new TooManyAttemptsError(attempt.retryAfterSeconds)
      if (!(await verifyPassword(current.passwordHash, input.currentPassword))) {
        throw validationErrorFrom([issue('currentPassword', 'INVALID_CREDENTIALS', {}, 'currentPassword')])
      }
      await succeeded(context.prisma, keys)
      const issues = [
        ...checkPassword(input.newPassword, 'newPassword'),
        ...(input.newPassword === input.currentPassword ? [issue('newPassword', 'PASSWORD_UNCHANGED')] : []),
      ]
      if (issues.length > 0) throw validationErrorFrom(issues)
      const passwordHash = await hashPassword(input.newPassword)
      const user = await context.prisma.$transaction(async (tx) => {
        const updated = await tx.user.update({
          where: { id: current.id },
          data: { passwordHash, version: { increment: 1 } },
        })
        const ended = await endSessions(tx, current.id, { keep: viewer.loginSessionId })
        await recordAudit(tx, context, {
          action: 'user.changePassword',
          entityType: 'User',
          entityId: current.id,
          after: { passwordChanged: true, ...ended },
        })
        return updated
      })
      return { user }
    },
  }),
)
