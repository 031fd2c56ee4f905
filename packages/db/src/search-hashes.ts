import { createHash } from 'node:crypto'

/**
 * The 64-bit hashes of name-word beginnings (searchPrefixes in @tangtoc/shared) that
 * Enrollment.searchHashes holds: the first 8 bytes of each one's MD5, as a signed big-endian integer.
 * The database computes the stored ones with its own `search_hashes` function (migration
 * 20261127040000_search_hashes); a search's words are hashed here to compare with them.
 */
export function searchHashes(prefixes: readonly string[]): bigint[] {
  return prefixes.map((prefix) => createHash('md5').update(prefix).digest().readBigInt64BE(0))
}
