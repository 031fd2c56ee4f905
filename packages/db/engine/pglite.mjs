// Every PGlite the project opens (the embedded database, test databases, the schema engine's), with the
// extensions the migrations create: pg_trgm (an early migration creates it for a search index since dropped).
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'

/**
 * @param {Omit<import('@electric-sql/pglite').PGliteOptions, 'extensions'>} [options]
 * @returns {Promise<PGlite>}
 */
export function openPGlite(options = {}) {
  return PGlite.create({ ...options, extensions: { pg_trgm } })
}
