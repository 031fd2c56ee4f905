// Threat: a viewer sees citizen IDs and phones masked (079••••••123, 091••••678) but may search by
// digits: `people(search: "0791")` answering 1 or 0 confirms each hidden digit in turn — ten tries a
// digit, the whole ID in sixty, a phone in forty — and `totalCount` answers even when no row is
// asked for. The lists, households and the CSV export search alike. For a viewer, a search matches
// names only, and looking a person up by citizen ID is refused.
import { encodeGlobalID } from '@pothos/plugin-relay'
import { createCampaign, createCenter, createEnrollment, createPerson } from '@tangtoc/db/fixtures'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ApiHarness, type Credentials, createApiHarness } from '../harness.ts'

let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness()
})
afterAll(() => api.close())

/** A person enrolled with their household at a center, and a viewer and an agent of that center. */
async function maskedPerson() {
  const center = await createCenter(api.prisma)
  const campaign = await createCampaign(api.prisma, { centers: [center] })
  const agent = await api.userWithRole('AGENT', center)
  const viewer = await api.userWithRole('VIEWER', center)
  const name = `Trịnh Thị ${Math.random().toString(36).slice(2, 8)}`
  const person = await createPerson(api.prisma, { fullName: name, phone: '+84987654321' })
  const household = await api.prisma.household.create({
    data: { members: { create: [{ personId: person.id, position: 1, isHead: true }] } },
  })
  const enrollment = await createEnrollment(api.prisma, {
    campaign,
    center,
    registeredBy: agent.user,
    person,
    product: 'HOUSEHOLD_HEALTH_INSURANCE',
  })
  await api.prisma.enrollment.update({ where: { id: enrollment.id }, data: { householdId: household.id } })
  return { person, name, campaign, agent, viewer }
}

const counts = `query ($search: String, $campaign: ID) {
  people(first: 1, search: $search) { totalCount }
  households(first: 1, search: $search) { totalCount }
  enrollments(first: 1, filter: { campaign: $campaign, search: $search }) { totalCount }
}`

async function countsFor(search: string, campaign: { id: string }, credentials: Credentials) {
  const result = await api.graphql(
    counts,
    { search, campaign: encodeGlobalID('Campaign', campaign.id) },
    credentials,
  )
  expect(result.errors).toBeUndefined()
  const data = result.data ?? {}
  return [data.people.totalCount, data.households.totalCount, data.enrollments.totalCount]
}

async function exportedRows(search: string, campaign: { id: string }, credentials: Credentials) {
  const response = await api.yoga.fetch(
    `http://tangtoc.test/exports/enrollments.csv?campaign=${encodeGlobalID('Campaign', campaign.id)}&search=${encodeURIComponent(search)}`,
    { headers: { cookie: (credentials as { cookie: string }).cookie } },
  )
  expect(response.status).toBe(200)
  return (await response.text()).trim().split('\r\n').length - 1
}

describe('a viewer cannot learn a citizen ID or a phone digit by digit', () => {
  it('the hidden digits of a citizen ID confirm nothing, in any list or the export', async () => {
    const { person, campaign, viewer } = await maskedPerson()
    const wrongDigit = (digit: string) => String((Number(digit) + 1) % 10)
    for (let length = 4; length <= person.citizenId.length; length++) {
      const prefix = person.citizenId.slice(0, length)
      const wrong = prefix.slice(0, -1) + wrongDigit(prefix.slice(-1))
      expect(await countsFor(prefix, campaign, viewer.credentials), prefix).toEqual(
        await countsFor(wrong, campaign, viewer.credentials),
      )
    }
    expect(await countsFor(person.citizenId, campaign, viewer.credentials)).toEqual([0, 0, 0])
    expect(await exportedRows(person.citizenId, campaign, viewer.credentials)).toBe(0)
  })

  it('nor do the hidden digits of a phone, however it is written', async () => {
    const { campaign, viewer } = await maskedPerson()
    for (const search of ['0987', '09876', '0987 654 321', '+84987654321', '84987654'])
      expect(await countsFor(search, campaign, viewer.credentials), search).toEqual([0, 0, 0])
  })

  it('a viewer still finds people by name, and sees them masked', async () => {
    const { name, campaign, viewer } = await maskedPerson()
    expect(await countsFor(name, campaign, viewer.credentials)).toEqual([1, 1, 1])
    const found = await api.graphql(
      'query ($s: String) { people(first: 1, search: $s) { edges { node { citizenId phone } } } }',
      { s: name },
      viewer.credentials,
    )
    expect(found.data?.people.edges[0].node.phone).toBe('098••••321')
  })

  it('a viewer cannot look a person up by citizen ID; an agent of the center can', async () => {
    const { person, viewer, agent } = await maskedPerson()
    const lookUp = 'query ($c: String!) { person(citizenId: $c) { fullName } }'
    const asViewer = await api.graphql(lookUp, { c: person.citizenId }, viewer.credentials)
    expect(asViewer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    expect(asViewer.data?.person ?? null).toBeNull()
    const asAgent = await api.graphql(lookUp, { c: person.citizenId }, agent.credentials)
    expect(asAgent.data?.person).toEqual({ fullName: person.fullName })
  })

  it('an agent, who sees identifiers whole, still searches by them', async () => {
    const { person, campaign, agent } = await maskedPerson()
    expect(await countsFor(person.citizenId.slice(0, 8), campaign, agent.credentials)).toEqual([1, 1, 1])
    expect(await countsFor('0987 654 321', campaign, agent.credentials)).toEqual([1, 1, 1])
  })
})
