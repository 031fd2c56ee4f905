import { Group, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core'
import { localDateInZone, sessionKinds, sessionStatuses } from '@tangtoc/shared'
import { useNavigate, useSearch } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuery } from 'urql'
import { useViewer } from '../auth/viewer.tsx'
import { graphql } from '../graphql.ts'
import { useEnumLabel } from '../i18n/labels.ts'
import { useLocale } from '../i18n/useLocale.ts'
import { AnchorLink, ButtonLink } from '../shell/links.tsx'
import { Empty, LoadFailed, Loading } from '../shell/QueryState.tsx'
import { ShowMore } from '../shell/ShowMore.tsx'
import { formatDateTime, fromZonedInput } from '../shell/zonedTime.ts'
import { addDays, visibleDays } from './calendarDays.ts'
import { SessionCalendar } from './SessionCalendar.tsx'
import { SessionStatusBadge } from './SessionStatusBadge.tsx'
import type { SessionSearch, SessionView } from './sessionSearch.ts'

export const OutreachSessionsQuery = graphql(`
  query OutreachSessions($filter: OutreachSessionFilter, $first: Int!, $after: String) {
    outreachSessions(filter: $filter, first: $first, after: $after) {
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
      pageInfo {
        hasNextPage
        endCursor
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

export function SessionList() {
  const { t } = useTranslation()
  // Viewers read; they register and plan nothing.
  const viewer = useViewer()
  const { intlLocale } = useLocale()
  const label = useEnumLabel()
  const search = useSearch({ from: '/sessions' })
  const navigate = useNavigate({ from: '/sessions' })
  const view: SessionView = search.view ?? 'list'
  const day = search.day ?? localDateInZone(new Date())
  const [after, setAfter] = useState<string | null>(null)
  const days = view === 'list' ? null : visibleDays(view, day)
  const range =
    days && days.length > 0
      ? {
          startsFrom: fromZonedInput(`${days[0]}T00:00`),
          startsTo: fromZonedInput(`${addDays(days[days.length - 1] ?? day, 1)}T00:00`),
        }
      : {}
  const [{ data: options }] = useQuery({ query: SessionFilterOptionsQuery })
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: OutreachSessionsQuery,
    variables: {
      first: 100,
      after: view === 'list' ? after : null,
      filter: {
        campaign: search.campaign,
        center: search.center,
        status: search.status ? [search.status] : undefined,
        kind: search.kind ? [search.kind] : undefined,
        ...range,
      },
    },
  })
  const sessions = data?.outreachSessions.edges.map((edge) => edge.node) ?? []
  const set = (patch: Partial<SessionSearch>) => {
    setAfter(null)
    void navigate({ search: (previous) => ({ ...previous, ...patch }), replace: true })
  }
  const choices = (edges: readonly { node: { id: string; name: string } }[] = []) =>
    edges.map(({ node }) => ({ value: node.id, label: node.name }))

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{t('session.plural')}</Title>
        {viewer.role === 'VIEWER' ? null : <ButtonLink to="/sessions/new">{t('session.plan')}</ButtonLink>}
      </Group>
      <Group align="flex-end" gap="sm">
        <Select
          label={t('session.campaign')}
          placeholder={t('session.any')}
          data={choices(options?.campaigns.edges)}
          value={search.campaign ?? null}
          onChange={(value) => set({ campaign: value ?? undefined })}
          clearable
          w={220}
        />
        <Select
          label={t('session.center')}
          placeholder={t('session.any')}
          data={choices(options?.centers.edges)}
          value={search.center ?? null}
          onChange={(value) => set({ center: value ?? undefined })}
          clearable
          searchable
          w={220}
        />
        <Select
          label={t('session.status')}
          placeholder={t('session.any')}
          data={sessionStatuses.map((value) => ({ value, label: label('SessionStatus', value) }))}
          value={search.status ?? null}
          onChange={(value) => set({ status: (value as SessionSearch['status']) ?? undefined })}
          clearable
          w={170}
        />
        <Select
          label={t('session.kind')}
          placeholder={t('session.any')}
          data={sessionKinds.map((value) => ({ value, label: label('SessionKind', value) }))}
          value={search.kind ?? null}
          onChange={(value) => set({ kind: (value as SessionSearch['kind']) ?? undefined })}
          clearable
          w={200}
        />
        <SegmentedControl
          aria-label={t('session.view')}
          value={view}
          onChange={(value) => set({ view: value as SessionView })}
          data={[
            { value: 'list', label: t('session.listView') },
            { value: 'month', label: t('session.monthView') },
            { value: 'week', label: t('session.weekView') },
          ]}
        />
      </Group>
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
        />
      ) : sessions.length === 0 ? (
        <Empty>{t('session.empty')}</Empty>
      ) : (
        <>
          <Text size="sm">{t('session.totalCount', { count: data?.outreachSessions.totalCount ?? 0 })}</Text>
          <Table striped highlightOnHover aria-label={t('session.listLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('session.title')}</Table.Th>
                <Table.Th scope="col">{t('session.startsAt')}</Table.Th>
                <Table.Th scope="col">{t('session.kind')}</Table.Th>
                <Table.Th scope="col">{t('session.center')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('session.enrollmentCount')}
                </Table.Th>
                <Table.Th scope="col">{t('session.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.map((session) => (
                <Table.Tr key={session.id}>
                  <Table.Td>
                    <AnchorLink to="/sessions/$id" params={{ id: session.id }}>
                      {session.title}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(session.startsAt, intlLocale)}
                  </Table.Td>
                  <Table.Td>{label('SessionKind', session.kind)}</Table.Td>
                  <Table.Td>{session.center.name}</Table.Td>
                  <Table.Td ta="right">{session.enrollmentCount}</Table.Td>
                  <Table.Td>
                    <SessionStatusBadge status={session.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {data ? (
            <ShowMore pageInfo={data.outreachSessions.pageInfo} fetching={fetching} onMore={setAfter}>
              {t('session.more')}
            </ShowMore>
          ) : null}
        </>
      )}
    </Stack>
  )
}
