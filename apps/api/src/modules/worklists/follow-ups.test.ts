import { createEnrollment } from '@tangtoc/db/fixtures'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ApiHarness, createApiHarness } from '../../../test/harness.ts'
import { campaignSetting, gid } from '../enrollments/test-helpers.ts'
import { coveredEnrollment, entriesOf, idsOf, worklistQuery } from './test-helpers.ts'

let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness()
})
afterAll(() => api.close())

const recordFollowUp = `mutation ($input: RecordFollowUpInput!) {
  recordFollowUp(input: $input) {
    __typename
    ... on RecordFollowUpPayload {
      followUp { outcome means promisedOn reason enrollmentStatus by { username } }
      enrollment { id promisedOn followUpClosed lastFollowUp { outcome } followUps(first: 10) { totalCount edges { node { outcome } } } }
    }
    ... on ValidationError { fieldErrors { path code } }
    ... on UserError { code message }
  }
}`

describe('recording a follow-up', () => {
  it('a promise to pay puts the enrollment on that day’s promised list, not the day before, and paying takes it off', async () => {
    const setting = await campaignSetting(api)
    const enrollment = await createEnrollment(api.prisma, {
      campaign: setting.campaign,
      center: setting.center,
      registeredBy: setting.agent.user,
      registeredAt: new Date('2025-11-04T03:00:00Z'),
    })
    const subject = gid('Enrollment', enrollment.id)
    const result = await api.graphql(
      recordFollowUp,
      {
        input: {
          subject,
          at: '2025-11-20T02:00:00.000Z',
          means: 'CALL',
          outcome: 'WILL_PAY',
          promisedOn: '2025-11-25',
        },
      },
      setting.agent.credentials,
    )
    expect(result.data?.recordFollowUp).toMatchObject({
      __typename: 'RecordFollowUpPayload',
      followUp: { outcome: 'WILL_PAY', promisedOn: '2025-11-25', enrollmentStatus: 'SUBMITTED' },
      enrollment: { promisedOn: '2025-11-25', followUpClosed: null, followUps: { totalCount: 1 } },
    })
    const promised = async (on: string) =>
      entriesOf(await api.graphql(worklistQuery, { list: 'PROMISED', on }, setting.agent.credentials))
    expect(await promised('2025-11-24')).toEqual([])
    const due = await promised('2025-11-25')
    expect(idsOf(due)).toEqual([subject])
    expect(due[0]?.lastFollowUp).toMatchObject({ outcome: 'WILL_PAY', means: 'CALL' })
    expect(due[0]?.lastFollowUp?.by.username).toBe(setting.agent.user.username)
    expect(idsOf(await promised('2025-12-02'))).toEqual([subject])

    await api.prisma.enrollment.update({ where: { id: enrollment.id }, data: { status: 'PAID' } })
    expect(await promised('2025-11-26')).toEqual([])
  })

  it('a promise to renew is kept by renewing, not by the payment already made', async () => {
    const setting = await campaignSetting(api)
    const base = { campaign: setting.campaign, center: setting.center, registeredBy: setting.agent.user }
    const enrollment = await coveredEnrollment(api.prisma, {
      ...base,
      start: '2025-01-01',
      end: '2025-12-31',
    })
    await api.graphql(
      recordFollowUp,
      {
        input: {
          subject: gid('Enrollment', enrollment.id),
          at: '2025-12-20T02:00:00.000Z',
          means: 'VISIT',
          outcome: 'WILL_PAY',
          promisedOn: '2025-12-28',
        },
      },
      setting.agent.credentials,
    )
    const promised = entriesOf(
      await api.graphql(worklistQuery, { list: 'PROMISED', on: '2025-12-28' }, setting.agent.credentials),
    )
    expect(idsOf(promised)).toEqual([gid('Enrollment', enrollment.id)])
  })

  it('deceased takes an expiring enrollment off the lists; a later no answer does not bring back a closed one’s promise', async () => {
    const setting = await campaignSetting(api)
    const base = { campaign: setting.campaign, center: setting.center, registeredBy: setting.agent.user }
    const enrollment = await coveredEnrollment(api.prisma, {
      ...base,
      start: '2025-01-01',
      end: '2025-12-31',
    })
    const subject = gid('Enrollment', enrollment.id)
    const expiring = async () =>
      idsOf(
        entriesOf(
          await api.graphql(worklistQuery, { list: 'EXPIRING', on: '2025-12-15' }, setting.agent.credentials),
        ),
      )
    expect(await expiring()).toEqual([subject])
    const result = await api.graphql(
      recordFollowUp,
      { input: { subject, means: 'VISIT', outcome: 'DECEASED', at: '2025-12-10T02:00:00.000Z' } },
      setting.agent.credentials,
    )
    expect(result.data?.recordFollowUp.enrollment.followUpClosed).toBe('DECEASED')
    expect(await expiring()).toEqual([])

    // Recorded late, an earlier attempt is history: it does not reopen the entry.
    const earlier = await api.graphql(
      recordFollowUp,
      { input: { subject, means: 'CALL', outcome: 'NO_ANSWER', at: '2025-12-01T02:00:00.000Z' } },
      setting.agent.credentials,
    )
    expect(earlier.data?.recordFollowUp.enrollment).toMatchObject({
      followUpClosed: 'DECEASED',
      lastFollowUp: { outcome: 'DECEASED' },
      followUps: {
        totalCount: 2,
        edges: [{ node: { outcome: 'DECEASED' } }, { node: { outcome: 'NO_ANSWER' } }],
      },
    })
    const audit = await api.prisma.auditEvent.findMany({
      where: { action: 'followUp.record', actorId: setting.agent.user.id },
    })
    expect(audit).toHaveLength(2)
  })

  it('a promise without its day, or a refusal without a reason, is a validation error naming the field', async () => {
    const setting = await campaignSetting(api)
    const enrollment = await createEnrollment(api.prisma, {
      campaign: setting.campaign,
      center: setting.center,
      registeredBy: setting.agent.user,
    })
    const subject = gid('Enrollment', enrollment.id)
    const noDay = await api.graphql(
      recordFollowUp,
      { input: { subject, means: 'CALL', outcome: 'WILL_PAY' } },
      setting.agent.credentials,
    )
    expect(noDay.data?.recordFollowUp).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['input', 'promisedOn'], code: 'PROMISED_ON_REQUIRED' }],
    })
    const noReason = await api.graphql(
      recordFollowUp,
      { input: { subject, means: 'CALL', outcome: 'DECLINED' } },
      setting.agent.credentials,
    )
    expect(noReason.data?.recordFollowUp.fieldErrors).toEqual([
      { path: ['input', 'reason'], code: 'DECLINE_REASON_REQUIRED' },
    ])
    expect(await api.prisma.followUp.count({ where: { enrollmentId: enrollment.id } })).toBe(0)
  })

  it('another center’s agent finds no such enrollment; a viewer above it may not record', async () => {
    const setting = await campaignSetting(api)
    const enrollment = await createEnrollment(api.prisma, {
      campaign: setting.campaign,
      center: setting.center,
      registeredBy: setting.agent.user,
    })
    const input = { subject: gid('Enrollment', enrollment.id), means: 'CALL', outcome: 'REACHED' }
    const stranger = await api.graphql(recordFollowUp, { input }, setting.otherAgent.credentials)
    expect(stranger.data?.recordFollowUp.code).toBe('NOT_FOUND')
    const viewer = await api.graphql(recordFollowUp, { input }, setting.viewer.credentials)
    expect(viewer.data?.recordFollowUp.code).toBe('FORBIDDEN')
    expect(await api.prisma.followUp.count({ where: { enrollmentId: enrollment.id } })).toBe(0)
  })
})
