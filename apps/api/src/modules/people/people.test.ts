import { encodeGlobalID } from '@pothos/plugin-relay'
import { createCampaign, createCenter, createEnrollment, createPerson } from '@tangtoc/db/fixtures'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ApiHarness, createApiHarness } from '../../../test/harness.ts'

let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness()
})
afterAll(() => api.close())

const people = `query ($search: String, $first: Int) {
  people(search: $search, first: $first) {
    totalCount
    edges { node { id fullName citizenId phone enrollments(first: 5) { totalCount } } }
  }
}`

/** A person enrolled at a new center, and users of every role at that center or elsewhere. */
async function enrolledPerson(fullName: string) {
  const center = await createCenter(api.prisma)
  const campaign = await createCampaign(api.prisma, { centers: [center] })
  const admin = await api.userWithRole('ADMIN', null)
  const person = await createPerson(api.prisma, { fullName, phone: '+84912345678' })
  await createEnrollment(api.prisma, { campaign, center, registeredBy: admin.user, person })
  return { center, person, admin }
}

describe('finding people', () => {
  it('“nguyen van” finds “Nguyễn Văn”, and phone and citizen ID digits find the person too', async () => {
    const tag = `Q${Date.now().toString(36)}`
    const { person, admin } = await enrolledPerson(`Nguyễn Văn Đức ${tag}`)
    for (const search of [`nguyen van duc ${tag}`, `NGUYỄN VĂN ĐỨC ${tag}`, `duc ${tag.toLowerCase()}`]) {
      const result = await api.graphql(people, { search, first: 5 }, admin.credentials)
      expect(result.data?.people.totalCount, search).toBe(1)
    }
    const byId = await api.graphql(people, { search: person.citizenId, first: 5 }, admin.credentials)
    expect(byId.data?.people.edges[0].node.fullName).toBe(person.fullName)
    const byPhone = await api.graphql(people, { search: '0912 345 678', first: 100 }, admin.credentials)
    expect(byPhone.data?.people.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(
      encodeGlobalID('Person', person.id),
    )
  })

  it('person(citizenId) returns the person with their enrollments and households', async () => {
    const { person, admin } = await enrolledPerson('Trần Thị Mai')
    const result = await api.graphql(
      `query ($citizenId: String!) { person(citizenId: $citizenId) {
          fullName sex dateOfBirth enrollments(first: 5) { totalCount edges { node { status } } }
          households(first: 5) { totalCount } } }`,
      { citizenId: person.citizenId },
      admin.credentials,
    )
    expect(result.data?.person).toMatchObject({
      fullName: 'Trần Thị Mai',
      sex: 'FEMALE',
      dateOfBirth: '1985-06-15',
      enrollments: { totalCount: 1 },
      households: { totalCount: 0 },
    })
  })
})

describe('who sees which people', () => {
  it.each([
    ['CENTER_MANAGER', 'same', true, false],
    ['AGENT', 'same', true, false],
    ['VIEWER', 'same', true, true],
    ['CENTER_MANAGER', 'other', false, false],
    ['AGENT', 'other', false, false],
  ] as const)('a %s of the %s center: sees %s, masked %s', async (role, where, sees, masked) => {
    const tag = `W${Math.random().toString(36).slice(2, 8)}`
    const { center, person } = await enrolledPerson(`Võ Thị ${tag}`)
    const { credentials } = await api.userWithRole(role, where === 'same' ? center : undefined)
    const result = await api.graphql(people, { search: tag, first: 5 }, credentials)
    expect(result.data?.people.totalCount).toBe(sees ? 1 : 0)
    const single = await api.graphql(
      'query ($id: ID!) { node(id: $id) { ... on Person { citizenId phone } } }',
      { id: encodeGlobalID('Person', person.id) },
      credentials,
    )
    if (!sees) {
      expect(single.data?.node).toBeNull()
      return
    }
    expect(single.data?.node).toEqual(
      masked
        ? {
            citizenId: `${person.citizenId.slice(0, 3)}••••••${person.citizenId.slice(-3)}`,
            phone: '091••••678',
          }
        : { citizenId: person.citizenId, phone: '+84912345678' },
    )
  })

  it('a person reached by node id is hidden from an agent of another center', async () => {
    const { person } = await enrolledPerson('Đặng Văn Ẩn')
    const { credentials } = await api.userWithRole('AGENT')
    const result = await api.graphql(
      'query ($id: ID!) { node(id: $id) { id } }',
      { id: encodeGlobalID('Person', person.id) },
      credentials,
    )
    expect(result.data?.node).toBeNull()
  })

  it('an anonymous request sees no people and no households', async () => {
    const result = await api.graphql(
      '{ people(first: 5) { totalCount } households(first: 5) { totalCount } }',
    )
    expect(result.data ?? null).toBeNull()
  })
})

describe('households', () => {
  it('lists a household’s members in order with their place and head, for those who may read it', async () => {
    const center = await createCenter(api.prisma)
    const campaign = await createCampaign(api.prisma, { centers: [center] })
    const agent = await api.userWithRole('AGENT', center)
    const stranger = await api.userWithRole('AGENT')
    const head = await createPerson(api.prisma, {
      fullName: 'Bùi Văn Chủ',
      sex: 'MALE',
      dateOfBirth: '1970-01-01',
    })
    const child = await createPerson(api.prisma, { fullName: 'Bùi Thị Con', dateOfBirth: '2005-01-01' })
    const household = await api.prisma.household.create({
      data: {
        address: '1 Đường Số 2',
        members: {
          create: [
            { personId: child.id, position: 2, relationToHead: 'con' },
            { personId: head.id, position: 1, isHead: true },
          ],
        },
      },
    })
    const enrollment = await createEnrollment(api.prisma, {
      campaign,
      center,
      registeredBy: agent.user,
      person: head,
      product: 'HOUSEHOLD_HEALTH_INSURANCE',
    })
    await api.prisma.enrollment.update({ where: { id: enrollment.id }, data: { householdId: household.id } })
    const query = `query ($search: String) { households(first: 5, search: $search) { totalCount edges { node {
      address members(first: 5) { edges { node { position isHead relationToHead person { fullName } } } } } } } }`
    const result = await api.graphql(query, { search: 'bui thi con' }, agent.credentials)
    expect(result.data?.households.totalCount).toBe(1)
    expect(result.data?.households.edges[0].node.members.edges.map((e: { node: unknown }) => e.node)).toEqual(
      [
        { position: 1, isHead: true, relationToHead: null, person: { fullName: 'Bùi Văn Chủ' } },
        { position: 2, isHead: false, relationToHead: 'con', person: { fullName: 'Bùi Thị Con' } },
      ],
    )
    const hidden = await api.graphql(query, { search: 'bui thi con' }, stranger.credentials)
    expect(hidden.data?.households.totalCount).toBe(0)
  })
})
