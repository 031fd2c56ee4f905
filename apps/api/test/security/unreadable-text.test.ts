// Threat: a name stored with a right-to-left override shows in the console, the CSV export and any
// letter as a different name than the one that was typed ("Lan‮hnA" displays as "LanAnh"); a control
// character corrupts exports and logs. Text a person types refuses both (checkFreeText in
// @tangtoc/shared, which the console shows as the user types).
import { encodeGlobalID } from '@pothos/plugin-relay'
import { createCampaign, createCenter, createEnrollment } from '@tangtoc/db/fixtures'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { campaignSetting, registerEnrollment, vsiInput } from '../../src/modules/enrollments/test-helpers.ts'
import { type ApiHarness, createApiHarness } from '../harness.ts'

let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness()
})
afterAll(() => api.close())

const rightToLeftOverride = '\u202e'
const bell = '\u0007'

const fieldErrors = (payload: { __typename: string; fieldErrors?: { path: string[]; code: string }[] }) => ({
  typename: payload.__typename,
  errors: payload.fieldErrors?.map((error) => [error.path.join('.'), error.code]),
})

describe('a registration refuses unreadable text in the person’s details', () => {
  it('a name with a right-to-left override, an address with a bell, a relation to the head with one', async () => {
    const setting = await campaignSetting(api)
    const input = vsiInput(setting)
    const single = await api.graphql(
      registerEnrollment,
      {
        input: {
          ...input,
          person: { ...input.person, fullName: `Lan${rightToLeftOverride}hnA`, address: `12 Lê Lợi${bell}` },
        },
      },
      setting.agent.credentials,
    )
    expect(fieldErrors(single.data?.registerEnrollment)).toEqual({
      typename: 'ValidationError',
      errors: [
        ['input.person.fullName', 'TEXT_UNREADABLE_CHARACTER'],
        ['input.person.address', 'TEXT_UNREADABLE_CHARACTER'],
      ],
    })
    const household = await api.graphql(
      registerEnrollment,
      {
        input: {
          ...input,
          product: 'HOUSEHOLD_HEALTH_INSURANCE',
          monthlyIncome: null,
          months: 12,
          householdMembers: [
            { person: input.person, isHead: true },
            {
              person: { ...vsiInput(setting).person, dateOfBirth: '1985-06-15' },
              relationToHead: `vợ${rightToLeftOverride}`,
            },
          ],
        },
      },
      setting.agent.credentials,
    )
    expect(fieldErrors(household.data?.registerEnrollment).errors).toContainEqual([
      'input.householdMembers.1.relationToHead',
      'TEXT_UNREADABLE_CHARACTER',
    ])
    expect(await api.prisma.enrollment.count({ where: { campaignId: setting.campaign.id } })).toBe(0)
  })
})

describe('every other text a person types refuses it too', () => {
  it.each([
    [
      'a center’s name',
      'createCenter',
      'CreateCenterInput',
      () => ({
        code: `T-${Date.now()}`,
        name: `Bưu điện${bell}`,
        kind: 'POST_OFFICE',
        organization: 'VIETNAM_POST',
      }),
      'input.name',
    ],
    [
      'a campaign’s description',
      'createCampaign',
      'CreateCampaignInput',
      () => ({
        code: `T-${Date.now()}`,
        name: 'Chiến dịch',
        description: `Mô tả${rightToLeftOverride}`,
        startDate: '2026-01-01',
        endDate: '2026-01-31',
      }),
      'input.description',
    ],
    [
      'a user’s display name',
      'createUser',
      'CreateUserInput',
      () => ({
        username: `t${Date.now()}`,
        displayName: `Chị Lan${rightToLeftOverride}`,
        role: 'VIEWER',
        password: 'một mật khẩu dài',
      }),
      'input.displayName',
    ],
    [
      'an API token’s name',
      'createApiToken',
      'CreateApiTokenInput',
      () => ({ name: `Báo cáo${bell}`, scope: 'READ' }),
      'input.name',
    ],
  ])('%s', async (_what, field, inputType, input, path) => {
    const { credentials } = await api.userWithRole('ADMIN', null)
    const result = await api.graphql(
      `mutation ($input: ${inputType}!) { ${field}(input: $input) {
        __typename ... on ValidationError { fieldErrors { path code } } } }`,
      { input: input() },
      credentials,
    )
    expect(fieldErrors(result.data?.[field]).errors).toContainEqual([path, 'TEXT_UNREADABLE_CHARACTER'])
  })

  it('an outreach session’s notes, and the reason an enrollment is cancelled', async () => {
    const center = await createCenter(api.prisma)
    const campaign = await createCampaign(api.prisma, { centers: [center] })
    const agent = await api.userWithRole('AGENT', center)
    const session = await api.graphql(
      `mutation ($input: CreateOutreachSessionInput!) { createOutreachSession(input: $input) {
        __typename ... on ValidationError { fieldErrors { path code } } } }`,
      {
        input: {
          campaign: encodeGlobalID('Campaign', campaign.id),
          center: encodeGlobalID('Center', center.id),
          title: 'Tư vấn tại chợ',
          kind: 'MARKET_STALL',
          venueKind: 'MARKET',
          startsAt: '2025-11-10T01:00:00Z',
          endsAt: '2025-11-10T03:00:00Z',
          notes: `Mang tờ rơi${rightToLeftOverride}`,
        },
      },
      agent.credentials,
    )
    expect(fieldErrors(session.data?.createOutreachSession).errors).toEqual([
      ['input.notes', 'TEXT_UNREADABLE_CHARACTER'],
    ])
    const enrollment = await createEnrollment(api.prisma, {
      campaign,
      center,
      registeredBy: agent.user,
      status: 'DRAFT',
    })
    const cancelled = await api.graphql(
      `mutation ($input: CancelEnrollmentInput!) { cancelEnrollment(input: $input) {
        __typename ... on ValidationError { fieldErrors { path code } } } }`,
      { input: { id: encodeGlobalID('Enrollment', enrollment.id), version: 1, reason: `Đổi ý${bell}` } },
      agent.credentials,
    )
    expect(fieldErrors(cancelled.data?.cancelEnrollment).errors).toEqual([
      ['input.reason', 'TEXT_UNREADABLE_CHARACTER'],
    ])
  })
})
