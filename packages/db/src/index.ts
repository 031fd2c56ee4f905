export {
  type CreatePrismaClientOptions,
  copyRows,
  createPrismaClient,
  databasePool,
  queryPrepared,
} from './client.ts'
export type { CopiedRows } from './copy-out.ts'
export {
  type DatabaseDescription,
  describeDatabase,
  embeddedDatabaseFolder,
  embeddedDatabaseUrl,
  isEmbeddedDatabaseUrl,
  resolveDatabaseUrl,
} from './database-url.ts'
export { EmbeddedDatabaseBusyError } from './embedded.ts'
export { refreshPlannerStatistics } from './embedded-statistics.ts'
export * from './generated/prisma/client.ts'
export { migrateDatabase, PrismaCommandError, pendingMigrations, runPrisma } from './migrate.ts'
export { hashPassword, verifyPassword } from './passwords.ts'
export { searchHashes } from './search-hashes.ts'
