// Who is signed in: the API's `me`, read once by the shell and shared with every screen below it.
import { roleScopes } from '@tangtoc/shared'
import { Navigate, useLocation } from '@tanstack/react-router'
import { createContext, type ReactNode, useContext } from 'react'
import { useQuery } from 'urql'
import { graphql, type ResultOf } from '../graphql.ts'
import { LoadFailed, Loading } from '../shell/QueryState.tsx'

export const MeQuery = graphql(`
  query Me {
    me {
      id
      username
      displayName
      role
      center {
        id
        code
        name
      }
    }
  }
`)

export type Viewer = NonNullable<ResultOf<typeof MeQuery>['me']>

const ViewerContext = createContext<Viewer | null>(null)

/** The signed-in user; only inside `ViewerGate`, which never renders its children for anyone else. */
export function useViewer(): Viewer {
  const viewer = useContext(ViewerContext)
  if (!viewer) throw new Error('useViewer is used outside ViewerGate')
  return viewer
}

export const isAdmin = (viewer: Viewer) => viewer.role === 'ADMIN'

/** The viewer registers enrollments and plans sessions somewhere (every role but VIEWER). */
export const canWrite = (viewer: Viewer) => roleScopes[viewer.role] !== 'NONE'

/**
 * The viewer may register and plan at this center, as the API decides (`roleScopes`): an admin
 * anywhere, a center manager in its center's subtree, an agent at its own center only.
 */
export function canWriteAt(viewer: Viewer, center: { id: string; ancestors: readonly { id: string }[] }) {
  const own = viewer.center?.id
  switch (roleScopes[viewer.role]) {
    case 'ALL':
      return true
    case 'SUBTREE':
      return own !== undefined && (center.id === own || center.ancestors.some((above) => above.id === own))
    case 'OWN_CENTER':
      return center.id === own
    case 'NONE':
      return false
  }
}

/** Where to return after signing in: a path of this console, never another site. */
export function safeRedirect(redirect: unknown): string {
  return typeof redirect === 'string' && redirect.startsWith('/') && !redirect.startsWith('//')
    ? redirect
    : '/'
}

/** Renders its children for a signed-in user; sends anyone else to /login, to come back here after. */
export function ViewerGate({ children }: { children: ReactNode }) {
  const href = useLocation({ select: (location) => location.href })
  const [{ data, fetching, error }, reexecute] = useQuery({ query: MeQuery })
  if (fetching && !data) return <Loading />
  if (error && !data)
    return <LoadFailed error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
  if (!data?.me) return <Navigate to="/login" search={{ redirect: href }} replace />
  return <ViewerContext.Provider value={data.me}>{children}</ViewerContext.Provider>
}
