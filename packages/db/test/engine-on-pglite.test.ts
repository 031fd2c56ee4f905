import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { embeddedDatabaseUrl } from '../engine/embedded-location.mjs'
import { prisma, prismaInTerminal, scratchProject } from './prisma-cli.ts'

describe('the offline schema engine on an embedded PGlite database', () => {
  let folder: string
  let url: string

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'tangtoc-engine-pglite-'))
    url = embeddedDatabaseUrl(join(folder, 'pglite'))
  })
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true })
  })

  it('migrate deploy creates the database folder and applies every migration', async () => {
    const deploy = await prisma(['migrate', 'deploy'], url)
    expect(deploy.output).toContain('All migrations have been successfully applied')
    expect(deploy.exitCode).toBe(0)
    expect(await readdir(join(folder, 'pglite'))).toContain('PG_VERSION')
  })

  it('migrate status then finds the database up to date, and lets the folder go', async () => {
    const status = await prisma(['migrate', 'status'], url)
    expect(status.output).toContain('Database schema is up to date!')
    expect(status.exitCode).toBe(0)
    expect(await readdir(folder)).not.toContain('pglite.lock')
  })

  it('migrate dev writes and applies a migration for a schema change, with its shadow database', async () => {
    const project = await scratchProject()
    try {
      await project.addToSchema('model Note {\n  id   Int    @id\n  text String\n}')
      const dev = await prismaInTerminal(
        ['migrate', 'dev', '--name', 'add_note', '--config', project.config],
        url,
      )
      expect(dev.output).toContain('Your database is now in sync with your schema')
      const created = (await readdir(join(project.folder, 'migrations'))).find((name) =>
        name.endsWith('_add_note'),
      )
      expect(created).toBeDefined()
      const sql = await readFile(join(project.folder, 'migrations', String(created), 'migration.sql'), 'utf8')
      expect(sql).toContain('CREATE TABLE "Note"')

      const reset = await prisma(['migrate', 'reset', '--force', '--config', project.config], url)
      expect(reset.exitCode).toBe(0)
      const status = await prisma(['migrate', 'status', '--config', project.config], url)
      // The project's migrations and the one migrate dev just wrote.
      const migrations = (await readdir(join(project.folder, 'migrations'), { withFileTypes: true })).filter(
        (entry) => entry.isDirectory(),
      )
      expect(status.output).toContain(`${migrations.length} migrations found`)
      expect(status.output).toContain('Database schema is up to date!')
    } finally {
      await rm(project.folder, { recursive: true, force: true })
    }
  })

  it('migrate diff from the database to a changed schema exits with code 2', async () => {
    const project = await scratchProject()
    try {
      await project.addToSchema('model Memo {\n  id Int @id\n}')
      const diff = await prisma(
        [
          'migrate',
          'diff',
          '--from-config-datasource',
          '--to-schema',
          join(project.folder, 'schema.prisma'),
          '--script',
          '--exit-code',
        ],
        url,
      )
      expect(diff.exitCode).toBe(2)
      expect(diff.output).toContain('CREATE TABLE "Memo"')
    } finally {
      await rm(project.folder, { recursive: true, force: true })
    }
  })
})
