import { encodeGlobalID } from '@pothos/plugin-relay'
import type { Role } from '@tangtoc/db'
import { createCenter, createUser } from '@tangtoc/db/fixtures'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ApiHarness, createApiHarness, type GraphQLResponse } from '../../../test/harness.ts'

let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness()
})
afterAll(() => api.close())

const createToken = `mutation ($input: CreateApiTokenInput!) {
  createApiToken(input: $input) {
    __typename
    ... on CreateApiTokenPayload { secret apiToken { id name prefix scope revokedAt user { username } } }
    ... on ValidationError { fieldErrors { path code } }
  }
}`
const revokeToken = `mutation ($input: RevokeApiTokenInput!) {
  revokeApiToken(input: $input) { __typename ... on RevokeApiTokenPayload { apiToken { revokedAt } } }
}`
const listTokens = `query ($filter: ApiTokenFilter) { apiTokens(first: 100, filter: $filter) { totalCount edges { node { id name user { username } } } } }`

const outcome = (result: GraphQLResponse, field: string) =>
  result.data?.[field]?.__typename ?? result.errors?.[0]?.extensions?.code

async function userOf(role: Role) {
  const user = await createUser(api.prisma, { role, center: await createCenter(api.prisma) })
  return { user, session: await api.signIn(user) }
}

async function tokenOf(user: { id: string }, scope: 'READ' | 'READ_WRITE') {
  const result = await api.graphql(
    createToken,
    { input: { name: `token ${scope}`, scope } },
    await api.signIn(user),
  )
  return {
    token: result.data?.createApiToken.secret as string,
    id: result.data?.createApiToken.apiToken.id as string,
  }
}

type Actor = Role | 'READ token' | 'READ_WRITE token' | 'anonymous'
async function credentialsOf(actor: Actor) {
  if (actor === 'anonymous') return { user: null, credentials: null }
  if (actor === 'READ token' || actor === 'READ_WRITE token') {
    const { user } = await userOf('ADMIN')
    return {
      user,
      credentials: { token: (await tokenOf(user, actor === 'READ token' ? 'READ' : 'READ_WRITE')).token },
    }
  }
  const { user, session } = await userOf(actor)
  return { user, credentials: session }
}

describe('creating an API token', () => {
  it.each([
    ['ADMIN', 'CreateApiTokenPayload'],
    ['CENTER_MANAGER', 'CreateApiTokenPayload'],
    ['AGENT', 'CreateApiTokenPayload'],
    ['VIEWER', 'CreateApiTokenPayload'],
    ['READ token', 'ForbiddenError'],
    ['READ_WRITE token', 'ForbiddenError'],
    ['anonymous', 'ForbiddenError'],
  ] as const)('%s creating a READ token gets %s', async (actor, expected) => {
    const { credentials } = await credentialsOf(actor)
    const result = await api.graphql(createToken, { input: { name: 'Báo cáo', scope: 'READ' } }, credentials)
    expect(outcome(result, 'createApiToken')).toBe(expected)
  })

  it('shows the secret once, stores only its hash and a short prefix, and the secret works as a bearer token', async () => {
    const { user, session } = await userOf('AGENT')
    const result = await api.graphql(
      createToken,
      { input: { name: ' Báo cáo tuần ', scope: 'READ' } },
      session,
    )
    const { secret, apiToken } = result.data?.createApiToken ?? {}
    expect(secret).toMatch(/^ttk_[\w-]{43}$/)
    expect(apiToken).toMatchObject({
      name: 'Báo cáo tuần',
      prefix: secret.slice(0, 12),
      scope: 'READ',
      revokedAt: null,
    })

    const stored = await api.prisma.apiToken.findFirstOrThrow({ where: { userId: user.id } })
    expect(JSON.stringify(stored)).not.toContain(secret)
    const audit = await api.prisma.auditEvent.findFirstOrThrow({ where: { entityId: stored.id } })
    expect(JSON.stringify(audit)).not.toContain(secret)
    expect(JSON.stringify(audit)).not.toContain(stored.tokenHash)

    const me = await api.graphql('{ me { username role } }', {}, { token: secret })
    expect(me.data?.me).toEqual({ username: user.username, role: 'AGENT' })
    const used = await api.prisma.apiToken.findUniqueOrThrow({ where: { id: stored.id } })
    expect(used.lastUsedAt).not.toBeNull()
  })

  it('a viewer cannot create a read-write token; an expiry in the past is refused', async () => {
    const { session } = await userOf('VIEWER')
    const result = await api.graphql(
      createToken,
      { input: { name: 'x', scope: 'READ_WRITE', expiresAt: '2020-01-01T00:00:00Z' } },
      session,
    )
    expect(
      result.data?.createApiToken.fieldErrors.map((issue: { code: string }) => issue.code).sort(),
    ).toEqual(['IN_THE_PAST', 'SCOPE_NOT_ALLOWED'])
  })

  it('an expired token is refused', async () => {
    const { user } = await userOf('AGENT')
    const { token, id } = await tokenOf(user, 'READ')
    const [, rawId] = Buffer.from(id, 'base64').toString().split(':')
    await api.prisma.apiToken.update({
      where: { id: rawId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    })
    expect((await api.graphql('{ me { username } }', {}, { token })).data?.me).toBeNull()
  })
})

describe('listing API tokens', () => {
  it.each([
    ['ADMIN', 'all'],
    ['CENTER_MANAGER', 'own'],
    ['AGENT', 'own'],
    ['VIEWER', 'own'],
    ['READ token', 'all'],
    ['anonymous', 'FORBIDDEN'],
  ] as const)('%s sees %s tokens', async (actor, expected) => {
    const other = await createUser(api.prisma, { role: 'AGENT' })
    const othersToken = await tokenOf(other, 'READ')
    const { user, credentials } = await credentialsOf(actor)
    if (user) await tokenOf(user, 'READ')
    const result = await api.graphql(listTokens, {}, credentials)
    if (expected === 'FORBIDDEN') {
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
      return
    }
    const ids = result.data?.apiTokens.edges.map((edge: { node: { id: string } }) => edge.node.id)
    const owners = new Set(
      result.data?.apiTokens.edges.map(
        (edge: { node: { user: { username: string } } }) => edge.node.user.username,
      ),
    )
    expect(ids.includes(othersToken.id)).toBe(expected === 'all')
    if (expected === 'own') expect([...owners]).toEqual([user?.username])
  })

  it('another user’s token cannot be read through node(id:)', async () => {
    const owner = await createUser(api.prisma, { role: 'AGENT' })
    const { id } = await tokenOf(owner, 'READ')
    const { session } = await userOf('CENTER_MANAGER')
    const result = await api.graphql(
      'query ($id: ID!) { node(id: $id) { ... on ApiToken { name } } }',
      { id },
      session,
    )
    expect(result.data?.node ?? null).toBeNull()
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
  })
})

describe('revoking an API token', () => {
  it.each([
    ['ADMIN', 'RevokeApiTokenPayload'],
    ['CENTER_MANAGER', 'NotFoundError'],
    ['AGENT', 'NotFoundError'],
    ['VIEWER', 'NotFoundError'],
    ['READ token', 'ForbiddenError'],
    ['anonymous', 'ForbiddenError'],
  ] as const)('%s revoking someone else’s token gets %s', async (actor, expected) => {
    const owner = await createUser(api.prisma, { role: 'AGENT' })
    const { id } = await tokenOf(owner, 'READ_WRITE')
    const { credentials } = await credentialsOf(actor)
    const result = await api.graphql(revokeToken, { input: { id } }, credentials)
    expect(outcome(result, 'revokeApiToken')).toBe(expected)
  })

  it.each(['CENTER_MANAGER', 'AGENT', 'VIEWER'] as const)(
    'a %s revokes its own token, which is then refused',
    async (role) => {
      const { user, session } = await userOf(role)
      const { token, id } = await tokenOf(user, 'READ')
      expect((await api.graphql('{ me { username } }', {}, { token })).data?.me).toEqual({
        username: user.username,
      })
      const result = await api.graphql(revokeToken, { input: { id } }, session)
      expect(result.data?.revokeApiToken.apiToken.revokedAt).not.toBeNull()
      expect((await api.graphql('{ me { username } }', {}, { token })).data?.me).toBeNull()
      expect((await api.graphql(listTokens, {}, session)).data?.apiTokens.totalCount).toBe(0)
      const all = await api.graphql(listTokens, { filter: { includeRevoked: true } }, session)
      expect(all.data?.apiTokens.totalCount).toBe(1)
    },
  )
})

describe('what a token may do', () => {
  it('a token acts as its user, with the user’s role and center', async () => {
    const center = await createCenter(api.prisma)
    const manager = await createUser(api.prisma, { role: 'CENTER_MANAGER', center })
    const { token } = await tokenOf(manager, 'READ')
    const result = await api.graphql(
      '{ me { role center { id } } users(first: 1) { totalCount } }',
      {},
      { token },
    )
    expect(result.data?.me).toEqual({
      role: 'CENTER_MANAGER',
      center: { id: encodeGlobalID('Center', center.id) },
    })
    expect(result.data?.users.totalCount).toBe(1)
  })

  it('a READ token cannot log out, log in or change anything, even when its user is an admin', async () => {
    const admin = await createUser(api.prisma, { role: 'ADMIN' })
    const { token } = await tokenOf(admin, 'READ')
    const logOut = await api.graphql('mutation { logOut }', {}, { token })
    expect(logOut.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    const logIn = await api.graphql(
      'mutation ($input: LogInInput!) { logIn(input: $input) { __typename } }',
      { input: { username: admin.username, password: admin.password } },
      { token },
    )
    expect(outcome(logIn, 'logIn')).toBe('FORBIDDEN')
  })
})

describe('logging out', () => {
  it('ends the session and clears the cookie', async () => {
    const { user, session } = await userOf('AGENT')
    const response = await api.fetchGraphQL({ query: 'mutation { logOut }' }, session)
    expect(((await response.json()) as { data: { logOut: boolean } }).data.logOut).toBe(true)
    expect(response.headers.get('set-cookie')).toMatch(
      /tangtoc_session=;.*(Expires=Thu, 01 Jan 1970|Max-Age=0)/i,
    )
    expect((await api.graphql('{ me { username } }', {}, session)).data?.me).toBeNull()
    expect(await api.prisma.loginSession.count({ where: { userId: user.id } })).toBe(0)
  })
})
