// `pnpm start`: migrate, seed an empty database, and serve the API and the built console on one port.
// API_WORKERS=n (PostgreSQL and REDIS_URL only) serves from n processes sharing the port, so one
// machine's cores all take requests; live updates cross them through Redis. NODE_ENV=production seeds
// no account and refuses to start without an admin or with a development password (production.ts).
import cluster from 'node:cluster'
import { fileURLToPath } from 'node:url'
import { createPrismaClient, describeDatabase, migrateDatabase } from '@tangtoc/db'
import { seedIfEmpty } from '@tangtoc/db/seed'
import { productionProblems, takeAdminFromEnvironment } from './production.ts'
import { createServer } from './server.ts'
import { securitySettingsFromEnvironment } from './settings.ts'

const port = Number(process.env.PORT ?? 4000)
const host = process.env.HOST || undefined
const settings = securitySettingsFromEnvironment(process.env)
const admin = takeAdminFromEnvironment(process.env)
const workers = Number(process.env.API_WORKERS ?? 1)
const consoleDir = fileURLToPath(new URL('../../console/dist', import.meta.url))
const database = describeDatabase()

if (!Number.isInteger(workers) || workers < 1) {
  throw new Error(`API_WORKERS must be a whole number of at least 1, not “${process.env.API_WORKERS}”`)
}
if (workers > 1 && database.kind === 'pglite') {
  throw new Error('API_WORKERS > 1 needs PostgreSQL (DATABASE_URL): one process holds the embedded database')
}
if (workers > 1 && !process.env.REDIS_URL) {
  throw new Error('API_WORKERS > 1 needs REDIS_URL, so that live updates reach subscribers on every worker')
}

let seededLaunchCampaign = false
if (cluster.isPrimary) {
  await migrateDatabase()
  const prisma = createPrismaClient()
  const seeded = await seedIfEmpty(prisma, { launchAccounts: !settings.production })
  seededLaunchCampaign = Boolean(seeded.launchCampaignId)
  const problems = settings.production ? await productionProblems(prisma, admin) : []
  await prisma.$disconnect()
  if (problems.length > 0) {
    console.error(`Not starting in production:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`)
    process.exit(1)
  }
}

const banner = () => {
  console.log(`Tăng Tốc on ${database.label}${seededLaunchCampaign ? ' (seeded the launch campaign)' : ''}`)
  if (workers > 1) console.log(`  ${workers} workers`)
  const origin = `http://${host ?? 'localhost'}:${port}`
  console.log(`  console  ${origin}/`)
  console.log(`  GraphQL  ${origin}/graphql`)
}

if (cluster.isPrimary && workers > 1) {
  let stopping = false
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stopping = true
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal)
      process.exit(0)
    })
  }
  let listening = 0
  cluster.on('listening', () => {
    if (++listening === workers) banner()
  })
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return
    console.error(`worker ${worker.process.pid} stopped (${signal ?? code}); starting another`)
    cluster.fork()
  })
  for (let i = 0; i < workers; i++) cluster.fork()
} else {
  const prisma = createPrismaClient()
  const server = createServer({ prisma, consoleDir, ...settings })
  server.listen(port, host, () => {
    if (cluster.isPrimary) banner()
  })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      server.close()
      void prisma.$disconnect().finally(() => process.exit(0))
    })
  }
}
