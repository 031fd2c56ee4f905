// `pnpm start`: check the configuration, migrate, seed an empty database, and serve the API and the
// built console on one port. API_WORKERS=n (PostgreSQL and REDIS_URL only) serves from n processes
// sharing the port, so one machine's cores all take requests; live updates cross them through Redis.
// SIGTERM (or SIGINT) stops gracefully: see shutdown.ts. NODE_ENV=production seeds no account and
// refuses to start without an admin or with a development password (production.ts).
import cluster from 'node:cluster'
import { fileURLToPath } from 'node:url'
import {
  createPrismaClient,
  describeDatabase,
  embeddedDatabaseFolder,
  embeddedDatabaseUrl,
  migrateDatabase,
  type PrismaClient,
  pendingMigrations,
  refreshPlannerStatistics,
} from '@tangtoc/db'
import { seedIfEmpty } from '@tangtoc/db/seed'
import { AggregatorRegistry } from 'prom-client'
import { type Config, ConfigError, loadConfig } from './config.ts'
import { createLogger, type Logger } from './logger.ts'
import { Metrics, serveMetrics } from './metrics.ts'
import { productionProblems, takeAdminFromEnvironment } from './production.ts'
import { createServer } from './server.ts'
import { securitySettingsOf } from './settings.ts'
import { drainServer, Lifecycle } from './shutdown.ts'
import { startTracing } from './tracing.ts'

const consoleDir = fileURLToPath(new URL('../../console/dist', import.meta.url))

function configuration(): Config {
  try {
    return loadConfig()
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    process.stderr.write(`Tăng Tốc cannot start. ${error.message}\n`)
    process.exit(1)
  }
}

const config = configuration()
const settings = securitySettingsOf(config)
const admin = takeAdminFromEnvironment(process.env)
const logger = createLogger({ level: config.LOG_LEVEL, format: config.LOG_FORMAT })
// A bug that escapes every handler ends the process, as Node would, but with a line in the log's format.
for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
  process.on(event, (error) => {
    logger.fatal({ err: error }, event)
    process.exit(1)
  })
}
const databaseUrl =
  config.DATABASE_URL ?? embeddedDatabaseUrl(embeddedDatabaseFolder({ DATA_DIR: config.DATA_DIR }))
const database = describeDatabase(databaseUrl)
const clientOptions = {
  url: databaseUrl,
  onIdleConnectionError: (error: Error) =>
    logger.warn({ err: error }, 'the database closed an idle connection'),
}

/** Applies the pending migrations and seeds an empty database; resolves with the client to serve with. */
async function prepareDatabase(): Promise<{ prisma: PrismaClient; seeded: boolean }> {
  let prisma = createPrismaClient(clientOptions)
  const pending = await pendingMigrations(prisma)
  if (pending.length) {
    logger.info({ pending }, 'applying migrations')
    // The migration engine opens the database itself (the embedded one admits one holder at a time).
    await prisma.$disconnect()
    await migrateDatabase(databaseUrl)
    prisma = createPrismaClient(clientOptions)
  }
  const seeded = Boolean(
    (await seedIfEmpty(prisma, { launchAccounts: !settings.production })).launchCampaignId,
  )
  const problems = settings.production ? await productionProblems(prisma, admin) : []
  if (problems.length > 0) {
    logger.fatal(
      { problems },
      `Not starting in production:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
    )
    await prisma.$disconnect()
    process.exit(1)
  }
  return { prisma, seeded }
}

function announce(seeded: boolean) {
  const origin = `http://${config.HOST ?? 'localhost'}:${config.PORT}`
  logger.info(
    { workers: config.API_WORKERS, host: config.HOST, port: config.PORT },
    `Tăng Tốc on ${database.label}${seeded ? ' (seeded the launch campaign)' : ''}: ` +
      `console ${origin}/, GraphQL ${origin}/graphql`,
  )
}

async function runPrimaryOfWorkers(log: Logger) {
  const { prisma, seeded } = await prepareDatabase()
  await prisma.$disconnect()
  let stopping = false
  let listening = 0
  cluster.on('listening', () => {
    if (++listening === config.API_WORKERS) announce(seeded)
  })
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0)
      return
    }
    log.error({ pid: worker.process.pid, code, signal }, 'a worker stopped; starting another')
    cluster.fork()
  })
  for (let i = 0; i < config.API_WORKERS; i++) cluster.fork()
  // The workers' metrics, summed, on METRICS_PORT.
  const aggregator = new AggregatorRegistry()
  const metricsServer = config.METRICS_PORT
    ? serveMetrics(config.METRICS_PORT, async () => ({
        text: await aggregator.clusterMetrics(),
        contentType: aggregator.contentType,
      }))
    : null
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stopping = true
      log.info({ signal }, 'stopping the workers')
      metricsServer?.close()
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal)
      // A worker that does not stop in time is stopped.
      setTimeout(() => process.exit(1), (config.SHUTDOWN_TIMEOUT_SECONDS + 5) * 1000).unref()
    })
  }
}

/** How often the embedded database's tables are checked for planner statistics gone stale. */
const statisticsEveryMs = 10 * 60_000

/**
 * PGlite runs no autovacuum: its tables' planner statistics are refreshed here, before serving and
 * then every few minutes (embedded-statistics.ts in @tangtoc/db). An ANALYZE holds the database for
 * its length (seconds for a table of 100,000 rows; a table is analyzed again only after growing by a
 * tenth), as any statement does.
 */
async function keepPlannerStatistics(prisma: PrismaClient): Promise<() => void> {
  const refresh = async () => {
    const started = performance.now()
    try {
      const analyzed = await refreshPlannerStatistics(prisma)
      if (analyzed.length > 0)
        logger.info(
          { analyzed, ms: Math.round(performance.now() - started) },
          'refreshed the embedded database’s planner statistics',
        )
    } catch (error) {
      logger.warn({ err: error }, 'could not refresh the embedded database’s planner statistics')
    }
  }
  await refresh()
  const timer = setInterval(refresh, statisticsEveryMs).unref()
  return () => clearInterval(timer)
}

async function serve(prepared?: { prisma: PrismaClient; seeded: boolean }) {
  const prisma = prepared?.prisma ?? createPrismaClient(clientOptions)
  const stopStatistics = database.kind === 'pglite' ? await keepPlannerStatistics(prisma) : () => {}
  const lifecycle = new Lifecycle()
  const metrics = new Metrics(prisma)
  if (cluster.isWorker) {
    // Answers the primary's requests for this worker's metrics (the constructor adds the listener).
    new AggregatorRegistry()
    AggregatorRegistry.setRegistries([metrics.registry])
  }
  const tracing = await startTracing(config)
  const replica = config.DATABASE_REPLICA_URL
    ? createPrismaClient({ ...clientOptions, url: config.DATABASE_REPLICA_URL })
    : undefined
  const server = createServer({
    prisma,
    replica,
    consoleDir,
    redisUrl: config.REDIS_URL,
    logger,
    metrics,
    metricsToken: config.METRICS_TOKEN,
    lifecycle,
    tracing: tracing?.plugin,
    // pg-boss on PostgreSQL; on the embedded database the jobs run in-process.
    jobsDatabaseUrl: database.kind === 'pglite' ? undefined : databaseUrl,
    importJobExpireSeconds: config.IMPORT_JOB_EXPIRE_SECONDS,
    exportJobRows: config.EXPORT_JOB_ROWS,
    ...settings,
  })
  const metricsServer =
    config.METRICS_PORT && cluster.isPrimary
      ? serveMetrics(config.METRICS_PORT, async () => ({
          text: await metrics.registry.metrics(),
          contentType: metrics.registry.contentType,
        }))
      : null
  server.on('error', (error) => {
    logger.fatal({ err: error, port: config.PORT }, 'the server cannot listen')
    process.exit(1)
  })
  server.listen(config.PORT, config.HOST, () => {
    if (prepared) announce(prepared.seeded)
  })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, async () => {
      logger.info({ signal }, 'shutting down: finishing the requests in flight')
      lifecycle.beginShutdown()
      stopStatistics()
      metricsServer?.close()
      const { timedOut } = await drainServer(server, config.SHUTDOWN_TIMEOUT_SECONDS * 1000)
      await tracing?.shutdown()
      await prisma.$disconnect()
      await replica?.$disconnect()
      logger.info({ timedOut }, timedOut ? 'stopped, closing requests still open' : 'stopped')
      process.exit(0)
    })
  }
}

try {
  if (cluster.isPrimary && config.API_WORKERS > 1) await runPrimaryOfWorkers(logger)
  else if (cluster.isPrimary) await serve(await prepareDatabase())
  else await serve()
} catch (error) {
  logger.fatal({ err: error }, 'Tăng Tốc could not start')
  process.exit(1)
}
