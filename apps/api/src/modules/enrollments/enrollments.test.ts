import {
  createCenter,
  createEnrollment,
  createEnrollments,
  createOutreachSession,
  createPerson,
} from '@tangtoc/db/fixtures'
import { QueryLog } from '@tangtoc/db/testing'
import { localDateInZone } from '@tangtoc/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ApiHarness, createApiHarness, type GraphQLResponse } from '../../../test/harness.ts'
import { campaignSetting, cancel, confirmPayment, gid, registerEnrollment, vsiInput } from './test-helpers.ts'

const log = new QueryLog()
let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness({ onQuery: log.record })
})
afterAll(() => api.close())

const list = `query ($first: Int, $after: String, $filter: EnrollmentFilter, $orderBy: EnrollmentOrder) {
  enrollments(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      id status payable availableActions
      center { code }
      session { id }
      person { fullName citizenId phone }
      registeredBy { username }
    } }
  }
}`

/** A campaign's setting with `count` enrollments at its center, and the list's filter for the campaign. */
async function campaignWithEnrollments(count: number) {
  const setting = await campaignSetting(api)
  await createEnrollments(api.prisma, count, {
    campaign: setting.campaign,
    center: setting.center,
    registeredBy: setting.agent.user,
  })
  return { setting, filter: { campaign: gid('Campaign', setting.campaign.id) } }
}

describe('listing enrollments', () => {
  it('listing 10 or 100 enrollments with their center, session, person and registering user runs the same few statements', async () => {
    const setting = await campaignSetting(api)
    const session = await createOutreachSession(api.prisma, {
      campaign: setting.campaign,
      center: setting.center,
    })
    await createEnrollments(api.prisma, 100, {
      campaign: setting.campaign,
      center: setting.center,
      registeredBy: setting.agent.user,
      sessionId: session.id,
    })
    const filter = { campaign: gid('Campaign', setting.campaign.id) }
    const run = async (first: number) => {
      const { result, statements } = await log.during(() =>
        api.graphql(list, { first, filter }, setting.manager.credentials),
      )
      expect(result.data?.enrollments.edges).toHaveLength(first)
      expect(result.data?.enrollments.edges[0].node.session.id).toBe(gid('OutreachSession', session.id))
      return statements.length
    }
    await run(1) // the first request also looks the viewer up, which the instance then keeps
    const ten = await run(10)
    const hundred = await run(100)
    expect(hundred).toBe(ten)
    expect(ten).toBeLessThanOrEqual(10)
  })

  it('pages through enrollments registered at the same instant without losing or repeating one, either way', async () => {
    const setting = await campaignSetting(api)
    const at = new Date('2025-11-04T09:00:00.000Z')
    const options = { campaign: setting.campaign, center: setting.center, registeredBy: setting.agent.user }
    const early = await createEnrollments(api.prisma, 2, {
      ...options,
      registeredAt: new Date(at.getTime() - 3_600_000),
    })
    const tied = await Promise.all(
      Array.from({ length: 5 }, () => createEnrollment(api.prisma, { ...options, registeredAt: at })),
    )
    const filter = { campaign: gid('Campaign', setting.campaign.id) }
    for (const direction of ['DESC', 'ASC'] as const) {
      const seen: string[] = []
      let after: string | null = null
      for (let page = 0; page < 10; page++) {
        const result: GraphQLResponse = await api.graphql(
          list,
          { first: 2, after, filter, orderBy: { field: 'REGISTERED_AT', direction } },
          setting.manager.credentials,
        )
        const connection: {
          edges: { node: { id: string } }[]
          pageInfo: { hasNextPage: boolean; endCursor: string }
        } = result.data?.enrollments
        seen.push(...connection.edges.map((edge) => edge.node.id))
        if (!connection.pageInfo.hasNextPage) break
        after = connection.pageInfo.endCursor
      }
      const byTime = [...early, ...tied]
        .sort((a, b) => a.registeredAt.getTime() - b.registeredAt.getTime() || a.id.localeCompare(b.id))
        .map((row) => gid('Enrollment', row.id))
      expect(seen, direction).toEqual(direction === 'ASC' ? byTime : byTime.reverse())
    }
  })

  it('filters by center subtree, status, product, day and search; sorts; pages', async () => {
    const setting = await campaignSetting(api)
    const sibling = await createCenter(api.prisma, { parent: setting.parent })
    await api.prisma.campaignCenter.create({
      data: { campaignId: setting.campaign.id, centerId: sibling.id, role: 'PARTICIPANT' },
    })
    const lan = await createPerson(api.prisma, {
      fullName: 'Nguyễn Văn Lân',
      sex: 'MALE',
      phone: '+84987000111',
    })
    const base = { campaign: setting.campaign, registeredBy: setting.agent.user }
    const mine = await createEnrollment(api.prisma, {
      ...base,
      center: setting.center,
      person: lan,
      status: 'PAID',
    })
    await createEnrollments(api.prisma, 3, { ...base, center: sibling, status: 'SUBMITTED' })
    await createEnrollment(api.prisma, {
      ...base,
      center: setting.center,
      product: 'HOUSEHOLD_HEALTH_INSURANCE',
      registeredAt: new Date('2025-11-05T20:00:00Z'),
    })
    const query = (filter: Record<string, unknown>, orderBy?: Record<string, unknown>) =>
      api.graphql(
        list,
        { first: 20, filter: { campaign: gid('Campaign', setting.campaign.id), ...filter }, orderBy },
        setting.admin.credentials,
      )
    expect((await query({})).data?.enrollments.totalCount).toBe(5)
    expect((await query({ center: gid('Center', setting.parent.id) })).data?.enrollments.totalCount).toBe(5)
    expect((await query({ center: gid('Center', sibling.id) })).data?.enrollments.totalCount).toBe(3)
    expect((await query({ status: ['PAID'] })).data?.enrollments.edges[0].node.id).toBe(
      gid('Enrollment', mine.id),
    )
    expect((await query({ product: 'HOUSEHOLD_HEALTH_INSURANCE' })).data?.enrollments.totalCount).toBe(1)
    // 2025-11-05 20:00 UTC is 2025-11-06 in Ho Chi Minh City.
    expect(
      (await query({ registeredFrom: '2025-11-06', registeredTo: '2025-11-06' })).data?.enrollments
        .totalCount,
    ).toBe(1)
    for (const search of [
      'nguyen van lan',
      'NGUYỄN văn',
      'lan nguyen',
      'ng v l',
      '0987 000',
      '+84987000111',
      lan.citizenId.slice(0, 8),
    ]) {
      const found = await query({ search })
      expect(found.data?.enrollments.totalCount, search).toBe(1)
    }
    // Words begin words of the name; digits begin the citizen ID or phone.
    for (const search of ['guyen', 'nguyen lan van an', '000111', lan.citizenId.slice(2, 10)]) {
      const found = await query({ search })
      expect(found.data?.enrollments.totalCount, search).toBe(0)
    }
    const byPayable = await query({}, { field: 'STATUS', direction: 'DESC' })
    expect(byPayable.data?.enrollments.edges[0].node.status).toBe('PAID')
    const firstPage = await api.graphql(
      list,
      {
        first: 2,
        filter: { campaign: gid('Campaign', setting.campaign.id) },
        orderBy: { field: 'FULL_NAME' },
      },
      setting.admin.credentials,
    )
    const secondPage = await api.graphql(
      list,
      {
        first: 10,
        after: firstPage.data?.enrollments.pageInfo.endCursor,
        filter: { campaign: gid('Campaign', setting.campaign.id) },
        orderBy: { field: 'FULL_NAME' },
      },
      setting.admin.credentials,
    )
    expect(firstPage.data?.enrollments.pageInfo.hasNextPage).toBe(true)
    expect(secondPage.data?.enrollments.edges).toHaveLength(3)
  })

  it('opens a list at any page: the rows an offset passes over come before it, in the same order', async () => {
    const { setting, filter } = await campaignWithEnrollments(7)
    const ids = async (variables: Record<string, unknown>) => {
      const result = await api.graphql(
        `query ($first: Int, $offset: Int, $filter: EnrollmentFilter, $orderBy: EnrollmentOrder) {
          enrollments(first: $first, offset: $offset, filter: $filter, orderBy: $orderBy) {
            totalCount
            pageInfo { hasNextPage }
            edges { node { id } }
          }
        }`,
        { filter, ...variables },
        setting.admin.credentials,
      )
      return result.data?.enrollments as {
        totalCount: number
        pageInfo: { hasNextPage: boolean }
        edges: { node: { id: string } }[]
      }
    }
    for (const orderBy of [undefined, { field: 'FULL_NAME', direction: 'ASC' }]) {
      const all = (await ids({ first: 7, orderBy })).edges.map((edge) => edge.node.id)
      const third = await ids({ first: 3, offset: 6, orderBy })
      expect(third.edges.map((edge) => edge.node.id)).toEqual(all.slice(6))
      expect(third.pageInfo.hasNextPage).toBe(false)
      const second = await ids({ first: 3, offset: 3, orderBy })
      expect(second.edges.map((edge) => edge.node.id)).toEqual(all.slice(3, 6))
      expect(second.pageInfo.hasNextPage).toBe(true)
      expect(second.totalCount).toBe(7)
    }
    const first = (await ids({ first: 3 })).edges.map((edge) => edge.node.id)
    expect((await ids({ first: 3, offset: -3 })).edges.map((edge) => edge.node.id)).toEqual(first)
  })
})

describe('who sees which enrollments', () => {
  it.each([
    ['ADMIN', 'admin', 2, false],
    ['CENTER_MANAGER of the parent', 'manager', 2, false],
    ['AGENT of the center', 'agent', 1, false],
    ['AGENT of another center', 'otherAgent', 0, false],
    ['VIEWER of the parent', 'viewer', 2, true],
  ] as const)('%s (%s) sees %i, masked: %s', async (_label, who, count, masked) => {
    const setting = await campaignSetting(api)
    const sibling = await createCenter(api.prisma, { parent: setting.parent })
    const base = { campaign: setting.campaign, registeredBy: setting.admin.user }
    const person = await createPerson(api.prisma, { phone: '+84912345678' })
    await createEnrollment(api.prisma, { ...base, center: setting.center, person })
    await createEnrollment(api.prisma, { ...base, center: sibling })
    const result = await api.graphql(
      list,
      { first: 10, filter: { campaign: gid('Campaign', setting.campaign.id) } },
      setting[who].credentials,
    )
    expect(result.data?.enrollments.totalCount).toBe(count)
    const shown = result.data?.enrollments.edges.find(
      (edge: { node: { center: { code: string } } }) => edge.node.center.code === setting.center.code,
    )
    if (shown) {
      expect(shown.node.person.citizenId).toBe(
        masked ? `${person.citizenId.slice(0, 3)}••••••${person.citizenId.slice(-3)}` : person.citizenId,
      )
      expect(shown.node.person.phone).toBe(masked ? '091••••678' : '+84912345678')
      expect(shown.node.availableActions).toEqual(
        masked ? [] : who === 'agent' ? ['CONFIRM_PAYMENT'] : ['CONFIRM_PAYMENT', 'REJECT', 'CANCEL'],
      )
    }
  })

  it('an anonymous request sees no enrollments', async () => {
    const result = await api.graphql(list, { first: 10 })
    expect(result.data?.enrollments ?? null).toBeNull()
  })
})

describe('the total a list shows', () => {
  it('is, for every role and every filter, as many as the list holds, after registrations, payments and cancellations', async () => {
    const setting = await campaignSetting(api)
    const sibling = await createCenter(api.prisma, { parent: setting.parent })
    await api.prisma.campaignCenter.create({
      data: { campaignId: setting.campaign.id, centerId: sibling.id, role: 'PARTICIPANT' },
    })
    const registered = async (center: typeof sibling) => {
      const result = await api.graphql(
        registerEnrollment,
        { input: vsiInput({ campaign: setting.campaign, center }) },
        setting.admin.credentials,
      )
      const enrollment = result.data?.registerEnrollment.enrollment
      if (!enrollment) throw new Error(JSON.stringify(result))
      return enrollment as { id: string; version: number }
    }
    const here = [
      await registered(setting.center),
      await registered(setting.center),
      await registered(setting.center),
    ]
    await registered(sibling)
    for (const { id, version } of here.slice(0, 2)) {
      await api.graphql(confirmPayment, { input: { id, version } }, setting.manager.credentials)
    }
    const cancelled = here[2]
    await api.graphql(
      cancel,
      { input: { id: cancelled?.id, version: cancelled?.version, reason: 'Đăng ký nhầm' } },
      setting.manager.credentials,
    )
    await createEnrollment(api.prisma, {
      campaign: setting.campaign,
      center: sibling,
      registeredBy: setting.admin.user,
      product: 'HOUSEHOLD_HEALTH_INSURANCE',
      registeredAt: new Date('2025-11-05T20:00:00Z'),
    })
    const today = localDateInZone(new Date())
    const filters = [
      {},
      { status: ['PAID'] },
      { status: ['SUBMITTED', 'CANCELLED'] },
      { product: 'HOUSEHOLD_HEALTH_INSURANCE' },
      { center: gid('Center', sibling.id) },
      { center: gid('Center', setting.center.id), status: ['PAID'] },
      // 2025-11-05 20:00 UTC is 2025-11-06 in Ho Chi Minh City.
      { registeredFrom: '2025-11-06', registeredTo: '2025-11-06' },
      { registeredFrom: '2025-11-07' },
      // Counted today: the two paid today (the payment day counts) and the others registered today.
      { countedFrom: today, countedTo: today },
      { countedTo: '2025-11-06' },
    ]
    const expected: Record<string, number[]> = {
      admin: [5, 2, 3, 1, 2, 2, 1, 4, 4, 1],
      manager: [5, 2, 3, 1, 2, 2, 1, 4, 4, 1],
      agent: [3, 2, 1, 0, 0, 2, 0, 3, 3, 0],
      viewer: [5, 2, 3, 1, 2, 2, 1, 4, 4, 1],
      otherAgent: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    }
    for (const [who, totals] of Object.entries(expected)) {
      const shown = []
      for (const filter of filters) {
        const result = await api.graphql(
          list,
          { first: 50, filter: { campaign: gid('Campaign', setting.campaign.id), ...filter } },
          setting[who as 'admin'].credentials,
        )
        expect(result.data?.enrollments.totalCount, `${who} ${JSON.stringify(filter)}`).toBe(
          result.data?.enrollments.edges.length,
        )
        shown.push(result.data?.enrollments.totalCount)
      }
      expect(shown, who).toEqual(totals)
    }
  })

  it('is read beside the page: two statements for every role once the viewer and their centers are known', async () => {
    const { setting, filter } = await campaignWithEnrollments(3)
    for (const who of ['admin', 'manager', 'agent'] as const) {
      const page = () => api.graphql(list, { first: 2, filter }, setting[who].credentials)
      await page() // the viewer and the centers they read are looked up once, then kept
      const { result, statements } = await log.during(page)
      expect(result.data?.enrollments.totalCount, who).toBe(3)
      expect(statements, who).toHaveLength(2)
    }
  })

  it("reads a page by the ids of the centers in view, never by a center's path (at 2,000,000 enrollments PostgreSQL misjudged the path join and sorted a center's 37,000 rows for 50)", async () => {
    const { setting, filter } = await campaignWithEnrollments(3)
    const campaign = filter.campaign
    const asked = [
      ['manager', {}],
      ['viewer', {}],
      ['agent', {}],
      ['admin', { center: gid('Center', setting.center.id) }],
      ['manager', { center: gid('Center', setting.center.id) }],
    ] as const
    for (const [who, filter] of asked) {
      const page = () =>
        api.graphql(list, { first: 2, filter: { campaign, ...filter } }, setting[who].credentials)
      await page() // the centers in view are looked up once, then kept
      const { result, statements } = await log.during(page)
      expect(result.data?.enrollments.totalCount, who).toBe(3)
      // The page's own conditions: its statement's last WHERE (the joins' subqueries come before it).
      const pageWheres = statements
        .filter((sql) => sql.includes('FROM "public"."Enrollment" AS "t0"'))
        .map((sql) => sql.slice(sql.lastIndexOf(' WHERE ')))
      expect(pageWheres, who).toHaveLength(1)
      expect(pageWheres[0], `${who} ${JSON.stringify(filter)}`).not.toContain('"path"')
    }
  })

  it('is summed from the daily counts, not counted over every enrollment, unless a search, session or registering user narrows it', async () => {
    const setting = await campaignSetting(api)
    await createEnrollments(api.prisma, 3, {
      campaign: setting.campaign,
      center: setting.center,
      registeredBy: setting.agent.user,
    })
    const countStatements = async (who: 'admin' | 'manager' | 'agent', filter: Record<string, unknown>) => {
      const { result, statements } = await log.during(() =>
        api.graphql(
          list,
          { first: 1, filter: { campaign: gid('Campaign', setting.campaign.id), ...filter } },
          setting[who].credentials,
        ),
      )
      expect(result.data?.enrollments.totalCount).toBe(3)
      return {
        overEnrollments: statements.filter((sql) => /COUNT\(/i.test(sql) && sql.includes('"Enrollment"'))
          .length,
        overDailyCounts: statements.filter((sql) => sql.includes('"EnrollmentDailyCount"')).length,
      }
    }
    for (const who of ['admin', 'manager', 'agent'] as const) {
      expect(await countStatements(who, {}), who).toEqual({ overEnrollments: 0, overDailyCounts: 1 })
      expect(
        await countStatements(who, { product: 'VOLUNTARY_SOCIAL_INSURANCE', status: ['SUBMITTED'] }),
      ).toEqual({ overEnrollments: 0, overDailyCounts: 1 })
    }
    expect(await countStatements('admin', { registeredBy: gid('User', setting.agent.user.id) })).toEqual({
      overEnrollments: 1,
      overDailyCounts: 0,
    })
    expect(await countStatements('admin', { search: 'nguoi tham gia' })).toEqual({
      overEnrollments: 1,
      overDailyCounts: 0,
    })
  })
})

describe("the console's page", () => {
  // The console's selection (EnrollmentList.tsx): the person and the center answer from the page's row.
  const consolePage = `query ($first: Int, $filter: EnrollmentFilter) {
    enrollments(first: $first, filter: $filter) {
      totalCount
      edges { node { id version product status payable registeredOn coverageEnd person { id fullName citizenId } center { id name } } }
    }
  }`

  it.each([
    ['admin', false],
    ['manager', false],
    ['agent', false],
    ['viewer', true],
  ] as const)('shows %s each row’s person and center, the citizen ID masked: %s', async (who, masked) => {
    const setting = await campaignSetting(api)
    const person = await createPerson(api.prisma)
    const enrollment = await createEnrollment(api.prisma, {
      campaign: setting.campaign,
      center: setting.center,
      registeredBy: setting.agent.user,
      person,
    })
    const filter = { campaign: gid('Campaign', setting.campaign.id) }
    const result = await api.graphql(consolePage, { first: 10, filter }, setting[who].credentials)
    expect(result.errors).toBeUndefined()
    expect(result.data?.enrollments.totalCount).toBe(1)
    expect(result.data?.enrollments.edges[0].node).toMatchObject({
      id: gid('Enrollment', enrollment.id),
      person: {
        id: gid('Person', person.id),
        fullName: person.fullName,
        citizenId: masked
          ? `${person.citizenId.slice(0, 3)}••••••${person.citizenId.slice(-3)}`
          : person.citizenId,
      },
      center: { id: gid('Center', setting.center.id), name: setting.center.name },
    })
  })

  it('is two statements for every role, however many rows: the page with its person and center joined, and the total', async () => {
    const { setting, filter } = await campaignWithEnrollments(30)
    for (const who of ['admin', 'manager', 'agent', 'viewer'] as const) {
      const page = (first: number) => api.graphql(consolePage, { first, filter }, setting[who].credentials)
      await page(1) // the viewer and the centers they read are looked up once, then kept
      for (const first of [3, 30]) {
        const { result, statements } = await log.during(() => page(first))
        expect(result.data?.enrollments.edges, who).toHaveLength(first)
        expect(statements, who).toHaveLength(2)
      }
    }
  })

  it('reads what a client asks beyond the console’s columns (contacts, relations of the person and center) with the page, not per row', async () => {
    const { setting, filter } = await campaignWithEnrollments(30)
    const wider = `query ($first: Int, $filter: EnrollmentFilter) {
      enrollments(first: $first, filter: $filter) {
        edges { node {
          id
          person { id fullName citizenId phone dateOfBirth households { totalCount } }
          center { id name depth parent { id code } }
          campaign { code }
        } }
      }
    }`
    const run = async (first: number) => {
      const { result, statements } = await log.during(() =>
        api.graphql(wider, { first, filter }, setting.manager.credentials),
      )
      expect(result.errors).toBeUndefined()
      const nodes = result.data?.enrollments.edges.map((edge: { node: unknown }) => edge.node)
      expect(nodes).toHaveLength(first)
      for (const node of nodes) {
        expect(node.person.dateOfBirth).toMatch(/^\d{4}-\d{2}-\d{2}$/)
        expect(node.center).toMatchObject({
          name: setting.center.name,
          parent: { code: setting.parent.code },
        })
        expect(node.campaign.code).toBe(setting.campaign.code)
      }
      return statements.length
    }
    await run(1)
    expect(await run(30)).toBe(await run(3))
  })
})
