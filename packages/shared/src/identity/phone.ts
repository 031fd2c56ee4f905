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

/** Strips the separators people type (spaces, dots, dashes, brackets) and the country code. */
function nationalDigits(input: string): string | undefined {
  const compact = input.replace(/[\s.\-()]/g, '')
  if (/^\+84\d{9}$/.test(compact)) return `0${compact.slice(3)}`
  if (/^84\d{9}$/.test(compact)) return `0${compact.slice(2)}`
  if (/^0\d{9}$/.test(compact)) return compact
  return undefined
}

/**
 * A mobile number as E.164 ('+84912345678') from the forms people write: '0912 345 678',
 * '0912.345.678', '84912345678', '+84 912-345-678'. Errors are issues at `path`.
 */
export function normalizePhone(input: string, path = 'phone'): PhoneResult {
  const national = nationalDigits(input)
  if (national === undefined) return failure([issue(path, 'PHONE_FORMAT')])
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
  if (national === undefined) return phone
  return `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}`
}

/** For viewers: '+84912345678' → '091••••678'. Input that is not a phone number is fully masked. */
export function maskPhone(phone: string): string {
  const national = nationalDigits(phone)
  if (national === undefined) return '•'.repeat(phone.length)
  return `${national.slice(0, 3)}${'•'.repeat(4)}${national.slice(7)}`
}
