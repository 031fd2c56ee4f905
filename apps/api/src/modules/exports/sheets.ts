// The exports' two spreadsheet formats from the same rows: CSV (csv.ts) and Excel's own XLSX, written
// as a stream by ExcelJS (a workbook of 366,000 rows never sits whole in memory). In XLSX a text cell
// is text: nothing typed into a name or an address can run as a formula.
import { once } from 'node:events'
import { PassThrough, Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { type CsvPage, type CsvValue, csvPages, csvStream } from './csv.ts'

export const sheetFormats = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const
export type SheetFormat = keyof typeof sheetFormats

/** A sheet to export: its name (the XLSX tab), its header and its rows, batch by batch. */
export type Sheet = {
  readonly name: string
  readonly header: readonly string[]
  readonly batches: AsyncIterable<readonly CsvValue[][]>
  /**
   * The same rows already written as CSV records by the database (sheet-sql.ts), when it can write
   * them: the CSV takes these rather than `batches`. Each is read only when its format is written.
   */
  readonly csvPages?: AsyncIterable<CsvPage>
}

/** An export ready to write: its sheet, the file's name (without extension) and how many rows it holds. */
export type SheetExport = { sheet: Sheet; filename: string; rowCount: number }

export function sheetStream(sheet: Sheet, format: SheetFormat): ReadableStream<Uint8Array> {
  return format === 'csv'
    ? csvStream(sheet.header, sheet.csvPages ?? csvPages(sheet.batches))
    : xlsxStream(sheet)
}

function xlsxStream({ name, header, batches }: Sheet): ReadableStream<Uint8Array> {
  const output = new PassThrough()
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true })
  const worksheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
  void (async () => {
    try {
      const head = worksheet.addRow([...header])
      head.font = { bold: true }
      head.commit()
      for await (const batch of batches) {
        for (const row of batch) worksheet.addRow(row.map((value) => value ?? null)).commit()
        await zipCaughtUp(worksheet)
      }
      worksheet.commit()
      await workbook.commit()
    } catch (error) {
      output.destroy(error instanceof Error ? error : new Error(String(error)))
    }
  })()
  return Readable.toWeb(output) as ReadableStream<Uint8Array>
}

/** How much XML may wait for zlib before the next batch waits for it: the deflate keeps working meanwhile. */
const zipBacklogBytes = 8 << 20

/**
 * Waits while the zip has more than `zipBacklogBytes` of the worksheet's XML still to take. ExcelJS's
 * streaming worksheet writes into the zip's entry without heeding back-pressure (its StreamBuf ignores
 * `write`'s answer), so rows written faster than zlib deflates them, or than the reader reads the file,
 * piled up in memory, growing with the row count (366,000 rows: 672 MB at the peak).
 */
async function zipCaughtUp(worksheet: ExcelJS.Worksheet) {
  // ExcelJS's own stream of the worksheet and what it writes into (not in its types): readable-stream
  // PassThroughs, whose state is `_writableState` ('drain' once emptied).
  type ZipEntry = NodeJS.WritableStream & { _writableState?: { length?: number } }
  const pipes = (worksheet as unknown as { stream?: { pipes?: ZipEntry[] } }).stream?.pipes ?? []
  for (const pipe of pipes) {
    if ((pipe._writableState?.length ?? 0) > zipBacklogBytes) await once(pipe, 'drain')
  }
}
