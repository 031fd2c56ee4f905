// Spreadsheet exports for people and integrators, as CSV or XLSX: `GET /exports/enrollments.csv|.xlsx`
// (the enrollment list's filters), `GET /exports/progress.csv|.xlsx` (a campaign's progress per
// center and product) and `GET /exports/worklist.csv|.xlsx` (a follow-up worklist, worklists/export.ts). Same
// credentials (session cookie or bearer token) and the same access rules as the GraphQL API; a viewer's
// export has citizen IDs and phones masked. Rows are read in batches by cursor and written as they come.
// Every export is in the audit log before its first byte: who, with which filter, how many rows.
import { encodeGlobalID } from '@pothos/plugin-relay'
import type { Continuity, EnrollmentStatus, Prisma, PrismaClient, Product } from '@tangtoc/db'
import {
  dateTimeFormat,
  labelOf,
  localDateInZone,
  maskCitizenId,
  maskPhone,
  toIsoDate,
} from '@tangtoc/shared'
import type { Plugin } from 'graphql-yoga'
import type { InstanceCaches } from '../../caches.ts'
import type { ServerContext } from '../../client.ts'
import { holdsNul } from '../../client-input.ts'
import { type Context, createRequestContext } from '../../context.ts'
import { UserError } from '../../errors.ts'
import type { Logger } from '../../logger.ts'
import type { ApiPubSub } from '../../pubsub.ts'
import { type ReplicaRoute, readsPrimary } from '../../replica.ts'
import { requestIdsOf } from '../../request-id.ts'
import type { SecuritySettings } from '../../settings.ts'
import { enrollmentFilter } from '../enrollments/enrollment.ts'
import { campaignProgress } from '../progress/progress.ts'
import { worklistSheet } from '../worklists/export.ts'
import type { CsvValue } from './csv.ts'
import {
  dateParam,
  ExportRequestError,
  findByReference,
  productParam,
  recordExport,
} from './export-request.ts'
import { type Sheet, type SheetFormat, sheetFormats, sheetStream } from './sheets.ts'

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
function exportOf(pathname: string): { what: Exported; format: SheetFormat } | null {
  const match = /^\/exports\/(enrollments|progress|worklist)\.(csv|xlsx)$/.exec(pathname)
  return match ? { what: match[1] as Exported, format: match[2] as SheetFormat } : null
}

const batchSize = 1_000
const statuses: readonly EnrollmentStatus[] = [
  'DRAFT',
  'SUBMITTED',
  'PAID',
  'ACTIVE',
  'REJECTED',
  'CANCELLED',
]

/** Serves the CSV exports from the Yoga app, after the cookie plugin (it reads the session cookie). */
export function useExports({
  prisma,
  replica,
  pubsub,
  caches,
  settings,
  logger,
}: {
  prisma: PrismaClient
  /** Where the sheets are read from when the request need not see its own latest writes. */
  replica?: ReplicaRoute | undefined
  pubsub: ApiPubSub
  caches: InstanceCaches
  settings: SecuritySettings
  logger: Logger
}): Plugin<Record<string, unknown>, ServerContext> {
  return {
    async onRequest({ request, url, endResponse, fetchAPI, serverContext }) {
      const requested = exportOf(url.pathname)
      if (!requested) return
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
        const lagging = replica?.available()
        if (lagging && !readsPrimary(request)) context.prisma = lagging
        const exported = await sheets[requested.what](context, url.pathname, url.searchParams)
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

const enrollmentSelect = {
  id: true,
  product: true,
  status: true,
  months: true,
  monthlyIncome: true,
  gross: true,
  support: true,
  payable: true,
  periodStart: true,
  periodEnd: true,
  registeredAt: true,
  registeredOn: true,
  campaign: { select: { code: true, timeZone: true } },
  center: { select: { code: true, name: true } },
  session: { select: { title: true, kind: true } },
  registeredBy: { select: { username: true } },
  person: { select: { fullName: true, citizenId: true, dateOfBirth: true, sex: true } },
  // Each enrollment's own contact details: what its center was given, never another center's.
  phone: true,
  address: true,
  audience: true,
  ward: { select: { name: true } },
} satisfies Prisma.EnrollmentSelect

async function enrollmentsSheet(context: Context, path: string, params: URLSearchParams) {
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
  await recordExport(context, path, params, await prisma.enrollment.count({ where }))

  async function* batches(): AsyncGenerator<CsvValue[][]> {
    let cursor: string | undefined
    for (;;) {
      const rows = await prisma.enrollment.findMany({
        where,
        select: enrollmentSelect,
        orderBy: [{ registeredAt: 'desc' }, { id: 'desc' }],
        take: batchSize,
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      })
      if (rows.length === 0) return
      yield rows.map((row) => [
        encodeGlobalID('Enrollment', row.id),
        row.campaign.code,
        row.center.code,
        row.center.name,
        labelOf('Product', row.product, 'vi'),
        labelOf('EnrollmentStatus', row.status, 'vi'),
        row.person.fullName,
        masked ? maskCitizenId(row.person.citizenId) : row.person.citizenId,
        toIsoDate(row.person.dateOfBirth),
        labelOf('Sex', row.person.sex, 'vi'),
        row.phone && (masked ? maskPhone(row.phone) : row.phone),
        row.address,
        row.ward?.name,
        row.audience && labelOf('AudienceGroup', row.audience, 'vi'),
        row.months,
        row.monthlyIncome,
        row.gross,
        row.support,
        row.payable,
        toIsoDate(row.periodStart),
        toIsoDate(row.periodEnd),
        row.session ? labelOf('SessionKind', row.session.kind, 'vi') : 'Trực tiếp',
        row.session?.title,
        row.registeredBy.username,
        localDateTime(row.registeredAt, row.campaign.timeZone),
        toIsoDate(row.registeredOn),
      ])
      if (rows.length < batchSize) return
      cursor = rows.at(-1)?.id
    }
  }

  const today = localDateInZone(new Date())
  return {
    sheet: { name: 'Hồ sơ', header: enrollmentHeader, batches: batches() },
    filename: `ho-so-${campaign?.code ?? 'tat-ca'}-${today}`,
  }
}

/** "2025-11-04 23:30:00" in the time zone: what a spreadsheet reads as a local date and time. */
function localDateTime(instant: Date, timeZone: string): string {
  return dateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(instant)
}

const progressHeader = ['Hạng', 'Mã đơn vị', 'Đơn vị', 'Sản phẩm', 'Đã tham gia', 'Chỉ tiêu', 'Tỷ lệ (%)']

async function progressSheet(context: Context, path: string, params: URLSearchParams) {
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
  await recordExport(context, path, params, rows.length)
  async function* once() {
    yield rows
  }
  return {
    sheet: { name: 'Tiến độ', header: progressHeader, batches: once() },
    filename: `tien-do-${campaign.code}-${progress.asOf}`,
  }
}

const sheets = {
  enrollments: enrollmentsSheet,
  progress: progressSheet,
  worklist: worklistSheet,
} satisfies Record<
  Exported,
  (context: Context, path: string, params: URLSearchParams) => Promise<{ sheet: Sheet; filename: string }>
>
