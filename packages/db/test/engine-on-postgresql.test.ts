import { randomUUID } from 'node:crypto'
import { readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { prisma, prismaInTerminal, scratchProject } from './prisma-cli.ts'

const serverUrl = process.env.TEST_DATABASE_URL

describe.runIf(serverUrl)('the offline schema engine on PostgreSQL', () => {
  const name = `tangtoc_engine_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`
  let url: string

  const databases = async () => {
    const client = new pg.Client({ connectionString: serverUrl })
    await client.connect()
    try {
      return (await client.query<{ datname: string }>('SELECT datname FROM pg_database')).rows.map(
        (r) => r.datname,
      )
    } finally {
      await client.end()
    }
  }

  beforeAll(() => {
    const target = new URL(String(serverUrl))
    target.pathname = `/${name}`
    url = target.toString()
  })
  afterAll(async () => {
    const client = new pg.Client({ connectionString: serverUrl })
    await client.connect()
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    await client.end()
  })

  it('migrate deploy creates the database and applies every migration', async () => {
    const deploy = await prisma(['migrate', 'deploy'], url)
    expect(deploy.output).toContain('All migrations have been successfully applied')
    expect(await databases()).toContain(name)
  })

  it('migrate dev writes and applies a migration, and drops its shadow database', async () => {
    const project = await scratchProject()
    try {
      await project.addToSchema('model Note {\n  id   Int    @id\n  text String\n}')
      const dev = await prismaInTerminal(
        ['migrate', 'dev', '--name', 'add_note', '--config', project.config],
        url,
      )
      expect(dev.output).toContain('Your database is now in sync with your schema')
      expect((await readdir(join(project.folder, 'migrations'))).some((n) => n.endsWith('_add_note'))).toBe(
        true,
      )
      expect((await databases()).filter((n) => n.startsWith('prisma_migrate_shadow_db_'))).toEqual([])

      const reset = await prisma(['migrate', 'reset', '--force', '--config', project.config], url)
      expect(reset.exitCode).toBe(0)
      const status = await prisma(['migrate', 'status', '--config', project.config], url)
      expect(status.output).toContain('Database schema is up to date!')
    } finally {
      await rm(project.folder, { recursive: true, force: true })
    }
  })

  it('migrate diff from the database to the project schema finds the extra table', async () => {
    const diff = await prisma(
      [
        'migrate',
        'diff',
        '--from-config-datasource',
        '--to-schema',
        '../../prisma/schema.prisma',
        '--script',
        '--exit-code',
      ],
      url,
    )
    expect(diff.exitCode).toBe(2)
    expect(diff.output).toContain('DROP TABLE "Note"')
  })
})
