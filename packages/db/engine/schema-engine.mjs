#!/usr/bin/env node
// An offline stand-in for Prisma's native `schema-engine` executable, which the Prisma CLI would
// otherwise download: the same arguments and JSON-RPC, served by @prisma/schema-engine-wasm over
// Prisma driver adapters (adapter-pg for PostgreSQL, pglite-prisma-adapter for the embedded
// database). The CLI runs it when PRISMA_SCHEMA_ENGINE_BINARY points here (scripts/prisma.mjs).
//
//   schema-engine --datamodels <file>… --datasource '{"url":…,"shadowDatabaseUrl":…}'   JSON-RPC on stdin/stdout
//   schema-engine --datasource '{"url":…}' cli can-connect-to-database|create-database|drop-database
//   schema-engine --version
import { readFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils'
import { EnginePGliteAdapterFactory, EnginePgAdapterFactory } from './adapters.mjs'
import { KnownEngineError, runDatabaseCommand } from './database-admin.mjs'
import { embeddedDatabaseFolderOf, isEmbeddedDatabaseUrl } from './embedded-location.mjs'
import { loadWasmSchemaEngine, panics } from './wasm-engine.mjs'

const LOG_TARGET = 'schema_engine::logger'
const DATABASE_COMMANDS = ['can-connect-to-database', 'create-database', 'drop-database']

// The CLI's method names are the wasm engine's, except this one.
const METHOD_ALIASES = /** @type {Record<string, string>} */ ({ getDatabaseVersion: 'version' })

// The history commands the wasm engine answers with P1014 until _prisma_migrations exists; the
// native engine creates the table itself.
const HISTORY_METHODS = new Set([
  'applyMigrations',
  'devDiagnostic',
  'diagnoseMigrationHistory',
  'evaluateDataLoss',
  'markMigrationApplied',
  'markMigrationRolledBack',
])

// The wasm engine hands its shadow-database factory to devDiagnostic, diagnoseMigrationHistory and
// diff only; these two rebuild the schema from the migrations without it ("PostgreSQL shadow DB must
// be provided through an external factory") unless that schema is already in the engine's cache.
// A devDiagnostic call just before, once the CLI has applied the pending migrations, fills the cache.
const METHODS_NEEDING_WARM_MIGRATION_CACHE = new Set(['evaluateDataLoss', 'createMigration'])

const { values: options, positionals } = parseArgs({
  options: {
    datamodels: { type: 'string', multiple: true },
    datasource: { type: 'string' },
    'enabled-preview-features': { type: 'string' },
    'extension-types': { type: 'string' },
    version: { type: 'boolean', short: 'V' },
  },
  allowPositionals: true,
  strict: false,
})

/**
 * @param {'INFO' | 'WARN' | 'ERROR'} level
 * @param {string} message
 * @param {Record<string, unknown>} [fields]
 */
function log(level, message, fields = {}) {
  process.stderr.write(`${JSON.stringify({ level, fields: { message, ...fields }, target: LOG_TARGET })}\n`)
}

/** @returns {{ url: string, shadowDatabaseUrl?: string }} */
function datasource() {
  if (typeof options.datasource !== 'string') throw new Error('Missing --datasource')
  const parsed = JSON.parse(options.datasource)
  if (typeof parsed?.url !== 'string') throw new Error('--datasource has no url')
  return parsed
}

/** @param {{ url: string, shadowDatabaseUrl?: string }} source */
function adapterFactoryFor(source) {
  if (isEmbeddedDatabaseUrl(source.url))
    return new EnginePGliteAdapterFactory(embeddedDatabaseFolderOf(source.url))
  return new EnginePgAdapterFactory(source.url, source.shadowDatabaseUrl || undefined)
}

/**
 * The text the CLI shows for an engine error, without the tracing spans the wasm build appends.
 * @param {unknown} error
 */
function userFacingMessage(error) {
  const text = error instanceof Error ? error.message : String(error)
  const spans = text.search(/\n\s+0: /)
  return (spans === -1 ? text : text.slice(0, spans)).trim()
}

/**
 * The Prisma error code of a wasm engine error: it carries none, so it is read off the message.
 * @param {string} method
 * @param {string} message
 */
function errorCodeOf(method, message) {
  if (/_prisma_migrations.*does not exist/s.test(message)) return 'P1014'
  if (/Database .* does not exist/.test(message)) return 'P1003'
  if (method === 'applyMigrations' && /Error querying the database/.test(message)) return 'P3018'
  return undefined
}

/** @param {'can-connect-to-database' | 'create-database' | 'drop-database'} command */
async function serveDatabaseCommand(command) {
  log('INFO', `tangtoc schema engine: ${command}`)
  try {
    log('INFO', await runDatabaseCommand(command, datasource().url))
    process.exitCode = 0
  } catch (error) {
    const errorCode = error instanceof KnownEngineError ? error.errorCode : undefined
    log('ERROR', userFacingMessage(error), errorCode ? { error_code: errorCode } : {})
    process.exitCode = 1
  }
}

async function serveJsonRpc() {
  const source = datasource()
  const factory = adapterFactoryFor(source)
  const wasm = await loadWasmSchemaEngine()
  const datamodels = /** @type {[string, string][]} */ (
    (options.datamodels ?? []).map((path) => [String(path), readFileSync(String(path), 'utf8')])
  )
  const engine = /** @type {Record<string, (params: unknown) => Promise<unknown>>} */ (
    /** @type {unknown} */ (
      await wasm.SchemaEngine.new(
        // Without a schema (`migrate diff`), the engine wants no list rather than an empty one.
        { datamodels: datamodels.length > 0 ? datamodels : undefined },
        (/** @type {string} */ line) => process.stderr.write(`${line}\n`),
        bindMigrationAwareSqlAdapterFactory(/** @type {any} */ (factory)),
      )
    )
  )

  /** @type {Map<number, () => void>} */
  const answersAwaited = new Map()
  let nextRequestId = 1_000_000

  /** @param {unknown} message */
  const send = (message) => process.stdout.write(`${JSON.stringify(message)}\n`)

  /** Asks the CLI to print text on its stdout, as the native engine does for `diff`. */
  const print = (/** @type {string} */ content) =>
    new Promise((resolve) => {
      const id = nextRequestId++
      answersAwaited.set(id, () => resolve(undefined))
      send({ jsonrpc: '2.0', id, method: 'print', params: { content } })
    })

  const createMigrationsTable = async () => {
    const schema = new URL(source.url).searchParams.get('schema')
    const table = schema ? `"${schema.replaceAll('"', '""')}"."_prisma_migrations"` : '"_prisma_migrations"'
    const adapter = await factory.connect()
    try {
      await adapter.executeScript(
        `${schema ? `CREATE SCHEMA IF NOT EXISTS "${schema.replaceAll('"', '""')}";\n` : ''}` +
          `CREATE TABLE IF NOT EXISTS ${table} (
            "id" VARCHAR(36) PRIMARY KEY NOT NULL,
            "checksum" VARCHAR(64) NOT NULL,
            "finished_at" TIMESTAMPTZ,
            "migration_name" VARCHAR(255) NOT NULL,
            "logs" TEXT,
            "rolled_back_at" TIMESTAMPTZ,
            "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
            "applied_steps_count" INTEGER NOT NULL DEFAULT 0
          )`,
      )
    } finally {
      if (!(factory instanceof EnginePGliteAdapterFactory)) await adapter.dispose()
    }
  }

  /**
   * @param {string} method
   * @param {unknown} params
   */
  const call = async (method, params) => {
    const name = METHOD_ALIASES[method] ?? method
    const handler = engine[name]
    if (typeof handler !== 'function') throw new Error(`The offline schema engine has no method ${method}`)
    if (METHODS_NEEDING_WARM_MIGRATION_CACHE.has(method)) {
      const { migrationsList, filters } = /** @type {{ migrationsList: unknown, filters: unknown }} */ (
        params
      )
      await call('devDiagnostic', { migrationsList, filters }).catch(() => {})
    }
    try {
      return await handler.call(engine, params)
    } catch (error) {
      if (!HISTORY_METHODS.has(method) || errorCodeOf(method, userFacingMessage(error)) !== 'P1014')
        throw error
      await createMigrationsTable()
      return await handler.call(engine, params)
    }
  }

  /** @param {{ id: number, method: string, params: unknown }} request */
  const answer = async (request) => {
    try {
      if (request.method === 'diff') {
        const { exitCode, stdout } = /** @type {{ exitCode: number, stdout: string | null }} */ (
          await call('diff', request.params)
        )
        if (stdout) await print(stdout.replace(/\n$/, ''))
        send({ jsonrpc: '2.0', id: request.id, result: { exitCode } })
        return
      }
      const result = await call(request.method, request.params)
      send({ jsonrpc: '2.0', id: request.id, result: result ?? null })
    } catch (error) {
      const message = userFacingMessage(error)
      const errorCode = errorCodeOf(request.method, message)
      log('WARN', `${request.method} failed: ${message}`)
      send({
        jsonrpc: '2.0',
        id: request.id,
        error: {
          code: 4466,
          message: 'An error happened. Check the data field for details.',
          data: { is_panic: false, message, meta: {}, error_code: errorCode ?? null },
        },
      })
    }
  }

  let queue = Promise.resolve()
  let closing = false
  const close = async () => {
    if (closing) return
    closing = true
    await queue
    try {
      await /** @type {{ close?: () => Promise<void> }} */ (factory).close?.()
    } finally {
      process.exit(0)
    }
  }
  // The CLI ends stdin and sends SIGTERM at once when it is done: PGlite must still close cleanly.
  process.once('SIGTERM', close)
  process.once('SIGINT', close)

  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })
  lines.on('line', (line) => {
    if (!line.trim()) return
    const message = JSON.parse(line)
    if (message.method === undefined) {
      answersAwaited.get(message.id)?.()
      answersAwaited.delete(message.id)
      return
    }
    queue = queue.then(() => answer(message))
  })
  lines.on('close', close)
}

// A Rust panic surfaces as an uncaught `unreachable` trap; report it the way the native engine does.
process.on('uncaughtException', (error) => {
  log('ERROR', panics.last ?? userFacingMessage(error), { is_panic: true })
  process.exit(101)
})

if (options.version) {
  const wasm = await loadWasmSchemaEngine()
  process.stdout.write(`schema-engine-cli ${wasm.version()} (tangtoc offline: @prisma/schema-engine-wasm)\n`)
} else if (positionals[0] === 'cli') {
  const command = positionals[1] ?? ''
  if (!DATABASE_COMMANDS.includes(command)) {
    log('ERROR', `Unknown cli command: ${command}`)
    process.exitCode = 1
  } else {
    await serveDatabaseCommand(/** @type {any} */ (command))
  }
} else {
  try {
    await serveJsonRpc()
  } catch (error) {
    log('ERROR', userFacingMessage(error))
    process.exit(1)
  }
}
