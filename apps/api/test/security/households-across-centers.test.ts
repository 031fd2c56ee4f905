// Threat: once one person is visible at a center, `Person.households` opened every household they
// belong to, and each household every member's full record — what other centers recorded about a
// whole family. A household is readable where it has a live enrollment, and its members' details
// are read as every person's are: what your centers recorded.
import { encodeGlobalID } from '@pothos/plugin-relay'
import { personInput } from '@tangtoc/db/fixtures'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { campaignSetting, registerEnrollment, vsiInput } from '../../src/modules/enrollments/test-helpers.ts'
import { type ApiHarness, type Credentials, createApiHarness } from '../harness.ts'

let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness()
})
afterAll(() => api.close())

const tag = () => Math.random().toString(36).slice(2, 7)

/** A household of two registered at a first center: the head enrolled, his wife's phone given. */
async function householdAtFirstCenter() {
  const first = await campaignSetting(api)
  const head = personInput({ fullName: `Vũ Văn Chủ ${tag()}`, sex: 'MALE', dateOfBirth: '1970-05-05' })
  const wife = {
    ...personInput({ fullName: `Ngô Thị Vợ ${tag()}`, dateOfBirth: '1972-07-07' }),
    phone: '0909 555 666',
  }
  const hhi = (setting: typeof first, members: unknown[], person: unknown) => ({
    ...vsiInput(setting, {
      product: 'HOUSEHOLD_HEALTH_INSURANCE',
      monthlyIncome: null,
      months: 12,
      supportGroups: [],
    }),
    person,
    householdMembers: members,
  })
  const result = await api.graphql(
    registerEnrollment,
    {
      input: hhi(
        first,
        [
          { person: { ...head, address: '5 Nguyễn Trãi' }, isHead: true },
          { person: wife, relationToHead: 'vợ' },
        ],
        { ...head, address: '5 Nguyễn Trãi' },
      ),
    },
    first.agent.credentials,
  )
  expect(result.data?.registerEnrollment.__typename).toBe('RegisterEnrollmentPayload')
  const household = await api.prisma.household.findFirstOrThrow({
    where: { enrollments: { some: { campaignId: first.campaign.id } } },
  })
  const { enrollment, enrollments } = result.data?.registerEnrollment ?? {}
  return { first, head, wife, household, hhi, enrollment, enrollments }
}

const personView = `fullName phone address households(first: 5) { totalCount edges { node { household {
  id address members(first: 5) { edges { node { person { fullName phone } } } } } } } }`

async function readPerson(citizenId: string, credentials: Credentials) {
  const result = await api.graphql(
    `query ($c: String!) { person(citizenId: $c) { ${personView} } }`,
    { c: citizenId },
    credentials,
  )
  return result.data?.person
}

describe('a person visible at one center does not open the households another center recorded', () => {
  it('registering the head elsewhere shows none of his first center’s household', async () => {
    const { head, household } = await householdAtFirstCenter()
    const second = await campaignSetting(api)
    const bare = { ...head, phone: null }
    const draft = await api.graphql(
      registerEnrollment,
      { input: { ...vsiInput(second, { status: 'DRAFT' }), person: bare } },
      second.agent.credentials,
    )
    expect(draft.data?.registerEnrollment.__typename).toBe('RegisterEnrollmentPayload')
    expect(await readPerson(head.citizenId, second.agent.credentials)).toMatchObject({
      fullName: head.fullName,
      phone: null,
      address: null,
      households: { totalCount: 0, edges: [] },
    })
    const byId = await api.graphql(
      'query ($id: ID!) { node(id: $id) { id } }',
      { id: encodeGlobalID('Household', household.id) },
      second.agent.credentials,
    )
    expect(byId.data?.node).toBeNull()
  })

  it('registering the same household elsewhere makes a household of that center’s own', async () => {
    const { head, wife, household, hhi } = await householdAtFirstCenter()
    const second = await campaignSetting(api)
    const headHere = { ...head, phone: null, address: '7 Nguyễn Huệ' }
    const wifeHere = { ...wife, phone: null }
    const result = await api.graphql(
      registerEnrollment,
      {
        input: hhi(
          second,
          [
            { person: headHere, isHead: true },
            { person: wifeHere, relationToHead: 'vợ' },
          ],
          headHere,
        ),
      },
      second.agent.credentials,
    )
    expect(result.data?.registerEnrollment.__typename).toBe('RegisterEnrollmentPayload')
    const seen = await readPerson(head.citizenId, second.agent.credentials)
    expect(seen.households.totalCount).toBe(1)
    const own = seen.households.edges[0].node.household
    expect(own.id).not.toBe(encodeGlobalID('Household', household.id))
    expect(own.address).toBe('7 Nguyễn Huệ')
    expect(own.members.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      { person: { fullName: head.fullName, phone: null } },
      { person: { fullName: wife.fullName, phone: null } },
    ])
    // The wife's phone the first center recorded shows nowhere here.
    expect(JSON.stringify(seen)).not.toContain('909555666')
  })

  it('the first center still reads its household whole, the details it recorded for each member too', async () => {
    const { first, head, wife } = await householdAtFirstCenter()
    const seen = await readPerson(head.citizenId, first.agent.credentials)
    expect(seen.households.edges[0].node.household).toMatchObject({
      address: '5 Nguyễn Trãi',
      members: {
        edges: [
          { node: { person: { fullName: head.fullName, phone: '+84912345678' } } },
          { node: { person: { fullName: wife.fullName, phone: '+84909555666' } } },
        ],
      },
    })
  })

  it('a household whose enrollments are all cancelled is no longer listed', async () => {
    const { first, enrollments, household } = await householdAtFirstCenter()
    // Both members were enrolled by the one registration.
    expect(enrollments).toHaveLength(2)
    for (const enrollment of enrollments) {
      const cancelled = await api.graphql(
        `mutation ($input: CancelEnrollmentInput!) { cancelEnrollment(input: $input) { __typename } }`,
        { input: { id: enrollment.id, version: enrollment.version, reason: 'Hộ rút hồ sơ' } },
        first.manager.credentials,
      )
      expect(cancelled.data?.cancelEnrollment.__typename).toBe('CancelEnrollmentPayload')
    }
    const result = await api.graphql(
      'query ($id: ID!) { node(id: $id) { id } households(first: 5) { totalCount } }',
      { id: encodeGlobalID('Household', household.id) },
      first.agent.credentials,
    )
    expect(result.data?.node).toBeNull()
    expect(result.data?.households.totalCount).toBe(0)
  })
})
