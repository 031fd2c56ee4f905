import SchemaBuilder from '@pothos/core'
import ErrorsPlugin from '@pothos/plugin-errors'
import PrismaPlugin from '@pothos/plugin-prisma'
import RelayPlugin from '@pothos/plugin-relay'
import ScopeAuthPlugin from '@pothos/plugin-scope-auth'
import type { Role } from '@tangtoc/db'
import type PrismaTypes from '@tangtoc/db/pothos'
import { getDatamodel } from '@tangtoc/db/pothos'
import { type GraphQLResolveInfo, isObjectType } from 'graphql'
import type { Context } from './context.ts'
import { ForbiddenError } from './errors.ts'
import { decodeGlobalId, invalidGlobalId } from './global-id.ts'
import { loadedColumns, nodeIdColumn } from './loaded-columns.ts'
import { readableNodes } from './readable-nodes.ts'
import { typeScopesOnce, typeScopesOnceInner } from './type-scopes-once.ts'

export const builder = new SchemaBuilder<{
  Context: Context
  PrismaTypes: PrismaTypes
  DefaultFieldNullability: false
  AuthScopes: {
    signedIn: boolean
    admin: boolean
    /** May change data: not a viewer, and not through a read-only API token. */
    write: boolean
    roles: Role[]
  }
  Scalars: {
    Date: { Input: string; Output: Date | string }
    DateTime: { Input: Date; Output: Date }
    JSON: { Input: unknown; Output: unknown }
  }
}>({
  defaultFieldNullability: false,
  // Errors before scope-auth, so that a mutation refused by its authScopes returns ForbiddenError as a value;
  // an object type's scopes checked once a request around scope-auth (type-scopes-once.ts); a column
  // the row holds answered before plugin-prisma looks the row up (loaded-columns.ts).
  plugins: [
    ErrorsPlugin,
    typeScopesOnce,
    ScopeAuthPlugin,
    typeScopesOnceInner,
    loadedColumns,
    PrismaPlugin,
    RelayPlugin,
  ],
  scopeAuth: {
    authorizeOnSubscribe: true,
    authScopes: ({ viewer }) => ({
      signedIn: viewer !== null,
      admin: viewer?.role === 'ADMIN',
      write: viewer !== null && viewer.role !== 'VIEWER' && viewer.tokenScope !== 'READ',
      roles: (roles) => viewer !== null && roles.includes(viewer.role),
    }),
    unauthorizedError: (_parent, _context, _info, result) =>
      new ForbiddenError({ vi: 'Bạn không có quyền truy cập.', en: result.message }),
  },
  errors: {
    defaultTypes: [],
    directResult: true,
    defaultUnionOptions: { name: ({ fieldName }) => `${capitalize(fieldName)}Result` },
    defaultResultOptions: { name: ({ fieldName }) => `${capitalize(fieldName)}Success` },
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // Every node's global id encodes its row's `id` (prismaNode's `id: { field: 'id' }`).
    idFieldOptions: { extensions: { [nodeIdColumn]: 'id' } },
    // node(id:) and nodes(ids:) read ids as every other argument does: a value that is not a global id,
    // or names no type of node, is the client's error.
    decodeGlobalID: (value) => {
      const decoded = decodeGlobalId(value)
      if (!decoded) throw invalidGlobalId('id', 'Node')
      return decoded
    },
    nodeQueryOptions: {
      resolve: (_root, { id }, _context, info, resolveNode) => resolveNode(nodeId(info, id, 'id')),
    },
    nodesQueryOptions: {
      resolve: (_root, { ids }, context, info) =>
        readableNodes(
          context,
          info,
          ids.map((id, index) => nodeId(info, id, `ids.${index}`)),
        ),
    },
  },
  prisma: {
    client: (context) => context.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    defaultConnectionSize: 20,
    maxConnectionSize: 100,
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'warn',
  },
})

builder.queryType({ description: 'The root of every read.' })
builder.mutationType({
  description: 'The root of every change.',
  // A read-only API token changes nothing, whatever the mutation's own scopes say.
  authScopes: (_root, { viewer }) => viewer?.tokenScope !== 'READ',
})

/** The id, when its type is a node of the schema; a ValidationError at `path` otherwise. */
function nodeId(info: GraphQLResolveInfo, id: { typename: string; id: string }, path: string) {
  const type = info.schema.getType(id.typename)
  const isNode = isObjectType(type) && type.getInterfaces().some((face) => face.name === 'Node')
  if (!isNode) throw invalidGlobalId(path, 'Node')
  return id
}

function capitalize(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1)
}
