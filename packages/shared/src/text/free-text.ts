// Text a person types (names, addresses, notes, reasons) holds what can be read: no control characters
// (the tab and line breaks aside, which normalizeText folds into spaces), and none of the Unicode
// bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), which make a stored
// text display in another order than it reads — a name that shows as someone else's in a list, a CSV
// or a letter (the "Trojan Source" trick, CVE-2021-42574).

import { type Issue, issue } from '../messages.ts'

const unreadable = /(?![\t\n\r])[\p{Cc}\p{Bidi_Control}]/u

/** Whether the text holds a character checkFreeText refuses. */
export function holdsUnreadableCharacter(text: string): boolean {
  return unreadable.test(text)
}

/** An issue at `path` when typed text holds a control or bidirectional-control character. */
export function checkFreeText(text: string | null | undefined, path: string): Issue[] {
  return text && holdsUnreadableCharacter(text) ? [issue(path, 'TEXT_UNREADABLE_CHARACTER')] : []
}
