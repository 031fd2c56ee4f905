import type { PrismaClient } from '@tangtoc/db'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createYogaApp } from '../../src/server.ts'
import { type ApiHarness, createApiHarness } from '../harness.ts'

let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness()
})
afterAll(() => api.close())

describe('the health check', () => {
  it('answers 200 when the database answers SELECT 1', async () => {
    const response = await api.yoga.fetch('http://tangtoc.test/healthz')
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok' })
  })

  it('answers 503 without the error’s details when the database does not', async () => {
    const unreachable = new Proxy(api.prisma, {
      get: (target, property, receiver) =>
        property === '$queryRaw'
          ? () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432 password=secret'))
          : Reflect.get(target, property, receiver),
    }) as PrismaClient
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    const response = await createYogaApp({ prisma: unreachable }).fetch('http://tangtoc.test/healthz')
    log.mockRestore()
    expect(response.status).toBe(503)
    const body = await response.text()
    expect(JSON.parse(body)).toEqual({ status: 'unavailable', database: 'unreachable' })
    expect(body).not.toMatch(/ECONNREFUSED|secret/)
  })
})
