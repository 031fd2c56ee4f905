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

/** A center node in select mode, in the API's order of plugins, given as a whole row or as its id alone. */
function centerSchema(centerId: string) {
  const builder = new SchemaBuilder<{ PrismaTypes: PrismaTypes; Context: object }>({
    plugins: [loadedColumns, PrismaPlugin, RelayPlugin],
    prisma: { client: database.prisma, dmmf: getDatamodel() },
    relay: { idFieldOptions: { extensions: { [nodeIdColumn]: 'id' } } },
  })
  const CenterNode = builder.prismaNode('Center', {
    id: { field: 'id' },
    select: { id: true },
    fields: (t) => ({ name: t.exposeString('name'), code: t.exposeString('code') }),
  })
  builder.queryType({
    fields: (t) => ({
      planned: t.prismaField({
        type: 'Center',
        resolve: (query) => database.prisma.center.findUniqueOrThrow({ ...query, where: { id: centerId } }),
      }),
      // A row read outside plugin-prisma's plan, with its key alone: its columns are plugin-prisma's to load.
      keyOnly: t.field({ type: CenterNode, resolve: () => ({ id: centerId }) }),
    }),
  })
  const schema = builder.toSchema()
  return (field: string) =>
    log.during(async () =>
      execute({ schema, document: parse(`{ ${field} { id name code } }`), contextValue: {} }),
    )
}

describe('a column the row holds', () => {
  it('answers from the row: the node’s Relay global id and its exposed columns, in the one statement that read it', async () => {
    const center = await createCenter(database.prisma)
    const { result, statements } = await centerSchema(center.id)('planned')
    expect(result.errors).toBeUndefined()
    expect(result.data?.planned).toEqual({
      id: encodeGlobalID('Center', center.id),
      name: center.name,
      code: center.code,
    })
    expect(statements).toHaveLength(1)
  })

  it('is still read by plugin-prisma when the row does not hold it', async () => {
    const center = await createCenter(database.prisma)
    const { result, statements } = await centerSchema(center.id)('keyOnly')
    expect(result.errors).toBeUndefined()
    expect(result.data?.keyOnly).toEqual({
      id: encodeGlobalID('Center', center.id),
      name: center.name,
      code: center.code,
    })
    // The name and the code loaded together, once.
    expect(statements).toHaveLength(1)
  })
})
