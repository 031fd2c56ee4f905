// An import's preview, before anything is written: every row checked with the shared rules the form
// uses (importRowsChecker, a page of rows at a time: the file's cells are never all in memory), then
// against the people on file (a citizen ID on file with another identity, a person already enrolled for
// the product in the campaign), and each unit that would go in quoted as the form quotes it. Rows whose household key is the code of a household on file, enrolled at the
// batch's center in its campaign, join it as the form's "join household" does: no head among them, each
// ranked after its members and quoted for the months left in its period. The commit reads the same
// preview, so what it refuses is what the preview showed.
import type { ImportBatch, Product } from '@tangtoc/db'
import {
  type CheckedImportRow,
  type CheckedImportUnit,
  checkImportRows,
  describeIssue,
  foldSearchKey,
  type ImportField,
  type Issue,
  importFields,
  importRowsChecker,
  issue,
  localDateInZone,
  readHouseholdKey,
  type SheetRow,
} from '@tangtoc/shared'
import type { Context } from '../../context.ts'
import { type LocalizedText, UserError } from '../../errors.ts'
import { quoteEnrollment, quoteHousehold } from '../contribution/enrollment-quote.ts'
import {
  type JoinedHousehold,
  joinedEnrollmentsWhere,
  joinedHouseholdOf,
} from '../enrollments/registration-prepare.ts'
import { cellOf, importLimits, type StoredCell } from './files.ts'

/** A problem of a row, at a field (an import field's name, or the row itself). */
export interface ImportIssue {
  field: string
  code: string
  message: LocalizedText
}

export interface PreviewRow {
  line: number
  fullName: string
  citizenId: string
  householdKey: string | null
  /** The household on file the row joins (its id), or null. */
  joinsHousehold: string | null
  /** The row's rank in its household's price order (after the members of one it joins); null if unranked. */
  householdPosition: number | null
  /** The person is on file already (same identity): the registration reuses them. */
  onFile: boolean
  issues: ImportIssue[]
  notes: ImportIssue[]
  /** What the row's enrollment would cost, whole đồng; null for a row refused or not enrolled. */
  payable: number | null
}

export interface PreviewUnit {
  /** The household key, or null for a person alone. */
  key: string | null
  lines: number[]
  /** The household on file the unit joins, or null: it registers a new one (or a person alone). */
  joins: JoinedHousehold | null
}

export interface Preview {
  rows: PreviewRow[]
  /** The units a commit registers in sheet order: a household (rows sharing a key) or a person alone. */
  units: PreviewUnit[]
  /** Problems of the batch as a whole (a quote refused, e.g. a monthly income out of range). */
  problems: ImportIssue[]
  totals: { product: Product; enrollments: number; households: number; payable: number }[]
}

export type BatchForPreview = Pick<
  ImportBatch,
  'id' | 'campaignId' | 'centerId' | 'product' | 'months' | 'monthlyIncome' | 'on' | 'columns'
>

const importIssue = (problem: Issue): ImportIssue => ({
  field: problem.path.slice(problem.path.indexOf('.') + 1),
  code: problem.code,
  message: { vi: describeIssue(problem, 'vi'), en: describeIssue(problem, 'en') },
})

/** The batch's columns as stored, each an import field or null. */
export function columnsOf(batch: Pick<ImportBatch, 'columns'>): (ImportField | null)[] {
  const stored = Array.isArray(batch.columns) ? batch.columns : []
  return stored.map((value) =>
    typeof value === 'string' && (importFields as readonly string[]).includes(value)
      ? (value as ImportField)
      : null,
  )
}

/** The days a batch is checked for: today and the registrations' start, the campaign's. */
export interface BatchDays {
  /** Today in the campaign's time zone: no one is born after it. */
  today: string
  /** The day the registrations start: the batch's own, or today. */
  on: string
}

/** The batch's days (BatchDays) in the campaign's time zone, and the campaign's jurisdiction. */
export async function startOf(context: Context, batch: BatchForPreview) {
  const campaign = await context.prisma.campaign.findUniqueOrThrow({
    where: { id: batch.campaignId },
    select: { timeZone: true, jurisdiction: true },
  })
  const today = localDateInZone(new Date(), campaign.timeZone)
  const on = batch.on ? batch.on.toISOString().slice(0, 10) : today
  return { today, on, jurisdiction: campaign.jurisdiction }
}

/** A stored row as the rules read it. */
export const sheetRowOf = (row: { line: number; cells: unknown }): SheetRow => ({
  line: row.line,
  cells: (row.cells as StoredCell[]).map(cellOf),
})

/**
 * The batch's rows checked by the form's rules (checkImportRows) on its `days`; the rows of the keys in
 * `joining` join households on file.
 */
export function checkBatchRows(
  batch: BatchForPreview,
  rows: SheetRow[],
  days: BatchDays,
  joining: ReadonlySet<string> = new Set(),
) {
  return checkImportRows(rows, columnsOf(batch), { ...checkOptions(batch, days), joining })
}

const checkOptions = (batch: BatchForPreview, { today, on }: BatchDays) => ({
  product: batch.product,
  today,
  on,
})

/** The batch's rows as the sheet gave them, a page at a time: Prisma's rows never all at once. */
async function* sheetPagesOf(context: Context, batchId: string): AsyncGenerator<SheetRow[]> {
  for (let after = 0; ; ) {
    const page = await context.prisma.importRow.findMany({
      where: { batchId, line: { gt: after } },
      select: { line: true, cells: true },
      orderBy: { line: 'asc' },
      take: importLimits.pageRows,
    })
    if (page.length > 0) yield page.map(sheetRowOf)
    if (page.length < importLimits.pageRows) return
    after = page.at(-1)?.line ?? after
  }
}

/**
 * Household health insurance: each household key's last line in the batch, read a page at a time from
 * its key column alone; the preview checks a household when it has read that line.
 */
async function householdEndsOf(context: Context, batch: BatchForPreview): Promise<Map<string, number>> {
  const ends = new Map<string, number>()
  const column = columnsOf(batch).indexOf('householdKey')
  if (batch.product !== 'HOUSEHOLD_HEALTH_INSURANCE' || column < 0) return ends
  for (let after = 0; ; ) {
    const page = await context.prisma.$queryRaw<{ line: number; cell: StoredCell }[]>`
      SELECT "line", "cells" -> ${column}::int AS "cell" FROM "ImportRow"
       WHERE "batchId" = ${batch.id}::uuid AND "line" > ${after}
       ORDER BY "line" LIMIT ${importLimits.pageRows}`
    for (const { line, cell } of page) {
      const key = readHouseholdKey(cellOf(cell ?? null))
      if (key !== null) ends.set(key, line)
    }
    if (page.length < importLimits.pageRows) return ends
    after = page.at(-1)?.line ?? after
  }
}

/** A unit as the preview keeps it to quote it: its members' lines and who is insured elsewhere. */
interface CheckedUnit extends PreviewUnit {
  /** A member is refused: the unit is not quoted. */
  refused: boolean
  insuredElsewhere: boolean[]
}

/**
 * The preview, a page of rows at a time: each page checked (importRowsChecker: a duplicate of an earlier
 * page, a household when its last row is read, as joining one on file when its key is the household's
 * code), the units it completes checked against the people on file a page's worth at a time and kept as
 * their preview rows; the units quoted in sheet order at the end. Only the preview's rows and units are
 * held, not the rows' cells nor their checked people.
 */
export async function previewBatch(context: Context, batch: BatchForPreview): Promise<Preview> {
  const start = await startOf(context, batch)
  const ends = await householdEndsOf(context, batch)
  const joined = await householdsJoined(context, batch, [...ends.keys()], start.on)
  const checker = importRowsChecker(
    columnsOf(batch),
    { ...checkOptions(batch, start), joining: new Set(joined.keys()) },
    ends,
  )
  const rows: PreviewRow[] = []
  const units: CheckedUnit[] = []
  let ready: CheckedImportUnit[] = []
  const settle = async () => {
    const settled = await settleUnits(context, batch, ready, joined)
    rows.push(...settled.rows)
    units.push(...settled.units)
    ready = []
  }
  for await (const page of sheetPagesOf(context, batch.id)) {
    ready.push(...checker.check(page))
    if (ready.length >= importLimits.pageRows) await settle()
  }
  await settle()
  rows.sort((a, b) => a.line - b.line)
  units.sort((a, b) => (a.lines[0] ?? 0) - (b.lines[0] ?? 0))
  const problems = await quoteUnits(context, batch, start, units, rows)
  return {
    rows,
    units: units.map(({ key, lines, joins }) => ({ key, lines, joins })),
    problems,
    totals: [totalsOf(batch.product, rows)],
  }
}

/**
 * Complete units checked against the people on file, a household kept out whole, as preview rows; a
 * household whose key is in `joined` joins that household on file.
 */
async function settleUnits(
  context: Context,
  batch: BatchForPreview,
  units: readonly CheckedImportUnit[],
  joined: ReadonlyMap<string, JoinedHousehold>,
) {
  const members = units.flatMap((unit) => unit.members)
  const onFile = await againstFile(context, batch, members)
  for (const unit of units) keepOutWhole(unit.members)
  const joinsOf = (unit: CheckedImportUnit) => (unit.key === null ? null : (joined.get(unit.key) ?? null))
  return {
    rows: units.flatMap((unit) =>
      unit.members.map(
        (row): PreviewRow => ({
          line: row.line,
          fullName: row.person.fullName,
          citizenId: row.person.citizenId,
          householdKey: row.householdKey,
          joinsHousehold: joinsOf(unit)?.householdId ?? null,
          householdPosition: null,
          onFile: onFile.has(row.line),
          issues: row.issues.map(importIssue),
          notes: row.notes.map(importIssue),
          payable: null,
        }),
      ),
    ),
    units: units.map(
      (unit): CheckedUnit => ({
        key: unit.key,
        lines: unit.members.map((member) => member.line),
        joins: joinsOf(unit),
        refused: unit.members.some((member) => member.issues.length > 0),
        insuredElsewhere: unit.members.map((member) => member.insuredElsewhere),
      }),
    ),
  }
}

/**
 * The households on file the batch's household keys name, by key: a household whose code is the key,
 * enrolled at the batch's center in its campaign, its period not over on `on` (the oldest, should two be).
 */
async function householdsJoined(
  context: Context,
  batch: BatchForPreview,
  keys: readonly string[],
  on: string,
): Promise<Map<string, JoinedHousehold>> {
  const joined = new Map<string, JoinedHousehold>()
  if (batch.product !== 'HOUSEHOLD_HEALTH_INSURANCE') return joined
  const enrollments = joinedEnrollmentsWhere(batch)
  for (let at = 0; at < keys.length; at += importLimits.pageRows) {
    const households = await context.prisma.household.findMany({
      where: { code: { in: keys.slice(at, at + importLimits.pageRows) }, enrollments: { some: enrollments } },
      select: {
        id: true,
        code: true,
        enrollments: { where: enrollments, select: { householdPosition: true, periodEnd: true } },
      },
      orderBy: { createdAt: 'asc' },
    })
    for (const household of households) {
      const joining = joinedHouseholdOf(household.id, household.enrollments, on)
      if (joining && household.code && !joined.has(household.code)) joined.set(household.code, joining)
    }
  }
  return joined
}

/** A household goes in whole: a member refused against the file keeps the others out too. */
function keepOutWhole(members: readonly CheckedImportRow[]) {
  const blocking = members.filter((member) => member.issues.length > 0).map((member) => member.line)
  if (blocking.length === 0 || members.length < 2) return
  for (const member of members) {
    if (member.issues.length === 0) {
      ;(member.issues as Issue[]).push(
        issue(`${member.line}.householdKey`, 'IMPORT_HOUSEHOLD_INCOMPLETE', { lines: blocking.join(', ') }),
      )
    }
  }
}

/**
 * Each line's payable and household position set on its row, for the units that would go in, quoted in
 * sheet order as the form quotes them; a quote refused (a monthly income out of range) is a problem of
 * the batch, and quotes no further unit.
 */
async function quoteUnits(
  context: Context,
  batch: BatchForPreview,
  start: Awaited<ReturnType<typeof startOf>>,
  units: readonly CheckedUnit[],
  rows: readonly PreviewRow[],
): Promise<ImportIssue[]> {
  const rowAt = new Map(rows.map((row) => [row.line, row]))
  for (const unit of units) {
    if (unit.refused) continue
    try {
      const quotes = await quoteUnit(context, batch, start, unit)
      unit.lines.forEach((line, index) => {
        const row = rowAt.get(line)
        const quote = quotes[index]
        if (!row || !quote) return
        row.payable = quote.payable
        row.householdPosition = quote.householdPosition ?? null
      })
    } catch (error) {
      if (!(error instanceof UserError)) throw error
      return [{ field: 'batch', code: error.code, message: { vi: error.messageVi, en: error.message } }]
    }
  }
  return []
}

/**
 * The quotes of a unit's members (who of them is insured elsewhere), in its order: a household's by
 * rank (after the members of the one it joins, for the months left in its period), else its one row's.
 */
async function quoteUnit(
  context: Context,
  batch: BatchForPreview,
  { on, jurisdiction }: Awaited<ReturnType<typeof startOf>>,
  { joins, insuredElsewhere }: CheckedUnit,
) {
  if (batch.product === 'HOUSEHOLD_HEALTH_INSURANCE') {
    return quoteHousehold(context, {
      on,
      months: joins?.months ?? batch.months,
      rankedBefore: joins?.rankedBefore ?? 0,
      jurisdiction,
      members: insuredElsewhere.map((elsewhere) => ({ insuredElsewhere: elsewhere, supportGroups: [] })),
    })
  }
  if (insuredElsewhere.length === 0) return []
  return [
    await quoteEnrollment(context, {
      product: batch.product,
      on,
      months: batch.months,
      monthlyIncome: batch.monthlyIncome,
      supportGroups: [],
      jurisdiction,
    }),
  ]
}

/** The enrollments, households and payable of the rows that would go in. */
function totalsOf(product: Product, rows: readonly PreviewRow[]) {
  const valid = rows.filter((row) => row.issues.length === 0 && row.payable !== null)
  const households = new Set(valid.map((row) => row.householdKey).filter((key) => key !== null))
  return {
    product,
    enrollments: valid.length,
    households: households.size,
    payable: valid.reduce((sum, row) => sum + (row.payable ?? 0), 0),
  }
}

/**
 * Marks the rows whose citizen ID is on file with another identity (the form's neutral refusal) or
 * already enrolled for the product in the campaign; returns the lines whose person is on file.
 */
async function againstFile(
  context: Context,
  batch: BatchForPreview,
  rows: readonly CheckedImportRow[],
): Promise<Set<number>> {
  const citizenIds = [...new Set(rows.map((row) => row.person.citizenId).filter((id) => id !== ''))]
  const people = await peopleOnFile(context, batch, citizenIds)
  const byId = new Map(people.map((person) => [person.citizenId, person]))
  const onFile = new Set<number>()
  for (const row of rows) {
    const person = byId.get(row.person.citizenId)
    if (!person) continue
    onFile.add(row.line)
    const issues = row.issues as Issue[]
    const same =
      foldSearchKey(person.fullName) === foldSearchKey(row.person.fullName) &&
      person.dateOfBirth.toISOString().slice(0, 10) === row.person.dateOfBirth &&
      person.sex === row.person.sex
    if (!same) issues.push(issue(`${row.line}.citizenId`, 'PERSON_IDENTITY_MISMATCH'))
    else if (
      person.enrollments.length > 0 &&
      !(batch.product === 'HOUSEHOLD_HEALTH_INSURANCE' && row.insuredElsewhere)
    ) {
      issues.push(issue(`${row.line}.citizenId`, 'PERSON_ALREADY_ENROLLED'))
    }
  }
  return onFile
}

/** The people of these citizen IDs, with their live enrollment for the batch's product in its campaign. */
function peopleOnFile(context: Context, batch: BatchForPreview, citizenIds: readonly string[]) {
  return context.prisma.person.findMany({
    where: { citizenId: { in: [...citizenIds] } },
    select: {
      citizenId: true,
      fullName: true,
      dateOfBirth: true,
      sex: true,
      enrollments: {
        where: { campaignId: batch.campaignId, product: batch.product, live: true },
        select: { id: true },
        take: 1,
      },
    },
  })
}
