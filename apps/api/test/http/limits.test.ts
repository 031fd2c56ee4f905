import { createCampaign, createCenter, createUser } from '@tangtoc/db/fixtures'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { operationLimits } from '../../src/server.ts'
import { type ApiHarness, createApiHarness } from '../harness.ts'

let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness()
})
afterAll(() => api.close())

async function admin() {
  return api.signIn(await createUser(api.prisma, { role: 'ADMIN' }))
}

/** `centers(first: 100)` then `parent` n times: a page of 100 rows n + 5 levels deep. */
const deepCenters = (parents: number) =>
  `{ centers(first: 100) { edges { node { ${'parent { '.repeat(parents)}ward { name }${' }'.repeat(parents)} } } } }`

describe('operation limits', () => {
  it('the console’s campaign page passes: campaign → targets → edges → node → center → ward, 100 targets and 100 centers', async () => {
    const center = await createCenter(api.prisma)
    const campaign = await createCampaign(api.prisma, { centers: [center] })
    const result = await api.graphql(
      `query ($code: String!) {
        campaign(code: $code) {
          id code name status
          targets(first: 100) { edges { node { id product dueDate count center { id name ward { code name } } } } pageInfo { hasNextPage endCursor } }
          centers(first: 100) { edges { role node { id code name kind parent { id name } } } }
        }
      }`,
      { code: campaign.code },
      await admin(),
    )
    expect(result.errors).toBeUndefined()
    expect(result.data?.campaign.centers.edges).toHaveLength(1)
  })

  it('a page of 100 rows twelve levels deep passes (as deep as enrollments → … → members → person)', async () => {
    const result = await api.graphql(deepCenters(8), {}, await admin())
    expect(result.errors).toBeUndefined()
  })

  it(`a query deeper than ${operationLimits.maxDepth} levels is refused before it runs`, async () => {
    const result = await api.graphql(deepCenters(11), {}, await admin())
    expect(result.status).toBe(400)
    expect(result.errors?.[0]?.message).toMatch(/depth limit of 15 exceeded, found 16/)
  })

  it(`more than ${operationLimits.maxAliases} aliases are refused`, async () => {
    const aliases = Array.from(
      { length: operationLimits.maxAliases + 1 },
      (_, index) => `a${index}: me { id }`,
    ).join(' ')
    const result = await api.graphql(`{ ${aliases} }`, {}, await admin())
    expect(result.status).toBe(400)
    expect(result.errors?.[0]?.message).toMatch(/Aliases limit of 20 exceeded/)
  })

  it('a query that could return 100 campaigns of 100 targets each is too costly', async () => {
    const result = await api.graphql(
      '{ campaigns(first: 100) { edges { node { targets(first: 100) { edges { node { id } } } } } } }',
      {},
      await admin(),
    )
    expect(result.status).toBe(400)
    expect(result.errors?.[0]?.message).toMatch(/Cost limit of 100000 exceeded/)
  })

  it(`a document of more than ${operationLimits.maxTokens} tokens is refused`, async () => {
    const result = await api.graphql(
      `{ ${'__typename '.repeat(operationLimits.maxTokens)} }`,
      {},
      await admin(),
    )
    expect(result.status).toBe(400)
    expect(result.errors?.[0]?.message).toMatch(/Token limit of 2000 exceeded/)
  })

  it('a request body over the limit is refused with 413 before it is read, in Vietnamese and English', async () => {
    // The padding rides in `extensions`, which the operation ignores.
    const query = '{ __typename }'
    const response = await api.fetchGraphQL(
      { query, extensions: { note: 'x'.repeat(operationLimits.maxBodyBytes) } },
      await admin(),
    )
    expect(response.status).toBe(413)
    const body = (await response.json()) as {
      errors: { message: string; extensions: Record<string, string> }[]
    }
    expect(body.errors[0]?.message).toBe('Request body too large: at most 1 MB.')
    expect(body.errors[0]?.extensions).toMatchObject({
      code: 'REQUEST_ENTITY_TOO_LARGE',
      messageVi: 'Yêu cầu quá lớn: tối đa 1 MB.',
    })

    const fits = await api.fetchGraphQL(
      { query, extensions: { note: 'x'.repeat(operationLimits.maxBodyBytes - 100) } },
      await admin(),
    )
    expect(fits.status).toBe(200)
  })

  it('a chunked request body without a Content-Length is refused with 411', async () => {
    const body = new TextEncoder().encode(JSON.stringify({ query: '{ __typename }' }))
    const response = await api.yoga.fetch('http://tangtoc.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(body)
          controller.close()
        },
      }),
      duplex: 'half',
    } as RequestInit)
    expect(response.status).toBe(411)
  })
})
