import type { PrismaClient } from '@tangtoc/db'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createYogaApp } from '../../src/server.ts'
import { Lifecycle } from '../../src/shutdown.ts'
import { type ApiHarness, createApiHarness } from '../harness.ts'
import { catchLog } from '../log-lines.ts'

let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness()
})
afterAll(() => api.close())

/** The client over a database that no longer answers. */
const unreachable = () =>
  new Proxy(api.prisma, {
    get: (target, property, receiver) =>
      property === '$queryRaw'
        ? () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432 password=secret'))
        : Reflect.get(target, property, receiver),
  }) as PrismaClient

describe('the liveness check /healthz', () => {
  it('answers 200 while the process lives', async () => {
    const response = await api.yoga.fetch('http://tangtoc.test/healthz')
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok' })
  })

  it('answers 200 even when the database does not (restarting the process would not help)', async () => {
    const response = await createYogaApp({ prisma: unreachable() }).fetch('http://tangtoc.test/healthz')
    expect(response.status).toBe(200)
  })
})

describe('the readiness check /readyz', () => {
  it('answers 200 when the database answers and has every migration', async () => {
    const response = await api.yoga.fetch('http://tangtoc.test/readyz')
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok', migrations: 'ok' })
  })

  it('answers 503 without the error’s details when the database does not, and logs why', async () => {
    const log = catchLog()
    const yoga = createYogaApp({ prisma: unreachable(), logger: log.logger })
    const response = await yoga.fetch('http://tangtoc.test/readyz')
    expect(response.status).toBe(503)
    const body = await response.text()
    expect(JSON.parse(body)).toEqual({ status: 'unavailable', database: 'unreachable' })
    expect(body).not.toMatch(/ECONNREFUSED|secret/)
    expect(log.lines[0]).toMatchObject({ level: 'error', check: '/readyz', err: { message: /ECONNREFUSED/ } })
  })

  it('answers 503 when a migration is not applied', async () => {
    await api.prisma.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = now()
      WHERE migration_name = (SELECT max(migration_name) FROM _prisma_migrations)`
    try {
      const response = await api.yoga.fetch('http://tangtoc.test/readyz')
      expect(response.status).toBe(503)
      expect(await response.json()).toMatchObject({ status: 'unavailable', migrations: '1 pending' })
    } finally {
      await api.prisma.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = NULL`
    }
  })

  it('answers with each body’s own length after a failed check (a stale length made clients wait for bytes that never came)', async () => {
    let down = true
    const recovering = new Proxy(api.prisma, {
      get: (target, property, receiver) =>
        property === '$queryRaw' && down
          ? () => Promise.reject(new Error('connect ECONNREFUSED'))
          : Reflect.get(target, property, receiver),
    }) as PrismaClient
    const yoga = createYogaApp({ prisma: recovering })
    expect((await yoga.fetch('http://tangtoc.test/readyz')).status).toBe(503)
    down = false
    for (const path of ['/readyz', '/healthz']) {
      const response = await yoga.fetch(`http://tangtoc.test${path}`)
      const body = await response.text()
      expect(response.status).toBe(200)
      expect(response.headers.get('content-length') ?? String(body.length)).toBe(String(body.length))
    }
  })

  it('answers 200, degraded, while Redis does not: every instance shares it, and requests do not need it', async () => {
    // Nothing listens on port 1: the event bus waits to connect, as while Redis restarts. Were
    // readiness to fail, a load balancer would take every instance out at once (test/topology).
    const log = catchLog()
    const yoga = createYogaApp({ prisma: api.prisma, redisUrl: 'redis://127.0.0.1:1', logger: log.logger })
    try {
      const response = await yoga.fetch('http://tangtoc.test/readyz')
      expect(response.status).toBe(200)
      expect(await response.json()).toEqual({
        status: 'degraded',
        database: 'ok',
        migrations: 'ok',
        redis: 'unreachable',
      })
      expect(log.lines).toContainEqual(expect.objectContaining({ level: 'warn', check: '/readyz' }))
    } finally {
      await yoga.dispose()
    }
  })

  it('answers 503 from the moment the shutdown begins', async () => {
    const lifecycle = new Lifecycle()
    const yoga = createYogaApp({ prisma: api.prisma, lifecycle })
    expect((await yoga.fetch('http://tangtoc.test/readyz')).status).toBe(200)
    lifecycle.beginShutdown()
    const response = await yoga.fetch('http://tangtoc.test/readyz')
    expect(response.status).toBe(503)
    expect(await response.json()).toEqual({ status: 'shutting down' })
    // Still alive: the liveness probe must not kill a process finishing its requests.
    expect((await yoga.fetch('http://tangtoc.test/healthz')).status).toBe(200)
  })
})
