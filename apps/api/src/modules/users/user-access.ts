// Who may see users and their history: admins all of them; a center manager the users of its
// center's subtree, read-only; everyone their own record. By id, anyone also reads the users of the
// centers whose data they may read.
import type { Prisma } from '@tangtoc/db'
import type { Context, Viewer } from '../../context.ts'
import { readableCentersWhere } from '../auth/center-access.ts'

/**
 * A filter on users: those the viewer may read by id (node, nodes). Admins everyone; anyone else
 * themself and the users of a center whose data they may read (a center manager's subtree, an
 * agent's center, a viewer's subtree). A user without a center (an admin) is for admins only.
 */
export function readableUsersWhere(viewer: Viewer | null): Prisma.UserWhereInput {
  if (!viewer) return { id: { in: [] } }
  if (viewer.role === 'ADMIN') return {}
  return { OR: [{ id: viewer.userId }, { center: { is: readableCentersWhere(viewer) } }] }
}

/** A filter on users: those the viewer may list. */
export function listableUsersWhere(viewer: Viewer): Prisma.UserWhereInput {
  if (viewer.role === 'ADMIN') return {}
  if (viewer.role === 'CENTER_MANAGER' && viewer.centerPath)
    return { center: { path: { startsWith: viewer.centerPath } } }
  return { id: viewer.userId }
}

const historyAccess = new WeakMap<Context, Map<string, Promise<boolean>>>()

/** Whether the viewer may read the audit history of a user: once per user and request. */
export function canReadUserHistory(context: Context, userId: string): Promise<boolean> {
  const viewer = context.viewer
  if (!viewer) return Promise.resolve(false)
  if (viewer.role === 'ADMIN' || viewer.userId === userId) return Promise.resolve(true)
  if (viewer.role !== 'CENTER_MANAGER' || !viewer.centerPath) return Promise.resolve(false)
  let known = historyAccess.get(context)
  if (!known) {
    known = new Map()
    historyAccess.set(context, known)
  }
  let answer = known.get(userId)
  if (!answer) {
    answer = context.prisma.user
      .count({ where: { id: userId, ...listableUsersWhere(viewer) } })
      .then((count) => count > 0)
    known.set(userId, answer)
  }
  return answer
}
