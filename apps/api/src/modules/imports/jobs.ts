// Where an import's commit runs: a job of this API instance, one batch after another. A batch's rows
// record their own outcome (commit.ts), so the job is safe to run again: at start the instance takes up
// every batch left committing, which is how a restart loses nothing.
import type { InstanceCaches } from '../../caches.ts'
import { commitImportBatch, type ImportJobDependencies } from './commit.ts'

export interface ImportQueue {
  /** Commits the batch in the background (or resumes it). */
  enqueue(batchId: string): void
  /** Resolves when every job enqueued so far has finished (tests, shutdown). */
  idle(): Promise<void>
}

const queues = new WeakMap<InstanceCaches, ImportQueue>()

export function importQueueOf(caches: InstanceCaches): ImportQueue {
  const queue = queues.get(caches)
  if (!queue) throw new Error('no import queue for this API instance')
  return queue
}

export function createImportQueue(deps: ImportJobDependencies, caches: InstanceCaches): ImportQueue {
  let tail: Promise<void> = Promise.resolve()
  const queued = new Set<string>()
  const queue: ImportQueue = {
    enqueue(batchId) {
      if (queued.has(batchId)) return
      queued.add(batchId)
      tail = tail
        .then(() => commitImportBatch(deps, batchId))
        .catch((error) => deps.logger.error({ err: error, batchId }, 'import commit failed'))
        .finally(() => queued.delete(batchId))
    },
    idle: () => tail,
  }
  queues.set(caches, queue)
  // Batches a stopped instance left committing: taken up again.
  void deps.prisma.importBatch
    .findMany({ where: { status: 'COMMITTING' }, select: { id: true }, orderBy: { createdAt: 'asc' } })
    .then((batches) => {
      for (const batch of batches) queue.enqueue(batch.id)
    })
    .catch((error) => deps.logger.error({ err: error }, 'could not resume imports'))
  return queue
}
