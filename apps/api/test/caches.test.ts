// The instance caches (caches.ts) are emptied by the mutations that change what they hold, and only by
// them: a busy day's payments and follow-ups keep a signed-in agent's session cached, a change to a
// user empties it at once. Seen from the statements a request runs: the session is read again or not.
import { createEnrollment, createUser } from '@tangtoc/db/fixtures'
import { QueryLog } from '@tangtoc/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { campaignSetting, gid } from '../src/modules/enrollments/test-helpers.ts'
import { type ApiHarness, createApiHarness } from './harness.ts'

const log = new QueryLog()
let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness({ onQuery: log.record })
})
afterAll(() => api.close())

const me = 'query { me { username } }'
const recordFollowUp = `mutation ($input: RecordFollowUpInput!) { recordFollowUp(input: $input) { __typename } }`
const updateUser = `mutation ($input: UpdateUserInput!) { updateUser(input: $input) { __typename } }`

describe('the instance caches', () => {
  it('keep a session through a follow-up, and forget it when an admin changes a user', async () => {
    const setting = await campaignSetting(api)
    const enrollment = await createEnrollment(api.prisma, {
      campaign: setting.campaign,
      center: setting.center,
      registeredBy: setting.agent.user,
    })
    const readsSession = async () => {
      const { result, statements } = await log.during(() => api.graphql(me, {}, setting.agent.credentials))
      expect(result.data?.me.username).toBe(setting.agent.user.username)
      return statements.some((statement) => statement.includes('"LoginSession"'))
    }
    await readsSession()
    expect(await readsSession()).toBe(false)

    const followed = await api.graphql(
      recordFollowUp,
      { input: { subject: gid('Enrollment', enrollment.id), means: 'CALL', outcome: 'NO_ANSWER' } },
      setting.agent.credentials,
    )
    expect(followed.data?.recordFollowUp.__typename).toBe('RecordFollowUpPayload')
    expect(await readsSession()).toBe(false)

    const other = await createUser(api.prisma, { role: 'VIEWER' })
    const changed = await api.graphql(
      updateUser,
      { input: { id: gid('User', other.id), version: 1, displayName: 'Đổi tên' } },
      setting.admin.credentials,
    )
    expect(changed.data?.updateUser.__typename).toBe('UserPayload')
    expect(await readsSession()).toBe(true)
  })
})
