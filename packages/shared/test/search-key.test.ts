import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  foldSearchKey,
  normalizeOptionalText,
  normalizeText,
  personSearch,
  personSearchKey,
  searchPrefixes,
} from '../src/index.ts'
import { searchPrefixLetters, searchWords } from '../src/text/search-key.ts'

describe('search keys', () => {
  it('folds Vietnamese names to lower case without marks, đ becoming d', () => {
    expect(foldSearchKey('Thủ Đức')).toBe('thu duc')
    expect(foldSearchKey('Nguyễn Văn')).toBe('nguyen van')
    expect(foldSearchKey('  ĐẶNG   thị  Đào ')).toBe('dang thi dao')
  })

  it('absorbs where the tone mark sits: "Khánh Hòa" and "Khánh Hoà" fold alike', () => {
    expect(foldSearchKey('Khánh Hòa')).toBe(foldSearchKey('Khánh Hoà'))
  })

  it('folds NFC and NFD spellings of the same name alike', () => {
    expect(foldSearchKey('Nguyễn'.normalize('NFD'))).toBe(foldSearchKey('Nguyễn'.normalize('NFC')))
  })

  it('folding twice changes nothing', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }),
        (text) => foldSearchKey(foldSearchKey(text)) === foldSearchKey(text),
      ),
    )
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        (text) => foldSearchKey(foldSearchKey(text)) === foldSearchKey(text),
      ),
    )
  })

  it('stores text as NFC, trimmed, with single spaces', () => {
    const decomposed = ' Nguyễn\t  Văn\nA '.normalize('NFD')
    expect(normalizeText(decomposed)).toBe('Nguyễn Văn A')
    expect(normalizeText(decomposed)).toBe(normalizeText(decomposed).normalize('NFC'))
  })

  it('stores an optional text as null when it is absent or only white space', () => {
    expect(normalizeOptionalText(' Ghi\t chú ')).toBe('Ghi chú')
    expect(normalizeOptionalText(' \n ')).toBeNull()
    expect(normalizeOptionalText('')).toBeNull()
    expect(normalizeOptionalText(null)).toBeNull()
    expect(normalizeOptionalText(undefined)).toBeNull()
  })

  it('finds a person by folded name, either phone form or citizen id in one key', () => {
    const key = personSearchKey({
      fullName: 'Nguyễn Văn Á',
      phone: '+84912345678',
      citizenId: '079200001123',
    })
    expect(key).toBe('nguyen van a 0912345678 84912345678 079200001123')
    for (const query of ['van a', '0912345', '8491234', '200001']) expect(key).toContain(query)
  })

  it('leaves out a missing phone and citizen id', () => {
    expect(personSearchKey({ fullName: 'Lê Thị Bé', phone: null, citizenId: null })).toBe('le thi be')
  })

  it('splits a name into folded words at anything not a letter or digit', () => {
    expect(searchWords(' Nguyễn  Văn-An ')).toEqual(['nguyen', 'van', 'an'])
    expect(searchWords("Đỗ Thị O'Hara")).toEqual(['do', 'thi', 'o', 'hara'])
    expect(searchWords(' - ')).toEqual([])
  })

  it('stores every beginning of every word of a name, once', () => {
    expect(searchPrefixes('Nguyễn Văn An')).toEqual([
      'n',
      'ng',
      'ngu',
      'nguy',
      'nguye',
      'nguyen',
      'v',
      'va',
      'van',
      'a',
      'an',
    ])
    expect(searchPrefixes('An Ánh')).toEqual(['a', 'an', 'anh'])
  })

  it('finds a name by the beginnings of its words in any order, marks and case ignored', () => {
    const stored = new Set(searchPrefixes('Nguyễn Văn An'))
    const finds = (search: string) => {
      const read = personSearch(search)
      return read?.kind === 'words' && read.words.every((word) => stored.has(word))
    }
    for (const search of ['nguyen an', 'AN NGUYỄN', 'ng v a', 'Văn', 'nguyen van an']) {
      expect(finds(search), search).toBe(true)
    }
    for (const search of ['guyen', 'nguyen anh', 'van an binh']) expect(finds(search), search).toBe(false)
  })

  it('keeps the beginnings of a long word up to searchPrefixLetters letters, and compares a long searched word by as many', () => {
    const long = 'a'.repeat(searchPrefixLetters + 10)
    const stored = searchPrefixes(`Trần ${long}`)
    expect(stored).toHaveLength(4 + searchPrefixLetters)
    expect(Math.max(...stored.map((prefix) => prefix.length))).toBe(searchPrefixLetters)
    const read = personSearch(`${long}b tran`)
    expect(read?.kind === 'words' && read.words.every((word) => stored.includes(word))).toBe(true)
  })

  it('reads a number however written as the beginning of a citizen ID or phone', () => {
    expect(personSearch('0912 345')).toEqual({ kind: 'digits', citizenId: '0912345', phone: '+84912345' })
    expect(personSearch('+84 912-345')).toEqual({ kind: 'digits', citizenId: '84912345', phone: '+84912345' })
    expect(personSearch('079200001123')).toMatchObject({ citizenId: '079200001123' })
  })

  it('has nothing to search for in blanks and punctuation', () => {
    expect(personSearch('  ')).toBeNull()
    expect(personSearch(' , ')).toBeNull()
  })
})
