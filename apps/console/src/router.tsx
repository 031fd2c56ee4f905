import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  type RouterHistory,
} from '@tanstack/react-router'
import { validateAuditSearch } from './audit/auditSearch.ts'
import { validateEnrollmentSearch } from './enrollments/enrollmentSearch.ts'
import { validateProgressSearch } from './progress/progressSearch.ts'
import { validateSessionSearch } from './sessions/sessionSearch.ts'
import { ConsoleShell } from './shell/ConsoleShell.tsx'
import { validateTokenSearch } from './tokens/tokenSearch.ts'
import { validateUserSearch } from './users/userSearch.ts'
import { validateWorklistSearch } from './worklists/worklistSearch.ts'

// Each screen is its own chunk, loaded when first opened: the first screen loads only the shell.
const ExportsPage = lazyRouteComponent(() => import('./exports/ExportsPage.tsx'), 'ExportsPage')
const AuditPage = lazyRouteComponent(() => import('./audit/AuditLog.tsx'), 'AuditPage')
const LoginPage = lazyRouteComponent(() => import('./auth/LoginPage.tsx'), 'LoginPage')
const EditCampaignPage = lazyRouteComponent(() => import('./campaigns/CampaignForm.tsx'), 'EditCampaignPage')
const NewCampaignPage = lazyRouteComponent(() => import('./campaigns/CampaignForm.tsx'), 'NewCampaignPage')
const CampaignList = lazyRouteComponent(() => import('./campaigns/CampaignList.tsx'), 'CampaignList')
const CampaignPage = lazyRouteComponent(() => import('./campaigns/CampaignPage.tsx'), 'CampaignPage')
const TargetsGridPage = lazyRouteComponent(() => import('./campaigns/TargetsGrid.tsx'), 'TargetsGridPage')
const CenterTree = lazyRouteComponent(() => import('./centers/CenterTree.tsx'), 'CenterTree')
const ActiveCampaignProgress = lazyRouteComponent(
  () => import('./progress/ProgressPage.tsx'),
  'ActiveCampaignProgress',
)
const CampaignProgressPage = lazyRouteComponent(
  () => import('./progress/ProgressPage.tsx'),
  'CampaignProgressPage',
)
const FormerProgressAddress = lazyRouteComponent(
  () => import('./progress/ProgressPage.tsx'),
  'FormerProgressAddress',
)
const FormerCampaignProgressAddress = lazyRouteComponent(
  () => import('./progress/ProgressPage.tsx'),
  'FormerCampaignProgressAddress',
)
const EnrollmentList = lazyRouteComponent(() => import('./enrollments/EnrollmentList.tsx'), 'EnrollmentList')
const EnrollmentPage = lazyRouteComponent(() => import('./enrollments/EnrollmentPage.tsx'), 'EnrollmentPage')
const NewEnrollmentPage = lazyRouteComponent(
  () => import('./enrollments/NewEnrollmentPage.tsx'),
  'NewEnrollmentPage',
)
const WorklistPage = lazyRouteComponent(() => import('./worklists/WorklistPage.tsx'), 'WorklistPage')
const PaymentReceipt = lazyRouteComponent(() => import('./payments/PaymentReceipt.tsx'), 'PaymentReceipt')
const SessionList = lazyRouteComponent(() => import('./sessions/SessionList.tsx'), 'SessionList')
const NewSessionPage = lazyRouteComponent(() => import('./sessions/SessionPage.tsx'), 'NewSessionPage')
const SessionPage = lazyRouteComponent(() => import('./sessions/SessionPage.tsx'), 'SessionPage')
const HomePage = lazyRouteComponent(() => import('./shell/HomePage.tsx'), 'HomePage')
const RecordPage = lazyRouteComponent(() => import('./shell/RecordPage.tsx'), 'RecordPage')
const ImportPage = lazyRouteComponent(() => import('./imports/ImportPage.tsx'), 'ImportPage')
const ApiTokensPage = lazyRouteComponent(() => import('./tokens/ApiTokenList.tsx'), 'ApiTokensPage')
const UsersPage = lazyRouteComponent(() => import('./users/UserList.tsx'), 'UsersPage')

const rootRoute = createRootRoute({ component: ConsoleShell })

/** The first screen after signing in, the one the role starts its day on. */
const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  component: HomePage,
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

/**
 * A registration may start from a session's page, with its campaign, center and session chosen, or
 * renew an enrollment (`renew`), prefilled from it.
 */
const newEnrollmentRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/enrollments/new',
  validateSearch: (
    search: Record<string, unknown>,
  ): { campaign?: string; center?: string; session?: string; renew?: string; household?: string } => {
    const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined)
    const prefill = {
      campaign: text(search.campaign),
      center: text(search.center),
      session: text(search.session),
      renew: text(search.renew),
      household: text(search.household),
    }
    return Object.fromEntries(Object.entries(prefill).filter(([, value]) => value !== undefined))
  },
  component: NewEnrollmentPage,
})

const enrollmentRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/enrollments/$id',
  component: EnrollmentPage,
})

/** The follow-up worklists: an agent's first screen. */
const worklistsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/worklists',
  validateSearch: validateWorklistSearch,
  component: WorklistPage,
})

/** A payment's receipt, printable for the participant. */
const paymentReceiptRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/payments/$id/receipt',
  component: PaymentReceipt,
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

const progressRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/progress',
  component: ActiveCampaignProgress,
})

const campaignProgressRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/campaigns/$code/progress',
  validateSearch: validateProgressSearch,
  component: CampaignProgressPage,
})

// The progress page's former addresses, from when the console called it the dashboard: kept so that
// bookmarks and shared links still open it, with the same center and period.
const formerProgressRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/dashboard',
  component: FormerProgressAddress,
})

const formerCampaignProgressRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/campaigns/$code/dashboard',
  validateSearch: validateProgressSearch,
  component: FormerCampaignProgressAddress,
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
  validateSearch: validateUserSearch,
  component: UsersPage,
})

/** Importing a spreadsheet of people; `batch` opens one batch (its preview, commit and progress). */
const importsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/imports',
  validateSearch: (search: Record<string, unknown>): { batch?: string } =>
    typeof search.batch === 'string' && search.batch !== '' ? { batch: search.batch } : {},
  component: ImportPage,
})

/** Your exports written by jobs: pending with their progress, then their files. */
const exportsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/exports',
  component: ExportsPage,
})

const tokensRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/tokens',
  validateSearch: validateTokenSearch,
  component: ApiTokensPage,
})

const auditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/audit',
  validateSearch: validateAuditSearch,
  component: AuditPage,
})

/** A record by its global id, sent on to its screen (a conflict's existing record, an audit event's). */
const recordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/records/$id',
  component: RecordPage,
})

const routeTree = rootRoute.addChildren([
  recordRoute,
  homeRoute,
  campaignsRoute,
  campaignRoute,
  loginRoute,
  progressRoute,
  campaignProgressRoute,
  formerProgressRoute,
  formerCampaignProgressRoute,
  newCampaignRoute,
  editCampaignRoute,
  campaignTargetsRoute,
  centersRoute,
  usersRoute,
  tokensRoute,
  importsRoute,
  exportsRoute,
  auditRoute,
  enrollmentsRoute,
  newEnrollmentRoute,
  enrollmentRoute,
  paymentReceiptRoute,
  worklistsRoute,
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
