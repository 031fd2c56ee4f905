// Where a viewer may read and write, by the center tree: admins everywhere; a center manager in its
// center's subtree; an agent at its own center; a viewer reads its subtree (or everything when it has
// no center) and writes nowhere. Every list and mutation goes through these.
import type { Prisma } from '@tangtoc/db'
import { roleScopes } from '@tangtoc/shared'
import type { Context, Viewer } from '../../context.ts'
import { ForbiddenError } from '../../errors.ts'

type CenterRef = { id: string; path: string }

/** A filter on centers: those whose data the viewer may read. */
export function readableCentersWhere(viewer: Viewer): Prisma.CenterWhereInput {
  if (viewer.role === 'ADMIN') return {}
  if (viewer.role === 'AGENT') return { id: { in: viewer.centerId ? [viewer.centerId] : [] } }
  if (viewer.centerPath) return { path: { startsWith: viewer.centerPath } }
  return viewer.role === 'VIEWER' ? {} : { id: { in: [] } }
}

/**
 * The ids of the centers every condition selects (a viewer's, a list's filter); null when none narrows
 * them: every center. Kept per instance: the centers change rarely, and every change of one empties
 * the caches (changesCachedData).
 */
export async function centerIdsWhere(
  context: Pick<Context, 'prisma' | 'caches'>,
  conditions: Prisma.CenterWhereInput[],
): Promise<string[] | null> {
  const narrowing = conditions.filter((where) => Object.keys(where).length > 0)
  if (narrowing.length === 0) return null
  return context.caches.through(
    context.caches.centerIds,
    context.prisma,
    JSON.stringify(narrowing),
    async () => ({
      value: (await context.prisma.center.findMany({ where: { AND: narrowing }, select: { id: true } })).map(
        (center) => center.id,
      ),
    }),
  )
}

export function canReadCenter(viewer: Viewer, center: CenterRef): boolean {
  if (viewer.role === 'ADMIN') return true
  if (viewer.role === 'AGENT') return center.id === viewer.centerId
  if (viewer.centerPath) return center.path.startsWith(viewer.centerPath)
  return viewer.role === 'VIEWER'
}

export function canWriteCenter(viewer: Viewer, center: CenterRef): boolean {
  if (viewer.tokenScope === 'READ') return false
  switch (roleScopes[viewer.role]) {
    case 'ALL':
      return true
    case 'SUBTREE':
      return viewer.centerPath !== null && center.path.startsWith(viewer.centerPath)
    case 'OWN_CENTER':
      return center.id === viewer.centerId
    case 'NONE':
      return false
  }
}

export function assertCanWriteCenter(viewer: Viewer | null, center: CenterRef): asserts viewer is Viewer {
  if (!viewer || !canWriteCenter(viewer, center)) {
    throw new ForbiddenError({
      vi: 'Bạn không có quyền thay đổi dữ liệu của đơn vị này.',
      en: 'You may not change data of this center.',
    })
  }
}
