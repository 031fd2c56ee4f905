// Reading the spreadsheets wards, partners and post offices send (docs/domain/README.md, "Bulk
// intake"): which column holds what, from the headers people actually write in Vietnamese or English,
// and each cell as the rules want it — dates that Excel stored as serial numbers or as dd/MM/yyyy text,
// citizen IDs that lost their leading zero to a number format, "Nam"/"Nữ", "x" for the household head.

import { addDays, type IsoDate, isIsoDate } from '../calendar.ts'
import type { Sex } from '../enums.ts'
import { foldSearchKey, normalizeText } from '../text/search-key.ts'

/** What a column may hold: a person's details, and the household they belong to. */
export const importFields = [
  'fullName',
  'citizenId',
  'dateOfBirth',
  'sex',
  'phone',
  'address',
  'wardCode',
  'legacySocialInsuranceCode',
  'householdKey',
  'isHead',
  'relationToHead',
  'insuredElsewhere',
] as const
export type ImportField = (typeof importFields)[number]

/** Headers as written, folded (no diacritics, lower case, words only), for each field. */
const headers: Readonly<Record<ImportField, readonly string[]>> = {
  fullName: ['ho va ten', 'ho ten', 'ho ten nguoi tham gia', 'ten', 'full name', 'name'],
  citizenId: [
    'so cccd',
    'cccd',
    'so can cuoc',
    'so can cuoc cong dan',
    'so dinh danh',
    'so dinh danh ca nhan',
    'ma dinh danh',
    'so cmnd cccd',
    'cmnd cccd',
    'citizen id',
    'personal id',
    'id number',
  ],
  dateOfBirth: ['ngay sinh', 'ngay thang nam sinh', 'date of birth', 'birth date', 'dob'],
  sex: ['gioi tinh', 'gt', 'sex', 'gender'],
  phone: ['so dien thoai', 'dien thoai', 'sdt', 'so dt', 'phone', 'phone number', 'mobile'],
  address: ['dia chi', 'dia chi thuong tru', 'noi o', 'address'],
  wardCode: ['ma phuong xa', 'ma xa', 'ma phuong', 'ward code'],
  legacySocialInsuranceCode: ['ma so bhxh', 'so bhxh', 'ma bhxh', 'social insurance number'],
  householdKey: [
    'ma ho',
    'ma ho gia dinh',
    'ma so ho',
    'so ho khau',
    'household',
    'household code',
    'household key',
  ],
  isHead: ['chu ho', 'la chu ho', 'head', 'household head', 'head of household'],
  relationToHead: [
    'quan he voi chu ho',
    'quan he',
    'relation to head',
    'relationship',
    'relationship to head',
  ],
  insuredElsewhere: ['da co bhyt', 'co the bhyt khac', 'insured elsewhere'],
}

function folded(header: string): string {
  return foldSearchKey(header)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

const byHeader = new Map<string, ImportField>(
  Object.entries(headers).flatMap(([field, names]) => names.map((name) => [name, field as ImportField])),
)

/**
 * The field each header names (null: none recognised), each field taken once, the leftmost column
 * first: ["STT", "Họ và tên", "Số CCCD", "Ngày sinh"] → [null, 'fullName', 'citizenId', 'dateOfBirth'].
 */
export function guessColumns(row: readonly string[]): (ImportField | null)[] {
  const taken = new Set<ImportField>()
  return row.map((header) => {
    const field = byHeader.get(folded(header)) ?? null
    if (field === null || taken.has(field)) return null
    taken.add(field)
    return field
  })
}

/** A cell as a spreadsheet library gives it: text, a number, a date, a boolean, or nothing. */
export type Cell = string | number | boolean | Date | null | undefined

export type Read<T> =
  | { readonly ok: true; readonly value: T; readonly note?: 'CITIZEN_ID_LEADING_ZERO_RESTORED' }
  | { readonly ok: false; readonly code: 'DATE_INVALID' | 'SEX_INVALID' }

/** Text as stored (NFC, spaces collapsed); '' for an empty cell. A number keeps all its digits. */
export function readText(cell: Cell): string {
  if (cell === null || cell === undefined) return ''
  if (cell instanceof Date) return cell.toISOString().slice(0, 10)
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell.toFixed(0) : String(cell)
  return normalizeText(String(cell))
}

/** Excel counts days from 1899-12-30 (its 1900 leap-year bug included, which this epoch absorbs). */
const excelEpoch: IsoDate = '1899-12-30'

/**
 * A date from a cell: an Excel serial number (45965 → 2025-11-04), a date the library read, or text
 * as dd/MM/yyyy (also d/M/yyyy, with - or .) or yyyy-MM-dd. '' stays '' (the checks say it is required).
 */
export function readDate(cell: Cell): Read<IsoDate | ''> {
  if (cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')) {
    return { ok: true, value: '' }
  }
  if (cell instanceof Date) {
    return Number.isNaN(cell.getTime())
      ? { ok: false, code: 'DATE_INVALID' }
      : { ok: true, value: cell.toISOString().slice(0, 10) }
  }
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || cell < 1 || cell > 2_958_465) return { ok: false, code: 'DATE_INVALID' }
    return { ok: true, value: addDays(excelEpoch, cell) }
  }
  const text = String(cell).trim()
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text)
  const iso = dayFirst
    ? `${dayFirst[3]}-${dayFirst[2]?.padStart(2, '0')}-${dayFirst[1]?.padStart(2, '0')}`
    : text
  return isIsoDate(iso) ? { ok: true, value: iso } : { ok: false, code: 'DATE_INVALID' }
}

/**
 * A citizen ID from a cell. A number format drops the leading zero every ID of a province code below
 * 100 has (079… for Hồ Chí Minh City): 11 digits read as a number get it back, with a note to check.
 */
export function readCitizenId(cell: Cell): Read<string> {
  const text = readText(cell).replace(/[\s.]/g, '')
  if (/^\d{11}$/.test(text) && (typeof cell === 'number' || typeof cell === 'string')) {
    return { ok: true, value: `0${text}`, note: 'CITIZEN_ID_LEADING_ZERO_RESTORED' }
  }
  return { ok: true, value: text }
}

const sexWords: Readonly<Record<string, Sex>> = {
  nam: 'MALE',
  m: 'MALE',
  male: 'MALE',
  trai: 'MALE',
  nu: 'FEMALE',
  f: 'FEMALE',
  female: 'FEMALE',
  gai: 'FEMALE',
}

/** "Nam"/"Nữ" (and M/F, male/female); '' when blank. */
export function readSex(cell: Cell): Read<Sex | ''> {
  const text = folded(readText(cell))
  if (text === '') return { ok: true, value: '' }
  const sex = sexWords[text]
  return sex ? { ok: true, value: sex } : { ok: false, code: 'SEX_INVALID' }
}

const yes = new Set(['x', 'co', 'yes', 'y', '1', 'true', 'chu ho', 'dung'])

/** A tick: "x", "có", "yes", 1, TRUE, "chủ hộ"; anything else, blank included, is no. */
export function readTick(cell: Cell): boolean {
  if (typeof cell === 'boolean') return cell
  return yes.has(folded(readText(cell)))
}
