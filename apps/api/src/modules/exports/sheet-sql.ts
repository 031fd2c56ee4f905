// A sheet's columns as SQL: each column's value as the sheet shows it (labels, global ids, dates as
// text), selected as each row's values (XLSX, and the CSV of a viewer, whose identifiers are masked in
// JavaScript), or written by PostgreSQL itself as the CSV's records, with csv.ts's rules (its
// `csvCharacters`, looked for by strpos, as JavaScript's regular expressions do): on PostgreSQL a
// record a row, sent by COPY as bytes the API never decodes; over PGlite a page's records as one text.
// So a CSV export makes no string a row in the API rather than some thirty: the driver's fields, the
// sheet's values and the records were most of its CPU and garbage (docs/benchmarks.md).
import { Prisma } from '@tangtoc/db'
import { enumLabels, type LabelledEnum } from '@tangtoc/shared'
import { csvCharacters, csvField, signedNumber } from './csv.ts'

export type SheetColumn = {
  readonly header: string
  /** The value as the sheet shows it, over the statement's joins. */
  readonly value: Prisma.Sql
  /**
   * `text`: what people typed, to which the CSV's rules apply; `number`; `written`: text the export
   * writes itself, which needs none (global ids, ISO dates and times) or has had them applied
   * (`csvValue`: labels); `code`: text the API stores only in a form its validator admits, which no
   * rule can change (campaign and center codes, usernames, citizen IDs' digits, E.164 phones: no quote,
   * comma, line break or space, no formula's first character but a sign before digits alone), so the
   * database skips the rules' seven tests a field (sheet-sql.test.ts holds each validator to it).
   */
  readonly kind: 'text' | 'number' | 'written' | 'code'
  /** An identifier a viewer sees masked. */
  readonly shown?: 'citizenId' | 'phone'
  /** The value as the CSV writes it, where it is not `value` (labels already written as CSV fields). */
  readonly csvValue?: Prisma.Sql
}

/** A text constant as SQL (an escape string, read alike whatever standard_conforming_strings says). */
export function sqlText(text: string): Prisma.Sql {
  return Prisma.raw(`E'${text.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`)
}

/**
 * An enum's Vietnamese label (labelOf's), its value where it has none (an identifier); null for null.
 * `write` gives each label as the sheet writes it: `csvField` for the CSV's records, so that the
 * database looks for nothing in them ("Học sinh, sinh viên" is quoted once, here).
 */
export function labelSql(
  name: LabelledEnum,
  value: Prisma.Sql,
  write: (label: string) => string = (label) => label,
): Prisma.Sql {
  const labels: Readonly<Record<string, string>> = enumLabels.vi[name]
  const cases = Object.entries(labels).map(
    ([each, label]) => Prisma.sql`WHEN ${sqlText(each)} THEN ${sqlText(write(label))}`,
  )
  return Prisma.sql`(CASE ${value}::text ${Prisma.join(cases, ' ')} ELSE ${value}::text END)`
}

/** A column of an enum's labels, "written" in the CSV (labelSql); `none` where the value is null. */
export function labelColumn(
  header: string,
  name: LabelledEnum,
  value: Prisma.Sql,
  none?: string,
): SheetColumn {
  const labels = (write?: (label: string) => string) =>
    none === undefined
      ? labelSql(name, value, write)
      : Prisma.sql`COALESCE(${labelSql(name, value, write)}, ${sqlText(write ? write(none) : none)})`
  return { header, kind: 'written', value: labels(), csvValue: labels(csvField) }
}

/** A Relay global id, as Pothos' encodeGlobalID writes it: base64 of "<type>:<id>" (under 57 bytes, one line). */
export function globalIdSql(typename: string, id: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`encode(convert_to(${sqlText(`${typename}:`)} || ${id}::text, 'UTF8'), 'base64')`
}

/** A day as the sheet writes it (ISO). */
export const isoDaySql = (day: Prisma.Sql) => Prisma.sql`to_char(${day}, 'YYYY-MM-DD')`

/** Whether the text holds any of the characters. */
const holdsAny = (text: Prisma.Sql, characters: string) =>
  Prisma.join(
    [...characters].map((character) => Prisma.sql`strpos(${text}, ${sqlText(character)}) > 0`),
    ' OR ',
  )

/** Whether the first (`left`) or last (`right`) character of the text, not empty, is one of the characters. */
const endIsAny = (end: 'left' | 'right', text: Prisma.Sql, characters: string) =>
  Prisma.sql`strpos(${sqlText(characters)}, ${Prisma.raw(end)}(${text}, 1)) > 0`

/**
 * csvField for text, by csv.ts's characters: where it needs care (null and '' need none), made inert
 * (a formula's first character, unless it is a sign and digits alone: an apostrophe before it, which
 * no rule quotes for), and quoted where it holds a quote, a comma or a line break or ends in a space,
 * or, not made inert, begins with one. Each test is written once over the stored text: a CASE over
 * the inert text instead would be worked out again in every test (seven times a field).
 */
function csvFieldSql(text: Prisma.Sql): Prisma.Sql {
  const { formulaStart, quoted, space } = csvCharacters
  const needsCare = Prisma.sql`${text} <> '' AND (${endIsAny('left', text, formulaStart + space)}
    OR ${endIsAny('right', text, space)} OR ${holdsAny(text, quoted)})`
  const inert = Prisma.sql`${endIsAny('left', text, formulaStart)} AND ${text} !~ ${sqlText(signedNumber)}`
  const quotedAnyway = Prisma.sql`${holdsAny(text, quoted)} OR ${endIsAny('right', text, space)}`
  const inQuotes = Prisma.sql`replace(${text}, '"', '""') || '"'`
  return Prisma.sql`(CASE WHEN NOT (${needsCare}) THEN ${text}
    WHEN ${inert} THEN (CASE WHEN ${quotedAnyway} THEN '"''' || ${inQuotes} ELSE '''' || ${text} END)
    WHEN ${quotedAnyway} OR ${endIsAny('left', text, space)} THEN '"' || ${inQuotes}
    ELSE ${text} END)`
}

/** A row's CSV record, CRLF-terminated (null fields are empty, as concat writes them). */
function csvRecordSql(columns: readonly SheetColumn[]): Prisma.Sql {
  const fields = columns.map((column) =>
    column.kind === 'text' ? csvFieldSql(column.value) : (column.csvValue ?? column.value),
  )
  return Prisma.sql`concat(${Prisma.join(fields, `, ',', `)}, ${sqlText('\r\n')})`
}

/** Each row's values, as columns named "0", "1", … (an object's integer keys keep their order). */
export function sheetValuesSql(columns: readonly SheetColumn[], from: Prisma.Sql, order: Prisma.Sql) {
  const values = columns.map((column, index) => Prisma.sql`${column.value} AS ${Prisma.raw(`"${index}"`)}`)
  return Prisma.sql`SELECT ${Prisma.join(values)} FROM ${from} ORDER BY ${order}`
}

/** Each row's CSV record, in order, as a column `record`: for COPY, whose bytes the API passes on unread. */
export function sheetRecordRowsSql(columns: readonly SheetColumn[], from: Prisma.Sql, order: Prisma.Sql) {
  return Prisma.sql`SELECT ${csvRecordSql(columns)} AS record FROM ${from} ORDER BY ${order}`
}

/** The rows' CSV records as one text, in order, and how many: one field for the driver to read. */
export function sheetRecordsSql(columns: readonly SheetColumn[], from: Prisma.Sql, order: Prisma.Sql) {
  return Prisma.sql`SELECT count(*)::int AS "rows", string_agg(${csvRecordSql(columns)}, '' ORDER BY ${order}) AS records
    FROM ${from}`
}
