// Two API instances on one Redis: an enrollment registered through one reaches a Server-Sent Events
// subscriber on the other, and only subscribers who may read its center. The instances share the test
// database (one Prisma client, so this runs on PGlite too) and nothing else.

import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ExecutionResult } from 'graphql'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OperationData } from '../../../test/graphql-data.ts'
import { type ApiHarness, createApiHarness } from '../../../test/harness.ts'
import { cacheLifetimeMs } from '../../caches.ts'
import { createServer } from '../../server.ts'
import {
  campaignSetting,
  confirmPayment,
  gid,
  registerEnrollment,
  vsiInput,
} from '../enrollments/test-helpers.ts'

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'

async function redisAnswers(url: string): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  })
  try {
    await client.connect()
    return (await client.ping()) === 'PONG'
  } catch {
    return false
  } finally {
    client.disconnect()
  }
}

// On a developer's machine without Redis the two-instance tests are skipped; CI starts Redis, and there
// a missing Redis fails them rather than hiding them.
const redisUp = (await redisAnswers(redisUrl)) || Boolean(process.env.CI)
if (!redisUp)
  console.warn(`live.test.ts: no Redis at ${redisUrl} (set REDIS_URL): the two-instance tests are skipped.`)

let api: ApiHarness
const servers: Server[] = []
let first: string
let second: string

async function listen(): Promise<string> {
  const server = createServer({ prisma: api.prisma, redisUrl })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

beforeAll(async () => {
  if (!redisUp) return
  api = await createApiHarness()
  first = await listen()
  second = await listen()
})

afterAll(async () => {
  await Promise.all(
    servers.map((server) => {
      server.closeAllConnections()
      return new Promise((resolve) => server.close(resolve))
    }),
  )
  await api?.close()
})

type Cookie = { cookie: string }

/** A GraphQL request over plain HTTP to one instance. */
async function post(base: string, query: string, variables: Record<string, unknown>, auth: Cookie) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-graphql-yoga-csrf': '1', cookie: auth.cookie },
    body: JSON.stringify({ query, variables }),
  })
  return (await response.json()) as ExecutionResult<OperationData>
}

/** A subscription over Server-Sent Events: collects each `next` payload until closed. */
async function subscribe(base: string, query: string, variables: Record<string, unknown>, auth: Cookie) {
  const abort = new AbortController()
  const received: OperationData[] = []
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'text/event-stream',
      'x-graphql-yoga-csrf': '1',
      cookie: auth.cookie,
    },
    body: JSON.stringify({ query, variables }),
    signal: abort.signal,
  })
  expect(response.headers.get('content-type')).toMatch(/text\/event-stream/)
  const reader = (response.body as ReadableStream<Uint8Array>)
    .pipeThrough(new TextDecoderStream() as unknown as ReadableWritablePair<string, Uint8Array>)
    .getReader()
  void (async () => {
    let buffer = ''
    try {
      for (;;) {
        const { value, done } = await reader.read()
        if (done) return
        buffer += value
        let end = buffer.indexOf('\n\n')
        while (end >= 0) {
          const event = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const data = event
            .split('\n')
            .filter((line) => line.startsWith('data:'))
            .map((line) => line.slice(5).trim())
            .join('\n')
          if (/^event: next/m.test(event) && data) received.push(JSON.parse(data))
          end = buffer.indexOf('\n\n')
        }
      }
    } catch {
      // Aborted by close().
    }
  })()
  // The instance subscribes to its Redis channel as the stream opens; give it a moment.
  await new Promise((resolve) => setTimeout(resolve, 300))
  return {
    received,
    async next(timeoutMs = 5_000): Promise<OperationData> {
      const deadline = Date.now() + timeoutMs
      while (received.length === 0) {
        if (Date.now() > deadline) throw new Error('no event arrived')
        await new Promise((resolve) => setTimeout(resolve, 25))
      }
      return received.shift() as OperationData
    },
    close: () => abort.abort(),
  }
}

const enrollmentRegistered = `subscription ($campaign: ID!) {
  enrollmentRegistered(campaign: $campaign) { id status person { fullName citizenId } center { code } }
}`

const campaignProgressChanged = `subscription ($campaign: ID!) {
  campaignProgressChanged(campaign: $campaign) { enrolled products { product enrolled } }
}`

describe.skipIf(!redisUp)('live progress across API instances', () => {
  it('an enrollment registered on one instance reaches a subscriber on the other, and no one who may not read it', async () => {
    const setting = await campaignSetting(api)
    const variables = { campaign: gid('Campaign', setting.campaign.id) }
    const manager = await subscribe(second, enrollmentRegistered, variables, setting.manager.credentials)
    const viewer = await subscribe(second, enrollmentRegistered, variables, setting.viewer.credentials)
    const stranger = await subscribe(second, enrollmentRegistered, variables, setting.otherAgent.credentials)
    try {
      const result = await post(
        first,
        registerEnrollment,
        { input: vsiInput(setting) },
        setting.agent.credentials,
      )
      const registered = result.data?.registerEnrollment.enrollment
      expect(registered?.id).toBeTruthy()

      const heard = await manager.next()
      expect(heard.data.enrollmentRegistered).toMatchObject({
        id: registered.id,
        person: { fullName: registered.person.fullName, citizenId: registered.person.citizenId },
        center: { code: setting.center.code },
      })
      const masked = await viewer.next()
      expect(masked.data.enrollmentRegistered.id).toBe(registered.id)
      expect(masked.data.enrollmentRegistered.person.citizenId).not.toBe(registered.person.citizenId)

      await new Promise((resolve) => setTimeout(resolve, 500))
      expect(stranger.received).toEqual([])
    } finally {
      manager.close()
      viewer.close()
      stranger.close()
    }
  })

  it('a progress subscriber on the other instance gets the new count after a payment is confirmed', async () => {
    const setting = await campaignSetting(api)
    // Registered today: the campaign runs around today.
    const day = 86_400_000
    await api.prisma.campaign.update({
      where: { id: setting.campaign.id },
      data: { startDate: new Date(Date.now() - 5 * day), endDate: new Date(Date.now() + 5 * day) },
    })
    const variables = { campaign: gid('Campaign', setting.campaign.id) }
    const registered = await post(
      first,
      registerEnrollment,
      { input: vsiInput(setting, { on: null }) },
      setting.agent.credentials,
    )
    const enrollment = registered.data?.registerEnrollment.enrollment
    const progress = await subscribe(second, campaignProgressChanged, variables, setting.manager.credentials)
    const stranger = await subscribe(
      second,
      campaignProgressChanged,
      variables,
      setting.otherAgent.credentials,
    )
    try {
      // Each has the progress as it is on subscribing: nothing paid yet.
      expect((await progress.next()).data.campaignProgressChanged).toMatchObject({ enrolled: 0 })
      const strangers = await stranger.next()
      const paid = await post(
        first,
        confirmPayment,
        { input: { id: enrollment.id, version: enrollment.version } },
        setting.manager.credentials,
      )
      expect(paid.data?.confirmEnrollmentPayment.enrollment?.status).toBe('PAID')
      const pushed = await progress.next()
      expect(pushed.data.campaignProgressChanged).toMatchObject({
        enrolled: 1,
        products: [{ product: 'VOLUNTARY_SOCIAL_INSURANCE', enrolled: 1 }, { enrolled: 0 }],
      })
      await new Promise((resolve) => setTimeout(resolve, 1_500))
      expect(stranger.received).toEqual([])
      expect(JSON.stringify(strangers)).not.toMatch(/"enrolled":[1-9]/)
    } finally {
      progress.close()
      stranger.close()
    }
  })

  it('a progress subscriber that reconnects, to the other instance, has the latest progress at once', async () => {
    const setting = await campaignSetting(api)
    const day = 86_400_000
    await api.prisma.campaign.update({
      where: { id: setting.campaign.id },
      data: { startDate: new Date(Date.now() - 5 * day), endDate: new Date(Date.now() + 5 * day) },
    })
    const variables = { campaign: gid('Campaign', setting.campaign.id) }
    const before = await subscribe(first, campaignProgressChanged, variables, setting.manager.credentials)
    expect((await before.next()).data.campaignProgressChanged).toMatchObject({ enrolled: 0 })
    // Its instance goes away: nothing more reaches it.
    before.close()
    const registered = await post(
      first,
      registerEnrollment,
      { input: vsiInput(setting, { on: null }) },
      setting.agent.credentials,
    )
    const enrollment = registered.data?.registerEnrollment.enrollment
    await post(
      first,
      confirmPayment,
      { input: { id: enrollment.id, version: enrollment.version } },
      setting.manager.credentials,
    )
    const after = await subscribe(second, campaignProgressChanged, variables, setting.manager.credentials)
    try {
      expect((await after.next()).data.campaignProgressChanged).toMatchObject({ enrolled: 1 })
    } finally {
      after.close()
    }
  })

  it('refuses an anonymous subscriber', async () => {
    const setting = await campaignSetting(api)
    const response = await fetch(`${second}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        'x-graphql-yoga-csrf': '1',
      },
      body: JSON.stringify({
        query: enrollmentRegistered,
        variables: { campaign: gid('Campaign', setting.campaign.id) },
      }),
    })
    const text = await response.text()
    expect(text).toMatch(/event: next/)
    expect(text).toMatch(/Not authorized|may not/i)
    expect(text).not.toMatch(/"enrollmentRegistered":\{/)
  })
})

describe.skipIf(!redisUp)('instance caches across API instances', () => {
  it('a user deactivated through one instance is refused by the other at once, not when its cache expires', async () => {
    const admin = await api.userWithRole('ADMIN', null)
    const agent = await api.userWithRole('AGENT')
    const me = '{ me { username } }'
    // The second instance now keeps the agent's session (cacheLifetimeMs).
    expect((await post(second, me, {}, agent.credentials)).data?.me).toEqual({
      username: agent.user.username,
    })

    const deactivated = await post(
      first,
      `mutation ($input: DeactivateUserInput!) { deactivateUser(input: $input) { __typename } }`,
      { input: { id: gid('User', agent.user.id), version: agent.user.version } },
      admin.credentials as Cookie,
    )
    expect(deactivated.data?.deactivateUser.__typename).toBe('UserPayload')

    const deadline = Date.now() + cacheLifetimeMs / 5
    let answer = (await post(second, me, {}, agent.credentials)).data?.me
    while (answer !== null && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50))
      answer = (await post(second, me, {}, agent.credentials)).data?.me
    }
    expect(answer).toBeNull()
  })
})
