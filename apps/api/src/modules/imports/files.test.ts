// Reading an uploaded file a page at a time: what `POST /imports` stores, before any database is involved.
import { describe, expect, it } from 'vitest'
import { zipOf } from '../../../test/zip.ts'
import { ImportFileError, importLimits, type OpenedSheet, openSheet } from './files.ts'

/** A CSV of `rows` people under its header, each line also given by `line` when it returns text. */
function csvOf(rows: number, line?: (index: number) => string | undefined): Uint8Array {
  const lines = ['Họ và tên,Số CCCD,Ngày sinh']
  for (let index = 0; index < rows; index++) {
    lines.push(line?.(index) ?? `Nguyễn Văn Tư ${index},0790850${String(index).padStart(5, '0')},01/02/1985`)
  }
  return new TextEncoder().encode(`${lines.join('\r\n')}\r\n`)
}

async function refusalOf(sheet: OpenedSheet | Promise<OpenedSheet>): Promise<unknown> {
  try {
    for await (const _ of (await sheet).pages);
  } catch (error) {
    return error
  }
  return null
}

const spreadsheetMl = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const relationships = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'

/**
 * An XLSX as Excel lays it out, its one sheet's XML given (`sheetXml`, its text cells inline); a hidden
 * sheet before it, which the import passes over.
 */
function xlsxOf(sheetXml: string, declaredSize?: number): Uint8Array {
  const sheet = (name: string, id: number, state = '') =>
    `<sheet name="${name}" sheetId="${id}"${state} r:id="rId${id}"/>`
  const relation = (id: number) =>
    `<Relationship Id="rId${id}" Type="${relationships}/worksheet" Target="worksheets/sheet${id}.xml"/>`
  return zipOf([
    {
      name: 'xl/workbook.xml',
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${spreadsheetMl}" xmlns:r="${relationships}"><sheets>${sheet('Ẩn', 1, ' state="hidden"')}${sheet('Danh sách', 2)}</sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relation(1)}${relation(2)}</Relationships>`,
      ),
    },
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(sheetXmlOf([['Ẩn', 'Ẩn']])) },
    { name: 'xl/worksheets/sheet2.xml', data: Buffer.from(sheetXml), declaredSize },
  ])
}

/** A sheet's XML of these rows of text from line 1, then `tail` (its closing tags when not given). */
function sheetXmlOf(rows: string[][], tail = '</sheetData></worksheet>'): string {
  const cell = (text: string, column: number, line: number) =>
    `<c r="${String.fromCharCode(65 + column)}${line}" t="inlineStr"><is><t>${text}</t></is></c>`
  const lines = rows.map(
    (cells, index) =>
      `<row r="${index + 1}">${cells.map((text, column) => cell(text, column, index + 1)).join('')}</row>`,
  )
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${spreadsheetMl}"><sheetData>${lines.join('')}${tail}`
}

const peopleRows = (count: number) => [
  ['Họ và tên', 'Số CCCD', 'Ngày sinh'],
  ...Array.from({ length: count }, (_, index) => [
    `Nguyễn Văn Tư ${index}`,
    `0790850${String(index).padStart(5, '0')}`,
    '01/02/1985',
  ]),
]

describe('an XLSX read a page at a time', () => {
  it('gives its first page of rows, of its first visible sheet, before it has read a broken end', async () => {
    const rows = peopleRows(importLimits.pageRows * 2 + 500)
    // Its last row's text is never closed: not XML.
    const broken = `<row r="${rows.length + 1}"><c r="A${rows.length + 1}" t="inlineStr"><is><t>Lê Hoa</is></c></row>`
    const sheet = await openSheet(xlsxOf(sheetXmlOf(rows, `${broken}</sheetData></worksheet>`)))
    expect(sheet).toMatchObject({ format: 'XLSX', header: ['Họ và tên', 'Số CCCD', 'Ngày sinh'] })
    const first = await sheet.pages.next()
    expect(first.value).toHaveLength(importLimits.pageRows)
    expect(first.value?.[0]).toEqual({ line: 2, cells: ['Nguyễn Văn Tư 0', '079085000000', '01/02/1985'] })
    const refused = await refusalOf(sheet)
    expect(refused).toMatchObject({ code: 'IMPORT_FILE_UNREADABLE' })
  })

  it('reads every row whole, its Vietnamese letters too, however the archive cuts its text', async () => {
    const rows = peopleRows(importLimits.pageRows + 10)
    const sheet = await openSheet(xlsxOf(sheetXmlOf(rows)))
    const read = []
    for await (const page of sheet.pages) read.push(...page)
    expect(read.map((row) => row.cells)).toEqual(rows.slice(1))
    expect(read.at(-1)?.line).toBe(rows.length)
  })

  it('refuses a part that inflates past the size it declares', async () => {
    const xml = sheetXmlOf(peopleRows(10))
    const refused = await refusalOf(openSheet(xlsxOf(xml, xml.length - 100)))
    expect(refused).toBeInstanceOf(ImportFileError)
    expect(refused).toMatchObject({ code: 'IMPORT_FILE_UNREADABLE' })
  })
})

describe('a CSV read a page at a time', () => {
  it('gives its first page of rows before it has read a broken row near its end', async () => {
    const rows = importLimits.pageRows * 2 + 500
    const sheet = await openSheet(
      csvOf(rows, (index) => (index === rows - 1 ? 'Lê Thị "Hoa,0790' : undefined)),
    )
    const first = await sheet.pages.next()
    expect(first.done).toBe(false)
    expect(first.value).toHaveLength(importLimits.pageRows)
    expect(first.value?.[0]).toEqual({ line: 2, cells: ['Nguyễn Văn Tư 0', '079085000000', '01/02/1985'] })
    expect(first.value?.at(-1)?.line).toBe(importLimits.pageRows + 1)
    const refused = await refusalOf(sheet)
    expect(refused).toBeInstanceOf(ImportFileError)
    expect(refused).toMatchObject({ code: 'IMPORT_FILE_UNREADABLE' })
  })

  it('gives every row once, in pages, with its line in the file', async () => {
    const sheet = await openSheet(
      csvOf(importLimits.pageRows + 10, (index) => (index === 3 ? ',,' : undefined)),
    )
    const pages = []
    for await (const page of sheet.pages) pages.push(page)
    expect(pages.map((page) => page.length)).toEqual([importLimits.pageRows, 9])
    expect(pages.flat().map((row) => row.line)).not.toContain(5)
    expect(pages.flat().at(-1)?.line).toBe(importLimits.pageRows + 11)
  })

  it('refuses a file past the row limit, saying how many rows it has', async () => {
    const sheet = await openSheet(csvOf(importLimits.maxRows + 2))
    const refused = await refusalOf(sheet)
    expect(refused).toMatchObject({ code: 'IMPORT_TOO_MANY_ROWS' })
    expect((refused as ImportFileError).text.en).toMatch(/50,002 rows: at most 50,000/)
  })
})

describe('a CSV in a legacy Vietnamese encoding', () => {
  it('converts every row of a VNI file longer than one read, none of its two-byte letters cut in half', async () => {
    const rows = 6_000
    const lines = ['Ho\u00ef va\u00f8 te\u00e2n,So\u00e1 CCCD,\u00d1\u00f2a ch\u00e6']
    for (let index = 0; index < rows; index++) {
      lines.push(
        `Nguye\u00e3n Th\u00f2 Ho\u00e0ng,0790850${String(index).padStart(5, '0')},Ph\u00f6\u00f4\u00f8ng Be\u00e1n Ngh\u00e9`,
      )
    }
    const bytes = Buffer.from(lines.join('\r\n'), 'latin1')
    expect(bytes.byteLength).toBeGreaterThan(4 * 65_536)
    const sheet = await openSheet(new Uint8Array(bytes))
    expect(sheet).toMatchObject({
      format: 'CSV',
      encoding: 'VNI',
      header: ['Họ và tên', 'Số CCCD', 'Địa chỉ'],
    })
    const read = []
    for await (const page of sheet.pages) read.push(...page)
    expect(read).toHaveLength(rows)
    expect(new Set(read.map((row) => `${row.cells[0]}|${row.cells[2]}`))).toEqual(
      new Set(['Nguyễn Thị Hồng|Phường Bến Nghé']),
    )
  })
})
