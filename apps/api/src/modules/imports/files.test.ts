// Reading an uploaded file a page at a time: what `POST /imports` stores, before any database is involved.
import { describe, expect, it } from 'vitest'
import { ImportFileError, importLimits, type OpenedSheet, openSheet } from './files.ts'

/** A CSV of `rows` people under its header, each line also given by `line` when it returns text. */
function csvOf(rows: number, line?: (index: number) => string | undefined): Uint8Array {
  const lines = ['Họ và tên,Số CCCD,Ngày sinh']
  for (let index = 0; index < rows; index++) {
    lines.push(line?.(index) ?? `Nguyễn Văn Tư ${index},0790850${String(index).padStart(5, '0')},01/02/1985`)
  }
  return new TextEncoder().encode(`${lines.join('\r\n')}\r\n`)
}

async function refusalOf(sheet: OpenedSheet): Promise<unknown> {
  try {
    for await (const _ of sheet.pages);
  } catch (error) {
    return error
  }
  return null
}

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
