// Import batches in GraphQL: a batch uploaded through `POST /imports`, its preview (every row checked
// before anything is written), the correction of its columns (remembered for the center), its commit
// as a job with its progress pushed to subscribers, and the list of batches with their results. A
// batch is its center's: read by those who may read the center, changed by those who may write for it.
import { encodeGlobalID } from '@pothos/plugin-relay'
import { ImportBatchStatus, ImportEncoding, ImportFormat, type Prisma } from '@tangtoc/db'
import { enumLabels, type ImportField, importFields, issue } from '@tangtoc/shared'
import { builder } from '../../builder.ts'
import type { Context, Viewer } from '../../context.ts'
import { ForbiddenError, mutationErrorTypes, NotFoundError, validationErrorFrom } from '../../errors.ts'
import { idOf } from '../../global-id.ts'
import type { ImportProgress } from '../../pubsub.ts'
import { readableNode } from '../../readable-nodes.ts'
import { recordAudit } from '../audit/record.ts'
import { assertCanWriteCenter, readableCentersWhere } from '../auth/center-access.ts'
import { labelled, ProductEnum } from '../enums.ts'
import { offsetDescription, withOffset } from '../offset.ts'
import { publishImportProgress } from './commit.ts'
import { importQueueOf } from './jobs.ts'
import { columnsOf, type ImportIssue, type PreviewRow, previewBatch } from './preview.ts'
import { headerKey } from './upload.ts'

const nobody = { id: { in: [] } } satisfies Prisma.ImportBatchWhereInput

export function readableImportBatchesWhere(viewer: Viewer | null): Prisma.ImportBatchWhereInput {
  if (!viewer) return nobody
  return viewer.role === 'ADMIN' ? {} : { center: readableCentersWhere(viewer) }
}

export const ImportFieldEnum = builder.enumType('ImportField', {
  description: 'What a column of an imported sheet holds.',
  values: Object.fromEntries(importFields.map((field) => [field, {}])) as Record<ImportField, object>,
})

const ImportFormatEnum = builder.enumType(ImportFormat, {
  name: 'ImportFormat',
  description: 'The kind of file uploaded.',
  values: labelled(enumLabels.en.ImportFormat),
})

const ImportEncodingEnum = builder.enumType(ImportEncoding, {
  name: 'ImportEncoding',
  description:
    'The text encoding a file was read in: Unicode, or a legacy Vietnamese one converted to Unicode.',
  values: labelled(enumLabels.en.ImportEncoding),
})

const ImportBatchStatusEnum = builder.enumType(ImportBatchStatus, {
  name: 'ImportBatchStatus',
  description: 'Where an import batch is: uploaded (previewable), being committed, committed.',
  values: labelled(enumLabels.en.ImportBatchStatus),
})

const ImportColumnRef = builder
  .objectRef<{ header: string; field: ImportField | null }>('ImportColumn')
  .implement({
    description: 'A column of the sheet and the field it is read as.',
    fields: (t) => ({
      header: t.exposeString('header', { description: 'The column’s header as written in the file.' }),
      field: t.field({
        type: ImportFieldEnum,
        nullable: true,
        description: 'The field it is read as; null: the column is ignored.',
        resolve: (column) => column.field,
      }),
    }),
  })

const ImportIssueRef = builder.objectRef<ImportIssue>('ImportIssue').implement({
  description: 'A problem of a row, at a field, in Vietnamese and English.',
  fields: (t) => ({
    field: t.exposeString('field', { description: 'The import field concerned (or "row", "batch").' }),
    code: t.exposeString('code', { description: 'The problem’s code.' }),
    message: t.string({ description: 'The problem in English.', resolve: (problem) => problem.message.en }),
    messageVi: t.string({
      description: 'The problem in Vietnamese.',
      resolve: (problem) => problem.message.vi,
    }),
  }),
})

const ImportPreviewRowRef = builder.objectRef<PreviewRow>('ImportPreviewRow').implement({
  description: 'A row of the sheet as the commit would take it.',
  fields: (t) => ({
    line: t.exposeInt('line', { description: 'Its line number in the sheet.' }),
    fullName: t.exposeString('fullName', { description: 'The name as read.' }),
    citizenId: t.exposeString('citizenId', {
      description: 'The citizen ID as read (a lost leading zero restored).',
    }),
    householdKey: t.exposeString('householdKey', {
      nullable: true,
      description: 'Household health insurance: the household key that groups its rows.',
    }),
    joinsHousehold: t.id({
      nullable: true,
      description:
        'Household health insurance: the household on file the row joins (global id), the one whose code is its household key and that is enrolled at the center in the campaign, as the form’s “join household”; null: a new household or a person alone.',
      resolve: (row) => (row.joinsHousehold ? encodeGlobalID('Household', row.joinsHousehold) : null),
    }),
    householdPosition: t.exposeInt('householdPosition', {
      nullable: true,
      description:
        'Household health insurance: the row’s rank in its household’s price order (after the members of a household it joins), which sets its rate; null when refused or not ranked.',
    }),
    onFile: t.exposeBoolean('onFile', { description: 'The person is on file already and is reused.' }),
    valid: t.boolean({
      description: 'Whether the row would go in.',
      resolve: (row) => row.issues.length === 0,
    }),
    issues: t.field({
      type: [ImportIssueRef],
      description: 'What keeps it out.',
      resolve: (row) => row.issues,
    }),
    notes: t.field({
      type: [ImportIssueRef],
      description: 'What was changed on reading and should be checked.',
      resolve: (row) => row.notes,
    }),
    payable: t.exposeInt('payable', {
      nullable: true,
      description: 'What its enrollment would cost, whole đồng; null when refused or not enrolled.',
    }),
  }),
})

const ImportTotalRef = builder
  .objectRef<{ product: string; enrollments: number; households: number; payable: number }>('ImportTotal')
  .implement({
    description: 'What the valid rows would register, for a product.',
    fields: (t) => ({
      product: t.field({
        type: ProductEnum,
        description: 'The product.',
        resolve: (total) => total.product as never,
      }),
      enrollments: t.exposeInt('enrollments', { description: 'Enrollments.' }),
      households: t.exposeInt('households', { description: 'Households (household health insurance).' }),
      // A Float (exact to 2⁵³): a file's total passes GraphQL's 32-bit Int from about 2,300 households' members.
      payable: t.exposeFloat('payable', { description: 'What they cost together, whole đồng.' }),
    }),
  })

type PreviewShape = Awaited<ReturnType<typeof previewBatch>>

const ImportPreviewRef = builder.objectRef<PreviewShape>('ImportPreview').implement({
  description:
    'Every row checked with the rules of the registration form, against the people on file, and priced; nothing is written.',
  fields: (t) => ({
    rowCount: t.int({ description: 'Data rows read.', resolve: (preview) => preview.rows.length }),
    validCount: t.int({
      description: 'Rows that would go in.',
      resolve: (preview) => preview.rows.filter((row) => row.issues.length === 0).length,
    }),
    invalidCount: t.int({
      description: 'Rows refused.',
      resolve: (preview) => preview.rows.filter((row) => row.issues.length > 0).length,
    }),
    duplicateCount: t.int({
      description: 'Rows repeating a person listed earlier in the file.',
      resolve: (preview) =>
        preview.rows.filter((row) =>
          row.issues.some((problem) => problem.code === 'IMPORT_DUPLICATE_IN_FILE'),
        ).length,
    }),
    onFileCount: t.int({
      description: 'Rows whose person is on file already.',
      resolve: (preview) => preview.rows.filter((row) => row.onFile).length,
    }),
    joiningCount: t.int({
      description:
        'Rows that would join a household on file (their household key is its code), ranked after its members.',
      resolve: (preview) =>
        preview.rows.filter((row) => row.joinsHousehold !== null && row.issues.length === 0).length,
    }),
    problems: t.field({
      type: [ImportIssueRef],
      description: 'Problems of the batch as a whole (e.g. a monthly income the pricing refuses).',
      resolve: (preview) => preview.problems,
    }),
    totals: t.field({
      type: [ImportTotalRef],
      description: 'Totals by product.',
      resolve: (preview) => preview.totals,
    }),
    rows: t.field({
      type: [ImportPreviewRowRef],
      description: 'The rows in sheet order, a page at a time.',
      args: {
        onlyInvalid: t.arg.boolean({ defaultValue: false, description: 'Only the rows refused.' }),
        first: t.arg.int({ defaultValue: 100, description: 'How many (at most 500).' }),
        offset: t.arg.int({ defaultValue: 0, description: 'How many to skip.' }),
      },
      resolve: (preview, args) => {
        const rows = args.onlyInvalid ? preview.rows.filter((row) => row.issues.length > 0) : preview.rows
        const offset = Math.max(0, args.offset ?? 0)
        return rows.slice(offset, offset + Math.min(Math.max(0, args.first ?? 100), 500))
      },
    }),
  }),
})

export const ImportBatchNode = builder.prismaNode('ImportBatch', {
  id: { field: 'id' },
  description:
    'A spreadsheet uploaded through `POST /imports` to register its people: previewed, then committed as one idempotent batch.',
  authScopes: { signedIn: true },
  nullable: true,
  findUnique: readableNode('ImportBatch', readableImportBatchesWhere),
  // long: the import batch's GraphQL fields, one entry each with its description; apart they would only scatter the type
  fields: (t) => ({
    campaign: t.relation('campaign', { description: 'The campaign registered for.' }),
    center: t.relation('center', { description: 'The registering center.' }),
    uploadedBy: t.relation('uploadedBy', { description: 'Who uploaded it; the commit registers as them.' }),
    product: t.expose('product', { type: ProductEnum, description: 'What every row enrolls in.' }),
    months: t.exposeInt('months', { description: 'The months paid for.' }),
    monthlyIncome: t.exposeInt('monthlyIncome', {
      nullable: true,
      description: 'Voluntary social insurance: the monthly income contributed on.',
    }),
    on: t.expose('on', {
      type: 'Date',
      nullable: true,
      description: 'The period’s first day; today when null.',
    }),
    fileName: t.exposeString('fileName', { description: 'The file’s name.' }),
    fileHash: t.exposeString('fileHash', { description: 'SHA-256 of the file (hex).' }),
    format: t.expose('format', { type: ImportFormatEnum, description: 'CSV or XLSX.' }),
    encoding: t.expose('encoding', {
      type: ImportEncodingEnum,
      description:
        'The text encoding the file was read in: a CSV in TCVN3 (ABC) or VNI was converted to Unicode, for the user to check in the preview.',
    }),
    columns: t.field({
      type: [ImportColumnRef],
      description: 'Each column and the field it is read as.',
      select: { header: true, columns: true },
      resolve: (batch) => {
        const fields = columnsOf(batch)
        return batch.header.map((header, index) => ({ header, field: fields[index] ?? null }))
      },
    }),
    status: t.expose('status', { type: ImportBatchStatusEnum, description: 'Where the batch is.' }),
    rowCount: t.exposeInt('rowCount', { description: 'Data rows in the file.' }),
    committedCount: t.exposeInt('committedCount', { description: 'Rows in so far.' }),
    refusedCount: t.exposeInt('refusedCount', { description: 'Rows refused so far.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was uploaded.' }),
    committedAt: t.expose('committedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When its commit finished.',
    }),
    preview: t.field({
      type: ImportPreviewRef,
      description:
        'Every row checked as the commit would take it; nothing is written. For a batch not yet committed: afterwards its people are on file, and `committedCount`, `refusedCount` and the error file say what the commit did.',
      select: {
        id: true,
        campaignId: true,
        centerId: true,
        product: true,
        months: true,
        monthlyIncome: true,
        on: true,
        columns: true,
      },
      resolve: (batch, _args, context) => previewBatch(context, batch),
    }),
    errorFilePath: t.string({
      description:
        'Where the refused rows are downloaded with their errors: append `.csv` or `.xlsx` (same credentials).',
      select: { id: true },
      resolve: (batch) => `/imports/${encodeGlobalID('ImportBatch', batch.id)}/errors`,
    }),
  }),
})

const ImportBatchFilter = builder.inputType('ImportBatchFilter', {
  description: 'Which import batches to list.',
  fields: (t) => ({
    campaign: t.id({ description: 'Only this campaign’s.' }),
    center: t.id({ description: 'Only this center’s.' }),
  }),
})

function batchesWhere(context: Context, filter: typeof ImportBatchFilter.$inferInput | null | undefined) {
  return {
    AND: [
      readableImportBatchesWhere(context.viewer),
      {
        ...(filter?.campaign ? { campaignId: idOf(filter.campaign, 'Campaign', 'filter.campaign') } : {}),
        ...(filter?.center ? { centerId: idOf(filter.center, 'Center', 'filter.center') } : {}),
      },
    ],
  } satisfies Prisma.ImportBatchWhereInput
}

builder.queryField('importBatches', (t) =>
  t.prismaConnection({
    type: ImportBatchNode,
    cursor: 'id',
    authScopes: { signedIn: true },
    description: 'Import batches of the centers you may read, the latest first, with their results.',
    args: {
      filter: t.arg({ type: ImportBatchFilter, description: 'Which batches.' }),
      offset: t.arg.int({ description: offsetDescription }),
    },
    totalCount: (_parent, args, context) =>
      context.prisma.importBatch.count({ where: batchesWhere(context, args.filter) }),
    resolve: (query, _root, args, context) =>
      context.prisma.importBatch.findMany({
        ...withOffset(query, args),
        where: batchesWhere(context, args.filter),
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      }),
  }),
)

/** The batch the viewer may write for: not found when they may not read it, forbidden to change. */
async function writableBatch(context: Context, globalId: string) {
  const batch = await context.prisma.importBatch.findFirst({
    where: {
      id: idOf(globalId, 'ImportBatch', 'input.batch'),
      AND: [readableImportBatchesWhere(context.viewer)],
    },
    include: { center: { select: { id: true, path: true } } },
  })
  if (!batch) throw new NotFoundError('ImportBatch', globalId)
  assertCanWriteCenter(context.viewer, batch.center)
  return batch
}

const ImportBatchPayload = builder.objectRef<{ batchId: string }>('ImportBatchPayload').implement({
  description: 'The batch as it now is.',
  fields: (t) => ({
    batch: t.prismaField({
      type: 'ImportBatch',
      description: 'The batch.',
      resolve: (query, payload, _args, context) =>
        context.prisma.importBatch.findUniqueOrThrow({ ...query, where: { id: payload.batchId } }),
    }),
  }),
})

const SetImportColumnsInput = builder.inputType('SetImportColumnsInput', {
  description: 'The field each column of an uploaded batch holds, as the user corrected it.',
  fields: (t) => ({
    batch: t.id({ required: true, description: 'The batch (global id); it must not be committed yet.' }),
    columns: t.field({
      type: [ImportFieldEnum],
      required: { list: true, items: false },
      description: 'One per column of the file, in order; null ignores the column. Each field at most once.',
    }),
  }),
})

builder.mutationField('setImportColumns', (t) =>
  t.field({
    type: ImportBatchPayload,
    description:
      'Corrects which field each column of an uploaded batch holds. The center remembers the choice for the same headers in its next files.',
    errors: { types: mutationErrorTypes },
    authScopes: { write: true },
    args: { input: t.arg({ type: SetImportColumnsInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const batch = await writableBatch(context, input.batch)
      if (batch.status !== 'UPLOADED') {
        throw new ForbiddenError({
          vi: 'Lần nhập đã được ghi: không sửa cột được nữa.',
          en: 'The batch is committed or committing: its columns can no longer change.',
        })
      }
      const columns = input.columns.map((field) => field ?? null)
      const problems = []
      if (columns.length !== batch.header.length) {
        problems.push(issue('columns', 'IMPORT_COLUMNS_COUNT', { count: batch.header.length }))
      }
      const seen = new Set<string>()
      for (const [index, field] of columns.entries()) {
        if (field && seen.has(field)) problems.push(issue(`columns.${index}`, 'IMPORT_COLUMN_TWICE'))
        if (field) seen.add(field)
      }
      if (problems.length > 0) throw validationErrorFrom(problems)
      await context.prisma.$transaction(async (tx) => {
        await tx.importBatch.update({ where: { id: batch.id }, data: { columns } })
        for (const [index, header] of batch.header.entries()) {
          const key = headerKey(header)
          if (!key) continue
          const field = columns[index] ?? null
          await tx.importColumnChoice.upsert({
            where: { centerId_header: { centerId: batch.centerId, header: key } },
            create: { centerId: batch.centerId, header: key, field },
            update: { field },
          })
        }
      })
      return { batchId: batch.id }
    },
  }),
)

const CommitImportBatchInput = builder.inputType('CommitImportBatchInput', {
  description: 'The batch to commit.',
  fields: (t) => ({ batch: t.id({ required: true, description: 'The batch (global id).' }) }),
})

builder.mutationField('commitImportBatch', (t) =>
  t.field({
    type: ImportBatchPayload,
    description:
      'Commits the batch as a job: its valid rows are registered as the form registers them (a household whole or not at all), the others refused with their errors (downloadable at `errorFilePath`). Committing a batch again changes nothing; follow the job with `importBatchProgress`.',
    errors: { types: mutationErrorTypes },
    authScopes: { write: true },
    args: { input: t.arg({ type: CommitImportBatchInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const batch = await writableBatch(context, input.batch)
      if (batch.status !== 'UPLOADED') return { batchId: batch.id }
      const started = await context.prisma.$transaction(async (tx) => {
        const { count } = await tx.importBatch.updateMany({
          where: { id: batch.id, status: 'UPLOADED' },
          data: { status: 'COMMITTING', commitStartedAt: new Date() },
        })
        if (count === 0) return false
        await recordAudit(tx, context, {
          action: 'import.commitStart',
          entityType: 'ImportBatch',
          entityId: batch.id,
          after: { fileName: batch.fileName, fileHash: batch.fileHash, rowCount: batch.rowCount },
        })
        return true
      })
      if (started) {
        publishImportProgress(context.pubsub, {
          batchId: batch.id,
          status: 'COMMITTING',
          rowCount: batch.rowCount,
          committedCount: 0,
          refusedCount: 0,
        })
        importQueueOf(context.caches).enqueue(batch.id)
      }
      return { batchId: batch.id }
    },
  }),
)

const ImportProgressRef = builder.objectRef<ImportProgress>('ImportProgress').implement({
  description: 'How far a batch’s commit has gone.',
  fields: (t) => ({
    status: t.field({
      type: ImportBatchStatusEnum,
      description: 'Where the batch is.',
      resolve: (p) => p.status,
    }),
    rowCount: t.exposeInt('rowCount', { description: 'Data rows in the file.' }),
    committedCount: t.exposeInt('committedCount', { description: 'Rows in so far.' }),
    refusedCount: t.exposeInt('refusedCount', { description: 'Rows refused so far.' }),
  }),
})

builder.subscriptionField('importBatchProgress', (t) =>
  t.field({
    type: ImportProgressRef,
    authScopes: { signedIn: true },
    description:
      'The batch’s progress now, then after each chunk of rows its commit writes, until it is committed.',
    args: { batch: t.arg.id({ required: true, description: 'The batch (global id).' }) },
    subscribe: async function* (_root, args, context) {
      const id = idOf(args.batch, 'ImportBatch', 'batch')
      const batch = await context.prisma.importBatch.findFirst({
        where: { id, AND: [readableImportBatchesWhere(context.viewer)] },
      })
      if (!batch) throw new NotFoundError('ImportBatch', args.batch)
      const events = context.pubsub.subscribe('tangtoc:importProgress', id)
      yield { batchId: id, ...batch }
      if (batch.status === 'COMMITTED') return
      for await (const progress of events) {
        yield progress
        if (progress.status === 'COMMITTED') return
      }
    },
    resolve: (progress) => progress,
  }),
)
