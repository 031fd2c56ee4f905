// Reading an uploaded spreadsheet into rows: its kind from its first bytes (not its name), an XLSX's
// archive measured before it is inflated (a zip bomb is refused unread), a CSV's text as UTF-8 or else
// converted from the legacy Vietnamese encoding it reads as (TCVN3 or VNI), the header row found below
// any title rows, and the rows below it a page at a time (a CSV is parsed and an XLSX's sheet inflated
// and parsed as it is read: their text and rows never sit whole in memory). Each refusal is an
// ImportFileError with its text in Vietnamese and English.
import { isUtf8 } from 'node:buffer'
import { Readable } from 'node:stream'
import {
  type Cell,
  guessColumns,
  type ImportEncoding,
  type LegacyEncoding,
  normalizeText,
  type SheetRow,
} from '@tangtoc/shared'
import { parse } from 'csv-parse'
import ExcelJS from 'exceljs'
import yauzl from 'yauzl'
import type { LocalizedText } from '../../errors.ts'
import { decodeLegacy, legacyReadingsOf } from './legacy-encodings.ts'

export const importLimits = {
  /** The largest file taken. */
  maxBytes: 10_000_000,
  /** What an XLSX may inflate to, all its parts together. */
  maxInflatedBytes: 100_000_000,
  /** How many times its compressed size one part may inflate to (a real sheet: 5 to 20). */
  maxRatio: 200,
  /** The most data rows a file may hold. */
  maxRows: 50_000,
  /** The rows read (and stored) at a time. */
  pageRows: 1_000,
}

export class ImportFileError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: LocalizedText,
  ) {
    super(text.en)
  }
}

export type ImportFormat = 'CSV' | 'XLSX'

export interface OpenedSheet {
  format: ImportFormat
  /** The text encoding it was read in: a CSV in TCVN3 or VNI is converted to Unicode. */
  encoding: ImportEncoding
  /** The header row's texts. */
  header: string[]
  /**
   * The data rows below it, blank rows left out, with their line numbers in the sheet, read a page at a
   * time as they are asked for; a file with too many rows is refused when the count passes the limit.
   */
  pages: AsyncGenerator<SheetRow[]>
}

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toLocaleString('en')} MB`

export function tooLarge(): ImportFileError {
  return new ImportFileError(413, 'IMPORT_FILE_TOO_LARGE', {
    vi: `Tệp quá lớn: tối đa ${megabytes(importLimits.maxBytes)}.`,
    en: `The file is too large: at most ${megabytes(importLimits.maxBytes)}.`,
  })
}

/** The file's kind from its first bytes: a ZIP archive is XLSX, text is CSV, anything else is refused. */
export function formatOf(bytes: Uint8Array): ImportFormat {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'XLSX'
  // OLE2 (.xls, Excel 97–2003) and PDF: name them, they are the usual wrong files.
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw wrongType('Excel 97–2003 (.xls)')
  }
  const head = bytes.subarray(0, 4096)
  if (head.includes(0)) throw wrongType(null)
  return 'CSV'
}

function wrongType(named: string | null): ImportFileError {
  return new ImportFileError(415, 'IMPORT_FILE_TYPE', {
    vi: `Chỉ nhận tệp CSV hoặc Excel (.xlsx)${named ? `; đây là tệp ${named}: hãy lưu lại dưới dạng .xlsx` : ''}.`,
    en: `Only CSV or Excel (.xlsx) files are taken${named ? `; this is ${named}: save it as .xlsx` : ''}.`,
  })
}

/** The file's kind and header, its rows to read page by page; a refusal of the whole file is thrown here. */
export async function openSheet(bytes: Uint8Array): Promise<OpenedSheet> {
  if (bytes.byteLength > importLimits.maxBytes) throw tooLarge()
  const format = formatOf(bytes)
  // An XLSX holds Unicode text.
  const encoding = format === 'XLSX' ? 'UNICODE' : csvEncodingOf(bytes)
  const grid = format === 'XLSX' ? readXlsx(bytes) : readCsv(bytes, encoding)
  return { format, encoding, ...(await withHeader(grid)) }
}

// ─── XLSX ────────────────────────────────────────────────────────────────────

function bomb(): ImportFileError {
  return new ImportFileError(422, 'IMPORT_FILE_BOMB', {
    vi: 'Tệp Excel giải nén ra quá lớn so với kích thước của nó: tệp không được nhận.',
    en: 'The Excel file inflates to far more than its size: it is refused.',
  })
}

function unreadable(): ImportFileError {
  return new ImportFileError(422, 'IMPORT_FILE_UNREADABLE', {
    vi: 'Không đọc được tệp Excel: tệp bị hỏng hoặc không phải .xlsx.',
    en: 'The Excel file cannot be read: it is damaged or not an .xlsx file.',
  })
}

/**
 * The parts of an XLSX as its central directory lists them (yauzl), measured before any is inflated: a
 * zip bomb is refused unread. A part is read only when asked for, and yauzl stops it at the size it declares.
 */
interface Archive {
  has(name: string): boolean
  /** The part's text, decoded as it is inflated (a letter cut between two chunks kept whole). */
  text(name: string): AsyncGenerator<string>
  close(): void
}

async function openArchive(bytes: Uint8Array): Promise<Archive> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true, validateEntrySizes: true }, (error, file) =>
      error || !file ? reject(unreadable()) : resolve(file),
    ),
  )
  const entries = new Map<string, yauzl.Entry>()
  let total = 0
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', () => reject(unreadable()))
      zip.on('end', () => resolve())
      zip.on('entry', (entry: yauzl.Entry) => {
        total += entry.uncompressedSize
        const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1)
        if (
          total > importLimits.maxInflatedBytes ||
          (entry.uncompressedSize > 1_000_000 && ratio > importLimits.maxRatio)
        ) {
          reject(bomb())
          return
        }
        entries.set(entry.fileName, entry)
        zip.readEntry()
      })
      zip.readEntry()
    })
  } catch (error) {
    zip.close()
    throw error
  }
  async function* text(name: string): AsyncGenerator<string> {
    const entry = entries.get(name)
    if (!entry) throw unreadable()
    const stream = await new Promise<Readable>((resolve, reject) =>
      zip.openReadStream(entry, (error, opened) =>
        error || !opened ? reject(unreadable()) : resolve(opened),
      ),
    )
    const decoder = new TextDecoder('utf-8')
    try {
      for await (const chunk of stream) yield decoder.decode(chunk as Buffer, { stream: true })
      yield decoder.decode()
    } catch {
      throw unreadable()
    } finally {
      stream.destroy()
    }
  }
  return { has: (name) => entries.has(name), text, close: () => zip.close() }
}

/** The value a cell shows: a formula's result, a link's or rich text's text, a date as a date. */
function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null
  if (value instanceof Date || typeof value !== 'object') return value
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result
    return result === undefined || (typeof result === 'object' && !(result instanceof Date))
      ? null
      : (result as Cell)
  }
  if ('richText' in value) return value.richText.map((run) => run.text).join('')
  if ('text' in value) return typeof value.text === 'string' ? value.text : null
  return null
}

/**
 * The steps of ExcelJS's streaming WorkbookReader (4.4) that its own `parse` runs over the parts unzipper
 * finds in the file's local headers, which the central directory measured above need not list: they are
 * run here over the archive's parts. Each takes the part's text.
 */
interface WorkbookReaderSteps {
  workbookRels?: { Id: string; Target: string }[]
  model?: { sheets?: { rId: string; state?: string }[] }
  _parseRels(part: Readable): Promise<void>
  _parseWorkbook(part: Readable): Promise<void>
  _parseSharedStrings(part: Readable): AsyncGenerator<unknown>
  _parseStyles(part: Readable): Promise<void>
  _parseWorksheet(
    part: AsyncIterable<string>,
    sheetNo: string,
  ): Generator<{ value: AsyncIterable<ExcelJS.Row> }>
}

/** The rows of the first visible sheet, as they are inflated and parsed: the file's cells never all in memory. */
async function* readXlsx(bytes: Uint8Array): AsyncGenerator<Cell[]> {
  const archive = await openArchive(bytes)
  const part = (name: string) => Readable.from(archive.text(name))
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
      sharedStrings: 'cache',
      // Its number formats tell a date from a number.
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
    }) as unknown as WorkbookReaderSteps
    await reader._parseRels(part('xl/_rels/workbook.xml.rels'))
    await reader._parseWorkbook(part('xl/workbook.xml'))
    if (archive.has('xl/sharedStrings.xml')) {
      for await (const _ of reader._parseSharedStrings(part('xl/sharedStrings.xml')));
    }
    if (archive.has('xl/styles.xml')) await reader._parseStyles(part('xl/styles.xml'))
    const name = sheetPartOf(reader)
    const merges = await mergesOf(archive.text(name))
    const [worksheet] = reader._parseWorksheet(archive.text(name), '1')
    if (!worksheet) throw unreadable()
    yield* rowsOf(worksheet.value, merges)
  } catch (error) {
    throw error instanceof ImportFileError ? error : unreadable()
  } finally {
    archive.close()
  }
}

/** The part of the workbook's first visible sheet (the first sheet when all are hidden). */
function sheetPartOf(reader: WorkbookReaderSteps): string {
  const sheets = reader.model?.sheets ?? []
  const sheet = sheets.find((each) => each.state !== 'hidden' && each.state !== 'veryHidden') ?? sheets[0]
  const target = reader.workbookRels?.find((relation) => relation.Id === sheet?.rId)?.Target
  if (!target) throw unreadable()
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`
}

/** A merged range of cells, its rows and columns from 1. */
interface Merge {
  top: number
  left: number
  bottom: number
  right: number
}

const columnNumber = (letters: string) =>
  [...letters].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0)

/** The sheet's merged ranges: listed after its rows, so read in a pass of their own over its text. */
async function mergesOf(text: AsyncIterable<string>): Promise<Merge[]> {
  const merges: Merge[] = []
  let rest = ''
  for await (const chunk of text) {
    const read = rest + chunk
    const pattern = /<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g
    let end = 0
    for (let match = pattern.exec(read); match; match = pattern.exec(read)) {
      const [, left = '', top = '', right = '', bottom = ''] = match
      merges.push({
        top: Number(top),
        left: columnNumber(left),
        bottom: Number(bottom),
        right: columnNumber(right),
      })
      end = pattern.lastIndex
    }
    // A tag cut between two chunks is read with the next.
    rest = read.slice(Math.max(end, read.length - 200))
  }
  return merges.sort((a, b) => a.top - b.top)
}

/**
 * The sheet's rows from its first line, a line the sheet leaves out as a blank row; a merged cell shows
 * its range's first cell (a household key merged down its members' rows).
 */
async function* rowsOf(rows: AsyncIterable<ExcelJS.Row>, merges: readonly Merge[]): AsyncGenerator<Cell[]> {
  let line = 0
  let next = 0
  let open: (Merge & { value: Cell })[] = []
  for await (const row of rows) {
    for (line++; line < row.number; line++) yield []
    const cells: Cell[] = []
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellValue(cell.value)
    })
    open = open.filter((merge) => merge.bottom >= line)
    for (let merge = merges[next]; merge && merge.top <= line; merge = merges[++next]) {
      if (merge.bottom >= line)
        open.push({ ...merge, value: merge.top === line ? cells[merge.left - 1] : null })
    }
    for (const merge of open) {
      for (let column = merge.left; column <= merge.right; column++) {
        if (merge.top !== line || column !== merge.left) cells[column - 1] = merge.value
      }
    }
    yield cells
  }
}

// ─── CSV ─────────────────────────────────────────────────────────────────────

/**
 * The encoding a CSV is read in: UTF-8 (checked whole, without decoding it), else the one legacy
 * Vietnamese encoding in which it reads as Vietnamese; a file that reads well in both, or in neither,
 * is refused naming them.
 */
function csvEncodingOf(bytes: Uint8Array): ImportEncoding {
  if (isUtf8(bytes)) return 'UNICODE'
  const readings = legacyReadingsOf(bytes.subarray(0, textChunkBytes))
  if (readings.length === 1 && readings[0]) return readings[0]
  const vi =
    readings.length === 2
      ? `Tệp CSV không ở dạng Unicode (UTF-8) và đọc được theo cả hai bảng mã TCVN3 (ABC) lẫn VNI: không thể biết là bảng mã nào.`
      : `Tệp CSV không ở dạng Unicode (UTF-8), và đọc theo bảng mã TCVN3 (ABC) hay VNI đều không ra tiếng Việt.`
  const en =
    readings.length === 2
      ? `The CSV file is not Unicode (UTF-8) and reads as Vietnamese in both TCVN3 (ABC) and VNI: which one it is cannot be told.`
      : `The CSV file is not Unicode (UTF-8), and it reads as Vietnamese in neither TCVN3 (ABC) nor VNI.`
  return refuseEncoding({ vi, en })
}

function refuseEncoding(text: LocalizedText): never {
  throw new ImportFileError(422, 'IMPORT_FILE_ENCODING', {
    vi: `${text.vi} Hãy chuyển tệp sang Unicode (Unikey: “Chuyển mã”) hoặc mở bằng Excel rồi lưu lại dạng “CSV UTF-8”.`,
    en: `${text.en} Convert it to Unicode (Unikey's converter) or open it in Excel and save it as “CSV UTF-8”.`,
  })
}

const textChunkBytes = 65_536

/** The file's text a chunk at a time (a character cut between two chunks is kept whole). */
function* textOfCsv(bytes: Uint8Array, encoding: ImportEncoding): Generator<string> {
  if (encoding !== 'UNICODE') {
    yield* legacyTextOf(bytes, encoding)
    return
  }
  const decoder = new TextDecoder('utf-8')
  for (let at = 0; at < bytes.byteLength; at += textChunkBytes) {
    yield decoder.decode(bytes.subarray(at, at + textChunkBytes), { stream: true })
  }
  const rest = decoder.decode()
  if (rest) yield rest
}

/**
 * A legacy file's text a chunk at a time, each chunk cut after a byte that is no letter (a line's end, a
 * comma, a space): a VNI letter is two bytes, its base letter and its mark, and stays in one chunk.
 */
function* legacyTextOf(bytes: Uint8Array, encoding: LegacyEncoding): Generator<string> {
  let at = 0
  while (at < bytes.byteLength) {
    let end = Math.min(at + textChunkBytes, bytes.byteLength)
    if (end < bytes.byteLength) {
      let cut = end
      while (cut > at && !isSeparatorByte(bytes[cut - 1] ?? 0)) cut--
      if (cut > at) end = cut
    }
    yield decodeLegacy(bytes.subarray(at, end), encoding)
    at = end
  }
}

const isSeparatorByte = (byte: number) => byte < 0x30 || (byte >= 0x3a && byte <= 0x40)

/** The CSV's records, parsed as its text is decoded. */
async function* readCsv(bytes: Uint8Array, encoding: ImportEncoding): AsyncGenerator<Cell[]> {
  const head = (textOfCsv(bytes.subarray(0, textChunkBytes), encoding).next().value ?? '').replace(
    /^\uFEFF/,
    '',
  )
  const firstLine = head.slice(0, head.search(/\r?\n|$/))
  // Excel in a Vietnamese locale writes ';' between fields; others write ',' or a tab.
  const delimiter = [',', ';', '\t'].reduce((best, each) =>
    firstLine.split(each).length > firstLine.split(best).length ? each : best,
  )
  const records = Readable.from(textOfCsv(bytes, encoding)).pipe(
    parse({ delimiter, relax_column_count: true, skip_empty_lines: false, bom: true }),
  )
  try {
    for await (const record of records) yield record as Cell[]
  } catch (error) {
    throw new ImportFileError(422, 'IMPORT_FILE_UNREADABLE', {
      vi: `Không đọc được tệp CSV: ${(error as Error).message}`,
      en: `The CSV file cannot be read: ${(error as Error).message}`,
    })
  } finally {
    records.destroy()
  }
}

// ─── Header ──────────────────────────────────────────────────────────────────

const isBlank = (cells: readonly Cell[]) =>
  cells.every((cell) => cell === null || cell === undefined || String(cell).trim() === '')

const isHeader = (cells: readonly Cell[]) =>
  guessColumns(cells.map((cell) => textOf(cell))).filter(Boolean).length >= 2

/**
 * The header is the first row naming at least two known columns (title rows above it, such as
 * "DANH SÁCH HỘ GIA ĐÌNH THAM GIA BHYT", are skipped); the rows below it are data, blank ones left out.
 */
async function withHeader(grid: AsyncGenerator<Cell[]>): Promise<Omit<OpenedSheet, 'format' | 'encoding'>> {
  let line = 0
  let found: Cell[] | null = null
  while (line < 20 && !found) {
    const next = await grid.next()
    if (next.done) break
    line++
    if (isHeader(next.value)) found = next.value
  }
  if (!found) {
    await grid.return(undefined)
    throw new ImportFileError(422, 'IMPORT_HEADER_MISSING', {
      vi: 'Không tìm thấy dòng tiêu đề (ví dụ “Họ và tên”, “Số CCCD”, “Ngày sinh”) trong 20 dòng đầu của tệp.',
      en: 'No header row (e.g. “Họ và tên”, “Số CCCD”, “Ngày sinh”) was found in the first 20 rows of the file.',
    })
  }
  const header = Array.from(found, (cell) => textOf(cell))
  async function* pages(): AsyncGenerator<SheetRow[]> {
    let page: SheetRow[] = []
    let count = 0
    for await (const row of grid) {
      line++
      const cells = Array.from(row, (cell) => (typeof cell === 'string' ? normalizeText(cell) : cell))
      if (isBlank(cells)) continue
      // A header repeated on every printed page is not a row.
      if (cells.every((cell, column) => textOf(cell) === (header[column] ?? ''))) continue
      // Past the limit the rows are only counted, to say how many the file has.
      if (++count > importLimits.maxRows) continue
      page.push({ line, cells })
      if (page.length === importLimits.pageRows) {
        yield page
        page = []
      }
    }
    if (count > importLimits.maxRows) {
      throw new ImportFileError(422, 'IMPORT_TOO_MANY_ROWS', {
        vi: `Tệp có ${count.toLocaleString('vi-VN')} dòng: mỗi lần nhập tối đa ${importLimits.maxRows.toLocaleString('vi-VN')} dòng.`,
        en: `The file has ${count.toLocaleString('en')} rows: at most ${importLimits.maxRows.toLocaleString('en')} per import.`,
      })
    }
    if (page.length > 0) yield page
  }
  return { header, pages: pages() }
}

function textOf(cell: Cell): string {
  if (cell === null || cell === undefined) return ''
  if (cell instanceof Date) return cell.toISOString().slice(0, 10)
  return normalizeText(String(cell))
}

// ─── Cells kept as JSON ──────────────────────────────────────────────────────

/** A cell as stored in ImportRow.cells: a date becomes {"date":"YYYY-MM-DD"}. */
export type StoredCell = string | number | boolean | null | { date: string }

export function storedCell(cell: Cell): StoredCell {
  if (cell instanceof Date) return { date: cell.toISOString().slice(0, 10) }
  return cell ?? null
}

export function cellOf(stored: StoredCell): Cell {
  if (stored !== null && typeof stored === 'object') return new Date(`${stored.date}T00:00:00Z`)
  return stored
}
