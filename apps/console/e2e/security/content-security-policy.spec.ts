// The console and GraphiQL work under the server's Content-Security-Policy (scripts only from this
// server, no inline script): every screen renders and Chromium reports no refused resource.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, startHarness } from '../harness.ts'

/** Visits the paths in turn, collecting every Content-Security-Policy refusal from the first byte. */
async function refusalsOn(page: Page, paths: readonly string[], ready: (page: Page) => Promise<unknown>) {
  const refusals: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) refusals.push(message.text())
  })
  for (const path of paths) {
    await page.goto(new URL(path, page.url()).href)
    await ready(page)
  }
  return refusals
}

describe('the Content-Security-Policy', () => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness()
  })
  afterAll(async () => {
    await harness?.close()
  })

  it('lets every screen of the console render with nothing refused', async () => {
    // Signed in, on a page that runs nothing, to listen before the console loads.
    const page = await harness.open('/healthz')
    expect((await page.goto(page.url()))?.headers()['content-security-policy']).toMatch(/script-src 'self'/)
    const refusals = await refusalsOn(
      page,
      ['/', '/campaigns', '/centers', '/sessions', '/enrollments', '/users', '/tokens', '/audit'],
      (shown) => shown.getByRole('navigation', { name: 'Điều hướng chính' }).waitFor(),
    )
    await page.getByRole('heading', { name: 'Nhật ký thay đổi' }).waitFor()
    expect(refusals).toEqual([])
  })

  it('lets GraphiQL, served from this server, render and run a query', async () => {
    const page = await harness.open('/healthz')
    const refusals = await refusalsOn(page, ['/graphql'], (shown) =>
      shown.locator('.graphiql-container').first().waitFor(),
    )
    // Run the welcome query (until GraphiQL has taken it from its editor, Monaco, whose workers come
    // from this server too).
    const execute = page.getByRole('button', { name: /Execute query/i })
    const answer = page.locator('.graphiql-response').first()
    await expect
      .poll(
        async () => {
          const answered = page.waitForResponse(
            (response) => response.request().postData()?.includes('query Me') ?? false,
            { timeout: 2_000 },
          )
          await execute.click()
          await answered.catch(() => null)
          await page.waitForTimeout(200)
          // Monaco writes its spaces as no-break spaces.
          return (await answer.textContent())?.replace(/\s+/g, ' ')
        },
        { timeout: 30_000 },
      )
      .toContain('"username": "admin"')
    expect(refusals).toEqual([])
  })
})
