import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../src/config.ts'
import { createYogaApp } from '../src/server.ts'
import { startTracing } from '../src/tracing.ts'
import { type ApiHarness, createApiHarness } from './harness.ts'

let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness()
})
afterAll(() => api.close())

const askMe = (yoga: ReturnType<typeof createYogaApp>) =>
  yoga.fetch('http://tangtoc.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'query WhoAmI($code: String!) { me { username } campaign(code: $code) { id } }',
      variables: { code: 'citizen-079123456789' },
    }),
  })

describe('tracing', () => {
  it('is off unless OTEL_EXPORTER_OTLP_ENDPOINT is set', async () => {
    expect(await startTracing(loadConfig({}))).toBeUndefined()
  })

  it('sends a span per operation to the OTLP collector, without the query’s text or variables', async () => {
    // A local OTLP/HTTP collector that keeps what it receives.
    const received: { path: string | undefined; body: string }[] = []
    const collector = createServer((request: IncomingMessage, response) => {
      let body = ''
      request.on('data', (chunk) => {
        body += chunk
      })
      request.on('end', () => {
        received.push({ path: request.url, body })
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}')
      })
    })
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve))
    const endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`
    try {
      const tracing = await startTracing(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint }))
      if (!tracing) throw new Error('tracing did not start')
      const response = await askMe(createYogaApp({ prisma: api.prisma, tracing: tracing.plugin }))
      expect(await response.json()).toMatchObject({ data: { me: null } })
      await tracing.shutdown()

      expect(received.map((request) => request.path)).toContain('/v1/traces')
      const spans = received.map((request) => request.body).join('\n')
      expect(spans).toContain('WhoAmI')
      expect(spans).toContain('tangtoc-api')
      expect(spans).not.toMatch(/citizen-079123456789|me \{ username \}/)
    } finally {
      await new Promise((resolve) => collector.close(resolve))
    }
  })
})
