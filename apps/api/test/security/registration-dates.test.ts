// Threat: a registration dated years before or after its campaign is priced by the rules of that day
// (an old base salary, a support rate since withdrawn) and counted in the campaign: a typo nobody
// sees, or cover bought at a stale price. The first day of an enrollment's period (`on`) lies within
// the campaign's period, widened by the campaign's margin of days, which admins set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  campaignSetting,
  gid,
  registerEnrollment,
  vsiInput,
} from '../../src/modules/enrollments/test-helpers.ts'
import { type ApiHarness, createApiHarness } from '../harness.ts'

let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness()
})
afterAll(() => api.close())

// The fixtures' campaign runs from 2025-11-04 to 2026-01-02.
const outside = { path: ['input', 'on'], code: 'REGISTRATION_DATE_OUTSIDE_CAMPAIGN' }

const updateCampaign = `mutation ($input: UpdateCampaignInput!) { updateCampaign(input: $input) {
  __typename ... on UpdateCampaignPayload { campaign { registrationMarginDays version } }
  ... on ValidationError { fieldErrors { path code } } } }`

describe('a registration cannot be dated outside its campaign', () => {
  it.each([
    ['years before', '2020-01-01'],
    ['the day before the first', '2025-11-03'],
    ['the day after the last', '2026-01-03'],
    ['far in the future', '2099-12-31'],
  ])('%s is refused, and nothing is written', async (_when, on) => {
    const setting = await campaignSetting(api)
    const result = await api.graphql(
      registerEnrollment,
      { input: vsiInput(setting, { on }) },
      setting.agent.credentials,
    )
    expect(result.data?.registerEnrollment).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [expect.objectContaining(outside)],
    })
    expect(await api.prisma.enrollment.count({ where: { campaignId: setting.campaign.id } })).toBe(0)
  })

  it('today, when the campaign is over, is refused too', async () => {
    const setting = await campaignSetting(api)
    const input = vsiInput(setting)
    const { on: _on, ...today } = input
    const result = await api.graphql(registerEnrollment, { input: today }, setting.agent.credentials)
    expect(result.data?.registerEnrollment.fieldErrors).toEqual([expect.objectContaining(outside)])
  })

  it('the campaign’s first and last days are allowed', async () => {
    const setting = await campaignSetting(api)
    for (const on of ['2025-11-04', '2026-01-02']) {
      const result = await api.graphql(
        registerEnrollment,
        { input: vsiInput(setting, { on }) },
        setting.agent.credentials,
      )
      expect(result.data?.registerEnrollment.__typename).toBe('RegisterEnrollmentPayload')
    }
  })

  it('an admin widens the period by a margin of days, and the registration then goes through', async () => {
    const setting = await campaignSetting(api)
    const widened = await api.graphql(
      updateCampaign,
      { input: { campaign: gid('Campaign', setting.campaign.id), version: 1, registrationMarginDays: 10 } },
      setting.admin.credentials,
    )
    expect(widened.data?.updateCampaign.campaign).toEqual({ registrationMarginDays: 10, version: 2 })
    const late = await api.graphql(
      registerEnrollment,
      { input: vsiInput(setting, { on: '2026-01-12' }) },
      setting.agent.credentials,
    )
    expect(late.data?.registerEnrollment.__typename).toBe('RegisterEnrollmentPayload')
    const tooLate = await api.graphql(
      registerEnrollment,
      { input: vsiInput(setting, { on: '2026-01-13' }) },
      setting.agent.credentials,
    )
    expect(tooLate.data?.registerEnrollment.fieldErrors).toEqual([expect.objectContaining(outside)])
  })

  it('a margin is a whole number of days from 0 to a year', async () => {
    const setting = await campaignSetting(api)
    const result = await api.graphql(
      updateCampaign,
      { input: { campaign: gid('Campaign', setting.campaign.id), version: 1, registrationMarginDays: -5 } },
      setting.admin.credentials,
    )
    expect(result.data?.updateCampaign.fieldErrors).toEqual([
      { path: ['input', 'registrationMarginDays'], code: 'REGISTRATION_MARGIN_INVALID' },
    ])
  })

  it('an enrollment cannot be moved outside its campaign afterwards', async () => {
    const setting = await campaignSetting(api)
    const registered = await api.graphql(
      registerEnrollment,
      { input: vsiInput(setting) },
      setting.agent.credentials,
    )
    const enrollment = registered.data?.registerEnrollment.enrollment
    const moved = await api.graphql(
      `mutation ($input: UpdateEnrollmentInput!) { updateEnrollment(input: $input) {
        __typename ... on ValidationError { fieldErrors { path code } } } }`,
      { input: { id: enrollment.id, version: enrollment.version, on: '2031-01-01' } },
      setting.agent.credentials,
    )
    expect(moved.data?.updateEnrollment).toEqual({ __typename: 'ValidationError', fieldErrors: [outside] })
  })
})
