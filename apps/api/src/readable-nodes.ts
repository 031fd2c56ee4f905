// `node(id:)` reads one record through its type's findUnique; `nodes(ids:)` reads a thousand ids with
// one statement per type (one read per id ran past Prisma's five-second transaction limit under load).
// Both filter by the same scope: a type readable only in part says which rows with `readableNode`.
import { brandWithType, type OutputType, type SchemaTypes } from '@pothos/core'
import { queryFromInfo } from '@pothos/plugin-prisma'
import type { GraphQLResolveInfo } from 'graphql'
import type { Context, Viewer } from './context.ts'
import type { GlobalId } from './global-id.ts'

const scopes = new Map<string, (viewer: Viewer | null) => object>()

/**
 * The findUnique of a node the viewer may read only where `readable` says, e.g.
 * `findUnique: readableNode('Enrollment', readableEnrollmentsWhere)`; `nodes(ids:)` reads with it too.
 */
export function readableNode<Where extends object>(
  typename: string,
  readable: (viewer: Viewer | null) => Where,
) {
  scopes.set(typename, readable)
  return (id: string, context: Context) => ({ id, AND: [readable(context.viewer)] })
}

interface Delegate {
  findMany(args: object): Promise<{ id: string }[]>
}

/** The records the ids name, in their order: null where there is none the viewer may read. */
export async function readableNodes(context: Context, info: GraphQLResolveInfo, ids: readonly GlobalId[]) {
  const idsByType = new Map<string, Set<string>>()
  for (const { typename, id } of ids) idsByType.set(typename, (idsByType.get(typename) ?? new Set()).add(id))
  const found = new Map<string, object>()
  await Promise.all(
    [...idsByType].map(async ([typename, recordIds]) => {
      for (const record of await readableOfType(context, info, typename, [...recordIds])) {
        brandWithType(record, typename as OutputType<SchemaTypes>)
        found.set(`${typename}:${record.id}`, record)
      }
    }),
  )
  return ids.map(({ typename, id }) => found.get(`${typename}:${id}`) ?? null)
}

/** One type's records among `ids`, with what the query selects beneath them. */
async function readableOfType(context: Context, info: GraphQLResolveInfo, typename: string, ids: string[]) {
  const model = info.schema.getType(typename)?.extensions?.pothosPrismaModel
  if (typeof model !== 'string') throw new Error(`${typename} is a node without a Prisma model`)
  const delegate = (context.prisma as unknown as Record<string, Delegate>)[lowerFirst(model)]
  if (!delegate) throw new Error(`no Prisma delegate for ${model}`)
  const query: { select?: object } = await queryFromInfo({
    context,
    info,
    typeName: typename,
    awaitSelections: true,
  })
  const scope = scopes.get(typename)
  return delegate.findMany({
    ...query,
    ...(query.select ? { select: { ...query.select, id: true } } : {}),
    where: { id: { in: ids }, ...(scope ? { AND: [scope(context.viewer)] } : {}) },
  })
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1)
}
