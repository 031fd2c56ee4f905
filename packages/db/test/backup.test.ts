import { randomUUID } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { embeddedDatabaseUrl } from '../engine/embedded-location.mjs'
import { BackupError, backupDatabase, dumpPGlite, restoreDatabase } from '../src/backup.ts'
import { createPrismaClient } from '../src/client.ts'
import type { PrismaClient } from '../src/generated/prisma/client.ts'
import { pendingMigrations } from '../src/migrate.ts'
import { launchCampaignCode, seedDemo, seedIfEmpty } from '../src/seed/index.ts'
import { createTestDatabase, type TestDatabase } from '../src/testing.ts'

let folder: string
let source: TestDatabase
let dump: string
let original: Record<string, string>

/** A digest of every table's rows, to compare two databases. */
function fingerprint(prisma: PrismaClient) {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL TimeZone = 'UTC'`
    const tables = await tx.$queryRaw<{ name: string }[]>`
      SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`
    const digests: Record<string, string> = {}
    for (const { name } of tables) {
      const [row] = await tx.$queryRawUnsafe<{ md5: string }[]>(
        `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS md5 FROM "${name}" t`,
      )
      digests[name] = row?.md5 ?? ''
    }
    return digests
  })
}

async function fingerprintAt(url: string) {
  const prisma = createPrismaClient({ url })
  try {
    return { digests: await fingerprint(prisma), pending: await pendingMigrations(prisma) }
  } finally {
    await prisma.$disconnect()
  }
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'tangtoc-backup-'))
  // A migrated embedded database (the test template), seeded with a small demo of people and enrollments.
  source = await createTestDatabase({ embedded: true })
  await seedIfEmpty(source.prisma)
  // Without the year before: its renewals are marked by an UPDATE after the load, and a restored copy of
  // rows updated in the load dumps them in another order (the byte-for-byte check below; open question).
  await seedDemo(source.prisma, {
    campaignCode: launchCampaignCode,
    enrollments: 200,
    previousYear: 0,
    seed: 3,
  })
  original = await fingerprint(source.prisma)
  if (!source.pglite) throw new Error('not an embedded database')
  dump = await dumpPGlite(source.pglite)
})
afterAll(async () => {
  await source?.close()
  await rm(folder, { recursive: true, force: true })
})

/**
 * A dump's lines in a fixed order, each row's without the `,` or `;` that ends it: the same schema and
 * rows compare equal whatever order a table's rows lie in on disk, which a restore need not keep
 * (PostgreSQL puts an inserted row on any page with room for it).
 */
function statementsOf(dump: string): string[] {
  return dump
    .split('\n')
    .map((line) => (line.startsWith('\t(') ? line.replace(/[,;]$/, '') : line))
    .sort()
}

describe('a backup of the embedded database', () => {
  it('is a plain PostgreSQL dump of every table, its rows as INSERT statements', () => {
    expect(dump).toMatch(/^-- PostgreSQL database dump/m)
    expect(dump).toMatch(/INSERT INTO public."Enrollment" /)
    expect(dump).not.toMatch(/^COPY /m)
    expect(Object.keys(original)).toEqual(
      expect.arrayContaining(['_prisma_migrations', 'Enrollment', 'Person']),
    )
  })

  it('restores into an empty embedded database row for row, its migrations current, and backs up the same', async () => {
    const target = embeddedDatabaseUrl(join(folder, `restored-${randomUUID()}`))
    await restoreDatabase(dump, target)
    expect(await fingerprintAt(target)).toEqual({ digests: original, pending: [] })
    expect(statementsOf(await backupDatabase(target))).toEqual(statementsOf(dump))
  })

  it('refuses a database that is not empty, and replaces it when asked', async () => {
    const target = embeddedDatabaseUrl(join(folder, `replaced-${randomUUID()}`))
    await restoreDatabase(dump, target)
    await expect(restoreDatabase(dump, target)).rejects.toThrow(BackupError)
    await restoreDatabase(dump, target, { replace: true })
    expect((await fingerprintAt(target)).digests).toEqual(original)
  })

  it.runIf(process.env.TEST_DATABASE_URL)('restores into a PostgreSQL server alike', async () => {
    const server = new URL(process.env.TEST_DATABASE_URL ?? '')
    const name = `tangtoc_restore_${randomUUID().slice(0, 8)}`
    const admin = new pg.Client({ connectionString: server.href })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`)
    try {
      const target = new URL(server.href)
      target.pathname = `/${name}`
      await restoreDatabase(dump, target.href)
      expect(await fingerprintAt(target.href)).toEqual({ digests: original, pending: [] })
    } finally {
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`)
      await admin.end()
    }
  })
})
