import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Metrics } from '../../src/metrics.ts'
import {
  campaignSetting,
  confirmPayment,
  gid,
  registerEnrollment,
  vsiInput,
} from '../../src/modules/enrollments/test-helpers.ts'
import { type ApiHarness, createApiHarness } from '../harness.ts'
import { listen } from '../http-server.ts'

const token = 'scrape-me-please-0123456789'
let api: ApiHarness
let metrics: Metrics
let server: Awaited<ReturnType<typeof listen>>
beforeAll(async () => {
  api = await createApiHarness()
  metrics = new Metrics(api.prisma)
  server = await listen({ prisma: api.prisma, metrics, metricsToken: token })
})
afterAll(async () => {
  await server.close()
  await api.close()
})

async function scrape() {
  const response = await fetch(`${server.base}/metrics`, { headers: { authorization: `Bearer ${token}` } })
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
  return response.text()
}

/** The value of a series, e.g. `tangtoc_payments_total{product="VOLUNTARY_SOCIAL_INSURANCE"}`; 0 when absent. */
const seriesValue = (text: string, series: string) => {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `))
  return line ? Number(line.slice(series.length + 1)) : 0
}

describe('/metrics', () => {
  it('answers only a request bearing METRICS_TOKEN', async () => {
    expect((await fetch(`${server.base}/metrics`)).status).toBe(401)
    const wrong = await fetch(`${server.base}/metrics`, { headers: { authorization: 'Bearer guess' } })
    expect(wrong.status).toBe(401)
  })

  it('is not served on the API’s port without a token', async () => {
    const open = await listen({ prisma: api.prisma, metrics: new Metrics(api.prisma) })
    try {
      const response = await fetch(`${open.base}/metrics`)
      expect(response.status).toBe(404)
      expect(await response.text()).toMatch(/METRICS_TOKEN.*METRICS_PORT/)
    } finally {
      await open.close()
    }
  })

  it('counts registrations and payments, times operations by name, and counts errors by code', async () => {
    const before = await scrape()
    const setting = await campaignSetting(api)
    const registered = await server.graphql(
      registerEnrollment.replace('mutation (', 'mutation Register ('),
      { input: vsiInput(setting) },
      setting.agent.credentials,
    )
    const enrollment = registered.body.data?.registerEnrollment.enrollment
    const paid = await server.graphql(
      confirmPayment,
      { input: { id: enrollment.id, version: enrollment.version } },
      setting.manager.credentials,
    )
    expect(paid.body.data?.confirmEnrollmentPayment.enrollment.status).toBe('PAID')
    await server.graphql('query Users { users(first: 1) { totalCount } }')

    const after = await scrape()
    const grew = (series: string) => seriesValue(after, series) - seriesValue(before, series)
    expect(grew('tangtoc_registrations_total{product="VOLUNTARY_SOCIAL_INSURANCE"}')).toBe(1)
    expect(grew('tangtoc_payments_total{product="VOLUNTARY_SOCIAL_INSURANCE"}')).toBe(1)
    expect(
      grew(
        'tangtoc_graphql_operation_duration_seconds_count{operationName="Register",operationType="mutation"}',
      ),
    ).toBe(1)
    expect(
      grew(
        'tangtoc_graphql_errors_total{operationName="Users",operationType="query",phase="execute",code="FORBIDDEN"}',
      ),
    ).toBe(1)
    expect(
      grew('tangtoc_http_request_duration_seconds_count{route="/graphql",method="POST",status="200"}'),
    ).toBe(3)
    expect(after).toMatch(/^nodejs_eventloop_lag_p99_seconds \d/m)
    expect(after).toMatch(/^process_resident_memory_bytes \d/m)
    if (api.kind === 'postgresql') expect(after).toMatch(/^tangtoc_database_connections\{state="max"\} 10$/m)
  })

  it('counts the live subscriptions', async () => {
    const setting = await campaignSetting(api)
    const abort = new AbortController()
    const stream = await fetch(`${server.base}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        'x-graphql-yoga-csrf': '1',
        cookie: setting.manager.credentials.cookie,
      },
      body: JSON.stringify({
        query: 'subscription ($campaign: ID!) { enrollmentRegistered(campaign: $campaign) { id } }',
        variables: { campaign: gid('Campaign', setting.campaign.id) },
      }),
      signal: abort.signal,
    })
    expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/)
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(seriesValue(await scrape(), 'tangtoc_live_subscriptions')).toBe(1)
    abort.abort()
    await expect.poll(async () => seriesValue(await scrape(), 'tangtoc_live_subscriptions')).toBe(0)
    // Timed apart from the requests it would otherwise make look slow.
    expect(await scrape()).toMatch(
      /^tangtoc_http_request_duration_seconds_count\{route="\/graphql stream",method="POST",status="200"\} 1$/m,
    )
  })

  it('reports the depth of a queue that asks to be watched', async () => {
    metrics.watchQueue('bulk-intake', () => 3)
    expect(await scrape()).toMatch(/^tangtoc_job_queue_depth\{queue="bulk-intake"\} 3$/m)
  })
})
