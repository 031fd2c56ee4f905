import { createCampaign, createEnrollment, createOutreachSession, createPerson } from '@tangtoc/db/fixtures'
import { QueryLog } from '@tangtoc/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ApiHarness, createApiHarness } from '../../../test/harness.ts'
import { campaignSetting, gid } from '../enrollments/test-helpers.ts'
import { entriesOf, idsOf, worklistQuery } from './test-helpers.ts'

const log = new QueryLog()
let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness({ onQuery: log.record })
})
afterAll(() => api.close())

const recordLead = `mutation ($input: RecordLeadInput!) {
  recordLead(input: $input) {
    __typename
    ... on RecordLeadPayload { lead { id fullName phone citizenId products metOn version session { id } } }
    ... on ValidationError { fieldErrors { path code } }
    ... on UserError { code }
  }
}`

const updateLead = `mutation ($input: UpdateLeadInput!) {
  updateLead(input: $input) {
    __typename
    ... on UpdateLeadPayload { lead { id phone note version } }
    ... on StaleObjectError { currentVersion }
    ... on UserError { code }
  }
}`

async function sessionSetting() {
  const setting = await campaignSetting(api)
  const session = await createOutreachSession(api.prisma, {
    campaign: setting.campaign,
    center: setting.center,
    startsAt: '2025-11-10T08:00:00+07:00',
    endsAt: '2025-11-10T11:00:00+07:00',
  })
  return { ...setting, session }
}

describe('leads of a session', () => {
  it('a lead recorded at a session is on the LEADS list from the session’s day until the person registers with the same phone', async () => {
    const setting = await sessionSetting()
    const result = await api.graphql(
      recordLead,
      {
        input: {
          session: gid('OutreachSession', setting.session.id),
          fullName: ' Trần  Thị Bích ',
          phone: '0912 000 111',
          products: ['HOUSEHOLD_HEALTH_INSURANCE'],
          note: 'Hỏi về BHYT hộ gia đình',
        },
      },
      setting.agent.credentials,
    )
    const lead = result.data?.recordLead.lead
    expect(lead).toMatchObject({
      fullName: 'Trần Thị Bích',
      phone: '+84912000111',
      metOn: '2025-11-10',
      products: ['HOUSEHOLD_HEALTH_INSURANCE'],
    })
    const leads = async (on: string, filter = {}) =>
      entriesOf(await api.graphql(worklistQuery, { list: 'LEADS', on, filter }, setting.agent.credentials))
    expect(await leads('2025-11-09')).toEqual([])
    const listed = await leads('2025-11-12')
    expect(idsOf(listed)).toEqual([lead.id])
    expect(listed[0]).toMatchObject({ fullName: 'Trần Thị Bích', products: ['HOUSEHOLD_HEALTH_INSURANCE'] })
    expect(await leads('2025-11-12', { product: 'VOLUNTARY_SOCIAL_INSURANCE' })).toEqual([])

    const person = await createPerson(api.prisma, { phone: '+84912000111' })
    await createEnrollment(api.prisma, {
      campaign: setting.campaign,
      center: setting.center,
      registeredBy: setting.agent.user,
      person,
      registeredAt: new Date('2025-11-11T03:00:00Z'),
    })
    expect(await leads('2025-11-12')).toEqual([])
  })

  it('a lead registered with the same citizen id, under another phone, leaves the list too', async () => {
    const setting = await sessionSetting()
    const person = await createPerson(api.prisma)
    const result = await api.graphql(
      recordLead,
      {
        input: {
          session: gid('OutreachSession', setting.session.id),
          fullName: person.fullName,
          phone: '0912 000 222',
          citizenId: person.citizenId,
        },
      },
      setting.agent.credentials,
    )
    expect(result.data?.recordLead.__typename).toBe('RecordLeadPayload')
    const leads = async () =>
      idsOf(
        entriesOf(
          await api.graphql(worklistQuery, { list: 'LEADS', on: '2025-11-20' }, setting.agent.credentials),
        ),
      )
    expect(await leads()).toEqual([result.data?.recordLead.lead.id])
    const later = await createCampaign(api.prisma, { centers: [setting.center] })
    await createEnrollment(api.prisma, {
      campaign: later,
      center: setting.center,
      registeredBy: setting.agent.user,
      person,
      registeredAt: new Date('2025-11-15T03:00:00Z'),
    })
    expect(await leads()).toEqual([])
  })

  it('a follow-up that the person moved away takes the lead off the list', async () => {
    const setting = await sessionSetting()
    const recorded = await api.graphql(
      recordLead,
      {
        input: {
          session: gid('OutreachSession', setting.session.id),
          fullName: 'Đỗ Minh',
          phone: '0912000666',
        },
      },
      setting.agent.credentials,
    )
    const lead = recorded.data?.recordLead.lead
    const followUp = await api.graphql(
      `mutation ($input: RecordFollowUpInput!) { recordFollowUp(input: $input) {
        __typename ... on RecordFollowUpPayload { lead { id lastFollowUp { outcome } } } } }`,
      { input: { subject: lead.id, means: 'CALL', outcome: 'MOVED_AWAY' } },
      setting.agent.credentials,
    )
    expect(followUp.data?.recordFollowUp.lead).toEqual({
      id: lead.id,
      lastFollowUp: { outcome: 'MOVED_AWAY' },
    })
    const leads = entriesOf(
      await api.graphql(worklistQuery, { list: 'LEADS', on: '2025-11-20' }, setting.agent.credentials),
    )
    expect(idsOf(leads)).not.toContain(lead.id)
  })

  it('a page of 2 or 12 leads with their session and recorder runs the same statements', async () => {
    const setting = await sessionSetting()
    await api.prisma.lead.createMany({
      data: Array.from({ length: 12 }, (_, index) => ({
        sessionId: setting.session.id,
        centerId: setting.center.id,
        fullName: `Người quan tâm ${index}`,
        phone: `+849130000${String(index).padStart(2, '0')}`,
        metOn: new Date('2025-11-10T00:00:00Z'),
        recordedById: setting.agent.user.id,
      })),
    })
    const page = `query ($first: Int) { worklist(list: LEADS, on: "2025-11-20", first: $first) { edges { node {
      reminderText lead { id fullName session { title center { code } } recordedBy { username } }
    } } } }`
    const run = async (first: number) => {
      const { result, statements } = await log.during(() =>
        api.graphql(page, { first }, setting.agent.credentials),
      )
      expect(result.data?.worklist.edges).toHaveLength(first)
      return statements.length
    }
    await run(1)
    expect(await run(12)).toBe(await run(2))
  })

  it('a bad phone is a validation error naming it; another center’s agent finds no such session', async () => {
    const setting = await sessionSetting()
    const input = {
      session: gid('OutreachSession', setting.session.id),
      fullName: 'Lê Văn Cường',
      phone: '12345',
    }
    const bad = await api.graphql(recordLead, { input }, setting.agent.credentials)
    expect(bad.data?.recordLead).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['input', 'phone'] }],
    })
    const stranger = await api.graphql(
      recordLead,
      { input: { ...input, phone: '0912 000 333' } },
      setting.otherAgent.credentials,
    )
    expect(stranger.data?.recordLead.code).toBe('NOT_FOUND')
    expect(await api.prisma.lead.count({ where: { sessionId: setting.session.id } })).toBe(0)
  })

  it('a lead is corrected at the version read; a stale version changes nothing', async () => {
    const setting = await sessionSetting()
    const recorded = await api.graphql(
      recordLead,
      {
        input: {
          session: gid('OutreachSession', setting.session.id),
          fullName: 'Phạm Thu',
          phone: '0912000444',
        },
      },
      setting.agent.credentials,
    )
    const lead = recorded.data?.recordLead.lead
    const updated = await api.graphql(
      updateLead,
      { input: { lead: lead.id, version: lead.version, phone: '0912000555', note: 'Gọi lại buổi tối' } },
      setting.agent.credentials,
    )
    expect(updated.data?.updateLead.lead).toMatchObject({
      phone: '+84912000555',
      note: 'Gọi lại buổi tối',
      version: 2,
    })
    const stale = await api.graphql(
      updateLead,
      { input: { lead: lead.id, version: lead.version, note: 'x' } },
      setting.agent.credentials,
    )
    expect(stale.data?.updateLead).toMatchObject({ __typename: 'StaleObjectError', currentVersion: 2 })
    const audit = await api.prisma.auditEvent.findMany({
      where: { entityType: 'Lead', actorId: setting.agent.user.id },
      orderBy: { at: 'asc' },
    })
    expect(audit.map((event) => event.action)).toEqual(['lead.record', 'lead.update'])
  })
})
