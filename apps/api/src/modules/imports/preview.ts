// An import's preview, before anything is written: every row checked with the shared rules the form
// uses (checkImportRows), then against the people on file (a citizen ID on file with another identity,
// a person already enrolled for the product in the campaign), and each unit that would go in quoted as
// the form quotes it. Rows whose household key is the code of a household on file, enrolled at the
// batch's center in its campaign, join it as the form's "join household" does: no head among them, each
// ranked after its members and quoted for the months left in its period. The commit reads the same
// preview, so what it refuses is what the preview showed.
import type { ImportBatch, Product } from '@tangtoc/db'
import {
  type CheckedImportRow,
  checkImportRows,
  describeIssue,
  foldSearchKey,
  householdKeysOf,
  type ImportField,
  type Issue,
  importFields,
  issue,
  localDateInZone,
  type SheetRow,
} from '@tangtoc/shared'
import type { Context } from '../../context.ts'
import { type LocalizedText, UserError } from '../../errors.ts'
import { type EnrollmentQuote, quoteEnrollment, quoteHousehold } from '../contribution/enrollment-quote.ts'
import {
  type JoinedHousehold,
  joinedEnrollmentsWhere,
  joinedHouseholdOf,
} from '../enrollments/registration-prepare.ts'
import { cellOf, type StoredCell } from './files.ts'

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

/** The day the batch's registrations start: its own, or today in the campaign's time zone. */
export async function startOf(context: Context, batch: BatchForPreview) {
  const campaign = await context.prisma.campaign.findUniqueOrThrow({
    where: { id: batch.campaignId },
    select: { timeZone: true, jurisdiction: true },
  })
  const on = batch.on ? batch.on.toISOString().slice(0, 10) : localDateInZone(new Date(), campaign.timeZone)
  return { on, jurisdiction: campaign.jurisdiction }
}

/** How many rows (or citizen IDs) the preview reads in one query. */
const previewPageRows = 5_000

/** The batch's rows as the sheet gave them, read a page at a time: Prisma's rows never all at once. */
async function sheetRowsOf(context: Context, batchId: string): Promise<SheetRow[]> {
  const rows: SheetRow[] = []
  for (let after = 0; ; ) {
    const page = await context.prisma.importRow.findMany({
      where: { batchId, line: { gt: after } },
      select: { line: true, cells: true },
      orderBy: { line: 'asc' },
      take: previewPageRows,
    })
    for (const row of page) rows.push(sheetRowOf(row))
    if (page.length < previewPageRows) return rows
    after = page.at(-1)?.line ?? after
  }
}

/** A stored row as the rules read it. */
export const sheetRowOf = (row: { line: number; cells: unknown }): SheetRow => ({
  line: row.line,
  cells: (row.cells as StoredCell[]).map(cellOf),
})

/**
 * The batch's rows checked by the form's rules (checkImportRows) for a start on `on`; the rows of the
 * keys in `joining` join households on file.
 */
export function checkBatchRows(
  batch: BatchForPreview,
  rows: SheetRow[],
  on: string,
  joining: ReadonlySet<string> = new Set(),
) {
  return checkImportRows(rows, columnsOf(batch), {
    product: batch.product,
    today: localDateInZone(new Date()),
    on,
    joining,
  })
}

export async function previewBatch(context: Context, batch: BatchForPreview): Promise<Preview> {
  const start = await startOf(context, batch)
  const sheetRows = await sheetRowsOf(context, batch.id)
  const joined = await householdsJoined(
    context,
    batch,
    householdKeysOf(sheetRows, columnsOf(batch)),
    start.on,
  )
  const checked = checkBatchRows(batch, sheetRows, start.on, new Set(joined.keys()))
  const onFile = await againstFile(context, batch, checked.rows)
  const byLine = new Map(checked.rows.map((row) => [row.line, row]))
  const membersOf = (unit: PreviewUnit) => unit.lines.flatMap((line) => byLine.get(line) ?? [])
  const units = unitsOf(batch, checked, joined)
  for (const unit of units) keepOutWhole(membersOf(unit))
  const { quotes, problems } = await quoteUnits(context, batch, start, units, membersOf)
  const joinsOf = new Map(units.flatMap((unit) => unit.lines.map((line) => [line, unit.joins] as const)))
  const rows = checked.rows.map(
    (row): PreviewRow => ({
      line: row.line,
      fullName: row.person.fullName,
      citizenId: row.person.citizenId,
      householdKey: row.householdKey,
      joinsHousehold: joinsOf.get(row.line)?.householdId ?? null,
      householdPosition: quotes.get(row.line)?.householdPosition ?? null,
      onFile: onFile.has(row.line),
      issues: row.issues.map(importIssue),
      notes: row.notes.map(importIssue),
      payable: quotes.get(row.line)?.payable ?? null,
    }),
  )
  return { rows, units, problems, totals: [totalsOf(batch.product, rows)] }
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
  for (let at = 0; at < keys.length; at += previewPageRows) {
    const households = await context.prisma.household.findMany({
      where: { code: { in: keys.slice(at, at + previewPageRows) }, enrollments: { some: enrollments } },
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

/** The units a commit registers in sheet order: each household (rows sharing a key), else each row. */
function unitsOf(
  batch: BatchForPreview,
  checked: ReturnType<typeof checkImportRows>,
  joined: ReadonlyMap<string, JoinedHousehold>,
): PreviewUnit[] {
  if (batch.product !== 'HOUSEHOLD_HEALTH_INSURANCE') {
    return checked.rows.map((row) => ({ key: null, lines: [row.line], joins: null }))
  }
  return checked.households.map((household) => ({
    key: household.key.startsWith('#') ? null : household.key,
    lines: [...household.lines],
    joins: joined.get(household.key) ?? null,
  }))
}

/** A household goes in whole: a member refused against the file keeps the others out too. */
function keepOutWhole(members: CheckedImportRow[]) {
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
 * Each line's quote, for the units that would go in, quoted as the form quotes them; a quote refused
 * (a monthly income out of range) is a problem of the batch, and quotes no further unit.
 */
async function quoteUnits(
  context: Context,
  batch: BatchForPreview,
  start: Awaited<ReturnType<typeof startOf>>,
  units: readonly PreviewUnit[],
  membersOf: (unit: PreviewUnit) => CheckedImportRow[],
) {
  const problems: ImportIssue[] = []
  const quotes = new Map<number, EnrollmentQuote>()
  for (const unit of units) {
    const members = membersOf(unit)
    if (members.some((member) => member.issues.length > 0)) continue
    try {
      const unitQuotes = await quoteUnit(context, batch, start, unit, members)
      unit.lines.forEach((line, index) => {
        const quote = unitQuotes[index]
        if (quote) quotes.set(line, quote)
      })
    } catch (error) {
      if (!(error instanceof UserError)) throw error
      problems.push({ field: 'batch', code: error.code, message: { vi: error.messageVi, en: error.message } })
      break
    }
  }
  return { quotes, problems }
}

/**
 * The quotes of a unit's members, in its order: a household's by rank (after the members of the one it
 * joins, for the months left in its period), else its one row's.
 */
async function quoteUnit(
  context: Context,
  batch: BatchForPreview,
  { on, jurisdiction }: Awaited<ReturnType<typeof startOf>>,
  { joins }: PreviewUnit,
  members: CheckedImportRow[],
) {
  if (batch.product === 'HOUSEHOLD_HEALTH_INSURANCE') {
    return quoteHousehold(context, {
      on,
      months: joins?.months ?? batch.months,
      rankedBefore: joins?.rankedBefore ?? 0,
      jurisdiction,
      members: members.map((member) => ({ insuredElsewhere: member.insuredElsewhere, supportGroups: [] })),
    })
  }
  if (members.length === 0) return []
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
  const people: Awaited<ReturnType<typeof peopleOnFile>> = []
  for (let at = 0; at < citizenIds.length; at += previewPageRows) {
    people.push(...(await peopleOnFile(context, batch, citizenIds.slice(at, at + previewPageRows))))
  }
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
