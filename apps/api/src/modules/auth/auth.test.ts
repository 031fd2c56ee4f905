import { createUser } from '@tangtoc/db/fixtures'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ApiHarness, createApiHarness } from '../../../test/harness.ts'

let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness()
})
afterAll(() => api.close())

const logIn = `mutation ($input: LogInInput!) {
  logIn(input: $input) {
    __typename
    ... on LogInPayload { user { username role } }
    ... on UserError { code message messageVi }
    ... on TooManyAttemptsError { retryAfterSeconds }
  }
}`

describe('signing in', () => {
  it('a user with the right password gets an HTTP-only session cookie that identifies them', async () => {
    const user = await createUser(api.prisma, { role: 'AGENT' })
    const response = await api.fetchGraphQL(
      { query: logIn, variables: { input: { username: user.username, password: user.password } } },
      null,
    )
    const body = (await response.json()) as { data: { logIn: { user: { username: string } } } }
    expect(body.data.logIn.user.username).toBe(user.username)
    const cookie = response.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/tangtoc_session=/)
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Strict/i)

    const me = await api.graphql('{ me { username role } }', {}, { cookie: cookie.split(';')[0] ?? '' })
    expect(me.data?.me).toEqual({ username: user.username, role: 'AGENT' })
  })

  it('a wrong password is a typed error in both languages and sets no cookie', async () => {
    const user = await createUser(api.prisma, { role: 'AGENT' })
    const response = await api.fetchGraphQL(
      { query: logIn, variables: { input: { username: user.username, password: 'wrong' } } },
      null,
    )
    const body = (await response.json()) as { data: { logIn: Record<string, string> } }
    expect(body.data.logIn).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION_FAILED' })
    expect(body.data.logIn.messageVi).toMatch(/mật khẩu/)
    expect(response.headers.get('set-cookie')).toBeNull()
  })

  it('repeated failed logins make the next attempt wait, even with the right password', async () => {
    const user = await createUser(api.prisma, { role: 'VIEWER' })
    for (let attempt = 0; attempt < 6; attempt++) {
      await api.graphql(logIn, { input: { username: user.username, password: 'wrong' } })
    }
    const result = await api.graphql(logIn, { input: { username: user.username, password: user.password } })
    expect(result.data?.logIn).toMatchObject({ __typename: 'TooManyAttemptsError' })
    expect(result.data?.logIn.retryAfterSeconds).toBeGreaterThan(0)
  })

  it('an anonymous request has no viewer', async () => {
    const me = await api.graphql('{ me { username } }')
    expect(me.data?.me).toBeNull()
  })
})
