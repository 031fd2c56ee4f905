// The embedded database: PGlite persisted in a folder (DATA_DIR/pglite by default), held by one
// process at a time through the lock beside the folder.
import type { PGlite } from '@electric-sql/pglite'
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils'
import { PrismaPGlite } from 'pglite-prisma-adapter'
import { lockEmbeddedDatabase } from '../engine/embedded-lock.mjs'
import { openPGlite } from '../engine/pglite.mjs'

export { EmbeddedDatabaseBusyError } from '../engine/embedded-lock.mjs'

/**
 * A driver adapter factory over a PGlite database: the given instance, or one opened in `folder` on
 * first connection (taking the folder's lock) and closed when Prisma disposes of the adapter.
 */
export function embeddedAdapterFactory(source: { folder: string | undefined } | { database: PGlite }) {
  const factory: SqlDriverAdapterFactory = {
    provider: 'postgres',
    adapterName: 'pglite-prisma-adapter',
    async connect(): Promise<SqlDriverAdapter> {
      if ('database' in source) return new PrismaPGlite(source.database).connect()
      const release = source.folder ? await lockEmbeddedDatabase(source.folder, { waitMs: 5_000 }) : () => {}
      let database: PGlite
      try {
        database = await openPGlite({ dataDir: source.folder })
      } catch (error) {
        release()
        throw error
      }
      const adapter = await new PrismaPGlite(database).connect()
      return Object.assign(adapter, {
        async dispose() {
          try {
            await database.close()
          } finally {
            release()
          }
        },
      })
    },
  }
  return factory
}
