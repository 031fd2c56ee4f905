import { createOutreachSession, createUser } from '@tangtoc/db/fixtures'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ApiHarness, createApiHarness } from '../../../test/harness.ts'
import { campaignSetting, gid, wasRefused } from '../enrollments/test-helpers.ts'
import { coveredEnrollment, entriesOf, idsOf, worklistQuery } from './test-helpers.ts'

let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness()
})
afterAll(() => api.close())

const assign = `mutation ($input: AssignFollowUpsInput!) {
  assignFollowUps(input: $input) {
    __typename
    ... on AssignFollowUpsPayload { enrollments { id assignedTo { username } } leads { id assignedTo { username } } }
    ... on ValidationError { fieldErrors { path code } }
    ... on UserError { code }
  }
}`

async function assignmentSetting() {
  const setting = await campaignSetting(api)
  const base = { campaign: setting.campaign, center: setting.center, registeredBy: setting.agent.user }
  const first = await coveredEnrollment(api.prisma, { ...base, start: '2025-01-01', end: '2025-12-20' })
  const second = await coveredEnrollment(api.prisma, { ...base, start: '2025-01-01', end: '2025-12-22' })
  const unassigned = await coveredEnrollment(api.prisma, { ...base, start: '2025-01-01', end: '2025-12-21' })
  const session = await createOutreachSession(api.prisma, {
    campaign: setting.campaign,
    center: setting.center,
  })
  const lead = await api.prisma.lead.create({
    data: {
      sessionId: session.id,
      centerId: setting.center.id,
      fullName: 'Võ Thị Hoa',
      phone: '+84912000777',
      metOn: new Date('2025-11-04T00:00:00Z'),
      recordedById: setting.agent.user.id,
    },
  })
  return { ...setting, first, second, unassigned, lead }
}

describe('assigning worklist entries', () => {
  it('a manager assigns two enrollments and a lead to an agent in one go; the agent finds them as their own', async () => {
    const setting = await assignmentSetting()
    const entries = [
      gid('Enrollment', setting.first.id),
      gid('Enrollment', setting.second.id),
      gid('Lead', setting.lead.id),
    ]
    const result = await api.graphql(
      assign,
      { input: { entries, assignee: gid('User', setting.agent.user.id) } },
      setting.manager.credentials,
    )
    const username = setting.agent.user.username
    expect(result.data?.assignFollowUps).toEqual({
      __typename: 'AssignFollowUpsPayload',
      enrollments: [
        { id: entries[0], assignedTo: { username } },
        { id: entries[1], assignedTo: { username } },
      ],
      leads: [{ id: entries[2], assignedTo: { username } }],
    })
    const mine = entriesOf(
      await api.graphql(
        worklistQuery,
        { list: 'EXPIRING', on: '2025-12-15', filter: { assignedToMe: true } },
        setting.agent.credentials,
      ),
    )
    expect(idsOf(mine)).toEqual([entries[0], entries[1]])
    expect(mine[0]?.assignedTo?.username).toBe(username)
    const leads = entriesOf(
      await api.graphql(
        worklistQuery,
        { list: 'LEADS', on: '2025-12-15', filter: { assignedToMe: true } },
        setting.agent.credentials,
      ),
    )
    expect(idsOf(leads)).toEqual([entries[2]])
    expect(
      await api.prisma.auditEvent.count({
        where: { action: 'followUp.assign', actorId: setting.manager.user.id },
      }),
    ).toBe(3)

    const back = await api.graphql(
      assign,
      { input: { entries: [entries[0]], assignee: null } },
      setting.manager.credentials,
    )
    expect(back.data?.assignFollowUps.enrollments).toEqual([{ id: entries[0], assignedTo: null }])
  })

  it('an agent may not assign', async () => {
    const setting = await assignmentSetting()
    const result = await api.graphql(
      assign,
      {
        input: {
          entries: [gid('Enrollment', setting.first.id)],
          assignee: gid('User', setting.agent.user.id),
        },
      },
      setting.agent.credentials,
    )
    expect(wasRefused(result, 'assignFollowUps')).toBe(true)
    expect(
      (await api.prisma.enrollment.findUniqueOrThrow({ where: { id: setting.first.id } })).assignedToId,
    ).toBeNull()
  })

  it('an agent of another center cannot be the assignee, and nothing is assigned', async () => {
    const setting = await assignmentSetting()
    const elsewhere = await createUser(api.prisma, { role: 'AGENT', center: setting.otherAgent.center })
    const result = await api.graphql(
      assign,
      {
        input: {
          entries: [gid('Enrollment', setting.first.id), gid('Lead', setting.lead.id)],
          assignee: gid('User', elsewhere.id),
        },
      },
      setting.manager.credentials,
    )
    expect(result.data?.assignFollowUps).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [
        { path: ['input', 'entries', '0'], code: 'ASSIGNEE_NOT_AGENT_OF_CENTER' },
        { path: ['input', 'entries', '1'], code: 'ASSIGNEE_NOT_AGENT_OF_CENTER' },
      ],
    })
    expect(
      (await api.prisma.lead.findUniqueOrThrow({ where: { id: setting.lead.id } })).assignedToId,
    ).toBeNull()
  })

  it('a manager of another subtree finds no such entry', async () => {
    const setting = await assignmentSetting()
    const stranger = await api.userWithRole('CENTER_MANAGER')
    const result = await api.graphql(
      assign,
      {
        input: {
          entries: [gid('Enrollment', setting.first.id)],
          assignee: gid('User', setting.agent.user.id),
        },
      },
      stranger.credentials,
    )
    expect(result.data?.assignFollowUps.code).toBe('NOT_FOUND')
  })
})
