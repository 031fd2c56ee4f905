// The Prisma client over the database this process uses: PostgreSQL through adapter-pg, or the
// embedded PGlite through pglite-prisma-adapter.
import { PrismaPg } from '@prisma/adapter-pg'
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils'
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
}

export function createPrismaClient(options: CreatePrismaClientOptions = {}): PrismaClient {
  const adapter = options.adapter ?? adapterFor(options.url)
  const log: Prisma.LogDefinition[] = (options.log ?? []).map((level) => ({ level, emit: 'stdout' }))
  if (options.onQuery) log.push({ level: 'query', emit: 'event' })
  const prisma = new PrismaClient({ adapter, log })
  if (options.onQuery) {
    const onQuery = options.onQuery
    ;(prisma as PrismaClient<'query'>).$on('query', (event) => onQuery(event))
  }
  return prisma
}

function adapterFor(url: string | undefined): SqlDriverAdapterFactory {
  const resolved = resolveDatabaseUrl(url)
  const database = describeDatabase(resolved)
  if (database.kind === 'pglite') return embeddedAdapterFactory({ folder: database.folder })
  const schema = new URL(resolved).searchParams.get('schema') ?? undefined
  return new PrismaPg({ connectionString: resolved }, schema ? { schema } : undefined)
}
