// The SQL of the worklists: one statement per page, the entries of one list in due-date order within
// the centers in scope. Each list reads one index range of a center ("Enrollment"(centerId, coverageEnd),
// (centerId, status, registeredOn), (centerId, promisedOn); "Lead"(centerId, metOn)), so a center's
// page reads its page's rows, not the campaign's (migration 20261203140000_follow_up_worklists).
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

/** An entry of a page, with the list's stored reminder template (null: the default), read with it. */
export type EntryRow = { id: string; due: IsoDate; template: string | null }

const unpaid = Prisma.sql`('DRAFT', 'SUBMITTED')`
const covered = Prisma.sql`('PAID', 'ACTIVE')`

/** The due-date column of a list's entries. */
function dueColumn(list: Worklist): Prisma.Sql {
  switch (list) {
    case 'EXPIRING':
    case 'LAPSED':
      return Prisma.sql`e."coverageEnd"`
    case 'WAITING_PAYMENT':
    case 'SESSION_UNPAID':
      return Prisma.sql`e."registeredOn"`
    case 'PROMISED':
      return Prisma.sql`e."promisedOn"`
    case 'LEADS':
      return Prisma.sql`l."metOn"`
  }
}

function dueWithin(due: Prisma.Sql, range: DueRange): Prisma.Sql {
  return range.from === null
    ? Prisma.sql`${due} <= ${range.to}::date`
    : Prisma.sql`${due} BETWEEN ${range.from}::date AND ${range.to}::date`
}

/** Why an enrollment is on the list, beyond its due date. */
function enrollmentCondition(list: Exclude<Worklist, 'LEADS'>): Prisma.Sql {
  switch (list) {
    case 'EXPIRING':
    case 'LAPSED':
      return Prisma.sql`e."status" IN ${covered} AND NOT e."renewed"`
    case 'WAITING_PAYMENT':
      return Prisma.sql`e."status" IN ${unpaid}`
    case 'SESSION_UNPAID':
      return Prisma.sql`e."status" IN ${unpaid} AND e."sessionId" IS NOT NULL`
    case 'PROMISED':
      // A promise made while unpaid is kept by paying; one made while covered, by renewing.
      return Prisma.sql`((NOT e."promisedWhileCovered" AND e."status" IN ${unpaid})
        OR (e."promisedWhileCovered" AND e."status" IN ${covered} AND NOT e."renewed"))`
  }
}

function scopeConditions(alias: 'e' | 'l', scope: WorklistScope): Prisma.Sql[] {
  const column = (name: string) => Prisma.raw(`${alias}."${name}"`)
  const conditions: Prisma.Sql[] = [Prisma.sql`${column('followUpClosed')} IS NULL`]
  // One center by equality, so that its (centerId, due) index gives the order: compared with ANY, the
  // planner walks the campaign-wide due-date index instead and filters the center (90 ms against 13 ms
  // for a page of the busiest center at 658,800 enrollments).
  if (scope.centerIds?.length === 1)
    conditions.push(Prisma.sql`${column('centerId')} = ${scope.centerIds[0]}::uuid`)
  else if (scope.centerIds !== null)
    conditions.push(Prisma.sql`${column('centerId')} = ANY(${scope.centerIds}::uuid[])`)
  if (scope.assignedToId !== null)
    conditions.push(Prisma.sql`${column('assignedToId')} = ${scope.assignedToId}::uuid`)
  if (alias === 'e') {
    if (scope.product !== null) conditions.push(Prisma.sql`e."product" = ${scope.product}::"Product"`)
    if (scope.wardCode !== null) conditions.push(Prisma.sql`e."wardCode" = ${scope.wardCode}`)
  } else {
    if (scope.product !== null) conditions.push(Prisma.sql`${scope.product}::"Product" = ANY(l."products")`)
    if (scope.wardCode !== null)
      conditions.push(
        Prisma.sql`EXISTS (SELECT 1 FROM "OutreachSession" s WHERE s."id" = l."sessionId" AND s."wardCode" = ${scope.wardCode})`,
      )
  }
  return conditions
}

/** The list's conditions and due column, from its table. */
function listSource(list: Worklist, range: DueRange, scope: WorklistScope) {
  const due = dueColumn(list)
  if (list === 'LEADS') {
    const where = [dueWithin(due, range), Prisma.sql`NOT l."registered"`, ...scopeConditions('l', scope)]
    return { due, from: Prisma.sql`"Lead" l`, id: Prisma.sql`l."id"`, where }
  }
  const where = [
    dueWithin(due, range),
    Prisma.sql`e."live"`,
    enrollmentCondition(list),
    ...scopeConditions('e', scope),
  ]
  return { due, from: Prisma.sql`"Enrollment" e`, id: Prisma.sql`e."id"`, where }
}

/** One page of a list: `take` entries after `after` (in due-date, then id, order). */
export function worklistPage(
  list: Worklist,
  range: DueRange,
  scope: WorklistScope,
  take: number,
  after: EntryKey | null,
): Prisma.Sql {
  const source = listSource(list, range, scope)
  const where = after
    ? [...source.where, Prisma.sql`(${source.due}, ${source.id}) > (${after.due}::date, ${after.id}::uuid)`]
    : source.where
  return Prisma.sql`
    SELECT ${source.id} AS "id", to_char(${source.due}, 'YYYY-MM-DD') AS "due",
      (SELECT r."text" FROM "ReminderTemplate" r WHERE r."list" = ${list}::"Worklist") AS "template"
    FROM ${source.from}
    WHERE ${Prisma.join(where, ' AND ')}
    ORDER BY ${source.due}, ${source.id}
    LIMIT ${take}`
}

/** How many entries a list holds: counted on read, over the same conditions as its pages. */
export function worklistCount(list: Worklist, range: DueRange, scope: WorklistScope): Prisma.Sql {
  const source = listSource(list, range, scope)
  return Prisma.sql`SELECT count(*)::int AS "count" FROM ${source.from} WHERE ${Prisma.join(source.where, ' AND ')}`
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
      dueWithin(Prisma.sql`t."due"`, range),
      ...conditions,
      ...(scope.product !== null && list !== 'LEADS' ? [Prisma.sql`t."product" = ${scope.product}`] : []),
    ]
    return Prisma.sql`SELECT ${list} AS "list", coalesce(sum(t."count"), 0)::int AS "count"
      FROM "WorklistTally" t WHERE ${Prisma.join(where, ' AND ')}`
  })
  return Prisma.join(sums, ' UNION ALL ')
}
