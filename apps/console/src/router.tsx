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
])

export function createConsoleRouter(history?: RouterHistory) {
  return createRouter({ routeTree, ...(history ? { history } : {}) })
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createConsoleRouter>
  }
}
