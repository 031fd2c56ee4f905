import type { Prisma } from '@tangtoc/db'
import { builder } from '../../builder.ts'
import { CenterKindEnum, OrganizationEnum } from '../enums.ts'

export const CenterNode = builder.prismaNode('Center', {
  id: { field: 'id' },
  description:
    'A node of the organisational tree: the city post office, a central post office, a base social-insurance office, an online bridge point.',
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
    children: t.relatedConnection('children', {
      cursor: 'id',
      totalCount: true,
      description: 'The centers directly below this one.',
      query: () => ({ orderBy: { code: 'asc' } }),
    }),
  }),
})

builder.queryField('center', (t) =>
  t.prismaField({
    type: 'Center',
    nullable: true,
    description: 'A center by its code.',
    args: { code: t.arg.string({ required: true, description: 'The center code.' }) },
    resolve: (query, _root, args, context) =>
      context.prisma.center.findUnique({ ...query, where: { code: args.code } }),
  }),
)

builder.queryField('centers', (t) =>
  t.prismaConnection({
    type: 'Center',
    cursor: 'id',
    totalCount: (_parent, args, context) =>
      context.prisma.center.count({
        where: centerFilter({ rootsOnly: args.rootsOnly, kind: args.kind, organization: args.organization }),
      }),
    description: 'Centers, ordered by code; the roots of the tree with `rootsOnly`.',
    args: {
      rootsOnly: t.arg.boolean({ description: 'Only centers with no parent.' }),
      kind: t.arg({ type: CenterKindEnum, description: 'Only centers of this kind.' }),
      organization: t.arg({ type: OrganizationEnum, description: 'Only centers of this organisation.' }),
    },
    resolve: (query, _root, args, context) =>
      context.prisma.center.findMany({ ...query, where: centerFilter(args), orderBy: { code: 'asc' } }),
  }),
)

function centerFilter(args: {
  rootsOnly?: boolean | null
  kind?: Prisma.CenterWhereInput['kind'] | null
  organization?: Prisma.CenterWhereInput['organization'] | null
}): Prisma.CenterWhereInput {
  return {
    ...(args.rootsOnly ? { parentId: null } : {}),
    ...(args.kind ? { kind: args.kind } : {}),
    ...(args.organization ? { organization: args.organization } : {}),
  }
}
