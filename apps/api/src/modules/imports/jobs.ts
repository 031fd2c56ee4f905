// Where an import's commit runs. On PostgreSQL, a job on pg-boss: the job is a row in the database the
// API already uses (no other service to run), any API instance may take it, only one at a time per
// batch (a "stately" queue keyed by the batch), and a job whose instance died is taken up again when it
// expires. On the embedded database (PGlite, one process) the same job function runs in-process, one
// batch after another. Either way a batch's rows record their own outcome (commit.ts), so running a
// job again is safe; at start, batches left committing are sent again (a crash between the commit
// mutation and the send loses no batch).
import PgBoss from 'pg-boss'
import type { InstanceCaches } from '../../caches.ts'
import { commitImportBatch, type ImportJobDependencies } from './commit.ts'

export interface ImportQueue {
  /** Commits the batch in the background (or resumes it). */
  enqueue(batchId: string): void
  /** Stops taking jobs; a job running is left to finish (or to expire and be taken up elsewhere). */
  close(): Promise<void>
}

export const importQueueName = 'import-commit'

const queues = new WeakMap<InstanceCaches, ImportQueue>()

export function importQueueOf(caches: InstanceCaches): ImportQueue {
  const queue = queues.get(caches)
  if (!queue) throw new Error('no import queue for this API instance')
  return queue
}

/** The queue of this API instance: on pg-boss when `databaseUrl` (PostgreSQL) is given, else in-process. */
export function createImportQueue(
  deps: ImportJobDependencies,
  caches: InstanceCaches,
  { databaseUrl }: { databaseUrl?: string | undefined } = {},
): ImportQueue {
  const queue = databaseUrl ? pgBossQueue(deps, databaseUrl) : inProcessQueue(deps)
  queues.set(caches, queue)
  void deps.prisma.importBatch
    .findMany({ where: { status: 'COMMITTING' }, select: { id: true }, orderBy: { createdAt: 'asc' } })
    .then((batches) => {
      for (const batch of batches) queue.enqueue(batch.id)
    })
    .catch((error) => deps.logger.error({ err: error }, 'could not resume imports'))
  return queue
}

function inProcessQueue(deps: ImportJobDependencies): ImportQueue {
  let tail: Promise<void> = Promise.resolve()
  const queued = new Set<string>()
  let closed = false
  return {
    enqueue(batchId) {
      if (closed || queued.has(batchId)) return
      queued.add(batchId)
      tail = tail
        .then(() => (closed ? undefined : commitImportBatch(deps, batchId)))
        .catch((error) => deps.logger.error({ err: error, batchId }, 'import commit failed'))
        .finally(() => queued.delete(batchId))
    },
    async close() {
      closed = true
    },
  }
}

/** A started pg-boss with the import queue and this instance working it. */
async function startBoss(deps: ImportJobDependencies, databaseUrl: string): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: databaseUrl, schema: 'pgboss', max: 3 })
  boss.on('error', (error) => deps.logger.error({ err: error }, 'job queue error'))
  try {
    await boss.start()
    if (!(await boss.getQueue(importQueueName))) {
      await boss.createQueue(importQueueName, {
        name: importQueueName,
        policy: 'stately',
        retryLimit: 20,
        retryDelay: 10,
        retryBackoff: true,
        expireInSeconds: 2 * 3600,
      })
    }
    await boss.work<{ batchId: string }>(importQueueName, { pollingIntervalSeconds: 1 }, async ([job]) => {
      if (job) await commitImportBatch(deps, job.data.batchId)
    })
    return boss
  } catch (error) {
    await boss.stop({ graceful: false, wait: true }).catch(() => {})
    throw error
  }
}

function pgBossQueue(deps: ImportJobDependencies, databaseUrl: string): ImportQueue {
  // Instances starting together on a new database race to create pg-boss's schema and the queue: the
  // loser starts again.
  const ready = (async () => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await startBoss(deps, databaseUrl)
      } catch (error) {
        if (attempt >= 5) throw error
        deps.logger.warn({ err: error, attempt }, 'the job queue did not start; trying again')
        await new Promise((resolve) => setTimeout(resolve, 500 * attempt))
      }
    }
  })()
  ready.catch((error) => deps.logger.error({ err: error }, 'the job queue did not start'))
  return {
    enqueue(batchId) {
      void ready
        // One job per batch at a time: a send while one waits is dropped (null), which is what we want.
        .then((boss) => boss.send(importQueueName, { batchId }, { singletonKey: batchId }))
        .catch((error) => deps.logger.error({ err: error, batchId }, 'could not send the import job'))
    },
    async close() {
      const boss = await ready.catch(() => null)
      await boss?.stop({ graceful: true, wait: true, timeout: 5_000 })
    },
  }
}
