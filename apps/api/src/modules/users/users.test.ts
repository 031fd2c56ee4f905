import { encodeGlobalID } from '@pothos/plugin-relay'
import type { Role } from '@tangtoc/db'
import { createCenter, createUser } from '@tangtoc/db/fixtures'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type ApiHarness,
  type Credentials,
  createApiHarness,
  type GraphQLResponse,
} from '../../../test/harness.ts'

let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness()
})
afterAll(() => api.close())

const userId = (id: string) => encodeGlobalID('User', id)
const centerId = (id: string) => encodeGlobalID('Center', id)

const createToken = `mutation ($input: CreateApiTokenInput!) {
  createApiToken(input: $input) { __typename ... on CreateApiTokenPayload { secret } ... on UserError { code } }
}`

/** An API token of the user, made the way an integrator makes one. */
async function tokenOf(user: { id: string }, scope: 'READ' | 'READ_WRITE'): Promise<{ token: string }> {
  const result = await api.graphql(createToken, { input: { name: 'test', scope } }, await api.signIn(user))
  return { token: result.data?.createApiToken.secret }
}

type Actor = 'ADMIN' | 'CENTER_MANAGER' | 'AGENT' | 'VIEWER' | 'READ token' | 'anonymous'
const actors: Actor[] = ['ADMIN', 'CENTER_MANAGER', 'AGENT', 'VIEWER', 'READ token', 'anonymous']

/** Credentials for the actor, at a center of its own under `parent` (a new tree unless given). */
async function as(actor: Actor, parent?: Awaited<ReturnType<typeof createCenter>>) {
  const center = await createCenter(api.prisma, parent ? { parent } : {})
  if (actor === 'anonymous') return { credentials: null as Credentials, center, user: null }
  const role: Role = actor === 'READ token' ? 'ADMIN' : actor
  const user = await createUser(api.prisma, { role, center })
  const credentials = actor === 'READ token' ? await tokenOf(user, 'READ') : await api.signIn(user)
  return { credentials: credentials as Credentials, center, user }
}

const usersQuery = `query ($filter: UserFilter, $orderBy: UserOrder) {
  users(first: 50, filter: $filter, orderBy: $orderBy) { totalCount edges { node { id username role active } } }
}`

describe('listing users', () => {
  it.each([
    ['ADMIN', true],
    ['CENTER_MANAGER', true],
    ['AGENT', false],
    ['VIEWER', false],
    ['READ token', true],
    ['anonymous', false],
  ] as const)('%s may list users: %s', async (actor, allowed) => {
    const { credentials } = await as(actor)
    const result = await api.graphql(usersQuery, {}, credentials)
    if (allowed) {
      expect(result.errors).toBeUndefined()
      expect(result.data?.users.totalCount).toBeGreaterThan(0)
    } else {
      expect(result.data).toBeNull()
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    }
  })

  it('a center manager lists only the users of its center’s subtree', async () => {
    const { credentials, center } = await as('CENTER_MANAGER')
    const below = await createCenter(api.prisma, { parent: center })
    const agentBelow = await createUser(api.prisma, { role: 'AGENT', center: below })
    const elsewhere = await createUser(api.prisma, { role: 'AGENT', center: await createCenter(api.prisma) })
    const admin = await createUser(api.prisma, { role: 'ADMIN', center: null })

    const result = await api.graphql(usersQuery, {}, credentials)
    const usernames = result.data?.users.edges.map(
      (edge: { node: { username: string } }) => edge.node.username,
    )
    expect(usernames).toContain(agentBelow.username)
    expect(usernames).not.toContain(elsewhere.username)
    expect(usernames).not.toContain(admin.username)
    expect(result.data?.users.totalCount).toBe(usernames.length)
  })

  it('filters by role, center subtree, activity and search, ignoring case', async () => {
    const { credentials } = await as('ADMIN')
    const root = await createCenter(api.prisma)
    const child = await createCenter(api.prisma, { parent: root })
    const agent = await createUser(api.prisma, {
      role: 'AGENT',
      center: child,
      username: `lan.nguyen-${Date.now()}`,
    })
    const gone = await createUser(api.prisma, { role: 'AGENT', center: child, active: false })
    await createUser(api.prisma, { role: 'VIEWER', center: root })

    const byCenter = await api.graphql(
      usersQuery,
      { filter: { center: centerId(root.id), role: 'AGENT' } },
      credentials,
    )
    expect(
      byCenter.data?.users.edges.map((edge: { node: { username: string } }) => edge.node.username).sort(),
    ).toEqual([agent.username, gone.username].sort())
    const active = await api.graphql(
      usersQuery,
      { filter: { center: centerId(root.id), active: false } },
      credentials,
    )
    expect(
      active.data?.users.edges.map((edge: { node: { username: string } }) => edge.node.username),
    ).toEqual([gone.username])
    const search = await api.graphql(usersQuery, { filter: { search: 'LAN.NGUYEN' } }, credentials)
    expect(
      search.data?.users.edges.map((edge: { node: { username: string } }) => edge.node.username),
    ).toContain(agent.username)
  })
})

const createUserMutation = `mutation ($input: CreateUserInput!) {
  createUser(input: $input) {
    __typename
    ... on UserPayload { user { id username displayName role active version center { id } } }
    ... on UserError { code message }
    ... on ValidationError { fieldErrors { path code } }
    ... on ConflictError { existingId }
  }
}`

const newUserInput = (center: { id: string }) => ({
  username: `agent.${Math.random().toString(36).slice(2, 10)}`,
  displayName: '  Trần   Văn An ',
  role: 'AGENT',
  center: centerId(center.id),
  password: 'correct horse battery',
})

/** The payload's or typed error's type name, or the code of a top-level error (e.g. anonymous). */
const outcome = (result: GraphQLResponse, field: string) =>
  result.data?.[field]?.__typename ?? result.errors?.[0]?.extensions?.code

describe('creating users', () => {
  it.each(actors.map((actor) => [actor, actor === 'ADMIN' ? 'UserPayload' : 'ForbiddenError'] as const))(
    '%s creating a user gets %s',
    async (actor, expected) => {
      const { credentials, center } = await as(actor)
      const result = await api.graphql(createUserMutation, { input: newUserInput(center) }, credentials)
      expect(outcome(result, 'createUser')).toBe(expected)
    },
  )

  it('an admin creates a user who can then sign in; the audit keeps no password hash', async () => {
    const { credentials, center } = await as('ADMIN')
    const input = newUserInput(center)
    const result = await api.graphql(createUserMutation, { input }, credentials)
    const user = result.data?.createUser.user
    expect(user).toMatchObject({
      username: input.username,
      displayName: 'Trần Văn An',
      role: 'AGENT',
      active: true,
      version: 1,
    })

    const logIn = await api.graphql(
      'mutation ($input: LogInInput!) { logIn(input: $input) { __typename } }',
      { input: { username: input.username, password: input.password } },
    )
    expect(logIn.data?.logIn.__typename).toBe('LogInPayload')

    const events = await api.prisma.auditEvent.findMany({
      where: { entityType: 'User', action: 'user.create', requestId: result.headers.get('x-request-id') },
    })
    expect(events).toHaveLength(1)
    expect(JSON.stringify(events[0])).not.toMatch(/argon2|passwordHash|correct horse/)
  })

  it('a taken username is a conflict naming the existing user, and nothing is written', async () => {
    const { credentials, center } = await as('ADMIN')
    const existing = await createUser(api.prisma, { role: 'VIEWER' })
    const before = await api.prisma.auditEvent.count()
    const result = await api.graphql(
      createUserMutation,
      { input: { ...newUserInput(center), username: existing.username } },
      credentials,
    )
    expect(result.data?.createUser).toMatchObject({
      __typename: 'ConflictError',
      existingId: userId(existing.id),
    })
    expect(await api.prisma.auditEvent.count()).toBe(before)
  })

  it('a short password, a bad username and an agent without a center are field errors', async () => {
    const { credentials } = await as('ADMIN')
    const result = await api.graphql(
      createUserMutation,
      { input: { username: 'A b', displayName: 'X', role: 'AGENT', password: 'short' } },
      credentials,
    )
    expect(result.data?.createUser.__typename).toBe('ValidationError')
    expect(result.data?.createUser.fieldErrors.map((issue: { code: string }) => issue.code).sort()).toEqual([
      'CENTER_REQUIRED',
      'INVALID_USERNAME',
      'PASSWORD_TOO_SHORT',
    ])
  })
})

const updateUserMutation = `mutation ($input: UpdateUserInput!) {
  updateUser(input: $input) {
    __typename
    ... on UserPayload { user { displayName role version } }
    ... on StaleObjectError { currentVersion }
  }
}`

describe('updating users', () => {
  it.each(actors.map((actor) => [actor, actor === 'ADMIN' ? 'UserPayload' : 'ForbiddenError'] as const))(
    '%s updating a user gets %s',
    async (actor, expected) => {
      const { credentials } = await as(actor)
      const target = await createUser(api.prisma, { role: 'VIEWER' })
      const result = await api.graphql(
        updateUserMutation,
        { input: { id: userId(target.id), version: 1, displayName: 'Đổi tên' } },
        credentials,
      )
      expect(outcome(result, 'updateUser')).toBe(expected)
    },
  )

  it('an admin changes role and center; an old version is stale; the audit shows what changed', async () => {
    const { credentials } = await as('ADMIN')
    const center = await createCenter(api.prisma)
    const target = await createUser(api.prisma, { role: 'VIEWER' })
    const first = await api.graphql(
      updateUserMutation,
      { input: { id: userId(target.id), version: 1, role: 'CENTER_MANAGER', center: centerId(center.id) } },
      credentials,
    )
    expect(first.data?.updateUser).toMatchObject({ user: { role: 'CENTER_MANAGER', version: 2 } })
    const stale = await api.graphql(
      updateUserMutation,
      { input: { id: userId(target.id), version: 1, displayName: 'Khác' } },
      credentials,
    )
    expect(stale.data?.updateUser).toEqual({ __typename: 'StaleObjectError', currentVersion: 2 })

    const event = await api.prisma.auditEvent.findFirstOrThrow({
      where: { entityId: target.id, action: 'user.update' },
    })
    expect(event.before).toEqual({ role: 'VIEWER', centerId: null })
    expect(event.after).toEqual({ role: 'CENTER_MANAGER', centerId: center.id })
  })

  it('a center manager without a center is a field error', async () => {
    const { credentials } = await as('ADMIN')
    const target = await createUser(api.prisma, { role: 'VIEWER', center: null })
    const result = await api.graphql(
      updateUserMutation,
      { input: { id: userId(target.id), version: 1, role: 'CENTER_MANAGER' } },
      credentials,
    )
    expect(result.data?.updateUser.__typename).toBe('ValidationError')
  })
})

const deactivateMutation = `mutation ($input: DeactivateUserInput!) {
  deactivateUser(input: $input) { __typename ... on UserPayload { user { active version } } }
}`

describe('deactivating users', () => {
  it.each(actors.map((actor) => [actor, actor === 'ADMIN' ? 'UserPayload' : 'ForbiddenError'] as const))(
    '%s deactivating a user gets %s',
    async (actor, expected) => {
      const { credentials } = await as(actor)
      const target = await createUser(api.prisma, { role: 'VIEWER' })
      const result = await api.graphql(
        deactivateMutation,
        { input: { id: userId(target.id), version: 1 } },
        credentials,
      )
      expect(outcome(result, 'deactivateUser')).toBe(expected)
    },
  )

  it('a deactivated user’s cookie and API tokens stop working', async () => {
    const { credentials } = await as('ADMIN')
    const target = await createUser(api.prisma, { role: 'AGENT', center: await createCenter(api.prisma) })
    const cookie = await api.signIn(target)
    const token = await tokenOf(target, 'READ_WRITE')
    expect((await api.graphql('{ me { username } }', {}, cookie)).data?.me).toEqual({
      username: target.username,
    })
    expect((await api.graphql('{ me { username } }', {}, token)).data?.me).toEqual({
      username: target.username,
    })

    const result = await api.graphql(
      deactivateMutation,
      { input: { id: userId(target.id), version: 1 } },
      credentials,
    )
    expect(result.data?.deactivateUser).toEqual({
      __typename: 'UserPayload',
      user: { active: false, version: 2 },
    })

    expect((await api.graphql('{ me { username } }', {}, cookie)).data?.me).toBeNull()
    expect((await api.graphql('{ me { username } }', {}, token)).data?.me).toBeNull()
    expect(await api.prisma.loginSession.count({ where: { userId: target.id } })).toBe(0)
    expect(await api.prisma.apiToken.count({ where: { userId: target.id, revokedAt: null } })).toBe(0)
  })

  it('an admin cannot deactivate themself', async () => {
    const { credentials, user } = await as('ADMIN')
    const result = await api.graphql(
      deactivateMutation,
      { input: { id: userId(String(user?.id)), version: 1 } },
      credentials,
    )
    expect(result.data?.deactivateUser.__typename).toBe('ValidationError')
  })
})

const resetMutation = `mutation ($input: ResetUserPasswordInput!) {
  resetUserPassword(input: $input) { __typename ... on ValidationError { fieldErrors { code } } }
}`

describe('resetting a password', () => {
  it.each(actors.map((actor) => [actor, actor === 'ADMIN' ? 'UserPayload' : 'ForbiddenError'] as const))(
    '%s resetting a password gets %s',
    async (actor, expected) => {
      const { credentials } = await as(actor)
      const target = await createUser(api.prisma, { role: 'VIEWER' })
      const result = await api.graphql(
        resetMutation,
        { input: { id: userId(target.id), version: 1, newPassword: 'a brand new secret' } },
        credentials,
      )
      expect(outcome(result, 'resetUserPassword')).toBe(expected)
    },
  )

  it('ends the user’s sessions; the new password signs in and the old one does not', async () => {
    const { credentials } = await as('ADMIN')
    const target = await createUser(api.prisma, { role: 'VIEWER' })
    const cookie = await api.signIn(target)
    const short = await api.graphql(
      resetMutation,
      { input: { id: userId(target.id), version: 1, newPassword: 'short' } },
      credentials,
    )
    expect(short.data?.resetUserPassword).toEqual({
      __typename: 'ValidationError',
      fieldErrors: [{ code: 'PASSWORD_TOO_SHORT' }],
    })

    await api.graphql(
      resetMutation,
      { input: { id: userId(target.id), version: 1, newPassword: 'a brand new secret' } },
      credentials,
    )
    expect((await api.graphql('{ me { username } }', {}, cookie)).data?.me).toBeNull()
    const logIn = 'mutation ($input: LogInInput!) { logIn(input: $input) { __typename } }'
    expect(
      (await api.graphql(logIn, { input: { username: target.username, password: target.password } })).data
        ?.logIn.__typename,
    ).toBe('ValidationError')
    expect(
      (await api.graphql(logIn, { input: { username: target.username, password: 'a brand new secret' } }))
        .data?.logIn.__typename,
    ).toBe('LogInPayload')
    const event = await api.prisma.auditEvent.findFirstOrThrow({
      where: { entityId: target.id, action: 'user.resetPassword' },
    })
    expect(JSON.stringify(event)).not.toMatch(/argon2|brand new/)
  })
})

const changeMyPassword = `mutation ($input: ChangeMyPasswordInput!) {
  changeMyPassword(input: $input) { __typename ... on ValidationError { fieldErrors { path code } } }
}`

describe('changing one’s own password', () => {
  it.each([
    ['ADMIN', 'UserPayload'],
    ['CENTER_MANAGER', 'UserPayload'],
    ['AGENT', 'UserPayload'],
    ['VIEWER', 'UserPayload'],
    ['READ token', 'ForbiddenError'],
    ['anonymous', 'ForbiddenError'],
  ] as const)('%s gets %s', async (actor, expected) => {
    const center = await createCenter(api.prisma)
    const role: Role = actor === 'READ token' || actor === 'anonymous' ? 'ADMIN' : actor
    const user = await createUser(api.prisma, { role, center, password: 'the old password' })
    const credentials =
      actor === 'anonymous'
        ? null
        : actor === 'READ token'
          ? await tokenOf(user, 'READ')
          : await api.signIn(user)
    const result = await api.graphql(
      changeMyPassword,
      { input: { currentPassword: 'the old password', newPassword: 'the new password!' } },
      credentials,
    )
    expect(outcome(result, 'changeMyPassword')).toBe(expected)
  })

  it('a read-write token cannot change its user’s password either', async () => {
    const user = await createUser(api.prisma, {
      role: 'AGENT',
      center: await createCenter(api.prisma),
      password: 'the old password',
    })
    const result = await api.graphql(
      changeMyPassword,
      { input: { currentPassword: 'the old password', newPassword: 'the new password!' } },
      await tokenOf(user, 'READ_WRITE'),
    )
    expect(result.data?.changeMyPassword.__typename).toBe('ForbiddenError')
  })

  it('a wrong current password is refused; a right one keeps this session and ends the others', async () => {
    const user = await createUser(api.prisma, {
      role: 'AGENT',
      center: await createCenter(api.prisma),
      password: 'the old password',
    })
    const here = await api.signIn(user)
    const elsewhere = await api.signIn(user)
    const wrong = await api.graphql(
      changeMyPassword,
      { input: { currentPassword: 'nope', newPassword: 'the new password!' } },
      here,
    )
    expect(wrong.data?.changeMyPassword).toEqual({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['input', 'currentPassword'], code: 'INVALID_CREDENTIALS' }],
    })
    const right = await api.graphql(
      changeMyPassword,
      { input: { currentPassword: 'the old password', newPassword: 'the new password!' } },
      here,
    )
    expect(right.data?.changeMyPassword.__typename).toBe('UserPayload')
    expect((await api.graphql('{ me { username } }', {}, here)).data?.me).toEqual({ username: user.username })
    expect((await api.graphql('{ me { username } }', {}, elsewhere)).data?.me).toBeNull()
  })
})

describe('a user’s history', () => {
  const history = `query ($id: ID!) { node(id: $id) { ... on User { history(first: 10) { totalCount edges { node { action actor { username } } } } } } }`

  it.each([
    ['ADMIN', 'read'],
    ['CENTER_MANAGER', 'read'],
    ['AGENT', 'not even the user'],
    ['VIEWER', 'FORBIDDEN'],
  ] as const)('%s reading the history of a user of its subtree: %s', async (role, outcome) => {
    const admin = await createUser(api.prisma, { role: 'ADMIN' })
    const center = await createCenter(api.prisma)
    const reader = await createUser(api.prisma, { role, center })
    const target = await createUser(api.prisma, {
      role: 'AGENT',
      center: await createCenter(api.prisma, { parent: center }),
    })
    await api.graphql(
      updateUserMutation,
      { input: { id: userId(target.id), version: 1, displayName: 'Mới' } },
      await api.signIn(admin),
    )

    const result = await api.graphql(history, { id: userId(target.id) }, await api.signIn(reader))
    if (outcome === 'read') {
      expect(result.data?.node.history.edges).toEqual([
        { node: { action: 'user.update', actor: { username: admin.username } } },
      ])
    } else if (outcome === 'FORBIDDEN') {
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    } else {
      // An agent reads the users of its own center only, not those of the centers below.
      expect(result.data?.node).toBeNull()
    }
  })
})
