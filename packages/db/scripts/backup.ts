// pnpm db:backup [file]   a PostgreSQL dump of the database (the embedded one in DATA_DIR, or DATABASE_URL)
//                         into `file`, default DATA_DIR/backups/tangtoc-<date and time>.sql. Stop the server
//                         first when it runs on the embedded database (one process holds it at a time).
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { dataDirectory } from '../engine/embedded-location.mjs'
import { BackupError, backupDatabase } from '../src/backup.ts'
import { describeDatabase } from '../src/database-url.ts'
import { EmbeddedDatabaseBusyError } from '../src/embedded.ts'

const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)
const file = process.argv[2]
  ? resolve(process.env.INIT_CWD ?? process.cwd(), process.argv[2])
  : join(dataDirectory(), 'backups', `tangtoc-${stamp}.sql`)

console.info(`Backing up ${describeDatabase().label}`)
try {
  const dump = await backupDatabase()
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, dump)
  console.info(`Wrote ${file} (${(dump.length / 1e6).toFixed(1)} MB)`)
} catch (error) {
  if (!(error instanceof BackupError || error instanceof EmbeddedDatabaseBusyError)) throw error
  console.error(error.message)
  process.exitCode = 1
}
