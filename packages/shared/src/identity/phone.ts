// Vietnamese mobile numbers: 10 national digits since the 2018–19 conversion, stored as E.164.
// Sources: docs/domain/vn-insurance.md §3 "Mobile phones" [30].

import { type Failure, failure, issue } from '../messages.ts'

/**
 * Mobile prefixes in use (national form). The doc's regex admits 052 and 087 (iTel), whose status is
 * unconfirmed; they are accepted so a real subscriber is never turned away. Number portability means
 * the prefix does not tell the carrier, so no carrier is derived.
 */
const nationalMobilePattern = /^0(3[2-9]|5[2689]|7[06-9]|8[1-9]|9[0-46-9])\d{7}$/

/** E.164 form of a Vietnamese mobile number, '+84' and 9 digits. */
export type PhoneE164 = string

export type PhoneResult = { readonly ok: true; readonly phone: PhoneE164 } | Failure

/**
 * The 11-digit prefixes converted to 10 digits in 2018–19: the first four digits became three, the
 * last seven stayed (docs/domain/vn-insurance.md Appendix D [30]).
 */
const convertedPrefixes: Readonly<Record<string, string>> = {
  '0162': '032',
  '0163': '033',
  '0164': '034',
  '0165': '035',
  '0166': '036',
  '0167': '037',
  '0168': '038',
  '0169': '039',
  '0120': '070',
  '0121': '079',
  '0122': '077',
  '0126': '076',
  '0128': '078',
  '0123': '083',
  '0124': '084',
  '0125': '085',
  '0127': '081',
  '0129': '082',
  '0186': '056',
  '0188': '058',
  '0199': '059',
}

/**
 * The national digits of what people write: separators (spaces, dots, dashes, brackets) go, and the
 * country code in any of its forms (+84, 0084, 84, with or without the trunk 0, "+84 (0)912…") becomes
 * the leading 0. Whatever the digits count, so an old 11-digit number can be recognised.
 */
function nationalForm(input: string): string {
  const compact = input.replace(/[\s.\-()]/g, '')
  const international = /^(?:\+|00)?84(?:0)?(\d{9,10})$/.exec(compact)
  return international ? `0${international[1]}` : compact
}

/** The 10-digit national form when the input is one, else undefined. */
function nationalDigits(input: string): string | undefined {
  const national = nationalForm(input)
  return /^0\d{9}$/.test(national) ? national : undefined
}

/** '0168 123 4567' → '038 123 4567' style grouping for a 10-digit national number. */
function grouped(national: string): string {
  return `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}`
}

/**
 * A mobile number as E.164 ('+84912345678') from the forms people write: '0912 345 678',
 * '0912.345.678', '84912345678', '+84 912-345-678', '+84 (0)912 345 678', '0084 912 345 678'.
 * An old 11-digit number is refused with the number it became; errors are issues at `path`.
 */
export function normalizePhone(input: string, path = 'phone'): PhoneResult {
  const national = nationalForm(input)
  const converted = /^01\d{9}$/.test(national) ? convertedPrefixes[national.slice(0, 4)] : undefined
  if (converted !== undefined) {
    return failure([
      issue(path, 'PHONE_ELEVEN_DIGITS', {
        oldPrefix: national.slice(0, 4),
        newPrefix: converted,
        converted: grouped(`${converted}${national.slice(4)}`),
      }),
    ])
  }
  if (!/^0\d{9}$/.test(national)) return failure([issue(path, 'PHONE_FORMAT')])
  if (!nationalMobilePattern.test(national)) {
    return failure([issue(path, 'PHONE_PREFIX', { prefix: national.slice(0, 3) })])
  }
  return { ok: true, phone: `+84${national.slice(1)}` }
}

/** The 10-digit national form ('0912345678') of a number in any accepted form; undefined if not a number. */
export function phoneNationalDigits(input: string): string | undefined {
  return nationalDigits(input)
}

/** '+84912345678' → '0912 345 678'. Input that is not a phone number is returned unchanged. */
export function formatPhoneNational(phone: string): string {
  const national = nationalDigits(phone)
  return national === undefined ? phone : grouped(national)
}

/** For viewers: '+84912345678' → '091••••678'. Input that is not a phone number is fully masked. */
export function maskPhone(phone: string): string {
  const national = nationalDigits(phone)
  if (national === undefined) return '•'.repeat(phone.length)
  return `${national.slice(0, 3)}${'•'.repeat(4)}${national.slice(7)}`
}
