import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ApiHarness, createApiHarness } from '../../../test/harness.ts'
import { campaignSetting, gid, wasRefused } from '../enrollments/test-helpers.ts'
import { coveredEnrollment } from './test-helpers.ts'

let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness()
})
afterAll(() => api.close())

const entries = `query ($on: Date) {
  worklist(list: EXPIRING, on: $on) { edges { node { fullName reminderText remindedAt enrollment { id } } } }
}`

const update = `mutation ($input: UpdateReminderTemplateInput!) {
  updateReminderTemplate(input: $input) {
    __typename
    ... on ReminderTemplate { list text version updatedBy { username } }
    ... on ValidationError { fieldErrors { path code } }
    ... on StaleObjectError { currentVersion }
    ... on UserError { code }
  }
}`

const markReminded = `mutation ($input: MarkRemindedInput!) {
  markReminded(input: $input) {
    __typename
    ... on MarkRemindedPayload { enrollments { id } }
    ... on UserError { code }
  }
}`

// One database for the file, and the templates are shared: the test that edits one restores it.
describe('reminder messages', () => {
  it('each entry offers its list’s seeded Vietnamese text with the person’s name, product, amount and due date', async () => {
    const setting = await campaignSetting(api)
    const enrollment = await coveredEnrollment(api.prisma, {
      campaign: setting.campaign,
      center: setting.center,
      registeredBy: setting.agent.user,
      start: '2025-01-01',
      end: '2026-01-31',
    })
    const result = await api.graphql(entries, { on: '2026-01-15' }, setting.agent.credentials)
    const [edge] = result.data?.worklist.edges ?? []
    const person = await api.prisma.person.findUniqueOrThrow({ where: { id: enrollment.personId } })
    expect(edge.node.reminderText).toBe(
      `Kính gửi ${person.fullName}, thẻ BHXH tự nguyện của quý vị hết hạn ngày 31/01/2026. Quý vị vui lòng gia hạn (264.000\u00a0₫) tại bưu điện gần nhất để được tham gia liên tục. Xin cảm ơn!`,
    )
    expect(edge.node.remindedAt).toBeNull()

    const marked = await api.graphql(
      markReminded,
      { input: { entries: [gid('Enrollment', enrollment.id)], at: '2026-01-15T02:00:00.000Z' } },
      setting.agent.credentials,
    )
    expect(marked.data?.markReminded.__typename).toBe('MarkRemindedPayload')
    const after = await api.graphql(entries, { on: '2026-01-15' }, setting.agent.credentials)
    expect(after.data?.worklist.edges[0].node.remindedAt).toBe('2026-01-15T02:00:00.000Z')
    const stranger = await api.graphql(
      markReminded,
      { input: { entries: [gid('Enrollment', enrollment.id)] } },
      setting.otherAgent.credentials,
    )
    expect(stranger.data?.markReminded.code).toBe('NOT_FOUND')
  })

  it('an admin edits a list’s text at the version read; an agent may not; an unknown placeholder is refused by name', async () => {
    const setting = await campaignSetting(api)
    const before = await api.prisma.reminderTemplate.findUniqueOrThrow({ where: { list: 'LAPSED' } })
    const text = 'Chào {name}, {product} hết hạn {dueDate}.'
    const refused = await api.graphql(
      update,
      { input: { list: 'LAPSED', version: before.version, text } },
      setting.agent.credentials,
    )
    expect(wasRefused(refused, 'updateReminderTemplate')).toBe(true)
    const unknown = await api.graphql(
      update,
      { input: { list: 'LAPSED', version: before.version, text: 'Chào {ten}' } },
      setting.admin.credentials,
    )
    expect(unknown.data?.updateReminderTemplate.fieldErrors).toEqual([
      { path: ['input', 'text'], code: 'REMINDER_PLACEHOLDER_UNKNOWN' },
    ])
    const changed = await api.graphql(
      update,
      { input: { list: 'LAPSED', version: before.version, text } },
      setting.admin.credentials,
    )
    expect(changed.data?.updateReminderTemplate).toMatchObject({
      list: 'LAPSED',
      text,
      version: before.version + 1,
      updatedBy: { username: setting.admin.user.username },
    })
    const stale = await api.graphql(
      update,
      { input: { list: 'LAPSED', version: before.version, text } },
      setting.admin.credentials,
    )
    expect(stale.data?.updateReminderTemplate).toMatchObject({ __typename: 'StaleObjectError' })
    await api.prisma.reminderTemplate.update({ where: { list: 'LAPSED' }, data: { text: before.text } })
  })
})
