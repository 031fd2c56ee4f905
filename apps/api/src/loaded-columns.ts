// A page of the enrollment list resolves about 650 fields; two kinds of them did far more than read
// a column of the row:
// - plugin-prisma wraps every field of a type in select mode that selects a column (each `t.expose*`,
//   and each field with a `select` of its own) in a resolver that looks up, by the field's response
//   path, whether the row was loaded by the query it planned, and loads the column when not: 8 of
//   each row's 10 fields, 500 lookups a page, each building and memoising path strings;
// - the Relay plugin's node `id` is an async resolver: a promise for each of a page's 150 nodes,
//   which makes the executor complete every row, person and center asynchronously.
// This plugin, placed just before PrismaPlugin (so that scope-auth still wraps it), answers both from
// the row when the row holds the column, and leaves every other case to the plugins it stands before.
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core'
import { encodeGlobalID } from '@pothos/plugin-relay'
import type { GraphQLFieldResolver } from 'graphql'

type Resolver = GraphQLFieldResolver<unknown, object>

/** The extension of a node's `id` field (the Relay plugin's idFieldOptions) naming its row's key. */
export const nodeIdColumn = 'nodeIdColumn'

export class LoadedColumnsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(resolver: Resolver, fieldConfig: PothosOutputFieldConfig<Types>): Resolver {
    const idColumn = fieldConfig.extensions?.[nodeIdColumn]
    if (typeof idColumn === 'string' && fieldConfig.graphqlKind === 'Object') {
      const typeName = fieldConfig.parentType
      return (parent, args, context, info) => {
        const id = (parent as Record<string, unknown>)[idColumn]
        return id === undefined ? resolver(parent, args, context, info) : encodeGlobalID(typeName, String(id))
      }
    }
    const column = fieldConfig.extensions?.pothosExposedField
    if (fieldConfig.kind !== 'PrismaObject' || typeof column !== 'string') return resolver
    if (!fieldConfig.extensions?.pothosPrismaSelect) return resolver
    return (parent, args, context, info) => {
      const value = (parent as Record<string, unknown>)[column]
      return value === undefined ? resolver(parent, args, context, info) : value
    }
  }
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      loadedColumns: LoadedColumnsPlugin<Types>
    }
  }
}

export const loadedColumns = 'loadedColumns'
SchemaBuilder.registerPlugin(loadedColumns, LoadedColumnsPlugin)
