import { encodeGlobalID } from '@pothos/plugin-relay'
import { createCenter, createUser, personInput } from '@tangtoc/db/fixtures'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ApiHarness, type Credentials, createApiHarness } from '../../../test/harness.ts'
import { campaignSetting, registerEnrollment, vsiInput } from '../enrollments/test-helpers.ts'
import { type Actor, createTree, credentialsFor } from './test-actors.ts'

let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness()
})
afterAll(() => api.close())

const centerId = (center: { id: string }) => encodeGlobalID('Center', center.id)

const createCenterMutation = `mutation ($input: CreateCenterInput!) {
  createCenter(input: $input) {
    __typename
    ... on CreateCenterPayload { center { id code name parent { code } depth } }
    ... on UserError { code message }
    ... on ConflictError { existingId }
    ... on ValidationError { fieldErrors { path code } }
  }
}`

const updateCenterMutation = `mutation ($input: UpdateCenterInput!) {
  updateCenter(input: $input) {
    __typename
    ... on UpdateCenterPayload { center { code name parent { code } ancestors { code } } }
    ... on UserError { code message }
    ... on ValidationError { fieldErrors { path code } }
  }
}`

const centersQuery = `query ($filter: CenterFilter, $orderBy: CenterOrder) {
  centers(filter: $filter, orderBy: $orderBy, first: 100) { totalCount edges { node { code name } } }
}`

const allowedOnlyToAdmins: [Actor, string][] = [
  ['ADMIN', 'Payload'],
  ['CENTER_MANAGER', 'ForbiddenError'],
  ['AGENT', 'ForbiddenError'],
  ['VIEWER', 'ForbiddenError'],
  ['READ_TOKEN', 'ForbiddenError'],
  ['ANONYMOUS', 'ForbiddenError'],
]

describe('who may change the center tree', () => {
  it.each(allowedOnlyToAdmins)('createCenter as %s: %s', async (actor, outcome) => {
    const { branch } = await createTree(api)
    const credentials = await credentialsFor(api, actor, branch)
    const code = api.uniqueName('NEW').replace(' ', '-')
    const result = await api.graphql(
      createCenterMutation,
      {
        input: {
          code,
          name: 'Bưu cục Mới',
          kind: 'POST_OFFICE',
          organization: 'VIETNAM_POST',
          parent: centerId(branch),
        },
      },
      credentials,
    )
    expect(result.data?.createCenter.__typename).toBe(outcome === 'Payload' ? 'CreateCenterPayload' : outcome)
    expect(await api.prisma.center.count({ where: { code } })).toBe(outcome === 'Payload' ? 1 : 0)
  })

  it.each(allowedOnlyToAdmins)('updateCenter as %s: %s', async (actor, outcome) => {
    const { branch, leaf } = await createTree(api)
    const credentials = await credentialsFor(api, actor, branch)
    const result = await api.graphql(
      updateCenterMutation,
      { input: { center: centerId(leaf), version: 1, name: 'Bưu cục Đổi tên' } },
      credentials,
    )
    expect(result.data?.updateCenter.__typename).toBe(outcome === 'Payload' ? 'UpdateCenterPayload' : outcome)
    const stored = await api.prisma.center.findUniqueOrThrow({ where: { id: leaf.id } })
    expect(stored.name === 'Bưu cục Đổi tên').toBe(outcome === 'Payload')
  })
})

describe('reading the center tree', () => {
  it.each(['ADMIN', 'CENTER_MANAGER', 'AGENT', 'VIEWER', 'READ_TOKEN'] as const)(
    'a %s reads every center, not only its own subtree',
    async (actor) => {
      const { leaf, otherBranch, otherLeaf } = await createTree(api)
      const credentials = await credentialsFor(api, actor, leaf)
      const result = await api.graphql(
        centersQuery,
        { filter: { parent: centerId(otherBranch) } },
        credentials,
      )
      expect(result.errors).toBeUndefined()
      expect(
        result.data?.centers.edges.map((edge: { node: { code: string; name: string } }) => edge.node.code),
      ).toEqual([otherLeaf.code])
      expect(result.data?.centers.totalCount).toBe(1)
    },
  )

  it('an anonymous request gets no centers, only a FORBIDDEN error', async () => {
    const { leaf } = await createTree(api)
    const result = await api.graphql(centersQuery, {})
    expect(result.data).toBeNull()
    expect(result.errors?.[0]?.message).toMatch(/not authorized/i)
    const single = await api.graphql('query ($code: String!) { center(code: $code) { code } }', {
      code: leaf.code,
    })
    expect(single.data?.center).toBeNull()
    expect(single.errors?.[0]?.message).toMatch(/not authorized/i)
  })

  it('a search ignores Vietnamese diacritics: "buu cuc thu duc" finds "Bưu cục Thủ Đức"', async () => {
    const { user } = await api.userWithRole('VIEWER')
    const credentials = await api.signIn(user)
    const name = api.uniqueName('Bưu cục Thủ Đức')
    await createCenter(api.prisma, { name })
    const result = await api.graphql(
      centersQuery,
      { filter: { search: name.replace('Bưu cục Thủ Đức', 'buu cuc thu duc') } },
      credentials,
    )
    expect(
      result.data?.centers.edges.map((edge: { node: { code: string; name: string } }) => edge.node.name),
    ).toEqual([name])
  })

  it('a center lists its ancestors from the root and its descendants at any depth', async () => {
    const { root, branch, leaf, otherBranch, otherLeaf } = await createTree(api)
    const credentials = await credentialsFor(api, 'AGENT', leaf)
    const result = await api.graphql(
      `query ($leaf: String!, $root: String!) {
        leaf: center(code: $leaf) { depth ancestors { code } }
        root: center(code: $root) {
          children(first: 10) { totalCount }
          descendants(first: 10) { totalCount edges { node { code } } }
          posts: descendants(first: 10, kind: POST_OFFICE) { totalCount }
        }
      }`,
      { leaf: leaf.code, root: root.code },
      credentials,
    )
    expect(result.data?.leaf).toEqual({ depth: 2, ancestors: [{ code: root.code }, { code: branch.code }] })
    expect(result.data?.root.children.totalCount).toBe(2)
    expect(result.data?.root.descendants.totalCount).toBe(4)
    expect(
      result.data?.root.descendants.edges
        .map((edge: { node: { code: string; name: string } }) => edge.node.code)
        .sort(),
    ).toEqual([branch.code, leaf.code, otherBranch.code, otherLeaf.code].sort())
    expect(result.data?.root.posts.totalCount).toBe(2)
  })
})

describe('changing the center tree', () => {
  it('a duplicate code is a conflict naming the center that holds it, and writes no audit event', async () => {
    const { user, credentials } = await api.userWithRole('ADMIN', null)
    const existing = await createCenter(api.prisma)
    const result = await api.graphql(
      createCenterMutation,
      { input: { code: existing.code, name: 'Trùng mã', kind: 'POST_OFFICE', organization: 'VIETNAM_POST' } },
      credentials,
    )
    expect(result.data?.createCenter).toMatchObject({
      __typename: 'ConflictError',
      existingId: centerId(existing),
    })
    expect(await api.prisma.auditEvent.count({ where: { actorId: user.id } })).toBe(0)
  })

  it('an unknown ward code or parent is a validation error on that field', async () => {
    const { credentials } = await api.userWithRole('ADMIN', null)
    const result = await api.graphql(
      createCenterMutation,
      {
        input: {
          code: api.uniqueName('W').replace(' ', '-'),
          name: ' ',
          kind: 'POST_OFFICE',
          organization: 'VIETNAM_POST',
          wardCode: '00000',
          parent: encodeGlobalID('Center', '0198a1b2-0000-7000-8000-000000000000'),
        },
      },
      credentials,
    )
    expect(result.data?.createCenter.__typename).toBe('ValidationError')
    expect(result.data?.createCenter.fieldErrors).toEqual([
      { path: ['input', 'name'], code: 'NAME_REQUIRED' },
      { path: ['input', 'wardCode'], code: 'WARD_UNKNOWN' },
      { path: ['input', 'parent'], code: 'CENTER_UNKNOWN' },
    ])
  })

  it('an admin creates a center below another, in a known ward, and the change is audited', async () => {
    const { user, credentials } = await api.userWithRole('ADMIN', null)
    const { branch } = await createTree(api)
    const code = api.uniqueName('BC').replace(' ', '-')
    const result = await api.graphql(
      createCenterMutation,
      {
        input: {
          code,
          name: '  Bưu cục   Sài Gòn ',
          kind: 'POST_OFFICE',
          organization: 'VIETNAM_POST',
          parent: centerId(branch),
          wardCode: '25747',
        },
      },
      credentials,
    )
    expect(result.data?.createCenter).toMatchObject({
      __typename: 'CreateCenterPayload',
      center: { code, name: 'Bưu cục Sài Gòn', parent: { code: branch.code }, depth: 2 },
    })
    const stored = await api.prisma.center.findUniqueOrThrow({ where: { code } })
    expect(stored.path).toBe(`${branch.path}${stored.id}/`)
    expect(stored.searchKey).toBe('buu cuc sai gon')
    const events = await api.prisma.auditEvent.findMany({ where: { actorId: user.id } })
    expect(events).toMatchObject([{ action: 'center.create', entityType: 'Center', entityId: stored.id }])
  })

  it('moving a center rewrites its own path and the paths of all its descendants', async () => {
    const { credentials } = await api.userWithRole('ADMIN', null)
    const { root, branch, leaf, otherBranch } = await createTree(api)
    const deeper = await createCenter(api.prisma, { parent: leaf })
    const result = await api.graphql(
      updateCenterMutation,
      { input: { center: centerId(branch), version: 1, parent: centerId(otherBranch) } },
      credentials,
    )
    expect(result.data?.updateCenter).toMatchObject({
      __typename: 'UpdateCenterPayload',
      center: {
        parent: { code: otherBranch.code },
        ancestors: [{ code: root.code }, { code: otherBranch.code }],
      },
    })
    const paths = Object.fromEntries(
      (await api.prisma.center.findMany({ where: { id: { in: [branch.id, leaf.id, deeper.id] } } })).map(
        (c) => [c.id, c.path],
      ),
    )
    expect(paths[branch.id]).toBe(`${otherBranch.path}${branch.id}/`)
    expect(paths[leaf.id]).toBe(`${otherBranch.path}${branch.id}/${leaf.id}/`)
    expect(paths[deeper.id]).toBe(`${otherBranch.path}${branch.id}/${leaf.id}/${deeper.id}/`)
    const untouched = await api.prisma.center.findUniqueOrThrow({ where: { id: otherBranch.id } })
    expect(untouched.path).toBe(otherBranch.path)

    const toRoot = await api.graphql(
      updateCenterMutation,
      { input: { center: centerId(leaf), version: 1, parent: null } },
      credentials,
    )
    expect(toRoot.data?.updateCenter.center).toMatchObject({ parent: null, ancestors: [] })
    expect((await api.prisma.center.findUniqueOrThrow({ where: { id: deeper.id } })).path).toBe(
      `/${leaf.id}/${deeper.id}/`,
    )
  })

  it('a center cannot move below itself or its descendants', async () => {
    const { user, credentials } = await api.userWithRole('ADMIN', null)
    const { branch, leaf } = await createTree(api)
    for (const target of [branch, leaf]) {
      const result = await api.graphql(
        updateCenterMutation,
        { input: { center: centerId(branch), version: 1, parent: centerId(target) } },
        credentials,
      )
      expect(result.data?.updateCenter).toMatchObject({
        __typename: 'ValidationError',
        fieldErrors: [{ path: ['input', 'parent'], code: 'CENTER_MOVE_CYCLE' }],
      })
    }
    expect((await api.prisma.center.findUniqueOrThrow({ where: { id: branch.id } })).path).toBe(branch.path)
    expect(await api.prisma.auditEvent.count({ where: { actorId: user.id } })).toBe(0)
  })

  it('changing an unknown center is NOT_FOUND', async () => {
    const { credentials } = await api.userWithRole('ADMIN', null)
    const result = await api.graphql(
      updateCenterMutation,
      {
        input: {
          center: encodeGlobalID('Center', '0198a1b2-0000-7000-8000-000000000000'),
          version: 1,
          name: 'X',
        },
      },
      credentials,
    )
    expect(result.data?.updateCenter.__typename).toBe('NotFoundError')
  })
})

describe('a center’s staff and enrollments', () => {
  const countsQuery = `query ($id: ID!) {
    node(id: $id) { ... on Center { staffCount liveEnrollmentCount } }
  }`

  it('counts the center’s own active staff and live enrollments, for those who may read it, and nothing for others', async () => {
    const setting = await campaignSetting(api)
    for (const person of [personInput(), personInput()]) {
      const registered = await api.graphql(
        registerEnrollment,
        { input: vsiInput(setting, {}, person) },
        setting.admin.credentials,
      )
      expect(registered.data?.registerEnrollment.__typename).toBe('RegisterEnrollmentPayload')
    }
    await createUser(api.prisma, { role: 'AGENT', center: setting.center, active: false })
    const counts = (credentials: Credentials) =>
      api
        .graphql(countsQuery, { id: centerId(setting.center) }, credentials)
        .then((result) => result.data?.node)

    // The agent of setting.center is its one active account; the deactivated one is not counted.
    expect(await counts(setting.admin.credentials)).toEqual({ staffCount: 1, liveEnrollmentCount: 2 })
    expect(await counts(setting.manager.credentials)).toEqual({ staffCount: 1, liveEnrollmentCount: 2 })
    expect(await counts(setting.otherAgent.credentials)).toEqual({
      staffCount: null,
      liveEnrollmentCount: null,
    })
  })
})
