import { readFile } from 'node:fs/promises'
import { checkParameterHistory, defaultContributionParameters } from '@tangtoc/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedReferenceData } from '../src/seed/index.ts'
import { dateOnly } from '../src/seed/launch-campaign.ts'
import { createTestDatabase, type TestDatabase } from '../src/testing.ts'

const povertyLineMigration = new URL(
  '../../../prisma/migrations/20261127100100_poverty_line_periods/migration.sql',
  import.meta.url,
)

let database: TestDatabase
beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(() => database?.close())

describe('a database seeded before the 2026–2030 poverty line', () => {
  it('gets the new rows after the migration ends the 2022–2025 line, with no overlap', async () => {
    const { prisma } = database
    // The rows as the seed wrote them before: one open-ended 1,500,000 line from 2022.
    const before = defaultContributionParameters
      .filter((row) => row.key !== 'RURAL_POVERTY_LINE' || row.effectiveFrom < '2022-01-01')
      .concat({
        key: 'RURAL_POVERTY_LINE',
        qualifier: '',
        jurisdiction: 'VN',
        value: 1_500_000,
        effectiveFrom: '2022-01-01',
        effectiveTo: null,
        source: 'Decree 07/2021/NĐ-CP, rural poverty line 2022–2025 [5][12]',
        confirmed: true,
      })
      .filter((row) => row.key !== 'IMPLIED_SUPPORT_GROUP')
    await prisma.contributionParameter.createMany({
      data: before.map((row) => ({
        ...row,
        effectiveFrom: dateOnly(row.effectiveFrom),
        effectiveTo: row.effectiveTo === null ? null : dateOnly(row.effectiveTo),
      })),
    })

    await prisma.$executeRawUnsafe(await readFile(povertyLineMigration, 'utf8'))
    const seeded = await seedReferenceData(prisma)

    expect(seeded.contributionParameters.created).toBe(4)
    const rows = await prisma.contributionParameter.findMany()
    expect(rows).toHaveLength(defaultContributionParameters.length)
    expect(checkParameterHistory(rows)).toEqual([])
    const povertyLine = rows
      .filter((row) => row.key === 'RURAL_POVERTY_LINE')
      .map((row) => [
        row.effectiveFrom.toISOString().slice(0, 10),
        row.effectiveTo?.toISOString().slice(0, 10),
      ])
      .sort()
    expect(povertyLine).toEqual([
      ['2018-01-01', '2021-12-31'],
      ['2022-01-01', '2025-12-31'],
      ['2026-01-01', '2026-12-31'],
      ['2027-01-01', undefined],
    ])
  })
})
