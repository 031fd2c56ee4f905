// CSV as Excel opens it: UTF-8 with a byte order mark (else Vietnamese shows as mojibake), CRLF line
// ends and RFC 4180 quoting.

/** The UTF-8 byte order mark, written once before the header row. */
export const byteOrderMark = '\uFEFF'

export type CsvValue = string | number | null | undefined

/** One field: quoted when it holds a comma, a quote, a line break or leading/trailing spaces. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return ''
  const text = String(value)
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** One record, CRLF-terminated. */
export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`
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
        controller.enqueue(encoder.encode(next.value.map(csvRow).join('')))
      } catch (error) {
        controller.error(error)
      }
    },
    async cancel() {
      await iterator.return?.()
    },
  })
}
