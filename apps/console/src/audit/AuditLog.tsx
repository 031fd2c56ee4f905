// /audit (admins): who changed what and when, filtered by record type, actor and period, with each
// change's fields before and after.
import {
  Badge,
  Button,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuery } from 'urql'
import { AdminOnly } from '../auth/AdminOnly.tsx'
import { graphql } from '../graphql.ts'
import { useLocale } from '../i18n/useLocale.ts'
import { ListState } from '../shell/QueryState.tsx'
import { ShowMore } from '../shell/ShowMore.tsx'

export const AuditEventsQuery = graphql(`
  query AuditEvents($filter: AuditEventFilter, $after: String) {
    auditEvents(first: 50, after: $after, filter: $filter) {
      totalCount
      edges {
        node {
          id
          at
          action
          entityType
          entityId
          before
          after
          actor {
            id
            username
            displayName
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

export const AuditActorsQuery = graphql(`
  query AuditActors {
    users(first: 100) {
      edges {
        node {
          id
          username
          displayName
        }
      }
    }
  }
`)

/** The record types the API audits, by their GraphQL type name. */
export const auditedTypes = [
  'Campaign',
  'Center',
  'User',
  'ApiToken',
  'OutreachSession',
  'Enrollment',
  'Person',
  'ContributionParameter',
] as const

export function AuditPage() {
  return (
    <AdminOnly>
      <AuditLog />
    </AdminOnly>
  )
}

/** A local calendar day's start in Ho Chi Minh City, as the instant the API filters on. */
const dayStart = (day: string) => `${day}T00:00:00+07:00`

export function AuditLog() {
  const { t } = useTranslation()
  const { intlLocale } = useLocale()
  const [entityType, setEntityType] = useState<string | null>(null)
  const [actor, setActor] = useState<string | null>(null)
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [after, setAfter] = useState<string | null>(null)
  const [{ data: actors }] = useQuery({ query: AuditActorsQuery })
  const filter = {
    entityType,
    actor,
    from: from ? dayStart(from) : null,
    // `to` is exclusive: the chosen day is included whole.
    to: to ? new Date(new Date(dayStart(to)).getTime() + 86_400_000).toISOString() : null,
  }
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: AuditEventsQuery,
    variables: { filter, after },
  })
  const events = data?.auditEvents.edges.map((edge) => edge.node) ?? []
  const instant = new Intl.DateTimeFormat(intlLocale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Ho_Chi_Minh',
  })
  const filtered = (change: () => void) => () => {
    setAfter(null)
    change()
  }

  return (
    <Stack gap="sm">
      <Title order={2}>{t('audit.title')}</Title>
      <Group align="flex-end" role="search" aria-label={t('audit.filters')}>
        <Select
          label={t('audit.entityType')}
          data={auditedTypes.map((type) => ({ value: type, label: t(`audit.types.${type}`) }))}
          value={entityType}
          onChange={(value) => filtered(() => setEntityType(value))()}
          clearable
          placeholder={t('audit.any')}
        />
        <Select
          label={t('audit.actor')}
          data={(actors?.users.edges ?? []).map(({ node }) => ({
            value: node.id,
            label: `${node.displayName} (${node.username})`,
          }))}
          value={actor}
          onChange={(value) => filtered(() => setActor(value))()}
          searchable
          clearable
          placeholder={t('audit.any')}
        />
        <TextInput
          type="date"
          label={t('audit.from')}
          value={from}
          onChange={(event) => {
            const day = event.currentTarget.value
            filtered(() => setFrom(day))()
          }}
        />
        <TextInput
          type="date"
          label={t('audit.to')}
          value={to}
          onChange={(event) => {
            const day = event.currentTarget.value
            filtered(() => setTo(day))()
          }}
        />
        <Button
          variant="default"
          onClick={filtered(() => {
            setEntityType(null)
            setActor(null)
            setFrom('')
            setTo('')
          })}
        >
          {t('audit.clearFilters')}
        </Button>
      </Group>
      <ListState
        result={{ fetching, data, error }}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        empty={events.length === 0 ? t('audit.empty') : null}
      >
        <Table striped aria-label={t('audit.listLabel')} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('audit.at')}</Table.Th>
              <Table.Th scope="col">{t('audit.actor')}</Table.Th>
              <Table.Th scope="col">{t('audit.action')}</Table.Th>
              <Table.Th scope="col">{t('audit.entity')}</Table.Th>
              <Table.Th scope="col">{t('audit.changes')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {events.map((event) => (
              <Table.Tr key={event.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{instant.format(new Date(event.at))}</Table.Td>
                <Table.Td>{event.actor?.displayName ?? t('audit.system')}</Table.Td>
                <Table.Td>
                  <Badge variant="light">{event.action}</Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{event.entityType}</Text>
                  <Text size="xs" c="dimmed">
                    {event.entityId}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <ChangeList before={event.before} after={event.after} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ListState>
      {data ? (
        <ShowMore pageInfo={data.auditEvents.pageInfo} fetching={fetching} onMore={setAfter}>
          {t('audit.more')}
        </ShowMore>
      ) : null}
    </Stack>
  )
}

const shown = (value: unknown) =>
  value === undefined ? '' : value === null ? '∅' : typeof value === 'string' ? value : JSON.stringify(value)

const fieldsOf = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}

/** Each changed field as "field: before → after"; a creation shows only after, a deletion only before. */
export function ChangeList({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation()
  const old = fieldsOf(before)
  const now = fieldsOf(after)
  const fields = [...new Set([...Object.keys(old), ...Object.keys(now)])]
  if (fields.length === 0)
    return (
      <Text size="xs" c="dimmed">
        —
      </Text>
    )
  return (
    <Stack gap={2} component="dl" m={0}>
      {fields.map((field) => (
        <Group key={field} gap={4} wrap="nowrap" align="baseline">
          <Text component="dt" size="xs" fw={600}>
            {field}:
          </Text>
          <Text component="dd" size="xs" m={0} style={{ wordBreak: 'break-word' }}>
            {before === null ? (
              shown(now[field])
            ) : after === null ? (
              <>
                <VisuallyHidden>{t('audit.removed')}</VisuallyHidden>
                <s>{shown(old[field])}</s>
              </>
            ) : (
              <>
                <Text span size="xs" c="red.8" td="line-through">
                  {shown(old[field])}
                </Text>
                {' → '}
                <Text span size="xs" c="green.8">
                  {shown(now[field])}
                </Text>
              </>
            )}
          </Text>
        </Group>
      ))}
    </Stack>
  )
}
