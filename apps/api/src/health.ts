// `/healthz`: the process lives (a liveness probe restarts it when this fails). `/readyz`: it can serve
// (a load balancer sends it requests): the database answers and has every migration this build knows,
// and the instance is not shutting down. Redis, when configured, is reported but does not decide: every
// instance shares it, so failing on it would take them all out of rotation at once, and requests do
// not need it (events wait in the client's queue and live subscribers resume once it is back).
import { type PrismaClient, pendingMigrations } from '@tangtoc/db'
import type { Plugin } from 'graphql-yoga'
import type { Logger } from './logger.ts'
import type { Lifecycle } from './shutdown.ts'

export const healthEndpoint = '/healthz'
export const readinessEndpoint = '/readyz'

export interface ReadinessOptions {
  prisma: PrismaClient
  lifecycle: Lifecycle
  /** Pings Redis when the instance uses it. */
  pingRedis?: () => Promise<unknown>
  logger: Logger
}

type Readiness = { status: number; body: Record<string, string> }

/**
 * What `/readyz` answers: 200 with every check `ok`; 200 `degraded` when only Redis does not answer;
 * else 503 naming the check that failed.
 */
export async function checkReadiness({
  prisma,
  lifecycle,
  pingRedis,
  logger,
}: ReadinessOptions): Promise<Readiness> {
  if (lifecycle.stopping) return { status: 503, body: { status: 'shutting down' } }
  const body: Record<string, string> = { status: 'ok' }
  try {
    const pending = await pendingMigrations(prisma)
    body.database = 'ok'
    body.migrations = pending.length ? `${pending.length} pending` : 'ok'
  } catch (error) {
    logger.error({ err: error, check: readinessEndpoint }, 'the database does not answer')
    body.database = 'unreachable'
  }
  if (pingRedis) {
    try {
      await pingRedis()
      body.redis = 'ok'
    } catch (error) {
      logger.warn({ err: error, check: readinessEndpoint }, 'Redis does not answer: live events wait for it')
      body.redis = 'unreachable'
    }
  }
  const failed = (check: string) => check !== 'status' && check !== 'redis' && body[check] !== 'ok'
  if (Object.keys(body).some(failed)) return { status: 503, body: { ...body, status: 'unavailable' } }
  return { status: 200, body: body.redis === 'unreachable' ? { ...body, status: 'degraded' } : body }
}

export function useHealthChecks(options: ReadinessOptions): Plugin {
  // A new object each answer: the Response sets content-length on the one it is given, and a shared
  // one kept the first answer's length for every later one (clients then waited for missing bytes).
  const headers = () => ({ 'cache-control': 'no-store' })
  return {
    // By the path alone: Yoga's useReadinessCheck also tests a URLPattern against every request's URL,
    // once per endpoint (docs/benchmarks.md).
    onRequest({ url, fetchAPI, endResponse }) {
      if (url.pathname === healthEndpoint) {
        endResponse(fetchAPI.Response.json({ status: 'ok' }, { headers: headers() }))
      } else if (url.pathname === readinessEndpoint) {
        return checkReadiness(options).then(({ status, body }) => {
          endResponse(fetchAPI.Response.json(body, { status, headers: headers() }))
        })
      }
    },
  }
}
