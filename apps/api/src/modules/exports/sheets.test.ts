import { describe, expect, it } from 'vitest'
import { sheetStream } from './sheets.ts'

const header = Array.from({ length: 20 }, (_, column) => `Cột ${column}`)

/** `count` batches of 1,000 rows (about a megabyte of XML each), counting how many were taken. */
function countedSheet(count: number) {
  const taken = { batches: 0 }
  async function* batches() {
    for (let batch = 0; batch < count; batch++) {
      taken.batches++
      yield Array.from({ length: 1000 }, (_, row) =>
        header.map((_, column) => (column % 2 ? `Nguyễn Văn ${batch}-${row}-${column}` : row * column)),
      )
    }
  }
  return { taken, sheet: { name: 'Hồ sơ', header, batches: batches() } }
}

describe('an XLSX export as a stream', () => {
  it('takes no more rows than its reader and zlib keep up with: a reader that stops holds the rows back', async () => {
    const { taken, sheet } = countedSheet(100)
    const reader = sheetStream(sheet, 'xlsx').getReader()
    await reader.read()
    // The reader reads nothing more: the file's writer must stop asking for rows within a few batches.
    let before = -1
    while (taken.batches !== before) {
      before = taken.batches
      await new Promise((resolve) => setTimeout(resolve, 300))
    }
    expect(taken.batches).toBeLessThan(30)
    await reader.cancel()
  })

  it('writes every row once the reader reads on', async () => {
    const { taken, sheet } = countedSheet(30)
    let bytes = 0
    const reader = sheetStream(sheet, 'xlsx').getReader()
    for (let read = await reader.read(); !read.done; read = await reader.read()) bytes += read.value.length
    expect(taken.batches).toBe(30)
    expect(bytes).toBeGreaterThan(1_000_000)
  })
})
