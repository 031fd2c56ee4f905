// `pnpm start`'s process, stopped with SIGTERM while a request is in flight and a subscriber listens.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { connect, createServer as createNetServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const apiFolder = fileURLToPath(new URL('..', import.meta.url))
let dataDir: string
let child: ChildProcess
let base: string
let port: number
const lines: Record<string, any>[] = []
let exited: Promise<number | null>

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check().catch(() => undefined)
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'tangtoc-shutdown-'))
  port = await freePort()
  base = `http://127.0.0.1:${port}`
  child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: apiFolder,
    env: {
      PATH: process.env.PATH,
      DATA_DIR: dataDir,
      PORT: String(port),
      LOG_FORMAT: 'json',
      SHUTDOWN_TIMEOUT_SECONDS: '10',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)))
  let buffer = ''
  child.stdout?.on('data', (chunk) => {
    buffer += chunk
    for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n')) {
      lines.push(JSON.parse(buffer.slice(0, end)))
      buffer = buffer.slice(end + 1)
    }
  })
  await until(
    'the API to be ready',
    async () => ((await fetch(`${base}/readyz`)).ok ? true : undefined),
    100_000,
  )
})
afterAll(async () => {
  if (child.exitCode === null) child.kill('SIGKILL')
  await rm(dataDir, { recursive: true, force: true })
})

/** Sends a request's head and half its body now; `finish()` sends the rest and resolves with the response. */
function requestInFlight(body: string, cookie: string) {
  const socket = connect(port, '127.0.0.1')
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

describe('a graceful shutdown on SIGTERM', () => {
  it('stops accepting, finishes the request in flight, ends live subscriptions with a retry hint, exits 0', async () => {
    const logIn = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation ($input: LogInInput!) { logIn(input: $input) { __typename } }',
        variables: { input: { username: 'admin', password: 'tangtoc-admin' } },
      }),
    })
    const cookie = (logIn.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
    const campaign = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query: '{ campaign(code: "TANG-TOC-2025") { id } }' }),
    })
    const campaignId = ((await campaign.json()) as any).data.campaign.id

    const stream = await fetch(`${base}/graphql`, {
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
    child.kill('SIGTERM')

    // New connections are refused once the shutdown has begun…
    await until(
      'the port to close',
      async () => {
        try {
          await fetch(`${base}/healthz`)
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

    expect(await exited).toBe(0)
    expect(lines.map((line) => line.msg)).toEqual(
      expect.arrayContaining(['shutting down: finishing the requests in flight', 'stopped']),
    )
  })
})
