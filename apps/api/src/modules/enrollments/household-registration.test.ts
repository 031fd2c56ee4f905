import { decodeGlobalID } from '@pothos/plugin-relay'
import { personInput } from '@tangtoc/db/fixtures'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ApiHarness, createApiHarness } from '../../../test/harness.ts'
import {
  campaignSetting,
  cancel,
  householdInput,
  type MemberInput,
  registerEnrollment,
} from './test-helpers.ts'

let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness()
})
afterAll(() => api.close())

const threeMembers = (): [MemberInput, MemberInput, MemberInput] => [
  { person: personInput({ fullName: 'Phạm Văn Chủ', sex: 'MALE', dateOfBirth: '1975-03-03' }), isHead: true },
  { person: personInput({ fullName: 'Võ Thị Vợ', dateOfBirth: '1978-04-04' }), relationToHead: 'vợ' },
  {
    person: personInput({ fullName: 'Phạm Văn Con', sex: 'MALE', dateOfBirth: '2000-05-05' }),
    relationToHead: 'con',
  },
]

describe('registering a household in one step', () => {
  it('an admin registers a household of three for 12 months on 2025-11-10: three enrollments, 2,906,280 ₫ in all, each counted', async () => {
    const setting = await campaignSetting(api)
    const result = await api.graphql(
      registerEnrollment,
      { input: householdInput(setting, threeMembers()) },
      setting.admin.credentials,
    )
    const payload = result.data?.registerEnrollment
    expect(payload.__typename, JSON.stringify(result)).toBe('RegisterEnrollmentPayload')
    expect(payload.enrollments).toMatchObject([
      { householdPosition: 1, payable: 1_263_600, person: { fullName: 'Phạm Văn Chủ' } },
      { householdPosition: 2, payable: 884_520, person: { fullName: 'Võ Thị Vợ' } },
      { householdPosition: 3, payable: 758_160, person: { fullName: 'Phạm Văn Con' } },
    ])
    expect(payload.registration.payable).toBe(2_906_280)
    expect(payload.registration.enrollments.map((each: { id: string }) => each.id)).toEqual(
      payload.enrollments.map((each: { id: string }) => each.id),
    )
    for (const enrollment of payload.enrollments) {
      expect(enrollment.registration.id).toBe(payload.registration.id)
      expect(enrollment.household.id).toBe(payload.registration.household.id)
    }
    // The named person's enrollment, as before households were registered in one step.
    expect(payload.enrollment.id).toBe(payload.enrollments[0].id)

    const counts = await api.prisma.enrollmentDailyCount.findMany({
      where: { campaignId: setting.campaign.id },
    })
    expect(counts).toEqual([expect.objectContaining({ status: 'SUBMITTED', count: 3 })])
    const totals = await api.prisma.enrollmentSegmentTotal.aggregate({
      where: { campaignId: setting.campaign.id },
      _sum: { count: true },
    })
    expect(totals._sum.count).toBe(3)
  })

  it('a member insured elsewhere is listed, not enrolled; a student is priced by the student group, outside the ranking', async () => {
    const setting = await campaignSetting(api)
    const [head, spouse, child] = threeMembers()
    const result = await api.graphql(
      registerEnrollment,
      {
        input: householdInput(setting, [
          { ...head, isHead: true },
          { ...spouse, insuredElsewhere: true },
          { ...child, supportGroups: ['STUDENT'] },
          {
            person: personInput({ fullName: 'Phạm Thị Út', dateOfBirth: '1999-06-06' }),
            relationToHead: 'con',
          },
        ]),
      },
      setting.agent.credentials,
    )
    const payload = result.data?.registerEnrollment
    expect(payload.__typename, JSON.stringify(result)).toBe('RegisterEnrollmentPayload')
    expect(payload.enrollments).toMatchObject([
      { person: { fullName: 'Phạm Văn Chủ' }, householdPosition: 1, payable: 1_263_600 },
      {
        person: { fullName: 'Phạm Văn Con' },
        householdPosition: null,
        supportGroups: ['STUDENT'],
        gross: 1_263_600,
        support: 631_800,
        payable: 631_800,
      },
      { person: { fullName: 'Phạm Thị Út' }, householdPosition: 2, payable: 884_520 },
    ])
    expect(payload.registration.household.members.totalCount).toBe(4)
  })

  it('a household’s total does not depend on the order its members are typed in', async () => {
    const setting = await campaignSetting(api)
    const groups = fc.constantFrom<string[]>([], [], ['STUDENT'], ['NEAR_POOR'])
    const household = fc.array(groups, { minLength: 1, maxLength: 6 }).chain((memberGroups) =>
      fc.tuple(
        fc.constant(memberGroups),
        fc.shuffledSubarray(
          memberGroups.map((_, index) => index),
          {
            minLength: memberGroups.length,
            maxLength: memberGroups.length,
          },
        ),
      ),
    )
    let run = 0
    await fc.assert(
      fc.asyncProperty(household, async ([memberGroups, order]) => {
        run += 1
        const total = async (indexes: number[]) => {
          const members = indexes.map((index, place) => ({
            person: personInput({
              fullName: `Hộ ${run} Người ${index}`,
              dateOfBirth: `19${60 + index}-01-01`,
            }),
            isHead: place === 0,
            supportGroups: memberGroups[index],
          }))
          const result = await api.graphql(
            registerEnrollment,
            { input: householdInput(setting, members) },
            setting.agent.credentials,
          )
          const payload = result.data?.registerEnrollment
          expect(payload.__typename, JSON.stringify(result)).toBe('RegisterEnrollmentPayload')
          return payload.registration.payable as number
        }
        expect(await total(order)).toBe(await total(memberGroups.map((_, index) => index)))
      }),
      { numRuns: 8 },
    )
  })

  it('a member already enrolled in the campaign is a ConflictError naming them, and nothing of the household is written', async () => {
    const setting = await campaignSetting(api)
    const [head, spouse, child] = threeMembers()
    const first = await api.graphql(
      registerEnrollment,
      { input: householdInput(setting, [{ ...spouse, isHead: true }]) },
      setting.agent.credentials,
    )
    const spouseEnrollment = first.data?.registerEnrollment.enrollment.id
    expect(spouseEnrollment).toBeTruthy()
    const before = await Promise.all([
      api.prisma.enrollment.count(),
      api.prisma.registration.count(),
      api.prisma.household.count(),
      api.prisma.person.count(),
    ])

    const second = await api.graphql(
      registerEnrollment,
      { input: householdInput(setting, [head, { ...spouse, isHead: false }, child]) },
      setting.agent.credentials,
    )
    expect(second.data?.registerEnrollment).toMatchObject({
      __typename: 'ConflictError',
      existingId: spouseEnrollment,
    })
    expect(second.data?.registerEnrollment.message).toContain('Võ Thị Vợ')
    const after = await Promise.all([
      api.prisma.enrollment.count(),
      api.prisma.registration.count(),
      api.prisma.household.count(),
      api.prisma.person.count(),
    ])
    expect(after).toEqual(before)
  })

  it('a child under 6 enrolled with the household is a validation error naming the child', async () => {
    const setting = await campaignSetting(api)
    const [head] = threeMembers()
    const result = await api.graphql(
      registerEnrollment,
      {
        input: householdInput(setting, [
          head,
          {
            person: personInput({ fullName: 'Phạm Bé Na', dateOfBirth: '2022-01-01' }),
            relationToHead: 'con',
          },
        ]),
      },
      setting.agent.credentials,
    )
    expect(result.data?.registerEnrollment.fieldErrors).toEqual([
      expect.objectContaining({
        path: ['input', 'householdMembers', '1', 'insuredElsewhere'],
        code: 'HOUSEHOLD_MEMBER_UNDER_SIX',
        message: expect.stringContaining('Phạm Bé Na'),
      }),
    ])
  })
})

describe('a household’s code (mã hộ gia đình) given with the registration', () => {
  it('is kept trimmed on the household; one that is not letters and digits is a validation error naming the field', async () => {
    const setting = await campaignSetting(api)
    const result = await api.graphql(
      registerEnrollment,
      { input: householdInput(setting, threeMembers(), { householdCode: ' 7901234567 ' }) },
      setting.agent.credentials,
    )
    const payload = result.data?.registerEnrollment
    expect(payload.__typename, JSON.stringify(result)).toBe('RegisterEnrollmentPayload')
    const householdId = decodeGlobalID(payload.registration.household.id).id
    expect(await api.prisma.household.findUniqueOrThrow({ where: { id: householdId } })).toMatchObject({
      code: '7901234567',
    })

    const refused = await api.graphql(
      registerEnrollment,
      { input: householdInput(setting, threeMembers(), { householdCode: 'HO#01' }) },
      setting.agent.credentials,
    )
    expect(refused.data?.registerEnrollment.fieldErrors).toEqual([
      expect.objectContaining({
        path: ['input', 'householdCode'],
        code: 'HOUSEHOLD_CODE_FORMAT',
        message: expect.stringContaining('household code'),
      }),
    ])
  })
})

describe('adding a member to a household already enrolled', () => {
  it('prices the newcomer at the next rank for the months left; cancelling a member re-prices nobody, and the next newcomer ranks after those still enrolled', async () => {
    const setting = await campaignSetting(api)
    // 2025-11-10, 12 months: 1,263,600 + 884,520 + 758,160; the household's period ends 2026-11-09.
    const first = await api.graphql(
      registerEnrollment,
      { input: householdInput(setting, threeMembers()) },
      setting.agent.credentials,
    )
    const household = first.data?.registerEnrollment.registration.household.id
    const [head, spouse, child] = first.data?.registerEnrollment.enrollments ?? []
    const newcomer = (fullName: string, dateOfBirth: string) =>
      api.graphql(
        registerEnrollment,
        {
          input: householdInput(
            setting,
            [{ person: personInput({ fullName, dateOfBirth }), relationToHead: 'con dâu' }],
            { household, on: '2025-12-20', months: 12 },
          ),
        },
        setting.agent.credentials,
      )
    // From 2025-12-20 to 2026-11-09: 11 months (a month begun counts whole), at rank 4 (50%):
    // 52,650 × 11 = 579,150 ₫.
    const joined = (await newcomer('Lê Thị Dâu', '2001-07-07')).data?.registerEnrollment
    expect(joined.__typename, JSON.stringify(joined)).toBe('RegisterEnrollmentPayload')
    expect(joined.enrollments).toMatchObject([
      { householdPosition: 4, gross: 579_150, payable: 579_150, person: { fullName: 'Lê Thị Dâu' } },
    ])
    expect(joined.enrollment).toMatchObject({
      months: 11,
      periodStart: '2025-12-20',
      periodEnd: '2026-11-19',
    })
    expect(joined.registration).toMatchObject({ payable: 579_150, household: { id: household } })
    expect(joined.registration.household.members.totalCount).toBe(4)

    const cancelled = await api.graphql(
      cancel,
      { input: { id: spouse.id, version: spouse.version, reason: 'Đã có thẻ qua nơi làm việc' } },
      setting.manager.credentials,
    )
    expect(cancelled.data?.cancelEnrollment.enrollment.status).toBe('CANCELLED')
    // Three still enrolled (head, child, the daughter-in-law), so the next one is 4th again.
    const next = (await newcomer('Phạm Văn Cháu', '2005-08-08')).data?.registerEnrollment
    expect(next.enrollments).toMatchObject([{ householdPosition: 4, payable: 579_150 }])
    const amounts = await api.prisma.enrollment.findMany({
      where: { id: { in: [head.id, child.id].map((id: string) => decodeGlobalID(id).id) } },
      orderBy: { householdPosition: 'asc' },
      select: { householdPosition: true, payable: true },
    })
    expect(amounts).toEqual([
      { householdPosition: 1, payable: 1_263_600 },
      { householdPosition: 3, payable: 758_160 },
    ])
  })

  it('two newcomers joining at once take ranks 4 and 5, the second priced again after the first', async () => {
    const setting = await campaignSetting(api)
    const first = await api.graphql(
      registerEnrollment,
      { input: householdInput(setting, threeMembers()) },
      setting.agent.credentials,
    )
    const household = first.data?.registerEnrollment.registration.household.id
    const join = (fullName: string, dateOfBirth: string) =>
      api.graphql(
        registerEnrollment,
        {
          input: householdInput(setting, [{ person: personInput({ fullName, dateOfBirth }) }], {
            household,
            on: '2025-12-20',
          }),
        },
        setting.agent.credentials,
      )
    const results = await Promise.all([join('Lê Thị Một', '2001-01-01'), join('Lê Thị Hai', '2002-02-02')])
    const joined = results
      .map((result) => result.data?.registerEnrollment.enrollments[0])
      .sort((a, b) => a.householdPosition - b.householdPosition)
    // 11 months at 50% (52,650) and at 40% (42,120).
    expect(joined).toMatchObject([
      { householdPosition: 4, payable: 579_150 },
      { householdPosition: 5, payable: 463_320 },
    ])
  })

  it('a household with no member enrolled any more is not found by the agent, and refused to an admin', async () => {
    const setting = await campaignSetting(api)
    const first = await api.graphql(
      registerEnrollment,
      { input: householdInput(setting, [threeMembers()[0]]) },
      setting.agent.credentials,
    )
    const { household, enrollments } = first.data?.registerEnrollment.registration ?? {}
    await api.graphql(
      cancel,
      { input: { id: enrollments[0].id, version: 1, reason: 'Đăng ký nhầm' } },
      setting.manager.credentials,
    )
    const joining = (credentials: typeof setting.agent.credentials) =>
      api.graphql(
        registerEnrollment,
        {
          input: householdInput(setting, [{ person: personInput({ dateOfBirth: '1990-01-01' }) }], {
            household: household.id,
          }),
        },
        credentials,
      )
    const byAgent = await joining(setting.agent.credentials)
    expect(byAgent.data?.registerEnrollment.__typename).toBe('NotFoundError')
    const result = await joining(setting.admin.credentials)
    expect(result.data?.registerEnrollment.fieldErrors).toEqual([
      expect.objectContaining({
        path: ['input', 'household'],
        code: 'HOUSEHOLD_NOT_ENROLLED',
        message: 'No member of this household is enrolled at the center in the campaign up to 10/11/2025.',
      }),
    ])
  })
})

describe('a household’s code on file', () => {
  it('is read back on the household, by whoever reads the household', async () => {
    const setting = await campaignSetting(api)
    const result = await api.graphql(
      registerEnrollment,
      { input: householdInput(setting, threeMembers(), { householdCode: 'HGD-79-01' }) },
      setting.agent.credentials,
    )
    const household = result.data?.registerEnrollment.registration.household.id
    const read = await api.graphql(
      'query ($id: ID!) { node(id: $id) { ... on Household { code } } }',
      { id: household },
      setting.manager.credentials,
    )
    expect(read.errors).toBeUndefined()
    expect(read.data?.node).toEqual({ code: 'HGD-79-01' })
  })
})
