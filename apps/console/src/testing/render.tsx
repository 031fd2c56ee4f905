// Renders console screens for component tests: the real providers and routes, with GraphQL answers
// given by the test (urql's documented mock client), so a test reads as "given these campaigns…".
import type { Locale } from '@tangtoc/shared'
import { createMemoryHistory, RouterProvider } from '@tanstack/react-router'
import { render } from '@testing-library/react'
import type { ReactNode } from 'react'
import type { Client, CombinedError, Operation } from 'urql'
import { concat, fromValue, never } from 'wonka'
import { ConsoleProviders } from '../ConsoleProviders.tsx'
import { createI18n } from '../i18n/i18n.ts'
import { createConsoleRouter } from '../router.tsx'

/** What the API answers every query with: data, errors, both (a partial result), or nothing yet. */
export type Answer = { data?: unknown; error?: CombinedError } | 'pending'

/** The signed-in user the shell reads with `me`: the seeded admin unless a test says otherwise. */
export type TestViewer = {
  id: string
  username: string
  displayName: string
  role: 'ADMIN' | 'CENTER_MANAGER' | 'AGENT' | 'VIEWER'
  center: { id: string; code: string; name: string } | null
} | null

export const testAdmin: NonNullable<TestViewer> = {
  id: 'VXNlcjox',
  username: 'admin',
  displayName: 'Quản trị viên',
  role: 'ADMIN',
  center: null,
}

/** Answers by operation name (e.g. `CreateCampaign`), given the operation's variables. */
export type AnswersByName = Record<string, Answer | ((variables: Record<string, unknown>) => Answer)>

export type AnsweringOptions = {
  /** Who `me` is; null for no one signed in. */
  viewer?: TestViewer
  /** Queries and mutations answered by name; the others get `answer` (queries) or nothing (mutations). */
  answers?: AnswersByName
}

const operationName = (operation: Operation) =>
  operation.query.definitions.find((definition) => definition.kind === 'OperationDefinition')?.name?.value ??
  ''

/** A query that reads only `me`: the shell's (or a screen's) question of who is signed in. */
function asksOnlyWhoIsSignedIn(operation: Operation) {
  const definition = operation.query.definitions.find((candidate) => candidate.kind === 'OperationDefinition')
  const fields = definition?.selectionSet.selections ?? []
  return fields.length > 0 && fields.every((field) => field.kind === 'Field' && field.name.value === 'me')
}

// Like a real client's, a query's result stream stays open after its answer (urql resets a completed one).
const stream = (answer: Answer, open: boolean) =>
  answer === 'pending'
    ? never
    : open
      ? concat([fromValue({ ...answer, stale: false, hasNext: false }), never])
      : fromValue({ ...answer, stale: false, hasNext: false })

export function answeringClient(
  answer: Answer,
  { viewer = testAdmin, answers = {} }: AnsweringOptions = {},
): Client {
  const byName = (operation: Operation): Answer | undefined => {
    const named = answers[operationName(operation)]
    return typeof named === 'function' ? named(operation.variables as Record<string, unknown>) : named
  }
  const client = {
    executeQuery: (operation: Operation) => {
      const named = byName(operation)
      if (named) return stream(named, true)
      if (asksOnlyWhoIsSignedIn(operation)) return stream({ data: { me: viewer } }, true)
      return stream(answer, true)
    },
    executeMutation: (operation: Operation) => {
      const named = byName(operation)
      return named ? stream(named, false) : never
    },
    executeSubscription: () => never,
  }
  return client as unknown as Client
}

export function renderWithConsole(
  ui: ReactNode,
  {
    locale = 'vi',
    answer = 'pending',
    ...answering
  }: { locale?: Locale; answer?: Answer } & AnsweringOptions = {},
) {
  return render(
    <ConsoleProviders client={answeringClient(answer, answering)} i18n={createI18n(locale)}>
      {ui}
    </ConsoleProviders>,
  )
}

/** The whole console at a path, as a user who opened that address would see it. */
export function renderConsoleAt(
  path: string,
  options: { locale?: Locale; answer?: Answer } & AnsweringOptions = {},
) {
  const router = createConsoleRouter(createMemoryHistory({ initialEntries: [path] }))
  return renderWithConsole(<RouterProvider router={router} />, options)
}
