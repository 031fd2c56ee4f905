// The worklists' sizes are kept in "WorklistTally" by the database's triggers (migration
// 20261203160000_worklist_tally) whatever writes the rows: the API, fixtures, an import. After every
// kind of change a worklist meets, the tally must equal a recount from the rows, and each list's size
// the number of entries its pages hold.
import { createCampaign, createEnrollment, createOutreachSession } from '@tangtoc/db/fixtures'
import { worklistTallyKeptAndRecounted } from '@tangtoc/db/testing'
import { worklists } from '@tangtoc/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ApiHarness, createApiHarness } from '../../../test/harness.ts'
import { campaignSetting, gid } from '../enrollments/test-helpers.ts'
import { coveredEnrollment, entriesOf, worklistQuery } from './test-helpers.ts'

let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness()
})
afterAll(() => api.close())

const recordFollowUp = `mutation ($input: RecordFollowUpInput!) {
  recordFollowUp(input: $input) { __typename ... on UserError { message } }
}`
const counts = `query ($on: Date, $filter: WorklistFilter) { worklistCounts(on: $on, filter: $filter) { list count } }`

describe('the worklist tally', () => {
  it('equals a recount after renewals, promises, assignments, closings, cancellations and leads', async () => {
    const setting = await campaignSetting(api)
    const base = { campaign: setting.campaign, center: setting.center, registeredBy: setting.agent.user }
    const follow = async (subject: string, input: Record<string, unknown>) => {
      const result = await api.graphql(
        recordFollowUp,
        { input: { subject, at: '2025-12-10T02:00:00.000Z', means: 'CALL', ...input } },
        setting.agent.credentials,
      )
      expect(result.data?.recordFollowUp.__typename).toBe('RecordFollowUpPayload')
    }
    const expiring = await coveredEnrollment(api.prisma, { ...base, start: '2024-12-21', end: '2025-12-20' })
    const renewedLater = await coveredEnrollment(api.prisma, {
      ...base,
      start: '2024-12-02',
      end: '2025-12-01',
    })
    const promisedCovered = await coveredEnrollment(api.prisma, {
      ...base,
      start: '2025-01-11',
      end: '2026-01-10',
    })
    const unpaid = await createEnrollment(api.prisma, {
      ...base,
      registeredAt: new Date('2025-11-04T03:00:00Z'),
    })
    const declined = await createEnrollment(api.prisma, {
      ...base,
      registeredAt: new Date('2025-11-05T03:00:00Z'),
    })
    const session = await createOutreachSession(api.prisma, {
      campaign: setting.campaign,
      center: setting.center,
    })
    await createEnrollment(api.prisma, {
      ...base,
      sessionId: session.id,
      registeredAt: new Date('2025-11-06T03:00:00Z'),
    })

    // Renewed next year, then the renewal cancelled: back on LAPSED.
    const nextYear = await createCampaign(api.prisma, {
      centers: [setting.center],
      startDate: '2026-01-01',
      endDate: '2026-03-31',
    })
    const person = await api.prisma.person.findUniqueOrThrow({ where: { id: renewedLater.personId } })
    const renewal = await createEnrollment(api.prisma, {
      ...base,
      campaign: nextYear,
      person,
      registeredAt: new Date('2026-01-05T03:00:00Z'),
    })
    expect((await api.prisma.enrollment.findUniqueOrThrow({ where: { id: renewedLater.id } })).renewed).toBe(
      true,
    )
    // Promises, one made while unpaid and one while covered; a closing outcome; an assignment.
    await follow(gid('Enrollment', unpaid.id), { outcome: 'WILL_PAY', promisedOn: '2025-12-12' })
    await follow(gid('Enrollment', promisedCovered.id), { outcome: 'WILL_PAY', promisedOn: '2025-12-15' })
    await follow(gid('Enrollment', declined.id), { outcome: 'DECLINED', reason: 'Không có thu nhập' })
    await api.prisma.enrollment.update({
      where: { id: expiring.id },
      data: { assignedToId: setting.agent.user.id },
    })
    // Two leads met at the session; one of them registers since.
    const lead = (phone: string) =>
      api.prisma.lead.create({
        data: {
          sessionId: session.id,
          centerId: setting.center.id,
          fullName: 'Khách được tư vấn',
          phone,
          products: ['HOUSEHOLD_HEALTH_INSURANCE'],
          metOn: new Date('2025-11-20T00:00:00Z'),
          recordedById: setting.agent.user.id,
        },
      })
    await lead('+84912000001')
    const registers = await lead('+84912000002')
    const registration = await createEnrollment(api.prisma, {
      ...base,
      registeredAt: new Date('2025-11-25T03:00:00Z'),
    })
    await api.prisma.enrollment.update({ where: { id: registration.id }, data: { phone: registers.phone } })
    expect((await api.prisma.lead.findUniqueOrThrow({ where: { id: registers.id } })).registered).toBe(true)

    const before = await worklistTallyKeptAndRecounted(api.prisma)
    expect(before.kept).toEqual(before.recounted)
    expect(before.kept.length).toBeGreaterThan(0)

    await api.prisma.enrollment.update({
      where: { id: renewal.id },
      data: { status: 'CANCELLED', live: null },
    })
    expect((await api.prisma.enrollment.findUniqueOrThrow({ where: { id: renewedLater.id } })).renewed).toBe(
      false,
    )
    // Paying the unpaid promise keeps it (off PROMISED and WAITING_PAYMENT).
    await api.prisma.enrollment.update({ where: { id: unpaid.id }, data: { status: 'PAID' } })
    const after = await worklistTallyKeptAndRecounted(api.prisma)
    expect(after.kept).toEqual(after.recounted)

    // Each list's size, from the tally, is what its pages hold.
    for (const on of ['2025-12-10', '2025-12-15', '2026-01-05']) {
      const sizes = await api.graphql(counts, { on }, setting.agent.credentials)
      const listed: { list: string; count: number }[] = sizes.data?.worklistCounts ?? []
      expect(listed).toHaveLength(worklists.length)
      for (const { list, count } of listed) {
        const entries = entriesOf(
          await api.graphql(worklistQuery, { list, on, first: 100 }, setting.agent.credentials),
        )
        expect({ list, on, count }).toEqual({ list, on, count: entries.length })
      }
      expect(sizes.data?.worklistCounts.map((row: { list: string }) => row.list)).toEqual([...worklists])
    }
  })

  it('the agent’s own sizes count the entries assigned to them', async () => {
    const setting = await campaignSetting(api)
    const base = { campaign: setting.campaign, center: setting.center, registeredBy: setting.agent.user }
    const mine = await coveredEnrollment(api.prisma, { ...base, start: '2024-12-21', end: '2025-12-20' })
    await coveredEnrollment(api.prisma, { ...base, start: '2024-12-21', end: '2025-12-20' })
    await api.prisma.enrollment.update({
      where: { id: mine.id },
      data: { assignedToId: setting.agent.user.id },
    })
    const sizes = async (filter: Record<string, unknown>) => {
      const result = await api.graphql(counts, { on: '2025-12-15', filter }, setting.agent.credentials)
      return Object.fromEntries(
        ((result.data?.worklistCounts ?? []) as { list: string; count: number }[]).map((row) => [
          row.list,
          row.count,
        ]),
      )
    }
    expect((await sizes({})).EXPIRING).toBe(2)
    expect((await sizes({ assignedToMe: true })).EXPIRING).toBe(1)
    expect((await sizes({ product: 'HOUSEHOLD_HEALTH_INSURANCE' })).EXPIRING).toBe(0)
    // A ward is not in the tally: counted on read, the same answer.
    const ward = await api.prisma.ward.findFirstOrThrow({ select: { code: true } })
    await api.prisma.enrollment.update({ where: { id: mine.id }, data: { wardCode: ward.code } })
    expect((await sizes({ wardCode: ward.code })).EXPIRING).toBe(1)
  })
})
