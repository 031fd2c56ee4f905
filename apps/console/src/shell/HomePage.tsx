// The first screen after signing in fits the role: the running campaign's dashboard for those who
// answer for its targets (admins, managers, viewers), and for an agent the registrations of their
// center waiting for payment, the list they work through (until the worklists come).
import { Navigate } from '@tanstack/react-router'
import { useViewer } from '../auth/viewer.tsx'

export function HomePage() {
  const viewer = useViewer()
  if (viewer.role === 'AGENT') {
    return (
      <Navigate to="/enrollments" search={{ center: viewer.center?.id, status: ['SUBMITTED'] }} replace />
    )
  }
  return <Navigate to="/dashboard" replace />
}
