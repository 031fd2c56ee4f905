// Applies the migrations in prisma/migrations with `prisma migrate deploy`, through the offline
// schema engine, in a child process (the CLI is not a library).
import { spawn } from 'node:child_process'
import { readdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { resolveDatabaseUrl } from './database-url.ts'
import type { PrismaClient } from './generated/prisma/client.ts'

const prismaScript = fileURLToPath(new URL('../scripts/prisma.mjs', import.meta.url))
const migrationsFolder = fileURLToPath(new URL('../../../prisma/migrations/', import.meta.url))

export class PrismaCommandError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly exitCode: number | null,
    readonly output: string,
  ) {
    super(`prisma ${args.join(' ')} failed (exit code ${exitCode}):\n${output}`)
    this.name = 'PrismaCommandError'
  }
}

export interface RunPrismaOptions {
  /** The database; default this process's (DATABASE_URL, else the embedded one). */
  url?: string
  env?: NodeJS.ProcessEnv
  /** 'capture' (default) resolves with the output; 'inherit' shows it as it comes. */
  output?: 'capture' | 'inherit'
}

/**
 * Runs the Prisma CLI (scripts/prisma.mjs, so with the offline schema engine) and resolves with its
 * output; rejects with a PrismaCommandError when it fails.
 */
export function runPrisma(args: readonly string[], options: RunPrismaOptions = {}): Promise<string> {
  const base = { ...process.env, ...options.env }
  const env = { ...base, DATABASE_URL: resolveDatabaseUrl(options.url, base) }
  const stdio = options.output === 'inherit' ? 'inherit' : 'pipe'
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [prismaScript, ...args], { env, stdio: ['ignore', stdio, stdio] })
    let output = ''
    child.stdout?.on('data', (chunk) => {
      output += chunk
    })
    child.stderr?.on('data', (chunk) => {
      output += chunk
    })
    child.on('error', reject)
    child.on('close', (exitCode) => {
      if (exitCode === 0) resolve(output)
      else reject(new PrismaCommandError(args, exitCode, output))
    })
  })
}

/**
 * Applies the pending migrations to `url` (default: this process's database), e.g. before a server
 * starts; resolves with the CLI's output. For the embedded database, run it before opening a client:
 * one process at a time holds the folder.
 */
export function migrateDatabase(url?: string, options: Omit<RunPrismaOptions, 'url'> = {}): Promise<string> {
  return runPrisma(['migrate', 'deploy'], { ...options, url })
}

/**
 * The migrations in prisma/migrations that the database has not applied, by name (none: it is current).
 * Reads Prisma's `_prisma_migrations` table, as `prisma migrate status` does, without starting the CLI.
 */
export async function pendingMigrations(prisma: PrismaClient): Promise<string[]> {
  const expected = (await readdir(migrationsFolder, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
  const [{ present }] = await prisma.$queryRaw<[{ present: boolean }]>`
    SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present`
  if (!present) return expected.sort()
  const applied = await prisma.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`
  const names = new Set(applied.map((row) => row.migration_name))
  return expected.filter((name) => !names.has(name)).sort()
}
