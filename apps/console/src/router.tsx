import {
  createRootRoute,
  createRoute,
  createRouter,
  type RouterHistory,
  redirect,
} from '@tanstack/react-router'
import { AuditPage } from './audit/AuditLog.tsx'
import { LoginPage } from './auth/LoginPage.tsx'
import { EditCampaignPage, NewCampaignPage } from './campaigns/CampaignForm.tsx'
import { CampaignList } from './campaigns/CampaignList.tsx'
import { CampaignPage } from './campaigns/CampaignPage.tsx'
import { TargetsGridPage } from './campaigns/TargetsGrid.tsx'
import { CenterTree } from './centers/CenterTree.tsx'
import { ActiveCampaignDashboard, CampaignDashboard } from './dashboard/Dashboard.tsx'
import { EnrollmentList } from './enrollments/EnrollmentList.tsx'
import { EnrollmentPage } from './enrollments/EnrollmentPage.tsx'
import { validateEnrollmentSearch } from './enrollments/enrollmentSearch.ts'
import { RegistrationForm } from './enrollments/RegistrationForm.tsx'
import { SessionList } from './sessions/SessionList.tsx'
import { NewSessionPage, SessionPage } from './sessions/SessionPage.tsx'
import { validateSessionSearch } from './sessions/sessionSearch.ts'
import { ConsoleShell } from './shell/ConsoleShell.tsx'
import { ApiTokensPage } from './tokens/ApiTokenList.tsx'
import { UsersPage } from './users/UserList.tsx'

const rootRoute = createRootRoute({ component: ConsoleShell })

const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/campaigns' })
  },
})

const campaignsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/campaigns',
  component: CampaignList,
})

const campaignRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/campaigns/$code',
  component: CampaignPage,
})

const enrollmentsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/enrollments',
  validateSearch: validateEnrollmentSearch,
  component: EnrollmentList,
})

/** A registration may start from a session's page, with its campaign, center and session chosen. */
const newEnrollmentRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/enrollments/new',
  validateSearch: (
    search: Record<string, unknown>,
  ): { campaign?: string; center?: string; session?: string } => {
    const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined)
    const prefill = {
      campaign: text(search.campaign),
      center: text(search.center),
      session: text(search.session),
    }
    return Object.fromEntries(Object.entries(prefill).filter(([, value]) => value !== undefined))
  },
  component: RegistrationForm,
})

const enrollmentRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/enrollments/$id',
  component: EnrollmentPage,
})

const sessionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sessions',
  validateSearch: validateSessionSearch,
  component: SessionList,
})

const newSessionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sessions/new',
  component: NewSessionPage,
})

const sessionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sessions/$id',
  component: SessionPage,
})

/** The sign-in screen; `redirect` is where to go back to after signing in. */
const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
    typeof search.redirect === 'string' ? { redirect: search.redirect } : {},
  component: LoginPage,
})

const dashboardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/dashboard',
  component: ActiveCampaignDashboard,
})

const campaignDashboardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/campaigns/$code/dashboard',
  component: CampaignDashboard,
})

const newCampaignRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/campaigns/new',
  component: NewCampaignPage,
})

const editCampaignRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/campaigns/$code/edit',
  component: EditCampaignPage,
})

const campaignTargetsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/campaigns/$code/targets',
  component: TargetsGridPage,
})

const centersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/centers',
  component: CenterTree,
})

const usersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/users',
  component: UsersPage,
})

const tokensRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/tokens',
  component: ApiTokensPage,
})

const auditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/audit',
  component: AuditPage,
})

const routeTree = rootRoute.addChildren([
  homeRoute,
  campaignsRoute,
  campaignRoute,
  loginRoute,
  dashboardRoute,
  campaignDashboardRoute,
  newCampaignRoute,
  editCampaignRoute,
  campaignTargetsRoute,
  centersRoute,
  usersRoute,
  tokensRoute,
  auditRoute,
  enrollmentsRoute,
  newEnrollmentRoute,
  enrollmentRoute,
  sessionsRoute,
  newSessionRoute,
  sessionRoute,
])

export function createConsoleRouter(history?: RouterHistory) {
  return createRouter({ routeTree, ...(history ? { history } : {}) })
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createConsoleRouter>
  }
}
