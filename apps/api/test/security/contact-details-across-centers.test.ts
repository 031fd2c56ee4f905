// Threat: a center overwrites the phone, address, ward, occupation group and legacy code another
// center recorded for a person, just by registering that person (and then reads them). A
// registration from a center with no live enrollment of the person changes nothing another center
// recorded: its details stay with its own enrollment, and each center reads the details it recorded.
import { personInput } from '@tangtoc/db/fixtures'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { campaignSetting, gid, vsiInput } from '../../src/modules/enrollments/test-helpers.ts'
import { type ApiHarness, type Credentials, createApiHarness } from '../harness.ts'

let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness()
})
afterAll(() => api.close())

const contact = `phone address ward { code } occupationGroup legacySocialInsuranceCode`

async function registered(input: Record<string, unknown>, credentials: Credentials) {
  const result = await api.graphql(
    `mutation ($input: RegisterEnrollmentInput!) { registerEnrollment(input: $input) {
      __typename ... on RegisterEnrollmentPayload { enrollment { id ${contact} person { id } } }
      ... on UserError { message } } }`,
    { input },
    credentials,
  )
  const payload = result.data?.registerEnrollment
  expect(payload.__typename, JSON.stringify(payload)).toBe('RegisterEnrollmentPayload')
  return payload.enrollment
}

async function personAs(id: string, credentials: Credentials) {
  const result = await api.graphql(
    `query ($id: ID!) { node(id: $id) { ... on Person { ${contact} } } }`,
    { id },
    credentials,
  )
  return result.data?.node
}

/** A person registered at a first center, then at a second one with other details. */
async function registeredTwice() {
  const first = await campaignSetting(api)
  const second = await campaignSetting(api)
  const identity = personInput({ fullName: `Hồ Thị Liên Lạc ${Math.random().toString(36).slice(2, 7)}` })
  const atFirst = await registered(
    {
      ...vsiInput(first, {}, identity),
      person: { ...identity, phone: '0912 345 678', address: '12 Lê Lợi', wardCode: '25747' },
    },
    first.agent.credentials,
  )
  const secondDetails = {
    ...identity,
    phone: '0987 111 222',
    address: '99 Hai Bà Trưng',
    wardCode: '25750',
    occupationGroup: 'FARMER',
    legacySocialInsuranceCode: '7912345678',
  }
  const atSecond = await registered({ ...vsiInput(second), person: secondDetails }, second.agent.credentials)
  return { first, second, identity, atFirst, atSecond, personId: atFirst.person.id as string }
}

const firstCenterDetails = {
  phone: '+84912345678',
  address: '12 Lê Lợi',
  ward: { code: '25747' },
  occupationGroup: null,
  legacySocialInsuranceCode: null,
}
const secondCenterDetails = {
  phone: '+84987111222',
  address: '99 Hai Bà Trưng',
  ward: { code: '25750' },
  occupationGroup: 'FARMER',
  legacySocialInsuranceCode: '7912345678',
}

describe('another center cannot overwrite a person’s contact details by registering them', () => {
  it('the stored record keeps the first center’s details; the second center’s stay with its enrollment', async () => {
    const { second, identity, atSecond, personId } = await registeredTwice()
    const stored = await api.prisma.person.findUniqueOrThrow({ where: { citizenId: identity.citizenId } })
    expect(stored).toMatchObject({
      phone: '+84912345678',
      address: '12 Lê Lợi',
      wardCode: '25747',
      occupationGroup: null,
      legacySocialInsuranceCode: null,
      version: 1,
    })
    expect(atSecond).toMatchObject(secondCenterDetails)
    const personUpdates = await api.prisma.auditEvent.count({
      where: { actorId: second.agent.user.id, action: 'person.update' },
    })
    expect(personUpdates).toBe(0)
    expect(personId).toBe(atSecond.person.id)
  })

  it('each center reads the details it recorded, and an admin the stored record', async () => {
    const { first, second, personId } = await registeredTwice()
    expect(await personAs(personId, first.agent.credentials)).toEqual(firstCenterDetails)
    expect(await personAs(personId, second.agent.credentials)).toEqual(secondCenterDetails)
    expect(await personAs(personId, first.admin.credentials)).toEqual(firstCenterDetails)
  })

  it('a center that already serves the person may change the stored record', async () => {
    const { first, identity, personId } = await registeredTwice()
    await registered(
      {
        ...vsiInput(first, { product: 'HOUSEHOLD_HEALTH_INSURANCE', monthlyIncome: null, months: 12 }),
        person: { ...identity, phone: '0911 000 111' },
      },
      first.agent.credentials,
    )
    const stored = await api.prisma.person.findUniqueOrThrow({ where: { citizenId: identity.citizenId } })
    expect(stored).toMatchObject({ phone: '+84911000111', address: '12 Lê Lợi', version: 2 })
    expect((await personAs(personId, first.agent.credentials))?.phone).toBe('+84911000111')
  })

  it('a center searching by phone finds the person by the phone it recorded, not another center’s', async () => {
    const { second, identity } = await registeredTwice()
    const count = async (search: string) =>
      (
        await api.graphql(
          'query ($s: String) { people(first: 5, search: $s) { totalCount } }',
          { s: search },
          second.agent.credentials,
        )
      ).data?.people.totalCount
    expect(await count('0987 111 222')).toBe(1)
    expect(await count('0912 345 678')).toBe(0)
    expect(await count(identity.citizenId)).toBe(1)
  })

  it('the CSV export shows each enrollment’s own details', async () => {
    const { second } = await registeredTwice()
    const response = await api.yoga.fetch(
      `http://tangtoc.test/exports/enrollments.csv?campaign=${gid('Campaign', second.campaign.id)}`,
      { headers: { cookie: second.agent.credentials.cookie } },
    )
    const text = await response.text()
    expect(text).toContain('+84987111222')
    expect(text).toContain('99 Hai Bà Trưng')
    expect(text).not.toContain('+84912345678')
    expect(text).not.toContain('12 Lê Lợi')
  })
})
