import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ApiHarness, createApiHarness } from '../../../test/harness.ts'

let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness()
})
afterAll(() => api.close())

const save = `mutation ($input: SaveFilterInput!) {
  saveFilter(input: $input) {
    __typename
    ... on SavedFilterPayload { savedFilter { id name list filter } }
    ... on ValidationError { fieldErrors { path code messageVi } }
  }
}`

const list = `query ($list: SavedFilterList!) { savedFilters(list: $list) { id name filter } }`

const remove = `mutation ($id: ID!) {
  deleteSavedFilter(input: { id: $id }) {
    __typename
    ... on DeleteSavedFilterPayload { deletedId }
  }
}`

describe('saved filters', () => {
  it('an agent saves a filter of the enrollment list, finds it by name, replaces it and deletes it', async () => {
    const { credentials } = await api.userWithRole('AGENT')
    const waiting = { status: ['SUBMITTED'], campaign: 'Q2FtcGFpZ246MQ==' }
    const saved = await api.graphql(
      save,
      { input: { list: 'ENROLLMENTS', name: ' Chờ đóng tiền ', filter: waiting } },
      credentials,
    )
    expect(saved.data?.saveFilter).toMatchObject({ savedFilter: { name: 'Chờ đóng tiền', filter: waiting } })

    const replaced = await api.graphql(
      save,
      { input: { list: 'ENROLLMENTS', name: 'Chờ đóng tiền', filter: { status: ['PAID'] } } },
      credentials,
    )
    expect(replaced.data?.saveFilter.savedFilter.id).toBe(saved.data?.saveFilter.savedFilter.id)
    const mine = await api.graphql(list, { list: 'ENROLLMENTS' }, credentials)
    expect(mine.data?.savedFilters).toEqual([
      { id: saved.data?.saveFilter.savedFilter.id, name: 'Chờ đóng tiền', filter: { status: ['PAID'] } },
    ])
    expect((await api.graphql(list, { list: 'OUTREACH_SESSIONS' }, credentials)).data?.savedFilters).toEqual(
      [],
    )

    const deleted = await api.graphql(remove, { id: saved.data?.saveFilter.savedFilter.id }, credentials)
    expect(deleted.data?.deleteSavedFilter.__typename).toBe('DeleteSavedFilterPayload')
    expect((await api.graphql(list, { list: 'ENROLLMENTS' }, credentials)).data?.savedFilters).toEqual([])
  })

  it('a user neither sees nor deletes another user’s saved filters', async () => {
    const owner = await api.userWithRole('CENTER_MANAGER')
    const other = await api.userWithRole('ADMIN')
    const saved = await api.graphql(
      save,
      { input: { list: 'ENROLLMENTS', name: 'Của tôi', filter: {} } },
      owner.credentials,
    )
    const id = saved.data?.saveFilter.savedFilter.id
    expect((await api.graphql(list, { list: 'ENROLLMENTS' }, other.credentials)).data?.savedFilters).toEqual(
      [],
    )
    const refused = await api.graphql(remove, { id }, other.credentials)
    expect(refused.data?.deleteSavedFilter.__typename).toBe('NotFoundError')
    const node = await api.graphql('query ($id: ID!) { node(id: $id) { id } }', { id }, other.credentials)
    expect(node.data?.node ?? null).toBeNull()
    expect(
      (await api.graphql(list, { list: 'ENROLLMENTS' }, owner.credentials)).data?.savedFilters,
    ).toHaveLength(1)
  })

  it('refuses a nameless filter and one that is not an object, naming the field, in Vietnamese too', async () => {
    const { credentials } = await api.userWithRole('VIEWER')
    const refused = await api.graphql(
      save,
      { input: { list: 'AUDIT_EVENTS', name: '  ', filter: ['SUBMITTED'] } },
      credentials,
    )
    expect(refused.data?.saveFilter.fieldErrors).toEqual([
      { path: ['input', 'name'], code: 'INVALID_LENGTH', messageVi: 'Tên bộ lọc phải có từ 1 đến 60 ký tự.' },
      {
        path: ['input', 'filter'],
        code: 'SAVED_FILTER_INVALID',
        messageVi: 'Bộ lọc phải là một đối tượng JSON dài tối đa 4000 ký tự.',
      },
    ])
  })

  it('refuses an anonymous request', async () => {
    const anonymous = await api.graphql(list, { list: 'ENROLLMENTS' })
    expect(anonymous.errors?.[0]).toBeDefined()
  })
})
