// A fresh, migrated database for each test file, never the developer's .data folder.
// - Default: an in-memory PGlite loaded from a template. The template is made once per set of
//   migrations with Prisma's engine (`prisma migrate deploy` into a temporary folder), dumped, and
//   kept in the OS temp folder, so that every test file after the first loads it in a fraction of a
//   second.
// - TEST_DATABASE_URL (a PostgreSQL URL whose database may create databases): a database created
//   from a migrated template database (CREATE DATABASE … TEMPLATE …), dropped on close.
import { createHash, randomUUID } from 'node:crypto'
import { mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { embeddedDatabaseUrl } from '../engine/embedded-location.mjs'
import { openPGlite } from '../engine/pglite.mjs'
import { createPrismaClient } from './client.ts'
import { embeddedAdapterFactory } from './embedded.ts'
import type { Prisma, PrismaClient } from './generated/prisma/client.ts'
import { runPrisma } from './migrate.ts'

export interface TestDatabase {
  prisma: PrismaClient
  /** The PostgreSQL URL of the test database; undefined for an in-memory PGlite. */
  url?: string
  kind: 'pglite' | 'postgresql'
  /** The PGlite instance of an in-memory test database; undefined on PostgreSQL. */
  pglite?: PGlite
  /** Disconnects and, on PostgreSQL, drops the database. */
  close(): Promise<void>
}

export interface CreateTestDatabaseOptions {
  /** Called with every SQL statement the client runs: count them to keep N+1 queries out. */
  onQuery?: (event: Prisma.QueryEvent) => void
  /** A PostgreSQL URL to create the database beside; default TEST_DATABASE_URL, else PGlite. */
  postgresUrl?: string
  /** An in-memory PGlite even when TEST_DATABASE_URL is set. */
  embedded?: boolean
}

const migrationsFolder = fileURLToPath(new URL('../../../prisma/migrations/', import.meta.url))

export async function createTestDatabase(options: CreateTestDatabaseOptions = {}): Promise<TestDatabase> {
  const postgresUrl = options.embedded ? undefined : (options.postgresUrl ?? process.env.TEST_DATABASE_URL)
  return postgresUrl ? createPostgresTestDatabase(postgresUrl, options) : createPGliteTestDatabase(options)
}

/**
 * Records the SQL statements a Prisma client runs, for tests that assert how many queries an
 * operation takes: `const log = new QueryLog(); createTestDatabase({ onQuery: log.record })`.
 */
export class QueryLog {
  readonly statements: string[] = []
  readonly record = (event: Prisma.QueryEvent): void => {
    this.statements.push(event.query)
  }
  get count(): number {
    return this.statements.length
  }
  /** Runs `action` and returns its result with the statements it ran. */
  async during<T>(action: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
    const start = this.statements.length
    const result = await action()
    return { result, statements: this.statements.slice(start) }
  }
  clear(): void {
    this.statements.length = 0
  }
}

// ─── PGlite ──────────────────────────────────────────────────────────────────

let pgliteTemplate: Promise<Blob> | undefined

async function createPGliteTestDatabase(options: CreateTestDatabaseOptions): Promise<TestDatabase> {
  pgliteTemplate ??= loadPGliteTemplate()
  const database = await openPGlite({ loadDataDir: await pgliteTemplate })
  const prisma = createPrismaClient({
    adapter: embeddedAdapterFactory({ database }),
    onQuery: options.onQuery,
  })
  return {
    prisma,
    kind: 'pglite',
    pglite: database,
    async close() {
      await prisma.$disconnect()
      await database.close()
    },
  }
}

/**
 * A Blob's bytes. Under jsdom (the console's component tests) Blob is jsdom's, which has no
 * arrayBuffer(): its FileReader reads it instead, so the first test process to make the template may be
 * a console one.
 */
async function bytesOf(blob: Blob): Promise<Buffer<ArrayBuffer>> {
  if (typeof blob.arrayBuffer === 'function') return Buffer.from(await blob.arrayBuffer())
  // jsdom's, on globalThis there; this package's types know Node's globals only.
  const { FileReader } = globalThis as unknown as {
    FileReader: new () => {
      result: unknown
      error: unknown
      onload: (() => void) | null
      onerror: (() => void) | null
      readAsArrayBuffer(blob: Blob): void
    }
  }
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(Buffer.from(reader.result as ArrayBuffer))
    reader.onerror = () => reject(reader.error)
    reader.readAsArrayBuffer(blob)
  })
}

async function loadPGliteTemplate(): Promise<Blob> {
  const key = await migrationsKey()
  const cached = join(tmpdir(), `tangtoc-test-template-${key}.tar`)
  try {
    return new Blob([await readFile(cached)])
  } catch {
    // Not made yet on this machine: make it below.
  }
  const folder = await mkdtemp(join(tmpdir(), 'tangtoc-test-template-'))
  try {
    const dataDir = join(folder, 'pglite')
    await runPrisma(['migrate', 'deploy'], { url: embeddedDatabaseUrl(dataDir) })
    const database = await openPGlite({ dataDir })
    const dump = await database.dumpDataDir('none')
    await database.close()
    // Written aside then renamed, so that a test process running beside never reads half a file.
    const partial = `${cached}.${process.pid}.partial`
    const bytes = await bytesOf(dump)
    await writeFile(partial, bytes)
    await rename(partial, cached)
    return new Blob([bytes])
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}

/** A short hash of the migrations and of the engine's database version, naming the template. */
async function migrationsKey(): Promise<string> {
  const hash = createHash('sha256')
  const entries = (await readdir(migrationsFolder, { withFileTypes: true })).filter((e) => e.isDirectory())
  for (const name of entries.map((e) => e.name).sort()) {
    hash.update(`${name}\n`)
    hash.update(await readFile(join(migrationsFolder, name, 'migration.sql')))
  }
  // A PGlite dump loads only into the PGlite version that wrote it.
  const pglitePackage = new URL('../node_modules/@electric-sql/pglite/package.json', import.meta.url)
  hash.update(`pglite ${JSON.parse(await readFile(pglitePackage, 'utf8')).version}`)
  return hash.digest('hex').slice(0, 16)
}

// ─── PostgreSQL ──────────────────────────────────────────────────────────────

const postgresTemplates = new Map<string, Promise<string>>()

async function createPostgresTestDatabase(
  serverUrl: string,
  options: CreateTestDatabaseOptions,
): Promise<TestDatabase> {
  let template = postgresTemplates.get(serverUrl)
  if (!template) {
    template = ensurePostgresTemplate(serverUrl)
    postgresTemplates.set(serverUrl, template)
  }
  const templateName = await template
  const name = `tangtoc_test_${randomUUID().replaceAll('-', '').slice(0, 20)}`
  await onServer(serverUrl, `CREATE DATABASE ${quote(name)} TEMPLATE ${quote(templateName)}`)
  const url = withDatabase(serverUrl, name)
  const prisma = createPrismaClient({ url, onQuery: options.onQuery })
  return {
    prisma,
    url,
    kind: 'postgresql',
    async close() {
      await prisma.$disconnect()
      await onServer(serverUrl, `DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`)
    },
  }
}

/** Makes the template database for the current migrations unless it exists; returns its name. */
async function ensurePostgresTemplate(serverUrl: string): Promise<string> {
  const templateName = `tangtoc_test_template_${await migrationsKey()}`
  if (await databaseExists(serverUrl, templateName)) return templateName
  const building = `${templateName}_${process.pid}`
  await onServer(serverUrl, `DROP DATABASE IF EXISTS ${quote(building)} WITH (FORCE)`)
  await onServer(serverUrl, `CREATE DATABASE ${quote(building)}`)
  try {
    await runPrisma(['migrate', 'deploy'], { url: withDatabase(serverUrl, building) })
    // Renamed once complete, so that no test ever copies a half-migrated template.
    await onServer(serverUrl, `ALTER DATABASE ${quote(building)} RENAME TO ${quote(templateName)}`)
  } catch (error) {
    await onServer(serverUrl, `DROP DATABASE IF EXISTS ${quote(building)} WITH (FORCE)`)
    // Another test process made the same template meanwhile.
    if (await databaseExists(serverUrl, templateName)) return templateName
    throw error
  }
  return templateName
}

async function databaseExists(serverUrl: string, name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
    return (rowCount ?? 0) > 0
  } finally {
    await client.end()
  }
}

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return url.toString()
}

function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`
}

// ─── The worklist tally ──────────────────────────────────────────────────────

/** A "WorklistTally" row as the tests compare them. */
export type WorklistTallyRow = {
  centerId: string
  kind: string
  due: string
  product: string
  assignedTo: string
  count: number
}

const worklistTallyRows = `SELECT "centerId"::text, "kind", to_char("due", 'YYYY-MM-DD') AS "due", "product",
    "assignedTo", "count"
  FROM "WorklistTally" ORDER BY 1, 2, 3, 4, 5`

class RolledBack extends Error {}

/**
 * The worklist tally as the triggers kept it, and as worklist_rebuild() recounts it from the rows (in a
 * transaction rolled back), in the same order: equal when the triggers missed nothing.
 */
export async function worklistTallyKeptAndRecounted(
  prisma: PrismaClient,
): Promise<{ kept: WorklistTallyRow[]; recounted: WorklistTallyRow[] }> {
  const kept = await prisma.$queryRawUnsafe<WorklistTallyRow[]>(worklistTallyRows)
  let recounted: WorklistTallyRow[] = []
  await prisma
    .$transaction(async (tx) => {
      await tx.$executeRawUnsafe('SELECT worklist_rebuild()')
      recounted = await tx.$queryRawUnsafe<WorklistTallyRow[]>(worklistTallyRows)
      throw new RolledBack()
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error
    })
  return { kept, recounted }
}
