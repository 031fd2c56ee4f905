// A page of the enrollment list resolves about 650 fields; three kinds of them did far more than read
// a column of the row:
// - plugin-prisma wraps every field of a type in select mode that selects a column (each `t.expose*`,
//   and each field with a `select` of its own) in a resolver that looks up, by the field's response
//   path, whether the row was loaded by the query it planned, and loads the column when not: 8 of
//   each row's 10 fields, 500 lookups a page, each building and memoising path strings;
// - it wraps each relation (a row's person, its center) the same way, and records the mapping found
//   for the fields below it: 100 lookups and records a page;
// - the Relay plugin's node `id` is an async resolver: a promise for each of a page's 150 nodes,
//   which makes the executor complete every row, person and center asynchronously.
// This plugin, placed just before PrismaPlugin (so that scope-auth still wraps it), answers them from
// the row when the row holds what they read, and leaves every other case to the plugins it stands before.
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core'
import { encodeGlobalID } from '@pothos/plugin-relay'
import {
  type FieldNode,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  getNamedType,
  isLeafType,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from 'graphql'

type Resolver = GraphQLFieldResolver<unknown, object>
type Row = Record<string, unknown>

/** The extension of a node's `id` field (the Relay plugin's idFieldOptions) naming its row's key. */
export const nodeIdColumn = 'nodeIdColumn'

export class LoadedColumnsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(resolver: Resolver, fieldConfig: PothosOutputFieldConfig<Types>): Resolver {
    const idColumn = fieldConfig.extensions?.[nodeIdColumn]
    if (typeof idColumn === 'string' && fieldConfig.graphqlKind === 'Object') {
      const typeName = fieldConfig.parentType
      return (parent, args, context, info) => {
        const id = (parent as Row)[idColumn]
        return id === undefined ? resolver(parent, args, context, info) : encodeGlobalID(typeName, String(id))
      }
    }
    if (fieldConfig.kind !== 'PrismaObject' || !fieldConfig.extensions?.pothosPrismaSelect) return resolver
    const relation = fieldConfig.extensions.pothosPrismaRelationField as
      | { name: string; isList: boolean }
      | undefined
    if (relation && !relation.isList) return relationFromRow(resolver, relation.name)
    const column = fieldConfig.extensions.pothosExposedField
    if (typeof column !== 'string') return resolver
    return (parent, args, context, info) => {
      const value = (parent as Row)[column]
      return value === undefined ? resolver(parent, args, context, info) : value
    }
  }
}

/**
 * A to-one relation the row holds, answered from the row when every field the query asks of it
 * answers from what the row holds (its columns, its node id, fields reading the columns its type
 * always selects): then nothing below it needs plugin-prisma's mapping, which it would otherwise look
 * up and record. Any other selection, or a row that lacks a column asked, goes to plugin-prisma.
 */
function relationFromRow(resolver: Resolver, name: string): Resolver {
  return (parent, args, context, info) => {
    const value = (parent as Row)[name]
    if (value === undefined) return resolver(parent, args, context, info)
    const columns = columnsAsked(info)
    if (!columns) return resolver(parent, args, context, info)
    if (value === null) return null
    for (const column of columns)
      if ((value as Row)[column] === undefined) return resolver(parent, args, context, info)
    return value
  }
}

/** What a field's selection reads of its object's row, by the document's field node (Yoga keeps documents). */
const askedByNode = new WeakMap<FieldNode, readonly string[] | null>()

/** The columns the field's selection reads of the row it resolves to; null when it asks for more than columns. */
function columnsAsked(info: GraphQLResolveInfo): readonly string[] | null {
  const [node, ...others] = info.fieldNodes
  if (!node || others.length > 0) return null
  let columns = askedByNode.get(node)
  if (columns === undefined) {
    const type = getNamedType(info.returnType)
    columns = isObjectType(type) && node.selectionSet ? selectionColumns(type, node.selectionSet, info) : null
    askedByNode.set(node, columns)
  }
  return columns
}

function selectionColumns(
  type: GraphQLObjectType,
  selectionSet: SelectionSetNode,
  info: GraphQLResolveInfo,
): readonly string[] | null {
  const columns = new Set<string>()
  const visit = (set: SelectionSetNode): boolean =>
    set.selections.every((selection) => {
      // A directive (@skip, @include, @defer) makes the selection depend on the request.
      if (selection.directives && selection.directives.length > 0) return false
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === '__typename') return true
        const field = type.getFields()[selection.name.value]
        const read = field && fieldColumns(type, field)
        if (!read) return false
        for (const column of read) columns.add(column)
        return true
      }
      const fragment =
        selection.kind === Kind.INLINE_FRAGMENT ? selection : info.fragments[selection.name.value]
      if (!fragment) return false
      const on = fragment.typeCondition?.name.value
      return (!on || on === type.name) && visit(fragment.selectionSet)
    })
  return visit(selectionSet) ? [...columns] : null
}

/** The columns a leaf field reads of its row; null when its resolver needs more than the row. */
function fieldColumns(type: GraphQLObjectType, field: GraphQLField<unknown, unknown>): string[] | null {
  if (!isLeafType(getNamedType(field.type))) return null
  const id = field.extensions?.[nodeIdColumn]
  if (typeof id === 'string') return [id]
  const exposed = field.extensions?.pothosExposedField
  if (typeof exposed === 'string') return [exposed]
  if (field.extensions?.pothosPrismaSelect) return null
  // A field of its own resolver reads what its type always selects; a type in include mode loads
  // every column, which a row read elsewhere may not hold.
  const always = type.extensions?.pothosPrismaSelect
  return always ? Object.keys(always) : null
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
