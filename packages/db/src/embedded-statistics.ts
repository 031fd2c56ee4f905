// Planner statistics for the embedded database. PostgreSQL's autovacuum keeps a server's statistics
// current; PGlite runs no background process, so a table it has never analyzed has none, and the
// planner guesses. Measured with 100,000 demo enrollments: a center manager's list page joined its
// center first, read the center's 15,000 enrollments and sorted them (680 ms), where with statistics
// it walks the campaign's newest entries until 50 match (7 ms); the embedded database runs one
// statement at a time, so every request waited behind those. The API calls this when it starts and
// then every few minutes (main.ts), as autovacuum would.
import type { PrismaClient } from './generated/prisma/client.ts'

/**
 * A table is analyzed again once it has grown by a tenth since it last was (autovacuum's default
 * scale factor, in pages: what the catalog keeps across restarts, where PGlite's row counters reset).
 */
const growthFactor = 1.1

/**
 * Analyzes the tables of the public schema that were never analyzed and hold rows, or have grown by a
 * tenth since; one statement per table, the largest first, so requests waiting on the database pass
 * between them. Returns the tables analyzed.
 */
export async function refreshPlannerStatistics(prisma: PrismaClient): Promise<string[]> {
  const stale = await prisma.$queryRaw<{ name: string }[]>`
    SELECT c.oid::regclass::text AS "name"
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'r'
       AND pg_relation_size(c.oid) > 0
       AND (c.reltuples < 0 OR pg_relation_size(c.oid) / current_setting('block_size')::int > c.relpages * ${growthFactor}::float8 + 1)
     ORDER BY pg_relation_size(c.oid) DESC`
  for (const { name } of stale) await prisma.$executeRawUnsafe(`ANALYZE ${name}`)
  return stale.map(({ name }) => name)
}
