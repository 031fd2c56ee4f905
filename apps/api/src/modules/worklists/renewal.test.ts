import { createCampaign, createEnrollment, personInput } from '@tangtoc/db/fixtures'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ApiHarness, createApiHarness } from '../../../test/harness.ts'
import { campaignSetting, gid, householdInput, registerEnrollment } from '../enrollments/test-helpers.ts'
import { coveredEnrollment } from './test-helpers.ts'

let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness()
})
afterAll(() => api.close())

const draftQuery = `query ($enrollment: ID!, $on: Date) {
  renewalDraft(enrollment: $enrollment, on: $on) {
    product on continuity months monthlyIncome supportGroups
    renews { id }
    person { fullName citizenId phone }
    householdMembers { isHead relationToHead insuredElsewhere person { fullName } }
    quote { payable }
  }
}`

const day = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`)

/** A household of three registered through the API, then paid with a card from `start` to `end`. */
async function paidHousehold(
  setting: Awaited<ReturnType<typeof campaignSetting>>,
  start: string,
  end: string,
) {
  const members = [
    {
      person: personInput({ fullName: 'Phạm Văn Chủ', sex: 'MALE', dateOfBirth: '1975-03-03' }),
      isHead: true,
    },
    { person: personInput({ fullName: 'Võ Thị Vợ', dateOfBirth: '1978-04-04' }), relationToHead: 'vợ' },
    {
      person: personInput({ fullName: 'Phạm Văn Con', sex: 'MALE', dateOfBirth: '2000-05-05' }),
      relationToHead: 'con',
    },
  ]
  const result = await api.graphql(
    registerEnrollment,
    { input: householdInput(setting, members) },
    setting.admin.credentials,
  )
  const ids = result.data?.registerEnrollment.enrollments.map((each: { id: string }) => each.id) as string[]
  await api.prisma.enrollment.updateMany({
    where: { registrationId: await registrationOf(ids[0] ?? '') },
    data: { status: 'PAID', coverageStart: day(start), coverageEnd: day(end), continuity: 'NEW' },
  })
  return ids
}

async function registrationOf(globalId: string) {
  const id = Buffer.from(globalId, 'base64').toString().split(':')[1] ?? ''
  const enrollment = await api.prisma.enrollment.findUniqueOrThrow({ where: { id } })
  return enrollment.registrationId ?? ''
}

describe('renewing', () => {
  it('an expiring household card renews from the day after it ends, continuing, with the same members in the same order', async () => {
    const setting = await campaignSetting(api)
    const ids = await paidHousehold(setting, '2025-01-01', '2025-12-31')
    const result = await api.graphql(
      draftQuery,
      { enrollment: ids[1], on: '2025-12-15' },
      setting.agent.credentials,
    )
    const draft = result.data?.renewalDraft
    expect(draft, JSON.stringify(result.errors)).toMatchObject({
      product: 'HOUSEHOLD_HEALTH_INSURANCE',
      on: '2026-01-01',
      continuity: 'CONTINUING',
      months: 12,
      person: { fullName: 'Võ Thị Vợ' },
      householdMembers: [
        { isHead: true, person: { fullName: 'Phạm Văn Chủ' } },
        { relationToHead: 'vợ', person: { fullName: 'Võ Thị Vợ' } },
        { relationToHead: 'con', person: { fullName: 'Phạm Văn Con' } },
      ],
    })
    expect(draft.renews.map((each: { id: string }) => each.id)).toEqual(ids)
    expect(draft.quote.payable).toBeGreaterThan(0)
  })

  it('a card lapsed a month ago continues; one lapsed more than three months counts as new', async () => {
    const setting = await campaignSetting(api)
    const base = { campaign: setting.campaign, center: setting.center, registeredBy: setting.agent.user }
    const product = 'HOUSEHOLD_HEALTH_INSURANCE' as const
    const recent = await coveredEnrollment(api.prisma, {
      ...base,
      product,
      months: 12,
      start: '2024-12-01',
      end: '2025-11-30',
    })
    const draftOf = async (id: string, on: string) => {
      const variables = { enrollment: gid('Enrollment', id), on }
      const result = await api.graphql(draftQuery, variables, setting.agent.credentials)
      if (result.errors) throw new Error(JSON.stringify(result.errors))
      return result.data?.renewalDraft
    }
    expect(await draftOf(recent.id, '2025-12-31')).toMatchObject({
      on: '2025-12-31',
      continuity: 'CONTINUING',
    })
    // The break ran from 2025-12-01: three months end on the last of February.
    expect(await draftOf(recent.id, '2026-02-28')).toMatchObject({ continuity: 'CONTINUING' })
    expect(await draftOf(recent.id, '2026-03-01')).toMatchObject({ continuity: 'NEW' })
  })

  it('an unpaid enrollment has nothing to renew; another center’s agent gets no draft', async () => {
    const setting = await campaignSetting(api)
    const unpaid = await createEnrollment(api.prisma, {
      campaign: setting.campaign,
      center: setting.center,
      registeredBy: setting.agent.user,
    })
    const refused = await api.graphql(
      draftQuery,
      { enrollment: gid('Enrollment', unpaid.id) },
      setting.agent.credentials,
    )
    expect(refused.errors?.[0]?.extensions?.fieldErrors).toEqual([
      expect.objectContaining({ path: ['enrollment'], code: 'RENEWAL_NOT_COVERED' }),
    ])
    const covered = await coveredEnrollment(api.prisma, {
      campaign: setting.campaign,
      center: setting.center,
      registeredBy: setting.agent.user,
      start: '2025-01-01',
      end: '2025-12-31',
    })
    const stranger = await api.graphql(
      draftQuery,
      { enrollment: gid('Enrollment', covered.id) },
      setting.otherAgent.credentials,
    )
    expect(stranger.data?.renewalDraft).toBeNull()
  })

  it('a person’s history shows the chain: renews and renewedBy', async () => {
    const setting = await campaignSetting(api)
    const base = { campaign: setting.campaign, center: setting.center, registeredBy: setting.agent.user }
    const first = await coveredEnrollment(api.prisma, { ...base, start: '2025-01-01', end: '2025-12-31' })
    const nextYear = await createCampaign(api.prisma, { centers: [setting.center] })
    const person = await api.prisma.person.findUniqueOrThrow({ where: { id: first.personId } })
    const second = await createEnrollment(api.prisma, {
      ...base,
      campaign: nextYear,
      person,
      registeredAt: new Date('2025-12-20T03:00:00Z'),
    })
    const chain = await api.graphql(
      `query ($id: ID!) { node(id: $id) { ... on Enrollment { renews { id } renewedBy { id renews { id } } } } }`,
      { id: gid('Enrollment', first.id) },
      setting.agent.credentials,
    )
    expect(chain.data?.node).toEqual({
      renews: null,
      renewedBy: { id: gid('Enrollment', second.id), renews: { id: gid('Enrollment', first.id) } },
    })
  })
})
