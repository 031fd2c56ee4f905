import { afterAll, beforeAll, expect, it } from 'vitest'
import { createPeopleForEnrollments } from '../src/fixtures.ts'
import { refreshPlannerStatistics } from '../src/index.ts'
import { createTestDatabase, type TestDatabase } from '../src/testing.ts'

let database: TestDatabase
beforeAll(async () => {
  database = await createTestDatabase({ embedded: true })
})
afterAll(() => database.close())

const rowsPlannerKnows = async (table: string) => {
  const [row] = await database.prisma.$queryRaw<{ reltuples: number }[]>`
    SELECT reltuples FROM pg_class WHERE oid = ${`"${table}"`}::regclass`
  return row?.reltuples
}

it('analyzes the embedded database’s tables that hold rows and were never analyzed, then each again once it has grown by a tenth', async () => {
  const prisma = database.prisma
  await createPeopleForEnrollments(prisma, 400)
  const first = await refreshPlannerStatistics(prisma)
  expect(first).toContain('"Person"')
  // Empty tables wait for rows.
  expect(first).not.toContain('"Enrollment"')
  expect(await rowsPlannerKnows('Person')).toBe(400)

  expect(await refreshPlannerStatistics(prisma)).toEqual([])
  await createPeopleForEnrollments(prisma, 10)
  expect(await refreshPlannerStatistics(prisma)).toEqual([])

  await createPeopleForEnrollments(prisma, 400)
  expect(await refreshPlannerStatistics(prisma)).toEqual(['"Person"'])
  expect(await rowsPlannerKnows('Person')).toBe(810)
})
