// Console screens against the real API: a fresh test database seeded with the launch campaign, the
// API's Yoga app reached in-process through `yoga.fetch` (no port), and the console's own urql client
// and graphcache, configured as in production. What a screen shows is what the API really answered.
import type { PrismaClient } from '@tangtoc/db'
import { seedIfEmpty } from '@tangtoc/db/seed'
import { createTestDatabase } from '@tangtoc/db/testing'
import type { Locale } from '@tangtoc/shared'
import { createMemoryHistory, RouterProvider } from '@tanstack/react-router'
import { render } from '@testing-library/react'
import { ConsoleProviders } from '../ConsoleProviders.tsx'
import { createConsoleClient } from '../client.ts'
import { createI18n } from '../i18n/i18n.ts'
import { createConsoleRouter } from '../router.tsx'
import { extendLaunchCampaignToToday, type SeededUser, seededCookie } from './seeded.ts'

/**
 * The API is loaded from source at run time, like the end-to-end suite does: the specifier is a URL so
 * that the console's typecheck does not compile the API's sources.
 */
type ApiServer = {
  createYogaApp(options: { prisma: PrismaClient; exportJobRows?: number }): {
    fetch(url: string, init?: RequestInit): Promise<Response>
    dispose(): Promise<void> | void
  }
}
const apiServerSource = new URL('../../../api/src/server.ts', import.meta.url).href

const origin = 'http://console.test'

export type ConsoleApi = Awaited<ReturnType<typeof startConsoleApi>>

type Yoga = ReturnType<ApiServer['createYogaApp']>

/** The browser's fetch for a seeded user, who signs in once: every request reaches the API with their cookie. */
function seededSignIn(yoga: Yoga): (as: SeededUser) => Promise<typeof fetch> {
  const signedIn = new Map<SeededUser, typeof fetch>()
  return async (as) => {
    const known = signedIn.get(as)
    if (known) return known
    const cookie = await seededCookie((url, init) => yoga.fetch(url, init), `${origin}/graphql`, as)
    const fetchAs: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers)
      headers.set('cookie', cookie)
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
      return yoga.fetch(new URL(url, origin).href, { ...init, headers })
    }
    signedIn.set(as, fetchAs)
    return fetchAs
  }
}

/** `exportJobRows`: exports of more rows are queued as jobs (the API's EXPORT_JOB_ROWS). */
export async function startConsoleApi({ exportJobRows }: { exportJobRows?: number } = {}) {
  const database = await createTestDatabase()
  await seedIfEmpty(database.prisma)
  await extendLaunchCampaignToToday(database.prisma)
  const { createYogaApp }: ApiServer = await import(/* @vite-ignore */ apiServerSource)
  const yoga = createYogaApp({ prisma: database.prisma, ...(exportJobRows ? { exportJobRows } : {}) })
  const signedIn = seededSignIn(yoga)

  return {
    prisma: database.prisma,
    /** Sends an operation as a seeded user and returns its data (throws on GraphQL errors). */
    async graphql<T = Record<string, unknown>>(
      as: SeededUser,
      query: string,
      variables: Record<string, unknown> = {},
    ): Promise<T> {
      const fetchAs = await signedIn(as)
      const response = await fetchAs(`${origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-graphql-yoga-csrf': '1' },
        body: JSON.stringify({ query, variables }),
      })
      const result = await response.json()
      if (result.errors) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`)
      return result.data
    },
    /** What a link to the API (an export) downloads for a seeded user, as text. */
    async download(as: SeededUser, href: string): Promise<{ status: number; text: string }> {
      const fetchAs = await signedIn(as)
      const response = await fetchAs(href)
      return { status: response.status, text: await response.text() }
    },
    /** The whole console at `path`, signed in as `as`, with the production client and cache. */
    async renderAt(path: string, { as = 'admin', locale = 'vi' }: { as?: SeededUser; locale?: Locale } = {}) {
      const client = createConsoleClient(`${origin}/graphql`, { fetch: await signedIn(as) })
      const router = createConsoleRouter(createMemoryHistory({ initialEntries: [path] }))
      return render(
        <ConsoleProviders client={client} i18n={createI18n(locale)}>
          <RouterProvider router={router} />
        </ConsoleProviders>,
      )
    },
    async close() {
      await yoga.dispose()
      await database.close()
    },
  }
}
