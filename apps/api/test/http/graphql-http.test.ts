// The GraphQL-over-HTTP compliance audits of `graphql-http`, one test each, against the real server on
// a port with its real configuration. Like every client of this API, the audits' fetch sends the CSRF
// header (Yoga refuses a GET or a form POST without it); nothing else is changed.
import type { AddressInfo } from 'node:net'
import { serverAudits } from 'graphql-http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer, csrfHeader } from '../../src/server.ts'
import { type ApiHarness, createApiHarness } from '../harness.ts'

let api: ApiHarness
let server: ReturnType<typeof createServer>
let url = ''
beforeAll(async () => {
  api = await createApiHarness()
  server = createServer({ prisma: api.prisma })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  await api.close()
})

const fetchWithCsrfHeader: typeof fetch = (input, init) => {
  const headers = new Headers(init?.headers)
  headers.set(csrfHeader, '1')
  return fetch(input, { ...init, headers })
}

describe('GraphQL over HTTP', () => {
  for (const audit of serverAudits({ url: () => url, fetchFn: fetchWithCsrfHeader })) {
    it(audit.name, async () => {
      const result = await audit.fn()
      expect(result, 'reason' in result ? result.reason : undefined).toMatchObject({ status: 'ok' })
    })
  }
})
