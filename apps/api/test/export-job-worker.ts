// An API instance that dies in the middle of writing a queued export, for export-job.test.ts: it works the
// job queue on DATABASE_URL (pg-boss) with the export job (a part for each chunk of the file, a beat every
// EXPORT_HEARTBEAT_MS), sends the job of export EXPORT_ID, and once that export's first part is written it
// stops before the next: it prints `stuck` and waits there to be killed, its job active, beating until then.
import { createPrismaClient, type PrismaClient } from '@tangtoc/db'
import { exportJobKind, exportJobName, exportRunDefaults } from '../src/modules/exports/export-job.ts'
import { createImportQueue } from '../src/modules/imports/jobs.ts'
import { jobDependencies } from './harness.ts'

const exportId = String(process.env.EXPORT_ID)
const prisma = createPrismaClient({ url: process.env.DATABASE_URL })
const stuck = new Proxy(prisma, {
  get(target, property) {
    const value = Reflect.get(target, property, target)
    if (property === '$transaction' && typeof value === 'function') {
      return async (...args: unknown[]) => {
        if ((await target.exportPart.count({ where: { exportId } })) > 0) {
          console.info('stuck')
          await new Promise(() => {})
        }
        return value.apply(target, args)
      }
    }
    return typeof value === 'function' ? value.bind(target) : value
  },
}) as PrismaClient

const deps = jobDependencies(stuck)
const options = { ...exportRunDefaults, heartbeatMs: Number(process.env.EXPORT_HEARTBEAT_MS), partBytes: 1 }
const queue = createImportQueue(deps, deps.caches, {
  databaseUrl: process.env.DATABASE_URL,
  kinds: [exportJobKind(deps, options)],
})
queue.send(exportJobName, exportId)
// Kept alive by pg-boss's polling until it is killed.
