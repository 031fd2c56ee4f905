// ZIP archives made byte by byte for the import's tests: what an XLSX is, a zip bomb, or a part that
// declares less than it holds.
import { crc32, deflateRawSync } from 'node:zlib'

/**
 * A ZIP archive of the given entries, deflated; an entry's `declaredSize` is what its headers say it
 * inflates to (its true size when not given).
 */
export function zipOf(entries: { name: string; data: Buffer; declaredSize?: number }[]): Uint8Array {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name)
    const compressed = deflateRawSync(entry.data)
    // A local header and the central directory hold the same fields (the method, then after the time
    // the checksum, both sizes and the name's length), each from its own offset.
    const header = (signature: number, size: number, at: number) => {
      const bytes = Buffer.alloc(size)
      bytes.writeUInt32LE(signature, 0)
      bytes.writeUInt16LE(20, 4)
      bytes.writeUInt16LE(8, at - 6)
      bytes.writeUInt32LE(crc32(entry.data), at)
      bytes.writeUInt32LE(compressed.length, at + 4)
      bytes.writeUInt32LE(entry.declaredSize ?? entry.data.length, at + 8)
      bytes.writeUInt16LE(name.length, at + 12)
      return bytes
    }
    locals.push(header(0x04034b50, 30, 14), name, compressed)
    const central = header(0x02014b50, 46, 16)
    central.writeUInt16LE(20, 6)
    central.writeUInt32LE(offset, 42)
    centrals.push(central, name)
    offset += 30 + name.length + compressed.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return new Uint8Array(Buffer.concat([...locals, directory, end]))
}
