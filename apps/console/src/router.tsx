import {
  createRootRoute,
  createRoute,
  createRouter,
  type RouterHistory,
  redirect,
} from '@tanstack/react-router'
import { CampaignList } from './campaigns/CampaignList.tsx'
import { CampaignPage } from './campaigns/CampaignPage.tsx'
import { ConsoleShell } from './shell/ConsoleShell.tsx'

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

const routeTree = rootRoute.addChildren([homeRoute, campaignsRoute, campaignRoute])

export function createConsoleRouter(history?: RouterHistory) {
  return createRouter({ routeTree, ...(history ? { history } : {}) })
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createConsoleRouter>
  }
}
