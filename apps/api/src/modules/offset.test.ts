// Every list the console pages through opens at any page: the rows an offset passes over are the
// ones before it in the list's own order.
import { randomUUID } from 'node:crypto'
import { createCampaign, createCenter, createOutreachSession, createUser } from '@tangtoc/db/fixtures'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ApiHarness, createApiHarness } from '../../test/harness.ts'

let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness()
})
afterAll(() => api.close())

const lists = ['users', 'apiTokens', 'auditEvents', 'outreachSessions'] as const

describe('opening a list at a page', () => {
  it.each(lists)('%s: an offset passes over the rows before the page', async (list) => {
    const admin = await api.userWithRole('ADMIN')
    const center = await createCenter(api.prisma)
    const campaign = await createCampaign(api.prisma, { centers: [center] })
    for (let index = 0; index < 4; index += 1) {
      await createUser(api.prisma, { role: 'AGENT', center })
      await api.prisma.apiToken.create({
        data: {
          name: `token ${index}`,
          prefix: 'ttk_test',
          tokenHash: randomUUID(),
          scope: 'READ',
          userId: admin.user.id,
          expiresAt: new Date(Date.now() + 86_400_000),
        },
      })
      await api.prisma.auditEvent.create({
        data: { action: 'test.page', entityType: 'User', entityId: admin.user.id },
      })
      await createOutreachSession(api.prisma, { campaign, center })
    }
    const ids = async (variables: Record<string, unknown>) => {
      const result = await api.graphql<Record<string, { edges: { node: { id: string } }[] }>>(
        `query ($first: Int, $offset: Int) { ${list}(first: $first, offset: $offset) { edges { node { id } } } }`,
        variables,
        admin.credentials,
      )
      expect(result.errors).toBeUndefined()
      return (result.data?.[list]?.edges ?? []).map((edge) => edge.node.id)
    }
    const all = await ids({ first: 100 })
    expect(all.length).toBeGreaterThanOrEqual(4)
    expect(await ids({ first: 2, offset: 1 })).toEqual(all.slice(1, 3))
    expect(await ids({ first: 2, offset: all.length - 1 })).toEqual(all.slice(-1))
  })
})
