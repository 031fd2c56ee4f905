// One harness per spec file: a fresh test database seeded with the launch campaign, the real API
// serving the built console on a free port, and Debian's Chromium (never a downloaded browser).
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { PrismaClient } from '@tangtoc/db'
import { launchUsers, seedIfEmpty } from '@tangtoc/db/seed'
import { createTestDatabase } from '@tangtoc/db/testing'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { inject } from 'vitest'
import { seededCookie } from '../src/testing/seeded.ts'

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * The part of the API the suite relies on. The API has no package exports yet, so its server is loaded
 * from source at run time; the specifier is a URL so that the console's typecheck does not compile the
 * API's sources (their type errors are the API's to report, and a changed contract fails this suite).
 */
type ApiServer = {
  createServer(options: { prisma: PrismaClient; consoleDir?: string; exportJobRows?: number }): Server
}
const apiServerSource = new URL('../../api/src/server.ts', import.meta.url).href

/** A seeded account: its username and development password are published in the README. */
export type SeededUser = (typeof launchUsers)[number]['username']

export type Harness = {
  /**
   * A new page in a fresh browser context (its own cookies and storage) signed in as `user`, at `path`;
   * `as: null` opens it signed out.
   */
  open(path?: string, options?: { as?: SeededUser | null }): Promise<Page>
  /** Sends a GraphQL operation to the API as a seeded user (signed in through `logIn`), and returns its data. */
  graphql<T = Record<string, unknown>>(
    as: SeededUser,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<T>
  /** The test database, to seed what a spec needs (e.g. `seedDemo`). */
  prisma: PrismaClient
  close(): Promise<void>
}

const logIn = `
  mutation LogIn($input: LogInInput!) {
    logIn(input: $input) {
      __typename
    }
  }
`

/** Debian's Chromium, headless, without the background traffic a test has no use for. */
function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/**
 * Signs a seeded user in through the API (until the console has its sign-in screen); the cookie lands
 * in the browser context.
 */
async function signIn(context: BrowserContext, origin: string, as: SeededUser): Promise<void> {
  const user = launchUsers.find((candidate) => candidate.username === as)
  if (!user) throw new Error(`No seeded user ${as}`)
  const response = await context.request.post(new URL('/graphql', origin).href, {
    headers: { 'x-graphql-yoga-csrf': '1' },
    data: { query: logIn, variables: { input: { username: user.username, password: user.password } } },
  })
  const result = await response.json()
  if (result?.data?.logIn?.__typename !== 'LogInPayload') {
    throw new Error(`Signing in as ${as} failed: ${JSON.stringify(result)}`)
  }
}

/** A fresh seeded database, and the API serving it and the built console on a free port. */
async function serveApi(exportJobRows: number | undefined) {
  const database = await createTestDatabase()
  await seedIfEmpty(database.prisma)
  const { createServer }: ApiServer = await import(/* @vite-ignore */ apiServerSource)
  const server = createServer({
    prisma: database.prisma,
    consoleDir: inject('consoleDir'),
    ...(exportJobRows ? { exportJobRows } : {}),
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { database, server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}

/** `exportJobRows`: exports of more rows are queued as jobs (the API's EXPORT_JOB_ROWS). */
export async function startHarness({ exportJobRows }: { exportJobRows?: number } = {}): Promise<Harness> {
  const { database, server, origin } = await serveApi(exportJobRows)

  let browser: Browser
  try {
    browser = await launchChromium()
  } catch (error) {
    server.close()
    await database.close()
    throw error
  }

  const sessions = new Map<SeededUser, string>()
  async function cookieOf(as: SeededUser): Promise<string> {
    const known = sessions.get(as)
    if (known) return known
    const cookie = await seededCookie(fetch, new URL('/graphql', origin).href, as)
    sessions.set(as, cookie)
    return cookie
  }

  return {
    prisma: database.prisma,
    async graphql(as, query, variables = {}) {
      const response = await fetch(new URL('/graphql', origin), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-graphql-yoga-csrf': '1',
          cookie: await cookieOf(as),
        },
        body: JSON.stringify({ query, variables }),
      })
      const result = await response.json()
      if (result.errors) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`)
      return result.data
    },
    async open(path = '/', { as = 'admin' } = {}) {
      const context = await browser.newContext({ viewport: { width: 1024, height: 768 } })
      // Fail on a missing element well before the test's own timeout, with the locator in the message.
      context.setDefaultTimeout(15_000)
      if (as === null) {
        const page = await context.newPage()
        await page.goto(new URL(path, origin).href)
        return page
      }
      await signIn(context, origin, as)
      const page = await context.newPage()
      await page.goto(new URL(path, origin).href)
      return page
    },
    async close() {
      await browser.close()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await database.close()
    },
  }
}
