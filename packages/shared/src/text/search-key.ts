// Text as stored and as searched. Vietnamese is stored NFC (one code unit per "ệ"); search runs on a
// folded key because no collator matches "Thu Duc" to "Thủ Đức" (vn-insurance.md §6).

import { phoneNationalDigits } from '../identity/phone.ts'

/** Text as it should be stored: NFC, trimmed, runs of white space collapsed to one space. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim()
}

/**
 * The diacritic-free, lower-case form searches compare: "Thủ Đức" → "thu duc".
 * đ/Đ have no decomposition, so they are mapped by hand after the marks are stripped.
 */
export function foldSearchKey(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}

export type PersonSearchFields = {
  readonly fullName: string
  readonly phone?: string | null
  readonly citizenId?: string | null
}

/**
 * One key for one substring search over a person: folded name, the phone in national ('0912…') and
 * international ('84912…') digits, and the citizen id. "nguyen van", "0912345", "8491234" and
 * "079200" all find the same person.
 */
export function personSearchKey({ fullName, phone, citizenId }: PersonSearchFields): string {
  const parts = [foldSearchKey(fullName)]
  if (phone) {
    const national = phoneNationalDigits(phone)
    if (national) parts.push(national, `84${national.slice(1)}`)
    else parts.push(phone.replace(/\D/g, ''))
  }
  if (citizenId) parts.push(citizenId.replace(/\s/g, ''))
  return parts.filter((part) => part.length > 0).join(' ')
}
