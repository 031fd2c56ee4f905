// A worklist as a spreadsheet: `GET /exports/worklist.csv|.xlsx?list=EXPIRING`, with the GraphQL
// query's arguments as parameters (days, on, center, assignedTo, assignedToMe, ward, product). The
// same entries, scope and masking as `worklist`, in due-date order, read 1,000 entries at a time,
// with the reminder text filled in so that a call script can be printed from it.
import { encodeGlobalID } from '@pothos/plugin-relay'
import { type DueRange, labelOf, localDateInZone, toIsoDate, type Worklist, worklists } from '@tangtoc/shared'
import type { Context, Viewer } from '../../context.ts'
import type { CsvValue } from '../exports/csv.ts'
import { dateParam, ExportRequestError, findByReference, productParam } from '../exports/export-request.ts'
import type { SheetExport } from '../exports/sheets.ts'
import { shownPhone } from '../people/visibility.ts'
import {
  countEntries,
  readEntries,
  reasonOf,
  reminderTextOf,
  subjectOf,
  type WorklistEntryShape,
  worklistRange,
  worklistScope,
} from './worklist.ts'
import type { EntryKey, WorklistScope } from './worklist-query.ts'

const batchSize = 1_000

const header = [
  'Danh sách',
  'Hạn',
  'Lý do',
  'Họ và tên',
  'Số điện thoại',
  'Sản phẩm',
  'Mã đơn vị',
  'Đơn vị',
  'Số tiền lần trước (đồng)',
  'Người phụ trách',
  'Liên hệ gần nhất',
  'Kết quả',
  'Hẹn đóng ngày',
  'Đã nhắc lúc',
  'Nội dung nhắc',
  'Mã hồ sơ',
]

function listParam(params: URLSearchParams): Worklist {
  const value = params.get('list')
  if (!value) throw new ExportRequestError(400, `Name the list: ?list=${worklists.join('|')}.`)
  if (!worklists.includes(value as Worklist)) throw new ExportRequestError(400, `Unknown list ${value}.`)
  return value as Worklist
}

function daysParam(params: URLSearchParams): number | null {
  const value = params.get('days')
  if (!value) return null
  if (!/^\d+$/.test(value)) throw new ExportRequestError(400, 'days must be a whole number of days.')
  return Number(value)
}

export async function worklistSheet(context: Context, params: URLSearchParams): Promise<SheetExport> {
  const viewer = context.viewer
  if (!viewer) throw new ExportRequestError(401, 'Sign in.')
  const list = listParam(params)
  const on = dateParam(params, 'on')
  const range = worklistRange(list, on, daysParam(params))
  const scope = await scopeParams(params, viewer, context)
  const counted = scope ? await countEntries(list, range, scope, context) : 0
  const row = await rowOfEntry(context)
  const today = localDateInZone(new Date())
  return {
    sheet: {
      name: labelOf('Worklist', list, 'vi').slice(0, 31),
      header,
      batches: entryBatches(list, range, scope, context, row),
    },
    filename: `danh-sach-${list.toLowerCase().replaceAll('_', '-')}-${on ?? today}`,
    rowCount: counted,
  }
}

/** The worklist's scope from the parameters (center, assignedTo, assignedToMe, ward, product); null: none readable. */
async function scopeParams(params: URLSearchParams, viewer: Viewer, context: Context) {
  const centerRef = params.get('center')
  const center = centerRef ? await findByReference(context, 'Center', centerRef) : null
  return worklistScope(
    {
      center: center ? encodeGlobalID('Center', center.id) : null,
      assignedTo: params.get('assignedTo'),
      assignedToMe: params.get('assignedToMe') === 'true',
      wardCode: params.get('ward'),
      product: productParam(params),
    },
    viewer,
    context,
  )
}

/** An entry's row in the sheet's columns (header), its center named from the centers read once. */
async function rowOfEntry(context: Context) {
  const centers = new Map(
    (await context.prisma.center.findMany({ select: { id: true, code: true, name: true } })).map((row) => [
      row.id,
      row,
    ]),
  )
  return (entry: WorklistEntryShape): CsvValue[] => {
    const subject = subjectOf(entry)
    const at = centers.get(subject.centerId)
    const last = subject.lastFollowUp
    const products = entry.enrollment ? [entry.enrollment.product] : (entry.lead?.products ?? [])
    return [
      labelOf('Worklist', entry.list, 'vi'),
      entry.due,
      reasonOf(entry.list, entry.due).vi,
      entry.enrollment?.person.fullName ?? entry.lead?.fullName,
      shownPhone(context, subject.phone),
      products.map((product) => labelOf('Product', product, 'vi')).join(', '),
      at?.code,
      at?.name,
      entry.enrollment?.payable,
      subject.assignedTo?.username,
      last ? localDateInZone(last.at) : null,
      last ? labelOf('FollowUpOutcome', last.outcome, 'vi') : null,
      subject.promisedOn ? toIsoDate(subject.promisedOn) : null,
      subject.remindedAt ? localDateInZone(subject.remindedAt) : null,
      reminderTextOf(entry),
      entry.enrollment
        ? encodeGlobalID('Enrollment', entry.enrollment.id)
        : encodeGlobalID('Lead', subject.id),
    ]
  }
}

/** The entries in due-date order, `batchSize` at a time, as rows; none without a scope. */
async function* entryBatches(
  list: Worklist,
  range: DueRange,
  scope: WorklistScope | null,
  context: Context,
  row: (entry: WorklistEntryShape) => CsvValue[],
): AsyncGenerator<CsvValue[][]> {
  if (!scope) return
  let after: EntryKey | null = null
  for (;;) {
    const page = await readEntries(list, range, scope, { take: batchSize, after }, context)
    if (page.length === 0) return
    yield page.map(row)
    if (page.length < batchSize) return
    const last = page.at(-1)
    after = last ? { due: last.due, id: subjectOf(last).id } : null
  }
}
