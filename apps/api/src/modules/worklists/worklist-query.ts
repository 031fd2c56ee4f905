// What each worklist holds, stated once as the conditions its pages, its exports and its counts read:
// the entries of one list in due-date order within the centers in scope. Each list reads one index
// range of a center ("Enrollment"(centerId, coverageEnd), (centerId, unpaidOn), (centerId, promisedOn);
// "Lead"(centerId, metOn)), so a center's page reads its page's rows, not the campaign's (migrations
// 20261203140000_follow_up_worklists, 20261203220000_unpaid_on). The conditions are Prisma filters, so a
// page is one statement with the entries' person, assignee and last follow-up joined to it.
import { Prisma, type Product } from '@tangtoc/db'
import type { DueRange, IsoDate, Worklist } from '@tangtoc/shared'

/** What narrows a list, already resolved to record ids; null centerIds: every center. */
export type WorklistScope = {
  centerIds: string[] | null
  product: Product | null
  wardCode: string | null
  assignedToId: string | null
}

/** An entry's place in its list, for the cursor. */
export type EntryKey = { due: IsoDate; id: string }

type EnrollmentList = Exclude<Worklist, 'LEADS'>

/** The due-date column of a list's entries. */
export function dueField(list: EnrollmentList): 'coverageEnd' | 'unpaidOn' | 'promisedOn'
export function dueField(list: Worklist): 'coverageEnd' | 'unpaidOn' | 'promisedOn' | 'metOn'
export function dueField(list: Worklist) {
  switch (list) {
    case 'EXPIRING':
    case 'LAPSED':
      return 'coverageEnd'
    case 'WAITING_PAYMENT':
    case 'SESSION_UNPAID':
      // The day registered, while unpaid.
      return 'unpaidOn'
    case 'PROMISED':
      return 'promisedOn'
    case 'LEADS':
      return 'metOn'
  }
}

const day = (date: IsoDate) => new Date(`${date}T00:00:00Z`)

function dueWithin(range: DueRange): Prisma.DateTimeFilter {
  return range.from === null ? { lte: day(range.to) } : { gte: day(range.from), lte: day(range.to) }
}

/** After an entry in (due date, id) order. */
function afterKey(field: string, after: EntryKey) {
  return { OR: [{ [field]: { gt: day(after.due) } }, { [field]: day(after.due), id: { gt: after.id } }] }
}

const unpaid: Prisma.EnumEnrollmentStatusFilter = { in: ['DRAFT', 'SUBMITTED'] }
const covered: Prisma.EnumEnrollmentStatusFilter = { in: ['PAID', 'ACTIVE'] }

/** Why an enrollment is on the list, beyond its due date. */
function enrollmentCondition(list: EnrollmentList): Prisma.EnrollmentWhereInput {
  switch (list) {
    case 'EXPIRING':
    case 'LAPSED':
      return { status: covered, renewed: false }
    case 'WAITING_PAYMENT':
      return { status: unpaid }
    case 'SESSION_UNPAID':
      return { status: unpaid, sessionId: { not: null } }
    case 'PROMISED':
      // A promise made while unpaid is kept by paying; one made while covered, by renewing.
      return {
        OR: [
          { promisedWhileCovered: false, status: unpaid },
          { promisedWhileCovered: true, status: covered, renewed: false },
        ],
      }
  }
}

// One center by equality, so that its (centerId, due) index gives the order: compared with a list, the
// planner walks the campaign-wide due-date index instead and filters the center (90 ms against 13 ms
// for a page of the busiest center at 658,800 enrollments).
const centerCondition = (centerIds: string[] | null) =>
  centerIds === null ? {} : { centerId: centerIds.length === 1 ? centerIds[0] : { in: centerIds } }

const assigneeCondition = (assignedToId: string | null) => (assignedToId === null ? {} : { assignedToId })

/** The enrollments on a list (not LEADS), after `after` when given. */
export function enrollmentListWhere(
  list: EnrollmentList,
  range: DueRange,
  scope: WorklistScope,
  after: EntryKey | null = null,
): Prisma.EnrollmentWhereInput {
  const due = dueField(list)
  return {
    AND: [
      { [due]: dueWithin(range), live: true, followUpClosed: null },
      enrollmentCondition(list),
      centerCondition(scope.centerIds),
      assigneeCondition(scope.assignedToId),
      scope.product === null ? {} : { product: scope.product },
      scope.wardCode === null ? {} : { wardCode: scope.wardCode },
      after === null ? {} : afterKey(due, after),
    ],
  }
}

/** The leads on LEADS: consulted and not registered, after `after` when given. */
export function leadListWhere(
  range: DueRange,
  scope: WorklistScope,
  after: EntryKey | null = null,
): Prisma.LeadWhereInput {
  return {
    AND: [
      { metOn: dueWithin(range), registered: false, followUpClosed: null },
      centerCondition(scope.centerIds),
      assigneeCondition(scope.assignedToId),
      scope.product === null ? {} : { products: { has: scope.product } },
      scope.wardCode === null ? {} : { session: { wardCode: scope.wardCode } },
      after === null ? {} : afterKey('metOn', after),
    ],
  }
}

/** The kind of "WorklistTally" row each list sums (migration 20261203160000_worklist_tally). */
const tallyKinds: Readonly<Record<Worklist, string>> = {
  EXPIRING: 'COVERED',
  LAPSED: 'COVERED',
  WAITING_PAYMENT: 'UNPAID',
  SESSION_UNPAID: 'SESSION_UNPAID',
  PROMISED: 'PROMISED',
  LEADS: 'LEAD',
}

/**
 * Whether the maintained tally holds a list's size for the scope: it has no ward, and it keeps a lead
 * once (not per product asked about). Otherwise the list is counted on read.
 */
export function tallied(list: Worklist, scope: WorklistScope): boolean {
  return scope.wardCode === null && !(list === 'LEADS' && scope.product !== null)
}

/** The sizes of the lists, each summed from the tally rows of its due range, in one statement. */
export function worklistTallies(
  lists: readonly { list: Worklist; range: DueRange }[],
  scope: WorklistScope,
): Prisma.Sql {
  const conditions: Prisma.Sql[] = []
  if (scope.centerIds?.length === 1) conditions.push(Prisma.sql`t."centerId" = ${scope.centerIds[0]}::uuid`)
  else if (scope.centerIds !== null)
    conditions.push(Prisma.sql`t."centerId" = ANY(${scope.centerIds}::uuid[])`)
  if (scope.assignedToId !== null) conditions.push(Prisma.sql`t."assignedTo" = ${scope.assignedToId}`)
  const sums = lists.map(({ list, range }) => {
    const where = [
      Prisma.sql`t."kind" = ${tallyKinds[list]}`,
      range.from === null
        ? Prisma.sql`t."due" <= ${range.to}::date`
        : Prisma.sql`t."due" BETWEEN ${range.from}::date AND ${range.to}::date`,
      ...conditions,
      ...(scope.product !== null && list !== 'LEADS' ? [Prisma.sql`t."product" = ${scope.product}`] : []),
    ]
    return Prisma.sql`SELECT ${list} AS "list", coalesce(sum(t."count"), 0)::int AS "count"
      FROM "WorklistTally" t WHERE ${Prisma.join(where, ' AND ')}`
  })
  return Prisma.join(sums, ' UNION ALL ')
}
