// What `pnpm bench`'s parts share: the API started as `pnpm start` runs it, a GraphQL client over
// kept-alive node:http connections, sign-in, percentiles and the host's speed.

import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync } from 'node:fs'
import { type Agent, request as httpRequest } from 'node:http'
import { createServer as createNetServer } from 'node:net'
import type { PrismaClient } from '@tangtoc/db'
import { loadConfig } from '../src/config.ts'
import { hashSecret, newSecret, sessionCookieName } from '../src/modules/auth/credentials.ts'
import type { OperationData } from '../test/graphql-data.ts'

const localSocket = '/var/run/postgresql'

/** The PostgreSQL server the bench uses: BENCH_DATABASE_URL, else its Unix socket when it has one, else TCP. */
export const benchServerUrl =
  process.env.BENCH_DATABASE_URL ??
  (existsSync(`${localSocket}/.s.PGSQL.5432`)
    ? `postgresql://postgres@localhost/postgres?host=${localSocket}`
    : 'postgresql://postgres@127.0.0.1:5432/postgres')

export function log(message: string) {
  console.log(`· ${message}`)
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
}

/** The percentiles asked for of unsorted times, ms. */
export function percentilesOf<P extends number>(times: number[], ps: readonly P[]): Record<`p${P}`, number> {
  const sorted = times.toSorted((a, b) => a - b)
  return Object.fromEntries(ps.map((p) => [`p${p}`, percentile(sorted, p)])) as Record<`p${P}`, number>
}

/**
 * The console's enrollment list query (apps/console/src/enrollments/EnrollmentList.tsx), as it asks
 * for a page: with totalCount, newest first.
 */
export const consoleEnrollmentsQuery = `query Enrollments($filter: EnrollmentFilter, $orderBy: EnrollmentOrder, $first: Int, $offset: Int) {
  enrollments(filter: $filter, orderBy: $orderBy, first: $first, offset: $offset) {
    totalCount
    edges { node { id version product status payable registeredOn coverageEnd person { id fullName citizenId } center { id name } } }
  }
}`

/** The console's worklist query (apps/console/src/worklists/WorklistPage.tsx) for one list, first 20. */
export const consoleWorklistQuery = `query ($list: Worklist!, $on: Date) {
  worklist(list: $list, on: $on, first: 20) {
    edges { node {
      list fullName phone products dueDate reason reasonVi reminderText remindedAt
      enrollment { id } lead { id } assignedTo { id displayName }
      lastFollowUp { at outcome promisedOn by { id displayName } }
    } }
  }
}`

/** A console session for the user, as `logIn` would create it (without argon2's cost): its cookie. */
export async function signIn(prisma: PrismaClient, userId: string): Promise<string> {
  const secret = newSecret('tts')
  await prisma.loginSession.create({
    data: { tokenHash: hashSecret(secret), userId, expiresAt: new Date(Date.now() + 3_600_000) },
  })
  return `${sessionCookieName}=${secret}`
}

/**
 * Builds the API and the packages it runs on (turbo keeps what did not change), once per run: the bench
 * measures the API as `pnpm start` runs it, compiled JavaScript, whose speed and memory are production's
 * (run through tsx, the same process sat at about 330 MB before any work).
 */
let built: Promise<void> | undefined
export function buildApi(): Promise<void> {
  built ??= new Promise((resolve, reject) => {
    const build = spawn(
      'pnpm',
      ['exec', 'turbo', 'run', 'build', '--filter=@tangtoc/api', '--output-logs=errors-only'],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    )
    build.on('error', reject)
    build.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`the API's build failed (exit ${code})`)),
    )
  })
  return built
}

/**
 * The API as `pnpm start` runs it (built first), in a process of its own (the clients are not its
 * work), on a free port, once it answers /healthz.
 */
export async function startApi(
  env: NodeJS.ProcessEnv,
  nodeOptions: string[] = [],
): Promise<{ server: ChildProcess; port: number }> {
  await buildApi()
  const port = await freePort()
  // The heap bound `pnpm start` gives it; `nodeOptions` come after, so a bound there wins.
  const heap = `--max-old-space-size=${loadConfig(env).API_HEAP_MB}`
  const server = spawn(process.execPath, [heap, ...nodeOptions, '--conditions=compiled', 'dist/main.js'], {
    env: { ...env, PORT: String(port), LOG_FORMAT: 'json' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  await untilHealthy(`http://127.0.0.1:${port}/healthz`, server)
  return { server, port }
}

export async function stopApi(server: ChildProcess | undefined) {
  if (server && server.exitCode === null) {
    server.kill('SIGTERM')
    await once(server, 'exit')
  }
}

/**
 * A GraphQL client over plain node:http and kept-alive connections: the clients share the machine
 * with the API and the database, so they should cost as little as a client can (fetch costs several
 * times more). Rejects on an error answer, with its HTTP status.
 */
export function graphqlOverHttp(endpoint: string, agent: Agent) {
  return (query: string, variables: Record<string, unknown>, cookie: string) =>
    new Promise<OperationData>((resolve, reject) => {
      const payload = JSON.stringify({ query, variables })
      const request = httpRequest(
        endpoint,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
            'x-graphql-yoga-csrf': '1',
            cookie,
          },
        },
        (response) => {
          const chunks: Buffer[] = []
          response.on('data', (chunk: Buffer) => chunks.push(chunk))
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString()
            let body: { data?: OperationData; errors?: unknown[] }
            try {
              body = JSON.parse(text)
            } catch {
              reject(new Error(`HTTP ${response.statusCode}: ${text.slice(0, 200)}`))
              return
            }
            if (body.errors)
              reject(
                new Error(
                  `HTTP ${response.statusCode}, GraphQL errors: ${JSON.stringify(body.errors).slice(0, 500)}`,
                ),
              )
            else resolve(body.data ?? {})
          })
          response.on('error', reject)
        },
      )
      request.on('error', reject)
      request.end(payload)
    })
}

/** The GraphQL client of the bench's parts: a call as the admin unless a cookie is given. */
export type BenchGraphql = (
  query: string,
  variables: Record<string, unknown>,
  cookie?: string,
) => ReturnType<ReturnType<typeof graphqlOverHttp>>

/**
 * A fixed piece of CPU work, timed: a cloud machine's speed varies with its host's other tenants, so
 * figures from different runs compare only beside it.
 */
export function hostLoopMs(): number {
  const started = performance.now()
  let sum = 0
  for (let i = 0; i < 1e8; i++) sum += i
  if (sum < 0) throw new Error('unreachable')
  return performance.now() - started
}

async function freePort(): Promise<number> {
  const probe = createNetServer().listen(0, '127.0.0.1')
  await once(probe, 'listening')
  const address = probe.address()
  probe.close()
  if (!address || typeof address === 'string') throw new Error('no free port')
  return address.port
}

async function untilHealthy(url: string, child: ChildProcess) {
  for (const started = Date.now(); Date.now() - started < 120_000; ) {
    if (child.exitCode !== null) throw new Error(`the API stopped (exit ${child.exitCode})`)
    const healthy = await fetch(url).then(
      (response) => response.ok,
      () => false,
    )
    if (healthy) return
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error('the API did not become healthy within two minutes')
}

/** The launch campaign and its center with the most enrollments: the heaviest manager's view. */
export async function busiestCenter(prisma: PrismaClient, campaignCode: string) {
  const campaign = await prisma.campaign.findUniqueOrThrow({ where: { code: campaignCode } })
  const [busiest] = await prisma.enrollment.groupBy({
    by: ['centerId'],
    where: { campaignId: campaign.id },
    _count: { _all: true },
    orderBy: { _count: { centerId: 'desc' } },
    take: 1,
  })
  const center = await prisma.center.findUniqueOrThrow({ where: { id: busiest?.centerId ?? '' } })
  return { campaign, center }
}
