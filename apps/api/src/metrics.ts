// Metrics in the Prometheus format (prom-client), one registry per API instance. GraphQL operation
// durations and errors come from Yoga's Prometheus plugin; HTTP durations, the database pool,
// registrations and payments, live subscriptions and job queues are this file's; the event-loop delay,
// memory and CPU are prom-client's default metrics. docs/operations.md says which answers what.
import { timingSafeEqual } from 'node:crypto'
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { createCounter, createHistogram, usePrometheus } from '@graphql-yoga/plugin-prometheus'
import { databasePool, type PrismaClient } from '@tangtoc/db'
import type { Plugin } from 'graphql-yoga'
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'
import type { ApiPubSub, EnrollmentChange } from './pubsub.ts'

export const metricsEndpoint = '/metrics'

/** Distinct operation names labelled at most; later ones are counted as `other` (clients choose names). */
const maxOperationNames = 200

export class Metrics {
  readonly registry = new Registry()
  private readonly operationNames = new Set<string>()
  private readonly queues = new Map<string, () => number | Promise<number>>()

  readonly httpDuration = new Histogram({
    name: 'tangtoc_http_request_duration_seconds',
    help: 'HTTP requests by route, method and status, from the first byte in to the last byte out.',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  })

  readonly registrations = new Counter({
    name: 'tangtoc_registrations_total',
    help: 'Enrollments registered by this instance, by product.',
    labelNames: ['product'] as const,
    registers: [this.registry],
  })

  readonly payments = new Counter({
    name: 'tangtoc_payments_total',
    help: 'Payments confirmed by this instance (enrollments moved to PAID), by product.',
    labelNames: ['product'] as const,
    registers: [this.registry],
  })

  readonly liveSubscriptions = new Gauge({
    name: 'tangtoc_live_subscriptions',
    help: 'Subscriptions (Server-Sent Events streams) open on this instance.',
    registers: [this.registry],
  })

  constructor(prisma: PrismaClient) {
    collectDefaultMetrics({ register: this.registry })
    new Gauge({
      name: 'tangtoc_database_connections',
      help: 'Connections of the PostgreSQL pool by state (total, idle, waiting clients) and its maximum.',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const pool = databasePool(prisma)
        if (!pool) return
        for (const state of ['total', 'idle', 'waiting', 'max'] as const) this.set({ state }, pool[state])
      },
    })
    const queues = this.queues
    new Gauge({
      name: 'tangtoc_job_queue_depth',
      help: 'Jobs waiting in each background queue.',
      labelNames: ['queue'] as const,
      registers: [this.registry],
      async collect() {
        for (const [queue, depth] of queues) this.set({ queue }, await depth())
      },
    })
  }

  /** Reports a background queue's depth at every scrape: call it where the queue is created. */
  watchQueue(queue: string, depth: () => number | Promise<number>): void {
    this.queues.set(queue, depth)
  }

  /** The operation's name as a label: the first {@link maxOperationNames} names seen, then `other`. */
  operationLabel(name: string | undefined): string {
    if (!name) return 'anonymous'
    if (this.operationNames.has(name)) return name
    if (this.operationNames.size >= maxOperationNames) return 'other'
    this.operationNames.add(name)
    return name
  }

  /**
   * Times an HTTP request until its response is sent (or the client goes). A live stream (Server-Sent
   * Events) lasts as long as its subscriber listens: it is counted apart, as `<route> stream`.
   */
  observeHttp(request: IncomingMessage, response: ServerResponse, route: string): void {
    const stream = request.headers.accept?.includes('text/event-stream') ? ' stream' : ''
    const end = this.httpDuration.startTimer({ route: `${route}${stream}`, method: request.method ?? 'GET' })
    response.once('close', () => end({ status: String(response.statusCode) }))
  }

  /** The event bus, counting the registrations and payments this instance publishes. */
  counting(pubsub: ApiPubSub): ApiPubSub {
    const publish = pubsub.publish.bind(pubsub) as (...args: unknown[]) => void
    return Object.assign(Object.create(pubsub) as ApiPubSub, {
      publish: (...args: unknown[]) => {
        if (args[0] === 'tangtoc:enrollmentChanged') this.count(args[2] as EnrollmentChange)
        publish(...args)
      },
    })
  }

  private count(change: EnrollmentChange): void {
    if (change.kind === 'REGISTERED') this.registrations.inc({ product: change.product })
    if (change.kind === 'STATUS_CHANGED' && change.status === 'PAID')
      this.payments.inc({ product: change.product })
  }

  /** Yoga's Prometheus plugin (operation durations and errors by code) and the live-subscription gauge. */
  plugins(): Plugin[] {
    const registry = this.registry
    const operation = (params: { operationName?: string; operationType?: string }) => ({
      operationName: this.operationLabel(params.operationName),
      operationType: params.operationType ?? 'unknown',
    })
    const liveSubscriptions = this.liveSubscriptions
    return [
      usePrometheus({
        registry,
        endpoint: false,
        skipIntrospection: true,
        metrics: {
          graphql_envelop_request_duration: createHistogram({
            registry,
            histogram: {
              name: 'tangtoc_graphql_operation_duration_seconds',
              help: 'GraphQL operations executed (queries, mutations) or subscribed to, by name and type.',
              labelNames: ['operationName', 'operationType'] as const,
              buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
            },
            fillLabelsFn: operation,
          }),
          graphql_envelop_error_result: createCounter({
            registry,
            counter: {
              name: 'tangtoc_graphql_errors_total',
              help: 'Errors in GraphQL responses by operation, phase and code (a typed error a mutation returns is no error).',
              labelNames: ['operationName', 'operationType', 'phase', 'code'] as const,
            },
            fillLabelsFn: (params) => ({
              ...operation(params),
              phase: params.errorPhase ?? 'unknown',
              code: String(params.error?.extensions?.code ?? 'GRAPHQL_ERROR'),
            }),
          }),
          graphql_envelop_deprecated_field: false,
          graphql_envelop_request: false,
          graphql_envelop_request_time_summary: false,
          graphql_envelop_phase_parse: false,
          graphql_envelop_phase_validate: false,
          graphql_envelop_phase_context: false,
          graphql_envelop_phase_execute: false,
          graphql_envelop_phase_subscribe: false,
          graphql_envelop_schema_change: false,
          graphql_yoga_http_duration: false,
        },
      }),
      {
        onSubscribe: () => ({
          onSubscribeResult: ({ result }) => {
            if (!(Symbol.asyncIterator in result)) return
            liveSubscriptions.inc()
            return { onEnd: () => liveSubscriptions.dec() }
          },
        }),
      },
    ]
  }
}

/** Serves the metrics at `/metrics` on the API's port to requests bearing the token. */
export function useMetricsEndpoint(metrics: Metrics, token: string): Plugin {
  const expected = Buffer.from(`Bearer ${token}`)
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== metricsEndpoint) return
      const given = Buffer.from(request.headers.get('authorization') ?? '')
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        endResponse(new fetchAPI.Response('Send Authorization: Bearer <METRICS_TOKEN>.\n', { status: 401 }))
        return
      }
      endResponse(
        new fetchAPI.Response(await metrics.registry.metrics(), {
          headers: { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' },
        }),
      )
    },
  }
}

/** A server of its own answering `/metrics` (METRICS_PORT), e.g. on a private network. */
export function serveMetrics(port: number, read: () => Promise<{ text: string; contentType: string }>) {
  return createHttpServer((request, response) => {
    if ((request.url ?? '/').split('?')[0] !== metricsEndpoint) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found')
      return
    }
    read().then(
      ({ text, contentType }) => response.writeHead(200, { 'content-type': contentType }).end(text),
      (error) => response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error)),
    )
  }).listen(port)
}
