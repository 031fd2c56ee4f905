import { describe, expect, it } from 'vitest'
import { createTestDatabase, QueryLog } from '../src/testing.ts'

const province = {
  code: '79',
  name: 'Hồ Chí Minh',
  fullName: 'Thành phố Hồ Chí Minh',
  nameEn: 'HCMC',
  type: 'city',
}

describe('createTestDatabase', () => {
  it('gives each test a migrated database that no other test sees', async () => {
    const first = await createTestDatabase()
    const second = await createTestDatabase()
    try {
      expect(first.kind).toBe(process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite')
      await first.prisma.province.create({ data: province })
      expect(await first.prisma.province.count()).toBe(1)
      expect(await second.prisma.province.count()).toBe(0)
    } finally {
      await first.close()
      await second.close()
    }
  })

  it('counts the SQL statements a client runs', async () => {
    const queries = new QueryLog()
    const database = await createTestDatabase({ onQuery: queries.record })
    try {
      for (const code of ['01', '48', '79']) {
        await database.prisma.province.create({ data: { ...province, code } })
      }
      const { result, statements } = await queries.during(() =>
        database.prisma.province.findMany({ include: { wards: true } }),
      )
      expect(result).toHaveLength(3)
      // The provinces with their wards joined (relation joins): one statement, not one per province.
      expect(statements).toHaveLength(1)
      expect(statements[0]).toContain('"Province"')
      expect(statements[0]).toContain('"Ward"')
    } finally {
      await database.close()
    }
  })
})
