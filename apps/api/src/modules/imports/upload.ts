// `POST /imports`: a spreadsheet of people in, kept as an import batch to preview and commit through
// GraphQL. Same credentials (session cookie or bearer token), scopes and CSRF rule as the GraphQL API;
// the file is measured and sniffed before anything is written, its rows stored a page at a time as they
// are parsed, in one transaction: a refusal (even of a row far down the file) writes nothing.
// `GET /imports/<batch id>/errors.csv|.xlsx`: the rows refused (or, before the commit, those the
// preview refuses) with their errors beside them, ready to fix and upload again.
import { createHash } from 'node:crypto'
import { encodeGlobalID } from '@pothos/plugin-relay'
import type { Prisma, PrismaClient, Product } from '@tangtoc/db'
import { foldSearchKey, guessColumns, type ImportField, importFields, isIsoDate } from '@tangtoc/shared'
import type { Plugin } from 'graphql-yoga'
import type { InstanceCaches } from '../../caches.ts'
import type { ServerContext } from '../../client.ts'
import { type Context, createRequestContext } from '../../context.ts'
import { type LocalizedText, UserError } from '../../errors.ts'
import { decodeGlobalId } from '../../global-id.ts'
import type { Logger } from '../../logger.ts'
import type { ApiPubSub } from '../../pubsub.ts'
import { requestIdsOf } from '../../request-id.ts'
import { insertRows } from '../../rows-insert.ts'
import type { SecuritySettings } from '../../settings.ts'
import { recordAudit } from '../audit/record.ts'
import { assertCanWriteCenter, canReadCenter } from '../auth/center-access.ts'
import { transactionOptions, uniqueViolationOn } from '../enrollments/changes.ts'
import { sheetFormats, sheetStream } from '../exports/sheets.ts'
import { products } from '../progress/progress.ts'
import { errorSheet } from './error-file.ts'
import { ImportFileError, importLimits, type OpenedSheet, openSheet, storedCell, tooLarge } from './files.ts'
import { previewBatch } from './preview.ts'

export const importPath = '/imports'
/** A file of the largest size is parsed and stored in 50 pages: past Prisma's default 5 s on a busy server. */
const importTransactionOptions = { ...transactionOptions, timeout: 120_000 } as const
const errorFilePattern = /^\/imports\/([^/]+)\/errors\.(csv|xlsx)$/

/** The header the CSRF rule asks of a request a browser could send cross-site without a preflight. */
const csrfHeader = 'x-graphql-yoga-csrf'
const simpleContentTypes = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']

class RequestError extends ImportFileError {}

const refuse = (status: number, code: string, text: LocalizedText) => new RequestError(status, code, text)

/** The header's normal form, under which a center remembers which field a column holds. */
export const headerKey = (header: string) =>
  foldSearchKey(header)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()

/** The fields of the columns: the center's remembered choice for a header, else the shared guess. */
export async function columnsFor(prisma: PrismaClient, centerId: string, header: string[]) {
  const remembered = new Map(
    (
      await prisma.importColumnChoice.findMany({
        where: { centerId, header: { in: header.map(headerKey) } },
        select: { header: true, field: true },
      })
    ).map((choice) => [choice.header, choice.field]),
  )
  const guessed = guessColumns(header)
  const taken = new Set<string>()
  return header.map((text, index) => {
    const key = headerKey(text)
    const field = remembered.has(key) ? (remembered.get(key) ?? null) : (guessed[index] ?? null)
    if (field === null || taken.has(field) || !(importFields as readonly string[]).includes(field))
      return null
    taken.add(field)
    return field as ImportField
  })
}

type ImportsOptions = {
  prisma: PrismaClient
  pubsub: ApiPubSub
  caches: InstanceCaches
  settings: SecuritySettings
  logger: Logger
}

export function useImports(options: ImportsOptions): Plugin<Record<string, unknown>, ServerContext> {
  return {
    async onRequest({ request, url, endResponse, fetchAPI, serverContext }) {
      const errorFile = errorFilePattern.exec(url.pathname)
      // GET /imports is the console's screen (server.ts serves it), not the API's.
      if ((url.pathname !== importPath || request.method !== 'POST') && !errorFile) return
      const json = ([status, body]: [number, unknown]) =>
        new fetchAPI.Response(JSON.stringify(body), {
          status,
          headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
        })
      try {
        if (errorFile && request.method !== 'GET') {
          throw refuse(405, 'METHOD_NOT_ALLOWED', { vi: 'Hãy dùng GET.', en: 'Use GET.' })
        }
        const context = await signedInContext(options, request, serverContext?.req?.socket)
        if (errorFile) {
          endResponse(await errorFileResponse(context, errorFile[1] ?? '', errorFile[2] as 'csv' | 'xlsx'))
          return
        }
        assertCsrfHeader(request)
        endResponse(json(await upload(context, request, url.searchParams)))
      } catch (error) {
        endResponse(json(failureOf(error, options.logger, request)))
      }
    },
  }
}

/** The request's context, refused without a session or an API token. */
async function signedInContext(
  options: ImportsOptions,
  request: Request,
  peer: NonNullable<ServerContext['req']>['socket'],
): Promise<Context> {
  const context = await createRequestContext({ ...options, request, peer })
  if (!context.viewer) {
    throw refuse(401, 'UNAUTHENTICATED', {
      vi: 'Hãy đăng nhập, hoặc gửi Authorization: Bearer <mã API>.',
      en: 'Sign in, or send Authorization: Bearer <API token>.',
    })
  }
  return context
}

/** A body a browser could send cross-site without a preflight must carry the CSRF header. */
function assertCsrfHeader(request: Request) {
  const type = (request.headers.get('content-type') ?? '').toLowerCase()
  if (
    (type === '' || simpleContentTypes.some((simple) => type.startsWith(simple))) &&
    !request.headers.has(csrfHeader)
  ) {
    throw refuse(403, 'CSRF', {
      vi: `Thiếu tiêu đề chống giả mạo yêu cầu (${csrfHeader}: 1).`,
      en: `Required CSRF header missing (${csrfHeader}: 1).`,
    })
  }
}

/** The status and body of a refusal; anything else is a bug, logged with the request id and masked. */
function failureOf(error: unknown, logger: Logger, request: Request): [number, unknown] {
  if (error instanceof ImportFileError) {
    return [error.status, { error: { code: error.code, message: error.text.en, messageVi: error.text.vi } }]
  }
  if (error instanceof UserError) {
    const status = error.code === 'FORBIDDEN' ? 403 : error.code === 'NOT_FOUND' ? 404 : 400
    return [status, { error: { code: error.code, message: error.message, messageVi: error.messageVi } }]
  }
  logger.error({ err: error, requestId: requestIdsOf(request).id }, 'import failed')
  return [500, { error: { code: 'INTERNAL', message: 'The import failed.', messageVi: 'Nhập tệp bị lỗi.' } }]
}

/** The body's bytes, refused past the limit: by its Content-Length first, else while it is read. */
async function bodyOf(request: Request): Promise<Buffer> {
  const length = request.headers.get('content-length')
  if (length !== null && Number(length) > importLimits.maxBytes * 1.01 + 10_000) throw tooLarge()
  if (!request.body) return Buffer.alloc(0)
  const chunks: Uint8Array[] = []
  let total = 0
  for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength
    if (total > importLimits.maxBytes * 1.01 + 10_000) throw tooLarge()
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

/** The file and its name: a multipart form's `file` field, or the body itself (`?fileName=`). */
async function fileOf(
  request: Request,
  params: URLSearchParams,
): Promise<{ bytes: Uint8Array; fileName: string }> {
  const type = (request.headers.get('content-type') ?? '').toLowerCase()
  if (type.startsWith('multipart/form-data')) {
    const body = await bodyOf(request)
    const form = await new Response(new Uint8Array(body), { headers: { 'content-type': type } }).formData()
    const file = form.get('file')
    if (!file || typeof file === 'string') {
      throw refuse(400, 'IMPORT_FILE_MISSING', {
        vi: 'Gửi tệp trong trường “file” của biểu mẫu.',
        en: 'Send the file in the form’s “file” field.',
      })
    }
    return { bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name || 'import' }
  }
  return { bytes: await bodyOf(request), fileName: params.get('fileName') || 'import' }
}

async function byReference(context: Context, typename: 'Campaign' | 'Center', reference: string | null) {
  if (!reference) {
    const name = typename.toLowerCase()
    throw refuse(400, 'PARAMETER_MISSING', {
      vi: `Thiếu tham số ${name}.`,
      en: `The ${name} parameter is missing.`,
    })
  }
  const decoded = decodeGlobalId(reference)
  const where = decoded?.typename === typename ? { id: decoded.id } : { code: reference }
  const found =
    typename === 'Campaign'
      ? await context.prisma.campaign
          .findUnique({ where, select: { id: true } })
          .then((campaign) => campaign && { ...campaign, path: '' })
      : await context.prisma.center.findUnique({ where, select: { id: true, path: true } })
  if (!found) {
    throw refuse(404, 'NOT_FOUND', {
      vi: `Không tìm thấy ${typename} “${reference}”.`,
      en: `${typename} “${reference}” was not found.`,
    })
  }
  return found
}

function settingsOf(params: URLSearchParams) {
  const product = params.get('product') ?? ''
  if (!products.includes(product as Product)) {
    throw refuse(400, 'PARAMETER_INVALID', {
      vi: `Tham số product phải là một trong ${products.join(', ')}.`,
      en: `The product parameter must be one of ${products.join(', ')}.`,
    })
  }
  const months = Number(params.get('months') ?? '12')
  if (!Number.isInteger(months) || months < 1 || months > 120) {
    throw refuse(400, 'PARAMETER_INVALID', {
      vi: 'Tham số months phải là số tháng nguyên từ 1.',
      en: 'The months parameter must be a whole number of months, 1 or more.',
    })
  }
  const income = params.get('monthlyIncome')
  const monthlyIncome = income ? Number(income) : null
  if (monthlyIncome !== null && !Number.isInteger(monthlyIncome)) {
    throw refuse(400, 'PARAMETER_INVALID', {
      vi: 'Tham số monthlyIncome phải là số đồng nguyên.',
      en: 'The monthlyIncome parameter must be whole đồng.',
    })
  }
  const on = params.get('on')
  if (on && !isIsoDate(on)) {
    throw refuse(400, 'PARAMETER_INVALID', {
      vi: 'Tham số on phải là ngày dạng YYYY-MM-DD.',
      en: 'The on parameter must be a date written YYYY-MM-DD.',
    })
  }
  return { product: product as Product, months, monthlyIncome, on: on ? new Date(`${on}T00:00:00Z`) : null }
}

/** The upload: the batch a file already made for the same campaign, center and product, else a new one. */
async function upload(
  context: Context,
  request: Request,
  params: URLSearchParams,
): Promise<[number, unknown]> {
  const { viewer, campaign, center, chosen } = await uploadTarget(context, params)
  const { bytes, fileName } = await fileOf(request, params)
  const fileHash = createHash('sha256').update(bytes).digest('hex')
  const key = { campaignId: campaign.id, centerId: center.id, product: chosen.product, fileHash }
  const where = { campaignId_centerId_product_fileHash: key }
  const existing = await context.prisma.importBatch.findUnique({ where })
  if (existing) return [200, answerOf(existing, false)]
  const sheet = await openSheet(bytes)
  const columns = await columnsFor(context.prisma, center.id, sheet.header)
  const batch = {
    ...key,
    ...chosen,
    fileName: fileName.normalize('NFC').slice(0, 255),
    format: sheet.format,
    encoding: sheet.encoding,
    header: sheet.header,
    columns,
    rowCount: 0,
    uploadedById: viewer.userId,
  }
  try {
    return [201, answerOf(await storeBatch(context, batch, sheet.pages), true)]
  } catch (error) {
    // The same file sent twice at once: the first one is the batch.
    if (uniqueViolationOn(error) !== 'ImportBatch') throw error
    return [200, answerOf(await context.prisma.importBatch.findUniqueOrThrow({ where }), false)]
  }
}

/** What the upload answers of its batch: its global id, whether this upload made it, its rows and status. */
/** `POST /imports`'s answer: the batch (its global id), whether this upload made it, its rows and status. */
export type UploadAnswer = ReturnType<typeof answerOf>

const answerOf = (batch: { id: string; rowCount: number; status: string }, created: boolean) => ({
  id: encodeGlobalID('ImportBatch', batch.id),
  created,
  rowCount: batch.rowCount,
  status: batch.status,
})

/** Who may import, into which campaign and center, with which settings: each refused as a parameter. */
async function uploadTarget(context: Context, params: URLSearchParams) {
  const viewer = context.viewer
  if (!viewer || viewer.role === 'VIEWER' || viewer.tokenScope === 'READ') {
    throw refuse(403, 'FORBIDDEN', { vi: 'Bạn không có quyền nhập dữ liệu.', en: 'You may not import data.' })
  }
  const campaign = await byReference(context, 'Campaign', params.get('campaign'))
  const center = await byReference(context, 'Center', params.get('center'))
  assertCanWriteCenter(viewer, center)
  return { viewer, campaign, center, chosen: settingsOf(params) }
}

/** The batch and its rows, a page at a time as the sheet is parsed, in one transaction with its audit. */
async function storeBatch(
  context: Context,
  data: Prisma.ImportBatchUncheckedCreateInput,
  pages: OpenedSheet['pages'],
) {
  return context.prisma.$transaction(async (tx) => {
    const batch = await tx.importBatch.create({ data })
    let rowCount = 0
    for await (const page of pages) {
      await insertRows(
        tx,
        'ImportRow',
        page.map((row) => ({ batchId: batch.id, line: row.line, cells: Array.from(row.cells, storedCell) })),
      )
      rowCount += page.length
    }
    await recordAudit(tx, context, {
      action: 'import.upload',
      entityType: 'ImportBatch',
      entityId: batch.id,
      after: {
        fileName: batch.fileName,
        fileHash: batch.fileHash,
        format: batch.format,
        encoding: batch.encoding,
        rowCount,
      },
    })
    return tx.importBatch.update({ where: { id: batch.id }, data: { rowCount } })
  }, importTransactionOptions)
}

async function errorFileResponse(context: Context, reference: string, format: 'csv' | 'xlsx') {
  const decoded = decodeGlobalId(reference)
  const batch =
    decoded?.typename === 'ImportBatch'
      ? await context.prisma.importBatch.findUnique({
          where: { id: decoded.id },
          include: { center: { select: { id: true, path: true } } },
        })
      : null
  if (!batch || !context.viewer || !canReadCenter(context.viewer, batch.center)) {
    throw refuse(404, 'NOT_FOUND', {
      vi: `Không tìm thấy lần nhập “${reference}”.`,
      en: `Import batch “${reference}” was not found.`,
    })
  }
  const issues =
    batch.status === 'UPLOADED'
      ? new Map((await previewBatch(context, batch)).rows.map((row) => [row.line, row.issues]))
      : null
  const sheet = await errorSheet(context.prisma, batch, issues)
  const name = `loi-${batch.fileName.replace(/\.[^.]*$/, '').replace(/[^\w.-]+/g, '_')}`
  return new Response(sheetStream(sheet, format), {
    headers: {
      'content-type': sheetFormats[format],
      'content-disposition': `attachment; filename="${name}.${format}"`,
      'cache-control': 'no-store',
    },
  })
}
