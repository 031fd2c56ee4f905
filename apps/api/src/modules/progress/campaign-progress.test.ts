import { randomUUID } from 'node:crypto'
import type { Campaign, Center, Product, User } from '@tangtoc/db'
import {
  createCampaign,
  createCenter,
  createHeldSession,
  createRolledUpEnrollment,
  createUser,
} from '@tangtoc/db/fixtures'
import { QueryLog } from '@tangtoc/db/testing'
import { addDays, localDateInZone, toIsoDate } from '@tangtoc/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ApiHarness, type Credentials, createApiHarness } from '../../../test/harness.ts'
import { hashSecret } from '../auth/credentials.ts'

let api: ApiHarness
const queries = new QueryLog()
beforeAll(async () => {
  api = await createApiHarness({ onQuery: queries.record })
})
afterAll(() => api.close())

const progressQuery = `query ($campaign: ID!, $center: ID, $product: Product, $from: Date, $to: Date) {
  campaignProgress(campaign: $campaign, center: $center, product: $product, from: $from, to: $to) {
    countedStatuses enrolled target percent asOf from to
    products { product enrolled target percent }
    centers { rank enrolled target percent center { code } products { product enrolled target } }
    days { date enrolled cumulative target }
    audiences { audience enrolled }
    sessionKinds { kind enrolled }
    milestones { label dueDate count enrolled metOn status }
    daysLeft dailyPaceNeeded last7DaysPace projectedFinishDate
    sessionsHeld attendance sessionEnrollments conversion
  }
}`

const globalId = (typename: string, id: string) => Buffer.from(`${typename}:${id}`).toString('base64')

/** An API token of the user with the scope, as `createApiToken` would make it. */
async function tokenFor(user: User, scope: 'READ' | 'READ_WRITE'): Promise<{ token: string }> {
  const token = `ttk_${randomUUID()}`
  await api.prisma.apiToken.create({
    data: {
      name: 'integration',
      prefix: token.slice(0, 8),
      tokenHash: hashSecret(token),
      expiresAt: new Date(Date.now() + 3_600_000),
      scope,
      userId: user.id,
    },
  })
  return { token }
}

/** The campaign's targets: 10 VSI and 20 HHI, A 6 + 12, B 4 + 8, and 2 participants on launch day (`start`). */
async function launchTargets(campaign: Campaign, start: string, a: Center, b: Center) {
  await api.prisma.target.createMany({
    data: [
      { campaignId: campaign.id, product: 'VOLUNTARY_SOCIAL_INSURANCE', count: 10 },
      { campaignId: campaign.id, product: 'HOUSEHOLD_HEALTH_INSURANCE', count: 20 },
      {
        campaignId: campaign.id,
        product: null,
        count: 2,
        dueDate: new Date(`${start}T00:00:00Z`),
        label: 'Ngày ra quân',
      },
      { campaignId: campaign.id, centerId: a.id, product: 'VOLUNTARY_SOCIAL_INSURANCE', count: 6 },
      { campaignId: campaign.id, centerId: a.id, product: 'HOUSEHOLD_HEALTH_INSURANCE', count: 12 },
      { campaignId: campaign.id, centerId: b.id, product: 'VOLUNTARY_SOCIAL_INSURANCE', count: 4 },
      { campaignId: campaign.id, centerId: b.id, product: 'HOUSEHOLD_HEALTH_INSURANCE', count: 8 },
    ],
  })
}

/**
 * A campaign that started five days ago (local time) with a root center and two centers below it:
 * A (4 counted, 1 submitted) and B (1 counted, registered at a market stall). Targets: 10 VSI and
 * 20 HHI for the campaign, A 6 + 12, B 4 + 8, and 2 participants on launch day.
 */
async function launchedCampaign() {
  const today = localDateInZone(new Date(), 'Asia/Ho_Chi_Minh')
  const start = addDays(today, -5)
  const root = await createCenter(api.prisma)
  const a = await createCenter(api.prisma, { parent: root })
  const b = await createCenter(api.prisma, { parent: root })
  const campaign = await createCampaign(api.prisma, {
    organizers: [root],
    centers: [a, b],
    startDate: start,
    endDate: addDays(today, 24),
  })
  await launchTargets(campaign, start, a, b)
  const agent = await createUser(api.prisma, { role: 'AGENT', center: a })
  const at = (date: string, time: string) => new Date(`${date}T${time}+07:00`)
  const enroll = (center: Center, options: Partial<Parameters<typeof createRolledUpEnrollment>[1]>) =>
    createRolledUpEnrollment(api.prisma, { campaign, center, registeredBy: agent, ...options })
  await enroll(a, { registeredAt: at(start, '08:00'), occupationGroup: 'FREELANCER' })
  await enroll(a, { registeredAt: at(start, '15:00') })
  // 23:30 local on launch day is 16:30 UTC: it counts for launch day.
  await enroll(a, { registeredAt: at(start, '23:30') })
  await enroll(a, {
    registeredAt: at(addDays(start, 1), '10:00'),
    product: 'VOLUNTARY_SOCIAL_INSURANCE',
    status: 'ACTIVE',
  })
  await enroll(a, { registeredAt: at(addDays(start, 1), '11:00'), status: 'SUBMITTED' })
  const market = await createHeldSession(api.prisma, {
    campaign,
    center: b,
    kind: 'MARKET_STALL',
    startsAt: at(addDays(start, 2), '06:00'),
    attendance: 40,
  })
  await createHeldSession(api.prisma, {
    campaign,
    center: b,
    status: 'PLANNED',
    startsAt: at(today, '06:00'),
  })
  await enroll(b, {
    registeredAt: at(addDays(start, 2), '07:00'),
    product: 'VOLUNTARY_SOCIAL_INSURANCE',
    occupationGroup: 'SMALL_TRADER',
    session: market,
  })
  return { campaign, root, a, b, start, today, at, enroll }
}

async function progressAs(
  credentials: Credentials,
  campaign: Campaign,
  variables: Record<string, unknown> = {},
) {
  return api.graphql(
    progressQuery,
    { campaign: globalId('Campaign', campaign.id), ...variables },
    credentials,
  )
}

describe('campaign progress', () => {
  it('counts paid and active enrollments against the campaign’s targets, per product, center, day, audience and session kind', async () => {
    const { campaign, a, b, start, today } = await launchedCampaign()
    const admin = await api.userWithRole('ADMIN', null)
    const result = await progressAs(admin.credentials, campaign)
    expect(result.errors).toBeUndefined()
    const progress = result.data?.campaignProgress
    expect(progress).toMatchObject({
      countedStatuses: ['PAID', 'ACTIVE'],
      enrolled: 5,
      target: 30,
      percent: 16.7,
      asOf: today,
      from: start,
      products: [
        { product: 'VOLUNTARY_SOCIAL_INSURANCE', enrolled: 2, target: 10, percent: 20 },
        { product: 'HOUSEHOLD_HEALTH_INSURANCE', enrolled: 3, target: 20, percent: 15 },
      ],
      centers: [
        { rank: 1, enrolled: 4, target: 18, percent: 22.2, center: { code: a.code } },
        { rank: 2, enrolled: 1, target: 12, percent: 8.3, center: { code: b.code } },
      ],
      audiences: [
        { audience: null, enrolled: 3 },
        { audience: 'FREELANCER', enrolled: 1 },
        { audience: 'SMALL_TRADER', enrolled: 1 },
      ],
      sessionKinds: [
        { kind: null, enrolled: 4 },
        { kind: 'MARKET_STALL', enrolled: 1 },
      ],
      milestones: [
        { label: 'Ngày ra quân', dueDate: start, count: 2, enrolled: 3, metOn: start, status: 'MET' },
      ],
      daysLeft: 25,
      sessionsHeld: 1,
      attendance: 40,
      sessionEnrollments: 1,
      conversion: 1 / 40,
    })
    // Launch day has all three registrations of that local date, the one at 23:30 included.
    expect(progress?.days.slice(0, 4)).toEqual([
      { date: start, enrolled: 3, cumulative: 3, target: 2 },
      { date: addDays(start, 1), enrolled: 1, cumulative: 4, target: 3 },
      { date: addDays(start, 2), enrolled: 1, cumulative: 5, target: 4 },
      { date: addDays(start, 3), enrolled: 0, cumulative: 5, target: 5 },
    ])
    expect(progress?.days).toHaveLength(30)
    expect(progress?.last7DaysPace).toBeCloseTo(5 / 6)
    expect(progress?.dailyPaceNeeded).toBeCloseTo(25 / 25)
    // 25 left at 5/6 a day: 30 more days.
    expect(progress?.projectedFinishDate).toBe(addDays(today, 30))
  })

  it('narrows to a product, a center’s subtree and a period', async () => {
    const { campaign, a, start } = await launchedCampaign()
    const admin = await api.userWithRole('ADMIN', null)
    const hhi = await progressAs(admin.credentials, campaign, { product: 'HOUSEHOLD_HEALTH_INSURANCE' })
    expect(hhi.data?.campaignProgress).toMatchObject({ enrolled: 3, target: 20, products: [{ enrolled: 3 }] })
    const atA = await progressAs(admin.credentials, campaign, { center: globalId('Center', a.id) })
    expect(atA.data?.campaignProgress).toMatchObject({ enrolled: 4, target: 18, milestones: [] })
    const secondDay = await progressAs(admin.credentials, campaign, {
      from: addDays(start, 1),
      to: addDays(start, 2),
    })
    expect(secondDay.data?.campaignProgress).toMatchObject({ enrolled: 2, sessionsHeld: 1 })
    expect(secondDay.data?.campaignProgress.days).toHaveLength(2)
  })

  it('reads the campaign and the center tree again only when they changed, even behind the API', async () => {
    const { campaign, root, b } = await launchedCampaign()
    const admin = await api.userWithRole('ADMIN', null)
    const scopeReads = (statements: string[]) =>
      statements.filter((text) => /FROM "public"\."(Campaign|Center)"/.test(text))
    await progressAs(admin.credentials, campaign)
    const again = await queries.during(() => progressAs(admin.credentials, campaign))
    expect(scopeReads(again.statements)).toEqual([])
    expect(again.result.data?.campaignProgress.centers[1]).toMatchObject({
      center: { code: b.code },
      target: 12,
    })

    await api.prisma.target.create({
      data: { campaignId: campaign.id, centerId: b.id, product: 'VOLUNTARY_SOCIAL_INSURANCE', count: 6 },
    })
    const retargeted = await queries.during(() => progressAs(admin.credentials, campaign))
    expect(scopeReads(retargeted.statements).length).toBeGreaterThan(0)
    expect(retargeted.result.data?.campaignProgress.centers[1]).toMatchObject({ target: 18 })

    const c = await createCenter(api.prisma, { parent: root })
    await api.prisma.target.create({ data: { campaignId: campaign.id, centerId: c.id, count: 3 } })
    const grown = await progressAs(admin.credentials, campaign)
    expect(
      grown.data?.campaignProgress.centers.map((row: { center: { code: string } }) => row.center.code),
    ).toContain(c.code)

    await api.prisma.campaign.update({
      where: { id: campaign.id },
      data: { countedStatuses: ['SUBMITTED', 'PAID', 'ACTIVE'] },
    })
    expect((await progressAs(admin.credentials, campaign)).data?.campaignProgress).toMatchObject({
      enrolled: 6,
    })
  })

  it('counts a session held by its local date: 23:30 on the period’s last day in, 00:30 the next day out', async () => {
    const { campaign, b, start, at } = await launchedCampaign()
    const admin = await api.userWithRole('ADMIN', null)
    const held = (startsAt: Date, attendance: number) =>
      createHeldSession(api.prisma, { campaign, center: b, startsAt, attendance })
    await held(at(addDays(start, 4), '00:30'), 5) // 17:30 UTC the day before: the period's first day
    await held(at(addDays(start, 5), '23:30'), 7) // 16:30 UTC: the period's last day
    await held(at(addDays(start, 6), '00:30'), 11) // the day after
    await held(at(addDays(start, 3), '23:30'), 13) // the day before
    const period = await progressAs(admin.credentials, campaign, {
      from: addDays(start, 4),
      to: addDays(start, 5),
    })
    expect(period.data?.campaignProgress).toMatchObject({ sessionsHeld: 2, attendance: 12 })
  })

  it('audiences and session kinds equal a direct count of the enrollments in view, however narrowed', async () => {
    const { campaign, a, b, start, at, enroll } = await launchedCampaign()
    const door = await createHeldSession(api.prisma, {
      campaign,
      center: a,
      kind: 'DOOR_TO_DOOR',
      startsAt: at(addDays(start, 3), '08:00'),
      attendance: 12,
    })
    const day3 = at(addDays(start, 3), '09:00')
    const farmer = await enroll(a, { registeredAt: day3, session: door, occupationGroup: 'FARMER' })
    await enroll(a, {
      registeredAt: day3,
      session: door,
      occupationGroup: 'FREELANCER',
      product: 'VOLUNTARY_SOCIAL_INSURANCE',
      status: 'ACTIVE',
    })
    await enroll(a, { registeredAt: day3, session: door, occupationGroup: 'FARMER', status: 'REJECTED' })
    await enroll(b, { registeredAt: at(addDays(start, 4), '10:00'), occupationGroup: 'RETIREE' })
    // The occupation group counted is the one registered with: a later change to the person moves nothing.
    await api.prisma.person.update({ where: { id: farmer.person.id }, data: { occupationGroup: 'STUDENT' } })
    // Counted days outside the campaign's dates (a registration margin, a payment after its end): the
    // campaign's own period leaves them out, however the rollups are summed.
    const end = toIsoDate(campaign.endDate) as string
    await enroll(a, { registeredAt: at(addDays(start, -1), '09:00'), occupationGroup: 'STUDENT' })
    await enroll(b, { registeredAt: at(addDays(end, 1), '09:00'), occupationGroup: 'FARMER', session: door })
    await enroll(b, {
      registeredAt: at(addDays(end, 2), '09:00'),
      occupationGroup: 'RETIREE',
      product: 'VOLUNTARY_SOCIAL_INSURANCE',
    })

    type View = { product?: Product; centers?: Center[]; from?: string; to?: string }
    const directCount = async (view: View) => {
      const enrollments = await api.prisma.enrollment.findMany({
        where: {
          campaignId: campaign.id,
          status: { in: campaign.countedStatuses },
          ...(view.product ? { product: view.product } : {}),
          ...(view.centers ? { centerId: { in: view.centers.map((center) => center.id) } } : {}),
          registeredOn: {
            gte: new Date(`${view.from ?? start}T00:00:00Z`),
            lte: new Date(`${view.to ?? end}T00:00:00Z`),
          },
        },
        select: { occupationGroup: true, session: { select: { kind: true } } },
      })
      const tally = (groups: (string | null)[]) => {
        const counts = new Map<string | null, number>()
        for (const group of groups) counts.set(group, (counts.get(group) ?? 0) + 1)
        return [...counts].map(([group, enrolled]) => ({ group, enrolled }))
      }
      const kinds = tally(enrollments.map((enrollment) => enrollment.session?.kind ?? null))
      return {
        audiences: tally(enrollments.map((enrollment) => enrollment.occupationGroup)),
        sessionKinds: kinds,
        sessionEnrollments: kinds.reduce((total, row) => total + (row.group ? row.enrolled : 0), 0),
      }
    }
    const byGroup = (rows: { group: string | null; enrolled: number }[]) =>
      rows.map((row) => `${row.group ?? '-'} ${row.enrolled}`).sort()

    const admin = await api.userWithRole('ADMIN', null)
    const agentAtB = await api.userWithRole('AGENT', b)
    const views: [Credentials, Record<string, unknown>, View][] = [
      [admin.credentials, {}, {}],
      [
        admin.credentials,
        { product: 'HOUSEHOLD_HEALTH_INSURANCE' },
        { product: 'HOUSEHOLD_HEALTH_INSURANCE' },
      ],
      [admin.credentials, { center: globalId('Center', a.id) }, { centers: [a] }],
      // Leaving out counted days: summed from the segments by day.
      [
        admin.credentials,
        { from: addDays(start, 1), to: addDays(start, 3) },
        { from: addDays(start, 1), to: addDays(start, 3) },
      ],
      [
        agentAtB.credentials,
        { from: addDays(start, 3), to: addDays(start, 4) },
        { centers: [b], from: addDays(start, 3), to: addDays(start, 4) },
      ],
      // From the first counted day in view to the last: summed from the totals, as without a period.
      [admin.credentials, { from: start, to: addDays(start, 4) }, { from: start, to: addDays(start, 4) }],
      [
        agentAtB.credentials,
        { from: addDays(start, 2), to: addDays(start, 4) },
        { centers: [b], from: addDays(start, 2), to: addDays(start, 4) },
      ],
      [agentAtB.credentials, {}, { centers: [b] }],
      // Wider than every counted day: the totals alone.
      [
        admin.credentials,
        { from: addDays(start, -1), to: addDays(end, 2) },
        { from: addDays(start, -1), to: addDays(end, 2) },
      ],
      [admin.credentials, { from: start, to: addDays(end, 1) }, { from: start, to: addDays(end, 1) }],
    ]
    for (const [credentials, variables, view] of views) {
      const result = await progressAs(credentials, campaign, variables)
      expect(result.errors).toBeUndefined()
      const progress = result.data?.campaignProgress
      const direct = await directCount(view)
      const audiences = progress.audiences.map((row: { audience: string | null; enrolled: number }) => ({
        group: row.audience,
        enrolled: row.enrolled,
      }))
      const kinds = progress.sessionKinds.map((row: { kind: string | null; enrolled: number }) => ({
        group: row.kind,
        enrolled: row.enrolled,
      }))
      const label = JSON.stringify(variables)
      expect(byGroup(audiences), label).toEqual(byGroup(direct.audiences))
      expect(byGroup(kinds), label).toEqual(byGroup(direct.sessionKinds))
      expect(progress.sessionEnrollments, label).toBe(direct.sessionEnrollments)
      for (const rows of [audiences, kinds]) {
        const counts = rows.map((row: { enrolled: number }) => row.enrolled)
        expect(counts, `${label}: most first`).toEqual([...counts].sort((x, y) => y - x))
      }
    }
    const whole = await progressAs(admin.credentials, campaign)
    expect(whole.data?.campaignProgress).toMatchObject({
      audiences: expect.arrayContaining([{ audience: 'FARMER', enrolled: 1 }]),
      sessionKinds: expect.arrayContaining([{ kind: 'DOOR_TO_DOOR', enrolled: 2 }]),
      sessionEnrollments: 3,
      conversion: 3 / 52,
    })
  })

  it('counts the statuses the campaign says count', async () => {
    const { campaign } = await launchedCampaign()
    await api.prisma.campaign.update({
      where: { id: campaign.id },
      data: { countedStatuses: ['SUBMITTED', 'PAID', 'ACTIVE'] },
    })
    const admin = await api.userWithRole('ADMIN', null)
    const result = await progressAs(admin.credentials, campaign)
    expect(result.data?.campaignProgress).toMatchObject({
      enrolled: 6,
      countedStatuses: ['SUBMITTED', 'PAID', 'ACTIVE'],
    })
  })

  it.each([
    ['ADMIN', 'none', 5],
    ['VIEWER', 'none', 5],
    ['CENTER_MANAGER', 'a', 4],
    ['AGENT', 'b', 1],
    ['VIEWER', 'b', 1],
  ] as const)('a %s at center %s sees only what it may read', async (role, at, enrolled) => {
    const fixture = await launchedCampaign()
    const center = at === 'none' ? null : fixture[at]
    const { credentials } = await api.userWithRole(role, center)
    const result = await progressAs(credentials, fixture.campaign)
    expect(result.errors).toBeUndefined()
    expect(result.data?.campaignProgress.enrolled).toBe(enrolled)
    if (at !== 'none') {
      expect(
        result.data?.campaignProgress.centers.map((row: { center: { code: string } }) => row.center.code),
      ).toEqual([fixture[at].code])
      expect(result.data?.campaignProgress.milestones).toEqual([])
    }
  })

  it('a read-only API token reads progress like its user', async () => {
    const { campaign, b } = await launchedCampaign()
    const agent = await createUser(api.prisma, { role: 'AGENT', center: b })
    const result = await progressAs(await tokenFor(agent, 'READ'), campaign)
    expect(result.data?.campaignProgress).toMatchObject({ enrolled: 1, target: 12 })
  })

  it('an agent cannot narrow to another center', async () => {
    const { campaign, a, b } = await launchedCampaign()
    const { credentials } = await api.userWithRole('AGENT', b)
    const result = await progressAs(credentials, campaign, { center: globalId('Center', a.id) })
    expect(result.data?.campaignProgress ?? null).toBeNull()
    expect(result.errors?.[0]?.message).toMatch(/may not|not authorized/i)
  })

  it('is null for a campaign that does not exist', async () => {
    const admin = await api.userWithRole('ADMIN', null)
    const result = await api.graphql(
      progressQuery,
      { campaign: globalId('Campaign', randomUUID()) },
      admin.credentials,
    )
    expect(result.errors).toBeUndefined()
    expect(result.data?.campaignProgress).toBeNull()
  })

  it('an anonymous request gets nothing', async () => {
    const { campaign } = await launchedCampaign()
    const result = await progressAs(null, campaign)
    expect(result.data?.campaignProgress ?? null).toBeNull()
    expect(result.errors?.[0]?.message).toMatch(/may not|not authorized/i)
  })
})
