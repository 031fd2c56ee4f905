// What each export holds: `/exports/<what>.<format>` named, and the sheet of each for the viewer of a
// context as the URL's parameters filter it (the enrollment list's filters, a campaign's progress per
// center and product, a follow-up worklist). Rows are read in batches by cursor, as the sheet is written.
import { encodeGlobalID } from '@pothos/plugin-relay'
import type { Product } from '@tangtoc/db'
import { labelOf, localDateInZone } from '@tangtoc/shared'
import type { Context } from '../../context.ts'
import { identifiersShown } from '../people/visibility.ts'
import { type CampaignProgress, campaignProgress } from '../progress/progress.ts'
import { worklistSheet } from '../worklists/export.ts'
import type { CsvValue } from './csv.ts'
import { type EnrollmentRow, readEnrollments } from './enrollment-rows.ts'
import { dateParam, ExportRequestError, findByReference, productParam } from './export-request.ts'
import { participantsSheet } from './participant-list.ts'
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

async function enrollmentsSheet(context: Context, params: URLSearchParams): Promise<SheetExport> {
  const { campaign, rowCount, batches } = await readEnrollments(context, params)
  const shown = identifiersShown(context)
  const row = (each: EnrollmentRow): CsvValue[] => [
    encodeGlobalID('Enrollment', each.id),
    each.campaignCode,
    each.centerCode,
    each.centerName,
    labelOf('Product', each.product, 'vi'),
    labelOf('EnrollmentStatus', each.status, 'vi'),
    each.fullName,
    shown.citizenId(each.citizenId),
    each.dateOfBirth,
    labelOf('Sex', each.sex, 'vi'),
    shown.phone(each.phone),
    each.address,
    each.wardName,
    each.occupationGroup && labelOf('AudienceGroup', each.occupationGroup, 'vi'),
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
  async function* sheetRows(): AsyncGenerator<CsvValue[][]> {
    for await (const rows of batches) yield rows.map(row)
  }
  const today = localDateInZone(new Date())
  return {
    sheet: { name: 'Hồ sơ', header: enrollmentHeader, batches: sheetRows() },
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
