import { Role } from '@tangtoc/db'
import { builder } from '../../builder.ts'

export const RoleEnum = builder.enumType(Role, {
  name: 'Role',
  description:
    'What a user may do: ADMIN everything; CENTER_MANAGER read and write within its center’s subtree; AGENT register enrollments and record sessions for its own center; VIEWER read only, with citizen IDs and phones masked.',
})

export const UserNode = builder.prismaNode('User', {
  id: { field: 'id' },
  description: 'Someone who signs in to the console or owns API tokens.',
  authScopes: { signedIn: true },
  fields: (t) => ({
    username: t.exposeString('username', { description: 'The login name.' }),
    displayName: t.exposeString('displayName', { description: 'The name shown to others.' }),
    role: t.expose('role', { type: RoleEnum, description: 'What the user may do.' }),
    center: t.relation('center', { nullable: true, description: 'The center the user’s rights are scoped to.' }),
    active: t.exposeBoolean('active', { description: 'Whether the user may sign in.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the user was created.' }),
    version: t.exposeInt('version', { description: 'Increases on every change; send it back to update.' }),
  }),
})
