// Checking a sheet's rows before anything is written (the import's preview): each row with the same
// person rules as the registration form, a person listed twice in the file, and for household health
// insurance the rows grouped by their household key and checked as the form checks a household.
// Issues are placed at '<line>.<field>': the sheet's own line number and the column's field.

import type { IsoDate } from '../calendar.ts'
import type { Product, Sex } from '../enums.ts'
import { checkHousehold } from '../household.ts'
import { checkHouseholdCode } from '../household-code.ts'
import { type Issue, issue } from '../messages.ts'
import { type CheckedPerson, checkPerson } from '../person.ts'
import {
  type Cell,
  type ImportField,
  readCitizenId,
  readDate,
  readSex,
  readText,
  readTick,
} from './columns.ts'

/** A row as read from the sheet, with its line number there (the header is line 1). */
export type SheetRow = { readonly line: number; readonly cells: readonly Cell[] }

export type CheckedImportRow = {
  readonly line: number
  readonly person: CheckedPerson<Sex | ''>
  /** Household health insurance: the rows sharing a key are one household; null: the person alone. */
  readonly householdKey: string | null
  readonly isHead: boolean
  readonly insuredElsewhere: boolean
  readonly relationToHead: string | null
  /** What keeps the row out: it is imported only when there are none. */
  readonly issues: readonly Issue[]
  /** What was changed on reading and should be checked (a citizen ID's restored leading zero). */
  readonly notes: readonly Issue[]
}

export type ImportCheck = {
  readonly rows: readonly CheckedImportRow[]
  /** Household health insurance: each household's lines, in sheet order. */
  readonly households: readonly { readonly key: string; readonly lines: readonly number[] }[]
}

/**
 * Checks `rows` read with `columns` (guessColumns, as the user corrected it) for `product`, registered
 * on `on`. A household whose check fails marks every one of its rows: a household goes in whole or not.
 * The rows of a key in `joining` join a household on file, which has its head: none of them is one.
 */
export function checkImportRows(
  rows: readonly SheetRow[],
  columns: readonly (ImportField | null)[],
  options: ImportCheckOptions,
): ImportCheck {
  const keyColumn = columns.indexOf('householdKey')
  const lastLineOf = new Map<string, number>()
  for (const row of rows) {
    const key = readHouseholdKey(row.cells[keyColumn])
    if (key !== null) lastLineOf.set(key, row.line)
  }
  const units = importRowsChecker(columns, options, lastLineOf).check(rows)
  const checked = units.flatMap((unit) => unit.members).sort((a, b) => a.line - b.line)
  if (options.product !== 'HOUSEHOLD_HEALTH_INSURANCE') return { rows: checked, households: [] }
  const households = units
    .map((unit) => ({
      key: unit.key ?? `#${unit.members[0]?.line}`,
      lines: unit.members.map((member) => member.line),
    }))
    .sort((a, b) => (a.lines[0] ?? 0) - (b.lines[0] ?? 0))
  return { rows: checked, households }
}

export type ImportCheckOptions = {
  readonly product: Product
  readonly today: IsoDate
  readonly on: IsoDate
  /** Keys of households on file the rows join: they have their head, so none of the rows is one. */
  readonly joining?: ReadonlySet<string>
}

/** Rows checked together: a household (rows sharing a key) or, its key null, a person alone. */
export type CheckedImportUnit = {
  readonly key: string | null
  readonly members: readonly CheckedImportRow[]
}

/**
 * A household key as a row holds it: null for none (the person alone). It is the household's code,
 * read as checkHouseholdCode keeps one; a row whose key is not one is refused (checkRow).
 */
export const readHouseholdKey = (cell: Cell): string | null => readText(cell) || null

/**
 * Checks a sheet's rows a page at a time, in sheet order, as checkImportRows checks them all at once: a
 * person listed on an earlier page makes a duplicate, and a household is checked when its last row is
 * read (`lastLineOf`: each household key's last line in the sheet, readHouseholdKey over its rows).
 * `check(page)` gives the units the page completes, in the order they complete (a household at its last
 * row); a household's rows on earlier pages are held until then.
 */
export function importRowsChecker(
  columns: readonly (ImportField | null)[],
  options: ImportCheckOptions,
  lastLineOf: ReadonlyMap<string, number>,
) {
  const firstLineOf = new Map<string, number>()
  const open = new Map<string, CheckingRow[]>()
  const households = options.product === 'HOUSEHOLD_HEALTH_INSURANCE'
  const joining = options.joining ?? new Set<string>()
  return {
    check(page: readonly SheetRow[]): CheckedImportUnit[] {
      const rows = page.map((row) => checkRow(row, columns, options))
      markDuplicates(rows, firstLineOf)
      if (!households) return rows.map((row) => ({ key: null, members: [row] }))
      const done: CheckedImportUnit[] = []
      for (const row of rows) {
        const key = row.householdKey
        const members: CheckingRow[] = (key !== null && open.get(key)) || []
        members.push(row)
        if (key !== null && row.line < (lastLineOf.get(key) ?? row.line)) {
          open.set(key, members)
          continue
        }
        if (key !== null) open.delete(key)
        checkHouseholdRows(members, { ...options, joining: key !== null && joining.has(key) })
        done.push({ key, members })
      }
      return done
    },
  }
}

/** A row being checked: its issues are added to as the file's and the household's checks find more. */
type CheckingRow = CheckedImportRow & { readonly issues: Issue[] }

/** One row's cells read and its person checked as the registration form checks one. */
function checkRow(
  row: SheetRow,
  columns: readonly (ImportField | null)[],
  { product, today }: { readonly product: Product; readonly today: IsoDate },
): CheckingRow {
  const cellOf = (field: ImportField): Cell => {
    const index = columns.indexOf(field)
    return index < 0 ? undefined : row.cells[index]
  }
  const at = (field: string) => `${row.line}.${field}`
  const issues: Issue[] = []
  const notes: Issue[] = []
  const dateOfBirth = readDate(cellOf('dateOfBirth'))
  if (!dateOfBirth.ok) issues.push(issue(at('dateOfBirth'), dateOfBirth.code))
  const sex = readSex(cellOf('sex'))
  if (!sex.ok) issues.push(issue(at('sex'), sex.code))
  const citizenId = readCitizenId(cellOf('citizenId'))
  if (citizenId.ok && citizenId.note) notes.push(issue(at('citizenId'), citizenId.note))
  const text = (field: ImportField) => readText(cellOf(field)) || null
  const check = checkPerson(
    {
      fullName: readText(cellOf('fullName')),
      citizenId: citizenId.ok ? citizenId.value : '',
      dateOfBirth: dateOfBirth.ok ? dateOfBirth.value : '',
      sex: sex.ok ? sex.value : '',
      phone: text('phone'),
      address: text('address'),
      wardCode: text('wardCode'),
      legacySocialInsuranceCode: text('legacySocialInsuranceCode'),
    },
    String(row.line),
    { today },
  )
  const householdKey =
    product === 'HOUSEHOLD_HEALTH_INSURANCE' ? readHouseholdKey(cellOf('householdKey')) : null
  const code = checkHouseholdCode(householdKey, at('householdKey'))
  if (!code.ok) issues.push(...code.issues)
  // A cell that could not be read is reported once, as unreadable, not also as missing.
  const unread = new Set(issues.map((problem) => problem.path))
  issues.push(...check.issues.filter((problem) => !unread.has(problem.path)))
  return {
    line: row.line,
    person: check.person,
    householdKey,
    isHead: readTick(cellOf('isHead')),
    insuredElsewhere: readTick(cellOf('insuredElsewhere')),
    relationToHead: text('relationToHead'),
    issues,
    notes,
  }
}

/** A person listed again in the file (`firstLineOf`: each citizen ID's first line so far): the later rows name the line of the first. */
function markDuplicates(rows: readonly CheckingRow[], firstLineOf: Map<string, number>): void {
  for (const row of rows) {
    const { citizenId } = row.person
    if (citizenId === '') continue
    const first = firstLineOf.get(citizenId)
    if (first !== undefined)
      row.issues.push(issue(`${row.line}.citizenId`, 'IMPORT_DUPLICATE_IN_FILE', { line: first }))
    else firstLineOf.set(citizenId, row.line)
  }
}

/**
 * One household's rows checked as the form checks a household, its issues placed on the rows they are
 * about; a household goes in whole, so when one row is kept out its other rows say which line keeps it out.
 */
function checkHouseholdRows(
  members: readonly CheckingRow[],
  {
    product,
    today,
    on,
    joining,
  }: { readonly product: Product; readonly today: IsoDate; readonly on: IsoDate; readonly joining: boolean },
): void {
  const alone = members.length === 1 && members[0]?.householdKey === null
  const enrolled = members.find((member) => !member.insuredElsewhere) ?? members[0]
  if (!enrolled) return
  const household = checkHousehold(
    {
      product,
      person: enrolled.person,
      householdMembers: alone
        ? null
        : members.map((member) => ({
            person: member.person,
            isHead: member.isHead,
            insuredElsewhere: member.insuredElsewhere,
            relationToHead: member.relationToHead,
          })),
    },
    { today, on, joining },
  )
  // The members' own details were checked row by row; what is left is the household's.
  const found = household.issues.filter((problem) => !/^householdMembers\.\d+\.person\./.test(problem.path))
  for (const problem of found) {
    const member = /^householdMembers\.(\d+)\.(.+)$/.exec(problem.path)
    const own = /^person\.(.+)$/.exec(problem.path)
    const row = member ? members[Number(member[1])] : (members[0] ?? enrolled)
    const field = member ? member[2] : own ? own[1] : 'householdKey'
    if (row) row.issues.push({ ...problem, path: `${row.line}.${field}` })
  }
  const blocking = members.filter((member) => member.issues.length > 0).map((member) => member.line)
  if (blocking.length === 0) return
  for (const member of members) {
    if (member.issues.length === 0) {
      member.issues.push(
        issue(`${member.line}.householdKey`, 'IMPORT_HOUSEHOLD_INCOMPLETE', { lines: blocking.join(', ') }),
      )
    }
  }
}
