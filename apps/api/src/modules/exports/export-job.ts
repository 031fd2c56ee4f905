// Exports too large to stream on the spot (more rows than EXPORT_JOB_ROWS): the request is checked and
// audited as a direct one, then an `Export` row is queued on the job queue the imports use (pg-boss on
// PostgreSQL, in-process on the embedded database). The job builds the same sheet as the user who asked
// (same scope, same masking) and writes the file into the database in parts of about 1 MB: any
// instance can serve it, a backup holds it, memory stays flat, and a job taken up again after a crash
// starts its file over. Its user downloads it from `GET /exports/files/<id>` until it expires (a day);
// a scheduled job on the same queue deletes the expired ones every hour.
import { Readable } from 'node:stream'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import type { Export } from '@tangtoc/db'
import { type Context, type JobDependencies, jobContext } from '../../context.ts'
import { importQueueOf, type JobKind } from '../imports/jobs.ts'
import { ExportRequestError } from './export-request.ts'
import { exportOf, sheets } from './export-sheets.ts'
import { type Sheet, sheetFormats, sheetStream } from './sheets.ts'

export const exportJobName = 'export-file'
const partBytes = 1 << 20
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

/** The job: writes the queued export's file, part by part, then marks it ready (or failed). */
export async function writeExport(deps: JobDependencies, id: string): Promise<void> {
  const { prisma } = deps
  const queued = await prisma.export.findUnique({ where: { id } })
  if (queued?.status !== 'PENDING') return
  const requested = exportOf(queued.path)
  try {
    if (!requested) throw new Error(`not an export: ${queued.path}`)
    const context = await jobContext(deps, queued.requestedById, {
      requestId: `export-${id}`,
      url: `http://tangtoc.invalid${queued.path}?${queued.query}`,
    })
    if (!context.viewer) throw new Error('the user who asked for it is deactivated')
    const exported = await sheets[requested.what](context, new URLSearchParams(queued.query))
    // A job taken up again (its instance stopped) writes the file over.
    await prisma.exportPart.deleteMany({ where: { exportId: id } })
    let written = 0
    const sheet = counted(exported.sheet, (rows) => {
      written += rows
    })
    let seq = 0
    let held: Buffer[] = []
    let heldBytes = 0
    const flush = async () => {
      await prisma.$transaction([
        prisma.exportPart.create({ data: { exportId: id, seq: seq++, bytes: Buffer.concat(held) } }),
        prisma.export.update({ where: { id }, data: { writtenRows: written } }),
      ])
      held = []
      heldBytes = 0
    }
    const file = sheetStream(sheet, requested.format) as NodeReadableStream<Uint8Array>
    for await (const chunk of Readable.fromWeb(file)) {
      held.push(chunk as Buffer)
      heldBytes += (chunk as Buffer).length
      if (heldBytes >= partBytes) await flush()
    }
    if (heldBytes > 0) await flush()
    await prisma.export.update({
      where: { id },
      data: { status: 'READY', writtenRows: written, finishedAt: new Date() },
    })
  } catch (error) {
    deps.logger.error({ err: error, exportId: id }, 'the export job failed')
    await prisma.export.update({ where: { id }, data: { status: 'FAILED', finishedAt: new Date() } })
  }
}

/** The export job, for the job queue. */
export function exportJobKind(deps: JobDependencies): JobKind {
  return { name: exportJobName, run: (id) => writeExport(deps, id) }
}

export const exportCleanupJobName = 'export-cleanup'

/** The clean-up job, for the job queue: every hour (and at start), the exports past their day go, parts and all. */
export function exportCleanupJobKind(deps: JobDependencies): JobKind {
  return {
    name: exportCleanupJobName,
    run: async () => {
      const { count } = await deps.prisma.export.deleteMany({
        where: { createdAt: { lt: new Date(Date.now() - exportKeptMs) } },
      })
      if (count > 0) deps.logger.info({ count }, 'expired exports deleted')
    },
    schedule: { cron: '7 * * * *', everyMs: 3_600_000 },
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
  if (queued.status === 'FAILED') throw new ExportRequestError(409, 'The export failed: ask for it again.')
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
