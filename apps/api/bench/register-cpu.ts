// What one registration of a person alone costs, in process: the Yoga app through `yoga.fetch` (no HTTP)
// on a BENCH_REUSE database that `pnpm bench` seeded, REGISTER_CPU_COUNT registrations from 16 concurrent
// clients (agents of the busiest center) after a warm-up, then as many as plain SQL (bench/register.ts's).
// For each: the CPU this process used (the API, or plain SQL's client), the CPU this database's
// backends used, and the statements each registration ran (Prisma's and queryPrepared's). On a shared
// machine the rates move with the neighbours; these figures move far less, so an A/B of two commits in
// the same minutes reads them. REGISTER_CPU_PROFILE names a file to write a CPU profile of the API's
// registrations to (Chrome's .cpuprofile).
//
//   BENCH_REUSE=<database> [REGISTER_CPU_COUNT=1000] [REGISTER_CPU_PROFILE=<file>] pnpm exec tsx bench/register-cpu.ts

import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { encodeGlobalID } from '@pothos/plugin-relay'
import { createPrismaClient } from '@tangtoc/db'
import { createUser } from '@tangtoc/db/fixtures'
import { launchCampaignCode } from '@tangtoc/db/seed'
import pg from 'pg'
import { createYogaApp } from '../src/server.ts'
import { benchServerUrl, busiestCenter, signIn } from './common.ts'
import { backendsCpu, backendsGrowth, benchPeople, registerAsPlainSql, registerMutation } from './register.ts'

const databaseName = process.env.BENCH_REUSE
if (!databaseName) throw new Error('BENCH_REUSE names the database `pnpm bench` seeded')
// Through the server's Unix socket when it has one, as `pnpm bench` reaches it.
const url = new URL(benchServerUrl)
url.pathname = `/${databaseName}`
const count = Number(process.env.REGISTER_CPU_COUNT ?? 1000)
const concurrency = 16

let statements = 0
const prisma = createPrismaClient({ url: url.toString(), onQuery: () => statements++ })
const yoga = createYogaApp({ prisma })
const { campaign, center } = await busiestCenter(prisma, launchCampaignCode)
const agents = await Promise.all(
  Array.from({ length: concurrency }, () => createUser(prisma, { role: 'AGENT', center })),
)
const cookies = await Promise.all(agents.map((agent) => signIn(prisma, agent.id)))
const people = benchPeople({
  campaign,
  center,
  campaignId: encodeGlobalID('Campaign', campaign.id),
  centerId: encodeGlobalID('Center', center.id),
})
const sql = new pg.Pool({ connectionString: url.toString(), max: concurrency })
const admin = new pg.Client({ connectionString: url.toString() })
await admin.connect()
const reading = { admin: <T>(run: (client: pg.Client) => Promise<T>) => run(admin), databaseName }

async function throughApi(client: number): Promise<boolean> {
  const response = await yoga.fetch('http://tangtoc.test/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-graphql-yoga-csrf': '1',
      cookie: cookies[client] ?? '',
    },
    body: JSON.stringify({ query: registerMutation, variables: { input: people.registrationInput() } }),
  })
  const result = (await response.json()) as { data?: { registerEnrollment?: { __typename: string } } }
  return result.data?.registerEnrollment?.__typename === 'RegisterEnrollmentPayload'
}

const asPlainSql = (client: number) =>
  registerAsPlainSql({ sql, campaign, center }, people.person(), agents[client]?.id)

/** `total` registrations shared among the clients: CPU ms and statements per registration. */
async function measure(total: number, once: (client: number) => Promise<boolean>) {
  let next = 0
  let failed = 0
  const backends = await backendsCpu(reading)
  const cpu = process.cpuUsage()
  const ran = statements
  await Promise.all(
    Array.from({ length: concurrency }, async (_, client) => {
      while (next < total) {
        next++
        if (!(await once(client))) failed++
      }
    }),
  )
  const { user, system } = process.cpuUsage(cpu)
  const database = backendsGrowth(backends, await backendsCpu(reading))
  const per = (value: number) => (value / total).toFixed(2)
  return `this process ${per((user + system) / 1000)} ms (system ${per(system / 1000)}), database ${per(database)} ms, statements ${per(statements - ran)}, failed ${failed}`
}

await measure(200, throughApi)
const profile = process.env.REGISTER_CPU_PROFILE
const session = new Session()
if (profile) {
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.start')
}
const api = await measure(count, throughApi)
if (profile) {
  const { profile: taken } = await session.post('Profiler.stop')
  writeFileSync(profile, JSON.stringify(taken))
}
await measure(200, asPlainSql)
const plain = await measure(count, asPlainSql)
console.log(`registerEnrollment, per registration: ${api}`)
console.log(`plain SQL, per registration: ${plain}`)
await Promise.all([admin.end(), sql.end(), prisma.$disconnect()])
