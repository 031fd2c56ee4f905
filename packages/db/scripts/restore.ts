// pnpm db:restore <file> [--replace]   restores a dump (pnpm db:backup's, or pg_dump's with --inserts) into
//                                      the database: the embedded one in DATA_DIR, or DATABASE_URL. It must
//                                      be empty unless --replace, which drops everything in it first.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { BackupError, restoreDatabase } from '../src/backup.ts'
import { describeDatabase } from '../src/database-url.ts'
import { EmbeddedDatabaseBusyError } from '../src/embedded.ts'

const { values, positionals } = parseArgs({
  options: { replace: { type: 'boolean', default: false } },
  allowPositionals: true,
})
const [file] = positionals
if (!file) {
  console.error('Usage: pnpm db:restore <file> [--replace]')
  process.exit(2)
}

console.info(`Restoring ${file} into ${describeDatabase().label}`)
try {
  await restoreDatabase(
    readFileSync(resolve(process.env.INIT_CWD ?? process.cwd(), file), 'utf8'),
    undefined,
    {
      replace: values.replace,
    },
  )
  console.info('Restored.')
} catch (error) {
  if (!(error instanceof BackupError || error instanceof EmbeddedDatabaseBusyError)) throw error
  console.error(error.message)
  process.exitCode = 1
}
