import { personInput } from '@tangtoc/db/fixtures'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { campaignSetting, registerEnrollment, vsiInput } from '../../src/modules/enrollments/test-helpers.ts'
import { type ApiHarness, createApiHarness } from '../harness.ts'
import { listen } from '../http-server.ts'
import { type CaughtLog, catchLog } from '../log-lines.ts'

let api: ApiHarness
let log: CaughtLog
let server: Awaited<ReturnType<typeof listen>>
beforeAll(async () => {
  api = await createApiHarness()
  log = catchLog()
  server = await listen({ prisma: api.prisma, logger: log.logger })
})
afterAll(async () => {
  await server.close()
  await api.close()
})

/** The log line of the request that answered with this id. */
async function lineOf(requestId: string | null) {
  // Written when the response has gone out, which the client may see first.
  for (let tries = 0; tries < 50; tries++) {
    const line = log.lines.find((entry) => entry.requestId === requestId)
    if (line) return line
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  throw new Error(`no log line for request ${requestId}`)
}

describe('the request log', () => {
  it('is one JSON line per request with its id, the user’s id, the operation, status and duration', async () => {
    const setting = await campaignSetting(api)
    const person = personInput({ fullName: 'Nguyễn Thị Bảo Ngọc' })
    const named = registerEnrollment.replace('mutation (', 'mutation RegisterAtPostOffice (')
    const response = await server.graphql(
      named,
      { input: vsiInput(setting, {}, person) },
      setting.agent.credentials,
    )
    expect(response.body.data?.registerEnrollment.__typename).toBe('RegisterEnrollmentPayload')

    const line = await lineOf(response.headers.get('x-request-id'))
    expect(line).toMatchObject({
      level: 'info',
      requestId: expect.stringMatching(/^[\w-]{8,}$/),
      userId: setting.agent.user.id,
      operationName: 'RegisterAtPostOffice',
      operationType: 'mutation',
      req: { method: 'POST', path: '/graphql' },
      res: { status: 200 },
      durationMs: expect.any(Number),
      msg: 'POST /graphql 200',
    })
    expect(line.errorCode).toBeUndefined()
    expect(log.lines.filter((entry) => entry.requestId === line.requestId)).toHaveLength(1)
  })

  it('holds no personal data: not the citizen ID, the name, the phone, a cookie or the variables', async () => {
    const setting = await campaignSetting(api)
    const person = personInput({ fullName: 'Lê Văn Tám' })
    const response = await server.graphql(
      registerEnrollment,
      { input: vsiInput(setting, {}, person) },
      setting.agent.credentials,
    )
    const text = JSON.stringify(await lineOf(response.headers.get('x-request-id')))
    expect(text).not.toContain(person.citizenId)
    expect(text).not.toMatch(/Lê Văn Tám|912345678|Lê Lợi/)
    expect(text).not.toContain(setting.agent.credentials.cookie.split('=')[1])
    expect(text).not.toMatch(/registerEnrollment\(|"variables"|"headers"/)
  })

  it('carries the first error’s code', async () => {
    const response = await server.graphql('query Users { users(first: 1) { totalCount } }')
    const line = await lineOf(response.headers.get('x-request-id'))
    expect(line).toMatchObject({ operationName: 'Users', operationType: 'query', errorCode: 'FORBIDDEN' })
  })

  it('stays short for a huge query, and keeps a GET’s query string (its variables) out', async () => {
    const huge = `query Huge { ${Array.from({ length: 3_000 }, (_, i) => `a${i}: __typename`).join(' ')} }`
    const response = await server.graphql(huge)
    expect(response.body.errors).toHaveLength(1)
    const line = await lineOf(response.headers.get('x-request-id'))
    expect(line).toMatchObject({ errorCode: 'GRAPHQL_PARSE_FAILED' })
    expect(JSON.stringify(line).length).toBeLessThan(600)

    const get = await fetch(
      `${server.base}/graphql?query=${encodeURIComponent('{ me { id } }')}&variables=%7B%22citizenId%22%3A%22079123456789%22%7D`,
      {
        headers: { 'x-graphql-yoga-csrf': '1', accept: 'application/json' },
      },
    )
    const getLine = await lineOf(get.headers.get('x-request-id'))
    expect(getLine.req).toEqual({ method: 'GET', path: '/graphql' })
    expect(JSON.stringify(getLine)).not.toContain('079123456789')
  })

  it('logs a well-formed request id from the client beside the server’s own, and leaves the probes out', async () => {
    const response = await fetch(`${server.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'support-ticket-0042' },
      body: JSON.stringify({ query: '{ __typename }' }),
    })
    const requestId = response.headers.get('x-request-id')
    expect(requestId).not.toBe('support-ticket-0042')
    expect(await lineOf(requestId)).toMatchObject({
      clientRequestId: 'support-ticket-0042',
      res: { status: 200 },
    })

    const before = log.lines.length
    await fetch(`${server.base}/healthz`)
    await fetch(`${server.base}/readyz`)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(log.lines.slice(before)).toEqual([])
  })
})
