// The import's XLSX reader alone, its memory as a file grows (docs/benchmarks.md, "preview checked in
// pages and XLSX streamed"). Two steps, each in a process of its own, so that writing the workbook
// leaves nothing in the reading process:
//   NODE_OPTIONS=--expose-gc npx tsx bench/xlsx-reader.ts make 50000 /tmp/rows.xlsx
//   NODE_OPTIONS=--expose-gc npx tsx bench/xlsx-reader.ts read /tmp/rows.xlsx
// `read` opens the file with openSheet and reads every page, sampling the heap and the resident set
// every 10 ms; it prints the peaks.
import { readFileSync, writeFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import { openSheet } from '../src/modules/imports/files.ts'
import { header } from './bulk-intake.ts'

const [step, ...args] = process.argv.slice(2)
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0)

/** A ward's list of `rows` people (the import bench's columns), households of three, as ExcelJS writes a workbook. */
async function make(rows: number, file: string) {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Danh sách')
  sheet.addRow(header)
  for (let index = 0; index < rows; index++) {
    const head = index % 3 === 0
    sheet.addRow([
      `Nguyễn Văn Tư ${index}`,
      `0960850${String(index).padStart(5, '0')}`,
      '01/02/1985',
      index % 3 === 1 ? 'Nữ' : 'Nam',
      '0912345678',
      `Số ${index} đường Lê Lợi, phường Bến Thành`,
      '26734',
      `HO-${Math.floor(index / 3)}`,
      head ? 'x' : '',
      head ? '' : 'Vợ',
    ])
  }
  writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()))
}

async function read(file: string) {
  const bytes = new Uint8Array(readFileSync(file))
  globalThis.gc?.()
  const start = process.memoryUsage()
  const peak = { rss: start.rss, heapUsed: start.heapUsed }
  const sample = () => {
    const now = process.memoryUsage()
    peak.rss = Math.max(peak.rss, now.rss)
    peak.heapUsed = Math.max(peak.heapUsed, now.heapUsed)
  }
  const timer = setInterval(sample, 10)
  const started = performance.now()
  let rows = 0
  for await (const page of (await openSheet(bytes)).pages) {
    rows += page.length
    sample()
  }
  clearInterval(timer)
  console.log(
    `${(bytes.byteLength / 2 ** 20).toFixed(1)} MB, ${rows} rows in ${((performance.now() - started) / 1000).toFixed(1)} s; RSS ${mb(start.rss)} → peak ${mb(peak.rss)} MB, heap used ${mb(start.heapUsed)} → peak ${mb(peak.heapUsed)} MB`,
  )
}

if (step === 'make') await make(Number(args[0] ?? 50_000), args[1] ?? '/tmp/rows.xlsx')
else await read(args[0] ?? '/tmp/rows.xlsx')
