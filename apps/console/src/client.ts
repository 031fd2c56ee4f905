// The console's urql client: one normalized cache for every screen, Relay pagination for connections.
import { cacheExchange, type Data, type UpdateResolver } from '@urql/exchange-graphcache'
import { relayPagination } from '@urql/exchange-graphcache/extras'
import { createClient as createSseClient } from 'graphql-sse'
import { Client, fetchExchange, type OperationContext, subscriptionExchange } from 'urql'
// The API's schema (minified introspection of apps/api/schema.graphql, written by `pnpm generate`):
// without it graphcache matches a fragment on an interface or union member by guessing, and a typed
// error spread as `...on UserError` came back with only its __typename.
import schema from './generated/schema.json'

/**
 * Every object type without an `id` (connections, edges, page info, payloads, typed errors, figures) is
 * a part of its parent, not an entity: read from the schema, so that a new type is never left for
 * graphcache to warn about.
 */
const embeddedTypes = Object.fromEntries(
  schema.__schema.types
    .filter(
      (type) =>
        type.kind === 'OBJECT' &&
        !type.name.startsWith('__') &&
        !['Query', 'Mutation', 'Subscription'].includes(type.name) &&
        !type.fields?.some((field) => field.name === 'id'),
    )
    .map((type) => [type.name, () => null]),
)
const byCode = (entity: Data) => (typeof entity.code === 'string' ? entity.code : null)
const byList = (entity: Data) => (typeof entity.list === 'string' ? entity.list : null)

/** After a mutation, these top-level lists are asked again (whatever their filters) when next shown. */
function invalidateLists(...fieldNames: string[]): UpdateResolver {
  return (_result, _args, cache) => {
    for (const field of cache.inspectFields('Query')) {
      if (fieldNames.includes(field.fieldName)) cache.invalidate('Query', field.fieldName, field.arguments)
    }
  }
}

function createCache() {
  return cacheExchange({
    schema,
    keys: {
      ...embeddedTypes,
      // Wards are identified by their official code, a worklist's reminder by its list.
      Ward: byCode,
      ReminderTemplate: byList,
    },
    updates: {
      Mutation: {
        // Signing in answers with the user: every screen asking `me` sees them at once.
        logIn(result, _args, cache) {
          const payload = (result as { logIn?: { __typename?: string; user?: Data } }).logIn
          if (payload?.__typename === 'LogInPayload' && payload.user) cache.link('Query', 'me', payload.user)
        },
        // A new campaign belongs in every list of campaigns: they are asked again.
        createCampaign(_result, _args, cache) {
          for (const field of cache.inspectFields('Query')) {
            if (field.fieldName === 'campaigns') cache.invalidate('Query', field.fieldName, field.arguments)
          }
        },
        // A new or changed enrollment may enter or leave any filtered list, and sessions count them.
        registerEnrollment: invalidateLists('enrollments', 'outreachSessions'),
        updateEnrollment: invalidateLists('enrollments'),
        submitEnrollment: invalidateLists('enrollments'),
        recordPayment: invalidateLists('enrollments', 'campaignProgress'),
        activateEnrollment: invalidateLists('enrollments'),
        rejectEnrollment: invalidateLists('enrollments'),
        cancelEnrollment: invalidateLists('enrollments'),
        createOutreachSession: invalidateLists('outreachSessions'),
        updateOutreachSession: invalidateLists('outreachSessions'),
        cancelOutreachSession: invalidateLists('outreachSessions'),
        completeOutreachSession: invalidateLists('outreachSessions'),
      },
    },
    resolvers: {
      Query: {
        campaigns: relayPagination(),
        centers: relayPagination(),
      },
      Campaign: { targets: relayPagination(), centers: relayPagination() },
      Center: { children: relayPagination() },
    },
  })
}

/**
 * Subscriptions over Server-Sent Events with graphql-sse's client in its "distinct connections" mode,
 * the one graphql-yoga serves out of the box: each subscription is its own POST /graphql answered by
 * an event stream, sent with the session cookie and the CSRF header like every other request.
 */
function sseExchange(url: string, fetchFn: typeof fetch | undefined) {
  const sse = createSseClient({
    url,
    ...(fetchFn ? { fetchFn } : {}),
    singleConnection: false,
    headers: { 'x-graphql-yoga-csrf': '1' },
    credentials: 'include',
  })
  return subscriptionExchange({
    forwardSubscription(request) {
      const input = { ...request, query: request.query ?? '' }
      return {
        subscribe(sink) {
          return { unsubscribe: sse.subscribe(input, sink) }
        },
      }
    },
  })
}

/** What every request sends: the session cookie and graphql-yoga's CSRF header. */
const fetchOptions = {
  credentials: 'include',
  // graphql-yoga's CSRF prevention accepts only requests that carry this header.
  headers: { 'x-graphql-yoga-csrf': '1' },
} as const satisfies RequestInit

/**
 * A mutation's context sending an Idempotency-Key (README, "Retries"): the API answers a request sent
 * again with the same key as it first did, without running it twice.
 */
export function withIdempotencyKey(key: string): Partial<OperationContext> {
  return { fetchOptions: { ...fetchOptions, headers: { ...fetchOptions.headers, 'idempotency-key': key } } }
}

/** `fetch` stands in for the browser's, e.g. to reach the API in-process in tests. */
export function createConsoleClient(url = '/graphql', options: { fetch?: typeof fetch } = {}): Client {
  return new Client({
    url,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    exchanges: [createCache(), fetchExchange, sseExchange(url, options.fetch)],
    fetchOptions,
  })
}
