// The driver adapters the wasm schema engine talks to the database through, with the fixes the
// engine needs on top of them.
import { randomUUID } from 'node:crypto'
import { PrismaPg } from '@prisma/adapter-pg'
import { ColumnTypeEnum } from '@prisma/driver-adapter-utils'
import { PrismaPGlite } from 'pglite-prisma-adapter'
import { lockEmbeddedDatabase } from './embedded-lock.mjs'
import { openPGlite } from './pglite.mjs'

const INTERNAL_CHAR_OID = 18
const TEXT_OID = 25

/**
 * A PostgreSQL adapter factory for the engine. adapter-pg refuses columns of Postgres's internal
 * `"char"` type, which the engine reads from the catalogs when it describes a schema; it wants them
 * as `Character`. Scripts are sent whole (one simple query) rather than split on `;`, as the native
 * engine does, so a migration runs atomically and may hold `;` inside strings or function bodies.
 * The shadow database is the datasource's shadowDatabaseUrl, else a fresh database on the same
 * server, dropped afterwards (adapter-pg's own would connect to the main database instead: its
 * connection string overrides the shadow database's name).
 */
export class EnginePgAdapterFactory extends PrismaPg {
  /**
   * @param {string} url
   * @param {string} [shadowDatabaseUrl]
   */
  constructor(url, shadowDatabaseUrl) {
    const schema = new URL(url).searchParams.get('schema') ?? undefined
    super({ connectionString: url }, schema ? { schema } : undefined)
    this.url = url
    this.shadowDatabaseUrl = shadowDatabaseUrl
    /** @type {Set<string>} */
    this.shadowDatabases = new Set()
  }

  /** @override */
  async connect() {
    return withEngineFixes(await super.connect())
  }

  /** @override */
  async connectToShadowDb() {
    if (this.shadowDatabaseUrl) {
      return withEngineFixes(await new PrismaPg({ connectionString: this.shadowDatabaseUrl }).connect())
    }
    const name = `prisma_migrate_shadow_db_${randomUUID()}`
    await this.onMainDatabase(`CREATE DATABASE "${name}"`)
    this.shadowDatabases.add(name)
    const shadowUrl = new URL(this.url)
    shadowUrl.pathname = `/${name}`
    const shadow = withEngineFixes(await new PrismaPg({ connectionString: shadowUrl.toString() }).connect())
    const dispose = shadow.dispose.bind(shadow)
    shadow.dispose = async () => {
      await dispose()
      await this.dropShadowDatabase(name)
    }
    return shadow
  }

  /** Drops the shadow databases the engine did not dispose of. */
  async close() {
    for (const name of this.shadowDatabases) await this.dropShadowDatabase(name)
  }

  /** @param {string} name */
  async dropShadowDatabase(name) {
    if (!this.shadowDatabases.delete(name)) return
    await this.onMainDatabase(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
  }

  /** @param {string} statement */
  async onMainDatabase(statement) {
    const adapter = await super.connect()
    try {
      await adapter.executeScript(statement)
    } finally {
      await adapter.dispose()
    }
  }
}

/**
 * @template {object} T
 * @param {T} queryable an adapter or a transaction of adapter-pg
 * @returns {T}
 */
function withEngineFixes(queryable) {
  const target = /** @type {any} */ (queryable)
  /** @type {WeakMap<unknown[], number[]>} */
  const charColumnsOfRows = new WeakMap()
  const performIO = target.performIO.bind(target)
  target.performIO = async (/** @type {unknown} */ query) => {
    const result = await performIO(query)
    const charColumns = []
    for (const [index, field] of result.fields.entries()) {
      if (field.dataTypeID === INTERNAL_CHAR_OID) {
        charColumns.push(index)
        field.dataTypeID = TEXT_OID
      }
    }
    if (charColumns.length > 0) charColumnsOfRows.set(result.rows, charColumns)
    return result
  }
  const queryRaw = target.queryRaw.bind(target)
  target.queryRaw = async (/** @type {unknown} */ query) => {
    const resultSet = await queryRaw(query)
    for (const index of charColumnsOfRows.get(resultSet.rows) ?? []) {
      resultSet.columnTypes[index] = ColumnTypeEnum.Character
    }
    return resultSet
  }
  if (typeof target.executeScript === 'function') {
    target.executeScript = async (/** @type {string} */ script) => {
      try {
        await target.client.query(script)
      } catch (error) {
        target.onError(error)
      }
    }
  }
  if (typeof target.startTransaction === 'function') {
    const startTransaction = target.startTransaction.bind(target)
    target.startTransaction = async (/** @type {unknown[]} */ ...args) =>
      withEngineFixes(await startTransaction(...args))
  }
  return queryable
}

/**
 * A PGlite adapter factory for the engine: the database persisted in `folder` (locked while this
 * process uses it) or in memory; the shadow database is always a fresh in-memory PGlite.
 */
export class EnginePGliteAdapterFactory {
  provider = /** @type {const} */ ('postgres')
  adapterName = 'pglite-prisma-adapter'

  /** @param {string | undefined} folder */
  constructor(folder) {
    this.folder = folder
    /** @type {Promise<import('@electric-sql/pglite').PGlite> | undefined} */
    this.database = undefined
    /** @type {(() => void) | undefined} */
    this.release = undefined
  }

  async connect() {
    this.database ??= this.open()
    return adapterOver(await this.database)
  }

  async connectToShadowDb() {
    const shadow = await openPGlite()
    const adapter = await adapterOver(shadow)
    adapter.dispose = () => shadow.close()
    return adapter
  }

  /** Closes the database, so that PGlite writes everything to its folder, and lets the folder go. */
  async close() {
    const database = this.database
    this.database = undefined
    try {
      if (database) await (await database).close()
    } finally {
      this.release?.()
      this.release = undefined
    }
  }

  async open() {
    if (this.folder === undefined) return openPGlite()
    this.release = await lockEmbeddedDatabase(this.folder)
    return openPGlite({ dataDir: this.folder })
  }
}

/** @param {import('@electric-sql/pglite').PGlite} database */
async function adapterOver(database) {
  const adapter = /** @type {any} */ (await new PrismaPGlite(database).connect())
  // pglite-prisma-adapter 0.7.2 starts the script without awaiting it, so a failing migration
  // would go unnoticed and later statements could overtake it.
  adapter.executeScript = async (/** @type {string} */ script) => {
    try {
      await database.exec(script)
    } catch (error) {
      adapter.onError(error)
    }
  }
  return adapter
}
