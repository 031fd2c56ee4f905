// Guessing passwords: counted per account and per client address, atomically; the owner of a throttled
// account still signs in from a browser they used before; nothing tells an unknown account from a real one.
import { verifyPassword } from '@tangtoc/db'
import { createUser } from '@tangtoc/db/fixtures'
import { QueryLog } from '@tangtoc/db/testing'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { type ApiHarness, createApiHarness } from '../harness.ts'

// The real password check, counted: every answer to a failed sign-in costs one.
vi.mock('@tangtoc/db', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@tangtoc/db')>()
  return { ...actual, verifyPassword: vi.fn(actual.verifyPassword) }
})

let api: ApiHarness
const queries = new QueryLog()
beforeAll(async () => {
  api = await createApiHarness({ onQuery: queries.record })
})
afterAll(() => api.close())

const logInMutation = `mutation ($input: LogInInput!) {
  logIn(input: $input) {
    __typename
    ... on UserError { code message messageVi }
    ... on TooManyAttemptsError { retryAfterSeconds }
  }
}`

/** Failed attempts an account allows before it must wait. */
const freePerAccount = 5
/** Failed attempts one client address allows, across accounts, before it must wait. */
const freePerAddress = 20

let addresses = 0
/** A client address no other test uses. */
const newAddress = () => `198.51.100.${++addresses}`

async function logIn(
  username: string,
  password: string,
  { from, cookie }: { from?: string; cookie?: string } = {},
) {
  const response = await api.yoga.fetch(
    'http://tangtoc.test/graphql',
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        ...(cookie ? { cookie } : {}),
      },
      body: JSON.stringify({ query: logInMutation, variables: { input: { username, password } } }),
    },
    // What Node's HTTP server gives Yoga: the connection the request came on.
    { req: { socket: { remoteAddress: from ?? newAddress() } } },
  )
  const body = (await response.json()) as {
    data: {
      logIn: {
        __typename: string
        code?: string
        message?: string
        messageVi?: string
        retryAfterSeconds?: number
      }
    }
  }
  const cookies = response.headers.getSetCookie().map((header) => header.split(';')[0] ?? '')
  return { ...body.data.logIn, cookies }
}

const typenames = (answers: { __typename?: unknown }[]) => answers.map((answer) => answer.__typename)

describe('guessing passwords', () => {
  it('sixteen parallel wrong passwords get at most the allowed checks', async () => {
    const admin = await createUser(api.prisma, { role: 'ADMIN' })
    const answers = await Promise.all(
      Array.from({ length: 16 }, () => logIn(admin.username, 'wrong password')),
    )
    expect(typenames(answers).filter((name) => name === 'ValidationError')).toHaveLength(freePerAccount)
    expect(typenames(answers).filter((name) => name === 'TooManyAttemptsError')).toHaveLength(
      16 - freePerAccount,
    )
    const checked = await api.prisma.auditEvent.count({
      where: { action: 'auth.logInFailed', entityId: admin.id },
    })
    expect(checked).toBe(freePerAccount)
  })

  it('one client address guessing across many accounts is slowed down, other addresses are not', async () => {
    const from = newAddress()
    const users = await Promise.all(
      Array.from({ length: freePerAddress + 1 }, () => createUser(api.prisma, { role: 'AGENT' })),
    )
    const answers = []
    for (const user of users) answers.push(await logIn(user.username, 'Mùa xuân 2025!', { from }))
    expect(typenames(answers.slice(0, freePerAddress)).every((name) => name === 'ValidationError')).toBe(true)
    expect(answers.at(-1)).toMatchObject({ __typename: 'TooManyAttemptsError' })

    const last = users.at(-1)
    if (!last) throw new Error('no users')
    expect(await logIn(last.username, last.password, { from: newAddress() })).toMatchObject({
      __typename: 'LogInPayload',
    })
  })

  it('a throttled account still lets its owner in from a browser that signed in before', async () => {
    const owner = await createUser(api.prisma, { role: 'ADMIN' })
    const earlier = await logIn(owner.username, owner.password)
    const device = earlier.cookies.find((cookie) => cookie.startsWith('tangtoc_device='))
    expect(device).toBeDefined()

    for (let attempt = 0; attempt < 16; attempt++)
      await logIn(owner.username, 'guess', { from: '203.0.113.66' })
    expect(await logIn(owner.username, owner.password)).toMatchObject({ __typename: 'TooManyAttemptsError' })
    expect(await logIn(owner.username, owner.password, { cookie: device })).toMatchObject({
      __typename: 'LogInPayload',
    })
  })

  it('a device cookie helps only its own account, and guessing through it is throttled too', async () => {
    const owner = await createUser(api.prisma, { role: 'AGENT' })
    const other = await createUser(api.prisma, { role: 'ADMIN' })
    const device = (await logIn(owner.username, owner.password)).cookies.find((cookie) =>
      cookie.startsWith('tangtoc_device='),
    )
    for (let attempt = 0; attempt < freePerAccount; attempt++) await logIn(other.username, 'guess')
    expect(await logIn(other.username, other.password, { cookie: device })).toMatchObject({
      __typename: 'TooManyAttemptsError',
    })

    const throughDevice = []
    for (let attempt = 0; attempt <= freePerAccount; attempt++)
      throughDevice.push(await logIn(owner.username, 'guess', { cookie: device }))
    expect(throughDevice.at(-1)).toMatchObject({ __typename: 'TooManyAttemptsError' })
  })

  it('an unknown, a deactivated and an existing account answer in the same words', async () => {
    const existing = await createUser(api.prisma, { role: 'AGENT' })
    const deactivated = await createUser(api.prisma, { role: 'AGENT', active: false })
    const answersFor = async (username: string, password: string) => {
      const answers = []
      for (let attempt = 0; attempt <= freePerAccount; attempt++) {
        const { cookies: _, ...answer } = await logIn(username, password)
        answers.push(answer)
      }
      return answers.map(({ retryAfterSeconds, ...rest }) => ({
        ...rest,
        waits: retryAfterSeconds !== undefined,
      }))
    }
    const real = await answersFor(existing.username, 'wrong password')
    expect(await answersFor(`nobody-${existing.username}`, 'wrong password')).toEqual(real)
    // The right password of a deactivated account is no hint either.
    expect(await answersFor(deactivated.username, deactivated.password)).toEqual(real)
  })

  it('an unknown, a deactivated and an existing account answer in the same time: the same work', async () => {
    const existing = await createUser(api.prisma, { role: 'AGENT' })
    const deactivated = await createUser(api.prisma, { role: 'AGENT', active: false })
    const workFor = async (username: string, password: string) => {
      const statements = queries.statements.length
      vi.mocked(verifyPassword).mockClear()
      await logIn(username, password)
      return {
        passwordChecks: vi.mocked(verifyPassword).mock.calls.length,
        statements: queries.statements.slice(statements),
      }
    }
    const real = await workFor(existing.username, 'wrong password')
    expect(real.passwordChecks).toBe(1)
    expect(await workFor(`nobody-${existing.username}`, 'wrong password')).toEqual(real)
    expect(await workFor(deactivated.username, deactivated.password)).toEqual(real)
  })

  it('failed sign-ins are in the audit log; a sign-in is credited to the user who signed in', async () => {
    const user = await createUser(api.prisma, { role: 'CENTER_MANAGER' })
    const from = newAddress()
    await logIn(user.username, 'wrong password', { from })
    await logIn(user.username, user.password, { from })
    const events = await api.prisma.auditEvent.findMany({
      where: { entityType: 'User', entityId: user.id },
      orderBy: { at: 'asc' },
    })
    expect(events.map(({ action, actorId, after }) => ({ action, actorId, after }))).toEqual([
      {
        action: 'auth.logInFailed',
        actorId: null,
        after: { reason: 'WRONG_PASSWORD', address: from, knownDevice: false },
      },
      {
        action: 'auth.logIn',
        actorId: user.id,
        after: expect.objectContaining({ address: from, knownDevice: false }),
      },
    ])

    await logIn(`nobody-${user.username}`, 'wrong password', { from })
    const unknown = await api.prisma.auditEvent.findFirst({
      where: { action: 'auth.logInFailed', entityType: 'ClientAddress', entityId: from },
    })
    expect(unknown?.after).toEqual({ reason: 'UNKNOWN_USERNAME', address: from, knownDevice: false })
    // The name typed (perhaps a password typed in the wrong box) is not kept.
    expect(JSON.stringify(unknown)).not.toContain(`nobody-${user.username}`)
  })
})
