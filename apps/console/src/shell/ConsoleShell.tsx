import { AppShell, Group, Text, Title } from '@mantine/core'
import { Outlet, useLocation, useMatches } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { ViewerMenu } from '../auth/ViewerMenu.tsx'
import { isAdmin, useViewer, ViewerGate } from '../auth/viewer.tsx'
import { LanguageSwitch } from './LanguageSwitch.tsx'
import { NavLinkLink } from './links.tsx'

export function ConsoleShell() {
  const pathname = useLocation({ select: (location) => location.pathname })
  const loginMatched = useMatches({
    select: (matches) => matches.some((match) => match.routeId === '/login'),
  })
  // The sign-in screen stands alone; every other screen is for a signed-in user. While a redirect to it
  // is under way the address has changed but the screen below not yet: show nothing for that moment.
  if (pathname === '/login') return loginMatched ? <Outlet /> : null
  return (
    <ViewerGate>
      <SignedInShell />
    </ViewerGate>
  )
}

function SignedInShell() {
  const { t } = useTranslation()
  const viewer = useViewer()
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 200, breakpoint: 'sm' }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="lg" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Title order={1} size="h3">
              {t('app.name')}
            </Title>
            <Text size="sm" c="dimmed" visibleFrom="xl">
              {t('app.tagline')}
            </Text>
          </Group>
          <Group gap="md" wrap="nowrap">
            <LanguageSwitch />
            <ViewerMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('app.navigation')}>
        <NavLinkLink to="/progress" label={t('progress.navigation')} />
        <NavLinkLink to="/campaigns" label={t('campaign.plural')} activeOptions={{ exact: false }} />
        <NavLinkLink to="/centers" label={t('center.navigation')} />
        <NavLinkLink to="/sessions" label={t('session.plural')} activeOptions={{ exact: false }} />
        <NavLinkLink to="/enrollments" label={t('enrollment.plural')} activeOptions={{ exact: false }} />
        <NavLinkLink to="/worklists" label={t('worklist.navigation')} />
        <NavLinkLink to="/imports" label={t('import.navigation')} />
        <NavLinkLink to="/exports" label={t('export.navigation')} />
        {isAdmin(viewer) ? (
          <>
            <NavLinkLink to="/users" label={t('user.plural')} />
            <NavLinkLink to="/tokens" label={t('token.plural')} />
            <NavLinkLink to="/audit" label={t('audit.title')} />
          </>
        ) : null}
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  )
}
