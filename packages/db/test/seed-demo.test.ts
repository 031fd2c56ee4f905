import { hoChiMinhCityWards, localDateInZone, normalizePhone, validateCitizenId } from '@tangtoc/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchCampaignCode, seedDemo, seedIfEmpty } from '../src/seed/index.ts'
import { createTestDatabase, type TestDatabase } from '../src/testing.ts'

const size = 2_000
let database: TestDatabase

beforeAll(async () => {
  database = await createTestDatabase()
  await seedIfEmpty(database.prisma)
})
afterAll(() => database?.close())

/** This year's demo alone, unless `previousYear` asks for the year before too. */
const demo = (seed: number, previousYear = 0) =>
  seedDemo(database.prisma, {
    campaignCode: launchCampaignCode,
    enrollments: size,
    previousYear,
    seed,
    replace: true,
  })

/** A digest of every row the demo writes, in id order. */
async function fingerprint(): Promise<Record<string, string>> {
  const digest = async (table: string, order: string) => {
    const [row] = await database.prisma.$queryRawUnsafe<{ md5: string }[]>(
      `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY ${order}), '')) AS md5 FROM "${table}" t`,
    )
    return row?.md5 ?? ''
  }
  return {
    sessions: await digest('OutreachSession', 't.id'),
    staff: await digest('_SessionStaff', 't."A", t."B"'),
    people: await digest('Person', 't.id'),
    households: await digest('Household', 't.id'),
    members: await digest('HouseholdMember', 't."householdId", t."personId"'),
    enrollments: await digest('Enrollment', 't.id'),
    statusChanges: await digest('EnrollmentStatusChange', 't.id'),
    leads: await digest('Lead', 't.id'),
    followUps: await digest('FollowUp', 't.id'),
    worklistTally: await digest('WorklistTally', 't."centerId", t.kind, t.due, t.product, t."assignedTo"'),
    dailyCounts: await digest(
      'EnrollmentDailyCount',
      't."campaignId", t."centerId", t.product, t.status, t.day, t.continuity',
    ),
    segmentCounts: await digest(
      'EnrollmentSegmentCount',
      't."campaignId", t."centerId", t.product, t.status, t.day, t."occupationGroup", t."sessionKind", t.continuity',
    ),
    segmentTotals: await digest(
      'EnrollmentSegmentTotal',
      't."campaignId", t."centerId", t.product, t.status, t."occupationGroup", t."sessionKind", t.continuity',
    ),
  }
}

describe('seedDemo', () => {
  it('gives the same rows for the same seed and different rows for another, with the year before', async () => {
    await demo(7, size / 2)
    const seven = await fingerprint()
    await demo(8, size / 2)
    const eight = await fingerprint()
    await demo(7, size / 2)
    expect(await fingerprint()).toEqual(seven)
    for (const table of Object.keys(seven)) expect(eight[table], table).not.toBe(seven[table])
  })

  it(`loads ${size} enrollments quickly, split between the products like the targets`, async () => {
    const result = await demo(1)
    expect(result.milliseconds.total).toBeLessThan(30_000)
    // 2,000 × 16,000 / 366,000 = 87.4
    expect(result.enrollments).toEqual({ voluntarySocialInsurance: 87, householdHealthInsurance: 1_913 })
    expect(await database.prisma.enrollment.count()).toBe(size)
    expect(result.sessions).toBeGreaterThanOrEqual(20)
  })

  it('writes people with valid citizen ids, mobile numbers and HCMC ward codes', async () => {
    const people = await database.prisma.person.findMany()
    const wardCodes = new Set(hoChiMinhCityWards.map((ward) => ward.code))
    expect(people).toHaveLength(size)
    for (const person of people) {
      const check = validateCitizenId(person.citizenId, { dateOfBirth: person.dateOfBirth, sex: person.sex })
      expect(check.ok, `${person.citizenId} ${person.dateOfBirth.toISOString()} ${person.sex}`).toBe(true)
      if (person.phone !== null)
        expect(normalizePhone(person.phone)).toEqual({ ok: true, phone: person.phone })
      expect(wardCodes.has(person.wardCode ?? '')).toBe(true)
      expect(person.fullName.split(' ').length).toBeGreaterThanOrEqual(3)
    }
    const byProvince = new Map<string, number>()
    for (const person of people) {
      const code = person.citizenId.slice(0, 3)
      byProvince.set(code, (byProvince.get(code) ?? 0) + 1)
    }
    expect(byProvince.get('079') ?? 0).toBeGreaterThan(size / 2)
    expect(byProvince.size).toBeGreaterThan(10)
  })

  it('keeps at most one live enrollment per person, product and campaign', async () => {
    const duplicates = await database.prisma.$queryRawUnsafe<unknown[]>(
      `SELECT "campaignId", "personId", product FROM "Enrollment" WHERE live
        GROUP BY 1, 2, 3 HAVING count(*) > 1`,
    )
    expect(duplicates).toEqual([])
    const enrollments = await database.prisma.enrollment.findMany({ select: { status: true, live: true } })
    for (const { status, live } of enrollments) {
      expect(live).toBe(status === 'REJECTED' || status === 'CANCELLED' ? null : true)
    }
  })

  it('keeps the daily counts equal to a recount of the enrollments', async () => {
    const stored = await database.prisma.enrollmentDailyCount.findMany({
      orderBy: [
        { centerId: 'asc' },
        { product: 'asc' },
        { status: 'asc' },
        { day: 'asc' },
        { continuity: 'asc' },
      ],
    })
    const recount = await database.prisma.$queryRawUnsafe<{ count: number }[]>(
      `SELECT "campaignId", "centerId", product, status, coalesce("countedOn", "registeredOn") AS day,
              coalesce(continuity::text, '') AS continuity, count(*)::int AS count
         FROM "Enrollment" GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 2, 3, 4, 5, 6`,
    )
    expect(stored).toEqual(recount)
    expect(stored.reduce((sum, row) => sum + row.count, 0)).toBe(size)
  })

  it('records each enrollment’s occupation group and keeps the segment counts and totals equal to a recount', async () => {
    const mismatched = await database.prisma.$queryRawUnsafe<unknown[]>(
      `SELECT e.id FROM "Enrollment" e JOIN "Person" p ON p.id = e."personId"
        WHERE e."occupationGroup" IS DISTINCT FROM p."occupationGroup"`,
    )
    expect(mismatched).toEqual([])
    const order = 't."centerId", t.product::text, t.status::text, t.day, t."occupationGroup", t."sessionKind"'
    type Segment = { occupationGroup: string; sessionKind: string }
    const stored = await database.prisma.$queryRawUnsafe<Segment[]>(
      `SELECT t."centerId", t.product::text, t.status::text, t.day, t."occupationGroup", t."sessionKind", t.continuity, t.count
         FROM "EnrollmentSegmentCount" t ORDER BY ${order}, t.continuity`,
    )
    const recountSql = `SELECT e."centerId", e.product::text AS product, e.status::text AS status,
         coalesce(e."countedOn", e."registeredOn") AS day, coalesce(e."occupationGroup"::text, '') AS "occupationGroup",
         coalesce(s.kind::text, '') AS "sessionKind", coalesce(e.continuity::text, '') AS continuity,
         count(*)::int AS count
       FROM "Enrollment" e LEFT JOIN "OutreachSession" s ON s.id = e."sessionId"
      GROUP BY 1, 2, 3, 4, 5, 6, 7`
    const recount = await database.prisma.$queryRawUnsafe<Segment[]>(
      `SELECT * FROM (${recountSql}) t ORDER BY ${order}, t.continuity`,
    )
    expect(stored).toEqual(recount)
    const totalOrder =
      't."centerId", t.product::text, t.status::text, t."occupationGroup", t."sessionKind", t.continuity'
    const totals = await database.prisma.$queryRawUnsafe<unknown[]>(
      `SELECT t."centerId", t.product::text, t.status::text, t."occupationGroup", t."sessionKind", t.continuity, t.count
         FROM "EnrollmentSegmentTotal" t ORDER BY ${totalOrder}`,
    )
    const totalRecount = await database.prisma.$queryRawUnsafe<unknown[]>(
      `SELECT t."centerId", t.product, t.status, t."occupationGroup", t."sessionKind", t.continuity, sum(t.count)::int AS count
         FROM (${recountSql}) t GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY ${totalOrder}`,
    )
    expect(totals).toEqual(totalRecount)
    const kinds = new Set(stored.map((row) => row.sessionKind))
    const groups = new Set(stored.map((row) => row.occupationGroup))
    // Direct registrations and several session kinds; several occupation groups.
    expect(kinds.has('')).toBe(true)
    expect(kinds.size).toBeGreaterThan(2)
    expect(groups.size).toBeGreaterThan(2)
  })

  it('registers on the local day, with a launch-day spike and a status history ending in the status', async () => {
    const enrollments = await database.prisma.enrollment.findMany({
      include: { statusChanges: { orderBy: { at: 'asc' } } },
    })
    const perDay = new Map<string, number>()
    for (const enrollment of enrollments) {
      const day = enrollment.registeredOn.toISOString().slice(0, 10)
      expect(localDateInZone(enrollment.registeredAt, 'Asia/Ho_Chi_Minh')).toBe(day)
      expect(day >= '2025-11-04' && day <= '2026-01-02').toBe(true)
      perDay.set(day, (perDay.get(day) ?? 0) + 1)
      const history = enrollment.statusChanges
      expect(history[0]).toMatchObject({ fromStatus: null, toStatus: 'DRAFT' })
      expect(history.at(-1)?.toStatus).toBe(enrollment.status)
      for (let i = 1; i < history.length; i++) {
        expect(history[i]?.fromStatus).toBe(history[i - 1]?.toStatus)
        expect(history[i]?.at.getTime()).toBeGreaterThan(history[i - 1]?.at.getTime() ?? 0)
      }
      const byManager = history.filter(
        (change) =>
          ['PAID', 'ACTIVE', 'REJECTED'].includes(change.toStatus) ||
          (change.toStatus === 'CANCELLED' && change.fromStatus !== 'DRAFT'),
      )
      for (const change of byManager) {
        // Payments and reviews happen in office hours, 07:30–20:00 in Ho Chi Minh City (UTC+7).
        const minutes = ((change.at.getUTCHours() + 7) % 24) * 60 + change.at.getUTCMinutes()
        expect(minutes >= 450 && minutes < 1200, change.at.toISOString()).toBe(true)
      }
    }
    // ~3,000 of 366,000 on launch day; the next days are quieter while the teams ramp up.
    expect(perDay.get('2025-11-04')).toBeCloseTo((size * 3_000) / 366_000, -1)
    expect(perDay.get('2025-11-05') ?? 0).toBeLessThan(perDay.get('2025-11-04') ?? 0)
  })

  it('groups household health insurance into households of 1–6 members with one head', async () => {
    const households = await database.prisma.household.findMany({
      include: { members: { orderBy: { position: 'asc' } }, enrollments: true },
    })
    for (const household of households) {
      expect(household.members.length).toBeGreaterThanOrEqual(1)
      expect(household.members.length).toBeLessThanOrEqual(6)
      expect(household.members.map((m) => m.position)).toEqual(household.members.map((_, i) => i + 1))
      expect(household.members.filter((m) => m.isHead)).toHaveLength(1)
      for (const member of household.members) {
        const enrollment = household.enrollments.find((e) => e.personId === member.personId)
        expect(enrollment).toMatchObject({
          product: 'HOUSEHOLD_HEALTH_INSURANCE',
          householdPosition: member.position,
        })
      }
    }
    const first = households
      .flatMap((h) => h.enrollments)
      .find((e) => e.householdPosition === 1 && e.months === 12)
    // 4.5% of the 2,340,000 base salary, for 12 months, with no support.
    if (first?.support === 0) expect(first.gross).toBe(1_263_600)
  })

  it('prices voluntary social insurance on incomes from 1,500,000 in steps of 50,000', async () => {
    const enrollments = await database.prisma.enrollment.findMany({
      where: { product: 'VOLUNTARY_SOCIAL_INSURANCE' },
    })
    expect(enrollments).toHaveLength(87)
    for (const enrollment of enrollments) {
      const income = enrollment.monthlyIncome ?? 0
      expect(income).toBeGreaterThanOrEqual(1_500_000)
      expect((income - 1_500_000) % 50_000).toBe(0)
      expect(enrollment.gross).toBe(Math.round(income * 0.22) * enrollment.months)
      expect(enrollment.payable).toBe(enrollment.gross - enrollment.support)
    }
  })
})
