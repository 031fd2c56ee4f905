// CSV as Excel opens it: UTF-8 with a byte order mark (else Vietnamese shows as mojibake), CRLF line
// ends and RFC 4180 quoting, and no text a spreadsheet would run as a formula (OWASP's CSV injection).

/** The UTF-8 byte order mark, written once before the header row. */
export const byteOrderMark = '\uFEFF'

export type CsvValue = string | number | null | undefined

/**
 * Text a spreadsheet would read as a formula — beginning with `=`, `+`, `-`, `@`, a tab or a carriage
 * return — made inert the OWASP way: prefixed with an apostrophe, which Excel and LibreOffice take as
 * "this is text". A sign and digits alone (a phone number such as +84912345678, a negative amount) is
 * no formula and stays as it is, so it reads as before.
 */
export function inertText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !/^[+-]\d+$/.test(text) ? `'${text}` : text
}

/** Text that needs either: a formula's first character, a quote, a comma, a line break, outer spaces. */
const needsCare = /^[=+\-@\s]|[",\r\n]|\s$/

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
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
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
 * A streamed CSV body: the BOM and header first, then each batch of rows as `batches` yields it, so
 * a large export never sits whole in memory and the client sees bytes at once.
 */
export function csvStream(
  header: readonly string[],
  batches: AsyncIterable<readonly CsvValue[][]>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  const iterator = batches[Symbol.asyncIterator]()
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
        let records = ''
        for (const values of next.value) records += csvRow(values)
        controller.enqueue(encoder.encode(records))
      } catch (error) {
        controller.error(error)
      }
    },
    async cancel() {
      await iterator.return?.()
    },
  })
}
