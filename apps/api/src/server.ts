import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit'
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases'
import { type MaxDepthOptions, maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth'
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens'
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention'
import type { PrismaClient } from '@tangtoc/db'
import { useCookies } from '@whatwg-node/server-plugin-cookies'
import { createYoga, useReadinessCheck } from 'graphql-yoga'
import sirv from 'sirv'
import { useBodySizeLimit } from './body-size.ts'
import { InstanceCaches, useInstanceCaches } from './caches.ts'
import { useClientInputErrors } from './client-input.ts'
import type { Context } from './context.ts'
import { resolveViewer } from './modules/auth/viewer.ts'
import { useExports } from './modules/reports/exports.ts'
import { type ApiPubSub, createEventBus } from './pubsub.ts'
import { maskUnexpected, requestIds, useRequestId } from './request-id.ts'
import { schema } from './schema.ts'

export interface ServerOptions {
  prisma: PrismaClient
  /** The built console to serve at `/`; nothing is served there when absent. */
  consoleDir?: string
  /** The event bus to publish and subscribe on; default one over `redisUrl`. */
  pubsub?: ApiPubSub
  /** Redis for events between instances (createServer: default REDIS_URL); none: in memory. */
  redisUrl?: string
}

/** The header a browser cannot send cross-site without a CORS preflight; the console and curl send it. */
export const csrfHeader = 'x-graphql-yoga-csrf'

/**
 * What one operation may ask for. The deepest Relay chain a client needs — enrollments → edges → node →
 * person → households → members → person → fullName, with connections in between — stays under 15
 * levels (fragments add none). Cost counts each object 2 and each scalar 1, times 1.5 per level, times a
 * literal `first`/`last`: the console's campaign page (100 targets and 100 centers) costs about 16 000,
 * a page of 100 rows twelve levels deep about 65 000, while 100 campaigns of 100 targets each cost 435 000.
 */
export const operationLimits = {
  maxDepth: 15,
  maxAliases: 20,
  maxCost: 100_000,
  maxTokens: 2_000,
  /** Bytes of request body: a registration is about 1 kB, the largest console request (targets) 40 kB. */
  maxBodyBytes: 1_000_000,
} as const

// Reported like any other validation error (HTTP 400 with application/graphql-response+json), rather
// than thrown out of validation as the plugins do by default.
const asValidationError: Pick<MaxDepthOptions, 'propagateOnRejection' | 'onReject'> = {
  propagateOnRejection: false,
  onReject: [(context, error) => context?.reportError(error)],
}

const graphiqlQuery = `# Tăng Tốc's GraphQL API.
#
# GraphiQL sends the CSRF header \`${csrfHeader}: 1\` and your console session cookie for you.
# From anywhere else, send the header on every request that is not a JSON POST, e.g. with curl:
#
#   curl -X POST http://localhost:4000/graphql \\
#     -H 'content-type: application/json' -H '${csrfHeader}: 1' \\
#     -H 'authorization: Bearer ttk_…' \\
#     -d '{"query":"{ me { username role } }"}'
#
# Sign in with the logIn mutation (or an API token in the Headers tab), then run:

query Me {
  me {
    username
    displayName
    role
    center {
      name
    }
  }
}
`

export function createYogaApp({
  prisma,
  pubsub,
  redisUrl,
}: Pick<ServerOptions, 'prisma' | 'pubsub' | 'redisUrl'>) {
  const events = pubsub ? { pubsub, close: async () => {} } : createEventBus(redisUrl)
  const caches = new InstanceCaches()
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: {
      title: 'Tăng Tốc',
      defaultQuery: graphiqlQuery,
      additionalHeaders: { [csrfHeader]: '1' },
      credentials: 'same-origin',
    },
    // Limited by useBodySizeLimit below, without streaming every body through a counter.
    maxRequestBodySize: false,
    plugins: [
      useReadinessCheck({
        endpoint: healthEndpoint,
        check: async ({ fetchAPI }) => {
          const { status, body } = await checkHealth(prisma)
          return fetchAPI.Response.json(body, { status, headers: { 'cache-control': 'no-store' } })
        },
      }),
      useBodySizeLimit(operationLimits.maxBodyBytes),
      useCSRFPrevention({ requestHeaders: [csrfHeader] }),
      useCookies(),
      // Before useRequestId, which logs what is left unexpected.
      useClientInputErrors(),
      useRequestId(),
      useExports({ prisma, pubsub: events.pubsub, caches }),
      // Stops listening before the event bus closes.
      useInstanceCaches(caches, events.pubsub),
      { onDispose: () => events.close() },
      maxTokensPlugin({ n: operationLimits.maxTokens }),
      maxDepthPlugin({ n: operationLimits.maxDepth, flattenFragments: true, ...asValidationError }),
      maxAliasesPlugin({ n: operationLimits.maxAliases, ...asValidationError }),
      costLimitPlugin({ maxCost: operationLimits.maxCost, flattenFragments: true, ...asValidationError }),
    ],
    maskedErrors: {
      maskError: (error, message) => maskUnexpected(error, message),
    },
    context: async ({ request }): Promise<Context> => ({
      prisma,
      request,
      viewer: await resolveViewer(prisma, request, caches),
      requestId: requestIds.get(request) ?? randomUUID(),
      pubsub: events.pubsub,
      caches,
    }),
  })
}

export const healthEndpoint = '/healthz'

/** `GET /healthz`: 200 when the API can reach its database, 503 when it cannot. */
export async function checkHealth(
  prisma: PrismaClient,
): Promise<{ status: number; body: Record<string, string> }> {
  try {
    await prisma.$queryRaw`SELECT 1`
    return { status: 200, body: { status: 'ok', database: 'ok' } }
  } catch (error) {
    console.error(JSON.stringify({ level: 'error', check: 'healthz', error: String(error) }))
    return { status: 503, body: { status: 'unavailable', database: 'unreachable' } }
  }
}

export function createServer({
  prisma,
  consoleDir,
  pubsub,
  redisUrl = process.env.REDIS_URL,
}: ServerOptions) {
  const yoga = createYogaApp({ prisma, pubsub, redisUrl })
  const serveConsole =
    consoleDir && existsSync(consoleDir) ? sirv(consoleDir, { single: true, etag: true }) : null

  const server = createHttpServer((request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '/').split('?')[0]
    if (
      path === healthEndpoint ||
      path === yoga.graphqlEndpoint ||
      path?.startsWith(`${yoga.graphqlEndpoint}/`) ||
      path?.startsWith('/exports/')
    ) {
      yoga(request, response)
      return
    }
    if (serveConsole) {
      serveConsole(request, response, () => {
        response.writeHead(404).end()
      })
      return
    }
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found')
  })
  server.on('close', () => {
    void yoga.dispose()
  })
  return server
}
