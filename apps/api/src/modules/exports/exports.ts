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
import { createRequestContext, type JobDependencies } from '../../context.ts'
import { UserError } from '../../errors.ts'
import { type ReplicaRoute, readsPrimary } from '../../replica.ts'
import { requestIdsOf } from '../../request-id.ts'
import { exportFileOf, exportFileResponse, queueExport } from './export-job.ts'
import { ExportRequestError, recordExport } from './export-request.ts'
import { exportOf, sheets } from './export-sheets.ts'
import { sheetFormats, sheetStream } from './sheets.ts'

/** The console's screen of the viewer's queued exports. */
const consoleExportsPath = '/exports'

/** Serves the exports from the Yoga app, after the cookie plugin (it reads the session cookie). */
export function useExports({
  replica,
  exportJobRows,
  ...deps
}: JobDependencies & {
  /** Where the sheets are read from when the request need not see its own latest writes. */
  replica?: ReplicaRoute | undefined
  /** More rows than this: the export is queued as a job rather than streamed. */
  exportJobRows: number
}): Plugin<Record<string, unknown>, ServerContext> {
  const { prisma, pubsub, caches, settings, logger } = deps
  return {
    async onRequest({ request, url, endResponse, fetchAPI, serverContext }) {
      const requested = exportOf(url.pathname)
      const fileId = exportFileOf(url.pathname)
      if (!requested && fileId === null) return
      const text = (status: number, message: string) =>
        new fetchAPI.Response(`${message}\n`, {
          status,
          headers: { 'content-type': 'text/plain; charset=utf-8' },
        })
      if (request.method !== 'GET') {
        endResponse(text(405, 'Use GET.'))
        return
      }
      try {
        if (holdsNul([...url.searchParams.values()])) {
          throw new ExportRequestError(400, 'Parameters must not contain the NUL character (U+0000).')
        }
        const context = await createRequestContext({
          prisma,
          request,
          peer: serverContext?.req?.socket,
          settings,
          logger,
          pubsub,
          caches,
        })
        if (!context.viewer)
          throw new ExportRequestError(401, 'Sign in, or send Authorization: Bearer <API token>.')
        if (!requested) {
          endResponse(await exportFileResponse(context, fileId ?? '', fetchAPI))
          return
        }
        const lagging = replica?.available()
        const reading = lagging && !readsPrimary(request) ? { ...context, prisma: lagging } : context
        const exported = await sheets[requested.what](reading, url.searchParams)
        await recordExport(context, url.pathname, url.searchParams, exported.rowCount)
        if (exported.rowCount > exportJobRows) {
          const queued = await queueExport(deps, context, {
            path: url.pathname,
            query: url.searchParams.toString(),
            fileName: `${exported.filename}.${requested.format}`,
            rowCount: exported.rowCount,
          })
          // A link followed in the browser lands on the console's list of exports, which shows this one
          // pending and offers its file when ready; any other client gets the export's state.
          endResponse(
            request.headers.get('sec-fetch-mode') === 'navigate'
              ? new fetchAPI.Response(null, { status: 303, headers: { location: consoleExportsPath } })
              : Response.json(queued, { status: 202, headers: { location: queued.url } }),
          )
          return
        }
        endResponse(
          new fetchAPI.Response(sheetStream(exported.sheet, requested.format), {
            headers: {
              'content-type': sheetFormats[requested.format],
              'content-disposition': `attachment; filename="${exported.filename}.${requested.format}"`,
              'cache-control': 'no-store',
            },
          }),
        )
      } catch (error) {
        if (error instanceof ExportRequestError) endResponse(text(error.status, error.message))
        else if (error instanceof UserError)
          endResponse(text(error.code === 'FORBIDDEN' ? 403 : 400, error.message))
        else {
          logger.error(
            { err: error, requestId: requestIdsOf(request).id, export: url.pathname },
            'export failed',
          )
          endResponse(text(500, 'The export failed.'))
        }
      }
    },
  }
}
