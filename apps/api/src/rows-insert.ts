// Writing many rows in one statement: the rows travel as one JSON parameter, read as the table's own
// row type (PostgreSQL converts each column), where Prisma's createMany binds every value (33 an
// enrollment) and spends more time building the statement than the database running it. Registration
// (enrollments/registration-write.ts) chains these inserts in its one statement; an upload stores its
// pages of import rows with them, a status change its history, a change its audit events.
import { Prisma } from '@tangtoc/db'
import type { Context } from './context.ts'

const sql = Prisma.sql

/** A value as one JSON parameter. */
export const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`

/**
 * The insert of rows into a table whatever their number, written only while `when` holds. A unique
 * violation is the database's error, as any insert's. `source`: the rows as a jsonb array the
 * statement holds already (another part of it reads them too), instead of a parameter of their own.
 */
export function rowsInsert(
  table: string,
  rows: readonly object[],
  when: Prisma.Sql = sql`true`,
  source: Prisma.Sql = json(rows),
): Prisma.Sql {
  const columns = Prisma.raw(
    Object.keys(rows[0] ?? {})
      .map((column) => `"${column}"`)
      .join(', '),
  )
  const type = Prisma.raw(`"${table}"`)
  return sql`INSERT INTO ${type} (${columns})
    SELECT ${columns} FROM jsonb_populate_recordset(NULL::${type}, ${source}) WHERE ${when}`
}

/** Inserts rows into a table in one statement whatever their number (none: no statement). */
export async function insertRows(
  db: Prisma.TransactionClient | Context['prisma'],
  table: string,
  rows: readonly object[],
): Promise<void> {
  if (rows.length > 0) await db.$executeRaw(rowsInsert(table, rows))
}
