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

/**
 * Checks `rows` read with `columns` (guessColumns, as the user corrected it) for `product`, registered
 * on `on`. A household whose check fails marks every one of its rows: a household goes in whole or not.
 */
export function checkImportRows(
  rows: readonly SheetRow[],
  columns: readonly (ImportField | null)[],
  { product, today, on }: { readonly product: Product; readonly today: IsoDate; readonly on: IsoDate },
): ImportCheck {
  const cellOf = (row: SheetRow, field: ImportField): Cell => {
    const index = columns.indexOf(field)
    return index < 0 ? undefined : row.cells[index]
  }
  const firstLineOf = new Map<string, number>()
  const checked = rows.map((row) => {
    const at = (field: string) => `${row.line}.${field}`
    const issues: Issue[] = []
    const notes: Issue[] = []
    const dateOfBirth = readDate(cellOf(row, 'dateOfBirth'))
    if (!dateOfBirth.ok) issues.push(issue(at('dateOfBirth'), dateOfBirth.code))
    const sex = readSex(cellOf(row, 'sex'))
    if (!sex.ok) issues.push(issue(at('sex'), sex.code))
    const citizenId = readCitizenId(cellOf(row, 'citizenId'))
    if (citizenId.ok && citizenId.note) notes.push(issue(at('citizenId'), citizenId.note))
    const text = (field: ImportField) => readText(cellOf(row, field)) || null
    const check = checkPerson(
      {
        fullName: readText(cellOf(row, 'fullName')),
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
    const first = firstLineOf.get(check.person.citizenId)
    if (check.person.citizenId !== '' && first !== undefined) {
      issues.push(issue(at('citizenId'), 'IMPORT_DUPLICATE_IN_FILE', { line: first }))
    } else if (check.person.citizenId !== '') firstLineOf.set(check.person.citizenId, row.line)
    return {
      line: row.line,
      person: check.person,
      householdKey: product === 'HOUSEHOLD_HEALTH_INSURANCE' ? text('householdKey') : null,
      isHead: readTick(cellOf(row, 'isHead')),
      insuredElsewhere: readTick(cellOf(row, 'insuredElsewhere')),
      relationToHead: text('relationToHead'),
      issues,
      notes,
    }
  })
  if (product !== 'HOUSEHOLD_HEALTH_INSURANCE') return { rows: checked, households: [] }

  const groups = new Map<string, (typeof checked)[number][]>()
  for (const row of checked) {
    const key = row.householdKey ?? `#${row.line}`
    groups.set(key, [...(groups.get(key) ?? []), row])
  }
  const households: { key: string; lines: number[] }[] = []
  for (const [key, members] of groups) {
    households.push({ key, lines: members.map((member) => member.line) })
    const alone = members.length === 1 && members[0]?.householdKey === null
    const enrolled = members.find((member) => !member.insuredElsewhere) ?? members[0]
    if (!enrolled) continue
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
      { today, on },
    )
    // The members' own details were checked row by row; what is left is the household's.
    const found = household.issues.filter((problem) => !/^householdMembers\.\d+\.person\./.test(problem.path))
    for (const problem of found) {
      const member = /^householdMembers\.(\d+)\.(.+)$/.exec(problem.path)
      const own = /^person\.(.+)$/.exec(problem.path)
      const row = member ? members[Number(member[1])] : (members[0] ?? enrolled)
      const field = member ? member[2] : own ? own[1] : 'householdKey'
      if (row) (row.issues as Issue[]).push({ ...problem, path: `${row.line}.${field}` })
    }
    // A household goes in whole: its other rows say which line keeps it out.
    const blocking = members.filter((member) => member.issues.length > 0).map((member) => member.line)
    if (blocking.length === 0) continue
    for (const member of members) {
      if (member.issues.length === 0) {
        ;(member.issues as Issue[]).push(
          issue(`${member.line}.householdKey`, 'IMPORT_HOUSEHOLD_INCOMPLETE', { lines: blocking.join(', ') }),
        )
      }
    }
  }
  return { rows: checked, households }
}
