// API tokens for integrators: `Authorization: Bearer ttk_…`. A token acts as its user, with the user's
// role and center; a READ token changes nothing. Only the secret's SHA-256 is stored, so the secret is
// shown once, in `createApiToken`'s payload. Every token expires (at most API_TOKEN_MAX_DAYS after its
// creation) and a user holds at most API_TOKENS_PER_USER working ones, so a forgotten secret stops
// working and a leaked session cannot mint tokens without end.
import { type ApiToken, ApiTokenScope, type Prisma } from '@tangtoc/db'
import { checkFreeText, issue } from '@tangtoc/shared'
import { builder } from '../../builder.ts'
import { changesCachedData } from '../../caches.ts'
import type { Context, Viewer } from '../../context.ts'
import { LimitExceededError, mutationErrorTypes, NotFoundError, validationErrorFrom } from '../../errors.ts'
import { idOf } from '../../global-id.ts'
import { recordAudit } from '../audit/record.ts'
import { offsetDescription, withOffset } from '../offset.ts'
import { hashSecret, newSecret } from './credentials.ts'
import { sessionViewer } from './viewer.ts'

export const apiTokenSecretPrefix = 'ttk'
/** Characters of the secret kept in clear as `prefix`: "ttk_" and 8 of the random part. */
const shownPrefixLength = apiTokenSecretPrefix.length + 1 + 8
const maxNameLength = 100

export const ApiTokenScopeEnum = builder.enumType(ApiTokenScope, {
  name: 'ApiTokenScope',
  description:
    'What an API token may do: READ only reads; READ_WRITE also changes data, within its user’s rights.',
})

const mayManageToken = (viewer: Viewer | null, token: Pick<ApiToken, 'userId'>) =>
  viewer !== null && (viewer.role === 'ADMIN' || viewer.userId === token.userId)

export const ApiTokenNode = builder.prismaNode('ApiToken', {
  id: { field: 'id' },
  description:
    'A credential for integrations, sent as `Authorization: Bearer <secret>`; it acts as its user.',
  authScopes: (token, context) => mayManageToken(context.viewer, token),
  fields: (t) => ({
    name: t.exposeString('name', { description: 'What the token is for, as its owner named it.' }),
    prefix: t.exposeString('prefix', {
      description: 'The first characters of the secret, to tell tokens apart; the rest is never shown again.',
    }),
    scope: t.expose('scope', { type: ApiTokenScopeEnum, description: 'Read only, or read and write.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the token was created.' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', description: 'When the token stops working.' }),
    lastUsedAt: t.expose('lastUsedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the token was last accepted; null if never used.',
    }),
    revokedAt: t.expose('revokedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the token was revoked (or its user deactivated); null while it works.',
    }),
    user: t.relation('user', { description: 'The user the token acts as.' }),
  }),
})

const ApiTokenFilter = builder.inputType('ApiTokenFilter', {
  description: 'Which API tokens to list.',
  fields: (t) => ({
    user: t.id({
      description: 'Only this user’s tokens (admins; others only see their own).',
    }),
    includeRevoked: t.boolean({
      defaultValue: false,
      description: 'Also list revoked and expired tokens.',
    }),
  }),
})

const workingTokensWhere = (now: Date) => ({ revokedAt: null, expiresAt: { gt: now } })

function apiTokensWhere(viewer: Viewer, filter: typeof ApiTokenFilter.$inferInput | null | undefined) {
  const conditions: Prisma.ApiTokenWhereInput[] = [viewer.role === 'ADMIN' ? {} : { userId: viewer.userId }]
  if (filter?.user) conditions.push({ userId: idOf(filter.user, 'User', 'filter.user') })
  if (!filter?.includeRevoked) {
    conditions.push(workingTokensWhere(new Date()))
  }
  return { AND: conditions }
}

builder.queryField('apiTokens', (t) =>
  t.prismaConnection({
    type: ApiTokenNode,
    cursor: 'id',
    description:
      'API tokens, the newest first: your own, or everyone’s for an admin. Working tokens only by default.',
    authScopes: { signedIn: true },
    args: {
      filter: t.arg({ type: ApiTokenFilter, description: 'Which tokens to list.' }),
      offset: t.arg.int({ description: offsetDescription }),
    },
    totalCount: (_parent, args, context) =>
      context.viewer
        ? context.prisma.apiToken.count({ where: apiTokensWhere(context.viewer, args.filter) })
        : 0,
    resolve: (query, _root, args, context) =>
      context.viewer
        ? context.prisma.apiToken.findMany({
            ...withOffset(query, args),
            where: apiTokensWhere(context.viewer, args.filter),
            orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          })
        : [],
  }),
)

const CreateApiTokenInput = builder.inputType('CreateApiTokenInput', {
  description: 'A new API token for yourself.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'What the token is for, e.g. “Báo cáo tuần”.' }),
    scope: t.field({ type: ApiTokenScopeEnum, required: true, description: 'Read only, or read and write.' }),
    expiresAt: t.field({
      type: 'DateTime',
      description:
        'When the token stops working, at most the longest lifetime allowed (365 days unless the installation says otherwise) from now, which it is when omitted.',
    }),
  }),
})

const CreateApiTokenPayload = builder
  .objectRef<{ apiToken: ApiToken; secret: string }>('CreateApiTokenPayload')
  .implement({
    description: 'The new token and, this once, its secret.',
    fields: (t) => ({
      apiToken: t.field({
        type: ApiTokenNode,
        description: 'The token created.',
        resolve: (payload) => payload.apiToken,
      }),
      secret: t.exposeString('secret', {
        description: 'The secret to send as `Authorization: Bearer <secret>`. Shown only here: store it now.',
      }),
    }),
  })

builder.mutationField('createApiToken', (t) =>
  t.field({
    type: CreateApiTokenPayload,
    description:
      'Creates an API token acting as you, from a console session (a token cannot create tokens). A viewer’s tokens are read-only. LimitExceededError when you hold as many working tokens as allowed (20 unless the installation says otherwise).',
    errors: { types: [...mutationErrorTypes, LimitExceededError] },
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: CreateApiTokenInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const viewer = sessionViewer(context.viewer, {
        vi: 'Chỉ tạo được mã API khi đăng nhập bằng tài khoản, không bằng một mã API khác.',
        en: 'API tokens are created from a signed-in session, not with another token.',
      })
      const now = new Date()
      const expiresAt = checkNewToken(input, viewer, context.settings, now)
      return storeApiToken(context, viewer, { name: input.name.trim(), scope: input.scope, expiresAt }, now)
    },
  }),
)

type NewToken = { name: string; scope: ApiTokenScope; expiresAt?: Date | null | undefined }

/** The new token's expiry (default the latest allowed), once its name, expiry and scope are valid. */
function checkNewToken(
  input: NewToken,
  viewer: Viewer,
  { apiTokenMaxDays }: Context['settings'],
  now: Date,
): Date {
  const name = input.name.trim()
  const latestExpiry = new Date(now.getTime() + apiTokenMaxDays * 24 * 60 * 60 * 1000)
  const issues = [
    ...(name.length === 0 || name.length > maxNameLength
      ? [issue('name', 'INVALID_LENGTH', { field: { phrase: 'API_TOKEN_NAME' }, min: 1, max: maxNameLength })]
      : []),
    ...checkFreeText(input.name, 'name'),
    ...(input.expiresAt && input.expiresAt <= now ? [issue('expiresAt', 'IN_THE_PAST')] : []),
    ...(input.expiresAt && input.expiresAt > latestExpiry
      ? [issue('expiresAt', 'EXPIRY_TOO_FAR', { days: apiTokenMaxDays })]
      : []),
    ...(viewer.role === 'VIEWER' && input.scope !== 'READ' ? [issue('scope', 'SCOPE_NOT_ALLOWED')] : []),
  ]
  if (issues.length > 0) throw validationErrorFrom(issues)
  return input.expiresAt ?? latestExpiry
}

/**
 * The token stored with its audit row, and its secret (shown this once); LimitExceededError when the
 * user already holds as many working tokens as allowed.
 */
async function storeApiToken(
  context: Context,
  viewer: Viewer,
  token: { name: string; scope: ApiTokenScope; expiresAt: Date },
  now: Date,
) {
  const { apiTokensPerUser } = context.settings
  const secret = newSecret(apiTokenSecretPrefix)
  const apiToken = await context.prisma.$transaction(async (tx) => {
    // The user's row, locked: two creations at once count each other's token.
    await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${viewer.userId}::uuid FOR UPDATE`
    const working = await tx.apiToken.count({ where: { userId: viewer.userId, ...workingTokensWhere(now) } })
    if (working >= apiTokensPerUser) {
      throw new LimitExceededError(
        {
          vi: `Mỗi người dùng có tối đa ${apiTokensPerUser} mã API còn hiệu lực. Hãy thu hồi một mã không còn dùng.`,
          en: `A user holds at most ${apiTokensPerUser} working API tokens. Revoke one you no longer use.`,
        },
        apiTokensPerUser,
      )
    }
    const created = await tx.apiToken.create({
      data: {
        ...token,
        prefix: secret.slice(0, shownPrefixLength),
        tokenHash: hashSecret(secret),
        userId: viewer.userId,
      },
    })
    await recordAudit(tx, context, {
      action: 'apiToken.create',
      entityType: 'ApiToken',
      entityId: created.id,
      after: auditedToken(created),
    })
    return created
  })
  return { apiToken, secret }
}

const RevokeApiTokenInput = builder.inputType('RevokeApiTokenInput', {
  description: 'The API token to revoke.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The token’s id.' }),
  }),
})

const RevokeApiTokenPayload = builder.objectRef<{ apiToken: ApiToken }>('RevokeApiTokenPayload').implement({
  description: 'The token, now revoked.',
  fields: (t) => ({
    apiToken: t.field({
      type: ApiTokenNode,
      description: 'The token revoked.',
      resolve: (payload) => payload.apiToken,
    }),
  }),
})

builder.mutationField('revokeApiToken', (t) =>
  t.field({
    type: RevokeApiTokenPayload,
    description:
      'Revokes one of your API tokens (an admin: anyone’s) for good. Revoking a revoked token changes nothing.',
    errors: { types: mutationErrorTypes },
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: RevokeApiTokenInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      changesCachedData(context)
      const token = await context.prisma.apiToken.findUnique({
        where: { id: idOf(input.id, 'ApiToken', 'input.id') },
      })
      // Someone else's token is reported as missing, so ids cannot be probed.
      if (!token || !mayManageToken(context.viewer, token)) throw new NotFoundError('ApiToken', input.id)
      if (token.revokedAt) return { apiToken: token }
      const apiToken = await context.prisma.$transaction(async (tx) => {
        const revoked = await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } })
        await recordAudit(tx, context, {
          action: 'apiToken.revoke',
          entityType: 'ApiToken',
          entityId: token.id,
          before: { revokedAt: null },
          after: { revokedAt: revoked.revokedAt },
        })
        return revoked
      })
      return { apiToken }
    },
  }),
)

/** What the audit keeps of a token: never its hash. */
function auditedToken(token: ApiToken) {
  return {
    name: token.name,
    prefix: token.prefix,
    scope: token.scope,
    userId: token.userId,
    expiresAt: token.expiresAt,
  }
}
