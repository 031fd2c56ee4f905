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

export type EntryRow = { id: string; due: IsoDate }

const unpaid = Prisma.sql`('DRAFT', 'SUBMITTED')`
const covered = Prisma.sql`('PAID', 'ACTIVE')`

/** No later live enrollment of the same person in the same product: the coverage was not renewed. */
const notRenewed = Prisma.sql`NOT EXISTS (
  SELECT 1 FROM "Enrollment" r
  WHERE r."personId" = e."personId" AND r."product" = e."product" AND r."live"
    AND r."registeredAt" > e."registeredAt")`

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
      return Prisma.sql`e."status" IN ${covered} AND ${notRenewed}`
    case 'WAITING_PAYMENT':
      return Prisma.sql`e."status" IN ${unpaid}`
    case 'SESSION_UNPAID':
      return Prisma.sql`e."status" IN ${unpaid} AND e."sessionId" IS NOT NULL`
    case 'PROMISED':
      // A promise made while unpaid is kept by paying; one made while covered, by renewing.
      return Prisma.sql`EXISTS (
        SELECT 1 FROM "FollowUp" f WHERE f."id" = e."lastFollowUpId"
          AND ((f."enrollmentStatus" IN ${unpaid} AND e."status" IN ${unpaid})
            OR (f."enrollmentStatus" IN ${covered} AND e."status" IN ${covered} AND ${notRenewed})))`
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

/** A lead who has since registered: a live enrollment with the lead's phone or citizen id, from the day met. */
const leadNotRegistered = Prisma.sql`NOT EXISTS (
    SELECT 1 FROM "Enrollment" r WHERE r."phone" = l."phone" AND r."live" AND r."registeredOn" >= l."metOn")
  AND (l."citizenId" IS NULL OR NOT EXISTS (
    SELECT 1 FROM "Enrollment" r JOIN "Person" p ON p."id" = r."personId"
    WHERE p."citizenId" = l."citizenId" AND r."live" AND r."registeredOn" >= l."metOn"))`

/** The list's conditions and due column, from its table. */
function listSource(list: Worklist, range: DueRange, scope: WorklistScope) {
  const due = dueColumn(list)
  if (list === 'LEADS') {
    const where = [dueWithin(due, range), leadNotRegistered, ...scopeConditions('l', scope)]
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
    SELECT ${source.id} AS "id", to_char(${source.due}, 'YYYY-MM-DD') AS "due"
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
