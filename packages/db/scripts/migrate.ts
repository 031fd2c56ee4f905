// pnpm db:migrate — applies the pending migrations (prisma migrate deploy) to DATABASE_URL, or to
// the embedded database in DATA_DIR. For a new migration in development:
// pnpm --filter @tangtoc/db prisma migrate dev --name <name>
import { describeDatabase } from '../src/database-url.ts'
import { migrateDatabase, PrismaCommandError } from '../src/migrate.ts'

console.info(`Migrating ${describeDatabase().label}`)
try {
  await migrateDatabase(undefined, { output: 'inherit' })
} catch (error) {
  if (!(error instanceof PrismaCommandError)) throw error
  process.exitCode = error.exitCode ?? 1
}
