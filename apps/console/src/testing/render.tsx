// Renders console screens for component tests: the real providers and routes, with GraphQL answers
// given by the test (urql's documented mock client), so a test reads as "given these campaigns…".
import type { Locale } from '@tangtoc/shared'
import { createMemoryHistory, RouterProvider } from '@tanstack/react-router'
import { render } from '@testing-library/react'
import type { ReactNode } from 'react'
import type { Client, CombinedError } from 'urql'
import { concat, fromValue, never } from 'wonka'
import { ConsoleProviders } from '../ConsoleProviders.tsx'
import { createI18n } from '../i18n/i18n.ts'
import { createConsoleRouter } from '../router.tsx'

/** What the API answers every query with: data, errors, both (a partial result), or nothing yet. */
export type Answer = { data?: unknown; error?: CombinedError } | 'pending'

export function answeringClient(answer: Answer): Client {
  const client = {
    // Like a real client's, the result stream stays open after its answer (urql resets a completed one).
    executeQuery: () =>
      answer === 'pending' ? never : concat([fromValue({ ...answer, stale: false, hasNext: false }), never]),
    executeMutation: () => never,
    executeSubscription: () => never,
  }
  return client as unknown as Client
}

export function renderWithConsole(
  ui: ReactNode,
  { locale = 'vi', answer = 'pending' }: { locale?: Locale; answer?: Answer } = {},
) {
  return render(
    <ConsoleProviders client={answeringClient(answer)} i18n={createI18n(locale)}>
      {ui}
    </ConsoleProviders>,
  )
}

/** The whole console at a path, as a user who opened that address would see it. */
export function renderConsoleAt(path: string, options: { locale?: Locale; answer?: Answer } = {}) {
  const router = createConsoleRouter(createMemoryHistory({ initialEntries: [path] }))
  return renderWithConsole(<RouterProvider router={router} />, options)
}
