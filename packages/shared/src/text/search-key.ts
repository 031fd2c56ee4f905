// Text as stored and as searched. Vietnamese is stored NFC (one code unit per "ệ"); search runs on a
// folded key because no collator matches "Thu Duc" to "Thủ Đức" (docs/domain/vn-insurance.md §6).

import { phoneNationalDigits } from '../identity/phone.ts'

/** Text as it should be stored: NFC, trimmed, runs of white space collapsed to one space. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim()
}

/** An optional free-text field as stored: normalized, or null when absent or only white space. */
export function normalizeOptionalText(text: string | null | undefined): string | null {
  return text ? normalizeText(text) || null : null
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
 * One folded key over a person (Person.searchKey, which lists sort by name on): folded name, the
 * phone in national ('0912…') and international ('84912…') digits, and the citizen id. Searches
 * use searchPrefixes and the identifiers instead (personSearch).
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

/** The words of a text as a name search compares them: folded, split at anything not a letter or digit. */
export function searchWords(text: string): string[] {
  return foldSearchKey(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
}

/** A person's full name, at most this many characters (as normalizeText leaves it). */
export const fullNameMaxLength = 100

/**
 * How many letters of a word its beginnings go up to; a searched word is compared by as many. No
 * Vietnamese syllable has more than seven, and a name's entries stay within what an index row holds
 * with fullNameMaxLength (the migration that filled Person.searchPrefixes uses the same number).
 */
export const searchPrefixLetters = 16

/**
 * Every beginning of every word of a name ("Văn An" → v, va, van, a, an), up to searchPrefixLetters
 * letters, as stored in Person.searchPrefixes and copied onto its enrollments: a person matches a
 * search when each of its words is one of them, so "nguyen an" finds "Nguyễn Văn An" by exact
 * matches an index answers.
 */
export function searchPrefixes(fullName: string): string[] {
  const prefixes = new Set<string>()
  for (const word of searchWords(fullName)) {
    const letters = wordLetters(word)
    for (let end = 1; end <= letters.length; end++) prefixes.add(letters.slice(0, end).join(''))
  }
  return [...prefixes]
}

/** A word's letters (code points) up to searchPrefixLetters: what is stored of it and compared. */
function wordLetters(word: string): string[] {
  return Array.from(word).slice(0, searchPrefixLetters)
}

/** What a person search looks for: the beginning of a citizen ID or phone, or the beginnings of name words. */
export type PersonSearch =
  | { readonly kind: 'digits'; readonly citizenId: string; readonly phone: string }
  | { readonly kind: 'words'; readonly words: readonly string[] }

/**
 * A search as typed, read as a person search. A number however written ("0912 345", "+84 912-345",
 * "079200") is the beginning of a citizen ID or of a phone (stored E.164: "0912…" and "84912…" both
 * begin "+84912…"); anything else is words, each the beginning of a word of the name, in any order.
 * Null when nothing is left to search for.
 */
export function personSearch(search: string): PersonSearch | null {
  const compact = search.replace(/[\s.\-()+]/g, '')
  if (/^\d+$/.test(compact)) {
    const national = compact.startsWith('84') ? compact.slice(2) : compact.replace(/^0/, '')
    return { kind: 'digits', citizenId: compact, phone: `+84${national}` }
  }
  const words = [...new Set(searchWords(normalizeText(search)).map((word) => wordLetters(word).join('')))]
  return words.length > 0 ? { kind: 'words', words } : null
}
