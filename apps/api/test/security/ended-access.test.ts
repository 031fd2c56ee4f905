// A password reset or a deactivation ends every way in: console sessions and, unless asked otherwise,
// API tokens. Tokens themselves do not pile up: each expires, and a user holds only so many.
import { encodeGlobalID } from '@pothos/plugin-relay'
import { createUser } from '@tangtoc/db/fixtures'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { createYogaApp } from '../../src/server.ts'
import { type ApiHarness, type Credentials, createApiHarness, type GraphQLResponse } from '../harness.ts'

let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness()
})
afterAll(() => api.close())

const createToken = `mutation ($input: CreateApiTokenInput!) {
  createApiToken(input: $input) {
    __typename
    ... on CreateApiTokenPayload { secret apiToken { id expiresAt } }
    ... on ValidationError { fieldErrors { path code message } }
    ... on LimitExceededError { limit message messageVi }
  }
}`
const resetPassword = `mutation ($input: ResetUserPasswordInput!) { resetUserPassword(input: $input) { __typename } }`
const deactivate = `mutation ($input: DeactivateUserInput!) { deactivateUser(input: $input) { __typename } }`

const day = 24 * 60 * 60 * 1000

/** Runs an operation through `yoga` (default: the harness's). */
async function run(
  query: string,
  variables: Record<string, unknown>,
  credentials: Credentials,
  yoga?: ReturnType<typeof createYogaApp>,
) {
  if (!yoga) return api.graphql(query, variables, credentials)
  const response = await yoga.fetch('http://tangtoc.test/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(credentials && 'cookie' in credentials ? { cookie: credentials.cookie } : {}),
    },
    body: JSON.stringify({ query, variables }),
  })
  return (await response.json()) as Pick<GraphQLResponse, 'data' | 'errors'>
}

/** A user signed in on the console, with an API token. */
async function userWithSessionAndToken() {
  const user = await createUser(api.prisma, { role: 'AGENT' })
  const session = await api.signIn(user)
  const created = await api.graphql(createToken, { input: { name: 'Báo cáo', scope: 'READ' } }, session)
  return { user, session, token: { token: created.data?.createApiToken.secret as string } }
}

const whoIs = async (credentials: Credentials) =>
  (await api.graphql('{ me { username } }', {}, credentials)).data?.me?.username ?? null

describe('ending access', () => {
  it('a password reset ends the user’s sessions and API tokens', async () => {
    const admin = await api.userWithRole('ADMIN', null)
    const { user, session, token } = await userWithSessionAndToken()
    expect(await whoIs(token)).toBe(user.username)
    const reset = await api.graphql(
      resetPassword,
      {
        input: {
          id: encodeGlobalID('User', user.id),
          version: user.version,
          newPassword: 'a fresh passphrase',
        },
      },
      admin.credentials,
    )
    expect(reset.data?.resetUserPassword.__typename).toBe('UserPayload')
    expect(await whoIs(session)).toBeNull()
    expect(await whoIs(token)).toBeNull()
  })

  it('a password reset may keep the API tokens when asked', async () => {
    const admin = await api.userWithRole('ADMIN', null)
    const { user, session, token } = await userWithSessionAndToken()
    await api.graphql(
      resetPassword,
      {
        input: {
          id: encodeGlobalID('User', user.id),
          version: user.version,
          newPassword: 'a fresh passphrase',
          keepApiTokens: true,
        },
      },
      admin.credentials,
    )
    expect(await whoIs(session)).toBeNull()
    expect(await whoIs(token)).toBe(user.username)
  })

  it('a deactivation ends the user’s sessions and API tokens', async () => {
    const admin = await api.userWithRole('ADMIN', null)
    const { user, session, token } = await userWithSessionAndToken()
    await api.graphql(
      deactivate,
      { input: { id: encodeGlobalID('User', user.id), version: 1 } },
      admin.credentials,
    )
    expect(await whoIs(session)).toBeNull()
    expect(await whoIs(token)).toBeNull()
    expect(await api.prisma.apiToken.count({ where: { userId: user.id, revokedAt: null } })).toBe(0)
  })
})

describe('API token limits', () => {
  it('a token expires after at most the longest lifetime: 365 days by default', async () => {
    const { credentials } = await api.userWithRole('AGENT')
    const created = await api.graphql(
      createToken,
      { input: { name: 'Mặc định', scope: 'READ' } },
      credentials,
    )
    const expiresAt = new Date(created.data?.createApiToken.apiToken.expiresAt).getTime()
    expect(Math.abs(expiresAt - (Date.now() + 365 * day))).toBeLessThan(60_000)

    const tooLate = await api.graphql(
      createToken,
      {
        input: { name: 'Mãi mãi', scope: 'READ', expiresAt: new Date(Date.now() + 366 * day).toISOString() },
      },
      credentials,
    )
    expect(tooLate.data?.createApiToken).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['input', 'expiresAt'], code: 'EXPIRY_TOO_FAR' }],
    })
  })

  it('the installation may shorten the longest lifetime', async () => {
    const { credentials } = await api.userWithRole('AGENT')
    const yoga = api.yogaWith({ apiTokenMaxDays: 30 })
    const created = await run(createToken, { input: { name: 'Tháng', scope: 'READ' } }, credentials, yoga)
    const expiresAt = new Date(created.data?.createApiToken.apiToken.expiresAt).getTime()
    expect(Math.abs(expiresAt - (Date.now() + 30 * day))).toBeLessThan(60_000)
    const tooLate = await run(
      createToken,
      { input: { name: 'Năm', scope: 'READ', expiresAt: new Date(Date.now() + 31 * day).toISOString() } },
      credentials,
      yoga,
    )
    expect(tooLate.data?.createApiToken.fieldErrors[0].message).toBe(
      'An API token lasts at most 30 days from its creation.',
    )
  })

  it('a user holds at most the allowed working tokens, even creating them all at once', async () => {
    const { user, credentials } = await api.userWithRole('AGENT')
    const yoga = api.yogaWith({ apiTokensPerUser: 3 })
    const answers = await Promise.all(
      Array.from({ length: 5 }, (_, n) =>
        run(createToken, { input: { name: `t${n}`, scope: 'READ' } }, credentials, yoga),
      ),
    )
    const kinds = answers.map((answer) => answer.data?.createApiToken.__typename).sort()
    expect(kinds).toEqual([
      'CreateApiTokenPayload',
      'CreateApiTokenPayload',
      'CreateApiTokenPayload',
      'LimitExceededError',
      'LimitExceededError',
    ])
    const refused = answers.find((answer) => answer.data?.createApiToken.__typename === 'LimitExceededError')
    expect(refused?.data?.createApiToken).toMatchObject({
      limit: 3,
      message: 'A user holds at most 3 working API tokens. Revoke one you no longer use.',
    })

    // A revoked token frees its place.
    const one = await api.prisma.apiToken.findFirstOrThrow({ where: { userId: user?.id } })
    await api.prisma.apiToken.update({ where: { id: one.id }, data: { revokedAt: new Date() } })
    const again = await run(createToken, { input: { name: 'lại', scope: 'READ' } }, credentials, yoga)
    expect(again.data?.createApiToken.__typename).toBe('CreateApiTokenPayload')
  })
})
