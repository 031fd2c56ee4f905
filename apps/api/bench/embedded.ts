// `pnpm bench`, the embedded database: the product as a new user runs it (`pnpm start` without
// DATABASE_URL: PGlite persisted in DATA_DIR, inside the API's process), with the launch campaign
// seeded by the demo generator as `pnpm db:seed --demo` seeds it. PGlite runs one statement at a time
// on the API's own thread, so a request's database time is every other request's wait. Measured: the
// console's enrollment list page (50 rows with totalCount, newest first, the campaign as filter) for
// an admin, who reads the whole campaign, against a center manager of the busiest center, who reads
// that center's subtree: first one request at a time (alternating), then from 1, 2, 4, 8 and 16
// concurrent clients of each role. The admin/manager ratio in the same run is the figure to watch.
//
//   BENCH_EMBEDDED_ENROLLMENTS  how many enrollments to seed (default 100000)
//   BENCH_EMBEDDED_DIR          a data folder to keep and measure again next time (seeded when empty)

import type { ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { Agent } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { encodeGlobalID } from '@pothos/plugin-relay'
import { createPrismaClient, embeddedDatabaseUrl, migrateDatabase } from '@tangtoc/db'
import { createUser } from '@tangtoc/db/fixtures'
import { launchCampaignCode, seedDemo, seedLaunchCampaign, seedReferenceData } from '@tangtoc/db/seed'
import {
  busiestCenter,
  consoleEnrollmentsQuery,
  graphqlOverHttp,
  log,
  percentilesOf,
  signIn,
  startApi,
  stopApi,
} from './common.ts'

const enrollmentCount = Number(process.env.BENCH_EMBEDDED_ENROLLMENTS ?? 100_000)
const keptFolder = process.env.BENCH_EMBEDDED_DIR
const serialRequests = 100
const warmUp = 20
const clientCounts = [1, 2, 4, 8, 16] as const
/** Requests per concurrency level and role, shared among its clients. */
const requestsPerLevel = 160
/** The list's floor (docs/benchmarks.md): a page's p95. */
const listFloorMs = 30

type Level = { p50: number; p95: number; p99: number; perSecond: number; failed: number; firstError: string }

export async function benchEmbedded() {
  const dataDir = keptFolder ?? (await mkdtemp(join(tmpdir(), 'tangtoc-bench-embedded-')))
  const url = embeddedDatabaseUrl(join(dataDir, 'pglite'))
  let server: ChildProcess | undefined
  try {
    log(`embedded database in ${dataDir}: migrating`)
    await migrateDatabase(url)
    const prisma = createPrismaClient({ url })
    let setting: Awaited<ReturnType<typeof prepare>>
    try {
      setting = await prepare(prisma)
    } finally {
      // The embedded database admits one process at a time: the API's, next.
      await prisma.$disconnect()
    }
    log('starting the API on the embedded database')
    const { DATABASE_URL: _postgresql, ...env } = process.env
    const api = await startApi({ ...env, DATA_DIR: dataDir, API_WORKERS: '1', REDIS_URL: '' })
    server = api.server
    const agent = new Agent({ keepAlive: true, maxSockets: Math.max(...clientCounts) })
    const graphql = graphqlOverHttp(`http://127.0.0.1:${api.port}/graphql`, agent)
    const variables = {
      filter: { campaign: encodeGlobalID('Campaign', setting.campaignId) },
      orderBy: { field: 'REGISTERED_AT', direction: 'DESC' },
      first: 50,
    }
    const page = (cookie: string) => graphql(consoleEnrollmentsQuery, variables, cookie)
    const roles = { admin: setting.adminCookie, manager: setting.managerCookie }
    const totals = {
      admin: (await page(roles.admin)).enrollments.totalCount as number,
      manager: (await page(roles.manager)).enrollments.totalCount as number,
    }

    const serial = await oneAtATime(page, roles)

    const levels: { clients: number; admin: Level; manager: Level }[] = []
    for (const clients of clientCounts) {
      const admin = await concurrently(clients, () => page(roles.admin))
      const manager = await concurrently(clients, () => page(roles.manager))
      levels.push({ clients, admin, manager })
      log(
        `${clients} concurrent: admin p95 ${admin.p95.toFixed(1)} ms, manager p95 ${manager.p95.toFixed(1)} ms`,
      )
    }

    printReport(totals, serial, levels)
  } finally {
    await stopApi(server)
    if (!keptFolder) await rm(dataDir, { recursive: true, force: true })
  }
}

type Roles = { admin: string; manager: string }
type Serial = { admin: number[]; manager: number[] }

/** One request at a time after a warm-up, the roles alternating so that both see the same machine. */
async function oneAtATime(page: (cookie: string) => Promise<unknown>, roles: Roles): Promise<Serial> {
  for (let i = 0; i < warmUp; i++) for (const cookie of Object.values(roles)) await page(cookie)
  const serial = { admin: [] as number[], manager: [] as number[] }
  for (let i = 0; i < serialRequests; i++) {
    for (const role of ['admin', 'manager'] as const) {
      const started = performance.now()
      await page(roles[role])
      serial[role].push(performance.now() - started)
    }
  }
  return serial
}

/** The report: one request at a time, then each level of concurrency, and the clients within the floor. */
function printReport(
  totals: { admin: number; manager: number },
  serial: Serial,
  levels: { clients: number; admin: Level; manager: Level }[],
) {
  const ms = (value: number) => value.toFixed(1)
  const one = {
    admin: percentilesOf(serial.admin, [50, 95]),
    manager: percentilesOf(serial.manager, [50, 95]),
  }
  console.log('')
  console.log(
    `Embedded database (PGlite in the API's process): ${enrollmentCount.toLocaleString('en')} enrollments seeded; the admin's list counts ${totals.admin.toLocaleString('en')}, the manager's ${totals.manager.toLocaleString('en')}`,
  )
  console.log('')
  console.log('| one request at a time | p50 ms | p95 ms |')
  console.log('|---|---:|---:|')
  console.log(`| admin, whole campaign | ${ms(one.admin.p50)} | ${ms(one.admin.p95)} |`)
  console.log(`| center manager, busiest center | ${ms(one.manager.p50)} | ${ms(one.manager.p95)} |`)
  console.log(
    `| ratio admin / manager | ${(one.admin.p50 / one.manager.p50).toFixed(2)} | ${(one.admin.p95 / one.manager.p95).toFixed(2)} |`,
  )
  console.log('')
  console.log(
    '| concurrent clients | admin p50 | admin p95 | admin p99 | admin pages/s | manager p50 | manager p95 | manager p99 | manager pages/s | p99 ratio | failed |',
  )
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
  for (const { clients, admin, manager } of levels) {
    console.log(
      `| ${clients} | ${ms(admin.p50)} | ${ms(admin.p95)} | ${ms(admin.p99)} | ${admin.perSecond.toFixed(0)} | ${ms(manager.p50)} | ${ms(manager.p95)} | ${ms(manager.p99)} | ${manager.perSecond.toFixed(0)} | ${(admin.p99 / manager.p99).toFixed(2)} | ${admin.failed + manager.failed} |`,
    )
  }
  for (const level of levels) {
    const error = level.admin.firstError || level.manager.firstError
    if (error) log(`a failed request at ${level.clients} clients: ${error}`)
  }
  const within = (role: 'admin' | 'manager') =>
    Math.max(0, ...levels.filter((level) => level[role].p95 <= listFloorMs).map((level) => level.clients))
  console.log('')
  console.log(
    `Within the list's floor (p95 ≤ ${listFloorMs} ms): ${within('admin')} concurrent admins, ${within('manager')} concurrent managers.`,
  )
}

/** The campaign (seeded when the folder has none), its admin's and its busiest center's manager's sessions. */
async function prepare(prisma: ReturnType<typeof createPrismaClient>) {
  if ((await prisma.campaign.count({ where: { code: launchCampaignCode } })) === 0) {
    await seedReferenceData(prisma)
    await seedLaunchCampaign(prisma)
    log(`seeding ${enrollmentCount.toLocaleString('en')} enrollments into the embedded database (minutes)`)
    const seeded = await seedDemo(prisma, {
      campaignCode: launchCampaignCode,
      enrollments: enrollmentCount,
      // The embedded part measures progress and registering: the year before would only slow its seed.
      previousYear: 0,
      seed: 1,
    })
    log(`seeded in ${(seeded.milliseconds.total / 1000).toFixed(0)} s`)
  }
  const { campaign, center } = await busiestCenter(prisma, launchCampaignCode)
  const admin = await createUser(prisma, { role: 'ADMIN', center: null })
  const manager = await createUser(prisma, { role: 'CENTER_MANAGER', center })
  return {
    campaignId: campaign.id,
    adminCookie: await signIn(prisma, admin.id),
    managerCookie: await signIn(prisma, manager.id),
  }
}

/** `clients` clients sending requests back to back until the level's requests are sent. */
async function concurrently(clients: number, request: () => Promise<unknown>): Promise<Level> {
  const times: number[] = []
  let next = 0
  let failed = 0
  let firstError = ''
  const started = performance.now()
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < requestsPerLevel) {
        next++
        const sent = performance.now()
        try {
          await request()
          times.push(performance.now() - sent)
        } catch (error) {
          failed++
          firstError ||= String(error)
        }
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  return {
    ...percentilesOf(times, [50, 95, 99]),
    perSecond: times.length / seconds,
    failed,
    firstError,
  }
}
