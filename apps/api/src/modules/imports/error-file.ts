// The rows an import refused, as a sheet to fix and upload again: the file's own header and cells as
// read (a date written dd/MM/yyyy, a citizen ID as text), with the line it came from and its errors in
// Vietnamese and English. Its header is the file's, so the same columns are found again on re-upload.
import type { ImportBatch, PrismaClient } from '@tangtoc/db'
import type { CsvValue } from '../exports/csv.ts'
import type { Sheet } from '../exports/sheets.ts'
import type { StoredCell } from './files.ts'
import type { ImportIssue } from './preview.ts'

const dayMonthYear = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`

function shownValue(cell: StoredCell | undefined): CsvValue {
  if (cell === null || cell === undefined) return null
  if (typeof cell === 'object') return dayMonthYear(cell.date)
  if (typeof cell === 'boolean') return cell ? 'x' : ''
  // Long numbers (a citizen ID Excel kept as a number) as text: no scientific notation.
  if (typeof cell === 'number' && Number.isInteger(cell) && Math.abs(cell) >= 1e9) return cell.toFixed(0)
  return cell
}

const describe = (issues: readonly ImportIssue[], locale: 'vi' | 'en') =>
  issues.map((problem) => `${problem.field}: ${problem.message[locale]}`).join('; ')

/**
 * The refused rows of `batch`: after its commit, those it refused; before (`issues`, the preview's by
 * line), those the preview refuses.
 */
export async function errorSheet(
  prisma: PrismaClient,
  batch: Pick<ImportBatch, 'id' | 'header'>,
  issues: Map<number, ImportIssue[]> | null,
): Promise<Sheet> {
  const header = ['Dòng gốc', ...batch.header, 'Lỗi', 'Errors']
  async function* batches(): AsyncGenerator<CsvValue[][]> {
    let after = 0
    for (;;) {
      const rows = await prisma.importRow.findMany({
        where: { batchId: batch.id, line: { gt: after }, ...(issues ? {} : { status: 'REFUSED' }) },
        orderBy: { line: 'asc' },
        take: 1_000,
      })
      if (rows.length === 0) return
      after = rows.at(-1)?.line ?? after
      yield rows.flatMap((row) => {
        const found = issues ? (issues.get(row.line) ?? []) : ((row.issues ?? []) as unknown as ImportIssue[])
        if (found.length === 0) return []
        const cells = row.cells as StoredCell[]
        return [
          [
            row.line,
            ...batch.header.map((_, index) => shownValue(cells[index])),
            describe(found, 'vi'),
            describe(found, 'en'),
          ],
        ]
      })
    }
  }
  return { name: 'Dòng lỗi', header, batches: batches() }
}
