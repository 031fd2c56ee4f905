import type { PrismaClient } from '@tangtoc/db'
import { createUser } from '@tangtoc/db/fixtures'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Logger } from '../../src/logger.ts'
import { createYogaApp } from '../../src/server.ts'
import { type ApiHarness, createApiHarness } from '../harness.ts'
import { catchLog } from '../log-lines.ts'

let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness()
})
afterAll(() => api.close())

/** The API over a database whose user table fails with an internal message, as a bug would. */
function brokenYoga(logger?: Logger) {
  const failing = new Proxy(api.prisma, {
    get: (target, property, receiver) =>
      property === 'user'
        ? {
            findUnique: () =>
              Promise.reject(new Error('relation "User" violates SELECT "passwordHash" FROM …')),
          }
        : Reflect.get(target, property, receiver),
  }) as PrismaClient
  return createYogaApp({ prisma: failing, logger })
}

async function askMe(yoga: ReturnType<typeof createYogaApp>, cookie: string, requestId?: string) {
  return yoga.fetch('http://tangtoc.test/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      cookie,
      ...(requestId ? { 'x-request-id': requestId } : {}),
    },
    body: JSON.stringify({ query: '{ me { username } }' }),
  })
}

describe('masked errors', () => {
  it('an unexpected exception is "Unexpected error." with the request id of the response header and the log line, and no stack', async () => {
    const user = await createUser(api.prisma, { role: 'AGENT' })
    const { cookie } = await api.signIn(user)
    const log = catchLog()
    const response = await askMe(brokenYoga(log.logger), cookie)

    const requestId = response.headers.get('x-request-id')
    expect(requestId).toMatch(/^[\w.-]{8,}$/)
    const text = await response.text()
    const body = JSON.parse(text)
    expect(body.errors).toEqual([
      {
        message: 'Unexpected error.',
        locations: [{ line: 1, column: 3 }],
        path: ['me'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
      },
    ])
    expect(text).not.toMatch(/passwordHash|relation|stack|at /)
    const logged = log.lines.find((entry) => entry.requestId === requestId)
    expect(logged).toMatchObject({ level: 'error', requestId, path: ['me'], msg: 'unexpected error' })
    expect(logged?.err?.message).toMatch(/passwordHash/)
    expect(logged?.err?.stack.split('\n').length).toBeLessThanOrEqual(12)
  })

  it('a request id from the client is logged beside the server’s own, which the answer carries', async () => {
    const user = await createUser(api.prisma, { role: 'AGENT' })
    const { cookie } = await api.signIn(user)
    const log = catchLog()
    const response = await askMe(brokenYoga(log.logger), cookie, 'support-ticket-4711')
    const requestId = response.headers.get('x-request-id')
    expect(requestId).not.toBe('support-ticket-4711')
    expect(
      ((await response.json()) as { errors: { extensions: { requestId: string } }[] }).errors[0]?.extensions
        .requestId,
    ).toBe(requestId)
    const logged = log.lines.find((entry) => entry.requestId === requestId)
    expect(logged).toMatchObject({ requestId, clientRequestId: 'support-ticket-4711' })
  })

  it('a typed error is not masked', async () => {
    const result = await api.graphql('{ users(first: 1) { totalCount } }')
    expect(result.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/Not authorized/),
      extensions: { code: 'FORBIDDEN' },
    })
  })
})
