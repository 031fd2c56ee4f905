import { encodeGlobalID } from '@pothos/plugin-relay'
import type { Campaign, Center, OutreachSession } from '@tangtoc/db'
import { createCampaign, createOutreachSession, createUser } from '@tangtoc/db/fixtures'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ApiHarness, type Credentials, createApiHarness } from '../../../test/harness.ts'
import { type Actor, actors, createTree, credentialsFor } from '../centers/test-actors.ts'

let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness()
})
afterAll(() => api.close())

const gid = (typename: string, row: { id: string }) => encodeGlobalID(typename, row.id)

const outcome = `
  __typename
  ... on UserError { code message }
  ... on ValidationError { fieldErrors { path code } }
  ... on StaleObjectError { currentVersion }`
const sessionFields =
  'outreachSession { id title status attendance notes cancelReason version startsAt center { code } createdBy { username } staff(first: 10) { totalCount } enrollmentCount }'

const mutations = {
  createOutreachSession: `mutation ($input: CreateOutreachSessionInput!) { createOutreachSession(input: $input) { ${outcome} ... on CreateOutreachSessionPayload { ${sessionFields} } } }`,
  updateOutreachSession: `mutation ($input: UpdateOutreachSessionInput!) { updateOutreachSession(input: $input) { ${outcome} ... on UpdateOutreachSessionPayload { ${sessionFields} } } }`,
  cancelOutreachSession: `mutation ($input: CancelOutreachSessionInput!) { cancelOutreachSession(input: $input) { ${outcome} ... on CancelOutreachSessionPayload { ${sessionFields} } } }`,
  completeOutreachSession: `mutation ($input: CompleteOutreachSessionInput!) { completeOutreachSession(input: $input) { ${outcome} ... on CompleteOutreachSessionPayload { ${sessionFields} } } }`,
}
type MutationName = keyof typeof mutations

async function run(name: MutationName, input: Record<string, unknown>, credentials: Credentials) {
  const response = await api.graphql(mutations[name], { input }, credentials)
  expect(response.errors).toBeUndefined()
  return response.data?.[name]
}

/** The tree, a campaign every center of it takes part in, and where each actor works. */
async function scenario() {
  const tree = await createTree(api)
  const campaign = await createCampaign(api.prisma, {
    organizers: [tree.root],
    centers: [tree.branch, tree.leaf, tree.otherBranch, tree.otherLeaf],
  })
  // A center manager and a viewer at the branch; an agent at the leaf below it.
  const at = (actor: Actor) => (actor === 'AGENT' ? tree.leaf : tree.branch)
  return { ...tree, campaign, at }
}

function planInput(campaign: Campaign, center: Center, overrides: Record<string, unknown> = {}) {
  return {
    campaign: gid('Campaign', campaign),
    center: gid('Center', center),
    title: 'Tư vấn BHXH tự nguyện tại chợ Bến Thành',
    kind: 'MARKET_STALL',
    venueKind: 'MARKET',
    wardCode: '25747',
    startsAt: '2025-11-10T07:00:00+07:00',
    endsAt: '2025-11-10T11:00:00+07:00',
    audiences: ['SMALL_TRADER', 'FREELANCER'],
    ...overrides,
  }
}

const allowed = (name: MutationName) => `${name[0]?.toUpperCase()}${name.slice(1)}Payload`

describe('who may plan and record outreach sessions', () => {
  // At the agent's own center (the leaf), which is inside the manager's subtree.
  const atOwnCenter: Record<Actor, boolean> = {
    ADMIN: true,
    CENTER_MANAGER: true,
    AGENT: true,
    VIEWER: false,
    READ_TOKEN: false,
    ANONYMOUS: false,
  }

  it.each(actors)(
    'a %s plans a session at the agent’s own center only if it may write there',
    async (actor) => {
      const { campaign, leaf, at } = await scenario()
      const credentials = await credentialsFor(api, actor, at(actor))
      const payload = await run('createOutreachSession', planInput(campaign, leaf), credentials)
      expect(payload.__typename).toBe(
        atOwnCenter[actor] ? allowed('createOutreachSession') : 'ForbiddenError',
      )
      expect(await api.prisma.outreachSession.count({ where: { campaignId: campaign.id } })).toBe(
        atOwnCenter[actor] ? 1 : 0,
      )
      expect(
        await api.prisma.auditEvent.count({
          where: {
            entityType: 'OutreachSession',
            action: 'outreachSession.create',
            after: { path: ['campaignId'], equals: campaign.id },
          },
        }),
      ).toBe(atOwnCenter[actor] ? 1 : 0)
    },
  )

  it.each(actors)(
    'a %s plans a session at a center outside its subtree only if it is an admin',
    async (actor) => {
      const { campaign, otherLeaf, at } = await scenario()
      const credentials = await credentialsFor(api, actor, at(actor))
      const payload = await run('createOutreachSession', planInput(campaign, otherLeaf), credentials)
      expect(payload.__typename).toBe(actor === 'ADMIN' ? allowed('createOutreachSession') : 'ForbiddenError')
    },
  )

  it('an agent cannot plan a session for another center, not even the one above its own', async () => {
    const { campaign, branch, leaf } = await scenario()
    const credentials = await credentialsFor(api, 'AGENT', leaf)
    const payload = await run('createOutreachSession', planInput(campaign, branch), credentials)
    expect(payload.__typename).toBe('ForbiddenError')
  })

  const changes: [MutationName, (session: OutreachSession) => Record<string, unknown>][] = [
    [
      'updateOutreachSession',
      (session) => ({ session: gid('OutreachSession', session), version: session.version, title: 'Đổi tên' }),
    ],
    [
      'cancelOutreachSession',
      (session) => ({
        session: gid('OutreachSession', session),
        version: session.version,
        reason: 'Mưa lớn',
      }),
    ],
    [
      'completeOutreachSession',
      (session) => ({ session: gid('OutreachSession', session), version: session.version, attendance: 40 }),
    ],
  ]
  const table = changes.flatMap(([name, input]) => actors.map((actor) => [name, actor, input] as const))

  it.each(table)('%s as %s at the agent’s own center', async (name, actor, input) => {
    const { campaign, leaf, at } = await scenario()
    const session = await createOutreachSession(api.prisma, { campaign, center: leaf })
    const credentials = await credentialsFor(api, actor, at(actor))
    const payload = await run(name, input(session), credentials)
    expect(payload.__typename).toBe(atOwnCenter[actor] ? allowed(name) : 'ForbiddenError')
    const stored = await api.prisma.outreachSession.findUniqueOrThrow({ where: { id: session.id } })
    expect(stored.version).toBe(atOwnCenter[actor] ? 2 : 1)
    expect(await api.prisma.auditEvent.count({ where: { entityId: session.id } })).toBe(
      atOwnCenter[actor] ? 1 : 0,
    )
  })

  it.each(table)('%s as %s at a center outside its subtree', async (name, actor, input) => {
    const { campaign, otherLeaf, at } = await scenario()
    const session = await createOutreachSession(api.prisma, { campaign, center: otherLeaf })
    const credentials = await credentialsFor(api, actor, at(actor))
    const payload = await run(name, input(session), credentials)
    const expected: Record<Actor, string> = {
      ADMIN: allowed(name),
      CENTER_MANAGER: 'NotFoundError',
      AGENT: 'NotFoundError',
      // A viewer without write rights is refused before the session is looked up.
      VIEWER: 'ForbiddenError',
      READ_TOKEN: 'ForbiddenError',
      ANONYMOUS: 'ForbiddenError',
    }
    expect(payload.__typename).toBe(expected[actor])
  })
})

describe('reading outreach sessions', () => {
  const listQuery = `query ($filter: OutreachSessionFilter, $orderBy: OutreachSessionOrder) {
    outreachSessions(filter: $filter, orderBy: $orderBy, first: 50) { totalCount edges { node { id title center { code } } } }
  }`
  type SessionList = { outreachSessions: { edges: { node: { title: string } }[] } }
  const titles = (response: { data?: SessionList | Record<string, unknown> | null }) =>
    (response.data as SessionList | undefined)?.outreachSessions.edges.map((edge) => edge.node.title)

  it.each([
    ['ADMIN', ['branch', 'leaf', 'other leaf']],
    ['CENTER_MANAGER', ['branch', 'leaf']],
    ['AGENT', ['leaf']],
    ['VIEWER', ['branch', 'leaf']],
    ['READ_TOKEN', ['branch', 'leaf', 'other leaf']],
  ] as const)('a %s sees the sessions of the centers it may read', async (actor, visible) => {
    const { campaign, branch, leaf, otherLeaf, at } = await scenario()
    await createOutreachSession(api.prisma, {
      campaign,
      center: branch,
      title: 'branch',
      startsAt: '2025-11-05T08:00:00+07:00',
    })
    await createOutreachSession(api.prisma, {
      campaign,
      center: leaf,
      title: 'leaf',
      startsAt: '2025-11-06T08:00:00+07:00',
    })
    await createOutreachSession(api.prisma, {
      campaign,
      center: otherLeaf,
      title: 'other leaf',
      startsAt: '2025-11-07T08:00:00+07:00',
    })
    const credentials = await credentialsFor(api, actor, at(actor))
    const response = await api.graphql(
      listQuery,
      { filter: { campaign: gid('Campaign', campaign) } },
      credentials,
    )
    expect(response.errors).toBeUndefined()
    expect(titles(response)).toEqual(visible)
    expect(response.data?.outreachSessions.totalCount).toBe(visible.length)

    const viaCampaign = await api.graphql(
      'query ($code: String!) { campaign(code: $code) { sessions(first: 10) { totalCount edges { node { title } } } } }',
      { code: campaign.code },
      credentials,
    )
    expect(viaCampaign.data?.campaign.sessions.totalCount).toBe(visible.length)
  })

  it('an anonymous request sees no session', async () => {
    const response = await api.graphql(listQuery, {})
    expect(response.data).toBeNull()
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
  })

  it('an agent cannot read another center’s session through node(id)', async () => {
    const { campaign, leaf, otherLeaf } = await scenario()
    const session = await createOutreachSession(api.prisma, { campaign, center: otherLeaf })
    const own = await createOutreachSession(api.prisma, { campaign, center: leaf })
    const credentials = await credentialsFor(api, 'AGENT', leaf)
    const query = 'query ($id: ID!) { node(id: $id) { ... on OutreachSession { title } } }'
    const other = await api.graphql(query, { id: gid('OutreachSession', session) }, credentials)
    expect(other.data?.node ?? null).toBeNull()
    const mine = await api.graphql(query, { id: gid('OutreachSession', own) }, credentials)
    expect(mine.data?.node).toEqual({ title: own.title })
  })

  it('filters by center subtree, period, kind, status, audience and ward, in either order', async () => {
    const { credentials } = await api.userWithRole('ADMIN', null)
    const { campaign, branch, leaf, otherLeaf } = await scenario()
    await createOutreachSession(api.prisma, {
      campaign,
      center: branch,
      title: 'A',
      startsAt: '2025-11-05T08:00:00+07:00',
      kind: 'CONFERENCE',
      audiences: ['RETIREE'],
    })
    await createOutreachSession(api.prisma, {
      campaign,
      center: leaf,
      title: 'B',
      startsAt: '2025-11-20T08:00:00+07:00',
      status: 'DONE',
      wardCode: '25747',
    })
    await createOutreachSession(api.prisma, {
      campaign,
      center: otherLeaf,
      title: 'C',
      startsAt: '2025-12-01T08:00:00+07:00',
      audiences: ['FARMER'],
    })
    const list = async (filter: Record<string, unknown>, orderBy?: string) =>
      titles(
        await api.graphql(
          listQuery,
          { filter: { campaign: gid('Campaign', campaign), ...filter }, orderBy },
          credentials,
        ),
      )
    expect(await list({})).toEqual(['A', 'B', 'C'])
    expect(await list({}, 'STARTS_AT_DESC')).toEqual(['C', 'B', 'A'])
    expect(await list({ center: gid('Center', branch) })).toEqual(['A', 'B'])
    expect(await list({ center: gid('Center', branch), includeSubcenters: false })).toEqual(['A'])
    expect(
      await list({ startsFrom: '2025-11-06T00:00:00+07:00', startsTo: '2025-12-01T08:00:00+07:00' }),
    ).toEqual(['B'])
    expect(await list({ kind: ['CONFERENCE'] })).toEqual(['A'])
    expect(await list({ status: ['DONE'] })).toEqual(['B'])
    expect(await list({ audience: 'FARMER' })).toEqual(['C'])
    expect(await list({ wardCode: '25747' })).toEqual(['B'])
  })
})

describe('planning a session', () => {
  it('stores what was planned, with its staff and who planned it', async () => {
    const { campaign, leaf } = await scenario()
    const { user, credentials } = await api.userWithRole('AGENT', leaf)
    const colleague = await createUser(api.prisma, { role: 'AGENT', center: leaf })
    const payload = await run(
      'createOutreachSession',
      planInput(campaign, leaf, { staff: [gid('User', user), gid('User', colleague)] }),
      credentials,
    )
    expect(payload).toMatchObject({
      __typename: 'CreateOutreachSessionPayload',
      outreachSession: {
        status: 'PLANNED',
        version: 1,
        center: { code: leaf.code },
        createdBy: { username: user.username },
        staff: { totalCount: 2 },
        enrollmentCount: 0,
      },
    })
    const audit = await api.prisma.auditEvent.findFirstOrThrow({ where: { actorId: user.id } })
    expect(audit).toMatchObject({ action: 'outreachSession.create', entityType: 'OutreachSession' })
  })

  it('the days are the campaign’s, in its time zone: 00:30 in Hồ Chí Minh City on the first day is inside', async () => {
    const { campaign, leaf } = await scenario()
    const { credentials } = await api.userWithRole('AGENT', leaf)
    const inside = await run(
      'createOutreachSession',
      planInput(campaign, leaf, { startsAt: '2025-11-03T17:30:00Z', endsAt: '2025-11-03T19:00:00Z' }),
      credentials,
    )
    expect(inside.__typename).toBe('CreateOutreachSessionPayload')
    const before = await run(
      'createOutreachSession',
      planInput(campaign, leaf, {
        startsAt: '2025-11-03T23:30:00+07:00',
        endsAt: '2025-11-04T01:00:00+07:00',
      }),
      credentials,
    )
    expect(before).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['input', 'startsAt'], code: 'SESSION_OUTSIDE_CAMPAIGN' }],
    })
    const after = await run(
      'createOutreachSession',
      planInput(campaign, leaf, {
        startsAt: '2026-01-02T22:00:00+07:00',
        endsAt: '2026-01-03T00:30:00+07:00',
      }),
      credentials,
    )
    expect(after).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['input', 'endsAt'], code: 'SESSION_OUTSIDE_CAMPAIGN' }],
    })
  })

  it('every invalid field is named, and nothing is stored or audited', async () => {
    const { campaign, leaf } = await scenario()
    const { user, credentials } = await api.userWithRole('ADMIN', null)
    const stranger = await createUser(api.prisma, { role: 'AGENT', center: leaf, active: false })
    const payload = await run(
      'createOutreachSession',
      planInput(campaign, leaf, {
        title: '  ',
        startsAt: '2025-11-10T11:00:00+07:00',
        endsAt: '2025-11-10T10:00:00+07:00',
        wardCode: '00000',
        staff: [gid('User', stranger)],
      }),
      credentials,
    )
    expect(payload.fieldErrors).toEqual([
      { path: ['input', 'title'], code: 'TITLE_REQUIRED' },
      { path: ['input', 'endsAt'], code: 'SESSION_ENDS_BEFORE_START' },
      { path: ['input', 'wardCode'], code: 'WARD_UNKNOWN' },
      { path: ['input', 'staff', '0'], code: 'STAFF_UNKNOWN' },
    ])
    expect(await api.prisma.outreachSession.count({ where: { campaignId: campaign.id } })).toBe(0)
    expect(await api.prisma.auditEvent.count({ where: { actorId: user.id } })).toBe(0)
  })

  it('the center must take part in the campaign, and a closed campaign takes no new sessions', async () => {
    const { root, leaf } = await createTree(api)
    const { credentials } = await api.userWithRole('ADMIN', null)
    const elsewhere = await createCampaign(api.prisma, { centers: [root] })
    const notIn = await run('createOutreachSession', planInput(elsewhere, leaf), credentials)
    expect(notIn).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['input', 'center'], code: 'CENTER_NOT_IN_CAMPAIGN' }],
    })
    const closed = await createCampaign(api.prisma, { centers: [leaf], status: 'CLOSED' })
    expect((await run('createOutreachSession', planInput(closed, leaf), credentials)).__typename).toBe(
      'ConflictError',
    )
  })
})

describe('changing, cancelling and completing a session', () => {
  async function planned() {
    const { campaign, leaf } = await scenario()
    const { user, credentials } = await api.userWithRole('AGENT', leaf)
    const session = await createOutreachSession(api.prisma, { campaign, center: leaf })
    return { session, credentials, user, ref: gid('OutreachSession', session) }
  }

  it('an update with an old version is a StaleObjectError and changes nothing', async () => {
    const { ref, credentials, user } = await planned()
    expect(
      (await run('updateOutreachSession', { session: ref, version: 1, title: 'Một' }, credentials))
        .outreachSession.version,
    ).toBe(2)
    const stale = await run('updateOutreachSession', { session: ref, version: 1, title: 'Hai' }, credentials)
    expect(stale).toMatchObject({ __typename: 'StaleObjectError', currentVersion: 2 })
    expect(await api.prisma.auditEvent.count({ where: { actorId: user.id } })).toBe(1)
  })

  it('a cancellation needs a reason and only a planned session can be cancelled', async () => {
    const { ref, credentials } = await planned()
    const blank = await run('cancelOutreachSession', { session: ref, version: 1, reason: '   ' }, credentials)
    expect(blank).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['input', 'reason'], code: 'TRANSITION_REASON_REQUIRED' }],
    })
    const cancelled = await run(
      'cancelOutreachSession',
      { session: ref, version: 1, reason: ' Mưa   lớn ' },
      credentials,
    )
    expect(cancelled.outreachSession).toMatchObject({ status: 'CANCELLED', cancelReason: 'Mưa lớn' })
    expect(
      (await run('cancelOutreachSession', { session: ref, version: 2, reason: 'Lần nữa' }, credentials))
        .__typename,
    ).toBe('ConflictError')
    expect(
      (await run('completeOutreachSession', { session: ref, version: 2, attendance: 1 }, credentials))
        .__typename,
    ).toBe('ConflictError')
    const update = await run('updateOutreachSession', { session: ref, version: 2, title: 'Sửa' }, credentials)
    expect(update.__typename).toBe('ConflictError')
  })

  it('completing records a whole, non-negative attendance and the notes; attendance can then be corrected', async () => {
    const { ref, credentials } = await planned()
    const early = await run('updateOutreachSession', { session: ref, version: 1, attendance: 5 }, credentials)
    expect(early).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['input', 'attendance'], code: 'SESSION_NOT_DONE' }],
    })
    const negative = await run(
      'completeOutreachSession',
      { session: ref, version: 1, attendance: -3 },
      credentials,
    )
    expect(negative).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['input', 'attendance'], code: 'ATTENDANCE_INVALID' }],
    })
    const done = await run(
      'completeOutreachSession',
      { session: ref, version: 1, attendance: 42, notes: '12 người hẹn quay lại' },
      credentials,
    )
    expect(done.outreachSession).toMatchObject({
      status: 'DONE',
      attendance: 42,
      notes: '12 người hẹn quay lại',
      version: 2,
    })
    const corrected = await run(
      'updateOutreachSession',
      { session: ref, version: 2, attendance: 45 },
      credentials,
    )
    expect(corrected.outreachSession).toMatchObject({ attendance: 45, version: 3 })
  })
})
