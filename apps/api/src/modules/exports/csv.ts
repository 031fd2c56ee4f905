// CSV as Excel opens it: UTF-8 with a byte order mark (else Vietnamese shows as mojibake), CRLF line
// ends and RFC 4180 quoting, and no text a spreadsheet would run as a formula (OWASP's CSV injection).

/** The UTF-8 byte order mark, written once before the header row. */
export const byteOrderMark = '\uFEFF'

export type CsvValue = string | number | null | undefined

/**
 * The characters of a CSV field's rules, as characters rather than regular expressions, so that the
 * database, which writes the enrollment list's records (sheet-sql.ts), applies the same rules by
 * looking for them (strpos: a third of what its regular expressions cost, the same on every server).
 */
export const csvCharacters = {
  /** What a formula begins with. */
  formulaStart: '=+-@\t\r',
  /** What makes a field quoted wherever it is. */
  quoted: '",\r\n',
  /** JavaScript's `\s`: tab, line breaks, spaces and Unicode's spaces (quoted at either end). */
  space:
    '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff',
} as const

/** A regular expression's class of these characters. */
const anyOf = (characters: string) =>
  `[${[...characters].map((character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`

/** Text that needs either: a formula's first character, a quote, a comma, a line break, outer spaces. */
const needsCare = new RegExp(
  `^${anyOf(csvCharacters.formulaStart + csvCharacters.space)}|${anyOf(csvCharacters.quoted)}|${anyOf(csvCharacters.space)}$`,
)
const formula = new RegExp(`^${anyOf(csvCharacters.formulaStart)}`)
/** A sign and digits alone: a phone number such as +84912345678, a negative amount. */
export const signedNumber = '^[+-][0-9]+$'
const signed = new RegExp(signedNumber)
const quoted = new RegExp(
  `${anyOf(csvCharacters.quoted)}|^${anyOf(csvCharacters.space)}|${anyOf(csvCharacters.space)}$`,
)

/**
 * Text a spreadsheet would read as a formula — beginning with `=`, `+`, `-`, `@`, a tab or a carriage
 * return — made inert the OWASP way: prefixed with an apostrophe, which Excel and LibreOffice take as
 * "this is text". A sign and digits alone (a phone number such as +84912345678, a negative amount) is
 * no formula and stays as it is, so it reads as before.
 */
export function inertText(text: string): string {
  return formula.test(text) && !signed.test(text) ? `'${text}` : text
}

/**
 * One field: text made inert, then quoted when it holds a comma, a quote, a line break or
 * leading/trailing spaces. Numbers are written as numbers. Most fields need neither, which one test
 * tells: an export writes some ten million of them.
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return String(value)
  if (!needsCare.test(value)) return value
  const text = inertText(value)
  return quoted.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** One record, CRLF-terminated. */
export function csvRow(values: readonly CsvValue[]): string {
  let record = ''
  for (let index = 0; index < values.length; index++) {
    record += index === 0 ? csvField(values[index]) : `,${csvField(values[index])}`
  }
  return `${record}\r\n`
}

/**
 * Rows written as CSV records (each CRLF-terminated), and how many: as text, or as the UTF-8 bytes the
 * database sent, which go out as they came.
 */
export type CsvPage = { readonly rows: number; readonly records: string | Uint8Array }

/** Batches of values as pages of CSV records. */
export async function* csvPages(batches: AsyncIterable<readonly CsvValue[][]>): AsyncGenerator<CsvPage> {
  for await (const batch of batches) {
    let records = ''
    for (const values of batch) records += csvRow(values)
    yield { rows: batch.length, records }
  }
}

/**
 * A streamed CSV body: the BOM and header first, then each page of records as `pages` yields it, so
 * a large export never sits whole in memory and the client sees bytes at once.
 */
export function csvStream(
  header: readonly string[],
  pages: AsyncIterable<CsvPage>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  const iterator = pages[Symbol.asyncIterator]()
  let started = false
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true
        controller.enqueue(encoder.encode(byteOrderMark + csvRow(header)))
        return
      }
      try {
        const next = await iterator.next()
        if (next.done) {
          controller.close()
          return
        }
        const { records } = next.value
        controller.enqueue(typeof records === 'string' ? encoder.encode(records) : records)
      } catch (error) {
        controller.error(error)
      }
    },
    async cancel() {
      await iterator.return?.()
    },
  })
}
