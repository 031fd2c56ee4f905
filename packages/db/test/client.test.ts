import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { embeddedDatabaseUrl } from '../engine/embedded-location.mjs'
import { createCampaign, createCenter, createEnrollment, createPerson, createUser } from '../src/fixtures.ts'
import {
  copyRows,
  createPrismaClient,
  describeDatabase,
  EmbeddedDatabaseBusyError,
  migrateDatabase,
  Prisma,
  queryPrepared,
  searchHashes,
} from '../src/index.ts'
import { createTestDatabase } from '../src/testing.ts'

describe('createPrismaClient on the embedded database', () => {
  const folders: string[] = []
  afterAll(async () => {
    for (const folder of folders) await rm(folder, { recursive: true, force: true })
  })

  it('keeps provinces and wards in its folder across clients, one process at a time', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'tangtoc-client-'))
    folders.push(folder)
    const url = embeddedDatabaseUrl(join(folder, 'pglite'))
    await migrateDatabase(url)
    expect(describeDatabase(url)).toMatchObject({ kind: 'pglite', folder: join(folder, 'pglite') })

    const first = createPrismaClient({ url })
    await first.province.create({
      data: {
        code: '79',
        name: 'Hồ Chí Minh',
        fullName: 'Thành phố Hồ Chí Minh',
        nameEn: 'Ho Chi Minh City',
        type: 'city',
      },
    })
    const second = createPrismaClient({ url })
    await expect(second.province.count()).rejects.toThrow(EmbeddedDatabaseBusyError)
    await first.$disconnect()

    const third = createPrismaClient({ url })
    await third.ward.create({
      data: {
        code: '26734',
        name: 'Sài Gòn',
        fullName: 'Phường Sài Gòn',
        nameEn: 'Sai Gon Ward',
        type: 'WARD',
        searchKey: 'sai gon',
        provinceCode: '79',
      },
    })
    const ward = await third.ward.findUniqueOrThrow({ where: { code: '26734' }, include: { province: true } })
    expect(ward.province.name).toBe('Hồ Chí Minh')
    await third.$disconnect()
  })
})

describe.runIf(process.env.TEST_DATABASE_URL)('createPrismaClient on PostgreSQL', () => {
  it('creates and reads a ward of a province', async () => {
    const database = await createTestDatabase()
    try {
      const prisma = createPrismaClient({ url: database.url })
      await prisma.province.create({
        data: { code: '01', name: 'Hà Nội', fullName: 'Thành phố Hà Nội', nameEn: 'Hanoi', type: 'city' },
      })
      await prisma.ward.create({
        data: {
          code: '00004',
          name: 'Ba Đình',
          fullName: 'Phường Ba Đình',
          nameEn: 'Ba Dinh Ward',
          type: 'WARD',
          searchKey: 'ba dinh',
          provinceCode: '01',
        },
      })
      expect(
        await prisma.ward.findMany({ where: { province: { code: '01' } }, select: { name: true } }),
      ).toEqual([{ name: 'Ba Đình' }])
      expect(describeDatabase(database.url)).toMatchObject({ kind: 'postgresql', host: '127.0.0.1:5432' })
      await prisma.$disconnect()
    } finally {
      await database.close()
    }
  })

  it('outlives its idle connections being ended by the server, and connects again', async () => {
    const database = await createTestDatabase()
    const prisma = createPrismaClient({ url: database.url })
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL })
    const warned = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      await admin.connect()
      const [[current]] = await Promise.all([
        prisma.$queryRaw<{ name: string }[]>`SELECT current_database() AS name`,
        prisma.ward.count(),
      ])
      const ended = await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1',
        [current?.name],
      )
      expect(ended.rowCount).toBeGreaterThan(0)
      // Without a listener, the pool's 'error' event would end this process. Every ended connection
      // (this client's and the test database's own) is heard of before the next read.
      await vi.waitFor(() => {
        const heard = warned.mock.calls.filter(([line]) => String(line).includes('idle connection closed'))
        expect(heard.length).toBe(ended.rowCount)
      })
      expect(await prisma.province.count()).toBe(0)
    } finally {
      warned.mockRestore()
      await admin.end()
      await prisma.$disconnect()
      await database.close()
    }
  })
})

describe('the search columns', () => {
  it('are left out of the rows a client returns, and still find rows and come when asked for', async () => {
    const database = await createTestDatabase()
    try {
      const { prisma } = database
      const created = await createPerson(prisma, { fullName: 'Nguyễn Văn An' })
      expect(created).not.toHaveProperty('searchPrefixes')
      const found = await prisma.person.findMany({ where: { searchPrefixes: { hasEvery: ['ng', 'an'] } } })
      expect(found.map((person) => person.id)).toEqual([created.id])
      expect(found[0]).not.toHaveProperty('searchPrefixes')
      const asked = await prisma.person.findUniqueOrThrow({
        where: { id: created.id },
        omit: { searchPrefixes: false },
      })
      expect(asked.searchPrefixes).toEqual(expect.arrayContaining(['n', 'nguyen', 'v', 'van', 'a', 'an']))
    } finally {
      await database.close()
    }
  })

  it('hash an enrollment’s prefixes in the database as searchHashes does, so a search by hashes finds it', async () => {
    const database = await createTestDatabase()
    try {
      const { prisma } = database
      const center = await createCenter(prisma)
      const campaign = await createCampaign(prisma, { organizers: [center] })
      const registeredBy = await createUser(prisma, { role: 'ADMIN' })
      const person = await createPerson(prisma, { fullName: 'Nguyễn Văn An' })
      const enrollment = await createEnrollment(prisma, { campaign, center, registeredBy, person })
      expect(enrollment).not.toHaveProperty('searchHashes')
      const stored = await prisma.enrollment.findUniqueOrThrow({
        where: { id: enrollment.id },
        omit: { searchPrefixes: false, searchHashes: false },
      })
      expect(stored.searchHashes).toEqual(searchHashes(stored.searchPrefixes))
      expect(new Set(stored.searchHashes).size).toBe(stored.searchPrefixes.length)

      const found = (words: string[]) =>
        prisma.enrollment.findMany({
          where: { searchHashes: { hasEvery: searchHashes(words) } },
          select: { id: true },
        })
      expect(await found(['an', 'ng'])).toEqual([{ id: enrollment.id }])
      expect(await found(['an', 'binh'])).toEqual([])

      // Any text, not only folded Vietnamese, the same on both sides: bytes beyond ASCII, and a
      // hash whose first bit is set (a negative bigint).
      const texts = ['đ', 'nguyễn', '名前', '🙂', 'z'.repeat(64), 'a']
      const [row] = await prisma.$queryRaw<
        { hashes: bigint[] }[]
      >`SELECT search_hashes(${texts}::text[]) AS hashes`
      expect(row?.hashes).toEqual(searchHashes(texts))
      expect(searchHashes(texts).some((hash) => hash < 0n)).toBe(true)
    } finally {
      await database.close()
    }
  })
})

describe('queryPrepared', () => {
  it('gives what $queryRaw gives, sending a Date as UTC, arrays and nulls, and tells onQuery', async () => {
    // In the campaign's time zone, where a Date sent as local time would be 7 hours off.
    const timeZone = process.env.TZ
    process.env.TZ = 'Asia/Ho_Chi_Minh'
    const statements: string[] = []
    const database = await createTestDatabase()
    const prisma = database.url
      ? createPrismaClient({ url: database.url, onQuery: (event) => statements.push(event.query) })
      : database.prisma
    try {
      const statement = (at: Date, codes: string[], note: string | null) =>
        Prisma.sql`SELECT ${at}::timestamp = '2026-11-26 01:02:03.004'::timestamp AS "utc",
          cardinality(${codes}::text[])::int AS "codes", ${note}::text IS NULL AS "noNote"`
      const at = new Date('2026-11-26T01:02:03.004Z')
      for (const codes of [['79', '01'], []]) {
        expect(await queryPrepared(prisma, statement(at, codes, null))).toEqual(
          await prisma.$queryRaw(statement(at, codes, null)),
        )
      }
      expect(await queryPrepared(prisma, statement(at, ['79'], 'x'))).toEqual([
        { utc: true, codes: 1, noNote: false },
      ])
      if (database.url) expect(statements.filter((text) => text.includes('cardinality'))).toHaveLength(5)
    } finally {
      if (timeZone === undefined) delete process.env.TZ
      else process.env.TZ = timeZone
      if (database.url) await prisma.$disconnect()
      await database.close()
    }
  })
})

describe('copyRows', () => {
  it('gives a column’s bytes as PostgreSQL writes them, nulls as nothing, and null over PGlite', async () => {
    const database = await createTestDatabase()
    const prisma = database.url ? createPrismaClient({ url: database.url }) : database.prisma
    try {
      const rows = Prisma.sql`SELECT v FROM (VALUES (1, 'Nguyễn, "Văn"' || E'\r\n'), (2, NULL), (3, ''),
        (4, repeat('đ', 100000))) t(n, v) ORDER BY n`
      const copied = await copyRows(prisma, rows)
      if (!database.url) {
        expect(copied).toBeNull()
        return
      }
      expect(copied?.rows).toBe(4)
      expect(copied?.bytes.toString('utf8')).toBe(`Nguyễn, "Văn"\r\n${'đ'.repeat(100_000)}`)
      expect(await copyRows(prisma, Prisma.sql`SELECT 'x' WHERE false`)).toEqual({
        rows: 0,
        bytes: Buffer.alloc(0),
      })
      await expect(copyRows(prisma, Prisma.sql`SELECT ${'x'}::text`)).rejects.toThrow(/no parameters/)
      await expect(copyRows(prisma, Prisma.sql`SELECT 1 / 0`)).rejects.toThrow(/division by zero/)
      await expect(copyRows(prisma, Prisma.sql`SELECT 'a', 'b'`)).rejects.toThrow(/a row of 2 fields/)
      expect(await copyRows(prisma, Prisma.sql`SELECT 'after'`)).toMatchObject({ rows: 1 })
    } finally {
      if (database.url) await prisma.$disconnect()
      await database.close()
    }
  })
})
