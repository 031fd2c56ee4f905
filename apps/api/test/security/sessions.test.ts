// A session cookie never travels in clear behind a TLS proxy; forwarded headers count only when a
// proxy is trusted to write them; a session left alone ends.
import { createUser } from '@tangtoc/db/fixtures'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashSecret, sessionCookieName } from '../../src/modules/auth/credentials.ts'
import type { createYogaApp } from '../../src/server.ts'
import { type ApiHarness, createApiHarness } from '../harness.ts'

let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness()
})
afterAll(() => api.close())

const logInMutation = `mutation ($input: LogInInput!) { logIn(input: $input) { __typename } }`

async function logIn(
  yoga: ReturnType<typeof createYogaApp>,
  input: { username: string; password: string },
  { headers = {}, socket = '10.0.0.2' }: { headers?: Record<string, string>; socket?: string } = {},
) {
  const response = await yoga.fetch(
    'http://tangtoc.test/graphql',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({
        query: logInMutation,
        variables: { input: { username: input.username, password: input.password } },
      }),
    },
    { req: { socket: { remoteAddress: socket } } },
  )
  const body = (await response.json()) as { data: { logIn: { __typename: string } } }
  return { typename: body.data.logIn.__typename, setCookie: response.headers.getSetCookie() }
}

describe('behind a TLS proxy', () => {
  it('the session and device cookies are Secure when the trusted proxy says the client used https', async () => {
    const user = await createUser(api.prisma, { role: 'AGENT' })
    const signedIn = await logIn(api.yogaWith({ trustProxy: 1 }), user, {
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.20' },
    })
    expect(signedIn.typename).toBe('LogInPayload')
    expect(signedIn.setCookie).toHaveLength(2)
    for (const cookie of signedIn.setCookie) expect(cookie).toMatch(/; Secure/i)
  })

  it('without a trusted proxy, X-Forwarded-Proto is anyone’s word and changes nothing', async () => {
    const user = await createUser(api.prisma, { role: 'AGENT' })
    const signedIn = await logIn(api.yoga, user, { headers: { 'x-forwarded-proto': 'https' } })
    expect(signedIn.typename).toBe('LogInPayload')
    for (const cookie of signedIn.setCookie) expect(cookie).not.toMatch(/; Secure/i)
  })

  it('the client address comes from X-Forwarded-For only behind a trusted proxy', async () => {
    const guess = async (yoga: ReturnType<typeof createYogaApp>, forwardedFor: string, socket: string) => {
      const user = await createUser(api.prisma, { role: 'VIEWER' })
      return (
        await logIn(
          yoga,
          { username: user.username, password: 'wrong' },
          { headers: { 'x-forwarded-for': forwardedFor }, socket },
        )
      ).typename
    }
    // Twenty-one guesses on as many accounts from one connection, each claiming another address.
    const direct = []
    for (let n = 1; n <= 21; n++) direct.push(await guess(api.yoga, `192.0.2.${n}`, '10.0.1.1'))
    expect(direct.at(-1)).toBe('TooManyAttemptsError')

    // Behind the proxy at 10.0.1.2, each is a client of its own.
    const proxied = api.yogaWith({ trustProxy: 1 })
    const behindProxy = []
    for (let n = 1; n <= 21; n++) behindProxy.push(await guess(proxied, `192.0.2.${100 + n}`, '10.0.1.2'))
    expect(behindProxy.every((typename) => typename === 'ValidationError')).toBe(true)
    const recorded = await api.prisma.auditEvent.findFirst({
      where: { action: 'auth.logInFailed' },
      orderBy: { at: 'desc' },
    })
    expect(recorded?.after).toMatchObject({ address: '192.0.2.121' })
  })
})

describe('an idle session', () => {
  async function sessionLastSeen(minutesAgo: number) {
    const user = await createUser(api.prisma, { role: 'AGENT' })
    const secret = `tts_idle_${crypto.randomUUID()}`
    const session = await api.prisma.loginSession.create({
      data: {
        tokenHash: hashSecret(secret),
        userId: user.id,
        expiresAt: new Date(Date.now() + 3_600_000),
        lastSeenAt: new Date(Date.now() - minutesAgo * 60_000),
      },
    })
    return { user, session, cookie: `${sessionCookieName}=${secret}` }
  }

  const me = async (yoga: ReturnType<typeof createYogaApp>, cookie: string) => {
    const response = await yoga.fetch('http://tangtoc.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query: '{ me { username } }' }),
    })
    return ((await response.json()) as { data: { me: { username: string } | null } }).data.me
  }

  it('ends after 30 minutes without a request, before its absolute end', async () => {
    const idle = await sessionLastSeen(31)
    expect(await me(api.yoga, idle.cookie)).toBeNull()
  })

  it('goes on while used, each request moving its idle end', async () => {
    const used = await sessionLastSeen(29)
    expect(await me(api.yoga, used.cookie)).toEqual({ username: used.user.username })
    const seen = await api.prisma.loginSession.findUniqueOrThrow({ where: { id: used.session.id } })
    expect(Date.now() - seen.lastSeenAt.getTime()).toBeLessThan(60_000)
  })

  it('ends after the idle time the installation chose', async () => {
    const idle = await sessionLastSeen(6)
    expect(await me(api.yogaWith({ sessionIdleMinutes: 5 }), idle.cookie)).toBeNull()
  })
})
