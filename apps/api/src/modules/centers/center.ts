import type { Prisma } from '@tangtoc/db'
import { foldSearchKey } from '@tangtoc/shared'
import { builder } from '../../builder.ts'
import { idOf } from '../../global-id.ts'
import { canReadCenter } from '../auth/center-access.ts'
import { CenterKindEnum, OrganizationEnum } from '../enums.ts'

export const CenterNode = builder.prismaNode('Center', {
  id: { field: 'id' },
  description:
    'A node of the organisational tree: the city post office, a central post office, a base social-insurance office, an online bridge point. Readable by every signed-in user.',
  authScopes: { signedIn: true },
  // long: the center's GraphQL fields, one entry each with its description; apart they would only scatter the type
  fields: (t) => ({
    code: t.exposeString('code', { description: 'A short code unique among centers.' }),
    name: t.exposeString('name', { description: 'The name people use, in Vietnamese.' }),
    kind: t.expose('kind', { type: CenterKindEnum, description: 'What kind of center this is.' }),
    organization: t.expose('organization', {
      type: OrganizationEnum,
      description: 'Vietnam Post or Social Insurance.',
    }),
    address: t.exposeString('address', { nullable: true, description: 'The street address.' }),
    ward: t.relation('ward', { nullable: true, description: 'The ward the center is in.' }),
    parent: t.relation('parent', { nullable: true, description: 'The center above this one in the tree.' }),
    depth: t.int({
      description: 'How far below a root of the tree the center is: 0 for a root.',
      select: { path: true },
      resolve: (center) => pathIds(center.path).length - 1,
    }),
    ancestors: t.prismaField({
      type: ['Center'],
      description: 'The centers above this one, from the root down to its parent (empty for a root).',
      select: { path: true },
      resolve: async (query, center, _args, context) => {
        const ids = pathIds(center.path).slice(0, -1)
        if (ids.length === 0) return []
        const rows = await context.prisma.center.findMany({ ...query, where: { id: { in: ids } } })
        return ids.flatMap((id) => rows.filter((row) => row.id === id))
      },
    }),
    children: t.relatedConnection('children', {
      cursor: 'id',
      totalCount: true,
      description: 'The centers directly below this one, ordered by code.',
      query: () => ({ orderBy: [{ code: 'asc' }, { id: 'asc' }] }),
    }),
    descendants: t.prismaConnection({
      type: 'Center',
      cursor: 'id',
      description: 'Every center below this one, at any depth, ordered by code.',
      args: { kind: t.arg({ type: CenterKindEnum, description: 'Only descendants of this kind.' }) },
      totalCount: (center, args, context) =>
        context.prisma.center.count({ where: descendantsWhere(center.path, args.kind) }),
      resolve: (query, center, args, context) =>
        context.prisma.center.findMany({
          ...query,
          where: descendantsWhere(center.path, args.kind),
          orderBy: [{ code: 'asc' }, { id: 'asc' }],
        }),
    }),
    staffCount: t.int({
      nullable: true,
      description:
        'The active user accounts of this center itself (not of the centers below it); null for a center whose data you may not read.',
      select: { id: true, path: true, _count: { select: { users: { where: { active: true } } } } },
      resolve: (center, _args, context) =>
        context.viewer && canReadCenter(context.viewer, center) ? center._count.users : null,
    }),
    liveEnrollmentCount: t.int({
      nullable: true,
      description:
        'The live enrollments (neither rejected nor cancelled) registered at this center itself, in every campaign; null for a center whose data you may not read.',
      select: { id: true, path: true, _count: { select: { enrollments: { where: { live: true } } } } },
      resolve: (center, _args, context) =>
        context.viewer && canReadCenter(context.viewer, center) ? center._count.enrollments : null,
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the center was created.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When the center last changed.' }),
    version: t.exposeInt('version', { description: 'Increases on every change; send it back to update.' }),
  }),
})

/** The ids on a materialized path "/root/…/self/", root first. */
export function pathIds(path: string): string[] {
  return path.split('/').filter(Boolean)
}

function descendantsWhere(
  path: string,
  kind?: Prisma.CenterWhereInput['kind'] | null,
): Prisma.CenterWhereInput {
  return { AND: [{ path: { startsWith: path } }, { path: { not: path } }], ...(kind ? { kind } : {}) }
}

builder.queryField('center', (t) =>
  t.prismaField({
    type: 'Center',
    nullable: true,
    authScopes: { signedIn: true },
    description: 'A center by its code.',
    args: { code: t.arg.string({ required: true, description: 'The center code.' }) },
    resolve: (query, _root, args, context) =>
      context.prisma.center.findUnique({ ...query, where: { code: args.code } }),
  }),
)

const CenterFilter = builder.inputType('CenterFilter', {
  description: 'Which centers to list; every condition given must hold.',
  fields: (t) => ({
    rootsOnly: t.boolean({ description: 'Only the roots of the tree (centers with no parent).' }),
    parent: t.id({ description: 'Only the centers directly below this one.' }),
    kind: t.field({ type: CenterKindEnum, description: 'Only centers of this kind.' }),
    organization: t.field({ type: OrganizationEnum, description: 'Only centers of this organisation.' }),
    search: t.string({
      description:
        'Words of the name with or without diacritics ("thu duc" finds "Thủ Đức"), or part of the code.',
    }),
  }),
})

const CenterOrder = builder.enumType('CenterOrder', {
  description: 'How to order a list of centers.',
  values: {
    CODE_ASC: { description: 'By code, A to Z.' },
    NAME_ASC: { description: 'By name without diacritics, A to Z.' },
  } as const,
})

builder.queryField('centers', (t) =>
  t.prismaConnection({
    type: 'Center',
    cursor: 'id',
    authScopes: { signedIn: true },
    description: 'The centers of the organisational tree; readable by every signed-in user.',
    args: {
      filter: t.arg({ type: CenterFilter, description: 'Which centers to list.' }),
      orderBy: t.arg({
        type: CenterOrder,
        defaultValue: 'CODE_ASC',
        description: 'The order; by code by default.',
      }),
    },
    totalCount: (_parent, args, context) => context.prisma.center.count({ where: centerFilter(args.filter) }),
    resolve: (query, _root, args, context) =>
      context.prisma.center.findMany({
        ...query,
        where: centerFilter(args.filter),
        orderBy:
          args.orderBy === 'NAME_ASC'
            ? [{ searchKey: 'asc' }, { id: 'asc' }]
            : [{ code: 'asc' }, { id: 'asc' }],
      }),
  }),
)

function centerFilter(filter?: typeof CenterFilter.$inferInput | null): Prisma.CenterWhereInput {
  if (!filter) return {}
  const search = filter.search ? foldSearchKey(filter.search) : ''
  return {
    ...(filter.rootsOnly ? { parentId: null } : {}),
    ...(filter.parent ? { parentId: idOf(filter.parent, 'Center', 'filter.parent') } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.organization ? { organization: filter.organization } : {}),
    ...(search
      ? {
          OR: [
            { searchKey: { contains: search } },
            { code: { contains: filter.search?.trim(), mode: 'insensitive' } },
          ],
        }
      : {}),
  }
}
