import {
  defaultWorklistDays,
  localDateInZone,
  type Worklist,
  worklistDueRange,
  worklists,
} from '@tangtoc/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchCampaignCode, previousYearCode, seedDemo, seedIfEmpty } from '../src/seed/index.ts'
import { createTestDatabase, type TestDatabase, worklistTallyKeptAndRecounted } from '../src/testing.ts'

// The year before makes every worklist of the demo campaign hold entries (issue 17). On the embedded
// database always, and on PostgreSQL where TEST_DATABASE_URL names one.
const size = 2_000
const databases = [
  { kind: 'PGlite', embedded: true },
  ...(process.env.TEST_DATABASE_URL ? [{ kind: 'PostgreSQL', embedded: false }] : []),
]

/** The tally kind each list sums (migration 20261203160000_worklist_tally). */
const tallyKind: Record<Worklist, string> = {
  EXPIRING: 'COVERED',
  LAPSED: 'COVERED',
  WAITING_PAYMENT: 'UNPAID',
  SESSION_UNPAID: 'SESSION_UNPAID',
  PROMISED: 'PROMISED',
  LEADS: 'LEAD',
}

describe.each(databases)('seedDemo with the year before, on $kind', ({ embedded }) => {
  let database: TestDatabase

  beforeAll(async () => {
    database = await createTestDatabase({ embedded })
    await seedIfEmpty(database.prisma)
    await seedDemo(database.prisma, { campaignCode: launchCampaignCode, enrollments: size, seed: 3 })
  })
  afterAll(() => database?.close())

  it('fills every worklist of the campaign’s last day', async () => {
    const campaign = await database.prisma.campaign.findUniqueOrThrow({ where: { code: launchCampaignCode } })
    const on = campaign.endDate.toISOString().slice(0, 10)
    for (const list of worklists) {
      const range = worklistDueRange(list, on, defaultWorklistDays[list])
      const [row] = await database.prisma.$queryRawUnsafe<{ count: number }[]>(
        `SELECT coalesce(sum(count), 0)::int AS count FROM "WorklistTally"
          WHERE kind = $1 AND due <= $2::date AND ($3::date IS NULL OR due >= $3::date)`,
        tallyKind[list],
        range.to,
        range.from,
      )
      expect(row?.count ?? 0, list).toBeGreaterThan(0)
    }
  })

  it('keeps the tally equal to a recount of the rows', async () => {
    const { kept: stored, recounted: recount } = await worklistTallyKeptAndRecounted(database.prisma)
    expect(recount.length).toBeGreaterThan(0)
    expect(stored).toEqual(recount)
  })

  it('renews about 60 % of last year’s paid participants, continuing where the card had not long ended', async () => {
    const [people] = await database.prisma.$queryRawUnsafe<{ paid: number; returning: number }[]>(
      `SELECT count(DISTINCT p."personId")::int AS paid,
              count(DISTINCT p."personId") FILTER (WHERE n.id IS NOT NULL)::int AS returning
         FROM "Enrollment" p JOIN "Campaign" pc ON pc.id = p."campaignId" AND pc.code = $1
         LEFT JOIN "Enrollment" n ON n."personId" = p."personId" AND n.product = p.product
              AND n."campaignId" = (SELECT id FROM "Campaign" WHERE code = $2)
        WHERE p.status IN ('PAID', 'ACTIVE')`,
      previousYearCode(launchCampaignCode),
      launchCampaignCode,
    )
    const share = (people?.returning ?? 0) / (people?.paid ?? 1)
    expect(share).toBeGreaterThan(0.45)
    expect(share).toBeLessThan(0.75)
    // Continuing only with coverage on file: a card renewed before it ended starts the day after.
    const continuing = await database.prisma.$queryRawUnsafe<{ product: string; ok: boolean }[]>(
      `SELECT n.product::text, (p."coverageEnd" IS NOT NULL
                 AND (n.product <> 'HOUSEHOLD_HEALTH_INSURANCE' OR n."coverageStart" <= p."coverageEnd" + 92)) AS ok
         FROM "Enrollment" n JOIN "Campaign" c ON c.id = n."campaignId" AND c.code = $1
         LEFT JOIN "Enrollment" p ON p."personId" = n."personId" AND p.product = n.product AND p.id <> n.id
        WHERE n.continuity = 'CONTINUING'`,
      launchCampaignCode,
    )
    expect(continuing.length).toBeGreaterThan(0)
    expect(continuing.filter((row) => !row.ok)).toEqual([])
  })

  it('gives every paid enrollment its coverage and counts it on the day of its payment', async () => {
    const paid = await database.prisma.enrollment.findMany({
      where: { status: { in: ['PAID', 'ACTIVE'] } },
      include: { statusChanges: { where: { toStatus: 'PAID' } } },
    })
    expect(paid.length).toBeGreaterThan(0)
    for (const enrollment of paid) {
      expect(enrollment.coverageStart).not.toBeNull()
      expect(enrollment.coverageEnd?.getTime()).toBeGreaterThan(enrollment.coverageStart?.getTime() ?? 0)
      expect(enrollment.continuity).not.toBeNull()
      const payment = enrollment.statusChanges[0]
      expect(payment).toBeDefined()
      // The launch campaign counts on the payment day.
      expect(enrollment.countedOn?.toISOString().slice(0, 10)).toBe(
        localDateInZone(payment?.at ?? new Date(0), 'Asia/Ho_Chi_Minh'),
      )
    }
  })
})
