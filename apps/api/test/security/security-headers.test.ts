// Every page and answer carries the browser's defences: a Content-Security-Policy that lets only this
// server's own scripts run and no other site frame the pages, no MIME sniffing, no referrer leaving the
// site, and over TLS the instruction to always come back over TLS.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer } from '../../src/server.ts'
import { type ApiHarness, createApiHarness } from '../harness.ts'

let api: ApiHarness
let consoleDir: string
const servers: { close(callback: () => void): void }[] = []
beforeAll(async () => {
  api = await createApiHarness()
  consoleDir = await mkdtemp(join(tmpdir(), 'tangtoc-console-'))
  await writeFile(join(consoleDir, 'index.html'), '<!doctype html><title>Tăng Tốc</title>')
})
afterAll(async () => {
  for (const server of servers) await new Promise<void>((resolve) => server.close(resolve))
  await rm(consoleDir, { recursive: true, force: true })
  await api.close()
})

/** The whole server (console and API) on a port, as `pnpm start` runs it. */
async function serve(options: { trustProxy?: number } = {}) {
  const server = createServer({ prisma: api.prisma, consoleDir, ...options })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

const paths = {
  'the console': { path: '/', headers: { accept: 'text/html' } },
  GraphiQL: { path: '/graphql', headers: { accept: 'text/html' } },
  'a GraphQL answer': { path: '/graphql?query=%7B__typename%7D', headers: { 'x-graphql-yoga-csrf': '1' } },
  'a CSV export': { path: '/exports/enrollments.csv', headers: {} },
}

function directives(policy: string | null): Map<string, string[]> {
  return new Map(
    (policy ?? '')
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name as string, values]),
  )
}

describe('security headers', () => {
  for (const [what, { path, headers }] of Object.entries(paths)) {
    it(`${what} may run only this server’s scripts, is never framed, sniffed or referred from`, async () => {
      const origin = await serve()
      const response = await fetch(`${origin}${path}`, { headers })
      await response.arrayBuffer()
      const policy = directives(response.headers.get('content-security-policy'))
      expect(policy.get('script-src')).toEqual(["'self'"])
      expect(policy.get('script-src-attr')).toEqual(["'none'"])
      expect(policy.get('object-src')).toEqual(["'none'"])
      expect(policy.get('frame-ancestors')).toEqual(["'none'"])
      expect(policy.get('default-src')).toEqual(["'self'"])
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('x-frame-options')).toBe('DENY')
      expect(response.headers.get('referrer-policy')).toBe('no-referrer')
      // Plain HTTP (development): no HSTS, no upgrade of requests.
      expect(response.headers.get('strict-transport-security')).toBeNull()
      expect(policy.has('upgrade-insecure-requests')).toBe(false)
    })
  }

  it('over TLS at a trusted proxy, browsers are told to use TLS only (HSTS)', async () => {
    const behindProxy = await serve({ trustProxy: 1 })
    const overTls = await fetch(`${behindProxy}/`, { headers: { 'x-forwarded-proto': 'https' } })
    expect(overTls.headers.get('strict-transport-security')).toMatch(/^max-age=31536000; includeSubDomains/)
    expect(directives(overTls.headers.get('content-security-policy')).has('upgrade-insecure-requests')).toBe(
      true,
    )

    const untrusted = await serve()
    const claimed = await fetch(`${untrusted}/`, { headers: { 'x-forwarded-proto': 'https' } })
    expect(claimed.headers.get('strict-transport-security')).toBeNull()
  })
})
