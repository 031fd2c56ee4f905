// Which reads go to the replica. The "replica" here is a second database that deliberately lags
// behind everything (it holds nothing), so where each answer came from shows in the answer; the
// streaming replica itself is exercised by the topology script (test/topology).
import { once } from 'node:events'
import { createServer, type Socket } from 'node:net'
import { createPrismaClient } from '@tangtoc/db'
import { personInput } from '@tangtoc/db/fixtures'
import { seedReferenceData } from '@tangtoc/db/seed'
import { createTestDatabase } from '@tangtoc/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  campaignSetting,
  gid,
  registerEnrollment,
  vsiInput,
} from '../src/modules/enrollments/test-helpers.ts'
import { ReplicaRoute, recentWriteCookie, replicaProbeTimeoutMs } from '../src/replica.ts'
import { createYogaApp } from '../src/server.ts'
import type { OperationData } from './graphql-data.ts'
import { type ApiHarness, createApiHarness } from './harness.ts'

let api: ApiHarness
let lagging: Awaited<ReturnType<typeof createTestDatabase>>
let yoga: ReturnType<typeof createYogaApp>
beforeAll(async () => {
  api = await createApiHarness()
  lagging = await createTestDatabase()
  await seedReferenceData(lagging.prisma)
  yoga = createYogaApp({ prisma: api.prisma, replica: lagging.prisma })
})
afterAll(async () => {
  await lagging?.close()
  await api?.close()
})

async function post(query: string, variables: Record<string, unknown>, headers: Record<string, string>) {
  const response = await yoga.fetch('http://tangtoc.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-graphql-yoga-csrf': '1', ...headers },
    body: JSON.stringify({ query, variables }),
  })
  return {
    body: (await response.json()) as { data?: OperationData; errors?: unknown[] },
    headers: response.headers,
  }
}

/**
 * An app whose replica is down (nothing listens on its port), given to `use` with a campaign holding one
 * enrollment on the primary.
 */
async function withStoppedReplica(
  use: (
    app: ReturnType<typeof createYogaApp>,
    setting: Awaited<ReturnType<typeof campaignSetting>>,
  ) => Promise<void>,
) {
  const setting = await campaignSetting(api)
  await post(registerEnrollment, { input: vsiInput(setting, {}, personInput()) }, setting.agent.credentials)
  const stopped = createPrismaClient({ url: 'postgresql://postgres@127.0.0.1:9/stopped' })
  const app = createYogaApp({ prisma: api.prisma, replica: stopped })
  try {
    await use(app, setting)
  } finally {
    await app.dispose()
    await stopped.$disconnect()
  }
}

const listed = `query ($campaign: ID) { enrollments(first: 5, filter: { campaign: $campaign }) { totalCount } }`
const byId = `query ($id: ID!) { enrollment(id: $id) { id } }`

describe('reads that may lag go to the replica', () => {
  it('lists from the replica, a record by id from the primary, and a session’s reads just after it wrote from the primary', async () => {
    const setting = await campaignSetting(api)
    const session = { cookie: setting.agent.credentials.cookie }
    const registered = await post(
      registerEnrollment,
      { input: vsiInput(setting, {}, personInput()) },
      session,
    )
    const enrollment = registered.body.data?.registerEnrollment.enrollment
    expect(enrollment?.id).toBeTruthy()
    // The write leaves a short-lived cookie on the session.
    const setCookie = registered.headers.get('set-cookie') ?? ''
    expect(setCookie).toContain(`${recentWriteCookie}=1`)
    expect(setCookie).toMatch(/HttpOnly/i)

    const campaign = gid('Campaign', setting.campaign.id)
    // Without the cookie (another session, or ten seconds later): the list comes from the replica.
    const fromReplica = await post(listed, { campaign }, session)
    expect(fromReplica.body.data?.enrollments.totalCount).toBe(0)
    // A record by id is read from the primary.
    const record = await post(byId, { id: enrollment.id }, session)
    expect(record.body.data?.enrollment?.id).toBe(enrollment.id)
    // With the cookie the write left, the session sees its own registration in the list.
    const own = await post(listed, { campaign }, { cookie: `${session.cookie}; ${recentWriteCookie}=1` })
    expect(own.body.data?.enrollments.totalCount).toBe(1)
    // An integrator asks for the primary with a header.
    const asked = await post(listed, { campaign }, { ...session, 'x-read-primary': '1' })
    expect(asked.body.data?.enrollments.totalCount).toBe(1)
  })

  it('reads a query that mixes lagging and current fields from the primary', async () => {
    const setting = await campaignSetting(api)
    await post(registerEnrollment, { input: vsiInput(setting, {}, personInput()) }, setting.agent.credentials)
    const mixed = await post(
      `query ($campaign: ID) { me { username } enrollments(first: 5, filter: { campaign: $campaign }) { totalCount } }`,
      { campaign: gid('Campaign', setting.campaign.id) },
      setting.agent.credentials,
    )
    expect(mixed.body.data?.enrollments.totalCount).toBe(1)
  })

  it('answers from the primary while the replica does not answer, the read that finds it down included', async () => {
    await withStoppedReplica(async (app, setting) => {
      const list = async () => {
        const response = await app.fetch('http://tangtoc.test/graphql', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-graphql-yoga-csrf': '1',
            ...setting.agent.credentials,
          },
          body: JSON.stringify({
            query: listed,
            variables: { campaign: gid('Campaign', setting.campaign.id) },
          }),
        })
        return (await response.json()) as { data?: OperationData; errors?: unknown[] }
      }
      // The first read finds it down, before any probe has: it is read again from the primary, so the
      // person reading sees their list, not an error.
      const first = await list()
      expect(first.errors).toBeUndefined()
      expect(first.data?.enrollments.totalCount).toBe(1)
      const next = await list()
      expect(next.errors).toBeUndefined()
      expect(next.data?.enrollments.totalCount).toBe(1)
    })
  })

  it('exports from the primary when the replica stops just before the export is asked for', async () => {
    await withStoppedReplica(async (app, setting) => {
      const response = await app.fetch(
        `http://tangtoc.test/exports/enrollments.csv?campaign=${setting.campaign.code}`,
        { headers: setting.agent.credentials },
      )
      expect(response.status).toBe(200)
      // The header and the one enrollment, read from the primary.
      expect((await response.text()).trim().split('\n')).toHaveLength(2)
    })
  })

  it('counts a replica that accepts connections but never answers as not answering, and asks again', async () => {
    // A host cut off behind a proxy, say: the connection opens, nothing comes back.
    const held: Socket[] = []
    const silent = createServer((socket) => held.push(socket)).listen(0, '127.0.0.1')
    await once(silent, 'listening')
    const address = silent.address()
    if (!address || typeof address === 'string') throw new Error('no port')
    const replica = createPrismaClient({ url: `postgresql://postgres@127.0.0.1:${address.port}/silent` })
    const route = new ReplicaRoute(replica)
    try {
      const started = Date.now()
      expect(await route.probe()).toBe(false)
      expect(Date.now() - started).toBeLessThan(replicaProbeTimeoutMs + 1_000)
      expect(route.available()).toBeUndefined()
      // The next probe is a new question, not the first one still waiting.
      const again = route.probe()
      expect(await again).toBe(false)
    } finally {
      route.stop()
      for (const socket of held) socket.destroy()
      silent.close()
      await replica.$disconnect()
    }
  })
})
