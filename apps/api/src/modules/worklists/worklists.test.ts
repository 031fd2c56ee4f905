import { createCampaign, createEnrollment, createOutreachSession } from '@tangtoc/db/fixtures'
import { QueryLog } from '@tangtoc/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ApiHarness, createApiHarness, type GraphQLResponse } from '../../../test/harness.ts'
import { campaignSetting, gid } from '../enrollments/test-helpers.ts'
import { coveredEnrollment, entriesOf, idsOf, worklistQuery } from './test-helpers.ts'

const log = new QueryLog()
let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness({ onQuery: log.record })
})
afterAll(() => api.close())

const counts = `query ($on: Date, $filter: WorklistFilter) { worklistCounts(on: $on, filter: $filter) { list count } }`

describe('the expiring and lapsed lists', () => {
  it('expiring in the next 30 days from mid-December reaches into January, in due-date order', async () => {
    const setting = await campaignSetting(api)
    const base = { campaign: setting.campaign, center: setting.center, registeredBy: setting.agent.user }
    const lastDay = await coveredEnrollment(api.prisma, { ...base, start: '2025-01-15', end: '2026-01-14' })
    const today = await coveredEnrollment(api.prisma, { ...base, start: '2024-12-16', end: '2025-12-15' })
    await coveredEnrollment(api.prisma, { ...base, start: '2025-01-16', end: '2026-01-15' })
    const ended = await coveredEnrollment(api.prisma, { ...base, start: '2024-12-15', end: '2025-12-14' })
    const center = gid('Center', setting.center.id)

    const expiring = entriesOf(
      await api.graphql(
        worklistQuery,
        { list: 'EXPIRING', on: '2025-12-15', filter: { center } },
        setting.agent.credentials,
      ),
    )
    expect(expiring.map((entry) => [entry.dueDate, entry.enrollment?.id])).toEqual([
      ['2025-12-15', gid('Enrollment', today.id)],
      ['2026-01-14', gid('Enrollment', lastDay.id)],
    ])
    expect(expiring[0]?.reason).toBe('Coverage ends on 2025-12-15')
    expect(expiring[0]?.reasonVi).toContain('15/12/2025')
    expect(expiring[0]?.products).toEqual(['VOLUNTARY_SOCIAL_INSURANCE'])

    const lapsed = entriesOf(
      await api.graphql(
        worklistQuery,
        { list: 'LAPSED', on: '2025-12-15', days: 30, filter: { center } },
        setting.agent.credentials,
      ),
    )
    expect(idsOf(lapsed)).toEqual([gid('Enrollment', ended.id)])
  })

  it('from the last of January, 28 days ahead end on the last of February, not the first of March', async () => {
    const setting = await campaignSetting(api)
    const base = { campaign: setting.campaign, center: setting.center, registeredBy: setting.agent.user }
    const february = await coveredEnrollment(api.prisma, { ...base, start: '2025-03-01', end: '2026-02-28' })
    await coveredEnrollment(api.prisma, { ...base, start: '2025-03-02', end: '2026-03-01' })
    const expiring = entriesOf(
      await api.graphql(
        worklistQuery,
        { list: 'EXPIRING', on: '2026-01-31', days: 28 },
        setting.agent.credentials,
      ),
    )
    expect(idsOf(expiring)).toEqual([gid('Enrollment', february.id)])
  })

  it('a renewed enrollment leaves the lapsed list; one not renewed stays', async () => {
    const setting = await campaignSetting(api)
    const base = { campaign: setting.campaign, center: setting.center, registeredBy: setting.agent.user }
    const renewed = await coveredEnrollment(api.prisma, { ...base, start: '2025-01-01', end: '2025-12-31' })
    const kept = await coveredEnrollment(api.prisma, { ...base, start: '2025-01-01', end: '2025-12-31' })
    const nextYear = await createCampaign(api.prisma, {
      centers: [setting.center],
      startDate: '2026-01-01',
      endDate: '2026-03-31',
    })
    const person = await api.prisma.person.findUniqueOrThrow({ where: { id: renewed.personId } })
    await createEnrollment(api.prisma, {
      ...base,
      campaign: nextYear,
      person,
      registeredAt: new Date('2026-01-05T03:00:00Z'),
    })
    const lapsed = entriesOf(
      await api.graphql(worklistQuery, { list: 'LAPSED', on: '2026-01-10' }, setting.agent.credentials),
    )
    expect(idsOf(lapsed)).toEqual([gid('Enrollment', kept.id)])
  })

  it('pages through tied due dates without losing or repeating an entry', async () => {
    const setting = await campaignSetting(api)
    const base = { campaign: setting.campaign, center: setting.center, registeredBy: setting.agent.user }
    const made = await Promise.all(
      Array.from({ length: 5 }, (_, index) =>
        coveredEnrollment(api.prisma, {
          ...base,
          start: '2025-01-01',
          end: index < 3 ? '2025-12-20' : '2025-12-21',
        }),
      ),
    )
    const seen: string[] = []
    let after: string | null = null
    for (let page = 0; page < 5; page++) {
      const result: GraphQLResponse = await api.graphql(
        worklistQuery,
        { list: 'EXPIRING', on: '2025-12-15', first: 2, after },
        setting.agent.credentials,
      )
      seen.push(...(idsOf(entriesOf(result)) as string[]))
      if (!result.data?.worklist.pageInfo.hasNextPage) break
      after = result.data?.worklist.pageInfo.endCursor
    }
    expect(seen.sort()).toEqual(made.map((enrollment) => gid('Enrollment', enrollment.id)).sort())
  })
})

describe('reading a page', () => {
  it('2 or 20 entries with their enrollment, person, assignee and last follow-up run the same few statements', async () => {
    const setting = await campaignSetting(api)
    const base = { campaign: setting.campaign, center: setting.center, registeredBy: setting.agent.user }
    const entries = await Promise.all(
      Array.from({ length: 20 }, () =>
        coveredEnrollment(api.prisma, { ...base, start: '2025-01-01', end: '2025-12-20' }),
      ),
    )
    // Each called once, by the agent: the page shows who made the last attempt.
    for (const enrollment of entries) {
      const followUp = await api.prisma.followUp.create({
        data: {
          enrollmentId: enrollment.id,
          centerId: setting.center.id,
          byId: setting.agent.user.id,
          at: new Date('2025-12-10T02:00:00Z'),
          means: 'CALL',
          outcome: 'NO_ANSWER',
          enrollmentStatus: 'PAID',
        },
      })
      await api.prisma.enrollment.update({
        where: { id: enrollment.id },
        data: { lastFollowUpId: followUp.id },
      })
    }
    const page = `query ($first: Int) { worklist(list: EXPIRING, on: "2025-12-15", first: $first) { edges { node {
      fullName reminderText assignedTo { username } lastFollowUp { outcome by { username } }
      enrollment { id status person { fullName } center { code } registeredBy { username } }
    } } } }`
    // As the console asks for it (WorklistPage.tsx): the enrollment's id alone.
    const consolePage = `query ($first: Int) { worklist(list: EXPIRING, on: "2025-12-15", first: $first) { edges { node {
      list fullName phone products dueDate reason reasonVi reminderText remindedAt enrollment { id } lead { id }
      assignedTo { id displayName } lastFollowUp { at outcome promisedOn by { id displayName } }
    } } } }`
    const run = async (query: string, first: number) => {
      const { result, statements } = await log.during(() =>
        api.graphql(query, { first }, setting.agent.credentials),
      )
      expect(result.data?.worklist.edges).toHaveLength(first)
      expect(result.data?.worklist.edges[0].node.lastFollowUp.by).toMatchObject(
        query === page
          ? { username: setting.agent.user.username }
          : { displayName: setting.agent.user.displayName },
      )
      return statements.length
    }
    await run(page, 1) // the first request also looks the viewer, their centers and the template up
    const two = await run(page, 2)
    expect(await run(page, 20)).toBe(two)
    // The entries with person, assignee and last follow-up with its author joined to the page, and the
    // enrollments again for what the query selects under `enrollment`.
    expect(two).toBe(2)
    // The console's page is the one statement.
    expect(await run(consolePage, 2)).toBe(1)
    expect(await run(consolePage, 20)).toBe(1)
  })
})

describe('the unpaid lists', () => {
  it('waiting for payment holds registrations unpaid more than 7 days; registered at a session, any unpaid one', async () => {
    const setting = await campaignSetting(api)
    const base = { campaign: setting.campaign, center: setting.center, registeredBy: setting.agent.user }
    const session = await createOutreachSession(api.prisma, {
      campaign: setting.campaign,
      center: setting.center,
    })
    const old = await createEnrollment(api.prisma, {
      ...base,
      registeredAt: new Date('2025-11-04T03:00:00Z'),
    })
    const recentAtSession = await createEnrollment(api.prisma, {
      ...base,
      sessionId: session.id,
      registeredAt: new Date('2025-11-10T03:00:00Z'),
    })
    await createEnrollment(api.prisma, { ...base, status: 'PAID', sessionId: session.id })
    const waiting = entriesOf(
      await api.graphql(
        worklistQuery,
        { list: 'WAITING_PAYMENT', on: '2025-11-12' },
        setting.agent.credentials,
      ),
    )
    expect(waiting.map((entry) => [entry.dueDate, entry.enrollment?.id])).toEqual([
      ['2025-11-04', gid('Enrollment', old.id)],
    ])
    const atSession = entriesOf(
      await api.graphql(
        worklistQuery,
        { list: 'SESSION_UNPAID', on: '2025-11-12' },
        setting.agent.credentials,
      ),
    )
    expect(idsOf(atSession)).toEqual([gid('Enrollment', recentAtSession.id)])
  })
})

describe('who sees which entries', () => {
  it('an agent of another center sees none of them; the manager above sees them; a viewer sees phones masked', async () => {
    const setting = await campaignSetting(api)
    const base = { campaign: setting.campaign, center: setting.center, registeredBy: setting.agent.user }
    const enrollment = await coveredEnrollment(api.prisma, {
      ...base,
      start: '2025-01-01',
      end: '2025-12-20',
    })
    const variables = { list: 'EXPIRING', on: '2025-12-15' }

    const stranger = await api.graphql(worklistQuery, variables, setting.otherAgent.credentials)
    expect(entriesOf(stranger)).toEqual([])
    // Naming the other center in the filter does not widen an agent's scope.
    const asked = await api.graphql(
      worklistQuery,
      { ...variables, filter: { center: gid('Center', setting.center.id) } },
      setting.otherAgent.credentials,
    )
    expect(entriesOf(asked)).toEqual([])

    const manager = entriesOf(await api.graphql(worklistQuery, variables, setting.manager.credentials))
    expect(idsOf(manager)).toContain(gid('Enrollment', enrollment.id))

    const viewer = entriesOf(await api.graphql(worklistQuery, variables, setting.viewer.credentials))
    const shown = viewer.find((entry) => entry.enrollment?.id === gid('Enrollment', enrollment.id))
    expect(shown?.phone).not.toBe(enrollment.phone)
    expect(shown?.phone).toMatch(/•/)
  })

  it('refuses an anonymous caller, typed', async () => {
    const result = await api.graphql(worklistQuery, { list: 'EXPIRING' }, null)
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
  })

  it('refuses a reach beyond a year as a bad argument naming days', async () => {
    const setting = await campaignSetting(api)
    const result = await api.graphql(
      worklistQuery,
      { list: 'EXPIRING', days: 400 },
      setting.agent.credentials,
    )
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT')
    expect(result.errors?.[0]?.extensions?.fieldErrors).toEqual([
      expect.objectContaining({ path: ['days'], code: 'WORKLIST_DAYS_INVALID' }),
    ])
  })

  it('counts each list within the viewer’s centers', async () => {
    const setting = await campaignSetting(api)
    const base = { campaign: setting.campaign, center: setting.center, registeredBy: setting.agent.user }
    await coveredEnrollment(api.prisma, { ...base, start: '2025-01-01', end: '2025-12-20' })
    await coveredEnrollment(api.prisma, { ...base, start: '2025-01-01', end: '2025-12-01' })
    const mine = await api.graphql(counts, { on: '2025-12-15' }, setting.agent.credentials)
    type Count = { list: string; count: number }
    const byList = Object.fromEntries(mine.data?.worklistCounts.map((row: Count) => [row.list, row.count]))
    expect(byList).toMatchObject({ EXPIRING: 1, LAPSED: 1, WAITING_PAYMENT: 0, PROMISED: 0, LEADS: 0 })
    const theirs = await api.graphql(counts, { on: '2025-12-15' }, setting.otherAgent.credentials)
    expect(theirs.data?.worklistCounts.every((row: Count) => row.count === 0)).toBe(true)
  })
})
