// Exports too large to stream on the spot (more rows than EXPORT_JOB_ROWS): the request is checked and
// audited as a direct one, then an `Export` row is queued on the job queue the imports use (pg-boss on
// PostgreSQL, in-process on the embedded database). The job builds the same sheet as the user who asked
// (same scope, same masking) and writes the file into the database in parts of about 1 MB: any
// instance can serve it, a backup holds it, memory stays flat. Its user downloads it from
// `GET /exports/files/<id>` until it expires (a day); a scheduled job on the same queue deletes the
// expired ones.
//
// A crashed export is taken over within minutes, not after pg-boss's expiry. pg-boss 10 has no heartbeat,
// and a short expiry would not do: an XLSX file (ExcelJS's streaming writer) cannot be resumed, so a job
// ended in slices as the import's commit is would start it over each slice. So the run beats on the
// Export row instead (`heartbeatAt`, under its `attempt`), and the clean-up job, every minute, sends an
// export whose beat is stale to be written again, from its start, under the next attempt; the run it
// took over from, if it still runs, finds it no longer holds the export at its next write and stops
// (docs/operations.md).
import { Readable } from 'node:stream'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import type { Export, Prisma } from '@tangtoc/db'
import { type Context, type JobDependencies, jobContext } from '../../context.ts'
import { importQueueOf, type JobKind } from '../imports/jobs.ts'
import { ExportRequestError } from './export-request.ts'
import { exportOf, sheets } from './export-sheets.ts'
import { type Sheet, sheetFormats, sheetStream } from './sheets.ts'

export const exportJobName = 'export-file'
/** How long a queued export is kept: a day. */
export const exportKeptMs = 24 * 3_600_000

export const exportFilePath = (id: string) => `/exports/files/${id}`

/** The id in `/exports/files/<id>`; '' when the rest is not an id; null for another path. */
export function exportFileOf(pathname: string): string | null {
  if (!pathname.startsWith('/exports/files/')) return null
  const id = pathname.slice('/exports/files/'.length)
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id) ? id : ''
}

/** What a queued export's answers say of it: 202 when queued, and its state when asked again. */
function stateOf(queued: Pick<Export, 'id' | 'status' | 'rowCount' | 'writtenRows' | 'fileName'>) {
  return {
    id: queued.id,
    status: queued.status,
    fileName: queued.fileName,
    rowCount: queued.rowCount,
    writtenRows: queued.writtenRows,
    url: exportFilePath(queued.id),
  }
}

/** Queues the export for the viewer. */
export async function queueExport(
  deps: JobDependencies,
  context: Context,
  request: { path: string; query: string; fileName: string; rowCount: number },
) {
  const viewer = context.viewer
  if (!viewer) throw new ExportRequestError(401, 'Sign in.')
  const queued = await deps.prisma.export.create({ data: { ...request, requestedById: viewer.userId } })
  importQueueOf(context.caches).send(exportJobName, queued.id)
  return stateOf(queued)
}

/** Each item as it goes by, seen. */
async function* seeing<T>(items: AsyncIterable<T>, seen: (item: T) => void) {
  for await (const item of items) {
    seen(item)
    yield item
  }
}

/** The sheet with its rows counted as they go by, in whichever form its format writes them. */
function counted(sheet: Sheet, onRows: (rows: number) => void): Sheet {
  return {
    ...sheet,
    batches: seeing(sheet.batches, (batch) => onRows(batch.length)),
    ...(sheet.csvPages ? { csvPages: seeing(sheet.csvPages, (page) => onRows(page.rows)) } : {}),
  }
}

/**
 * How a run says it is alive and when it is taken over. A run renews its export's `heartbeatAt` every
 * `heartbeatMs` and with each part it writes; the clean-up job (every minute) sends an export whose beat
 * is older than `staleMs` to be written again under the next attempt, up to `maxAttempts` runs, after
 * which it fails. `partBytes`: how much a part holds. Tests shorten them.
 */
export type ExportRunOptions = {
  heartbeatMs: number
  staleMs: number
  maxAttempts: number
  partBytes: number
}

export const exportRunDefaults: ExportRunOptions = {
  heartbeatMs: 15_000,
  staleMs: 60_000,
  maxAttempts: 3,
  partBytes: 1 << 20,
}

/** This run no longer holds its export: another run took it over (its beat went stale), or it ended. */
class Superseded extends Error {}

/** Why an export failed, as its user reads it (Vietnamese / English). */
class ExportFailure extends Error {}

function failureOf(error: unknown, id: string): string {
  if (error instanceof ExportFailure) return error.message
  // Its parameters no longer hold (a campaign or center deleted since): the request's own words.
  if (error instanceof ExportRequestError) {
    return `Không ghi được tệp: ${error.message} / The file could not be written: ${error.message}`
  }
  return `Lỗi ngoài dự kiến khi ghi tệp (export-${id}). / An unexpected error stopped the file (logged as export-${id}).`
}

/**
 * Takes the export up for this run under the next attempt: only while it is PENDING, no other run's beat
 * is fresh and it has runs left. Null otherwise (it is written, being written, or out of runs): a job
 * sent again (a pg-boss retry, the clean-up's) then ends at once.
 */
async function claimExport(deps: JobDependencies, id: string, options: ExportRunOptions) {
  const [claimed] = await deps.prisma.export.updateManyAndReturn({
    where: {
      id,
      status: 'PENDING',
      attempt: { lt: options.maxAttempts },
      OR: [{ heartbeatAt: null }, { heartbeatAt: { lt: new Date(Date.now() - options.staleMs) } }],
    },
    data: { attempt: { increment: 1 }, heartbeatAt: new Date() },
  })
  return claimed ?? null
}

/** The export's row while this run holds it: still PENDING, under this run's attempt. */
const heldBy = (queued: Export) => ({ id: queued.id, attempt: queued.attempt, status: 'PENDING' }) as const

type ExportRun = {
  deps: JobDependencies
  queued: Export
  options: ExportRunOptions
  /** Whether a beat found the export taken over. */
  superseded: () => boolean
}

/**
 * The job: takes the export up (claimExport), writes its file part by part, then marks it ready (or
 * failed, with why). Every write is made only while this run still holds the export, in the same
 * transaction that checks it, so a run that was taken over (its instance frozen rather than dead) writes
 * nothing more and leaves the export to the run that took it: its file is never doubled or mixed.
 */
export async function writeExport(
  deps: JobDependencies,
  id: string,
  options: ExportRunOptions = exportRunDefaults,
): Promise<void> {
  const queued = await claimExport(deps, id, options)
  if (!queued) return
  const mine = heldBy(queued)
  let superseded = false
  const beat = async () => {
    const { count } = await deps.prisma.export.updateMany({ where: mine, data: { heartbeatAt: new Date() } })
    if (count === 0) superseded = true
  }
  const timer = setInterval(() => {
    beat().catch((error) => deps.logger.warn({ err: error, exportId: id }, 'the export’s heartbeat failed'))
  }, options.heartbeatMs)
  try {
    await writeFile({ deps, queued, options, superseded: () => superseded })
  } catch (error) {
    if (error instanceof Superseded) {
      deps.logger.warn({ exportId: id, attempt: queued.attempt }, 'the export was taken over by another run')
      return
    }
    deps.logger.error({ err: error, exportId: id }, 'the export job failed')
    await deps.prisma.export.updateMany({
      where: mine,
      data: { status: 'FAILED', finishedAt: new Date(), failure: failureOf(error, id) },
    })
  } finally {
    clearInterval(timer)
  }
}

/** The export's file, written over from its start (a run taken over wrote some), then marked READY. */
async function writeFile(run: ExportRun) {
  const { deps, queued, options } = run
  const { prisma } = deps
  const id = queued.id
  const mine = heldBy(queued)
  /** `work` in one transaction with the check that this run still holds the export (its row locked). */
  const asHolder = (
    data: Prisma.ExportUpdateManyMutationInput,
    work?: (tx: Prisma.TransactionClient) => Promise<unknown>,
  ) =>
    prisma.$transaction(async (tx) => {
      const { count } = await tx.export.updateMany({
        where: mine,
        data: { heartbeatAt: new Date(), ...data },
      })
      if (count === 0) throw new Superseded()
      await work?.(tx)
    })
  const exported = await exportedSheet(deps, queued)
  await asHolder({ writtenRows: 0 }, (tx) => tx.exportPart.deleteMany({ where: { exportId: id } }))
  let written = 0
  const sheet = counted(exported.sheet, (rows) => {
    written += rows
  })
  let seq = 0
  let held: Buffer[] = []
  let heldBytes = 0
  const flush = async () => {
    const bytes = Buffer.concat(held)
    await asHolder({ writtenRows: written }, (tx) =>
      tx.exportPart.create({ data: { exportId: id, seq, bytes } }),
    )
    seq++
    held = []
    heldBytes = 0
  }
  const file = sheetStream(sheet, exported.format) as NodeReadableStream<Uint8Array>
  for await (const chunk of Readable.fromWeb(file)) {
    if (run.superseded()) throw new Superseded()
    held.push(chunk as Buffer)
    heldBytes += (chunk as Buffer).length
    if (heldBytes >= options.partBytes) await flush()
  }
  if (heldBytes > 0) await flush()
  await asHolder({ status: 'READY', writtenRows: written, finishedAt: new Date() })
}

/** The queued export's sheet, built as for the user who asked for it (same scope, same masking). */
async function exportedSheet(deps: JobDependencies, queued: Export) {
  const requested = exportOf(queued.path)
  if (!requested) throw new Error(`not an export: ${queued.path}`)
  const context = await jobContext(deps, queued.requestedById, {
    requestId: `export-${queued.id}`,
    url: `http://tangtoc.invalid${queued.path}?${queued.query}`,
  })
  if (!context.viewer) {
    throw new ExportFailure(
      'Người yêu cầu tệp đã bị vô hiệu hóa. / The user who asked for it is deactivated.',
    )
  }
  const { sheet } = await sheets[requested.what](context, new URLSearchParams(queued.query))
  return { sheet, format: requested.format }
}

/** The export job, for the job queue. Its job keeps pg-boss's long expiry: a stalled one is taken over by its beat. */
export function exportJobKind(deps: JobDependencies, options = exportRunDefaults): JobKind {
  return { name: exportJobName, run: (id) => writeExport(deps, id, options) }
}

export const exportCleanupJobName = 'export-cleanup'

/**
 * The clean-up job, for the job queue: every minute (and at start), the exports past their day go, parts
 * and all, and each export whose run stopped (its beat older than `staleMs`, or never begun) is sent to be
 * written again under its next attempt (a job of its own key: the stopped run's job stays active on
 * pg-boss until its two-hour expiry), or fails once it has had its runs.
 */
export function exportCleanupJobKind(deps: JobDependencies, options = exportRunDefaults): JobKind {
  return {
    name: exportCleanupJobName,
    run: async () => {
      const { count } = await deps.prisma.export.deleteMany({
        where: { createdAt: { lt: new Date(Date.now() - exportKeptMs) } },
      })
      if (count > 0) deps.logger.info({ count }, 'expired exports deleted')
      await restartStalled(deps, options)
    },
    schedule: { cron: '* * * * *', everyMs: 60_000 },
  }
}

/** The PENDING exports whose run stopped: each sent again, or failed when it has had its runs. */
async function restartStalled(deps: JobDependencies, options: ExportRunOptions) {
  const staleSince = new Date(Date.now() - options.staleMs)
  const stalled = await deps.prisma.export.findMany({
    where: {
      status: 'PENDING',
      OR: [{ heartbeatAt: { lt: staleSince } }, { heartbeatAt: null, createdAt: { lt: staleSince } }],
    },
    select: { id: true, attempt: true },
  })
  for (const { id, attempt } of stalled) {
    if (attempt >= options.maxAttempts) {
      await deps.prisma.export.updateMany({
        where: { id, attempt, status: 'PENDING' },
        data: {
          status: 'FAILED',
          finishedAt: new Date(),
          failure: `Việc ghi tệp bị dừng giữa chừng ${attempt} lần: hãy yêu cầu lại. / Writing the file stopped ${attempt} times: ask for it again.`,
        },
      })
    } else {
      deps.logger.warn({ exportId: id, attempt }, 'a stalled export is written again')
      importQueueOf(deps.caches).send(exportJobName, id, `${id}:${attempt + 1}`)
    }
  }
}

/**
 * `GET /exports/files/<id>`: the file when it is ready, read part by part; its state (202) while it
 * is being written. Only the user who asked for it may download it: to anyone else it does not exist.
 */
export async function exportFileResponse(
  context: Context,
  id: string,
  fetchAPI: { Response: typeof Response },
): Promise<Response> {
  const viewer = context.viewer
  if (!viewer) throw new ExportRequestError(401, 'Sign in.')
  const queued = id
    ? await context.prisma.export.findFirst({
        where: { id, requestedById: viewer.userId, createdAt: { gte: new Date(Date.now() - exportKeptMs) } },
      })
    : null
  if (!queued) throw new ExportRequestError(404, `Export ${id} was not found.`)
  if (queued.status === 'FAILED') {
    throw new ExportRequestError(
      409,
      queued.failure ?? 'Xuất tệp không thành công. / The export failed: ask for it again.',
    )
  }
  if (queued.status === 'PENDING') return Response.json(stateOf(queued), { status: 202 })
  const format = exportOf(queued.path)?.format ?? 'csv'
  const prisma = context.prisma
  let seq = 0
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const part = await prisma.exportPart.findUnique({
        where: { exportId_seq: { exportId: queued.id, seq: seq++ } },
        select: { bytes: true },
      })
      if (part) controller.enqueue(part.bytes)
      else controller.close()
    },
  })
  return new fetchAPI.Response(body, {
    headers: {
      'content-type': sheetFormats[format],
      'content-disposition': `attachment; filename="${queued.fileName}"`,
      'cache-control': 'no-store',
    },
  })
}
