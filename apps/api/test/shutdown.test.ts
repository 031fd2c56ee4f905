// `pnpm start`'s process, stopped with SIGTERM while a request is in flight and a subscriber listens.
import { mkdtemp, rm } from 'node:fs/promises'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApiProcess, until } from './api-process.ts'

let dataDir: string
let api: Awaited<ReturnType<typeof startApiProcess>>

/** Sends a request's head and half its body now; `finish()` sends the rest and resolves with the response. */
function requestInFlight(body: string, cookie: string) {
  const socket = connect(api.port, '127.0.0.1')
  const bytes = Buffer.from(body)
  const half = Math.floor(bytes.length / 2)
  let response = ''
  socket.on('data', (chunk) => {
    response += chunk
  })
  const ended = new Promise<string>((resolve) => socket.on('close', () => resolve(response)))
  socket.write(
    `POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nConnection: close\r\n` +
      `Cookie: ${cookie}\r\nContent-Length: ${bytes.length}\r\n\r\n`,
  )
  socket.write(bytes.subarray(0, half))
  return {
    finish() {
      socket.write(bytes.subarray(half))
      return ended
    },
  }
}

// The process runs on the embedded database whatever the tests' database: once per CI run is enough
// (its pass on PGlite, where it does not compete with the other packages' suites for the CPU).
describe.skipIf(process.env.TEST_DATABASE_URL)('a graceful shutdown on SIGTERM', () => {
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tangtoc-shutdown-'))
    api = await startApiProcess({ DATA_DIR: dataDir, SHUTDOWN_TIMEOUT_SECONDS: '10' })
  })
  afterAll(async () => {
    api.kill()
    await rm(dataDir, { recursive: true, force: true })
  })

  it('stops accepting, finishes the request in flight, ends live subscriptions with a retry hint, exits 0', async () => {
    const logIn = await fetch(`${api.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation ($input: LogInInput!) { logIn(input: $input) { __typename } }',
        variables: { input: { username: 'admin', password: 'tangtoc-admin' } },
      }),
    })
    const cookie = (logIn.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
    const campaign = await fetch(`${api.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query: '{ campaign(code: "TANG-TOC-2025") { id } }' }),
    })
    const campaignId = ((await campaign.json()) as { data: { campaign: { id: string } } }).data.campaign.id

    const stream = await fetch(`${api.base}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        'x-graphql-yoga-csrf': '1',
        cookie,
      },
      body: JSON.stringify({
        query: 'subscription ($campaign: ID!) { enrollmentRegistered(campaign: $campaign) { id } }',
        variables: { campaign: campaignId },
      }),
    })
    const events = stream.text()

    const inFlight = requestInFlight(JSON.stringify({ query: 'query Me { me { username } }' }), cookie)
    await new Promise((resolve) => setTimeout(resolve, 200))
    api.child.kill('SIGTERM')

    // New connections are refused once the shutdown has begun…
    await until(
      'the port to close',
      async () => {
        try {
          await fetch(`${api.base}/healthz`)
          return undefined
        } catch {
          return true
        }
      },
      5_000,
    )
    // …while the request already in flight is answered.
    const response = await inFlight.finish()
    expect(response).toMatch(/^HTTP\/1\.1 200 /)
    expect(response).toContain('{"data":{"me":{"username":"admin"}}}')

    const ended = await events
    expect(ended).toContain('"code":"SERVER_RESTARTING"')
    expect(ended).toMatch(/"retryAfterSeconds":\d+/)

    expect(await api.exited).toBe(0)
    expect(api.lines.map((line) => line.msg)).toEqual(
      expect.arrayContaining(['shutting down: finishing the requests in flight', 'stopped']),
    )
  })
})
