// What each export holds: `/exports/<what>.<format>` named, and the sheet of each for the viewer of a
// context as the URL's parameters filter it (the enrollment list's filters, a campaign's progress per
// center and product, a follow-up worklist). Rows are read in batches by cursor, as the sheet is written.
import { copyRows, Prisma, type Product, queryPrepared } from '@tangtoc/db'
import { labelOf } from '@tangtoc/shared'
import type { Context } from '../../context.ts'
import { identifiersShown, seesMasked } from '../people/visibility.ts'
import { type CampaignProgress, campaignProgress } from '../progress/progress.ts'
import { worklistSheet } from '../worklists/export.ts'
import type { CsvPage, CsvValue } from './csv.ts'
import {
  idsLiteral,
  idsParameter,
  pageJoins,
  pageOrder,
  readEnrollments,
  registeredLocalSql,
} from './enrollment-rows.ts'
import { dateParam, ExportRequestError, fileDay, findByReference, productParam } from './export-request.ts'
import { participantsSheet } from './participant-list.ts'
import {
  globalIdSql,
  isoDaySql,
  labelColumn,
  type SheetColumn,
  sheetRecordRowsSql,
  sheetRecordsSql,
  sheetValuesSql,
} from './sheet-sql.ts'
import type { SheetExport, SheetFormat } from './sheets.ts'

export const exportPaths = {
  enrollments: '/exports/enrollments.csv',
  enrollmentsXlsx: '/exports/enrollments.xlsx',
  progress: '/exports/progress.csv',
  progressXlsx: '/exports/progress.xlsx',
  worklist: '/exports/worklist.csv',
  worklistXlsx: '/exports/worklist.xlsx',
  participants: '/exports/participants.csv',
  participantsXlsx: '/exports/participants.xlsx',
} as const

type Exported = 'enrollments' | 'progress' | 'worklist' | 'participants'

/** `/exports/<what>.<format>`: which export and in which format. */
export function exportOf(pathname: string): { what: Exported; format: SheetFormat } | null {
  const match = /^\/exports\/(enrollments|progress|worklist|participants)\.(csv|xlsx)$/.exec(pathname)
  return match ? { what: match[1] as Exported, format: match[2] as SheetFormat } : null
}

const sql = Prisma.sql

/** The enrollment list's columns, each as the sheet shows it, over the page's joins (enrollment-rows.ts). */
const enrollmentColumns: readonly SheetColumn[] = [
  { header: 'Mã hồ sơ', kind: 'written', value: globalIdSql('Enrollment', sql`e.id`) },
  { header: 'Chiến dịch', kind: 'code', value: sql`ca.code` },
  { header: 'Mã đơn vị', kind: 'code', value: sql`ce.code` },
  { header: 'Đơn vị', kind: 'text', value: sql`ce.name` },
  labelColumn('Sản phẩm', 'Product', sql`e.product`),
  labelColumn('Trạng thái', 'EnrollmentStatus', sql`e.status`),
  { header: 'Họ và tên', kind: 'text', value: sql`p."fullName"` },
  { header: 'Số định danh cá nhân', kind: 'code', value: sql`p."citizenId"`, shown: 'citizenId' },
  { header: 'Ngày sinh', kind: 'written', value: isoDaySql(sql`p."dateOfBirth"`) },
  labelColumn('Giới tính', 'Sex', sql`p.sex`),
  { header: 'Số điện thoại', kind: 'code', value: sql`e.phone`, shown: 'phone' },
  { header: 'Địa chỉ', kind: 'text', value: sql`e.address` },
  { header: 'Phường/xã', kind: 'text', value: sql`w.name` },
  labelColumn('Nhóm đối tượng', 'AudienceGroup', sql`e."occupationGroup"`),
  { header: 'Số tháng đóng', kind: 'number', value: sql`e.months` },
  { header: 'Thu nhập tháng (đồng)', kind: 'number', value: sql`e."monthlyIncome"` },
  { header: 'Số tiền đóng (đồng)', kind: 'number', value: sql`e.gross` },
  { header: 'Hỗ trợ (đồng)', kind: 'number', value: sql`e.support` },
  { header: 'Số tiền phải nộp (đồng)', kind: 'number', value: sql`e.payable` },
  { header: 'Từ ngày', kind: 'written', value: isoDaySql(sql`e."periodStart"`) },
  { header: 'Đến ngày', kind: 'written', value: isoDaySql(sql`e."periodEnd"`) },
  labelColumn('Hình thức tuyên truyền', 'SessionKind', sql`s.kind`, 'Trực tiếp'),
  { header: 'Buổi tuyên truyền', kind: 'text', value: sql`s.title` },
  { header: 'Người đăng ký', kind: 'code', value: sql`u.username` },
  { header: 'Thời điểm đăng ký', kind: 'written', value: registeredLocalSql },
  { header: 'Ngày đăng ký', kind: 'written', value: isoDaySql(sql`e."registeredOn"`) },
]

/**
 * A page of the enrollment list's CSV records, written by the database (sheet-sql.ts): on PostgreSQL by
 * COPY, as bytes the API sends on without reading them; over PGlite as one text.
 */
async function enrollmentRecords(prisma: Context['prisma'], ids: string[]): Promise<CsvPage> {
  const copied = await copyRows(
    prisma,
    sheetRecordRowsSql(enrollmentColumns, pageJoins(idsLiteral(ids)), pageOrder),
  )
  if (copied) return { rows: copied.rows, records: copied.bytes }
  const [page] = await queryPrepared<{ rows: number; records: string | null }>(
    prisma,
    sheetRecordsSql(enrollmentColumns, pageJoins(idsParameter(ids)), pageOrder),
  )
  return { rows: page?.rows ?? 0, records: page?.records ?? '' }
}

/**
 * The enrollment list: its rows' values from the database (masked for a viewer here), and, for anyone
 * who sees identifiers as stored, its CSV records written by the database.
 */
async function enrollmentsSheet(context: Context, params: URLSearchParams): Promise<SheetExport> {
  const { campaign, rowCount, pages } = await readEnrollments(context, params)
  const prisma = context.prisma
  const shown = identifiersShown(context)
  const show = enrollmentColumns.map(
    ({ shown: identifier }) => identifier && ((value: CsvValue) => shown[identifier](value as string)),
  )
  async function* batches(): AsyncGenerator<CsvValue[][]> {
    const values = pages((ids) =>
      queryPrepared<Record<string, CsvValue>>(
        prisma,
        sheetValuesSql(enrollmentColumns, pageJoins(idsParameter(ids)), pageOrder),
      ),
    )
    for await (const rows of values) {
      yield rows.map((row) => Object.values(row).map((value, index) => show[index]?.(value) ?? value))
    }
  }
  async function* csvPages(): AsyncGenerator<CsvPage> {
    for await (const page of pages((ids) => enrollmentRecords(prisma, ids))) if (page.rows > 0) yield page
  }
  return {
    sheet: {
      name: 'Hồ sơ',
      header: enrollmentColumns.map((column) => column.header),
      batches: batches(),
      ...(seesMasked(context) ? {} : { csvPages: csvPages() }),
    },
    filename: `ho-so-${campaign?.code ?? 'tat-ca'}-${fileDay(campaign)}`,
    rowCount,
  }
}

const progressHeader = ['Hạng', 'Mã đơn vị', 'Đơn vị', 'Sản phẩm', 'Đã tham gia', 'Chỉ tiêu', 'Tỷ lệ (%)']

async function progressSheet(context: Context, params: URLSearchParams): Promise<SheetExport> {
  const campaignRef = params.get('campaign')
  if (!campaignRef) throw new ExportRequestError(400, 'Name the campaign: ?campaign=<id or code>.')
  const campaign = await findByReference(context, 'Campaign', campaignRef)
  const centerRef = params.get('center')
  const center = centerRef ? await findByReference(context, 'Center', centerRef) : null
  const viewer = context.viewer
  if (!viewer) throw new ExportRequestError(401, 'Sign in.')
  const progress = await campaignProgress(context, viewer, {
    campaignId: campaign.id,
    centerId: center?.id,
    product: productParam(params),
    from: dateParam(params, 'from'),
    to: dateParam(params, 'to'),
  })
  if (!progress) throw new ExportRequestError(404, `Campaign ${campaignRef} was not found.`)
  const rows = progressRows(progress)
  async function* once() {
    yield rows
  }
  return {
    sheet: { name: 'Tiến độ', header: progressHeader, batches: once() },
    filename: `tien-do-${campaign.code}-${progress.asOf}`,
    rowCount: rows.length,
  }
}

const productName = (product: Product) => labelOf('Product', product, 'vi')

/** The progress sheet's rows: the totals, then each center ranked, overall and per product. */
function progressRows(progress: CampaignProgress): CsvValue[][] {
  const allProducts = progress.product ? productName(progress.product) : 'Tất cả'
  return [
    [null, null, 'Tổng', allProducts, progress.enrolled, progress.target, progress.percent],
    ...progress.products.map((row) => [
      null,
      null,
      'Tổng',
      productName(row.product),
      row.enrolled,
      row.target,
      row.percent,
    ]),
    ...progress.centers.flatMap((row) => [
      [row.rank, row.center.code, row.center.name, allProducts, row.enrolled, row.target, row.percent],
      ...row.products.map((each) => [
        row.rank,
        row.center.code,
        row.center.name,
        productName(each.product),
        each.enrolled,
        each.target,
        each.percent,
      ]),
    ]),
  ]
}

/** Each export's sheet for the viewer of the context, as the parameters filter it. */
export const sheets = {
  enrollments: enrollmentsSheet,
  progress: progressSheet,
  worklist: worklistSheet,
  participants: participantsSheet,
} satisfies Record<Exported, (context: Context, params: URLSearchParams) => Promise<SheetExport>>
