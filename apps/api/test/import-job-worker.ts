// An API instance that dies in the middle of an import's commit, for jobs.test.ts: it works the job
// queue on DATABASE_URL (pg-boss) with IMPORT_JOB_EXPIRE_SECONDS, takes up the batches left committing,
// and once a chunk of rows is marked committed it stops before marking the next (its people are
// registered): it prints `stuck` and waits there to be killed, holding its job active.
import { createPrismaClient, type PrismaClient } from '@tangtoc/db'
import { InstanceCaches } from '../src/caches.ts'
import { createImportQueue } from '../src/modules/imports/jobs.ts'
import { jobDependencies } from './harness.ts'

const prisma = createPrismaClient({ url: process.env.DATABASE_URL })
const stuck = new Proxy(prisma, {
  get(target, property) {
    const value = Reflect.get(target, property, target)
    if (property === '$executeRaw' && typeof value === 'function') {
      return async (...args: unknown[]) => {
        if (
          (await target.importRow.count({
            where: { status: 'COMMITTED', batch: { status: 'COMMITTING' } },
          })) > 0
        ) {
          console.info('stuck')
          await new Promise(() => {})
        }
        return value.apply(target, args)
      }
    }
    return typeof value === 'function' ? value.bind(target) : value
  },
}) as PrismaClient

const caches = new InstanceCaches()
createImportQueue(jobDependencies(stuck), caches, {
  databaseUrl: process.env.DATABASE_URL,
  importExpireSeconds: Number(process.env.IMPORT_JOB_EXPIRE_SECONDS),
})
// Kept alive by pg-boss's polling until it is killed.
