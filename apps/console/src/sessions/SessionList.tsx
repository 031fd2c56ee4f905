import { Button, Group, SegmentedControl, Select, Stack, Title } from '@mantine/core'
import { campaignTimeZone, localDateInZone, sessionKinds, sessionStatuses } from '@tangtoc/shared'
import { useNavigate, useSearch } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { useQuery } from 'urql'
import { useViewer } from '../auth/viewer.tsx'
import { graphql, type ResultOf } from '../graphql.ts'
import { useEnumLabel } from '../i18n/labels.ts'
import { useLocale } from '../i18n/useLocale.ts'
import { DateField } from '../shell/DateField.tsx'
import { AddressPager } from '../shell/ListPager.tsx'
import { type ListColumn, ListTable } from '../shell/ListTable.tsx'
import { AnchorLink, ButtonLink } from '../shell/links.tsx'
import { pageVariables } from '../shell/listSearch.ts'
import { Empty, LoadFailed, Loading } from '../shell/QueryState.tsx'
import { SavedFilters } from '../shell/SavedFilters.tsx'
import { formatDateTime, fromZonedInput } from '../shell/zonedTime.ts'
import { addDays, visibleDays } from './calendarDays.ts'
import { SessionCalendar } from './SessionCalendar.tsx'
import { SessionStatusBadge } from './SessionStatusBadge.tsx'
import {
  type SessionFilterValues,
  type SessionSearch,
  type SessionView,
  sessionFiltersOf,
  validateSessionSearch,
} from './sessionSearch.ts'

export const OutreachSessionsQuery = graphql(`
  query OutreachSessions(
    $filter: OutreachSessionFilter
    $orderBy: OutreachSessionOrder
    $first: Int!
    $offset: Int
  ) {
    outreachSessions(filter: $filter, orderBy: $orderBy, first: $first, offset: $offset) {
      totalCount
      edges {
        node {
          id
          title
          kind
          status
          startsAt
          endsAt
          enrollmentCount
          center {
            id
            name
          }
          campaign {
            id
            name
          }
        }
      }
    }
  }
`)

export const SessionFilterOptionsQuery = graphql(`
  query SessionFilterOptions {
    campaigns(first: 100) {
      edges {
        node {
          id
          name
          startDate
          timeZone
        }
      }
    }
    centers(first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`)

type SessionRow = ResultOf<typeof OutreachSessionsQuery>['outreachSessions']['edges'][number]['node']
type SessionFilterOptions = ResultOf<typeof SessionFilterOptionsQuery>

// long: the page's layout; the query, the columns and the filters are named apart, the rest is one switch of states
export function SessionList() {
  const { t } = useTranslation()
  // Viewers read; they register and plan nothing.
  const viewer = useViewer()
  const search = useSearch({ from: '/sessions' })
  const navigate = useNavigate({ from: '/sessions' })
  const view: SessionView = search.view ?? 'list'
  const [{ data: options }] = useQuery({ query: SessionFilterOptionsQuery })
  const campaign = options?.campaigns.edges.find(({ node }) => node.id === search.campaign)?.node
  // Days and times in the chosen campaign's zone; across campaigns (none chosen), in the default zone.
  const timeZone = campaign?.timeZone ?? campaignTimeZone
  const day = search.day ?? localDateInZone(new Date(), timeZone)
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: OutreachSessionsQuery,
    variables: sessionsVariables(search, view, day, timeZone),
  })
  const sessions = data?.outreachSessions.edges.map((edge) => edge.node) ?? []
  /** A change of filters or view starts again from the first page. */
  const set = (patch: Partial<SessionSearch>) =>
    void navigate({ search: ({ page: _page, ...previous }) => ({ ...previous, ...patch }), replace: true })
  const columns = useSessionColumns(timeZone)

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{t('session.plural')}</Title>
        {viewer.role === 'VIEWER' ? null : <ButtonLink to="/sessions/new">{t('session.plan')}</ButtonLink>}
      </Group>
      <SessionFilterBar search={search} view={view} options={options} onChange={set} />
      <SessionQuickFilters search={search} timeZone={timeZone} />
      {fetching && !data ? (
        <Loading />
      ) : error && !data ? (
        <LoadFailed error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : view !== 'list' ? (
        <SessionCalendar
          view={view}
          day={day}
          sessions={sessions}
          onDayChange={(next) => set({ day: next })}
          onOpenWeek={(busy) => set({ view: 'week', day: busy })}
          campaignStart={campaign?.startDate}
          timeZone={timeZone}
        />
      ) : sessions.length === 0 ? (
        <Empty>{t('session.empty')}</Empty>
      ) : (
        <>
          <ListTable
            label={t('session.listLabel')}
            columns={columns}
            rows={sessions}
            rowKey={(session) => session.id}
            rowName={(session) => session.title}
            sort={{ field: 'STARTS_AT', direction: search.dir ?? 'ASC' }}
            onSort={({ direction }) =>
              void navigate({ search: ({ page: _page, ...previous }) => ({ ...previous, dir: direction }) })
            }
          />
          {data ? <AddressPager totalCount={data.outreachSessions.totalCount} /> : null}
        </>
      )}
    </Stack>
  )
}

/** The calendar reads the days it shows; the list the days its filters name (the last one whole), in `timeZone`. */
function sessionsVariables(search: SessionSearch, view: SessionView, day: string, timeZone: string) {
  const days = view === 'list' ? null : visibleDays(view, day)
  const firstDay = days ? days[0] : search.from
  const lastDay = days ? days[days.length - 1] : search.to
  return {
    ...(view === 'list' ? pageVariables(search) : { first: 100 }),
    orderBy: search.dir === 'DESC' ? ('STARTS_AT_DESC' as const) : ('STARTS_AT_ASC' as const),
    filter: {
      campaign: search.campaign,
      center: search.center,
      status: search.status ? [search.status] : undefined,
      kind: search.kind ? [search.kind] : undefined,
      ...(firstDay ? { startsFrom: fromZonedInput(`${firstDay}T00:00`, timeZone) } : {}),
      ...(lastDay ? { startsTo: fromZonedInput(`${addDays(lastDay, 1)}T00:00`, timeZone) } : {}),
    },
  }
}

function useSessionColumns(timeZone: string): ListColumn<SessionRow>[] {
  const { t } = useTranslation()
  const { intlLocale } = useLocale()
  const label = useEnumLabel()
  return [
    {
      key: 'title',
      header: t('session.title'),
      cell: (session) => (
        <AnchorLink to="/sessions/$id" params={{ id: session.id }}>
          {session.title}
        </AnchorLink>
      ),
    },
    {
      key: 'startsAt',
      header: t('session.startsAt'),
      sort: 'STARTS_AT',
      nowrap: true,
      cell: (session) => formatDateTime(session.startsAt, intlLocale, timeZone),
    },
    { key: 'kind', header: t('session.kind'), cell: (session) => label('SessionKind', session.kind) },
    { key: 'center', header: t('session.center'), cell: (session) => session.center.name },
    {
      key: 'enrollmentCount',
      header: t('session.enrollmentCount'),
      align: 'right',
      cell: (session) => session.enrollmentCount,
    },
    {
      key: 'status',
      header: t('session.status'),
      nowrap: true,
      cell: (session) => <SessionStatusBadge status={session.status} />,
    },
  ]
}

/** The filters a session list or calendar is narrowed by, and the choice of view. */
// long: one field per filter, each a few props; apart they would only pass the same search around
function SessionFilterBar({
  search,
  view,
  options,
  onChange,
}: {
  search: SessionSearch
  view: SessionView
  options: SessionFilterOptions | undefined
  onChange: (patch: Partial<SessionSearch>) => void
}) {
  const { t } = useTranslation()
  const label = useEnumLabel()
  const choices = (edges: readonly { node: { id: string; name: string } }[] = []) =>
    edges.map(({ node }) => ({ value: node.id, label: node.name }))
  return (
    <Group align="flex-end" gap="sm">
      <Select
        label={t('session.campaign')}
        placeholder={t('session.any')}
        data={choices(options?.campaigns.edges)}
        value={search.campaign ?? null}
        onChange={(value) => onChange({ campaign: value ?? undefined })}
        clearable
        w={220}
      />
      <Select
        label={t('session.center')}
        placeholder={t('session.any')}
        data={choices(options?.centers.edges)}
        value={search.center ?? null}
        onChange={(value) => onChange({ center: value ?? undefined })}
        clearable
        searchable
        // Wide enough for the longest centers' names (Bưu điện Trung tâm Nam Sài Gòn) beside its clear button.
        w={280}
      />
      <Select
        label={t('session.status')}
        placeholder={t('session.any')}
        data={sessionStatuses.map((value) => ({ value, label: label('SessionStatus', value) }))}
        value={search.status ?? null}
        onChange={(value) => onChange({ status: (value as SessionSearch['status']) ?? undefined })}
        clearable
        w={170}
      />
      <Select
        label={t('session.kind')}
        placeholder={t('session.any')}
        data={sessionKinds.map((value) => ({ value, label: label('SessionKind', value) }))}
        value={search.kind ?? null}
        onChange={(value) => onChange({ kind: (value as SessionSearch['kind']) ?? undefined })}
        clearable
        w={200}
      />
      {view === 'list' ? (
        <>
          <DateField
            label={t('session.from')}
            value={search.from ?? ''}
            onChange={(from) => onChange({ from: from || undefined })}
            w={150}
          />
          <DateField
            label={t('session.to')}
            value={search.to ?? ''}
            onChange={(to) => onChange({ to: to || undefined })}
            w={150}
          />
        </>
      ) : null}
      <SegmentedControl
        aria-label={t('session.view')}
        value={view}
        onChange={(value) => onChange({ view: value as SessionView })}
        data={[
          { value: 'list', label: t('session.listView') },
          { value: 'month', label: t('session.monthView') },
          { value: 'week', label: t('session.weekView') },
        ]}
      />
    </Group>
  )
}

/** Clearing the filters, today's sessions and the saved filters; each keeps the view, day and order. */
function SessionQuickFilters({ search, timeZone }: { search: SessionSearch; timeZone: string }) {
  const { t } = useTranslation()
  const navigate = useNavigate({ from: '/sessions' })
  const today = localDateInZone(new Date(), timeZone)
  const filters = sessionFiltersOf(search)
  const showFilters = (next: SessionFilterValues) =>
    void navigate({
      search: ({ view: shown, day: shownDay, dir, size }) => ({
        ...next,
        view: shown,
        day: shownDay,
        dir,
        size,
      }),
      replace: true,
    })
  return (
    <Group gap="xs">
      <Button
        variant="subtle"
        size="sm"
        disabled={Object.keys(filters).length === 0}
        onClick={() => showFilters({})}
      >
        {t('list.clearFilters')}
      </Button>
      <Button variant="subtle" size="sm" onClick={() => showFilters({ ...filters, from: today, to: today })}>
        {t('session.today')}
      </Button>
      <SavedFilters
        list="OUTREACH_SESSIONS"
        builtIn={[
          { name: t('savedFilter.sessionsToday'), filter: { from: today, to: today } },
          { name: t('savedFilter.upcomingSessions'), filter: { from: today, status: 'PLANNED' } },
        ]}
        current={filters}
        onApply={(filter) => showFilters(sessionFiltersOf(validateSessionSearch(filter)))}
      />
    </Group>
  )
}
