// The Prisma client over the database this process uses: PostgreSQL through adapter-pg, or the
// embedded PGlite through pglite-prisma-adapter.
import { PrismaPg } from '@prisma/adapter-pg'
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils'
import pg from 'pg'
import { type CopiedRows, copyOneColumn } from './copy-out.ts'
import { describeDatabase, resolveDatabaseUrl } from './database-url.ts'
import { embeddedAdapterFactory } from './embedded.ts'
import { type Prisma, PrismaClient } from './generated/prisma/client.ts'

export interface CreatePrismaClientOptions {
  /** A PostgreSQL URL or an embedded database URL; default DATABASE_URL, else the embedded database. */
  url?: string
  /** A driver adapter to use instead of one made from the URL (the test databases pass theirs). */
  adapter?: SqlDriverAdapterFactory
  /** Called with every SQL statement the client runs, e.g. to count them in tests. */
  onQuery?: (event: Prisma.QueryEvent) => void
  /** Prisma's log levels to print, e.g. ['warn', 'error']. */
  log?: Prisma.LogLevel[]
  /** Told when the server ends an idle connection of the pool (PostgreSQL); default a line on stderr. */
  onIdleConnectionError?: (error: Error) => void
}

export function createPrismaClient(options: CreatePrismaClientOptions = {}): PrismaClient {
  const { adapter, pool } = options.adapter
    ? { adapter: options.adapter, pool: null }
    : adapterFor(options.url, options.onIdleConnectionError)
  const log: Prisma.LogDefinition[] = (options.log ?? []).map((level) => ({ level, emit: 'stdout' }))
  if (options.onQuery) log.push({ level: 'query', emit: 'event' })
  // Typed as the plain client: Pothos's generated types describe whole rows, and no code reads the
  // omitted columns from a row (searchColumns).
  const prisma = new PrismaClient({ adapter, log, omit: searchColumns }) as unknown as PrismaClient
  if (options.onQuery) {
    const onQuery = options.onQuery
    ;(prisma as PrismaClient<'query'>).$on('query', (event) => onQuery(event))
  }
  if (pool) preparedDrivers.set(prisma, { pool, onQuery: options.onQuery })
  return prisma
}

/**
 * Columns only the database reads, left out of every row Prisma returns: the beginnings of a name's
 * words that the search indexes match (Person.searchPrefixes, its copy on each enrollment and their
 * hashes), ~20 strings a row that a list page would otherwise read, parse and drop (1–1.5 ms of a
 * 50-row page). Written as any column (but the hashes, which the database generates); a query that
 * needs them asks with `omit: { searchPrefixes: false }`.
 */
const searchColumns = {
  person: { searchPrefixes: true },
  enrollment: { searchPrefixes: true, searchHashes: true },
} as const satisfies Prisma.GlobalOmitConfig

const logIdleConnectionError = (error: Error) => {
  console.error(JSON.stringify({ level: 'warn', database: 'idle connection closed', error: error.message }))
}

function adapterFor(
  url: string | undefined,
  onIdleConnectionError = logIdleConnectionError,
): { adapter: SqlDriverAdapterFactory; pool: pg.Pool | null } {
  const resolved = resolveDatabaseUrl(url)
  const database = describeDatabase(resolved)
  if (database.kind === 'pglite')
    return { adapter: embeddedAdapterFactory({ folder: database.folder }), pool: null }
  const schema = new URL(resolved).searchParams.get('schema') ?? undefined
  // The pool is ours, so that queryPrepared can use its connections too; $disconnect ends it.
  const pool = new pg.Pool({ connectionString: resolved })
  // An idle connection the server ends (a restart, a failover, an administrator) is an 'error' event,
  // which would end the process unheard; the pool drops that connection and opens another when asked.
  pool.on('error', onIdleConnectionError)
  return { adapter: new PrismaPg(pool, { disposeExternalPool: true, ...(schema ? { schema } : {}) }), pool }
}

/** The connections of the client's pool on PostgreSQL; null over PGlite (one connection, in-process). */
export function databasePool(
  prisma: PrismaClient,
): { total: number; idle: number; waiting: number; max: number } | null {
  const pool = preparedDrivers.get(prisma)?.pool
  if (!pool) return null
  return {
    total: pool.totalCount,
    idle: pool.idleCount,
    waiting: pool.waitingCount,
    max: pool.options.max ?? 10,
  }
}

// ─── Prepared statements ─────────────────────────────────────────────────────

interface PreparedDriver {
  pool: pg.Pool
  onQuery: CreatePrismaClientOptions['onQuery']
}

const preparedDrivers = new WeakMap<object, PreparedDriver>()
/** A name per statement text, the same on every connection (which prepares it on first use). */
const statementNames = new Map<string, string>()
const maxPreparedStatements = 64

/**
 * Runs a statement of the busiest paths as a prepared statement on PostgreSQL: PostgreSQL parses and
 * plans it once per connection instead of on every call, and the client skips Prisma's raw-query layer
 * (together about a millisecond of CPU for registration's one large statement). Its values are sent as
 * Prisma would send them (a Date as UTC); the rows come through `pg`'s type parsers, so select simple
 * types (numbers, text, booleans). A transaction client, or a client over PGlite, runs it with $queryRaw.
 */
export async function queryPrepared<Row>(
  db: PrismaClient | Prisma.TransactionClient,
  query: Prisma.Sql,
): Promise<Row[]> {
  const driver = preparedDrivers.get(db)
  if (!driver) return db.$queryRaw<Row[]>(query)
  let name = statementNames.get(query.text)
  if (name === undefined && statementNames.size < maxPreparedStatements) {
    name = `tangtoc_${statementNames.size + 1}`
    statementNames.set(query.text, name)
  }
  const values = query.values.map((value) => (value instanceof Date ? value.toISOString() : value))
  const started = Date.now()
  const result = await driver.pool.query<Row & pg.QueryResultRow>({ name, text: query.text, values })
  driver.onQuery?.({
    timestamp: new Date(started),
    query: query.text,
    params: JSON.stringify(values),
    duration: Date.now() - started,
    target: 'queryPrepared',
  })
  return result.rows
}

/**
 * A query's rows of one column as the bytes PostgreSQL sends, by binary COPY (copy-out.ts), for what
 * the API passes on without reading (an export's CSV records); null over PGlite or a transaction client,
 * which read it another way. COPY takes no parameters: the query holds its values as literals.
 */
export async function copyRows(
  db: PrismaClient | Prisma.TransactionClient,
  query: Prisma.Sql,
): Promise<CopiedRows | null> {
  const driver = preparedDrivers.get(db)
  if (!driver) return null
  if (query.values.length > 0) throw new Error('COPY takes no parameters: write the values into the query.')
  const started = Date.now()
  const copied = await copyOneColumn(driver.pool, query.text)
  driver.onQuery?.({
    timestamp: new Date(started),
    query: query.text,
    params: '[]',
    duration: Date.now() - started,
    target: 'copyRows',
  })
  return copied
}
