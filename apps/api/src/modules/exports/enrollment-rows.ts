// The enrollments an export reads: the enrollment list's filters from the URL's parameters (its scope,
// its order), each page's rows in one prepared statement with its joins, the dates as the text a sheet
// writes. The participant lists Social Insurance receives map these rows to their columns; the
// enrollment list's export reads each page with its own statement over the same joins (its columns as
// SQL, sheet-sql.ts).
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
import { uuidPattern } from '../../global-id.ts'
import { enrollmentFilter } from '../enrollments/enrollment.ts'
import { dateParam, findByReference, listParam, productParam } from './export-request.ts'

/**
 * A page's enrollments. Each page costs a plan of its records statement (13–15 ms of PostgreSQL's CPU
 * with the CSV rules' expressions) and an id query: 10,000 a page made a CSV export of 366,000 rows
 * 2.5–2.6× COPY where 5,000 made it 2.6–2.9× (docs/benchmarks.md), for some 30 MB more at an XLSX
 * export's peak.
 */
const batchSize = 10_000

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
 * The rows of these enrollments, in the order of `ids` (the list's: latest registration first).
 * `registeredAt` is stored as UTC without a zone; "2025-11-04 23:30:00" is its local date and time in
 * the campaign's zone, what a spreadsheet reads as one. The page's ids drive the joins: each row's
 * enrollment and person are found by primary key, and the ids' order is kept rather than sorted again.
 * Given `e.id = ANY(ids)` instead, the statement's first five plans (custom plans, which see the 5,000
 * ids) hashed the page and read the whole Person table in parallel workers: 450–530 ms a page at
 * 366,000 people, against 190–350 ms by key.
 */
function enrollmentRows(ids: readonly string[]) {
  return Prisma.sql`
    SELECT e.id, e.product::text, e.status::text, e.months, e."monthlyIncome", e.gross, e.support, e.payable,
           to_char(e."periodStart", 'YYYY-MM-DD') AS "periodStart",
           to_char(e."periodEnd", 'YYYY-MM-DD') AS "periodEnd",
           ${registeredLocalSql} AS "registeredAt",
           to_char(e."registeredOn", 'YYYY-MM-DD') AS "registeredOn",
           ca.code AS "campaignCode", ce.code AS "centerCode", ce.name AS "centerName",
           s.kind::text AS "sessionKind", s.title AS "sessionTitle", u.username,
           p."fullName", p."citizenId", to_char(p."dateOfBirth", 'YYYY-MM-DD') AS "dateOfBirth", p.sex::text,
           e.phone, e.address, e."occupationGroup"::text, w.name AS "wardName",
           e."socialInsuranceNumber", e."householdPosition"
      FROM ${pageJoins(idsParameter(ids))}
     ORDER BY ${pageOrder}`
}

/** A page's ids as the statement's parameter. */
export const idsParameter = (ids: readonly string[]) => Prisma.sql`${ids}::uuid[]`

/**
 * A page's ids written into the statement, for COPY, which takes no parameters (each checked a UUID).
 * Given as a subquery's value, so that the planner does not count them, as it does not count a
 * parameter's: it finds each row by key in the page's order, as the prepared statement's plan does.
 * Counting 5,000 ids of a 50,000-enrollment database, it hashed whole tables in parallel workers
 * instead (150 ms a page against 65 ms).
 */
export function idsLiteral(ids: readonly string[]): Prisma.Sql {
  const wrong = ids.find((id) => !uuidPattern.test(id))
  if (wrong !== undefined) throw new Error(`Not an enrollment id: ${JSON.stringify(wrong)}.`)
  return Prisma.raw(`(SELECT '{${ids.join(',')}}'::uuid[])`)
}

/**
 * The page's enrollments (`e`) with their campaign (`ca`), center (`ce`), person (`p`), registering
 * user (`u`), session (`s`) and ward (`w`), each found by key, and their place in the page
 * (`page.position`, the order of `ids`, an array of uuids: idsParameter or idsLiteral).
 */
export function pageJoins(ids: Prisma.Sql) {
  return Prisma.sql`unnest(${ids}) WITH ORDINALITY page(id, position)
      JOIN "Enrollment" e ON e.id = page.id
      JOIN "Campaign" ca ON ca.id = e."campaignId"
      JOIN "Center" ce ON ce.id = e."centerId"
      JOIN "Person" p ON p.id = e."personId"
      JOIN "User" u ON u.id = e."registeredById"
      LEFT JOIN "OutreachSession" s ON s.id = e."sessionId"
      LEFT JOIN "Ward" w ON w.code = e."wardCode"`
}

/** The order of a page's rows: its ids'. */
export const pageOrder = Prisma.sql`page.position`

/**
 * A registration's local date and time in the campaign's zone ("2025-11-04 23:30:00", what a
 * spreadsheet reads as one): `registeredAt` is stored as UTC without a zone.
 */
export const registeredLocalSql = Prisma.sql`to_char(e."registeredAt" AT TIME ZONE 'UTC' AT TIME ZONE ca."timeZone", 'YYYY-MM-DD HH24:MI:SS')`

/**
 * The enrollments the parameters select for the context's viewer: how many, the campaign named, their
 * rows page by page (`pageSize` of them, 10,000 unless a test asks for fewer), and `pages`, which reads
 * each page another way from its ids (a sheet's own columns, sheet-sql.ts).
 */
export async function readEnrollments(context: Context, params: URLSearchParams, pageSize = batchSize) {
  const { campaign, where } = await enrollmentWhere(context, params)
  const rowCount = await context.prisma.enrollment.count({ where })
  const prisma = context.prisma
  const pages = <Page>(read: (ids: string[]) => Promise<Page>) =>
    enrollmentPages(prisma, where, pageSize, read)
  const batches = pages((ids) => queryPrepared<EnrollmentRow>(prisma, enrollmentRows(ids)))
  return { campaign, rowCount, batches, pages }
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

/** A page's last enrollment: where the next page starts, in the list's order. */
type PageEnd = { id: string; registeredAt: Date }
type Page<Read> = { ids: string[]; read: Promise<Read> | undefined }

/**
 * The enrollments after `end` in the list's order (latest registration first, then id): an earlier
 * registration, or the same one and a lower id. Written as a bound on `registeredAt` and a condition
 * within it, so that PostgreSQL starts its walk of the (campaign, registration, id) index at the page's
 * end. Prisma's own `cursor` compares with subselects joined by OR, which PostgreSQL cannot use as a
 * bound: it walked the campaign's index from its start and dropped the rows before the cursor, 300,000
 * of them (317 ms) for a page at the end of 366,000, so that a whole export cost the square of its rows.
 */
function enrollmentsAfter(end: PageEnd): Prisma.EnrollmentWhereInput {
  return {
    registeredAt: { lte: end.registeredAt },
    OR: [{ registeredAt: { lt: end.registeredAt } }, { id: { lt: end.id } }],
  }
}

/**
 * The filter's rows, a page at a time: a page of ids by the list's own query (its index, its scope),
 * then the page `read` from them (its rows in one statement). The next page's ids are asked for as soon
 * as this page's are known, not after its rows, and its rows are read while this page is written: at
 * most three pages are held.
 */
async function* enrollmentPages<Read>(
  prisma: Context['prisma'],
  where: Prisma.EnrollmentWhereInput,
  pageSize: number,
  read: (ids: string[]) => Promise<Read>,
): AsyncGenerator<Read> {
  // The page's ids alone, and its last enrollment's registration by key: Prisma making a Date of every
  // row's registration was a third of the API's CPU left in a CSV export (366,000 rows: 0.5 s of 1.0 s
  // reading the ids). Enrollments are never deleted, nor their registration changed.
  const pageAfter = async (last: string | undefined): Promise<Page<Read>> => {
    const end = last
      ? await prisma.enrollment.findUniqueOrThrow({
          where: { id: last },
          select: { id: true, registeredAt: true },
        })
      : undefined
    const found = await prisma.enrollment.findMany({
      where: end ? { AND: [where, enrollmentsAfter(end)] } : where,
      select: { id: true },
      orderBy: [{ registeredAt: 'desc' }, { id: 'desc' }],
      take: pageSize,
    })
    const ids = found.map((each) => each.id)
    return { ids, read: ids.length > 0 ? unawaited(read(ids)) : undefined }
  }
  let next: Promise<Page<Read>> | undefined = unawaited(pageAfter(undefined))
  while (next) {
    const { ids, read: page }: Page<Read> = await next
    next = ids.length === pageSize ? unawaited(pageAfter(ids.at(-1))) : undefined
    if (page) yield await page
  }
}

/** A download cancelled before a page is awaited leaves it unread, not unhandled. */
function unawaited<T>(read: Promise<T>): Promise<T> {
  read.catch(() => {})
  return read
}
