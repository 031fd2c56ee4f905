import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ApiHarness, createApiHarness } from '../harness.ts'

let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness()
})
afterAll(() => api.close())

const url = 'http://tangtoc.test/graphql'
const query = '{ __typename }'

async function status(init: RequestInit & { path?: string }) {
  const response = await api.yoga.fetch(init.path ?? url, {
    ...init,
    headers: { accept: 'application/graphql-response+json', ...init.headers },
  })
  return response.status
}

// Yoga's CSRF prevention asks for `x-graphql-yoga-csrf` on every request a browser could send
// cross-site without a CORS preflight: GET, and POST as form, multipart or text/plain. A JSON POST
// already needs a preflight, so it passes without the header.
describe('CSRF prevention', () => {
  it('a GET without the header is refused with 403', async () => {
    expect(await status({ path: `${url}?query=${encodeURIComponent(query)}` })).toBe(403)
  })

  it('a GET with the header is served', async () => {
    expect(
      await status({
        path: `${url}?query=${encodeURIComponent(query)}`,
        headers: { 'x-graphql-yoga-csrf': '1' },
      }),
    ).toBe(200)
  })

  it.each([
    ['application/x-www-form-urlencoded', `query=${encodeURIComponent(query)}`],
    ['text/plain', JSON.stringify({ query })],
  ])('a %s POST without the header is refused with 403', async (contentType, body) => {
    expect(await status({ method: 'POST', headers: { 'content-type': contentType }, body })).toBe(403)
  })

  it('a multipart POST without the header is refused with 403', async () => {
    const form = new FormData()
    form.set('operations', JSON.stringify({ query }))
    form.set('map', '{}')
    expect(await status({ method: 'POST', body: form })).toBe(403)
  })

  it('a JSON POST is served without the header (a browser must preflight it)', async () => {
    expect(
      await status({
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      }),
    ).toBe(200)
  })

  it('a form POST with the header is past the CSRF check', async () => {
    const served = await status({
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-graphql-yoga-csrf': '1' },
      body: `query=${encodeURIComponent(query)}`,
    })
    expect(served).not.toBe(403)
  })

  it('GraphiQL opens in a browser and sends the header for you', async () => {
    const response = await api.yoga.fetch(url, { headers: { accept: 'text/html' } })
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('<title>Tăng Tốc</title>')
    expect(html).toContain('x-graphql-yoga-csrf')
  })
})
