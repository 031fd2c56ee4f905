// CSV text in the legacy Vietnamese 8-bit encodings still found in old files, read as Unicode: TCVN3
// (ABC, TCVN 5712:1993 VN3) through iconv-lite's "tcvn" table, VNI for Windows through the table kept in
// vni-windows.json. Which one a file is written in is told by reading a sample both ways and keeping the
// reading whose words are Vietnamese syllables: the wrong reading leaves stray symbols and impossible
// vowel runs ("vaứ", "Hä"). A file that reads well both ways, or neither, is not guessed at.
import type { LegacyEncoding } from '@tangtoc/shared'
import iconv from 'iconv-lite'
import vniWindows from './vni-windows.json' with { type: 'json' }

/** VNI spellings (one or two Windows-1252 characters) to the letters they stand for, both cases. */
const vniLetters = new Map<string, string>()
for (const [letters, spellings] of Object.entries(vniWindows.letters)) {
  Array.from(letters).forEach((letter, tone) => {
    const spelling = spellings[tone]
    if (spelling === undefined || spelling === letter) return
    vniLetters.set(spelling, letter)
    vniLetters.set(spelling.toUpperCase(), letter.toUpperCase())
  })
}
// Two-character spellings first, so that "oâ" is "ô" and not "o" followed by a stray mark.
const vniSpellings = new RegExp([...vniLetters.keys()].sort((a, b) => b.length - a.length).join('|'), 'g')

const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)

const decoders: Record<LegacyEncoding, (bytes: Uint8Array) => string> = {
  TCVN3: (bytes) => iconv.decode(asBuffer(bytes), 'tcvn'),
  VNI: (bytes) =>
    iconv
      .decode(asBuffer(bytes), 'windows-1252')
      .replace(vniSpellings, (spelling) => vniLetters.get(spelling) ?? spelling),
}

/** The bytes' text in the encoding, composed (NFC). */
export function decodeLegacy(bytes: Uint8Array, encoding: LegacyEncoding): string {
  return decoders[encoding](bytes).normalize('NFC')
}

// A Vietnamese syllable: an initial consonant, a vowel run, a final consonant; at most one tone mark.
const initials = 'ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x'
const vowelRuns =
  'iêu|oai|oao|oay|oeo|uây|uôi|ươi|ươu|uya|uyê|uyu|yêu|ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|oo|ôi|ơi|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ươ|ưu|yê|a|ă|â|e|ê|i|o|ô|ơ|u|ư|y'
const finals = 'ch|ng|nh|c|m|n|p|t'
const syllable = new RegExp(`^(?:${initials})?(?:${vowelRuns})(?:${finals})?$`)
const toneMarks = /[\u0300\u0301\u0303\u0309\u0323]/g

function isVietnameseSyllable(word: string): boolean {
  const spelled = word.toLowerCase().normalize('NFD')
  if ((spelled.match(toneMarks)?.length ?? 0) > 1) return false
  return syllable.test(spelled.replace(toneMarks, '').normalize('NFC'))
}

/** The share of the text's words with letters outside ASCII that are Vietnamese syllables (0 when none). */
function vietnameseShare(text: string): number {
  const words = text.split(/[^\p{L}\p{M}\u0080-\u00ff]+/u).filter((word) => /[^\p{ASCII}]/u.test(word))
  if (words.length === 0) return 0
  return words.filter(isVietnameseSyllable).length / words.length
}

/** A reading counts when this share of its marked words are Vietnamese syllables (names like "Đắk Lắk" are not). */
const readsAsVietnamese = 0.8

/** The legacy encodings in which a sample of the file reads as Vietnamese: one is an answer, two or none are not. */
export function legacyReadingsOf(sample: Uint8Array): LegacyEncoding[] {
  return (Object.keys(decoders) as LegacyEncoding[]).filter(
    (encoding) => vietnameseShare(decodeLegacy(sample, encoding)) >= readsAsVietnamese,
  )
}
