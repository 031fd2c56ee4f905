// API_WORKERS: several processes on one port (PostgreSQL and Redis), their metrics summed on METRICS_PORT
// by the primary, and a SIGTERM that stops them all gracefully.
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort, startApiProcess } from './api-process.ts'

const postgresUrl = process.env.TEST_DATABASE_URL
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
const database = `tangtoc_workers_${randomUUID().slice(0, 8)}`
let api: Awaited<ReturnType<typeof startApiProcess>>
let metricsPort: number

async function admin<T>(work: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: postgresUrl })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

describe.runIf(postgresUrl)('API_WORKERS=2', () => {
  beforeAll(async () => {
    await admin((client) => client.query(`CREATE DATABASE ${database}`))
    const url = new URL(postgresUrl ?? '')
    url.pathname = `/${database}`
    metricsPort = await freePort()
    api = await startApiProcess({
      DATABASE_URL: url.href,
      REDIS_URL: redisUrl,
      API_WORKERS: '2',
      METRICS_PORT: String(metricsPort),
    })
  })
  afterAll(async () => {
    api?.kill()
    await admin((client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`))
  })

  it('serves the workers’ metrics summed on METRICS_PORT, and stops every worker on SIGTERM', async () => {
    for (let i = 0; i < 6; i++) {
      await fetch(`${api.base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'query Ping { __typename }' }),
      })
    }
    const metrics = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text()
    // Each worker's pool has a maximum of 10: two workers, 20.
    expect(metrics).toMatch(/^tangtoc_database_connections\{state="max"\} 20$/m)
    expect(metrics).toMatch(
      /^tangtoc_graphql_operation_duration_seconds_count\{operationName="Ping",operationType="query"\} 6$/m,
    )

    api.child.kill('SIGTERM')
    expect(await api.exited).toBe(0)
    const messages = api.lines.map((line) => line.msg)
    expect(messages.filter((message) => message === 'stopped')).toHaveLength(2)
  })
})
