import { encodeGlobalID } from '@pothos/plugin-relay'
import type { Role } from '@tangtoc/db'
import { createCenter, createOutreachSession, createUser, personInput } from '@tangtoc/db/fixtures'
import { QueryLog } from '@tangtoc/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ApiHarness, type Credentials, createApiHarness } from '../../../test/harness.ts'
import { campaignSetting, gid, registerEnrollment, submit, vsiInput } from '../enrollments/test-helpers.ts'

const log = new QueryLog()
let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness({ onQuery: log.record })
})
afterAll(() => api.close())

const auditEvents = `query ($filter: AuditEventFilter, $orderBy: AuditEventOrder) {
  auditEvents(first: 50, filter: $filter, orderBy: $orderBy) {
    totalCount
    edges { node { id action entityType entityId entityGlobalId before after requestId at actor { username } } }
  }
}`
const updateUser = `mutation ($input: UpdateUserInput!) { updateUser(input: $input) { __typename } }`

/** A user changed twice by an admin, with the request ids of both changes. */
async function changedUser() {
  const admin = await createUser(api.prisma, { role: 'ADMIN' })
  const session = await api.signIn(admin)
  const target = await createUser(api.prisma, { role: 'VIEWER' })
  const id = encodeGlobalID('User', target.id)
  const first = await api.graphql(updateUser, { input: { id, version: 1, displayName: 'Một' } }, session)
  const second = await api.graphql(updateUser, { input: { id, version: 2, displayName: 'Hai' } }, session)
  return {
    admin,
    session,
    target,
    id,
    requestIds: [first.headers.get('x-request-id'), second.headers.get('x-request-id')],
  }
}

async function credentialsOf(actor: Role | 'READ token' | 'anonymous'): Promise<Credentials> {
  if (actor === 'anonymous') return null
  const user = await createUser(api.prisma, {
    role: actor === 'READ token' ? 'ADMIN' : actor,
    center: await createCenter(api.prisma),
  })
  if (actor !== 'READ token') return api.signIn(user)
  const created = await api.graphql(
    'mutation { createApiToken(input: { name: "audit", scope: READ }) { ... on CreateApiTokenPayload { secret } } }',
    {},
    await api.signIn(user),
  )
  return { token: created.data?.createApiToken.secret }
}

describe('listing audit events', () => {
  it.each([
    ['ADMIN', true],
    ['CENTER_MANAGER', false],
    ['AGENT', false],
    ['VIEWER', false],
    ['READ token', true],
    ['anonymous', false],
  ] as const)('%s may list the audit trail: %s', async (actor, allowed) => {
    const { id } = await changedUser()
    const result = await api.graphql(auditEvents, { filter: { entityId: id } }, await credentialsOf(actor))
    if (allowed) expect(result.data?.auditEvents.totalCount).toBe(2)
    else expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
  })

  it('each event names actor, action, entity, before and after, and the request id of the change', async () => {
    const { admin, session, target, id, requestIds } = await changedUser()
    const result = await api.graphql(auditEvents, { filter: { entityId: id } }, session)
    expect(result.data?.auditEvents.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      expect.objectContaining({
        action: 'user.update',
        entityType: 'User',
        entityId: target.id,
        entityGlobalId: id,
        before: { displayName: 'Một' },
        after: { displayName: 'Hai' },
        requestId: requestIds[1],
        actor: { username: admin.username },
      }),
      expect.objectContaining({
        before: { displayName: 'Người dùng VIEWER' },
        after: { displayName: 'Một' },
        requestId: requestIds[0],
      }),
    ])
  })

  it('filters by a raw id with its type, by actor and by period, oldest first on request', async () => {
    const { admin, session, target } = await changedUser()
    const raw = await api.graphql(
      auditEvents,
      { filter: { entityType: 'User', entityId: target.id }, orderBy: 'OLDEST_FIRST' },
      session,
    )
    expect(raw.data?.auditEvents.edges.map((edge: { node: { after: unknown } }) => edge.node.after)).toEqual([
      { displayName: 'Một' },
      { displayName: 'Hai' },
    ])
    const byActor = await api.graphql(
      auditEvents,
      { filter: { actor: encodeGlobalID('User', admin.id) } },
      session,
    )
    expect(byActor.data?.auditEvents.totalCount).toBe(2)
    const future = await api.graphql(
      auditEvents,
      {
        filter: {
          entityType: 'User',
          entityId: target.id,
          from: new Date(Date.now() + 60_000).toISOString(),
        },
      },
      session,
    )
    expect(future.data?.auditEvents.totalCount).toBe(0)
  })

  it('a failed mutation writes no event', async () => {
    const { session, target, id } = await changedUser()
    const stale = await api.graphql(updateUser, { input: { id, version: 1, displayName: 'Ba' } }, session)
    expect(stale.data?.updateUser.__typename).toBe('StaleObjectError')
    expect(await api.prisma.auditEvent.count({ where: { entityId: target.id } })).toBe(2)
  })

  it('an event cannot be read through node(id:) by someone who may not see its entity', async () => {
    const { session, id } = await changedUser()
    const listed = await api.graphql(auditEvents, { filter: { entityId: id } }, session)
    const eventId = listed.data?.auditEvents.edges[0].node.id
    const agent = await credentialsOf('AGENT')
    const result = await api.graphql(
      'query ($id: ID!) { node(id: $id) { ... on AuditEvent { action } } }',
      { id: eventId },
      agent,
    )
    expect(result.data?.node ?? null).toBeNull()
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
  })
})

describe('the name of what an event is about', () => {
  it('names each record as people know it: the enrolled person for an enrollment, a user by their current name', async () => {
    const setting = await campaignSetting(api)
    const person = personInput({ fullName: 'Nguyễn Thị Lan' })
    const registered = await api.graphql(
      registerEnrollment,
      { input: vsiInput(setting, { status: 'DRAFT' }, person) },
      setting.admin.credentials,
    )
    const enrollment = registered.data?.registerEnrollment.enrollment
    const submitted = await api.graphql(
      submit,
      { input: { id: enrollment.id, version: enrollment.version } },
      setting.admin.credentials,
    )
    expect(submitted.data?.submitEnrollment.__typename).toBe('SubmitEnrollmentPayload')
    const { id: userId } = await changedUser()

    const subjects = `query ($filter: AuditEventFilter) {
      auditEvents(first: 50, filter: $filter) { edges { node { action subject } } }
    }`
    const read = (filter: Record<string, unknown>) =>
      api
        .graphql(subjects, { filter }, setting.admin.credentials)
        .then((result) => result.data?.auditEvents.edges.map((edge: { node: unknown }) => edge.node))
    expect(await read({ entityId: enrollment.id })).toEqual([
      { action: 'enrollment.submit', subject: 'Nguyễn Thị Lan' },
      { action: 'enrollment.register', subject: 'Nguyễn Thị Lan' },
    ])
    expect(await read({ entityId: userId })).toEqual([
      { action: 'user.update', subject: 'Hai' },
      { action: 'user.update', subject: 'Hai' },
    ])
  })
})

describe('the records of the worklists, named', () => {
  it('names a lead by the person’s name, and a follow-up of it by the same name', async () => {
    const setting = await campaignSetting(api)
    const session = await createOutreachSession(api.prisma, {
      campaign: setting.campaign,
      center: setting.center,
    })
    const recorded = await api.graphql(
      `mutation ($input: RecordLeadInput!) { recordLead(input: $input) { ... on RecordLeadPayload { lead { id } } } }`,
      {
        input: {
          session: gid('OutreachSession', session.id),
          fullName: 'Trần Thị Bích',
          phone: '0912 000 111',
          products: ['HOUSEHOLD_HEALTH_INSURANCE'],
        },
      },
      setting.agent.credentials,
    )
    const lead = recorded.data?.recordLead.lead.id
    expect(lead).toBeTruthy()
    const followedUp = await api.graphql(
      `mutation ($input: RecordFollowUpInput!) { recordFollowUp(input: $input) { __typename } }`,
      { input: { subject: lead, means: 'CALL', outcome: 'NO_ANSWER' } },
      setting.agent.credentials,
    )
    expect(followedUp.data?.recordFollowUp.__typename).toBe('RecordFollowUpPayload')

    const read = await api.graphql(
      `query { auditEvents(first: 10, filter: { entityType: "FollowUp" }) { edges { node { action subject } } } }`,
      {},
      setting.admin.credentials,
    )
    const leadEvents = await api.graphql(
      `query ($filter: AuditEventFilter) { auditEvents(first: 10, filter: $filter) { edges { node { action subject } } } }`,
      { filter: { entityId: lead } },
      setting.admin.credentials,
    )
    const nodes = (result: typeof read) =>
      result.data?.auditEvents.edges.map((edge: { node: object }) => edge.node)
    expect(nodes(leadEvents)).toContainEqual({ action: 'lead.record', subject: 'Trần Thị Bích' })
    expect(nodes(read)).toContainEqual({ action: 'followUp.record', subject: 'Trần Thị Bích' })
  })
})

describe('the changes an event lists', () => {
  const changesOf = `query ($filter: AuditEventFilter) {
    auditEvents(first: 50, filter: $filter, orderBy: OLDEST_FIRST) {
      edges { node { action after changes { field before after } } }
    }
  }`
  const update = `mutation ($input: UpdateEnrollmentInput!) { updateEnrollment(input: $input) { __typename } }`

  /** A draft enrollment registered by the admin, then changed by `change` (its id and version added). */
  async function registeredThenChanged(setting: Awaited<ReturnType<typeof campaignSetting>>, change: object) {
    const registered = await api.graphql(
      registerEnrollment,
      { input: vsiInput(setting, { status: 'DRAFT' }) },
      setting.admin.credentials,
    )
    const enrollment = registered.data?.registerEnrollment.enrollment
    const updated = await api.graphql(
      update,
      { input: { id: enrollment.id, version: enrollment.version, ...change } },
      setting.admin.credentials,
    )
    expect(updated.data?.updateEnrollment.__typename).toBe('UpdateEnrollmentPayload')
    return enrollment
  }

  it('names only the fields a person knows, never search keys, versions, rollup helpers or ids; the stored rows stay whole', async () => {
    const setting = await campaignSetting(api)
    const enrollment = await registeredThenChanged(setting, { months: 3 })

    const read = await api.graphql(
      changesOf,
      { filter: { entityId: enrollment.id } },
      setting.admin.credentials,
    )
    const [registration, change] = (read.data?.auditEvents.edges ?? []).map(
      (edge: { node: { action: string; after: Record<string, unknown>; changes: { field: string }[] } }) =>
        edge.node,
    )
    const internal = 'id version updatedAt searchPrefixes searchHashes live unpaidOn personId'.split(' ')
    expect(registration.action).toBe('enrollment.register')
    expect(registration.after).toHaveProperty('searchPrefixes')
    const registeredFields = registration.changes.map(({ field }: { field: string }) => field)
    expect(registeredFields).toEqual(
      expect.arrayContaining(['status', 'months', 'payable', 'campaign', 'center']),
    )
    expect(registeredFields.filter((field: string) => internal.includes(field))).toEqual([])
    expect(registration.changes).toContainEqual({
      field: 'center',
      before: null,
      after: gid('Center', setting.center.id),
    })
    const byField = (a: { field: string }, b: { field: string }) => a.field.localeCompare(b.field)
    expect(change.changes.sort(byField)).toEqual([
      { field: 'gross', before: 330_000, after: 990_000 },
      { field: 'months', before: 1, after: 3 },
      { field: 'payable', before: 264_000, after: 792_000 },
      { field: 'periodEnd', before: '2025-12-03', after: '2026-02-03' },
      { field: 'support', before: 66_000, after: 198_000 },
    ])
  })

  it('says which states an event recorded (a change, not a creation, when an empty field is filled), and how to read each value: its type, a reference by name', async () => {
    const setting = await campaignSetting(api)
    const session = await createOutreachSession(api.prisma, {
      campaign: setting.campaign,
      center: setting.center,
      title: 'Tư vấn tại chợ Bến Thành',
    })
    // The session was empty: filling it is a change of the enrollment, not its creation.
    const enrollment = await registeredThenChanged(setting, { session: gid('OutreachSession', session.id) })

    const read = await api.graphql(
      `query ($filter: AuditEventFilter) {
        auditEvents(first: 50, filter: $filter, orderBy: OLDEST_FIRST) {
          edges { node { action states changes { field valueType before after beforeName afterName } } }
        }
      }`,
      { filter: { entityId: enrollment.id } },
      setting.admin.credentials,
    )
    expect(read.errors).toBeUndefined()
    type Change = { field: string; valueType: string | null; before: unknown; after: unknown }
    const [registration, change] = (read.data?.auditEvents.edges ?? []).map(
      (edge: { node: { action: string; states: string; changes: Change[] } }) => edge.node,
    )
    const fieldOf = (event: { changes: Change[] }, field: string) =>
      event.changes.find((each) => each.field === field)

    expect(registration.states).toBe('AFTER')
    expect(fieldOf(registration, 'status')).toMatchObject({ valueType: 'EnrollmentStatus', after: 'DRAFT' })
    expect(fieldOf(registration, 'product')).toMatchObject({ valueType: 'Product' })
    expect(fieldOf(registration, 'periodStart')).toMatchObject({ valueType: 'Date', after: '2025-11-04' })
    expect(fieldOf(registration, 'months')).toMatchObject({ valueType: 'Int', after: 1 })
    expect(fieldOf(registration, 'center')).toEqual({
      field: 'center',
      valueType: 'Center',
      before: null,
      after: gid('Center', setting.center.id),
      beforeName: null,
      afterName: setting.center.name,
    })

    expect(change.states).toBe('BEFORE_AND_AFTER')
    expect(change.changes).toEqual([
      {
        field: 'session',
        valueType: 'OutreachSession',
        before: null,
        after: gid('OutreachSession', session.id),
        beforeName: null,
        afterName: 'Tư vấn tại chợ Bến Thành',
      },
    ])
  })
})

describe('a campaign’s centers and targets, named', () => {
  /** A campaign created with its organiser and participants, its targets set twice, a center added. */
  async function campaignHistory() {
    const admin = await api.signIn(await createUser(api.prisma, { role: 'ADMIN' }))
    const center = async (name: string) => {
      const row = await createCenter(api.prisma, { name: api.uniqueName(name) })
      return { id: gid('Center', row.id), name: row.name }
    }
    const organizer = await center('Bưu điện Hà Nội')
    const first = await center('Bưu điện Đống Đa')
    const second = await center('Bưu điện Ba Đình')
    const added = await center('Bưu điện Tây Hồ')
    const mutate = async (field: string, type: string, input: Record<string, unknown>) => {
      const result = await api.graphql(
        `mutation ($input: ${type}!) { ${field}(input: $input) { __typename ... on ${field[0]?.toUpperCase()}${field.slice(1)}Payload { campaign { id version } } } }`,
        { input },
        admin,
      )
      expect(result.data?.[field].__typename).toMatch(/Payload$/)
      return result.data?.[field].campaign as { id: string; version: number }
    }
    const created = await mutate('createCampaign', 'CreateCampaignInput', {
      code: api.uniqueName('TT').replace(' ', '-'),
      name: 'Tăng tốc 2027',
      startDate: '2027-03-01',
      endDate: '2027-05-31',
      organizers: [organizer.id],
      participants: [first.id, second.id],
    })
    const targets = (rows: object[]) => ({ campaign: created.id, targets: rows })
    const wide = { product: 'VOLUNTARY_SOCIAL_INSURANCE' }
    const set = await mutate('setCampaignTargets', 'SetCampaignTargetsInput', {
      ...targets([
        { ...wide, count: 1000 },
        { ...wide, center: first.id, count: 600 },
      ]),
      version: created.version,
    })
    const reset = await mutate('setCampaignTargets', 'SetCampaignTargetsInput', {
      ...targets([
        { ...wide, count: 1200 },
        { ...wide, center: first.id, count: 600 },
        { ...wide, center: second.id, dueDate: '2027-03-15', label: 'Ngày ra quân', count: 100 },
      ]),
      version: set.version,
    })
    await mutate('addCampaignCenters', 'CampaignCentersInput', {
      campaign: created.id,
      version: reset.version,
      centers: [added.id],
    })
    return { admin, campaign: created.id, organizer, first, second, added }
  }

  const history = `query ($filter: AuditEventFilter) {
    auditEvents(first: 50, filter: $filter, orderBy: OLDEST_FIRST) {
      edges { node { action changes { field valueType before after beforeNames afterNames } } }
    }
  }`
  type Change = { field: string }
  type Event = { action: string; changes: Change[] }
  const changeOf = (event: Event | undefined, field: string) =>
    event?.changes.find((change) => change.field === field)
  /** The campaign's events, oldest first. */
  async function eventsOf(campaign: string, admin: Credentials): Promise<Event[]> {
    const read = await api.graphql(history, { filter: { entityId: campaign } }, admin)
    expect(read.errors).toBeUndefined()
    return (read.data?.auditEvents.edges ?? []).map((edge: { node: Event }) => edge.node)
  }

  it('names the centers of a list of them, in its order, each as a global id with its name, and their role', async () => {
    const { admin, campaign, organizer, first, second, added } = await campaignHistory()
    const [creation, , , addition] = await eventsOf(campaign, admin)
    expect(changeOf(creation, 'organizers')).toEqual({
      field: 'organizers',
      valueType: 'Center',
      before: null,
      after: [organizer.id],
      beforeNames: null,
      afterNames: [organizer.name],
    })
    expect(changeOf(creation, 'participants')).toMatchObject({
      valueType: 'Center',
      after: [first.id, second.id],
      afterNames: [first.name, second.name],
    })
    expect(addition?.action).toBe('campaign.addCenters')
    expect(changeOf(addition, 'centers')).toMatchObject({
      valueType: 'Center',
      after: [added.id],
      afterNames: [added.name],
    })
    expect(changeOf(addition, 'role')).toMatchObject({
      valueType: 'CampaignCenterRole',
      after: 'PARTICIPANT',
    })
  })

  it('reads a target grid as the Target type does, each row’s center by global id and name', async () => {
    const { admin, campaign, first, second } = await campaignHistory()
    const [, , reset] = await eventsOf(campaign, admin)
    const wide = { product: 'VOLUNTARY_SOCIAL_INSURANCE', dueDate: null, label: null }
    expect(reset?.action).toBe('campaign.setTargets')
    expect(changeOf(reset, 'targets')).toEqual({
      field: 'targets',
      valueType: 'Target',
      before: [
        { ...wide, center: null, count: 1000 },
        { ...wide, center: first.id, count: 600 },
      ],
      after: [
        { ...wide, center: null, count: 1200 },
        { ...wide, center: first.id, count: 600 },
        { ...wide, center: second.id, dueDate: '2027-03-15', label: 'Ngày ra quân', count: 100 },
      ],
      beforeNames: [null, first.name],
      afterNames: [null, first.name, second.name],
    })
  })

  it('looks the centers of a whole page up in one query', async () => {
    const { admin } = await campaignHistory()
    await campaignHistory()
    const { result, statements } = await log.during(() =>
      api.graphql(history, { filter: { entityType: 'Campaign' } }, admin),
    )
    expect(result.errors).toBeUndefined()
    expect(result.data?.auditEvents.edges.length).toBeGreaterThanOrEqual(8)
    // Statements that read centers themselves (the viewer's own is joined to the session).
    const centerReads = statements.filter((statement) => /^SELECT [^(]* FROM "\w+"\."Center"/.test(statement))
    expect(centerReads).toHaveLength(1)
  })
})
