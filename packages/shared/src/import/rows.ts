// Checking a sheet's rows before anything is written (the import's preview): each row with the same
// person rules as the registration form, a person listed twice in the file, and for household health
// insurance the rows grouped by their household key and checked as the form checks a household.
// Issues are placed at '<line>.<field>': the sheet's own line number and the column's field.

import type { IsoDate } from '../calendar.ts'
import type { Product, Sex } from '../enums.ts'
import { checkHousehold } from '../household.ts'
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

/** The household keys the rows name, each once, as checkImportRows reads them. */
export function householdKeysOf(
  rows: readonly SheetRow[],
  columns: readonly (ImportField | null)[],
): string[] {
  const index = columns.indexOf('householdKey')
  if (index < 0) return []
  return [...new Set(rows.map((row) => readText(row.cells[index])))].filter((key) => key !== '')
}

/**
 * Checks `rows` read with `columns` (guessColumns, as the user corrected it) for `product`, registered
 * on `on`. A household whose check fails marks every one of its rows: a household goes in whole or not.
 * The rows of a key in `joining` join a household on file, which has its head: none of them is one.
 */
export function checkImportRows(
  rows: readonly SheetRow[],
  columns: readonly (ImportField | null)[],
  {
    product,
    today,
    on,
    joining = new Set(),
  }: {
    readonly product: Product
    readonly today: IsoDate
    readonly on: IsoDate
    readonly joining?: ReadonlySet<string>
  },
): ImportCheck {
  const checked = rows.map((row) => checkRow(row, columns, { product, today }))
  markDuplicates(checked)
  if (product !== 'HOUSEHOLD_HEALTH_INSURANCE') return { rows: checked, households: [] }
  const groups = new Map<string, CheckingRow[]>()
  for (const row of checked) {
    const key = row.householdKey ?? `#${row.line}`
    groups.set(key, [...(groups.get(key) ?? []), row])
  }
  const households: { key: string; lines: number[] }[] = []
  for (const [key, members] of groups) {
    households.push({ key, lines: members.map((member) => member.line) })
    checkHouseholdRows(members, { product, today, on, joining: joining.has(key) })
  }
  return { rows: checked, households }
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
  // A cell that could not be read is reported once, as unreadable, not also as missing.
  const unread = new Set(issues.map((problem) => problem.path))
  issues.push(...check.issues.filter((problem) => !unread.has(problem.path)))
  return {
    line: row.line,
    person: check.person,
    householdKey: product === 'HOUSEHOLD_HEALTH_INSURANCE' ? text('householdKey') : null,
    isHead: readTick(cellOf('isHead')),
    insuredElsewhere: readTick(cellOf('insuredElsewhere')),
    relationToHead: text('relationToHead'),
    issues,
    notes,
  }
}

/** A person listed again in the file: the later rows name the line of the first. */
function markDuplicates(rows: readonly CheckingRow[]): void {
  const firstLineOf = new Map<string, number>()
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
