// Spreadsheet exports for people and integrators, as CSV or XLSX: `GET /exports/enrollments.csv|.xlsx`
// (the enrollment list's filters), `GET /exports/progress.csv|.xlsx` (a campaign's progress per
// center and product), `GET /exports/worklist.csv|.xlsx` (a follow-up worklist, worklists/export.ts) and
// `GET /exports/participants.csv|.xlsx` (a product's participant list as Social Insurance receives it). Same
// credentials (session cookie or bearer token) and the same access rules as the GraphQL API; a viewer's
// export has citizen IDs and phones masked. Rows are read in batches by cursor and written as they come.
// Every export is in the audit log before its first byte: who, with which filter, how many rows. An
// export of more rows than `exportJobRows` is not streamed: the answer is 202 with the queued export
// (export-job.ts), which its user downloads from `GET /exports/files/<id>` when it is ready.
import type { Plugin } from 'graphql-yoga'
import type { ServerContext } from '../../client.ts'
import { holdsNul } from '../../client-input.ts'
import { type Context, createRequestContext, type JobDependencies } from '../../context.ts'
import { UserError } from '../../errors.ts'
import { type ReplicaRoute, readMayLag } from '../../replica.ts'
import { requestIdsOf } from '../../request-id.ts'
import { exportFileOf, exportFileResponse, queueExport } from './export-job.ts'
import { ExportRequestError, recordExport } from './export-request.ts'
import { exportOf, sheets } from './export-sheets.ts'
import { sheetFormats, sheetStream } from './sheets.ts'

/** The console's screen of the viewer's queued exports. */
const consoleExportsPath = '/exports'

type ExportDependencies = JobDependencies & {
  /** Where the sheets are read from when the request need not see its own latest writes. */
  replica?: ReplicaRoute | undefined
  /** More rows than this: the export is queued as a job rather than streamed. */
  exportJobRows: number
}

type FetchAPI = { Response: typeof Response }

/** Serves the exports from the Yoga app, after the cookie plugin (it reads the session cookie). */
export function useExports(deps: ExportDependencies): Plugin<Record<string, unknown>, ServerContext> {
  return {
    async onRequest({ request, url, endResponse, fetchAPI, serverContext }) {
      const requested = exportOf(url.pathname)
      const fileId = exportFileOf(url.pathname)
      if (!requested && fileId === null) return
      if (request.method !== 'GET') {
        endResponse(textResponse(fetchAPI, 405, 'Use GET.'))
        return
      }
      try {
        const context = await exportContext(deps, request, url, serverContext)
        endResponse(
          requested
            ? await exportResponse(deps, context, { request, url, requested, fetchAPI })
            : await exportFileResponse(context, fileId ?? '', fetchAPI),
        )
      } catch (error) {
        endResponse(failureResponse(deps, error, { request, url, fetchAPI }))
      }
    },
  }
}

function textResponse(fetchAPI: FetchAPI, status: number, message: string) {
  return new fetchAPI.Response(`${message}\n`, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  })
}

/** The request's context, once its parameters are known to hold no NUL and it has a viewer. */
async function exportContext(
  { prisma, pubsub, caches, settings, logger }: ExportDependencies,
  request: Request,
  url: URL,
  serverContext: ServerContext | undefined,
) {
  if (holdsNul([...url.searchParams.values()])) {
    throw new ExportRequestError(400, 'Parameters must not contain the NUL character (U+0000).')
  }
  const deps: JobDependencies = { prisma, pubsub, caches, settings, logger }
  const context = await createRequestContext({ ...deps, request, peer: serverContext?.req?.socket })
  if (!context.viewer)
    throw new ExportRequestError(401, 'Sign in, or send Authorization: Bearer <API token>.')
  return context
}

/**
 * The export, recorded in the audit log first: streamed, or queued as a job when it has more rows than
 * `exportJobRows`.
 */
async function exportResponse(
  { replica, exportJobRows, ...deps }: ExportDependencies,
  context: Context,
  {
    request,
    url,
    requested,
    fetchAPI,
  }: { request: Request; url: URL; requested: NonNullable<ReturnType<typeof exportOf>>; fetchAPI: FetchAPI },
): Promise<Response> {
  const exported = await readMayLag(replica, context, (reading) =>
    sheets[requested.what](reading, url.searchParams),
  )
  await recordExport(context, url.pathname, url.searchParams, exported.rowCount)
  const fileName = `${exported.filename}.${requested.format}`
  if (exported.rowCount > exportJobRows) {
    const queued = await queueExport(deps, context, {
      path: url.pathname,
      query: url.searchParams.toString(),
      fileName,
      rowCount: exported.rowCount,
    })
    // A link followed in the browser lands on the console's list of exports, which shows this one
    // pending and offers its file when ready; any other client gets the export's state.
    return request.headers.get('sec-fetch-mode') === 'navigate'
      ? new fetchAPI.Response(null, { status: 303, headers: { location: consoleExportsPath } })
      : Response.json(queued, { status: 202, headers: { location: queued.url } })
  }
  return new fetchAPI.Response(sheetStream(exported.sheet, requested.format), {
    headers: {
      'content-type': sheetFormats[requested.format],
      'content-disposition': `attachment; filename="${fileName}"`,
      'cache-control': 'no-store',
    },
  })
}

/** A refused request's status and reason; any other failure is logged and masked. */
function failureResponse(
  { logger }: ExportDependencies,
  error: unknown,
  { request, url, fetchAPI }: { request: Request; url: URL; fetchAPI: FetchAPI },
): Response {
  if (error instanceof ExportRequestError) return textResponse(fetchAPI, error.status, error.message)
  if (error instanceof UserError) {
    return textResponse(fetchAPI, error.code === 'FORBIDDEN' ? 403 : 400, error.message)
  }
  logger.error({ err: error, requestId: requestIdsOf(request).id, export: url.pathname }, 'export failed')
  return textResponse(fetchAPI, 500, 'The export failed.')
}
