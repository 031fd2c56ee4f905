// Backups as PostgreSQL dumps: plain SQL with the rows as INSERT statements and no owners or grants, so
// that one file restores into the embedded database and into any PostgreSQL server (`psql -f` or
// `pnpm db:restore`). The embedded database is dumped by pg_dump compiled to WebAssembly
// (@electric-sql/pglite-tools); a PostgreSQL server by the `pg_dump` on the PATH.
import { spawn } from 'node:child_process'
import type { PGlite } from '@electric-sql/pglite'
import { pgDump } from '@electric-sql/pglite-tools/pg_dump'
import pg from 'pg'
import { lockEmbeddedDatabase } from '../engine/embedded-lock.mjs'
import { openPGlite } from '../engine/pglite.mjs'
import { describeDatabase, resolveDatabaseUrl } from './database-url.ts'

const dumpArguments = ['--inserts', '--rows-per-insert=1000', '--no-owner', '--no-privileges']

export class BackupError extends Error {
  override name = 'BackupError'
}

/** The dump of an open PGlite database. */
export async function dumpPGlite(database: PGlite): Promise<string> {
  return (await pgDump({ pg: database, args: dumpArguments })).text()
}

/** The dump of the database at `url` (default this process's); the embedded one must not be in use. */
export async function backupDatabase(url?: string): Promise<string> {
  const database = describeDatabase(url)
  if (database.kind === 'postgresql') return runPgDump(resolveDatabaseUrl(url))
  return withEmbeddedDatabase(database.folder, dumpPGlite)
}

export interface RestoreOptions {
  /** Drops everything in the database first; without it, the database must be empty. */
  replace?: boolean
}

/** Restores a dump into the database at `url` (default this process's), in one transaction. */
export async function restoreDatabase(
  dump: string,
  url?: string,
  options: RestoreOptions = {},
): Promise<void> {
  const database = describeDatabase(url)
  if (database.kind === 'pglite') {
    await withEmbeddedDatabase(database.folder, (db) => restoreIntoPGlite(db, dump, options))
    return
  }
  const client = new pg.Client({ connectionString: resolveDatabaseUrl(url) })
  await client.connect()
  try {
    await refuseUnlessEmpty((sql) => client.query(sql).then((result) => result.rows), database.label, options)
    const { rows } = await client.query<{ server_version_num: string }>('SHOW server_version_num')
    await client.query(restoreScript(forServerVersion(dump, Number(rows[0]?.server_version_num)), options))
  } finally {
    await client.end()
  }
}

/** Restores a dump into an open PGlite database, in one transaction. */
export async function restoreIntoPGlite(database: PGlite, dump: string, options: RestoreOptions = {}) {
  await refuseUnlessEmpty(
    async (sql) => (await database.query<Record<string, unknown>>(sql)).rows,
    'the embedded database',
    options,
  )
  await database.exec(restoreScript(dump, options))
}

async function refuseUnlessEmpty(
  query: (sql: string) => Promise<Record<string, unknown>[]>,
  label: string,
  { replace }: RestoreOptions,
) {
  if (replace) return
  const [row] = await query(`SELECT count(*)::int AS tables FROM pg_tables WHERE schemaname = 'public'`)
  if (Number(row?.tables) > 0) {
    throw new BackupError(
      `${label} is not empty: restore into an empty database, or pass --replace to drop everything in it first`,
    )
  }
}

// The simple query protocol runs the statements of one message in one transaction: all or nothing.
function restoreScript(dump: string, { replace }: RestoreOptions) {
  return replace ? `DROP SCHEMA public CASCADE; CREATE SCHEMA public;\n${dump}` : dump
}

/** The dump without the settings an older server does not know (pg_dump 17+ sets transaction_timeout). */
function forServerVersion(dump: string, versionNumber: number) {
  return versionNumber < 170000 ? dump.replace(/^SET transaction_timeout = 0;$/m, '') : dump
}

async function withEmbeddedDatabase<T>(folder: string | undefined, use: (database: PGlite) => Promise<T>) {
  if (!folder) throw new BackupError('An embedded database in memory has nothing to back up or restore into')
  const release = await lockEmbeddedDatabase(folder, { waitMs: 5_000 })
  try {
    const database = await openPGlite({ dataDir: folder })
    try {
      return await use(database)
    } finally {
      await database.close()
    }
  } finally {
    release()
  }
}

function runPgDump(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('pg_dump', [...dumpArguments, '--dbname', url], { stdio: ['ignore', 'pipe', 'pipe'] })
    const out: Buffer[] = []
    let errors = ''
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => {
      errors += chunk
    })
    child.on('error', (error) =>
      reject(new BackupError(`pg_dump could not be started (${error.message}): install PostgreSQL's client`)),
    )
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'))
      else reject(new BackupError(`pg_dump failed (exit code ${code}):\n${errors}`))
    })
  })
}
