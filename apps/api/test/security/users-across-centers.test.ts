// Threat: any signed-in user reads any user — username, role, center, whether active — by asking
// `node(id:)` or `nodes(ids:)` with ids from anywhere (an audit export, a colleague's screen, a
// guess at the UUID's time-ordered prefix). A user is readable where their center is.
import { encodeGlobalID } from '@pothos/plugin-relay'
import { createCampaign, createCenter, createEnrollment, createUser } from '@tangtoc/db/fixtures'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ApiHarness, createApiHarness } from '../harness.ts'

let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness()
})
afterAll(() => api.close())

const byNode = 'query ($id: ID!) { node(id: $id) { ... on User { username role } } }'
const byNodes = 'query ($ids: [ID!]!) { nodes(ids: $ids) { ... on User { username } } }'

/** Two sibling centers under a parent, each with an agent, and the parent's manager and viewer. */
async function twoCenters() {
  const parent = await createCenter(api.prisma)
  const ours = await createCenter(api.prisma, { parent })
  const theirs = await createCenter(api.prisma, { parent })
  const elsewhere = await createCenter(api.prisma)
  return {
    ours,
    theirs,
    agent: await api.userWithRole('AGENT', ours),
    colleague: await createUser(api.prisma, { role: 'AGENT', center: ours }),
    stranger: await createUser(api.prisma, { role: 'AGENT', center: theirs }),
    farAway: await createUser(api.prisma, { role: 'CENTER_MANAGER', center: elsewhere }),
    centerless: await createUser(api.prisma, { role: 'ADMIN', center: null }),
    manager: await api.userWithRole('CENTER_MANAGER', parent),
    managerOfOurs: await api.userWithRole('CENTER_MANAGER', ours),
    viewerOfOurs: await api.userWithRole('VIEWER', ours),
  }
}

const userId = (user: { id: string }) => encodeGlobalID('User', user.id)

describe('who reads a user by id', () => {
  it('an agent reads itself and its own center’s users, not another center’s, nor an admin', async () => {
    const setting = await twoCenters()
    const read = async (user: { id: string }) =>
      (await api.graphql(byNode, { id: userId(user) }, setting.agent.credentials)).data?.node
    expect(await read(setting.agent.user)).toMatchObject({ username: setting.agent.user.username })
    expect(await read(setting.colleague)).toMatchObject({ username: setting.colleague.username })
    expect(await read(setting.stranger)).toBeNull()
    expect(await read(setting.farAway)).toBeNull()
    expect(await read(setting.centerless)).toBeNull()
  })

  it('a center manager reads the users of its subtree only', async () => {
    const setting = await twoCenters()
    const ids = [setting.colleague, setting.stranger, setting.farAway, setting.centerless].map(userId)
    const asParent = await api.graphql(byNodes, { ids }, setting.manager.credentials)
    expect(asParent.data?.nodes).toEqual([
      { username: setting.colleague.username },
      { username: setting.stranger.username },
      null,
      null,
    ])
    const asOurs = await api.graphql(byNodes, { ids }, setting.managerOfOurs.credentials)
    expect(asOurs.data?.nodes).toEqual([{ username: setting.colleague.username }, null, null, null])
  })

  it('a viewer of one center does not read the users of its sibling', async () => {
    const setting = await twoCenters()
    const result = await api.graphql(
      byNode,
      { id: userId(setting.stranger) },
      setting.viewerOfOurs.credentials,
    )
    expect(result.data?.node).toBeNull()
  })

  it('an admin reads every user', async () => {
    const setting = await twoCenters()
    const admin = await api.userWithRole('ADMIN', null)
    const result = await api.graphql(
      byNodes,
      { ids: [setting.stranger, setting.farAway, setting.centerless].map(userId) },
      admin.credentials,
    )
    expect(result.data?.nodes.every((node: unknown) => node !== null)).toBe(true)
  })

  it('who registered an enrollment at your center still shows with the enrollment', async () => {
    const setting = await twoCenters()
    const campaign = await createCampaign(api.prisma, { centers: [setting.ours] })
    // Registered for our center by the parent's manager, a user of a center we may not read.
    const enrollment = await createEnrollment(api.prisma, {
      campaign,
      center: setting.ours,
      registeredBy: setting.manager.user,
    })
    const result = await api.graphql(
      'query ($id: ID!) { enrollment(id: $id) { registeredBy { username } } }',
      { id: encodeGlobalID('Enrollment', enrollment.id) },
      setting.agent.credentials,
    )
    expect(result.data?.enrollment.registeredBy).toEqual({ username: setting.manager.user.username })
  })
})
