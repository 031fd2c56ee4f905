// `pnpm bench`: the API at a whole campaign's size. Creates a scratch PostgreSQL database, migrates
// it, seeds the launch campaign with 366,000 enrollments (the demo generator; with the worklist part,
// after the same campaign a year earlier with as many), serves the API on a
// free port and measures through HTTP after a warm-up: campaignProgress (campaign, one center), the
// enrollment list (first page, a page 5,000 rows deep, a text search), the worklists (a page of
// EXPIRING, LAPSED, WAITING_PAYMENT and PROMISED for one center's agent, and worklistCounts) and
// registrations (people alone, and households of three) from 16 concurrent clients. Each read is also timed as the plain SQL that gives the same answer, through
// `pg` in the same run, alternating with the API: the least work the database needs. Prints
// figures; drops the database.
//
//   BENCH_DATABASE_URL   the PostgreSQL server to create the scratch database on (default the local
//                        server, through its Unix socket when it has one, as an API beside it would)
//   BENCH_ENROLLMENTS    how many enrollments to seed (default 366000), and as many a year earlier
//                        when the worklist part runs
//   BENCH_API_WORKERS    API processes serving the benchmark (API_WORKERS; default 1: on 2 cores
//                        shared with PostgreSQL and the clients, a second one costs more than it gives)
//   BENCH_REDIS_URL      the Redis several workers' live events go through (default redis://127.0.0.1:6379)
//   BENCH_API_NODE_OPTIONS  node options for the API's processes, e.g. --cpu-prof to profile them
//   BENCH_ONLY           some of progress,list,worklist,register,import,bulk,export,embedded,soak (default
//                        all; import and bulk: a 50,000-row import and a 1,000-enrollment payment,
//                        bench/bulk-intake.ts; export: the enrollment list as CSV and XLSX at two sizes
//                        against COPY, bench/export.ts; embedded:
//                        the same API on the embedded database under concurrency, bench/embedded.ts; soak:
//                        the scaled-out topology under faults, 16 clients for 60 s, bench/soak.ts, as root)
//   BENCH_REUSE          a database to keep afterwards and measure again next time: seeded when it
//                        does not exist yet, migrated when it does
//   BENCH_CAMPAIGN       the campaign to measure, by code (default the launch campaign); another one
//                        only in a BENCH_REUSE database seeded already, e.g. by the national demo
//                        (pnpm db:seed --demo --provinces 34, docs/scaling.md)

import type { ChildProcess } from 'node:child_process'
import { Agent } from 'node:http'
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os'
import { encodeGlobalID } from '@pothos/plugin-relay'
import {
  type Campaign,
  type Center,
  createPrismaClient,
  migrateDatabase,
  type PrismaClient,
  searchHashes,
} from '@tangtoc/db'
import { createUser } from '@tangtoc/db/fixtures'
import { launchCampaignCode, seedDemo, seedLaunchCampaign, seedReferenceData } from '@tangtoc/db/seed'
import { personSearch } from '@tangtoc/shared'
import pg from 'pg'
import { benchBulk, benchImport, type OnceRow, printOnceRows } from './bulk-intake.ts'
import {
  type BenchGraphql,
  benchServerUrl,
  busiestCenter,
  consoleEnrollmentsQuery,
  consoleWorklistQuery,
  graphqlOverHttp,
  hostLoopMs,
  log,
  percentilesOf,
  signIn,
  startApi,
  stopApi,
} from './common.ts'
import { benchEmbedded } from './embedded.ts'
import { benchExport } from './export.ts'
import { benchPeople, benchRegister, type WriteRow } from './register.ts'
import { benchSoak } from './soak.ts'

const serverUrl = benchServerUrl
const enrollmentCount = Number(process.env.BENCH_ENROLLMENTS ?? 366_000)
const reuse = process.env.BENCH_REUSE
const campaignCode = process.env.BENCH_CAMPAIGN ?? launchCampaignCode
const apiWorkers = Number(process.env.BENCH_API_WORKERS ?? 1)
const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379'
const sections = new Set(
  (process.env.BENCH_ONLY ?? 'progress,list,worklist,register,import,bulk,export,embedded,soak').split(','),
)
const databaseName = reuse ?? `tangtoc_bench_${Date.now()}_${process.pid}`
const databaseUrl = (() => {
  const url = new URL(serverUrl)
  url.pathname = `/${databaseName}`
  return url.toString()
})()

const iterations = 200
const warmUp = 20
const registrations = 3_000
const concurrency = 16

type Row = {
  name: string
  p50: number
  p95: number
  sqlP50?: number
  sqlP95?: number
  floor?: string
  met?: boolean
}
const results: Row[] = []
/** Lines printed under the table: floors that compare rows. */
const notes: string[] = []

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

/** What each read part measures with: the campaign, its busiest center, the API and plain SQL beside it. */
interface ReadSetting {
  prisma: PrismaClient
  sql: pg.Pool
  campaign: Campaign
  center: Center
  campaignId: string
  centerId: string
  /** The busiest center and the centers below it. */
  subtreeIds: string[]
  adminCookie: string
  agentCookies: string[]
  graphql: BenchGraphql
}

/** Whether the database was there already (BENCH_REUSE); creates it when not. */
async function openDatabase(): Promise<boolean> {
  const exists = await admin(
    async (client) =>
      (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [databaseName])).rowCount === 1,
  )
  if (!exists && campaignCode !== launchCampaignCode) {
    throw new Error(`BENCH_CAMPAIGN=${campaignCode} needs BENCH_REUSE naming a database that holds it`)
  }
  if (!exists) {
    log(`creating ${databaseName}`)
    await admin((client) => client.query(`CREATE DATABASE "${databaseName}"`))
  }
  return exists
}

// long: the bench's run in order: the database, the API, each part chosen and the report, inside the clean-up that must follow a failure
async function main() {
  const exists = await openDatabase()
  const prisma = createPrismaClient({ url: databaseUrl })
  const sql = new pg.Pool({ connectionString: databaseUrl, max: 10 })
  // A connection still closing when the scratch database is dropped ends with an error: not news.
  sql.on('error', () => {})
  let server: ChildProcess | undefined
  try {
    log('migrating')
    await migrateDatabase(databaseUrl)
    if (!exists) await seed(prisma)
    // Fresh planner statistics and flushed index pending lists, as autovacuum keeps a database in use.
    await sql.query('VACUUM ANALYZE')

    const { campaign, center } = await busiestCenter(prisma, campaignCode)
    const { agents, adminCookie, agentCookies } = await signInClients(prisma, center)

    const api = await startBenchApi()
    server = api.server
    const agent = new Agent({ keepAlive: true, maxSockets: concurrency })
    const post = graphqlOverHttp(`http://127.0.0.1:${api.port}/graphql`, agent)
    const graphql = (query: string, variables: Record<string, unknown>, cookie = adminCookie) =>
      post(query, variables, cookie)
    const subtree = await sql.query<{ id: string }>(`SELECT id FROM "Center" WHERE path LIKE $1`, [
      `${center.path}%`,
    ])
    const setting: ReadSetting = {
      prisma,
      sql,
      campaign,
      center,
      campaignId: encodeGlobalID('Campaign', campaign.id),
      centerId: encodeGlobalID('Center', center.id),
      subtreeIds: subtree.rows.map((row) => row.id),
      adminCookie,
      agentCookies,
      graphql,
    }

    if (sections.has('progress')) await benchProgress(setting)
    if (sections.has('list')) await benchList(setting)
    if (sections.has('worklist')) await benchWorklists(setting)
    const people = benchPeople(setting)
    const writes = sections.has('register')
      ? await benchRegister(
          { ...setting, agents, apiPid: server.pid ?? 0, admin, databaseName, concurrency, registrations },
          people,
        )
      : []

    const once: OnceRow[] = []
    const bulkSetting = {
      ...setting,
      apiPort: api.port,
      apiPid: server.pid ?? 0,
      graphql: (query: string, variables: Record<string, unknown>) => graphql(query, variables),
      registration: people.registrationInput,
    }
    if (sections.has('import')) once.push(...(await benchImport(bulkSetting)))
    if (sections.has('bulk')) once.push(...(await benchBulk(bulkSetting)))
    const exportLines =
      sections.has('export') && server.pid
        ? await benchExport({
            origin: `http://127.0.0.1:${api.port}`,
            apiPid: server.pid,
            cookie: adminCookie,
            agent,
            sql,
            campaign,
          })
        : []

    await printReport(setting, { writes, exportLines, once })
  } finally {
    await stopApi(server)
    await sql.end()
    await prisma.$disconnect()
    if (!reuse) {
      await admin((client) => client.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`))
      log(`dropped ${databaseName}`)
    }
  }
}

/** An admin, and an agent of the center for each client, signed in. */
async function signInClients(prisma: PrismaClient, center: Center) {
  const adminUser = await createUser(prisma, { role: 'ADMIN', center: null })
  const agents = await Promise.all(
    Array.from({ length: concurrency }, () => createUser(prisma, { role: 'AGENT', center })),
  )
  const adminCookie = await signIn(prisma, adminUser.id)
  const agentCookies = await Promise.all(agents.map((agent) => signIn(prisma, agent.id)))
  return { agents, adminCookie, agentCookies }
}

/** A new database: the reference data and the launch campaign, with the demo's enrollments. */
async function seed(prisma: PrismaClient) {
  await seedReferenceData(prisma)
  await seedLaunchCampaign(prisma)
  // The worklists need the year before (its cards expire and lapse); the other parts were measured without.
  const previousYear = sections.has('worklist') ? enrollmentCount : 0
  log(
    `seeding ${enrollmentCount.toLocaleString('en')} enrollments after ${previousYear.toLocaleString('en')} a year earlier (a few minutes)`,
  )
  const seeded = await seedDemo(prisma, {
    campaignCode: launchCampaignCode,
    enrollments: enrollmentCount,
    previousYear,
    seed: 1,
  })
  log(
    `seeded in ${(seeded.milliseconds.total / 1000).toFixed(0)} s: ${seeded.sessions} sessions, ${seeded.people} people`,
  )
}

function startBenchApi() {
  log(`starting the API: ${apiWorkers} worker${apiWorkers > 1 ? 's' : ''}`)
  const nodeOptions = (process.env.BENCH_API_NODE_OPTIONS ?? '').split(' ').filter(Boolean)
  return startApi(
    {
      ...process.env,
      DATABASE_URL: databaseUrl,
      API_WORKERS: String(apiWorkers),
      // One instance needs no Redis; several share their live events through it.
      REDIS_URL: apiWorkers > 1 ? redisUrl : '',
      // The export part measures the whole campaign streamed, not queued as a job.
      EXPORT_JOB_ROWS: String(10 * enrollmentCount),
    },
    nodeOptions,
  )
}

// ── campaignProgress ─────────────────────────────────────────────────────
const progressQuery = `query ($campaign: ID!, $center: ID) {
  campaignProgress(campaign: $campaign, center: $center) {
    enrolled target percent countedStatuses
    products { product enrolled target percent }
    centers { rank enrolled target percent center { code name } products { product enrolled target percent } }
    days { date enrolled cumulative target }
    milestones { label dueDate count enrolled metOn status }
    daysLeft dailyPaceNeeded last7DaysPace projectedFinishDate sessionsHeld attendance
  }
}`

async function benchProgress({ sql, campaign, campaignId, centerId, subtreeIds, graphql }: ReadSetting) {
  const counted = campaign.countedStatuses
  // The participants the campaign's targets count (countedParticipants), as the API counts them.
  const participants = {
    NEW: `AND continuity <> 'CONTINUING'`,
    CONTINUING: `AND continuity = 'CONTINUING'`,
    BOTH: '',
  }[campaign.countParticipants]
  const progressSql = (centerIds: string[] | null) => () =>
    Promise.all([
      sql.query('SELECT * FROM "Campaign" WHERE id = $1', [campaign.id]),
      sql.query('SELECT * FROM "Center" ORDER BY code'),
      sql.query(
        `SELECT "centerId", product, day, sum(count)::int AS count FROM "EnrollmentDailyCount"
         WHERE "campaignId" = $1 AND status = ANY($2::"EnrollmentStatus"[]) ${participants} ${centerIds ? 'AND "centerId" = ANY($3::uuid[])' : ''}
         GROUP BY 1, 2, 3`,
        centerIds ? [campaign.id, counted, centerIds] : [campaign.id, counted],
      ),
      sql.query('SELECT * FROM "Target" WHERE "campaignId" = $1 ORDER BY "dueDate", id', [campaign.id]),
      sql.query(
        `SELECT count(*)::int, coalesce(sum(attendance), 0)::int FROM "OutreachSession"
         WHERE "campaignId" = $1 AND status = 'DONE' ${centerIds ? 'AND "centerId" = ANY($2::uuid[])' : ''}`,
        centerIds ? [campaign.id, centerIds] : [campaign.id],
      ),
    ])
  await measure(
    'campaignProgress, whole campaign',
    () => graphql(progressQuery, { campaign: campaignId }),
    progressSql(null),
    {
      p95: 50,
      ratio: 2,
    },
  )
  await measure(
    'campaignProgress, one center',
    () => graphql(progressQuery, { campaign: campaignId, center: centerId }),
    progressSql(subtreeIds),
    { p95: 50, ratio: 2 },
  )
  const breakdownQuery = `query ($campaign: ID!) { campaignProgress(campaign: $campaign) {
  audiences { audience enrolled } sessionKinds { kind enrolled } conversion } }`
  const plain = await breakdownSql(sql, campaign, participants, progressSql(null))
  sameAudiences(await graphql(breakdownQuery, { campaign: campaignId }), await plain.audiences())
  await measure(
    'campaignProgress audiences + sessionKinds',
    () => graphql(breakdownQuery, { campaign: campaignId }),
    plain.reads,
    { p95: 50, ratio: 2 },
  )
}

/**
 * The breakdowns' plain SQL: the same five reads and the segment totals less the segments of the
 * days outside the campaign's dates (payments counted after its end), which its period leaves out,
 * as the API reads them. The centers and products with such days are looked up once, here, where the
 * API learns them from the day rollup it reads first: the SQL does less than the API, never more.
 * (Until 2026-12-04 it summed the totals alone: another answer, with those days and continuing
 * participants in it.)
 */
async function breakdownSql(
  sql: pg.Pool,
  campaign: Campaign,
  participants: string,
  progressReads: () => Promise<unknown>,
) {
  const { rows } = await sql.query<{ centers: string[] | null; products: string[] | null }>(
    `SELECT array_agg(DISTINCT "centerId") AS centers, array_agg(DISTINCT product) AS products
       FROM "EnrollmentDailyCount" WHERE "campaignId" = $1 AND (day < $2 OR day > $3)`,
    [campaign.id, isoDate(campaign.startDate), isoDate(campaign.endDate)],
  )
  const outside = (side: string) => `UNION ALL
      SELECT "occupationGroup", "sessionKind", -count FROM "EnrollmentSegmentCount"
       WHERE "campaignId" = $1 AND status = ANY($2::"EnrollmentStatus"[]) ${participants}
         AND "centerId" = ANY($5::uuid[]) AND product = ANY($6::"Product"[]) AND day ${side}`
  const segments = `SELECT nullif("occupationGroup", '') AS "occupationGroup", nullif("sessionKind", ''), sum(count)::int AS enrolled
    FROM (SELECT "occupationGroup", "sessionKind", count FROM "EnrollmentSegmentTotal"
           WHERE "campaignId" = $1 AND status = ANY($2::"EnrollmentStatus"[]) ${participants}
          ${outside('< $3')} ${outside('> $4')}) x
    GROUP BY 1, 2 HAVING sum(count) <> 0`
  const values = [
    campaign.id,
    campaign.countedStatuses,
    isoDate(campaign.startDate),
    isoDate(campaign.endDate),
    rows[0]?.centers ?? [],
    rows[0]?.products ?? [],
  ]
  return {
    reads: () => Promise.all([progressReads(), sql.query(segments, values)]),
    /** The counts per occupation group, as `audiences` gives them: to check that both answers agree. */
    audiences: async () =>
      (
        await sql.query<{ occupationGroup: string | null; enrolled: number }>(
          `SELECT "occupationGroup", sum(enrolled)::int AS enrolled FROM (${segments}) y GROUP BY 1`,
          values,
        )
      ).rows,
  }
}

/** Refuses to time a plain SQL that answers otherwise than the API: the counts per occupation group. */
function sameAudiences(
  answered: Awaited<ReturnType<BenchGraphql>>,
  plain: { occupationGroup: string | null; enrolled: number }[],
) {
  const api: { audience: string | null; enrolled: number }[] = answered.campaignProgress?.audiences ?? []
  const sorted = (rows: [string | null, number][]) => JSON.stringify(rows.map((row) => row.join(' ')).sort())
  if (
    sorted(api.map((row) => [row.audience, row.enrolled])) !==
    sorted(plain.map((row) => [row.occupationGroup, row.enrolled]))
  ) {
    throw new Error(
      `the breakdowns' plain SQL answers otherwise than the API: ${JSON.stringify({ api, plain })}`,
    )
  }
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10)

// ── The enrollment list ──────────────────────────────────────────────────
const listQuery = `query ($filter: EnrollmentFilter, $after: String, $first: Int) {
  enrollments(filter: $filter, first: $first, after: $after) {
    edges { cursor node { id status product payable registeredAt person { fullName citizenId phone } center { name } } }
    pageInfo { endCursor hasNextPage }
  }
}`
const listColumns = `e.id, e.status, e.product, e.payable, e."registeredAt", p."fullName", p."citizenId", p.phone, c.name`

async function benchList(setting: ReadSetting) {
  await benchConsolePageByRole(setting)
  await benchListPages(setting)
  await benchListSearch(setting)
}

/**
 * The console's page as each role asks for it: the campaign as filter, 50 rows with totalCount.
 * Its SQL: the same 50 rows joined to person and center, and the total summed from the
 * EnrollmentDailyCount rollup (the least work for the same number), in parallel.
 */
// long: the page measured as each role beside its own SQL; apart, the SQL would lose the request it is compared with
async function benchConsolePageByRole({
  prisma,
  sql,
  campaign,
  center,
  campaignId,
  subtreeIds,
  adminCookie,
  agentCookies,
  graphql,
}: ReadSetting) {
  const manager = await createUser(prisma, { role: 'CENTER_MANAGER', center })
  const managerCookie = await signIn(prisma, manager.id)
  const consolePageColumns = `e.id, e.version, e.product, e.status, e.payable, e."registeredOn", e."coverageEnd",
    p.id, p."fullName", p."citizenId", c.id, c.name`
  // The centers in view by id, as the API reads them (a join on Center's path misleads the planner
  // at 2,000,000 enrollments: docs/scaling.md).
  const inView = (centerIds: string[]) => ({
    centers: (alias: string) => `AND ${alias}."centerId" = ANY($2::uuid[])`,
    params: [centerIds],
  })
  const roles = [
    { role: 'an admin', cookie: adminCookie, centers: () => '', params: [] as string[][] },
    { role: 'a center manager', cookie: managerCookie, ...inView(subtreeIds) },
    { role: 'an agent', cookie: agentCookies[0], ...inView([center.id]) },
  ]
  for (const { role, cookie, centers, params } of roles) {
    await measure(
      `enrollments, console page with totalCount (${role})`,
      () =>
        graphql(
          consoleEnrollmentsQuery,
          {
            filter: { campaign: campaignId },
            orderBy: { field: 'REGISTERED_AT', direction: 'DESC' },
            first: 50,
            offset: 0,
          },
          cookie,
        ),
      () =>
        Promise.all([
          sql.query(
            `SELECT ${consolePageColumns} FROM "Enrollment" e JOIN "Person" p ON p.id = e."personId"
             JOIN "Center" c ON c.id = e."centerId" WHERE e."campaignId" = $1 ${centers('e')}
             ORDER BY e."registeredAt" DESC, e.id DESC LIMIT 50`,
            [campaign.id, ...params],
          ),
          sql.query(
            `SELECT sum(d.count)::int FROM "EnrollmentDailyCount" d
             WHERE d."campaignId" = $1 ${centers('d')}`,
            [campaign.id, ...params],
          ),
        ]),
      { p95: 30, ratio: 2 },
    )
  }
  const byRole = results.slice(-roles.length).map((row) => row.p95)
  const spread = Math.max(...byRole) / Math.min(...byRole)
  notes.push(
    `The console's page by role: the slowest p95 is ${spread.toFixed(2)}× the fastest (floor ≤ 1.5×: ${spread <= 1.5 ? 'met' : 'NOT met'}).`,
  )
}

/** The first page of one center's product, and the page 5,000 rows deep. */
async function benchListPages({
  prisma,
  sql,
  campaign,
  campaignId,
  centerId,
  subtreeIds,
  graphql,
}: ReadSetting) {
  const listFilter = { campaign: campaignId, center: centerId, product: 'HOUSEHOLD_HEALTH_INSURANCE' }
  const listSql = (keyset: { at: Date; id: string } | null) => () =>
    sql.query(
      `SELECT ${listColumns} FROM "Enrollment" e JOIN "Person" p ON p.id = e."personId" JOIN "Center" c ON c.id = e."centerId"
     WHERE e."campaignId" = $1 AND e."centerId" = ANY($2::uuid[]) AND e.product = 'HOUSEHOLD_HEALTH_INSURANCE'
     ${keyset ? 'AND (e."registeredAt", e.id) < ($3, $4)' : ''}
     ORDER BY e."registeredAt" DESC, e.id DESC LIMIT 50`,
      keyset ? [campaign.id, subtreeIds, keyset.at, keyset.id] : [campaign.id, subtreeIds],
    )
  await measure(
    'enrollments, first page (center + product)',
    () => graphql(listQuery, { filter: listFilter, first: 50 }),
    listSql(null),
    {
      p95: 30,
    },
  )
  let after: string | null = null
  for (let fetched = 0; fetched < 5_000; fetched += 100) {
    const page = await graphql(listQuery, { filter: listFilter, first: 100, after })
    after = page.enrollments.pageInfo.endCursor
  }
  const deepRow = await prisma.enrollment.findUniqueOrThrow({
    where: { id: Buffer.from(String(after), 'base64').toString().replace(/^.*:/, '') },
    select: { id: true, registeredAt: true },
  })
  await measure(
    'enrollments, page after 5,000 rows',
    () => graphql(listQuery, { filter: listFilter, first: 50, after }),
    listSql({ at: deepRow.registeredAt, id: deepRow.id }),
    { p95: 30 },
  )
}

/** Common words (a page within the newest ~15,000 enrollments), a rare surname, and one person's whole citizen ID. */
async function benchListSearch({ prisma, sql, campaign, campaignId, graphql }: ReadSetting) {
  // The same answer with the least work: the page's ids from the enrollments whose prefix hashes
  // hold every word's (the planner walks the campaign newest first in the index alone, or reads
  // the GIN index, as for the API), then their rows; or the enrollments whose person's citizen
  // ID or phone begins with the number.
  const searchSql = (search: string) => () => {
    const read = personSearch(search)
    if (read?.kind !== 'digits') {
      return sql.query(
        `WITH page AS (SELECT id, "registeredAt" FROM "Enrollment" WHERE "campaignId" = $1 AND "searchHashes" @> $2::bigint[]
                        ORDER BY "registeredAt" DESC, id DESC LIMIT 50)
         SELECT ${listColumns} FROM page JOIN "Enrollment" e ON e.id = page.id JOIN "Person" p ON p.id = e."personId"
           JOIN "Center" c ON c.id = e."centerId" ORDER BY page."registeredAt" DESC, page.id DESC`,
        [campaign.id, searchHashes(read?.words ?? []).map(String)],
      )
    }
    return sql.query(
      `SELECT ${listColumns} FROM "Enrollment" e JOIN "Person" p ON p.id = e."personId" JOIN "Center" c ON c.id = e."centerId"
     WHERE e."campaignId" = $1 AND (p."citizenId" >= $2 AND p."citizenId" < $2 || ':' OR p.phone >= $3 AND p.phone < $3 || ':')
     ORDER BY e."registeredAt" DESC, e.id DESC LIMIT 50`,
      [campaign.id, read.citizenId, read.phone],
    )
  }
  const someone = await prisma.enrollment.findFirstOrThrow({
    where: { campaignId: campaign.id },
    orderBy: { registeredAt: 'asc' },
    select: { person: { select: { citizenId: true } } },
  })
  for (const search of ['nguyen van an', 'kieu', someone.person.citizenId]) {
    await measure(
      `enrollments, search “${search}”`,
      () => graphql(listQuery, { filter: { campaign: campaignId, search }, first: 50 }),
      searchSql(search),
      { p95: 30 },
    )
  }
}

// ── Worklists ────────────────────────────────────────────────────────────
// The console's worklist page (consoleWorklistQuery) for one list, first 20, on the campaign's last day
// (the console reads today; the campaign is in the past here), as an agent of the busiest center sees
// it; and the progress page's counts.
const countsQuery = `query ($on: Date) { worklistCounts(on: $on) { list count } }`
const covered = `e.status IN ('PAID', 'ACTIVE') AND NOT e.renewed`
const unpaid = `e.status IN ('DRAFT', 'SUBMITTED')`
/** Each list's due date and its entries at the center on the day ($2), as SQL. */
const worklists = {
  EXPIRING: {
    due: 'e."coverageEnd"',
    where: `e."coverageEnd" BETWEEN $2::date AND $2::date + 30 AND ${covered}`,
  },
  LAPSED: {
    due: 'e."coverageEnd"',
    where: `e."coverageEnd" BETWEEN $2::date - 90 AND $2::date - 1 AND ${covered}`,
  },
  WAITING_PAYMENT: { due: 'e."unpaidOn"', where: `e."unpaidOn" <= $2::date - 8 AND ${unpaid}` },
  PROMISED: {
    due: 'e."promisedOn"',
    where: `e."promisedOn" <= $2::date AND ((NOT e."promisedWhileCovered" AND ${unpaid})
      OR (e."promisedWhileCovered" AND ${covered}))`,
  },
} as const

async function benchWorklists(setting: ReadSetting) {
  const on = setting.campaign.endDate.toISOString().slice(0, 10)
  const agentCookie = setting.agentCookies[0] ?? setting.adminCookie
  await benchWorklistPages(setting, on, agentCookie)
  await benchWorklistCounts(setting, on, agentCookie)
}

async function benchWorklistPages({ sql, center, graphql }: ReadSetting, on: string, agentCookie: string) {
  // The same page in one statement: the entries of the list at the center in due-date order with
  // every column the page shows (the reminder's template beside them).
  const pageSql = (list: keyof typeof worklists) => () =>
    sql.query(
      `SELECT e.id, ${worklists[list].due} AS due, p."fullName", e.phone, e.product, e.payable, e."remindedAt",
              a.id AS "assignedId", a."displayName" AS "assignedName", f.at, f.outcome, f."promisedOn",
              b.id AS "byId", b."displayName" AS "byName",
              (SELECT t.text FROM "ReminderTemplate" t WHERE t.list = $3::"Worklist") AS template
         FROM "Enrollment" e JOIN "Person" p ON p.id = e."personId"
         LEFT JOIN "User" a ON a.id = e."assignedToId"
         LEFT JOIN "FollowUp" f ON f.id = e."lastFollowUpId" LEFT JOIN "User" b ON b.id = f."byId"
        WHERE e."centerId" = $1::uuid AND e.live AND e."followUpClosed" IS NULL AND ${worklists[list].where}
        ORDER BY ${worklists[list].due}, e.id LIMIT 21`,
      [center.id, on, list],
    )
  for (const list of Object.keys(worklists) as (keyof typeof worklists)[]) {
    const [shown] = (await pageSql(list)()).rows
    if (!shown) log(`worklist ${list}: empty at the busiest center on ${on}`)
    await measure(
      `worklist ${list}, first 20 (one center's agent)`,
      () => graphql(consoleWorklistQuery, { list, on }, agentCookie),
      pageSql(list),
      { p95: 30, ratio: 2 },
    )
  }
}

async function benchWorklistCounts({ sql, center, graphql }: ReadSetting, on: string, agentCookie: string) {
  // Each list's default due range on the day, as worklistCounts reads it.
  const ranges = `VALUES ('EXPIRING', 'COVERED', $2::date, $2::date + 30), ('LAPSED', 'COVERED', $2::date - 90, $2::date - 1),
    ('WAITING_PAYMENT', 'UNPAID', NULL, $2::date - 8), ('SESSION_UNPAID', 'SESSION_UNPAID', NULL, $2::date),
    ('PROMISED', 'PROMISED', NULL, $2::date), ('LEADS', 'LEAD', NULL, $2::date)`
  await measure(
    'worklistCounts, vs a SUM over the tally',
    () => graphql(countsQuery, { on }, agentCookie),
    () =>
      sql.query(
        `SELECT r.list, coalesce(sum(t.count), 0)::int AS count FROM (${ranges}) r(list, kind, "from", "to")
           LEFT JOIN "WorklistTally" t ON t."centerId" = $1::uuid AND t.kind = r.kind
                AND t.due <= r."to" AND (r."from" IS NULL OR t.due >= r."from")
          GROUP BY r.list`,
        [center.id, on],
      ),
    { p95: 50, ratio: 2 },
  )
  const enrolled = `FROM "Enrollment" e WHERE e."centerId" = $1::uuid AND e.live AND e."followUpClosed" IS NULL`
  await measure(
    'worklistCounts, vs counting on read',
    () => graphql(countsQuery, { on }, agentCookie),
    () =>
      sql.query(
        `SELECT 'EXPIRING' AS list, count(*)::int ${enrolled} AND ${worklists.EXPIRING.where}
         UNION ALL SELECT 'LAPSED', count(*)::int ${enrolled} AND ${worklists.LAPSED.where}
         UNION ALL SELECT 'WAITING_PAYMENT', count(*)::int ${enrolled} AND ${worklists.WAITING_PAYMENT.where}
         UNION ALL SELECT 'SESSION_UNPAID', count(*)::int ${enrolled} AND e."registeredOn" <= $2::date AND ${unpaid} AND e."sessionId" IS NOT NULL
         UNION ALL SELECT 'PROMISED', count(*)::int ${enrolled} AND ${worklists.PROMISED.where}
         UNION ALL SELECT 'LEADS', count(*)::int FROM "Lead" l WHERE l."centerId" = $1::uuid AND l."followUpClosed" IS NULL
                AND NOT l.registered AND l."metOn" <= $2::date`,
        [center.id, on],
      ),
    { p95: 50, ratio: 2 },
  )
}

// ── Report ───────────────────────────────────────────────────────────────
async function printReport(
  { prisma, sql, campaign }: ReadSetting,
  { writes, exportLines, once }: { writes: WriteRow[]; exportLines: string[]; once: OnceRow[] },
) {
  const [inCampaign, inDatabase] = await Promise.all([
    prisma.enrollment.count({ where: { campaignId: campaign.id } }),
    prisma.enrollment.count(),
  ])
  console.log('')
  console.log(
    `Tăng Tốc benchmark, ${new Date().toISOString().slice(0, 10)}: ${campaign.code} with ${inCampaign.toLocaleString('en')} enrollments (${inDatabase.toLocaleString('en')} in the database), API on ${apiWorkers} worker${apiWorkers > 1 ? 's' : ''}, PostgreSQL through ${serverUrl.includes('host=/') ? 'its Unix socket' : 'TCP'}`,
  )
  console.log(
    `machine: ${availableParallelism()} CPUs (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, load average ${loadavg()
      .map((n) => n.toFixed(1))
      .join(
        ' ',
      )}, Node ${process.version}, ${(await sql.query<{ v: string }>('SELECT version() AS v')).rows[0]?.v.split(' on ')[0]}`,
  )
  console.log(`the host's speed now: a JavaScript loop of 10⁸ additions takes ${hostLoopMs().toFixed(0)} ms`)
  printReads()
  if (exportLines.length > 0) {
    console.log('')
    for (const line of exportLines) console.log(line)
  }
  printWrites(writes)
  printOnceRows(once)
}

function printReads() {
  const ms = (value: number | undefined) => (value === undefined ? '' : value.toFixed(1))
  console.log('')
  console.log('| operation | API p50 ms | API p95 ms | SQL p50 ms | SQL p95 ms | p95 ratio | floor | met |')
  console.log('|---|---:|---:|---:|---:|---:|---|---|')
  for (const row of results) {
    const ratio = row.sqlP95 ? (row.p95 / row.sqlP95).toFixed(1) : ''
    console.log(
      `| ${row.name} | ${ms(row.p50)} | ${ms(row.p95)} | ${ms(row.sqlP50)} | ${ms(row.sqlP95)} | ${ratio} | ${row.floor ?? ''} | ${row.met === undefined ? '' : row.met ? 'yes' : 'NO'} |`,
    )
  }
  for (const note of notes) console.log(`\n${note}`)
}

function printWrites(writes: WriteRow[]) {
  if (writes.length === 0) return
  console.log('')
  console.log('| writes, 16 concurrent clients | per second | failed | floor | met | where the CPU went |')
  console.log('|---|---:|---:|---|---|---|')
  for (const row of writes) {
    const floor = row.floor === undefined ? '' : `≥ ${row.floor}/s`
    const met = row.floor === undefined ? '' : row.perSecond >= row.floor ? 'yes' : 'NO'
    console.log(
      `| ${row.label} | ${row.perSecond.toFixed(0)} | ${row.failed} | ${floor} | ${met} | ${row.cpu} |`,
    )
  }
}

/**
 * Times the API and its plain SQL alternately, request by request, so both see the same machine: a
 * neighbour's burst of work lands on both columns, not on one.
 */
async function measure(
  name: string,
  api: () => Promise<unknown>,
  plainSql: () => Promise<unknown>,
  floor: { p95?: number; ratio?: number },
) {
  for (let i = 0; i < warmUp; i++) {
    await api()
    await plainSql()
  }
  const times = { api: [] as number[], sql: [] as number[] }
  const timed = async (run: () => Promise<unknown>, into: number[]) => {
    const started = performance.now()
    await run()
    into.push(performance.now() - started)
  }
  for (let i = 0; i < iterations; i++) {
    await timed(api, times.api)
    await timed(plainSql, times.sql)
  }
  const apiTimes = percentiles(times.api)
  const sqlTimes = percentiles(times.sql)
  const ratio = apiTimes.p95 / sqlTimes.p95
  const floors = [
    floor.p95 ? `p95 ≤ ${floor.p95} ms` : '',
    floor.ratio ? `≤ ${floor.ratio}× SQL` : '',
  ].filter(Boolean)
  const met =
    floors.length === 0
      ? undefined
      : (floor.p95 === undefined || apiTimes.p95 <= floor.p95) &&
        (floor.ratio === undefined || ratio <= floor.ratio)
  results.push({
    name,
    ...apiTimes,
    sqlP50: sqlTimes.p50,
    sqlP95: sqlTimes.p95,
    floor: floors.join(', '),
    met,
  })
  log(`${name}: API p95 ${apiTimes.p95.toFixed(1)} ms, SQL p95 ${sqlTimes.p95.toFixed(1)} ms`)
}

function percentiles(times: number[]): { p50: number; p95: number } {
  return percentilesOf(times, [50, 95])
}

if (
  ['progress', 'list', 'worklist', 'register', 'import', 'bulk', 'export'].some((section) =>
    sections.has(section),
  )
)
  await main()
if (sections.has('embedded')) await benchEmbedded()
if (sections.has('soak') && !benchSoak()) process.exitCode = 1
