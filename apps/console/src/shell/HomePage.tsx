// The first screen after signing in fits the role: the running campaign's progress page for those who
// answer for its targets (admins, managers, viewers), and for an agent the worklists of their center:
// whom to call today, in order of due date, with each list's count.
import { Navigate } from '@tanstack/react-router'
import { useViewer } from '../auth/viewer.tsx'

export function HomePage() {
  const viewer = useViewer()
  if (viewer.role === 'AGENT') {
    return <Navigate to="/worklists" search={{ list: 'WAITING_PAYMENT' }} replace />
  }
  return <Navigate to="/progress" replace />
}
