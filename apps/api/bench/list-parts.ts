// Where the console's list page spends the API's CPU, by what is asked: the same request cut down
// field by field, through the Yoga app in process (`yoga.fetch`, as list-cpu.ts), beside the page's
// two statements through Prisma's client alone and through `pg` alone (the bench's plain SQL). Each
// part runs LIST_PARTS_PAGES times per round after a warm-up, the parts alternating within a round,
// so a neighbour's load falls on all of them alike; it prints each part's CPU per request per round.
//
//   BENCH_REUSE=<database> [LIST_PARTS_PAGES=200] [LIST_PARTS_ROUNDS=3] [LIST_PARTS_ROLE=manager]
//     pnpm exec tsx bench/list-parts.ts

import { encodeGlobalID } from '@pothos/plugin-relay'
import { createPrismaClient } from '@tangtoc/db'
import { createUser } from '@tangtoc/db/fixtures'
import { launchCampaignCode } from '@tangtoc/db/seed'
import pg from 'pg'
import { createYogaApp } from '../src/server.ts'
import { busiestCenter, consoleEnrollmentsQuery, signIn } from './common.ts'

const database = process.env.BENCH_REUSE
if (!database) throw new Error('BENCH_REUSE names the database `pnpm bench` seeded')
const url = new URL(process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres')
url.pathname = `/${database}`
const pages = Number(process.env.LIST_PARTS_PAGES ?? 200)
const rounds = Number(process.env.LIST_PARTS_ROUNDS ?? 3)
const role = process.env.LIST_PARTS_ROLE ?? 'manager'

const prisma = createPrismaClient({ url: url.toString() })
const sql = new pg.Pool({ connectionString: url.toString(), max: 4 })
const yoga = createYogaApp({ prisma })
const { campaign, center } = await busiestCenter(prisma, launchCampaignCode)
const user = await createUser(prisma, {
  role: role === 'admin' ? 'ADMIN' : role === 'agent' ? 'AGENT' : 'CENTER_MANAGER',
  center: role === 'admin' ? null : center,
})
const cookie = await signIn(prisma, user.id)
const centerIds =
  role === 'admin'
    ? null
    : role === 'agent'
      ? [center.id]
      : (
          await prisma.center.findMany({ where: { path: { startsWith: center.path } }, select: { id: true } })
        ).map((each) => each.id)

const variables = {
  filter: { campaign: encodeGlobalID('Campaign', campaign.id) },
  orderBy: { field: 'REGISTERED_AT', direction: 'DESC' },
  first: 50,
  offset: 0,
}
const listQuery = (selection: string) =>
  `query Enrollments($filter: EnrollmentFilter, $orderBy: EnrollmentOrder, $first: Int, $offset: Int) {
  enrollments(filter: $filter, orderBy: $orderBy, first: $first, offset: $offset) { ${selection} }
}`

async function ask(query: string, withVariables = true) {
  const response = await yoga.fetch('http://tangtoc.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-graphql-yoga-csrf': '1', cookie },
    body: JSON.stringify(withVariables ? { query, variables } : { query }),
  })
  const result = (await response.json()) as { errors?: unknown }
  if (result.errors) throw new Error(JSON.stringify(result.errors).slice(0, 500))
}

const where = { campaignId: campaign.id, ...(centerIds ? { centerId: { in: centerIds } } : {}) }
const columns = `e.id, e.version, e.product, e.status, e.payable, e."registeredOn", e."coverageEnd",
  p.id, p."fullName", p."citizenId", c.id, c.name`
const inView = (alias: string) => (centerIds ? `AND ${alias}."centerId" = ANY($2::uuid[])` : '')
const params = centerIds ? [campaign.id, centerIds] : [campaign.id]

const parts: Record<string, () => Promise<unknown>> = {
  'a request, `{ __typename }`': () => ask('{ __typename }', false),
  'totalCount alone': () => ask(listQuery('totalCount')),
  '+ edges { node { id } }': () => ask(listQuery('totalCount edges { node { id } }')),
  '+ 6 scalars': () =>
    ask(
      listQuery('totalCount edges { node { id version product status payable registeredOn coverageEnd } }'),
    ),
  '+ center { id name }': () =>
    ask(
      listQuery(
        'totalCount edges { node { id version product status payable registeredOn coverageEnd center { id name } } }',
      ),
    ),
  'the console page (+ person { id fullName citizenId })': () => ask(consoleEnrollmentsQuery),
  "Prisma's client alone: the page and the total": () =>
    Promise.all([
      prisma.enrollment.findMany({
        where,
        orderBy: [{ registeredAt: 'desc' }, { id: 'desc' }],
        take: 51,
        relationLoadStrategy: 'join',
        select: {
          id: true,
          version: true,
          product: true,
          status: true,
          payable: true,
          registeredOn: true,
          coverageEnd: true,
          person: { select: { id: true, fullName: true, citizenId: true } },
          center: { select: { id: true, name: true } },
        },
      }),
      prisma.enrollmentDailyCount.aggregate({ _sum: { count: true }, where }),
    ]),
  '`pg` alone: the page and the total (the plain SQL)': () =>
    Promise.all([
      sql.query(
        `SELECT ${columns} FROM "Enrollment" e JOIN "Person" p ON p.id = e."personId"
         JOIN "Center" c ON c.id = e."centerId" WHERE e."campaignId" = $1 ${inView('e')}
         ORDER BY e."registeredAt" DESC, e.id DESC LIMIT 50`,
        params,
      ),
      sql.query(
        `SELECT sum(d.count)::int FROM "EnrollmentDailyCount" d WHERE d."campaignId" = $1 ${inView('d')}`,
        params,
      ),
    ]),
}

const cpu: Record<string, number[]> = {}
for (const part of Object.values(parts)) for (let i = 0; i < 40; i++) await part()
for (let round = 0; round < rounds; round++) {
  for (const [name, part] of Object.entries(parts)) {
    const started = process.cpuUsage()
    for (let i = 0; i < pages; i++) await part()
    const { user: spent, system } = process.cpuUsage(started)
    cpu[name] = [...(cpu[name] ?? []), (spent + system) / 1000 / pages]
  }
}
console.log(`${role}, ${pages} requests a part a round, CPU ms per request by round:`)
for (const [name, each] of Object.entries(cpu))
  console.log(`${each.map((ms) => ms.toFixed(2).padStart(6)).join(' ')}  ${name}`)
await sql.end()
await prisma.$disconnect()
