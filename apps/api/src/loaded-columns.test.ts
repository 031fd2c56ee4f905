import SchemaBuilder from '@pothos/core'
import PrismaPlugin from '@pothos/plugin-prisma'
import RelayPlugin, { encodeGlobalID } from '@pothos/plugin-relay'
import { createCenter } from '@tangtoc/db/fixtures'
import type PrismaTypes from '@tangtoc/db/pothos'
import { getDatamodel } from '@tangtoc/db/pothos'
import { createTestDatabase, QueryLog, type TestDatabase } from '@tangtoc/db/testing'
import { execute, parse } from 'graphql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadedColumns, nodeIdColumn } from './loaded-columns.ts'

const log = new QueryLog()
let database: TestDatabase
beforeAll(async () => {
  database = await createTestDatabase({ onQuery: log.record })
})
afterAll(() => database.close())

/**
 * A center node in select mode, in the API's order of plugins, given as a whole row, as its id alone,
 * or as rows read elsewhere holding their parent (whole, or without its name).
 */
function centerSchema(centerId: string, parent: { id: string; name: string } | null = null) {
  type Types = { PrismaTypes: PrismaTypes; Context: object }
  const options = {
    plugins: [loadedColumns, PrismaPlugin, RelayPlugin],
    prisma: { client: database.prisma, dmmf: getDatamodel() },
    relay: { idFieldOptions: { extensions: { [nodeIdColumn]: 'id' } } },
  }
  // The options of the API's other plugins (scope-auth, errors), which this schema does not use, are
  // required by their global types.
  const builder = new SchemaBuilder<Types>(
    options as unknown as ConstructorParameters<typeof SchemaBuilder<Types>>[0],
  )
  const CenterNode = builder.prismaNode('Center', {
    id: { field: 'id' },
    select: { id: true },
    fields: (t) => ({
      name: t.exposeString('name'),
      code: t.exposeString('code'),
      parent: t.relation('parent', { nullable: true }),
    }),
  })
  const row = { id: centerId, name: 'Bưu điện', code: 'BD' }
  builder.queryType({
    fields: (t) => ({
      planned: t.prismaField({
        type: 'Center',
        resolve: (query) => database.prisma.center.findUniqueOrThrow({ ...query, where: { id: centerId } }),
      }),
      // A row read outside plugin-prisma's plan, with its key alone: its columns are plugin-prisma's to load.
      keyOnly: t.field({ type: CenterNode, resolve: () => ({ id: centerId }) }),
      withParent: t.field({ type: CenterNode, resolve: () => ({ ...row, parent }) }),
      withParentKeyOnly: t.field({
        type: CenterNode,
        resolve: () => ({ ...row, parent: parent && { id: parent.id } }),
      }),
    }),
  })
  const schema = builder.toSchema()
  return (field: string, selection = 'id name code') =>
    log.during(async () =>
      execute({ schema, document: parse(`{ ${field} { ${selection} } }`), contextValue: {} }),
    )
}

describe('a column the row holds', () => {
  it.each([
    [
      'planned',
      'answers from the row: the node’s Relay global id and its exposed columns, from the statement that read it',
    ],
    ['keyOnly', 'is still read by plugin-prisma when the row holds only its key: its columns together, once'],
  ])('%s: %s', async (field) => {
    const center = await createCenter(database.prisma)
    const { result, statements } = await centerSchema(center.id)(field)
    expect(result.errors).toBeUndefined()
    expect(result.data?.[field]).toEqual({
      id: encodeGlobalID('Center', center.id),
      name: center.name,
      code: center.code,
    })
    expect(statements).toHaveLength(1)
  })
})

describe('a to-one relation the row holds', () => {
  it('answers from the planned statement', async () => {
    const parent = await createCenter(database.prisma)
    const center = await createCenter(database.prisma, { parent })
    const { result, statements } = await centerSchema(center.id)('planned', 'id parent { id name }')
    expect((result.data as Record<string, { parent: unknown }>).planned?.parent).toEqual({
      id: encodeGlobalID('Center', parent.id),
      name: parent.name,
    })
    expect(statements).toHaveLength(1)
  })

  it('answers from a row read elsewhere when it holds every column asked: no statement', async () => {
    const parent = { id: '00000000-0000-4000-8000-000000000001', name: 'Cha' }
    const { result, statements } = await centerSchema(parent.id, parent)(
      'withParent',
      'id parent { id name }',
    )
    expect((result.data as Record<string, { parent: unknown }>).withParent?.parent).toEqual({
      id: encodeGlobalID('Center', parent.id),
      name: 'Cha',
    })
    expect(statements).toHaveLength(0)
  })

  it.each([
    ['a column the row lacks', 'withParentKeyOnly', 'id parent { id name }'],
    ['a relation of the relation', 'withParent', 'id parent { id name parent { id } }'],
  ])('leaves %s to plugin-prisma, which reads it', async (_label, field, selection) => {
    const parent = await createCenter(database.prisma)
    const center = await createCenter(database.prisma, { parent })
    const { result, statements } = await centerSchema(center.id, parent)(field, selection)
    expect(result.errors).toBeUndefined()
    expect((result.data as Record<string, { parent: unknown }>)[field]?.parent).toMatchObject({
      id: encodeGlobalID('Center', parent.id),
      name: parent.name,
    })
    expect(statements.length).toBeGreaterThan(0)
  })
})
