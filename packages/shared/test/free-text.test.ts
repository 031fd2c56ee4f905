import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkFreeText, holdsUnreadableCharacter, normalizeText } from '../src/index.ts'

describe('text a person types', () => {
  it('accepts Vietnamese names and addresses, punctuation and line breaks', () => {
    for (const text of [
      'Nguyễn Thị Hồng Nhung',
      'Đặng Văn Ẩn',
      '12/3 Lê Lợi, P. Sài Gòn',
      'Dòng 1\nDòng 2\tcột',
      "O'Neil-Trần",
    ])
      expect(checkFreeText(text, 'fullName'), text).toEqual([])
  })

  it('refuses a control character: NUL, bell, escape, DEL, a C1 control', () => {
    for (const character of ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u009b'])
      expect(checkFreeText(`Lan${character}Anh`, 'fullName'), JSON.stringify(character)).toEqual([
        expect.objectContaining({ path: 'fullName', code: 'TEXT_UNREADABLE_CHARACTER' }),
      ])
  })

  it('refuses the bidirectional controls that make a name display reversed', () => {
    // "Lan" then a right-to-left override: shown as "Lan" followed by the rest reversed.
    for (const character of [
      '\u202a',
      '\u202b',
      '\u202c',
      '\u202d',
      '\u202e',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
      '\u200e',
      '\u200f',
      '\u061c',
    ])
      expect(holdsUnreadableCharacter(`Lan${character}hnA`), character.codePointAt(0)?.toString(16)).toBe(
        true,
      )
  })

  it('has nothing to say about no text', () => {
    expect(checkFreeText(null, 'notes')).toEqual([])
    expect(checkFreeText(undefined, 'notes')).toEqual([])
    expect(checkFreeText('', 'notes')).toEqual([])
  })

  it('what it accepts, normalizeText stores without any control character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        if (checkFreeText(text, 'x').length === 0) expect(/\p{Cc}/u.test(normalizeText(text))).toBe(false)
      }),
    )
  })
})
