// The first screen after signing in fits the role: the running campaign's progress page for those who
// answer for its targets (admins, managers, viewers), and for an agent the worklists of their center:
// whom to call today, in order of due date, with each list's count. An agent whose manager assigned
// them entries opens on their own, at the most pressing list that holds some.
import type { Worklist } from '@tangtoc/shared'
import { Navigate } from '@tanstack/react-router'
import { useQuery } from 'urql'
import { useViewer } from '../auth/viewer.tsx'
import { WorklistCountsQuery } from '../worklists/WorklistCounts.tsx'
import { Loading } from './QueryState.tsx'

export function HomePage() {
  const viewer = useViewer()
  if (viewer.role === 'AGENT') return <AgentHome />
  return <Navigate to="/progress" replace />
}

/** An agent's lists from the most pressing: money promised for today, then registrations waiting for it. */
const pressing: readonly Worklist[] = [
  'PROMISED',
  'WAITING_PAYMENT',
  'EXPIRING',
  'SESSION_UNPAID',
  'LAPSED',
  'LEADS',
]

function AgentHome() {
  const [{ data, error }] = useQuery({
    query: WorklistCountsQuery,
    variables: { filter: { assignedToMe: true } },
  })
  if (!data && !error) return <Loading />
  const assigned = pressing.find((list) =>
    data?.worklistCounts.some((count) => count.list === list && count.count > 0),
  )
  // Without assigned entries (or their counts), the center's registrations waiting for payment.
  return assigned ? (
    <Navigate to="/worklists" search={{ list: assigned, mine: true }} replace />
  ) : (
    <Navigate to="/worklists" search={{ list: 'WAITING_PAYMENT' }} replace />
  )
}
