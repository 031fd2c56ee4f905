import { encodeGlobalID } from '@pothos/plugin-relay'
import type { Campaign } from '@tangtoc/db'
import { createCampaign, createCenter, createOutreachSession, createTarget } from '@tangtoc/db/fixtures'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ApiHarness, createApiHarness } from '../../../test/harness.ts'
import { actors, createTree, credentialsFor } from '../centers/test-actors.ts'

let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness()
})
afterAll(() => api.close())

const gid = (typename: string, row: { id: string }) => encodeGlobalID(typename, row.id)
const campaignId = (campaign: Campaign) => gid('Campaign', campaign)
const uniqueCode = (prefix: string) => api.uniqueName(prefix).replace(' ', '-')

const result = (field: string) => `
  __typename
  ... on ${field.charAt(0).toUpperCase()}${field.slice(1)}Payload { campaign { code status version closedAt } }
  ... on UserError { code message }
  ... on ValidationError { fieldErrors { path code message } }
  ... on StaleObjectError { currentVersion }
  ... on ConflictError { existingId }`

const mutations = {
  createCampaign: `mutation ($input: CreateCampaignInput!) { createCampaign(input: $input) { ${result('createCampaign')} } }`,
  updateCampaign: `mutation ($input: UpdateCampaignInput!) { updateCampaign(input: $input) { ${result('updateCampaign')} } }`,
  activateCampaign: `mutation ($input: CampaignStatusChangeInput!) { activateCampaign(input: $input) { ${result('activateCampaign')} } }`,
  closeCampaign: `mutation ($input: CampaignStatusChangeInput!) { closeCampaign(input: $input) { ${result('closeCampaign')} } }`,
  setCampaignTargets: `mutation ($input: SetCampaignTargetsInput!) { setCampaignTargets(input: $input) { ${result('setCampaignTargets')} } }`,
  addCampaignCenters: `mutation ($input: CampaignCentersInput!) { addCampaignCenters(input: $input) { ${result('addCampaignCenters')} } }`,
  removeCampaignCenters: `mutation ($input: CampaignCentersInput!) { removeCampaignCenters(input: $input) { ${result('removeCampaignCenters')} } }`,
}
type MutationName = keyof typeof mutations

async function run(
  name: MutationName,
  input: Record<string, unknown>,
  credentials: Parameters<ApiHarness['graphql']>[2],
) {
  const response = await api.graphql(mutations[name], { input }, credentials)
  expect(response.errors).toBeUndefined()
  return response.data?.[name]
}

/** A campaign at the tree's root with the branch taking part, and an input for each mutation. */
async function scenario() {
  const tree = await createTree(api)
  const draft = await createCampaign(api.prisma, {
    status: 'DRAFT',
    organizers: [tree.root],
    centers: [tree.branch],
  })
  const active = await createCampaign(api.prisma, {
    organizers: [tree.root],
    centers: [tree.branch, tree.leaf],
  })
  const inputs: Record<MutationName, Record<string, unknown>> = {
    createCampaign: {
      code: uniqueCode('TT2026'),
      name: 'Tăng tốc 2026',
      startDate: '2026-03-01',
      endDate: '2026-05-31',
      participants: [gid('Center', tree.branch)],
    },
    updateCampaign: { campaign: campaignId(active), version: active.version, name: 'Tên mới' },
    activateCampaign: { campaign: campaignId(draft), version: draft.version },
    closeCampaign: { campaign: campaignId(active), version: active.version },
    setCampaignTargets: {
      campaign: campaignId(active),
      version: active.version,
      targets: [{ product: 'VOLUNTARY_SOCIAL_INSURANCE', count: 1000 }],
    },
    addCampaignCenters: {
      campaign: campaignId(active),
      version: active.version,
      centers: [gid('Center', tree.otherBranch)],
    },
    removeCampaignCenters: {
      campaign: campaignId(active),
      version: active.version,
      centers: [gid('Center', tree.leaf)],
    },
  }
  return { ...tree, draft, active, inputs }
}

describe('only admins change campaigns', () => {
  const table = (Object.keys(mutations) as MutationName[]).flatMap((name) =>
    actors.map(
      (actor) =>
        [
          name,
          actor,
          actor === 'ADMIN' ? `${name[0]?.toUpperCase()}${name.slice(1)}Payload` : 'ForbiddenError',
        ] as const,
    ),
  )
  it.each(table)('%s as %s: %s', async (name, actor, outcome) => {
    const { branch, inputs } = await scenario()
    const credentials = await credentialsFor(api, actor, branch)
    const auditsBefore = await api.prisma.auditEvent.count()
    const payload = await run(name, inputs[name], credentials)
    expect(payload.__typename).toBe(outcome)
    const written = (await api.prisma.auditEvent.count()) - auditsBefore
    expect(written).toBe(actor === 'ADMIN' ? 1 : 0)
  })
})

describe('reading campaigns', () => {
  const listQuery = `query ($filter: CampaignFilter, $orderBy: CampaignOrder) {
    campaigns(filter: $filter, orderBy: $orderBy, first: 50) { totalCount edges { node { code name jurisdiction } } }
  }`

  it.each(actors.filter((actor) => actor !== 'ANONYMOUS'))(
    'a %s sees every campaign, whichever centers take part',
    async (actor) => {
      const { leaf, otherBranch } = await createTree(api)
      const name = api.uniqueName('Chiến dịch của đơn vị khác')
      const campaign = await createCampaign(api.prisma, { name, centers: [otherBranch] })
      const response = await api.graphql(
        listQuery,
        { filter: { search: name } },
        await credentialsFor(api, actor, leaf),
      )
      expect(response.errors).toBeUndefined()
      expect(response.data?.campaigns).toEqual({
        totalCount: 1,
        edges: [{ node: { code: campaign.code, name, jurisdiction: '79' } }],
      })
    },
  )

  it('an anonymous request sees no campaign', async () => {
    const campaign = await createCampaign(api.prisma)
    const list = await api.graphql(listQuery, {})
    expect(list.data).toBeNull()
    expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    const one = await api.graphql('query ($code: String!) { campaign(code: $code) { code } }', {
      code: campaign.code,
    })
    expect(one.data?.campaign).toBeNull()
    const node = await api.graphql('query ($id: ID!) { node(id: $id) { id } }', { id: campaignId(campaign) })
    expect(node.data?.node ?? null).toBeNull()
  })

  it('filters by status, a day, an overlapping period and a diacritic-free search', async () => {
    const { credentials } = await api.userWithRole('VIEWER', null)
    const tag = api.uniqueName('Tăng tốc Thủ Đức')
    const autumn = await createCampaign(api.prisma, {
      name: `${tag} thu`,
      startDate: '2025-09-01',
      endDate: '2025-10-31',
    })
    const winter = await createCampaign(api.prisma, {
      name: `${tag} đông`,
      startDate: '2025-11-04',
      endDate: '2026-01-02',
      status: 'CLOSED',
    })
    const search = tag.replace('Tăng tốc Thủ Đức', 'tang toc thu duc')
    const codes = async (filter: Record<string, unknown>, orderBy?: string) => {
      const response = await api.graphql(listQuery, { filter: { search, ...filter }, orderBy }, credentials)
      return response.data?.campaigns.edges.map((edge: { node: { code: string } }) => edge.node.code)
    }
    expect(await codes({})).toEqual([winter.code, autumn.code])
    expect(await codes({}, 'START_DATE_ASC')).toEqual([autumn.code, winter.code])
    expect(await codes({ status: ['CLOSED'] })).toEqual([winter.code])
    expect(await codes({ activeOn: '2025-10-31' })).toEqual([autumn.code])
    expect(await codes({ activeOn: '2025-11-03' })).toEqual([])
    expect(await codes({ overlapping: { from: '2025-10-15', to: '2025-11-04' } })).toEqual([
      winter.code,
      autumn.code,
    ])
    expect(await codes({ overlapping: { from: '2026-01-03', to: '2026-02-01' } })).toEqual([])
  })

  it('a campaign shows its centers by role and its targets by product, center and milestone', async () => {
    const { root, branch, leaf } = await createTree(api)
    const campaign = await createCampaign(api.prisma, { organizers: [root], centers: [branch, leaf] })
    await createTarget(api.prisma, { campaign, count: 500 })
    await createTarget(api.prisma, { campaign, center: branch, count: 300 })
    await createTarget(api.prisma, { campaign, product: null, dueDate: '2025-11-04', count: 50 })
    const response = await api.graphql(
      `query ($code: String!, $branch: ID!) {
        campaign(code: $code) {
          organizers: centers(role: ORGANIZER, first: 10) { edges { role node { code } } }
          participants: centers(role: PARTICIPANT, first: 1) { totalCount edges { node { code } } }
          everyCenter: centers(first: 10) { totalCount }
          targets(first: 10) { totalCount }
          wide: targets(first: 10, campaignWideOnly: true, product: VOLUNTARY_SOCIAL_INSURANCE) { edges { node { count } } }
          ofBranch: targets(first: 10, center: $branch) { edges { node { count center { code } } } }
          milestones: targets(first: 10, milestonesOnly: true) { edges { node { product dueDate count } } }
        }
      }`,
      { code: campaign.code, branch: gid('Center', branch) },
      await credentialsFor(api, 'AGENT', leaf),
    )
    expect(response.errors).toBeUndefined()
    expect(response.data?.campaign).toEqual({
      organizers: { edges: [{ role: 'ORGANIZER', node: { code: root.code } }] },
      participants: {
        totalCount: 2,
        edges: [{ node: { code: expect.stringMatching(new RegExp(`^(${branch.code}|${leaf.code})$`)) } }],
      },
      everyCenter: { totalCount: 3 },
      targets: { totalCount: 3 },
      wide: { edges: [{ node: { count: 500 } }] },
      ofBranch: { edges: [{ node: { count: 300, center: { code: branch.code } } }] },
      milestones: { edges: [{ node: { product: null, dueDate: '2025-11-04', count: 50 } }] },
    })
  })
})

describe('creating and changing a campaign', () => {
  it('an admin creates a draft campaign with its centers and the defaults for time zone, rules and counted statuses', async () => {
    const { credentials } = await api.userWithRole('ADMIN', null)
    const { root, branch } = await createTree(api)
    const code = uniqueCode('TT')
    const payload = await run(
      'createCampaign',
      {
        code,
        name: ' Tăng tốc   BHXH ',
        startDate: '2026-03-01',
        endDate: '2026-03-01',
        organizers: [gid('Center', root)],
        participants: [gid('Center', branch)],
      },
      credentials,
    )
    expect(payload).toMatchObject({
      __typename: 'CreateCampaignPayload',
      campaign: { code, status: 'DRAFT', version: 1 },
    })
    const stored = await api.prisma.campaign.findUniqueOrThrow({
      where: { code },
      include: { centers: true },
    })
    expect(stored).toMatchObject({
      name: 'Tăng tốc BHXH',
      searchKey: 'tang toc bhxh',
      timeZone: 'Asia/Ho_Chi_Minh',
      jurisdiction: '79',
      countedStatuses: ['PAID', 'ACTIVE'],
    })
    expect(stored.centers.map((row) => [row.centerId, row.role]).sort()).toEqual(
      [
        [root.id, 'ORGANIZER'],
        [branch.id, 'PARTICIPANT'],
      ].sort(),
    )
  })

  it('every invalid field is named: period, time zone, jurisdiction, counted statuses, unknown centers', async () => {
    const { user, credentials } = await api.userWithRole('ADMIN', null)
    const payload = await run(
      'createCampaign',
      {
        code: 'bad code!',
        name: 'Chiến dịch',
        startDate: '2026-03-31',
        endDate: '2026-03-01',
        timeZone: 'Mars/Olympus',
        jurisdiction: '99',
        countedStatuses: ['PAID', 'CANCELLED'],
        participants: [encodeGlobalID('Center', '0198a1b2-0000-7000-8000-000000000000')],
      },
      credentials,
    )
    expect(payload.__typename).toBe('ValidationError')
    expect(
      payload.fieldErrors.map((error: { path: string[]; code: string }) => [
        error.path.join('.'),
        error.code,
      ]),
    ).toEqual([
      ['input.endDate', 'CAMPAIGN_PERIOD_INVALID'],
      ['input.timeZone', 'TIME_ZONE_UNKNOWN'],
      ['input.jurisdiction', 'JURISDICTION_INVALID'],
      ['input.countedStatuses', 'COUNTED_STATUSES_INVALID'],
      ['input.code', 'CODE_FORMAT'],
      ['input.participants.0', 'CENTER_UNKNOWN'],
    ])
    expect(await api.prisma.auditEvent.count({ where: { actorId: user.id } })).toBe(0)
  })

  it('a duplicate code is a conflict naming the campaign that holds it, and writes no audit event', async () => {
    const { user, credentials } = await api.userWithRole('ADMIN', null)
    const existing = await createCampaign(api.prisma)
    const payload = await run(
      'createCampaign',
      { code: existing.code, name: 'Trùng', startDate: '2026-01-01', endDate: '2026-01-31' },
      credentials,
    )
    expect(payload).toMatchObject({ __typename: 'ConflictError', existingId: campaignId(existing) })
    expect(await api.prisma.auditEvent.count({ where: { actorId: user.id } })).toBe(0)
  })

  it('an update with an old version is a StaleObjectError carrying the current one, and changes nothing', async () => {
    const { user, credentials } = await api.userWithRole('ADMIN', null)
    const campaign = await createCampaign(api.prisma)
    const first = await run(
      'updateCampaign',
      { campaign: campaignId(campaign), version: 1, name: 'Lần một' },
      credentials,
    )
    expect(first.campaign.version).toBe(2)
    const second = await run(
      'updateCampaign',
      { campaign: campaignId(campaign), version: 1, name: 'Lần hai' },
      credentials,
    )
    expect(second).toMatchObject({ __typename: 'StaleObjectError', currentVersion: 2 })
    expect((await api.prisma.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).name).toBe('Lần một')
    expect(await api.prisma.auditEvent.count({ where: { actorId: user.id } })).toBe(1)
  })

  it('a new period must still hold the campaign’s milestones and sessions', async () => {
    const { credentials } = await api.userWithRole('ADMIN', null)
    const center = await createCenter(api.prisma)
    const campaign = await createCampaign(api.prisma, { centers: [center] })
    await createOutreachSession(api.prisma, { campaign, center, startsAt: '2025-12-20T08:00:00+07:00' })
    const payload = await run(
      'updateCampaign',
      { campaign: campaignId(campaign), version: campaign.version, endDate: '2025-12-19' },
      credentials,
    )
    expect(payload).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['input', 'endDate'], code: 'CAMPAIGN_PERIOD_EXCLUDES_CONTENTS' }],
    })
  })

  it('a campaign goes from draft to active to closed, and a closed campaign no longer changes', async () => {
    const { credentials } = await api.userWithRole('ADMIN', null)
    const campaign = await createCampaign(api.prisma, { status: 'DRAFT' })
    const input = { campaign: campaignId(campaign) }
    expect((await run('closeCampaign', { ...input, version: 1 }, credentials)).__typename).toBe(
      'ConflictError',
    )
    expect(await run('activateCampaign', { ...input, version: 1 }, credentials)).toMatchObject({
      campaign: { status: 'ACTIVE', closedAt: null, version: 2 },
    })
    const closed = await run('closeCampaign', { ...input, version: 2 }, credentials)
    expect(closed.campaign.status).toBe('CLOSED')
    expect(Date.parse(closed.campaign.closedAt)).toBeGreaterThan(Date.now() - 60_000)
    expect(
      (await run('activateCampaign', { ...input, version: closed.campaign.version }, credentials)).__typename,
    ).toBe('ConflictError')
    const update = await run(
      'updateCampaign',
      { ...input, version: closed.campaign.version, name: 'Sau khi đóng' },
      credentials,
    )
    expect(update.__typename).toBe('ConflictError')
  })
})

describe('the target grid', () => {
  async function grid() {
    const { credentials, user } = await api.userWithRole('ADMIN', null)
    const { root, branch, leaf, otherBranch } = await createTree(api)
    const campaign = await createCampaign(api.prisma, { organizers: [root], centers: [branch, leaf] })
    return { credentials, user, root, branch, leaf, otherBranch, campaign }
  }

  it('replaces the whole grid in one call and bumps the campaign’s version', async () => {
    const { credentials, branch, leaf, campaign } = await grid()
    await createTarget(api.prisma, { campaign, count: 1 })
    const targets = [
      { product: 'VOLUNTARY_SOCIAL_INSURANCE', count: 1000 },
      { product: 'VOLUNTARY_SOCIAL_INSURANCE', center: gid('Center', branch), count: 600 },
      { product: 'VOLUNTARY_SOCIAL_INSURANCE', center: gid('Center', leaf), count: 400 },
      { product: 'HOUSEHOLD_HEALTH_INSURANCE', center: gid('Center', leaf), count: 5000 },
      { dueDate: '2025-11-04', label: 'Ngày ra quân', count: 3000 },
    ]
    const payload = await run(
      'setCampaignTargets',
      { campaign: campaignId(campaign), version: 1, targets },
      credentials,
    )
    expect(payload).toMatchObject({ __typename: 'SetCampaignTargetsPayload', campaign: { version: 2 } })
    const stored = await api.prisma.target.findMany({ where: { campaignId: campaign.id } })
    expect(stored).toHaveLength(5)
    expect(stored.find((row) => row.dueDate)).toMatchObject({
      product: null,
      label: 'Ngày ra quân',
      count: 3000,
    })

    const cleared = await run(
      'setCampaignTargets',
      { campaign: campaignId(campaign), version: 2, targets: [] },
      credentials,
    )
    expect(cleared.campaign.version).toBe(3)
    expect(await api.prisma.target.count({ where: { campaignId: campaign.id } })).toBe(0)
  })

  it('each broken rule names its row and field, and nothing is stored or audited', async () => {
    const { credentials, user, branch, leaf, otherBranch, root, campaign } = await grid()
    await createTarget(api.prisma, { campaign, count: 7 })
    const targets = [
      { product: 'VOLUNTARY_SOCIAL_INSURANCE', count: 500 },
      { product: 'VOLUNTARY_SOCIAL_INSURANCE', center: gid('Center', branch), count: 400 },
      { product: 'VOLUNTARY_SOCIAL_INSURANCE', center: gid('Center', leaf), count: -1 },
      { product: 'HOUSEHOLD_HEALTH_INSURANCE', center: gid('Center', otherBranch), count: 10 },
      { product: 'HOUSEHOLD_HEALTH_INSURANCE', center: gid('Center', root), count: 10 },
      { dueDate: '2026-01-03', count: 10 },
      { product: 'VOLUNTARY_SOCIAL_INSURANCE', center: gid('Center', leaf), count: 200 },
    ]
    const payload = await run(
      'setCampaignTargets',
      { campaign: campaignId(campaign), version: 1, targets },
      credentials,
    )
    expect(payload.__typename).toBe('ValidationError')
    expect(
      payload.fieldErrors.map((error: { path: string[]; code: string }) => [
        error.path.join('.'),
        error.code,
      ]),
    ).toEqual([
      ['input.targets.2.count', 'TARGET_COUNT_INVALID'],
      ['input.targets.3.center', 'TARGET_CENTER_NOT_PARTICIPANT'],
      ['input.targets.4.center', 'TARGET_CENTER_NOT_PARTICIPANT'],
      ['input.targets.5.dueDate', 'TARGET_DUE_DATE_OUTSIDE_CAMPAIGN'],
      ['input.targets.6', 'TARGET_DUPLICATE'],
      ['input.targets.0.count', 'TARGET_CENTERS_EXCEED_CAMPAIGN'],
      ['input.targets.1.count', 'TARGET_CENTERS_EXCEED_CAMPAIGN'],
      ['input.targets.2.count', 'TARGET_CENTERS_EXCEED_CAMPAIGN'],
      ['input.targets.6.count', 'TARGET_CENTERS_EXCEED_CAMPAIGN'],
    ])
    expect(payload.fieldErrors[5].message).toBe(
      "The centers' targets for Voluntary social insurance (rows 1, 2, 6) add up to 599, more than the campaign-wide 500 (row 0).",
    )
    expect(await api.prisma.target.findMany({ where: { campaignId: campaign.id } })).toMatchObject([
      { count: 7 },
    ])
    expect(await api.prisma.auditEvent.count({ where: { actorId: user.id } })).toBe(0)
    expect((await api.prisma.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).version).toBe(1)
  })

  it('a stale version is refused before anything is checked', async () => {
    const { credentials, campaign } = await grid()
    await api.prisma.campaign.update({ where: { id: campaign.id }, data: { version: 5 } })
    const payload = await run(
      'setCampaignTargets',
      { campaign: campaignId(campaign), version: 4, targets: [] },
      credentials,
    )
    expect(payload).toMatchObject({ __typename: 'StaleObjectError', currentVersion: 5 })
  })
})

describe('participating centers', () => {
  it('adding is idempotent and removing a center without sessions, enrollments or targets works', async () => {
    const { credentials } = await api.userWithRole('ADMIN', null)
    const { branch, otherBranch } = await createTree(api)
    const campaign = await createCampaign(api.prisma, { centers: [branch] })
    const input = {
      campaign: campaignId(campaign),
      centers: [gid('Center', branch), gid('Center', otherBranch)],
    }
    expect((await run('addCampaignCenters', { ...input, version: 1 }, credentials)).__typename).toBe(
      'AddCampaignCentersPayload',
    )
    expect(await api.prisma.campaignCenter.count({ where: { campaignId: campaign.id } })).toBe(2)
    expect((await run('removeCampaignCenters', { ...input, version: 2 }, credentials)).__typename).toBe(
      'RemoveCampaignCentersPayload',
    )
    expect(await api.prisma.campaignCenter.count({ where: { campaignId: campaign.id } })).toBe(0)
  })

  it('a center with a session in the campaign cannot leave it: a conflict naming the session', async () => {
    const { user, credentials } = await api.userWithRole('ADMIN', null)
    const { branch } = await createTree(api)
    const campaign = await createCampaign(api.prisma, { centers: [branch] })
    const session = await createOutreachSession(api.prisma, { campaign, center: branch })
    const payload = await run(
      'removeCampaignCenters',
      { campaign: campaignId(campaign), version: 1, centers: [gid('Center', branch)] },
      credentials,
    )
    expect(payload).toMatchObject({
      __typename: 'ConflictError',
      existingId: gid('OutreachSession', session),
    })
    expect(await api.prisma.campaignCenter.count({ where: { campaignId: campaign.id } })).toBe(1)
    expect(await api.prisma.auditEvent.count({ where: { actorId: user.id } })).toBe(0)
  })

  it('removing a center that is not in the campaign names it', async () => {
    const { credentials } = await api.userWithRole('ADMIN', null)
    const { branch, otherBranch } = await createTree(api)
    const campaign = await createCampaign(api.prisma, { centers: [branch] })
    const payload = await run(
      'removeCampaignCenters',
      {
        campaign: campaignId(campaign),
        version: 1,
        centers: [gid('Center', branch), gid('Center', otherBranch)],
      },
      credentials,
    )
    expect(payload).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['input', 'centers', '1'], code: 'CENTER_NOT_IN_CAMPAIGN' }],
    })
  })
})
