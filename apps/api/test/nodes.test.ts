// `nodes(ids:)` reads a thousand ids as it reads one: by type, each type in one statement that keeps
// the visibility of `node(id:)`, every answer in the place of its id, null where there is nothing the
// viewer may read. One read per id ran past Prisma's five-second transaction limit under load.
import { randomUUID } from 'node:crypto'
import { encodeGlobalID } from '@pothos/plugin-relay'
import { createCampaign, createCenter, createEnrollments, createUser } from '@tangtoc/db/fixtures'
import { QueryLog } from '@tangtoc/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ApiHarness, createApiHarness } from './harness.ts'

const log = new QueryLog()
let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness({ onQuery: log.record })
})
afterAll(() => api.close())

const byNodes = `query ($ids: [ID!]!) {
  nodes(ids: $ids) {
    id
    ... on Enrollment { status center { code } }
    ... on User { username }
  }
}`

/** Two sibling centers with enrollments, people and an agent each; the manager of the first. */
async function twoCenters() {
  const parent = await createCenter(api.prisma)
  const ours = await createCenter(api.prisma, { parent })
  const theirs = await createCenter(api.prisma, { parent })
  const campaign = await createCampaign(api.prisma, { centers: [ours, theirs] })
  const atCenter = async (center: typeof ours, count: number) => {
    const agent = await createUser(api.prisma, { role: 'AGENT', center })
    const enrollments = await createEnrollments(api.prisma, count, { campaign, center, registeredBy: agent })
    return { center, agent, enrollments }
  }
  return {
    campaign,
    ours: await atCenter(ours, 240),
    theirs: await atCenter(theirs, 60),
    manager: await api.userWithRole('CENTER_MANAGER', ours),
  }
}

type Setting = Awaited<ReturnType<typeof twoCenters>>

/** Global ids of every kind, the manager's and the other center's, in a shuffled order. */
function mixedIds(setting: Setting, count: number) {
  const readable: string[] = [
    encodeGlobalID('Campaign', setting.campaign.id),
    encodeGlobalID('Center', setting.ours.center.id),
    encodeGlobalID('Center', setting.theirs.center.id),
    encodeGlobalID('User', setting.ours.agent.id),
    ...setting.ours.enrollments.flatMap((enrollment) => [
      encodeGlobalID('Enrollment', enrollment.id),
      encodeGlobalID('Person', enrollment.personId),
    ]),
  ]
  const unreadable: string[] = [
    encodeGlobalID('User', setting.theirs.agent.id),
    ...setting.theirs.enrollments.flatMap((enrollment) => [
      encodeGlobalID('Enrollment', enrollment.id),
      encodeGlobalID('Person', enrollment.personId),
    ]),
  ]
  const ids = [...readable, ...unreadable]
  while (ids.length < count) ids.push(encodeGlobalID(ids.length % 2 ? 'Enrollment' : 'Person', randomUUID()))
  // A fixed interleaving rather than the order they were made in: every third from the end, then the rest.
  const shuffled = [
    ...ids.filter((_, index) => index % 3 === 0).reverse(),
    ...ids.filter((_, index) => index % 3),
  ]
  return { ids: shuffled, readable: new Set(readable) }
}

describe('reading many nodes by id', () => {
  it('answers 1,000 ids of five types in their order, with null for the missing and another center’s', async () => {
    const setting = await twoCenters()
    const { ids, readable } = mixedIds(setting, 1_000)
    expect(ids).toHaveLength(1_000)
    const result = await api.graphql(byNodes, { ids }, setting.manager.credentials)
    expect(result.errors).toBeUndefined()
    const nodes = result.data?.nodes as ({ id: string } | null)[]
    expect(nodes.map((node) => node?.id ?? null)).toEqual(ids.map((id) => (readable.has(id) ? id : null)))
    const first = setting.ours.enrollments[0]
    expect(nodes.find((node) => node?.id === encodeGlobalID('Enrollment', first?.id ?? ''))).toEqual({
      id: encodeGlobalID('Enrollment', first?.id ?? ''),
      status: first?.status,
      center: { code: setting.ours.center.code },
    })
    expect(nodes.find((node) => node?.id === encodeGlobalID('User', setting.ours.agent.id))).toEqual({
      id: encodeGlobalID('User', setting.ours.agent.id),
      username: setting.ours.agent.username,
    })
  })

  it('an id asked twice is answered twice; another center’s is null as by node(id:)', async () => {
    const setting = await twoCenters()
    const ours = encodeGlobalID('Enrollment', setting.ours.enrollments[0]?.id ?? '')
    const theirs = encodeGlobalID('Enrollment', setting.theirs.enrollments[0]?.id ?? '')
    const result = await api.graphql(byNodes, { ids: [theirs, ours, ours] }, setting.manager.credentials)
    expect(result.data?.nodes.map((node: { id: string } | null) => node?.id ?? null)).toEqual([
      null,
      ours,
      ours,
    ])
    const one = await api.graphql(
      'query ($id: ID!) { node(id: $id) { id } }',
      { id: theirs },
      setting.manager.credentials,
    )
    expect(one.data?.node).toBeNull()
  })

  it('runs as many statements for 1,000 ids as for one of each type, a few per type', async () => {
    const setting = await twoCenters()
    const { ids } = mixedIds(setting, 1_000)
    const run = async (asked: string[]) => {
      const { result, statements } = await log.during(() =>
        api.graphql(byNodes, { ids: asked }, setting.manager.credentials),
      )
      expect(result.errors).toBeUndefined()
      return statements.length
    }
    const types = ['Campaign', 'Center', 'User', 'Enrollment', 'Person']
    const onePerType = types.map((type) => ids.find((id) => atob(id).startsWith(`${type}:`)) ?? '')
    await run(onePerType) // the first request also looks the viewer up, which the instance then keeps
    const few = await run(onePerType)
    expect(await run(ids)).toBe(few)
    // One per type, and one more for the enrollments' centers.
    expect(few).toBeLessThanOrEqual(types.length + 1)
  })
})
