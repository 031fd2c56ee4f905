import { existsSync } from 'node:fs'
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { TLSSocket } from 'node:tls'
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions'
import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit'
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases'
import { type MaxDepthOptions, maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth'
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens'
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention'
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection'
import type { PrismaClient } from '@tangtoc/db'
import { useCookies } from '@whatwg-node/server-plugin-cookies'
import { type CORSOptions, createYoga, type GraphiQLOptions, type Plugin } from 'graphql-yoga'
import sirv from 'sirv'
import { useBodySizeLimit } from './body-size.ts'
import { InstanceCaches, useInstanceCaches } from './caches.ts'
import { clientOf, type ServerContext } from './client.ts'
import { useClientInputErrors } from './client-input.ts'
import { loadConfig } from './config.ts'
import { type Context, createRequestContext } from './context.ts'
import { useGraphiQL } from './graphiql.ts'
import { healthEndpoint, readinessEndpoint, useHealthChecks } from './health.ts'
import { idempotencyHeader, useIdempotencyKeys } from './idempotency.ts'
import { createLogger, createRequestLogger, type Logger, useOperationFacts } from './logger.ts'
import { type Metrics, metricsEndpoint, useMetricsEndpoint } from './metrics.ts'
import { resolveViewer } from './modules/auth/viewer.ts'
import { exportCleanupJobKind, exportJobKind } from './modules/exports/export-job.ts'
import { exportPaths } from './modules/exports/export-sheets.ts'
import { useExports } from './modules/exports/exports.ts'
import { createImportQueue } from './modules/imports/jobs.ts'
import { importPath, useImports } from './modules/imports/upload.ts'
import { type ApiPubSub, createEventBus } from './pubsub.ts'
import { ReplicaRoute, useReadReplica } from './replica.ts'
import { maskUnexpected, useRequestId } from './request-id.ts'
import { schema } from './schema.ts'
import { setSecurityHeaders } from './security-headers.ts'
import { defaultSecuritySettings, type SecuritySettings } from './settings.ts'
import { Lifecycle, useSubscriptionsEndAtShutdown } from './shutdown.ts'

export interface ServerOptions extends Partial<SecuritySettings> {
  prisma: PrismaClient
  /** The built console to serve at `/`; nothing is served there when absent. */
  consoleDir?: string
  /** The event bus to publish and subscribe on; default one over `redisUrl`. */
  pubsub?: ApiPubSub
  /** Redis for events between instances; none: in memory. */
  redisUrl?: string
  /** A streaming replica for the reads that may lag (replica.ts); none: everything on `prisma`. */
  replica?: PrismaClient
  /** Where the log lines go; default none. */
  logger?: Logger
  /** The instance's metrics; none are kept without. */
  metrics?: Metrics
  /** Serves the metrics at `/metrics` on this server to requests bearing this token (METRICS_TOKEN). */
  metricsToken?: string
  /** Turns readiness false and ends live subscriptions when the shutdown begins. */
  lifecycle?: Lifecycle
  /** OpenTelemetry's plugin when tracing is on (tracing.ts). */
  tracing?: Plugin
  /**
   * PostgreSQL for the job queue (pg-boss, in its own `pgboss` schema): imports are committed and large
   * exports written by whichever instance takes the job. None (the embedded database): jobs run in
   * this process.
   */
  jobsDatabaseUrl?: string | undefined
  /** How long an import's job may stay active before another instance takes it up (IMPORT_JOB_EXPIRE_SECONDS). */
  importJobExpireSeconds?: number
  /** Exports of more rows than this are written by a job (EXPORT_JOB_ROWS); default the config's. */
  exportJobRows?: number
}

type YogaOptions = Omit<ServerOptions, 'consoleDir'>

const defaultExportJobRows = loadConfig({}).EXPORT_JOB_ROWS

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

const graphiqlOptions: GraphiQLOptions = {
  title: 'Tăng Tốc',
  defaultQuery: graphiqlQuery,
  additionalHeaders: { [csrfHeader]: '1' },
  credentials: 'same-origin',
}

/**
 * Cross-origin browser requests: none by default (the console is served from the API's own origin).
 * An origin of the allow-list gets CORS headers naming it, without credentials: integrators' browser
 * apps send `Authorization: Bearer`, and no origin is ever reflected with cookies allowed.
 */
function corsOf(allowed: readonly string[]) {
  return (request: Request): CORSOptions | false => {
    const origin = request.headers.get('origin')
    if (!origin || !allowed.includes(origin)) return false
    return {
      origin: [origin],
      credentials: false,
      methods: ['GET', 'POST'],
      allowedHeaders: [
        'accept',
        'authorization',
        'content-type',
        csrfHeader,
        'x-request-id',
        idempotencyHeader,
      ],
      exposedHeaders: ['x-request-id', 'content-disposition'],
      maxAge: 600,
    }
  }
}

// long: the plugins in the order they run (several must come before or after another), read as one list
export function createYogaApp({
  prisma,
  replica,
  pubsub,
  redisUrl,
  logger = createLogger({ level: 'silent' }),
  metrics,
  metricsToken,
  lifecycle = new Lifecycle(),
  tracing,
  jobsDatabaseUrl,
  importJobExpireSeconds,
  exportJobRows = defaultExportJobRows,
  ...chosen
}: YogaOptions) {
  const settings: SecuritySettings = { ...defaultSecuritySettings, ...chosen }
  const { events, caches, replicaRoute, jobDeps, imports } = instanceServices(
    { prisma, replica, pubsub, redisUrl, logger, metrics, jobsDatabaseUrl, importJobExpireSeconds },
    settings,
  )
  const anonymous = async (request: Request) =>
    (await resolveViewer(prisma, request, caches, settings)) === null
  const graphqlEndpoint = '/graphql'
  return createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint,
    landingPage: false,
    cors: corsOf(settings.corsOrigins),
    graphiql: false,
    // Limited by useBodySizeLimit below, without streaming every body through a counter.
    maxRequestBodySize: false,
    plugins: [
      useHealthChecks({ prisma, lifecycle, pingRedis: events.ping, logger }),
      ...(metrics && metricsToken ? [useMetricsEndpoint(metrics, metricsToken)] : []),
      useBodySizeLimit(operationLimits.maxBodyBytes),
      useCSRFPrevention({ requestHeaders: [csrfHeader] }),
      useCookies(),
      // Before useRequestId, which logs what is left unexpected.
      useClientInputErrors(),
      useGraphiQL({
        graphqlEndpoint,
        options: graphiqlOptions,
        signInRequired: async (request) => settings.production && (await anonymous(request)),
      }),
      useRequestId(logger),
      useOperationFacts(),
      useIdempotencyKeys(prisma),
      ...(replicaRoute ? [useReadReplica(replicaRoute)] : []),
      ...(metrics ? metrics.plugins() : []),
      ...(tracing ? [tracing] : []),
      useSubscriptionsEndAtShutdown(lifecycle),
      useExports({ ...jobDeps, replica: replicaRoute, exportJobRows }),
      useImports({ prisma, pubsub: events.pubsub, caches, settings, logger }),
      // Stops listening before the event bus closes.
      useInstanceCaches(caches, events.pubsub, logger),
      { onDispose: () => imports.close().then(() => events.close()) },
      ...operationLimitPlugins(settings, anonymous),
    ],
    maskedErrors: {
      maskError: (error, message) => maskUnexpected(error, message),
    },
    context: ({ request, req }): Promise<Context> =>
      createRequestContext({
        prisma,
        request,
        peer: req?.socket,
        settings,
        logger,
        pubsub: events.pubsub,
        caches,
      }),
  })
}

/**
 * What an instance holds beside the schema: its event bus (counted when metered), caches, replica
 * route, and the job queue (imports and queued exports) with what its jobs need.
 */
function instanceServices(
  {
    prisma,
    replica,
    pubsub,
    redisUrl,
    logger,
    metrics,
    jobsDatabaseUrl,
    importJobExpireSeconds,
  }: Pick<
    YogaOptions,
    'prisma' | 'replica' | 'pubsub' | 'redisUrl' | 'metrics' | 'jobsDatabaseUrl' | 'importJobExpireSeconds'
  > & {
    logger: Logger
  },
  settings: SecuritySettings,
) {
  const bus = pubsub ? { pubsub, close: async () => {}, ping: undefined } : createEventBus(redisUrl, logger)
  const events = { ...bus, pubsub: metrics ? metrics.counting(bus.pubsub) : bus.pubsub }
  const caches = new InstanceCaches()
  const replicaRoute = replica ? new ReplicaRoute(replica, logger) : undefined
  const jobDeps = { prisma, pubsub: events.pubsub, caches, settings, logger }
  const imports = createImportQueue(jobDeps, caches, {
    databaseUrl: jobsDatabaseUrl,
    importExpireSeconds: importJobExpireSeconds,
    kinds: [exportJobKind(jobDeps), exportCleanupJobKind(jobDeps)],
  })
  return { events, caches, replicaRoute, jobDeps, imports }
}

/** The limits every operation is held to; in production, no schema map for strangers. */
function operationLimitPlugins(
  settings: SecuritySettings,
  anonymous: (request: Request) => Promise<boolean>,
) {
  return [
    maxTokensPlugin({ n: operationLimits.maxTokens }),
    maxDepthPlugin({ n: operationLimits.maxDepth, flattenFragments: true, ...asValidationError }),
    maxAliasesPlugin({ n: operationLimits.maxAliases, ...asValidationError }),
    costLimitPlugin({ maxCost: operationLimits.maxCost, flattenFragments: true, ...asValidationError }),
    // In production the schema is no map for strangers: introspection only for the signed-in, and no
    // "Did you mean …?" for anyone.
    ...(settings.production
      ? [useDisableIntrospection({ isDisabled: anonymous }), blockFieldSuggestionsPlugin({ mask: '' })]
      : []),
  ]
}

export function createServer({ consoleDir, ...options }: ServerOptions) {
  const { metrics, metricsToken, logger = createLogger({ level: 'silent' }) } = options
  const yoga = createYogaApp({ ...options, logger })
  const trustProxy = options.trustProxy ?? defaultSecuritySettings.trustProxy
  const serveConsole =
    consoleDir && existsSync(consoleDir) ? sirv(consoleDir, { single: true, etag: true }) : null
  const logRequest = createRequestLogger(logger, [healthEndpoint, readinessEndpoint, metricsEndpoint])
  const yogaPaths = new Set([healthEndpoint, readinessEndpoint, ...Object.values(exportPaths)])
  if (metrics && metricsToken) yogaPaths.add(metricsEndpoint)

  /** The route Yoga answers for a path (a metric's label), or null for the console. */
  const yogaRoute = (path: string, method: string | undefined) => {
    if (path === yoga.graphqlEndpoint || path.startsWith(`${yoga.graphqlEndpoint}/`))
      return yoga.graphqlEndpoint
    if (yogaPaths.has(path)) return path
    // POST /imports is the upload; a page load of /imports is the console's import screen.
    if (path === importPath) return method === 'POST' ? importPath : null
    if (path.startsWith(`${importPath}/`)) return '/imports/errors'
    return path.startsWith('/exports/') ? '/exports/other' : null
  }

  const server = createHttpServer((request: IncomingMessage, response: ServerResponse) => {
    const header = (name: string) => {
      const value = request.headers[name]
      return Array.isArray(value) ? value.join(',') : (value ?? null)
    }
    const { tls } = clientOf(header, request.socket as TLSSocket, false, trustProxy)
    setSecurityHeaders(request, response, tls, () => route(request, response))
  })

  function route(request: IncomingMessage, response: ServerResponse) {
    const path = (request.url ?? '/').split('?')[0] ?? '/'
    const yogaPath = yogaRoute(path, request.method)
    metrics?.observeHttp(request, response, yogaPath ?? (serveConsole ? 'console' : 'other'))
    logRequest(request, response)
    if (yogaPath) {
      yoga(request, response)
      return
    }
    if (path === metricsEndpoint) {
      response
        .writeHead(404, { 'content-type': 'text/plain' })
        .end('Metrics are served with METRICS_TOKEN set, or on METRICS_PORT: see docs/operations.md.\n')
      return
    }
    if (serveConsole) {
      serveConsole(request, response, () => {
        response.writeHead(404).end()
      })
      return
    }
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found')
  }
  server.on('close', () => {
    void yoga.dispose()
  })
  return server
}
