// Another site open in the same browser must not read the API with the user's session: no CORS by
// default; an integrator's browser app on the allow-list (CORS_ORIGINS) gets CORS without credentials.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { createYogaApp } from '../../src/server.ts'
import { type ApiHarness, createApiHarness } from '../harness.ts'

let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness()
})
afterAll(() => api.close())

const integrator = 'https://bao-cao.example.vn'

function preflight(yoga: ReturnType<typeof createYogaApp>, origin: string) {
  return yoga.fetch('http://tangtoc.test/graphql', {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type, authorization',
    },
  })
}

function post(yoga: ReturnType<typeof createYogaApp>, origin: string) {
  return yoga.fetch('http://tangtoc.test/graphql', {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
  })
}

describe('cross-origin requests', () => {
  it('a page of another site gets no CORS headers, so the browser keeps the answer from it', async () => {
    for (const response of [
      await preflight(api.yoga, 'https://evil.example'),
      await post(api.yoga, 'https://evil.example'),
    ]) {
      expect(response.headers.get('access-control-allow-origin')).toBeNull()
      expect(response.headers.get('access-control-allow-credentials')).toBeNull()
    }
  })

  it('the same goes for the CSV exports', async () => {
    const response = await api.yoga.fetch('http://tangtoc.test/exports/enrollments.csv', {
      headers: { origin: 'https://evil.example' },
    })
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('an integrator’s app on the allow-list may call with a bearer token, never with cookies', async () => {
    const yoga = api.yogaWith({ corsOrigins: [integrator] })
    const asked = await preflight(yoga, integrator)
    expect(asked.headers.get('access-control-allow-origin')).toBe(integrator)
    expect(asked.headers.get('access-control-allow-headers')).toMatch(/authorization/)
    expect(asked.headers.get('access-control-allow-credentials')).toBeNull()
    const answered = await post(yoga, integrator)
    expect(answered.headers.get('access-control-allow-origin')).toBe(integrator)
    expect(answered.headers.get('access-control-expose-headers')).toMatch(/x-request-id/)
    expect(answered.headers.get('access-control-allow-credentials')).toBeNull()

    const stranger = await preflight(yoga, 'https://evil.example')
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull()
  })
})
