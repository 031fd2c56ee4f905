// The enrollments an export reads: the enrollment list's filters from the URL's parameters (its scope,
// its order), each page's rows in one prepared statement with its joins, the dates as the text a sheet
// writes. The enrollment list's export and the participant lists Social Insurance receives both map these
// rows to their columns.
import { encodeGlobalID } from '@pothos/plugin-relay'
import {
  type AudienceGroup,
  type EnrollmentStatus,
  Prisma,
  type Product,
  queryPrepared,
  type SessionKind,
  type Sex,
} from '@tangtoc/db'
import { continuities, enrollmentStatuses } from '@tangtoc/shared'
import type { Context } from '../../context.ts'
import { enrollmentFilter } from '../enrollments/enrollment.ts'
import { dateParam, findByReference, listParam, productParam } from './export-request.ts'

const batchSize = 5_000

/**
 * An enrollment's row as the export reads it: one statement with its joins, no per-row objects beyond
 * the driver's. Dates come as the text the sheet writes (ISO days; the registration's local date and
 * time in the campaign's zone), so that no row parses or formats a date in JavaScript.
 */
export type EnrollmentRow = {
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
  occupationGroup: AudienceGroup | null
  wardName: string | null
  socialInsuranceNumber: string | null
  /** The member's place in the household's pricing (1 the first); null for a person alone. */
  householdPosition: number | null
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
           e.phone, e.address, e."occupationGroup"::text, w.name AS "wardName",
           e."socialInsuranceNumber", e."householdPosition"
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

/**
 * The enrollments the parameters select for the context's viewer: how many, the campaign named, and
 * their rows page by page.
 */
export async function readEnrollments(context: Context, params: URLSearchParams) {
  const { campaign, where } = await enrollmentWhere(context, params)
  const rowCount = await context.prisma.enrollment.count({ where })
  return { campaign, rowCount, batches: enrollmentBatches(context.prisma, where) }
}

/** The enrollment list's filter the parameters give, and the campaign they name. */
async function enrollmentWhere(context: Context, params: URLSearchParams) {
  const campaignRef = params.get('campaign')
  const campaign = campaignRef ? await findByReference(context, 'Campaign', campaignRef) : null
  const centerRef = params.get('center')
  const center = centerRef ? await findByReference(context, 'Center', centerRef) : null
  const where = await enrollmentFilter(
    {
      campaign: campaign ? encodeGlobalID('Campaign', campaign.id) : undefined,
      center: center ? encodeGlobalID('Center', center.id) : undefined,
      product: productParam(params),
      status: listParam(params, 'status', enrollmentStatuses, (value) => `Unknown status ${value}.`),
      registeredFrom: dateParam(params, 'from'),
      registeredTo: dateParam(params, 'to'),
      countedFrom: dateParam(params, 'countedFrom'),
      countedTo: dateParam(params, 'countedTo'),
      continuity: listParam(
        params,
        'continuity',
        continuities,
        (value) => `Unknown continuity ${value}: NEW or CONTINUING.`,
      ),
      session: params.get('session'),
      search: params.get('search'),
    },
    context,
  )
  return { campaign, where }
}

type Page = { ids: string[]; rows: Promise<EnrollmentRow[]> }

/**
 * The filter's rows, a page at a time: a page of ids by the list's own query (its index, its scope),
 * then their rows in one statement. The next page's ids are asked for as soon as this page's are
 * known, not after its rows, and its rows are read while this page is written: at most three pages
 * are held.
 */
async function* enrollmentBatches(
  prisma: Context['prisma'],
  where: Prisma.EnrollmentWhereInput,
): AsyncGenerator<EnrollmentRow[]> {
  const pageAfter = async (cursor: string | undefined): Promise<Page> => {
    const found = await prisma.enrollment.findMany({
      where,
      select: { id: true },
      orderBy: [{ registeredAt: 'desc' }, { id: 'desc' }],
      take: batchSize,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    })
    const ids = found.map((each) => each.id)
    const rows = ids.length > 0 ? queryPrepared<EnrollmentRow>(prisma, enrollmentRows(ids)) : []
    return { ids, rows: unawaited(Promise.resolve(rows)) }
  }
  let next: Promise<Page> | undefined = unawaited(pageAfter(undefined))
  while (next) {
    const { ids, rows }: Page = await next
    next = ids.length === batchSize ? unawaited(pageAfter(ids.at(-1))) : undefined
    const read = await rows
    if (read.length > 0) yield read
  }
}

/** A download cancelled before a page is awaited leaves it unread, not unhandled. */
function unawaited<T>(read: Promise<T>): Promise<T> {
  read.catch(() => {})
  return read
}
