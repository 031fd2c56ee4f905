// Where an import's commit runs. On PostgreSQL, a job on pg-boss: the job is a row in the database the
// API already uses (no other service to run), any API instance may take it, only one at a time per
// batch (a "stately" queue keyed by the batch). A job whose instance died stays active until it expires;
// pg-boss 10 has no heartbeat, so the commit's job is kept short instead: it commits for a third of its
// expiry (`importJobExpireSeconds`), then sends the batch's next job and ends, and an expired job is
// retried within seconds (pg-boss's maintenance, every few seconds, fails it; its retry waits 10-20 s).
// On the embedded database (PGlite, one process) the same job function runs in-process, one batch after
// another, to the end. Either way a batch's rows record their own outcome (commit.ts), so running a
// job again is safe; at start, batches left committing are sent again (a crash between the commit
// mutation and the send loses no batch). Other kinds of job (a large export) ride the same queue: a
// name and what runs a job of it, by the id it was sent with (an export, whose file cannot be cut in
// parts, keeps the long expiry and beats on its own row instead: export-job.ts). A kind may also run
// on a schedule (the clean-up of exports): on pg-boss its cron schedule, kept in the database, sends
// one job for all instances; in-process a timer sends it. Either way it is also sent once when an
// instance starts.
import PgBoss from 'pg-boss'
import type { InstanceCaches } from '../../caches.ts'
import { commitImportBatch, type ImportJobDependencies } from './commit.ts'

/** A kind of job besides the imports' commit: its queue's name and what runs one job, by its id. */
export interface JobKind {
  name: string
  /**
   * Runs one job. A kind that may stop at `until` (ms since the epoch) with work left resolves to false: its
   * next job is sent. In-process, `until` is never given.
   */
  run(id: string, until?: number): Promise<unknown>
  /** How long its job may stay active before another instance takes it up (pg-boss); default 2 hours. */
  expireInSeconds?: number
  /** Also run on a schedule, as a job whose id is `scheduledJobId`: pg-boss's cron, or every `everyMs` in-process. */
  schedule?: { cron: string; everyMs: number }
}

/** The id a scheduled job is sent with (one waits at a time). */
export const scheduledJobId = 'schedule'

export interface ImportQueue {
  /** Commits the batch in the background (or resumes it). */
  enqueue(batchId: string): void
  /**
   * Runs a job of another kind in the background, one waiting at a time per `key` (its id unless given:
   * a job sent again under a new key may run while the one before is still active).
   */
  send(kind: string, id: string, key?: string): void
  /** Stops taking jobs; a job running is left to finish (or to expire and be taken up elsewhere). */
  close(): Promise<void>
}

export const importQueueName = 'import-commit'

/** How long a job of a kind without its own expiry may stay active (pg-boss): 2 hours. */
const defaultExpireSeconds = 2 * 3600

/** IMPORT_JOB_EXPIRE_SECONDS' default: a dead instance's commit is taken up again within about 6 minutes. */
export const importJobExpireSeconds = 300

const queues = new WeakMap<InstanceCaches, ImportQueue>()

export function importQueueOf(caches: InstanceCaches): ImportQueue {
  const queue = queues.get(caches)
  if (!queue) throw new Error('no import queue for this API instance')
  return queue
}

/**
 * The queue of this API instance: on pg-boss when `databaseUrl` (PostgreSQL) is given, else in-process.
 * `importExpireSeconds`: how long an import's job may stay active (IMPORT_JOB_EXPIRE_SECONDS).
 */
export function createImportQueue(
  deps: ImportJobDependencies,
  caches: InstanceCaches,
  {
    databaseUrl,
    kinds = [],
    importExpireSeconds = importJobExpireSeconds,
  }: { databaseUrl?: string | undefined; kinds?: readonly JobKind[]; importExpireSeconds?: number } = {},
): ImportQueue {
  const importKind: JobKind = {
    name: importQueueName,
    run: (batchId, until) => commitImportBatch(deps, batchId, until),
    expireInSeconds: importExpireSeconds,
  }
  const all = [importKind, ...kinds]
  const queue = databaseUrl ? pgBossQueue(deps, databaseUrl, all) : inProcessQueue(deps, all)
  queues.set(caches, queue)
  for (const kind of all) if (kind.schedule) queue.send(kind.name, scheduledJobId)
  void deps.prisma.importBatch
    .findMany({ where: { status: 'COMMITTING' }, select: { id: true }, orderBy: { createdAt: 'asc' } })
    .then((batches) => {
      for (const batch of batches) queue.enqueue(batch.id)
    })
    .catch((error) => deps.logger.error({ err: error }, 'could not resume imports'))
  return queue
}

function inProcessQueue(deps: ImportJobDependencies, kinds: readonly JobKind[]): ImportQueue {
  let tail: Promise<void> = Promise.resolve()
  const queued = new Set<string>()
  let closed = false
  // The timers keep no process alive: the API's server does while it runs.
  const timers = kinds.flatMap((kind) =>
    kind.schedule ? [setInterval(() => send(kind.name, scheduledJobId), kind.schedule.everyMs).unref()] : [],
  )
  const send = (name: string, id: string, key = id) => {
    const kind = kinds.find((each) => each.name === name)
    if (!kind) throw new Error(`no job kind ${name}`)
    if (closed || queued.has(`${name}:${key}`)) return
    queued.add(`${name}:${key}`)
    tail = tail
      .then(async () => {
        if (!closed) await kind.run(id)
      })
      .catch((error) => deps.logger.error({ err: error, job: name, id }, 'job failed'))
      .finally(() => queued.delete(`${name}:${key}`))
  }
  return {
    enqueue: (batchId) => send(importQueueName, batchId),
    send,
    async close() {
      closed = true
      for (const timer of timers) clearInterval(timer)
    },
  }
}

/** What a kind's queue keeps: one job per id at a time, retried (10-20 s first) when it fails or expires. */
function queueOptions(kind: JobKind): PgBoss.Queue {
  return {
    name: kind.name,
    policy: 'stately',
    retryLimit: 20,
    retryDelay: 10,
    retryBackoff: true,
    expireInSeconds: kind.expireInSeconds ?? defaultExpireSeconds,
  }
}

/**
 * Runs a job of the kind. One that may stop (it has an expiry) commits for a third of it, the rest left
 * for what a run begins with (an import's preview) and its last chunk; if work is left its next job is
 * sent to start in 2 s, once this one is marked completed (a stately queue cannot activate a second
 * job of the same id while one is active).
 */
async function runJob(boss: PgBoss, kind: JobKind, data: { id?: string; batchId?: string }) {
  // The import's job data names its id batchId (jobs sent before other kinds rode the queue).
  const id = data.id ?? data.batchId
  if (!id) return
  const until = kind.expireInSeconds ? Date.now() + (kind.expireInSeconds * 1000) / 3 : undefined
  if ((await kind.run(id, until)) !== false) return
  const next = kind.name === importQueueName ? { batchId: id } : { id }
  await boss.send(kind.name, next, { singletonKey: id, startAfter: 2 })
}

/** A started pg-boss with the queues of the job kinds and this instance working them. */
async function startBoss(
  deps: ImportJobDependencies,
  databaseUrl: string,
  kinds: readonly JobKind[],
): Promise<PgBoss> {
  // Maintenance fails expired jobs: often enough that a job is retried soon after its expiry.
  const shortest = Math.min(...kinds.map((kind) => kind.expireInSeconds ?? defaultExpireSeconds))
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: 'pgboss',
    max: 3,
    maintenanceIntervalSeconds: Math.max(1, Math.min(30, Math.floor(shortest / 4))),
  })
  boss.on('error', (error) => deps.logger.error({ err: error }, 'job queue error'))
  try {
    await boss.start()
    for (const kind of kinds) {
      // Updated when it exists, so that a changed expiry applies to the jobs sent from now on.
      if (await boss.getQueue(kind.name)) await boss.updateQueue(kind.name, queueOptions(kind))
      else await boss.createQueue(kind.name, queueOptions(kind))
      // Kept in pgboss.schedule: every instance upserts the same row, and one job is sent per tick.
      if (kind.schedule) await boss.schedule(kind.name, kind.schedule.cron, { id: scheduledJobId })
      await boss.work<{ id?: string; batchId?: string }>(
        kind.name,
        { pollingIntervalSeconds: 1 },
        async ([job]) => {
          if (job) await runJob(boss, kind, job.data)
        },
      )
    }
    return boss
  } catch (error) {
    await boss.stop({ graceful: false, wait: true }).catch(() => {})
    throw error
  }
}

function pgBossQueue(
  deps: ImportJobDependencies,
  databaseUrl: string,
  kinds: readonly JobKind[],
): ImportQueue {
  // Instances starting together on a new database race to create pg-boss's schema and the queue: the
  // loser starts again.
  const ready = (async () => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await startBoss(deps, databaseUrl, kinds)
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
    send(kind, id, key = id) {
      void ready
        .then((boss) => boss.send(kind, { id }, { singletonKey: key }))
        .catch((error) => deps.logger.error({ err: error, job: kind, id }, 'could not send the job'))
    },
    async close() {
      const boss = await ready.catch(() => null)
      await boss?.stop({ graceful: true, wait: true, timeout: 5_000 })
    },
  }
}
