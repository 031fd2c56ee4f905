// The API's own CPU per console list page, in process: the Yoga app through `yoga.fetch` (no HTTP, no
// other process) on a BENCH_REUSE database that `pnpm bench` seeded, `process.cpuUsage()` over
// LIST_CPU_PAGES pages after a warm-up, per role. LIST_CPU_PAGE=worklist measures the worklist page
// instead (EXPIRING, first 20, on the campaign's last day, at the busiest center; a database seeded
// with the worklist part). On a shared machine the bench's milliseconds move
// with the neighbours; the CPU a page costs moves far less. LIST_CPU_PROFILE names a file to write a
// CPU profile of the measured pages to (Chrome's .cpuprofile), without the start-up.
//
//   BENCH_REUSE=<database> [LIST_CPU_PAGES=300] [LIST_CPU_ROLES=admin,manager,agent] [LIST_CPU_PROFILE=<file>]
//     [LIST_CPU_PAGE=enrollments|worklist]
//     pnpm exec tsx bench/list-cpu.ts

import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { encodeGlobalID } from '@pothos/plugin-relay'
import { createPrismaClient } from '@tangtoc/db'
import { createUser } from '@tangtoc/db/fixtures'
import { launchCampaignCode } from '@tangtoc/db/seed'
import { createYogaApp } from '../src/server.ts'
import { busiestCenter, consoleEnrollmentsQuery, consoleWorklistQuery, signIn } from './common.ts'

const database = process.env.BENCH_REUSE
if (!database) throw new Error('BENCH_REUSE names the database `pnpm bench` seeded')
const url = new URL(process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres')
url.pathname = `/${database}`
const pages = Number(process.env.LIST_CPU_PAGES ?? 300)
const warmUp = 40
const roles = (process.env.LIST_CPU_ROLES ?? 'admin,manager,agent').split(',')

const prisma = createPrismaClient({ url: url.toString() })
const yoga = createYogaApp({ prisma })
const { campaign, center } = await busiestCenter(prisma, launchCampaignCode)
const users = {
  admin: await createUser(prisma, { role: 'ADMIN', center: null }),
  manager: await createUser(prisma, { role: 'CENTER_MANAGER', center }),
  agent: await createUser(prisma, { role: 'AGENT', center }),
}
const worklist = process.env.LIST_CPU_PAGE === 'worklist'
const body = JSON.stringify(
  worklist
    ? {
        query: consoleWorklistQuery,
        variables: { list: 'EXPIRING', on: campaign.endDate.toISOString().slice(0, 10) },
      }
    : {
        query: consoleEnrollmentsQuery,
        variables: {
          filter: { campaign: encodeGlobalID('Campaign', campaign.id) },
          orderBy: { field: 'REGISTERED_AT', direction: 'DESC' },
          first: 50,
          offset: 0,
        },
      },
)
const rowsPerPage = worklist ? 20 : 50

async function page(cookie: string) {
  const response = await yoga.fetch('http://tangtoc.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-graphql-yoga-csrf': '1', cookie },
    body,
  })
  const result = (await response.json()) as {
    errors?: unknown
    data?: Record<string, { edges: unknown[] }>
  }
  const rows = result.data?.[worklist ? 'worklist' : 'enrollments']?.edges.length
  if (result.errors || rows !== rowsPerPage)
    throw new Error(`unexpected answer: ${JSON.stringify(result).slice(0, 500)}`)
}

const profile = process.env.LIST_CPU_PROFILE
const session = new Session()
if (profile) {
  session.connect()
  await session.post('Profiler.enable')
}

for (const role of roles) {
  const cookie = await signIn(prisma, users[role as keyof typeof users].id)
  for (let i = 0; i < warmUp; i++) await page(cookie)
  if (profile) await session.post('Profiler.start')
  const started = process.cpuUsage()
  const wall = performance.now()
  for (let i = 0; i < pages; i++) await page(cookie)
  const { user, system } = process.cpuUsage(started)
  if (profile) {
    const { profile: taken } = await session.post('Profiler.stop')
    writeFileSync(profile.replace(/(\.cpuprofile)?$/, `.${role}.cpuprofile`), JSON.stringify(taken))
  }
  console.log(
    `${role}: ${((user + system) / 1000 / pages).toFixed(2)} ms CPU, ${((performance.now() - wall) / pages).toFixed(2)} ms wall per page`,
  )
}
await prisma.$disconnect()
