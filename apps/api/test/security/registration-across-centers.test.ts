// Threat: an agent who types only a citizen ID on file at another center learns that person by
// registering them: the refusal named the stored full name and said which detail differed, so a
// birth date fell to a few hundred guesses; then a DRAFT at the agent's own center showed the stored
// phone, address and household, and cancelling it hid the trace. A registration never returns, names
// or hints at a stored value the caller cannot read: a mismatch is one neutral answer, recorded and
// throttled per user; a cancelled or rejected enrollment keeps nobody readable.
import { encodeGlobalID } from '@pothos/plugin-relay'
import { createEnrollment, createPerson, personInput } from '@tangtoc/db/fixtures'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { campaignSetting, registerEnrollment, vsiInput } from '../../src/modules/enrollments/test-helpers.ts'
import { type ApiHarness, createApiHarness } from '../harness.ts'

let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness()
})
afterAll(() => api.close())

/** A person registered at one center with phone and address, and a second center's setting. */
async function onFileElsewhere() {
  const first = await campaignSetting(api)
  const identity = personInput({
    fullName: `Lê Thị Bí Mật ${Math.random().toString(36).slice(2, 7)}`,
    dateOfBirth: '1984-02-29',
  })
  const stored = await api.graphql(
    registerEnrollment,
    { input: vsiInput(first, {}, identity) },
    first.agent.credentials,
  )
  expect(stored.data?.registerEnrollment.__typename).toBe('RegisterEnrollmentPayload')
  const second = await campaignSetting(api)
  /** A registration at the second center that gives the identity only, no contact details. */
  const bare = (person: Partial<typeof identity> = {}, overrides: Record<string, unknown> = {}) => {
    const input = vsiInput(second, { status: 'DRAFT', ...overrides })
    return { ...input, person: { ...identity, phone: null, ...person } }
  }
  return { first, second, identity, bare }
}

const register = (input: unknown, credentials: unknown) =>
  api
    .graphql(registerEnrollment, { input }, credentials as { cookie: string })
    .then((result) => result.data?.registerEnrollment)

describe('an agent cannot learn another center’s person by registering them', () => {
  it('a wrong name or birth date gets one neutral answer that names nothing stored', async () => {
    const { second, identity, bare } = await onFileElsewhere()
    const wrongName = await register(bare({ fullName: 'Nguyễn Văn Đoán' }), second.agent.credentials)
    const wrongBirth = await register(bare({ dateOfBirth: '1984-03-01' }), second.agent.credentials)
    expect(wrongName).toEqual(wrongBirth)
    expect(wrongName).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['input', 'person', 'citizenId'], code: 'PERSON_IDENTITY_MISMATCH' }],
    })
    expect(JSON.stringify(wrongName)).not.toContain(identity.fullName)
    expect(JSON.stringify(wrongName)).not.toMatch(/dateOfBirth|fullName|1984-02-29/)
  })

  it('each mismatch is recorded in the audit log under the user who tried', async () => {
    const { second, bare } = await onFileElsewhere()
    await register(bare({ fullName: 'Phạm Văn Thử' }), second.agent.credentials)
    const events = await api.prisma.auditEvent.findMany({ where: { actorId: second.agent.user.id } })
    expect(events).toEqual([
      expect.objectContaining({ action: 'registration.mismatch', entityType: 'Person' }),
    ])
  })

  it('after five mismatches in an hour the user is refused, a right guess included', async () => {
    const { second, identity, bare } = await onFileElsewhere()
    for (const day of ['01', '02', '03', '04', '05']) {
      const answer = await register(bare({ dateOfBirth: `1984-03-${day}` }), second.agent.credentials)
      expect(answer.__typename).toBe('ValidationError')
    }
    const sixth = await register(bare({ dateOfBirth: '1984-03-06' }), second.agent.credentials)
    expect(sixth).toMatchObject({ __typename: 'TooManyAttemptsError', code: 'TOO_MANY_ATTEMPTS' })
    expect(sixth.retryAfterSeconds).toBeGreaterThan(3_000)
    const rightGuess = await register(bare(), second.agent.credentials)
    expect(rightGuess.__typename).toBe('TooManyAttemptsError')
    expect(await api.prisma.enrollment.count({ where: { campaignId: second.campaign.id } })).toBe(0)
    // Another user of the same center is not held back, and the person is who they are.
    const colleague = await api.userWithRole('AGENT', second.center)
    expect((await register(bare(), colleague.credentials)).__typename).toBe('RegisterEnrollmentPayload')
    expect(identity.fullName).toContain('Bí Mật')
  })

  it('the throttle counts atomically: twelve mismatches at once get five answers', async () => {
    const { second, bare } = await onFileElsewhere()
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        register(
          bare({ dateOfBirth: `1984-04-${String(index + 1).padStart(2, '0')}` }),
          second.agent.credentials,
        ),
      ),
    )
    const kinds = answers.map((answer) => answer.__typename)
    expect(kinds.filter((kind) => kind === 'ValidationError')).toHaveLength(5)
    expect(kinds.filter((kind) => kind === 'TooManyAttemptsError')).toHaveLength(7)
  })

  it('a draft at the agent’s own center shows what the agent typed, not what the other center stored', async () => {
    const { second, identity, bare } = await onFileElsewhere()
    const draft = await api.graphql(
      `mutation ($input: RegisterEnrollmentInput!) { registerEnrollment(input: $input) {
        __typename ... on RegisterEnrollmentPayload { personReused enrollment { person {
          fullName phone address ward { code } households(first: 5) { totalCount }
          enrollments(first: 5) { totalCount } } } } } }`,
      { input: bare() },
      second.agent.credentials,
    )
    expect(draft.data?.registerEnrollment).toEqual({
      __typename: 'RegisterEnrollmentPayload',
      personReused: true,
      enrollment: {
        person: {
          fullName: identity.fullName,
          phone: null,
          address: null,
          ward: null,
          households: { totalCount: 0 },
          enrollments: { totalCount: 1 },
        },
      },
    })
  })

  it('a cancelled draft keeps nobody readable', async () => {
    const { second, identity, bare } = await onFileElsewhere()
    const draft = await register(bare(), second.agent.credentials)
    const visible = async () => {
      const result = await api.graphql(
        `query ($c: String!, $s: String!) { person(citizenId: $c) { fullName } people(first: 5, search: $s) { totalCount } }`,
        { c: identity.citizenId, s: identity.fullName },
        second.agent.credentials,
      )
      return [result.data?.person?.fullName ?? null, result.data?.people.totalCount]
    }
    expect(await visible()).toEqual([identity.fullName, 1])
    const cancelled = await api.graphql(
      `mutation ($input: CancelEnrollmentInput!) { cancelEnrollment(input: $input) { __typename } }`,
      { input: { id: draft.enrollment.id, version: draft.enrollment.version, reason: 'Nhầm người' } },
      second.agent.credentials,
    )
    expect(cancelled.data?.cancelEnrollment.__typename).toBe('CancelEnrollmentPayload')
    expect(await visible()).toEqual([null, 0])
    const byId = await api.graphql(
      'query ($id: ID!) { node(id: $id) { id } }',
      { id: draft.enrollment.person.id },
      second.agent.credentials,
    )
    expect(byId.data?.node).toBeNull()
  })

  it('nor does a rejected enrollment', async () => {
    const setting = await campaignSetting(api)
    const person = await createPerson(api.prisma, { fullName: `Đỗ Văn Từ Chối ${Date.now()}` })
    await createEnrollment(api.prisma, {
      campaign: setting.campaign,
      center: setting.center,
      registeredBy: setting.agent.user,
      person,
      status: 'REJECTED',
    })
    const result = await api.graphql(
      'query ($id: ID!) { node(id: $id) { id } people(first: 5) { totalCount } }',
      { id: encodeGlobalID('Person', person.id) },
      setting.agent.credentials,
    )
    expect(result.data?.node).toBeNull()
    expect(result.data?.people.totalCount).toBe(0)
  })
})
