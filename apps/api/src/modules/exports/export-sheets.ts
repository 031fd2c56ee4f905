// What each export holds: `/exports/<what>.<format>` named, and the sheet of each for the viewer of a
// context as the URL's parameters filter it (the enrollment list's filters, a campaign's progress per
// center and product, a follow-up worklist). Rows are read in batches by cursor, as the sheet is written.
import { encodeGlobalID } from '@pothos/plugin-relay'
import {
  type AudienceGroup,
  type Continuity,
  type EnrollmentStatus,
  Prisma,
  type Product,
  queryPrepared,
  type SessionKind,
  type Sex,
} from '@tangtoc/db'
import { labelOf, localDateInZone, maskCitizenId, maskPhone } from '@tangtoc/shared'
import type { Context } from '../../context.ts'
import { enrollmentFilter } from '../enrollments/enrollment.ts'
import { campaignProgress } from '../progress/progress.ts'
import { worklistSheet } from '../worklists/export.ts'
import type { CsvValue } from './csv.ts'
import { dateParam, ExportRequestError, findByReference, productParam } from './export-request.ts'
import type { SheetExport, SheetFormat } from './sheets.ts'

export const exportPaths = {
  enrollments: '/exports/enrollments.csv',
  enrollmentsXlsx: '/exports/enrollments.xlsx',
  progress: '/exports/progress.csv',
  progressXlsx: '/exports/progress.xlsx',
  worklist: '/exports/worklist.csv',
  worklistXlsx: '/exports/worklist.xlsx',
} as const

type Exported = 'enrollments' | 'progress' | 'worklist'

/** `/exports/<what>.<format>`: which export and in which format. */
export function exportOf(pathname: string): { what: Exported; format: SheetFormat } | null {
  const match = /^\/exports\/(enrollments|progress|worklist)\.(csv|xlsx)$/.exec(pathname)
  return match ? { what: match[1] as Exported, format: match[2] as SheetFormat } : null
}

const batchSize = 5_000
const statuses: readonly EnrollmentStatus[] = [
  'DRAFT',
  'SUBMITTED',
  'PAID',
  'ACTIVE',
  'REJECTED',
  'CANCELLED',
]

const enrollmentHeader = [
  'Mã hồ sơ',
  'Chiến dịch',
  'Mã đơn vị',
  'Đơn vị',
  'Sản phẩm',
  'Trạng thái',
  'Họ và tên',
  'Số định danh cá nhân',
  'Ngày sinh',
  'Giới tính',
  'Số điện thoại',
  'Địa chỉ',
  'Phường/xã',
  'Nhóm đối tượng',
  'Số tháng đóng',
  'Thu nhập tháng (đồng)',
  'Số tiền đóng (đồng)',
  'Hỗ trợ (đồng)',
  'Số tiền phải nộp (đồng)',
  'Từ ngày',
  'Đến ngày',
  'Hình thức tuyên truyền',
  'Buổi tuyên truyền',
  'Người đăng ký',
  'Thời điểm đăng ký',
  'Ngày đăng ký',
]

/**
 * An enrollment's row as the export reads it: one statement with its joins, no per-row objects beyond
 * the driver's. Dates come as the text the sheet writes (ISO days; the registration's local date and
 * time in the campaign's zone), so that no row parses or formats a date in JavaScript.
 */
type EnrollmentRow = {
  id: string
  product: Product
  status: EnrollmentStatus
  months: number
  monthlyIncome: number | null
  gross: number
  support: number
  payable: number
  periodStart: string
  periodEnd: string
  registeredAt: string
  registeredOn: string
  campaignCode: string
  centerCode: string
  centerName: string
  sessionKind: SessionKind | null
  sessionTitle: string | null
  username: string
  fullName: string
  citizenId: string
  dateOfBirth: string
  sex: Sex
  // Each enrollment's own contact details: what its center was given, never another center's.
  phone: string | null
  address: string | null
  audience: AudienceGroup | null
  wardName: string | null
}

/**
 * The rows of these enrollments, in the list's order (latest registration first). `registeredAt` is
 * stored as UTC without a zone; "2025-11-04 23:30:00" is its local date and time in the campaign's zone,
 * what a spreadsheet reads as one.
 */
function enrollmentRows(ids: readonly string[]) {
  return Prisma.sql`
    SELECT e.id, e.product::text, e.status::text, e.months, e."monthlyIncome", e.gross, e.support, e.payable,
           to_char(e."periodStart", 'YYYY-MM-DD') AS "periodStart",
           to_char(e."periodEnd", 'YYYY-MM-DD') AS "periodEnd",
           to_char(e."registeredAt" AT TIME ZONE 'UTC' AT TIME ZONE ca."timeZone", 'YYYY-MM-DD HH24:MI:SS')
             AS "registeredAt",
           to_char(e."registeredOn", 'YYYY-MM-DD') AS "registeredOn",
           ca.code AS "campaignCode", ce.code AS "centerCode", ce.name AS "centerName",
           s.kind::text AS "sessionKind", s.title AS "sessionTitle", u.username,
           p."fullName", p."citizenId", to_char(p."dateOfBirth", 'YYYY-MM-DD') AS "dateOfBirth", p.sex::text,
           e.phone, e.address, e.audience::text, w.name AS "wardName"
      FROM "Enrollment" e
      JOIN "Campaign" ca ON ca.id = e."campaignId"
      JOIN "Center" ce ON ce.id = e."centerId"
      JOIN "Person" p ON p.id = e."personId"
      JOIN "User" u ON u.id = e."registeredById"
      LEFT JOIN "OutreachSession" s ON s.id = e."sessionId"
      LEFT JOIN "Ward" w ON w.code = e."wardCode"
     WHERE e.id = ANY(${ids}::uuid[])
     ORDER BY e."registeredAt" DESC, e.id DESC`
}

async function enrollmentsSheet(context: Context, params: URLSearchParams): Promise<SheetExport> {
  const campaignRef = params.get('campaign')
  const campaign = campaignRef ? await findByReference(context, 'Campaign', campaignRef) : null
  const centerRef = params.get('center')
  const center = centerRef ? await findByReference(context, 'Center', centerRef) : null
  const status = params
    .getAll('status')
    .flatMap((value) => value.split(','))
    .filter(Boolean)
  for (const value of status) {
    if (!statuses.includes(value as EnrollmentStatus))
      throw new ExportRequestError(400, `Unknown status ${value}.`)
  }
  const continuity = params
    .getAll('continuity')
    .flatMap((value) => value.split(','))
    .filter(Boolean)
  for (const value of continuity) {
    if (value !== 'NEW' && value !== 'CONTINUING')
      throw new ExportRequestError(400, `Unknown continuity ${value}: NEW or CONTINUING.`)
  }
  const where = await enrollmentFilter(
    {
      campaign: campaign ? encodeGlobalID('Campaign', campaign.id) : undefined,
      center: center ? encodeGlobalID('Center', center.id) : undefined,
      product: productParam(params),
      status: status.length > 0 ? (status as EnrollmentStatus[]) : undefined,
      registeredFrom: dateParam(params, 'from'),
      registeredTo: dateParam(params, 'to'),
      countedFrom: dateParam(params, 'countedFrom'),
      countedTo: dateParam(params, 'countedTo'),
      continuity: continuity.length > 0 ? (continuity as Continuity[]) : undefined,
      session: params.get('session'),
      search: params.get('search'),
    },
    context,
  )
  const masked = context.viewer?.role === 'VIEWER'
  const prisma = context.prisma
  const rowCount = await prisma.enrollment.count({ where })

  const row = (each: EnrollmentRow): CsvValue[] => [
    encodeGlobalID('Enrollment', each.id),
    each.campaignCode,
    each.centerCode,
    each.centerName,
    labelOf('Product', each.product, 'vi'),
    labelOf('EnrollmentStatus', each.status, 'vi'),
    each.fullName,
    masked ? maskCitizenId(each.citizenId) : each.citizenId,
    each.dateOfBirth,
    labelOf('Sex', each.sex, 'vi'),
    each.phone && (masked ? maskPhone(each.phone) : each.phone),
    each.address,
    each.wardName,
    each.audience && labelOf('AudienceGroup', each.audience, 'vi'),
    each.months,
    each.monthlyIncome,
    each.gross,
    each.support,
    each.payable,
    each.periodStart,
    each.periodEnd,
    each.sessionKind ? labelOf('SessionKind', each.sessionKind, 'vi') : 'Trực tiếp',
    each.sessionTitle,
    each.username,
    each.registeredAt,
    each.registeredOn,
  ]

  // A page of the filter's ids by the list's own query (its index, its scope), then their rows in one
  // statement. The next page's ids are asked for as soon as this page's are known, not after its rows,
  // and its rows are read while this page is written: at most three pages are held.
  const idsAfter = async (cursor: string | undefined): Promise<string[]> => {
    const found = await prisma.enrollment.findMany({
      where,
      select: { id: true },
      orderBy: [{ registeredAt: 'desc' }, { id: 'desc' }],
      take: batchSize,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    })
    return found.map((each) => each.id)
  }
  // A download cancelled before a page is awaited leaves it unread, not unhandled.
  const unawaited = <T>(read: Promise<T>) => {
    read.catch(() => {})
    return read
  }
  type Page = { ids: string[]; rows: Promise<EnrollmentRow[]> }
  const pageAfter = async (cursor: string | undefined): Promise<Page> => {
    const ids = await idsAfter(cursor)
    const rows = ids.length > 0 ? queryPrepared<EnrollmentRow>(prisma, enrollmentRows(ids)) : []
    return { ids, rows: unawaited(Promise.resolve(rows)) }
  }
  async function* batches(): AsyncGenerator<CsvValue[][]> {
    let next: Promise<Page> | undefined = unawaited(pageAfter(undefined))
    while (next) {
      const { ids, rows }: Page = await next
      next = ids.length === batchSize ? unawaited(pageAfter(ids.at(-1))) : undefined
      const read = await rows
      if (read.length > 0) yield read.map(row)
    }
  }

  const today = localDateInZone(new Date())
  return {
    sheet: { name: 'Hồ sơ', header: enrollmentHeader, batches: batches() },
    filename: `ho-so-${campaign?.code ?? 'tat-ca'}-${today}`,
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
  const productName = (product: Product) => labelOf('Product', product, 'vi')
  const rows: CsvValue[][] = [
    [
      null,
      null,
      'Tổng',
      progress.product ? productName(progress.product) : 'Tất cả',
      progress.enrolled,
      progress.target,
      progress.percent,
    ],
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
      [
        row.rank,
        row.center.code,
        row.center.name,
        progress.product ? productName(progress.product) : 'Tất cả',
        row.enrolled,
        row.target,
        row.percent,
      ],
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
  async function* once() {
    yield rows
  }
  return {
    sheet: { name: 'Tiến độ', header: progressHeader, batches: once() },
    filename: `tien-do-${campaign.code}-${progress.asOf}`,
    rowCount: rows.length,
  }
}

/** Each export's sheet for the viewer of the context, as the parameters filter it. */
export const sheets = {
  enrollments: enrollmentsSheet,
  progress: progressSheet,
  worklist: worklistSheet,
} satisfies Record<Exported, (context: Context, params: URLSearchParams) => Promise<SheetExport>>
