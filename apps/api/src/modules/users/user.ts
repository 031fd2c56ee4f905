import { type Prisma, Role } from '@tangtoc/db'
import { builder } from '../../builder.ts'
import type { Context } from '../../context.ts'
import { idOf } from '../../global-id.ts'
import { readableNode } from '../../readable-nodes.ts'
import { offsetDescription, withOffset } from '../offset.ts'
import { canReadUserHistory, listableUsersWhere, readableUsersWhere } from './user-access.ts'

export const RoleEnum = builder.enumType(Role, {
  name: 'Role',
  description:
    'What a user may do: ADMIN everything; CENTER_MANAGER read and write within its center’s subtree; AGENT register enrollments and record sessions for its own center; VIEWER read only, with citizen IDs and phones masked.',
})

export const UserNode = builder.prismaNode('User', {
  id: { field: 'id' },
  description:
    'Someone who signs in to the console or owns API tokens. By id (node, nodes) admins read every user, anyone else themself and the users of the centers whose data they may read; the users named by a record you may read (who registered an enrollment, planned or staffed a session, made a status change) show with that record.',
  authScopes: { signedIn: true },
  nullable: true,
  findUnique: readableNode('User', readableUsersWhere),
  fields: (t) => ({
    username: t.exposeString('username', { description: 'The login name.' }),
    displayName: t.exposeString('displayName', { description: 'The name shown to others.' }),
    role: t.expose('role', { type: RoleEnum, description: 'What the user may do.' }),
    center: t.relation('center', {
      nullable: true,
      description: 'The center the user’s rights are scoped to.',
    }),
    active: t.exposeBoolean('active', { description: 'Whether the user may sign in.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the user was created.' }),
    version: t.exposeInt('version', { description: 'Increases on every change; send it back to update.' }),
    history: t.prismaConnection({
      type: 'AuditEvent',
      cursor: 'id',
      description:
        'The audit events about this user, the latest first: creation, changes, password resets, deactivation, sign-ins. For admins, the user themself, and a center manager of the user’s center.',
      authScopes: (user, _args, context) => canReadUserHistory(context, user.id),
      totalCount: (user, _args, context) =>
        context.prisma.auditEvent.count({ where: { entityType: 'User', entityId: user.id } }),
      resolve: (query, user, _args, context) =>
        context.prisma.auditEvent.findMany({
          ...query,
          where: { entityType: 'User', entityId: user.id },
          orderBy: [{ at: 'desc' }, { id: 'desc' }],
        }),
    }),
  }),
})

export const UserFilter = builder.inputType('UserFilter', {
  description: 'Which users to list; every field given must match.',
  fields: (t) => ({
    role: t.field({ type: RoleEnum, description: 'Only users with this role.' }),
    center: t.id({ description: 'Only users of this center or a center below it.' }),
    active: t.boolean({ description: 'Only active (true) or deactivated (false) users.' }),
    search: t.string({ description: 'Part of the username or display name, ignoring case.' }),
  }),
})

export const UserOrder = builder.enumType('UserOrder', {
  description: 'The order of a list of users.',
  values: {
    USERNAME: { description: 'By username, A to Z.' },
    DISPLAY_NAME: { description: 'By display name, A to Z.' },
    NEWEST_FIRST: { description: 'The most recently created first.' },
  } as const,
})

type UserFilterShape = typeof UserFilter.$inferInput

async function usersWhere(
  context: Context,
  filter: UserFilterShape | null | undefined,
): Promise<Prisma.UserWhereInput> {
  const viewer = context.viewer
  if (!viewer) return { id: { in: [] } }
  const conditions: Prisma.UserWhereInput[] = [listableUsersWhere(viewer)]
  if (filter?.role) conditions.push({ role: filter.role })
  if (filter?.active != null) conditions.push({ active: filter.active })
  if (filter?.center) {
    const center = await context.prisma.center.findUnique({
      where: { id: idOf(filter.center, 'Center', 'filter.center') },
      select: { path: true },
    })
    conditions.push(center ? { center: { path: { startsWith: center.path } } } : { id: { in: [] } })
  }
  const search = filter?.search?.trim()
  if (search) {
    conditions.push({
      OR: [
        { username: { contains: search, mode: 'insensitive' } },
        { displayName: { contains: search, mode: 'insensitive' } },
      ],
    })
  }
  return { AND: conditions }
}

const userOrders: Record<typeof UserOrder.$inferType, Prisma.UserOrderByWithRelationInput[]> = {
  USERNAME: [{ username: 'asc' }, { id: 'asc' }],
  DISPLAY_NAME: [{ displayName: 'asc' }, { id: 'asc' }],
  NEWEST_FIRST: [{ createdAt: 'desc' }, { id: 'desc' }],
}

builder.queryField('users', (t) =>
  t.prismaConnection({
    type: 'User',
    cursor: 'id',
    description:
      'Users, by username unless `orderBy` says otherwise. Admins see every user; a center manager sees, read-only, the users of its center’s subtree.',
    authScopes: { roles: ['ADMIN', 'CENTER_MANAGER'] },
    args: {
      filter: t.arg({ type: UserFilter, description: 'Which users to list.' }),
      orderBy: t.arg({ type: UserOrder, defaultValue: 'USERNAME', description: 'The order of the list.' }),
      offset: t.arg.int({ description: offsetDescription }),
    },
    totalCount: async (_parent, args, context) =>
      context.prisma.user.count({ where: await usersWhere(context, args.filter) }),
    resolve: async (query, _root, args, context) =>
      context.prisma.user.findMany({
        ...withOffset(query, args),
        where: await usersWhere(context, args.filter),
        orderBy: userOrders[args.orderBy ?? 'USERNAME'],
      }),
  }),
)
