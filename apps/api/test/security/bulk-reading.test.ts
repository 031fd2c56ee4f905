// Reading personal data in bulk is accountable: every CSV export and every unmasked citizen ID read on a
// person's own page is in the audit log (who, what filter, how many rows), and admins read it there.
import { encodeGlobalID } from '@pothos/plugin-relay'
import { createCampaign, createCenter, createRolledUpEnrollment, createUser } from '@tangtoc/db/fixtures'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { downloadCsv } from '../csv.ts'
import { type ApiHarness, createApiHarness } from '../harness.ts'

let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness()
})
afterAll(() => api.close())

const auditEvents = `query ($filter: AuditEventFilter) {
  auditEvents(first: 50, filter: $filter) {
    totalCount
    edges { node { action entityType entityId after actor { username } } }
  }
}`

/** A campaign with three enrollments at one center. */
async function campaignOfThree() {
  const center = await createCenter(api.prisma)
  const campaign = await createCampaign(api.prisma, { centers: [center] })
  const agent = await createUser(api.prisma, { role: 'AGENT', center })
  const enrollments = []
  for (const status of ['PAID', 'PAID', 'SUBMITTED'] as const)
    enrollments.push(
      await createRolledUpEnrollment(api.prisma, { campaign, center, registeredBy: agent, status }),
    )
  return { center, campaign, enrollments }
}

describe('reading personal data in bulk', () => {
  it('every export is recorded with who, the filter and the rows; admins find it by action', async () => {
    const { center, campaign } = await campaignOfThree()
    const manager = await api.userWithRole('CENTER_MANAGER', center)
    const { response } = await downloadCsv(
      api,
      `/exports/enrollments.csv?campaign=${campaign.code}&status=PAID`,
      manager.credentials,
    )
    expect(response.status).toBe(200)
    await downloadCsv(api, `/exports/progress.csv?campaign=${campaign.code}`, manager.credentials)

    const admin = await api.userWithRole('ADMIN', null)
    const result = await api.graphql(
      auditEvents,
      { filter: { action: 'export.download', actor: encodeGlobalID('User', manager.user?.id ?? '') } },
      admin.credentials,
    )
    expect(result.data?.auditEvents.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      {
        action: 'export.download',
        entityType: 'Export',
        entityId: 'progress.csv',
        after: expect.objectContaining({ filter: { campaign: campaign.code } }),
        actor: { username: manager.user?.username },
      },
      {
        action: 'export.download',
        entityType: 'Export',
        entityId: 'enrollments.csv',
        after: { filter: { campaign: campaign.code, status: 'PAID' }, rows: 2, masked: false },
        actor: { username: manager.user?.username },
      },
    ])
  })

  it('a person’s citizen ID read unmasked on their own is recorded, once per request', async () => {
    const { center, enrollments } = await campaignOfThree()
    const [first] = enrollments
    if (!first) throw new Error('no enrollment')
    const agent = await api.userWithRole('AGENT', center)
    const read = await api.graphql(
      `query ($citizenId: String!, $id: ID!) {
        person(citizenId: $citizenId) { citizenId }
        node(id: $id) { ... on Person { again: citizenId } }
      }`,
      { citizenId: first.person.citizenId, id: encodeGlobalID('Person', first.person.id) },
      agent.credentials,
    )
    expect(read.data?.person.citizenId).toBe(first.person.citizenId)
    const views = await api.prisma.auditEvent.findMany({
      where: { action: 'person.view', actorId: agent.user?.id },
    })
    expect(views.map(({ entityType, entityId, after }) => ({ entityType, entityId, after }))).toEqual([
      { entityType: 'Person', entityId: first.person.id, after: { via: 'person' } },
    ])

    await api.graphql(
      'query ($id: ID!) { enrollment(id: $id) { person { citizenId } } }',
      { id: encodeGlobalID('Enrollment', first.id) },
      agent.credentials,
    )
    expect(
      await api.prisma.auditEvent.count({ where: { action: 'person.view', actorId: agent.user?.id } }),
    ).toBe(2)
  })

  it('an alias changes neither whether a read is recorded nor the query field it names', async () => {
    const { center, enrollments } = await campaignOfThree()
    const [first, second] = enrollments
    if (!first || !second) throw new Error('no enrollments')
    const agent = await api.userWithRole('AGENT', center)
    const read = await api.graphql(
      `query ($enrollment: ID!, $ids: [ID!]!) {
        page: enrollment(id: $enrollment) { person { citizenId } }
        ...Several
      }
      fragment Several on Query { batch: nodes(ids: $ids) { ... on Person { citizenId } } }`,
      {
        enrollment: encodeGlobalID('Enrollment', first.id),
        ids: [encodeGlobalID('Person', second.person.id)],
      },
      agent.credentials,
    )
    expect(read.errors).toBeUndefined()
    const views = await api.prisma.auditEvent.findMany({
      where: { action: 'person.view', actorId: agent.user?.id },
      orderBy: { entityId: 'asc' },
    })
    expect(views.map(({ entityId, after }) => ({ entityId, after }))).toEqual(
      [
        { entityId: first.person.id, after: { via: 'enrollment' } },
        { entityId: second.person.id, after: { via: 'nodes' } },
      ].sort((a, b) => a.entityId.localeCompare(b.entityId)),
    )
  })

  it('a viewer’s masked reads and the rows of a list are not person views', async () => {
    const { center, campaign, enrollments } = await campaignOfThree()
    const [first] = enrollments
    const viewer = await api.userWithRole('VIEWER', center)
    await api.graphql(
      'query ($citizenId: String!) { person(citizenId: $citizenId) { citizenId } }',
      { citizenId: first?.person.citizenId },
      viewer.credentials,
    )
    const agent = await api.userWithRole('AGENT', center)
    const list = await api.graphql(
      'query ($campaign: ID) { enrollments(first: 10, filter: { campaign: $campaign }) { edges { node { person { citizenId } } } } }',
      { campaign: encodeGlobalID('Campaign', campaign.id) },
      agent.credentials,
    )
    expect(list.data?.enrollments.edges).toHaveLength(3)
    const views = await api.prisma.auditEvent.count({
      where: { action: 'person.view', actorId: { in: [viewer.user?.id ?? '', agent.user?.id ?? ''] } },
    })
    expect(views).toBe(0)
  })
})
