// Threat: a client (or a fuzzer) sends ids, cursors, page sizes, codes, text and numbers the API never
// produces, and gets "Unexpected error." with a stack logged for each: noise that hides real faults and
// an easy way to fill the logs. Each must be the client's error, naming what was wrong.
import { encodeGlobalID } from '@pothos/plugin-relay'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { campaignSetting, registerEnrollment, vsiInput } from '../../src/modules/enrollments/test-helpers.ts'
import { type ApiHarness, type Credentials, createApiHarness, type GraphQLResponse } from '../harness.ts'

let api: ApiHarness
let admin: Credentials
beforeAll(async () => {
  api = await createApiHarness()
  admin = (await api.userWithRole('ADMIN', null)).credentials
})
afterAll(() => api.close())

const notAUuid = (typename: string) => encodeGlobalID(typename, 'xyz')
const unknownType = encodeGlobalID('Nothing', '01939d6c-0000-7000-8000-000000000000')

/** Runs the operation as an admin and returns its errors' codes; nothing may be logged as unexpected. */
async function errorCodes(query: string, variables: Record<string, unknown> = {}) {
  const log = vi.spyOn(console, 'error').mockImplementation(() => {})
  const result: GraphQLResponse = await api.graphql(query, variables, admin)
  const logged = log.mock.calls.length
  log.mockRestore()
  expect(logged, JSON.stringify(result.errors)).toBe(0)
  return (result.errors ?? []).map((error) => error.extensions?.code)
}

describe('a query’s malformed argument is BAD_USER_INPUT', () => {
  it.each([
    ['node, not base64 of "Type:id"', '{ node(id: "garbage") { id } }'],
    ['node, no record id', `{ node(id: "${Buffer.from('Campaign').toString('base64')}") { id } }`],
    ['node, a record id that is not a UUID', `{ node(id: "${notAUuid('Campaign')}") { id } }`],
    ['node, a type that is no node', `{ node(id: "${unknownType}") { id } }`],
    ['nodes, one bad among them', `{ nodes(ids: ["${notAUuid('Person')}"]) { id } }`],
    ['enrollment, not an enrollment id', `{ enrollment(id: "${notAUuid('Enrollment')}") { id } }`],
    [
      'enrollments, a filter on a bad campaign',
      '{ enrollments(first: 5, filter: {campaign: "garbage"}) { totalCount } }',
    ],
    [
      'enrollments, a campaign id of another type',
      `{ enrollments(first: 5, filter: {campaign: "${encodeGlobalID('Center', '01939d6c-0000-7000-8000-000000000000')}"}) { totalCount } }`,
    ],
    [
      'outreach sessions, a bad campaign',
      '{ outreachSessions(first: 5, filter: {campaign: "garbage"}) { totalCount } }',
    ],
    ['centers, a bad parent', '{ centers(first: 5, filter: {parent: "garbage"}) { totalCount } }'],
    ['users, a bad center', '{ users(first: 5, filter: {center: "garbage"}) { totalCount } }'],
    ['audit events, a bad actor', '{ auditEvents(first: 5, filter: {actor: "garbage"}) { totalCount } }'],
    ['progress, a bad campaign', '{ campaignProgress(campaign: "garbage") { enrolled } }'],
    ['a cursor the API never gave', '{ centers(first: 5, after: "garbage") { totalCount } }'],
    ['a cursor on the enrollment list', '{ enrollments(first: 5, after: "garbage") { totalCount } }'],
    ['a negative first', '{ centers(first: -1) { totalCount } }'],
    ['a negative last', '{ centers(last: -3) { totalCount } }'],
    ['text holding NUL', '{ center(code: "a\\u0000b") { id } }'],
  ])('%s', async (_threat, query) => {
    expect(await errorCodes(query)).toEqual(['BAD_USER_INPUT'])
  })

  it('a bad id names the argument in the error', async () => {
    const result = await api.graphql(
      '{ enrollments(first: 5, filter: {campaign: "garbage"}) { totalCount } }',
      {},
      admin,
    )
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ path: ['filter', 'campaign'], code: 'GLOBAL_ID_INVALID' }],
    })
  })

  it('text holding NUL is refused every time it is sent, not only the first', async () => {
    const query = '{ center(code: "x\\u0000y") { id } }'
    expect(await errorCodes(query)).toEqual(['BAD_USER_INPUT'])
    expect(await errorCodes(query)).toEqual(['BAD_USER_INPUT'])
  })

  it('NUL in a variable, a search or an export is refused too', async () => {
    expect(
      await errorCodes('query ($s: String) { people(first: 5, search: $s) { totalCount } }', {
        s: 'an\u0000',
      }),
    ).toEqual(['BAD_USER_INPUT'])
    const response = await api.yoga.fetch(
      `http://tangtoc.test/exports/enrollments.csv?search=${encodeURIComponent('a\u0000')}`,
      { headers: { cookie: (admin as { cookie: string }).cookie } },
    )
    expect(response.status).toBe(400)
  })

  it('a page size above the largest page is cut to it, and a huge one in a variable is no error', async () => {
    expect(
      await errorCodes('query ($n: Int) { centers(first: $n) { edges { cursor } } }', { n: 2_000_000_000 }),
    ).toEqual([])
  })

  it('an over-long ward code finds nothing', async () => {
    expect(
      await errorCodes('query ($w: String) { households(first: 5, wardCode: $w) { totalCount } }', {
        w: '1'.repeat(5_000),
      }),
    ).toEqual([])
  })
})

describe('a mutation’s malformed input is a ValidationError naming the field', () => {
  async function register(overrides: Record<string, unknown>, person?: Record<string, unknown>) {
    const setting = await campaignSetting(api)
    const input = vsiInput(setting, overrides)
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    const result = await api.graphql(
      registerEnrollment,
      { input: person ? { ...input, person: { ...input.person, ...person } } : input },
      setting.agent.credentials,
    )
    const logged = log.mock.calls.length
    log.mockRestore()
    expect(logged, JSON.stringify(result)).toBe(0)
    return result.data?.registerEnrollment
  }

  it.each([
    [
      'a campaign that is not a global id',
      { campaign: 'garbage' },
      ['input', 'campaign'],
      'GLOBAL_ID_INVALID',
    ],
    [
      'a campaign id that is not a UUID',
      { campaign: notAUuid('Campaign') },
      ['input', 'campaign'],
      'GLOBAL_ID_INVALID',
    ],
    [
      'a session id of another type',
      { session: notAUuid('Center') },
      ['input', 'session'],
      'GLOBAL_ID_INVALID',
    ],
    ['two billion months', { months: 2_000_000_000 }, ['input', 'months'], 'VSI_PAYMENT_AHEAD_BEYOND_LIMIT'],
  ])('registration: %s', async (_threat, overrides, path, code) => {
    expect(await register(overrides)).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [expect.objectContaining({ path, code })],
    })
  })

  it('registration: an over-long ward code is an unknown ward', async () => {
    expect(await register({}, { wardCode: '7'.repeat(5_000) })).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [expect.objectContaining({ path: ['input', 'person', 'wardCode'], code: 'WARD_UNKNOWN' })],
    })
  })

  it('a center to change that is not a global id', async () => {
    const result = await api.graphql(
      `mutation ($input: UpdateCenterInput!) { updateCenter(input: $input) {
        __typename ... on ValidationError { fieldErrors { path code } } } }`,
      { input: { center: 'garbage', version: 1, name: 'Bưu điện' } },
      admin,
    )
    expect(result.data?.updateCenter).toEqual({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['input', 'center'], code: 'GLOBAL_ID_INVALID' }],
    })
  })

  it('NUL in a mutation’s text is refused before anything is written', async () => {
    const code = `NUL-${Date.now()}`
    expect(
      await errorCodes('mutation ($i: CreateCenterInput!) { createCenter(input: $i) { __typename } }', {
        i: { code, name: 'Bưu điện\u0000', kind: 'POST_OFFICE', organization: 'VIETNAM_POST' },
      }),
    ).toEqual(['BAD_USER_INPUT'])
    expect(await api.prisma.center.count({ where: { code } })).toBe(0)
  })
})
