// A statement's rows as PostgreSQL's binary COPY writes them: each row's one field as the bytes the
// server sends, never decoded into a JavaScript string. pg decodes every text field it reads (UTF-8 to
// UTF-16); for the 160 MB of a CSV export of 366,000 enrollments that decoding, the encoding back to
// bytes and their garbage were most of the API's CPU (docs/benchmarks.md).
import type pg from 'pg'
import { to as copyTo } from 'pg-copy-streams'

/** The rows' fields, concatenated in order, and how many rows. */
export type CopiedRows = { rows: number; bytes: Buffer }

/** Binary COPY's header: its signature, 32-bit flags, then a 32-bit length of an extension area. */
const signature = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1')
const headerBytes = signature.length + 8

/**
 * Runs `COPY (query) TO STDOUT (FORMAT binary)` on a connection of the pool. The query selects one
 * column and takes no parameters (COPY accepts none). Each row is a 16-bit field count and the field,
 * a 32-bit length (-1 for null, which adds nothing) and its bytes.
 */
export async function copyOneColumn(pool: pg.Pool, query: string): Promise<CopiedRows> {
  const client = await pool.connect()
  const chunks: Buffer[] = []
  try {
    for await (const chunk of client.query(copyTo(`COPY (${query}) TO STDOUT (FORMAT binary)`))) {
      chunks.push(chunk as Buffer)
    }
  } catch (error) {
    // A connection whose COPY failed midway is closed rather than given to the next query.
    client.release(error instanceof Error ? error : true)
    throw error
  }
  client.release()
  return fieldsOf(Buffer.concat(chunks))
}

/** The fields of a binary COPY's output, whole: their bytes concatenated, and how many rows. */
function fieldsOf(copied: Buffer): CopiedRows {
  if (!copied.subarray(0, signature.length).equals(signature)) throw new Error('Not a binary COPY.')
  let offset = headerBytes + copied.readUInt32BE(headerBytes - 4)
  const fields: Buffer[] = []
  let rows = 0
  for (let count = copied.readInt16BE(offset); count !== -1; count = copied.readInt16BE(offset)) {
    if (count !== 1) throw new Error(`A binary COPY of one column gave a row of ${count} fields.`)
    const length = copied.readInt32BE(offset + 2)
    offset += 6
    rows++
    if (length > 0) fields.push(copied.subarray(offset, offset + length))
    offset += Math.max(length, 0)
  }
  return { rows, bytes: Buffer.concat(fields) }
}
