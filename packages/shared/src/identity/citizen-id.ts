// The 12-digit personal identification number (số định danh cá nhân) on the CCCD / thẻ căn cước,
// which replaced the 10-digit social-insurance code from 2025-08-01. docs/domain/vn-insurance.md §3
// [26][27][28].
//
//   digits 1–3  province (or country) code of the birth registration, from the 63 pre-2025 provinces
//   digit  4    century and sex: 1900s male 0 / female 1, 2000s 2/3, 2100s 4/5, 2200s 6/7, 2300s 8/9
//   digits 5–6  last two digits of the birth year
//   digits 7–12 random

import { type IsoDate, toIsoDate } from '../calendar.ts'
import type { Sex } from '../enums.ts'
import { type Failure, failure, type Issue, issue } from '../messages.ts'

/** An identifier as typed, without the spaces people group its digits with. */
function compactDigits(input: string): string {
  return input.replace(/\s/g, '')
}

/**
 * Birth-registration codes of the 63 provinces before the 2025 merger (Circular 07/2016/TT-BCA).
 * The 34 post-merger provinces are deliberately not used: the number never changes for life.
 * Which codes births registered after 2025-07-01 receive is unconfirmed.
 */
export const citizenIdProvinceCodes = {
  '001': 'Hà Nội',
  '002': 'Hà Giang',
  '004': 'Cao Bằng',
  '006': 'Bắc Kạn',
  '008': 'Tuyên Quang',
  '010': 'Lào Cai',
  '011': 'Điện Biên',
  '012': 'Lai Châu',
  '014': 'Sơn La',
  '015': 'Yên Bái',
  '017': 'Hòa Bình',
  '019': 'Thái Nguyên',
  '020': 'Lạng Sơn',
  '022': 'Quảng Ninh',
  '024': 'Bắc Giang',
  '025': 'Phú Thọ',
  '026': 'Vĩnh Phúc',
  '027': 'Bắc Ninh',
  '030': 'Hải Dương',
  '031': 'Hải Phòng',
  '033': 'Hưng Yên',
  '034': 'Thái Bình',
  '035': 'Hà Nam',
  '036': 'Nam Định',
  '037': 'Ninh Bình',
  '038': 'Thanh Hóa',
  '040': 'Nghệ An',
  '042': 'Hà Tĩnh',
  '044': 'Quảng Bình',
  '045': 'Quảng Trị',
  '046': 'Thừa Thiên Huế',
  '048': 'Đà Nẵng',
  '049': 'Quảng Nam',
  '051': 'Quảng Ngãi',
  '052': 'Bình Định',
  '054': 'Phú Yên',
  '056': 'Khánh Hòa',
  '058': 'Ninh Thuận',
  '060': 'Bình Thuận',
  '062': 'Kon Tum',
  '064': 'Gia Lai',
  '066': 'Đắk Lắk',
  '067': 'Đắk Nông',
  '068': 'Lâm Đồng',
  '070': 'Bình Phước',
  '072': 'Tây Ninh',
  '074': 'Bình Dương',
  '075': 'Đồng Nai',
  '077': 'Bà Rịa–Vũng Tàu',
  '079': 'Hồ Chí Minh',
  '080': 'Long An',
  '082': 'Tiền Giang',
  '083': 'Bến Tre',
  '084': 'Trà Vinh',
  '086': 'Vĩnh Long',
  '087': 'Đồng Tháp',
  '089': 'An Giang',
  '091': 'Kiên Giang',
  '092': 'Cần Thơ',
  '093': 'Hậu Giang',
  '094': 'Sóc Trăng',
  '095': 'Bạc Liêu',
  '096': 'Cà Mau',
} as const satisfies Record<string, string>

export type CitizenIdProvinceCode = keyof typeof citizenIdProvinceCodes

export function isCitizenIdProvinceCode(code: string): code is CitizenIdProvinceCode {
  return Object.hasOwn(citizenIdProvinceCodes, code)
}

/** What a well-formed number says about its holder. */
export type CitizenIdFacts = {
  readonly citizenId: string
  readonly provinceCode: CitizenIdProvinceCode
  readonly sex: Sex
  /** The first year of the century of birth: 1900, 2000, … */
  readonly century: number
  /** Last two digits of the birth year. */
  readonly birthYearDigits: string
}

export type CitizenIdResult = { readonly ok: true; readonly facts: CitizenIdFacts } | Failure

/** The 4th digit for a birth year and sex; undefined outside 1900–2399. */
export function centurySexDigit(birthYear: number, sex: Sex): string | undefined {
  const centuryIndex = Math.floor(birthYear / 100) - 19
  if (centuryIndex < 0 || centuryIndex > 4) return undefined
  return String(centuryIndex * 2 + (sex === 'FEMALE' ? 1 : 0))
}

function birthYearOf(dateOfBirth: IsoDate | Date): number | undefined {
  const iso = toIsoDate(dateOfBirth)
  return iso === undefined ? undefined : Number(iso.slice(0, 4))
}

/**
 * Checks a personal identification number and, when given, cross-checks digits 4–6 against the
 * holder's date of birth and sex. Returns every issue found rather than throwing.
 */
export function validateCitizenId(
  input: string,
  holder: { readonly dateOfBirth?: IsoDate | Date; readonly sex?: Sex } = {},
  path = 'citizenId',
): CitizenIdResult {
  const citizenId = compactDigits(input)
  if (/^\d{9}$/.test(citizenId)) return failure([issue(path, 'IDENTITY_CARD_NUMBER_OBSOLETE')])
  if (!/^\d{12}$/.test(citizenId)) return failure([issue(path, 'CITIZEN_ID_FORMAT')])

  const issues: Issue[] = []
  const provinceCode = citizenId.slice(0, 3)
  if (!isCitizenIdProvinceCode(provinceCode)) {
    issues.push(issue(path, 'CITIZEN_ID_PROVINCE', { provinceCode }))
  }
  const digit = Number(citizenId[3])
  const sex: Sex = digit % 2 === 0 ? 'MALE' : 'FEMALE'
  const century = 1900 + Math.floor(digit / 2) * 100
  const birthYearDigits = citizenId.slice(4, 6)

  const birthYear = holder.dateOfBirth === undefined ? undefined : birthYearOf(holder.dateOfBirth)
  if (holder.dateOfBirth !== undefined && birthYear === undefined) {
    issues.push(issue('dateOfBirth', 'DATE_INVALID'))
  }
  if (birthYear !== undefined || holder.sex !== undefined) {
    const expected = centurySexDigit(birthYear ?? century, holder.sex ?? sex)
    if (expected !== String(digit)) {
      issues.push(
        issue(path, 'CITIZEN_ID_CENTURY_SEX_MISMATCH', { digit: String(digit), expected: expected ?? '–' }),
      )
    }
  }
  if (birthYear !== undefined && String(birthYear % 100).padStart(2, '0') !== birthYearDigits) {
    issues.push(issue(path, 'CITIZEN_ID_BIRTH_YEAR_MISMATCH', { digits: birthYearDigits, birthYear }))
  }
  if (issues.length > 0 || !isCitizenIdProvinceCode(provinceCode)) return failure(issues)
  return { ok: true, facts: { citizenId, provinceCode, sex, century, birthYearDigits } }
}

/**
 * A valid number for a person, for the demo data generator and tests. Throws on impossible input
 * (it is a programming error there, not a user's): an unknown province code, a birth year outside
 * 1900–2399 or a serial outside 0–999999.
 */
export function buildCitizenId({
  provinceCode,
  dateOfBirth,
  sex,
  serial,
}: {
  readonly provinceCode: string
  readonly dateOfBirth: IsoDate | Date
  readonly sex: Sex
  readonly serial: number
}): string {
  if (!isCitizenIdProvinceCode(provinceCode)) {
    throw new RangeError(`Unknown birth-registration province code ${provinceCode} (use 3 digits, e.g. 079)`)
  }
  const birthYear = birthYearOf(dateOfBirth)
  const digit = birthYear === undefined ? undefined : centurySexDigit(birthYear, sex)
  if (birthYear === undefined || digit === undefined) {
    throw new RangeError(`Date of birth ${String(dateOfBirth)} is not a date in 1900–2399`)
  }
  if (!Number.isInteger(serial) || serial < 0 || serial > 999_999) {
    throw new RangeError(`Serial ${serial} is not a whole number in 0–999999`)
  }
  return `${provinceCode}${digit}${String(birthYear % 100).padStart(2, '0')}${String(serial).padStart(6, '0')}`
}

/** For viewers: '079200001123' → '079••••••123'. */
export function maskCitizenId(citizenId: string): string {
  if (citizenId.length <= 6) return '•'.repeat(citizenId.length)
  return `${citizenId.slice(0, 3)}${'•'.repeat(citizenId.length - 6)}${citizenId.slice(-3)}`
}

export type LegacySocialInsuranceCodeResult = { readonly ok: true; readonly code: string } | Failure

/**
 * The 10-digit social-insurance code (mã số BHXH) used before 2025-08-01, kept only to match old
 * records. Its digits carry no checkable meaning in the sources, so only the form is checked; an old
 * 9-digit identity card number, a common mix-up, is named as such.
 */
export function validateLegacySocialInsuranceCode(
  input: string,
  path = 'legacySocialInsuranceCode',
): LegacySocialInsuranceCodeResult {
  const code = compactDigits(input)
  if (/^\d{9}$/.test(code)) {
    return failure([issue(path, 'IDENTITY_CARD_NUMBER_OBSOLETE', {}, 'socialInsuranceNumber')])
  }
  if (!/^\d{10}$/.test(code)) return failure([issue(path, 'LEGACY_SOCIAL_INSURANCE_CODE_FORMAT')])
  return { ok: true, code }
}

export type SocialInsuranceNumber = {
  /** The digits, without spaces. */
  readonly number: string
  /** The 12-digit personal ID that serves as the number since 2025, or the 10-digit code before it. */
  readonly kind: 'CITIZEN_ID' | 'LEGACY_CODE'
}

export type SocialInsuranceNumberResult =
  | { readonly ok: true; readonly socialInsuranceNumber: SocialInsuranceNumber }
  | Failure

/**
 * A social-insurance number as people give it (a previous card's, a VssID screen's): the 10-digit code,
 * or the 12-digit personal ID that replaced it from 2025-08-01 (docs/domain/vn-insurance.md §3 [28],
 * Appendix C). A 12-digit number is checked as a personal ID; an old 9-digit identity card number
 * gets its own message.
 */
export function checkSocialInsuranceNumber(
  input: string,
  path = 'socialInsuranceNumber',
): SocialInsuranceNumberResult {
  const number = compactDigits(input)
  if (/^\d{10}$/.test(number)) return { ok: true, socialInsuranceNumber: { number, kind: 'LEGACY_CODE' } }
  if (/^\d{12}$/.test(number)) {
    const checked = validateCitizenId(number, {}, path)
    return checked.ok ? { ok: true, socialInsuranceNumber: { number, kind: 'CITIZEN_ID' } } : checked
  }
  if (/^\d{9}$/.test(number)) {
    return failure([issue(path, 'IDENTITY_CARD_NUMBER_OBSOLETE', {}, 'socialInsuranceNumber')])
  }
  return failure([issue(path, 'SOCIAL_INSURANCE_NUMBER_FORMAT')])
}
