// Reading the exports back in tests: download one through the API, parse it as RFC 4180 or open it
// as Excel would.
import ExcelJS from 'exceljs'
import type { ApiHarness, Credentials } from './harness.ts'

export async function downloadCsv(api: ApiHarness, path: string, credentials: Credentials) {
  const headers: Record<string, string> = {}
  if (credentials && 'cookie' in credentials) headers.cookie = credentials.cookie
  if (credentials && 'token' in credentials) headers.authorization = `Bearer ${credentials.token}`
  const response = await api.yoga.fetch(`http://tangtoc.test${path}`, { headers })
  const bytes = new Uint8Array(await response.arrayBuffer())
  return { response, bytes, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) }
}

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      row.push(field)
      field = ''
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else field += char
  }
  return rows
}

/** An XLSX export read back as Excel would: each row's cell values, the header first. */
export async function readXlsx(api: ApiHarness, path: string, credentials: Credentials) {
  const { response, bytes } = await downloadCsv(api, path, credentials)
  const workbook = new ExcelJS.Workbook()
  if (response.status === 200) await workbook.xlsx.load(bytes.buffer as ArrayBuffer)
  const sheet = workbook.worksheets[0]
  const rows: unknown[][] = []
  sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
  return { response, sheet, rows }
}
