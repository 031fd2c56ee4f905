import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { provinceCampaignCode, seedIfEmpty, seedNational } from '../src/seed/index.ts'
import { createTestDatabase, type TestDatabase, worklistTallyKeptAndRecounted } from '../src/testing.ts'

// The national demo, small: three provinces' campaigns (issue 20).
const size = 600
let database: TestDatabase

beforeAll(async () => {
  database = await createTestDatabase()
  await seedIfEmpty(database.prisma)
  await seedNational(database.prisma, { provinces: 3, enrollments: size, seed: 5 })
})
afterAll(() => database?.close())

describe('seedNational', () => {
  it('gives each of the most populous provinces a campaign, with enrollments by population', async () => {
    const rows = await database.prisma.$queryRawUnsafe<{ code: string; count: number }[]>(
      `SELECT c.code, count(e.id)::int AS count FROM "Campaign" c
         LEFT JOIN "Enrollment" e ON e."campaignId" = c.id GROUP BY c.code ORDER BY count DESC`,
    )
    expect(rows.map((row) => row.code)).toEqual(['79', '01', '91'].map(provinceCampaignCode))
    expect(rows.reduce((sum, row) => sum + row.count, 0)).toBe(size)
    expect(rows.every((row) => row.count > 0)).toBe(true)
  })

  it('registers each province’s enrollments at its own centers, by its own staff', async () => {
    const strays = await database.prisma.$queryRawUnsafe<{ id: string }[]>(
      `SELECT e.id FROM "Enrollment" e JOIN "User" u ON u.id = e."registeredById"
        WHERE u."centerId" IS DISTINCT FROM e."centerId"
           OR NOT EXISTS (SELECT 1 FROM "CampaignCenter" cc WHERE cc."campaignId" = e."campaignId"
                             AND cc."centerId" = e."centerId" AND cc.role = 'PARTICIPANT')`,
    )
    expect(strays).toEqual([])
  })

  it('keeps the rollups equal to a recount of the enrollments, per campaign', async () => {
    const [difference] = await database.prisma.$queryRawUnsafe<{ rows: number }[]>(
      `WITH recount AS (
         SELECT "campaignId", "centerId", product, status, coalesce("countedOn", "registeredOn") AS day,
                coalesce(continuity::text, '') AS continuity, count(*)::int AS count
           FROM "Enrollment" GROUP BY 1, 2, 3, 4, 5, 6),
       stored AS (
         SELECT "campaignId", "centerId", product, status, day, continuity, count FROM "EnrollmentDailyCount")
       SELECT count(*)::int AS rows FROM ((TABLE recount EXCEPT TABLE stored) UNION ALL (TABLE stored EXCEPT TABLE recount)) d`,
    )
    expect(difference?.rows).toBe(0)
    const segmentTotal = await database.prisma.enrollmentSegmentTotal.aggregate({ _sum: { count: true } })
    expect(segmentTotal._sum.count).toBe(size)
  })

  it('rebuilds the worklists once, equal to a recount', async () => {
    const { kept, recounted } = await worklistTallyKeptAndRecounted(database.prisma)
    expect(recounted.length).toBeGreaterThan(0)
    expect(kept).toEqual(recounted)
  })
})
