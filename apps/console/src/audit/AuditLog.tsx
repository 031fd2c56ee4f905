// /audit (admins): who changed what and when, filtered by record type, actor and period, with the
// fields each change set, as people name them, before and after.
import { Button, Group, Select, Stack, Text, Title } from '@mantine/core'
import { addDays, enumLabels, formatDate, type LabelledEnum, labelOf } from '@tangtoc/shared'
import { useNavigate, useSearch } from '@tanstack/react-router'
import { Fragment } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { useQuery } from 'urql'
import { AdminOnly } from '../auth/AdminOnly.tsx'
import { graphql, type ResultOf } from '../graphql.ts'
import { useFormats, useLocale } from '../i18n/useLocale.ts'
import { DateField } from '../shell/DateField.tsx'
import { AddressPager } from '../shell/ListPager.tsx'
import { type ListColumn, ListTable } from '../shell/ListTable.tsx'
import { AnchorLink } from '../shell/links.tsx'
import { pageVariables } from '../shell/listSearch.ts'
import { ListState } from '../shell/QueryState.tsx'
import { formatDateTime } from '../shell/zonedTime.ts'
import { auditedTypes } from './auditedTypes.ts'
import type { AuditSearch } from './auditSearch.ts'
import { ChangeSides } from './ChangeSides.tsx'
import { useAuditFieldLabel } from './fieldLabels.ts'
import { TargetChanges } from './TargetChanges.tsx'

export const AuditEventsQuery = graphql(`
  query AuditEvents($filter: AuditEventFilter, $first: Int!, $offset: Int) {
    auditEvents(first: $first, offset: $offset, filter: $filter) {
      totalCount
      edges {
        node {
          id
          at
          action
          entityType
          entityId
          entityGlobalId
          subject
          states
          changes {
            field
            valueType
            before
            after
            beforeName
            afterName
            beforeNames
            afterNames
          }
          actor {
            id
            username
            displayName
          }
        }
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

export function AuditPage() {
  return (
    <AdminOnly>
      <AuditLog />
    </AdminOnly>
  )
}

/** A local calendar day's start in Ho Chi Minh City, as the instant the API filters on. */
const dayStart = (day: string) => `${day}T00:00:00+07:00`

type AuditRow = NonNullable<ResultOf<typeof AuditEventsQuery>['auditEvents']>['edges'][number]['node']

export function AuditLog() {
  const { t } = useTranslation()
  const search = useSearch({ from: '/audit' })
  const navigate = useNavigate({ from: '/audit' })
  const filter = {
    entityType: search.entityType ?? null,
    actor: search.actor ?? null,
    from: search.from ? dayStart(search.from) : null,
    // `to` is exclusive: the chosen day is included whole.
    to: search.to ? dayStart(addDays(search.to, 1)) : null,
  }
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: AuditEventsQuery,
    variables: { filter, ...pageVariables(search) },
  })
  const events = data?.auditEvents.edges.map((edge) => edge.node) ?? []
  /** A change of filters starts again from the first page. */
  const set = (patch: Partial<AuditSearch>) =>
    void navigate({ search: ({ page: _page, ...previous }) => ({ ...previous, ...patch }), replace: true })
  const columns = useAuditColumns()

  return (
    <Stack gap="sm">
      <Title order={2}>{t('audit.title')}</Title>
      <AuditFilters
        search={search}
        set={set}
        onClear={() => void navigate({ search: { size: search.size }, replace: true })}
      />
      <ListState
        result={{ fetching, data, error }}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        empty={events.length === 0 ? t('audit.empty') : null}
      >
        <ListTable
          label={t('audit.listLabel')}
          columns={columns}
          rows={events}
          rowKey={(event) => event.id}
          rowName={(event) => `${event.action} ${event.subject ?? event.entityType}`}
        />
      </ListState>
      {data ? <AddressPager totalCount={data.auditEvents.totalCount} /> : null}
    </Stack>
  )
}

/** The table's columns: when, what happened, and what changed. */
function useAuditColumns(): ListColumn<AuditRow>[] {
  const { t } = useTranslation()
  const { intlLocale } = useLocale()
  return [
    {
      key: 'at',
      header: t('audit.at'),
      nowrap: true,
      cell: (event) => formatDateTime(event.at, intlLocale),
    },
    {
      key: 'event',
      header: t('audit.event'),
      cell: (event) => <EventSentence event={event} />,
    },
    {
      key: 'changes',
      header: t('audit.changes'),
      cell: (event) => (
        <ChangeList entityType={event.entityType} states={event.states} changes={event.changes} />
      ),
    },
  ]
}

/** What the log is narrowed to: the kind of record, who acted, and the days. */
function AuditFilters({
  search,
  set,
  onClear,
}: {
  search: AuditSearch
  set: (patch: Partial<AuditSearch>) => void
  onClear: () => void
}) {
  const { t } = useTranslation()
  const [{ data: actors }] = useQuery({ query: AuditActorsQuery })
  return (
    <Group align="flex-end" role="search" aria-label={t('audit.filters')}>
      <Select
        label={t('audit.entityType')}
        data={auditedTypes.map((type) => ({ value: type, label: t(`audit.types.${type}`) }))}
        value={search.entityType ?? null}
        onChange={(value) => set({ entityType: value ?? undefined })}
        clearable
        placeholder={t('audit.any')}
      />
      <Select
        label={t('audit.actor')}
        data={(actors?.users.edges ?? []).map(({ node }) => ({
          value: node.id,
          label: `${node.displayName} (${node.username})`,
        }))}
        value={search.actor ?? null}
        onChange={(value) => set({ actor: value ?? undefined })}
        searchable
        clearable
        placeholder={t('audit.any')}
      />
      <DateField
        label={t('audit.from')}
        value={search.from ?? ''}
        onChange={(day) => set({ from: day || undefined })}
      />
      <DateField
        label={t('audit.to')}
        value={search.to ?? ''}
        onChange={(day) => set({ to: day || undefined })}
      />
      <Button
        variant="default"
        disabled={!search.entityType && !search.actor && !search.from && !search.to}
        onClick={onClear}
      >
        {t('audit.clearFilters')}
      </Button>
    </Group>
  )
}

/** The event as a sentence in the user's language, its record a link: "Trần Văn Minh xác nhận đóng tiền hồ sơ của Nguyễn Thị Lan". */
export function EventSentence({ event }: { event: AuditRow }) {
  const { t, i18n } = useTranslation()
  const { locale } = useLocale()
  const [domain, verb] = event.action.split('.')
  const key = `audit.sentences.${domain}.${verb}`
  const actor =
    event.actor?.displayName ??
    (event.action === 'auth.logInFailed' ? t('audit.someoneSignedOut') : t('audit.system'))
  const type = auditedTypes.find((each) => each === event.entityType)
  // A reminder template is known by its worklist, a code the reader's language names.
  const subject =
    event.subject ??
    (type === 'ReminderTemplate'
      ? labelOf('Worklist', event.entityId, locale)
      : type
        ? t(`audit.types.${type}`)
        : event.entityId)
  return (
    <Text size="sm">
      <Trans
        i18nKey={(i18n.exists(key) ? key : 'audit.sentences.other') as 'audit.sentences.other'}
        values={{ actor, subject, action: event.action }}
        components={{
          subject: type ? (
            <AnchorLink to="/records/$id" params={{ id: event.entityGlobalId }} size="sm" />
          ) : (
            <Text span size="sm" />
          ),
        }}
      />
    </Text>
  )
}

type AuditChange = AuditRow['changes'][number]

/** A record a value points to, by its name, a link to it; its type's name for one gone. */
function RecordLink({ id, name, type }: { id: string; name: string | null; type: string | null }) {
  const { t, i18n } = useTranslation()
  const typeKey = `audit.types.${type}`
  return (
    <AnchorLink to="/records/$id" params={{ id }} size="xs">
      {name ?? (i18n.exists(typeKey) ? t(typeKey as 'audit.types.Center') : id)}
    </AnchorLink>
  )
}

/**
 * The numbers that are amounts of đồng or a count of months: the schema types them Int or Float, as it
 * does a count of people, so their unit is named here, as the enrollment and payment pages name it.
 */
const dongFields = new Set(['gross', 'support', 'payable', 'monthlyIncome', 'amount'])

/** One plain value (not a reference) as a person reads it, by its type in the record's GraphQL type. */
function usePlainValue(change: AuditChange): (value: unknown) => string {
  const { t, i18n } = useTranslation()
  const { locale, intlLocale } = useLocale()
  const { dong } = useFormats()
  const { valueType, field } = change
  return (value) => {
    if (typeof value === 'number' && dongFields.has(field)) return dong(value)
    if (typeof value === 'number' && field === 'months') return t('enrollment.monthsValue', { count: value })
    if (typeof value === 'number') return value.toLocaleString(intlLocale)
    if (typeof value === 'boolean') return t(value ? 'audit.yes' : 'audit.no')
    if (typeof value !== 'string') return JSON.stringify(value)
    if (valueType && valueType in enumLabels[locale]) return labelOf(valueType as LabelledEnum, value, locale)
    if (valueType === 'Date') return formatDate(value, intlLocale)
    if (valueType === 'DateTime') return formatDateTime(value, intlLocale)
    // The root field a read went through (`person.view`), named as the reader knows what it shows.
    const rootField = `audit.rootFields.${value}`
    if (change.field === 'via' && i18n.exists(rootField)) return t(rootField as 'audit.rootFields.enrollment')
    return value
  }
}

/**
 * One value of a change as a person reads it, by its type in the record's GraphQL type: an enum's label,
 * a date, an amount, a reference by the name of the record it points to (a link), a list of references
 * each so, "empty" for none.
 */
function ChangeValue({ change, side }: { change: AuditChange; side: 'before' | 'after' }) {
  const { t } = useTranslation()
  const plain = usePlainValue(change)
  const value: unknown = change[side]
  const name = change[side === 'before' ? 'beforeName' : 'afterName']
  const names = change[side === 'before' ? 'beforeNames' : 'afterNames']
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0))
    return <>{t('audit.emptyValue')}</>
  if (name && typeof value === 'string') return <RecordLink id={value} name={name} type={change.valueType} />
  if (names && Array.isArray(value))
    return (
      <>
        {value.map((id: string, index) => (
          <Fragment key={id}>
            {index > 0 ? ', ' : null}
            <RecordLink id={id} name={names[index] ?? null} type={change.valueType} />
          </Fragment>
        ))}
      </>
    )
  return <>{Array.isArray(value) ? value.map(plain).join(', ') : plain(value)}</>
}

/**
 * Each changed field as "field: before → after", named in the user's language; a creation (only the state
 * after kept) shows only after, a removal only before. A field filled in by a change shows "empty → after".
 * A target grid lists its rows.
 */
export function ChangeList({
  entityType,
  states,
  changes,
}: Pick<AuditRow, 'entityType' | 'states' | 'changes'>) {
  const label = useAuditFieldLabel()
  if (changes.length === 0)
    return (
      <Text size="xs" c="dimmed">
        —
      </Text>
    )
  return (
    <Stack gap={2} component="dl" m={0}>
      {changes.map((change) => (
        <Group key={change.field} gap={4} wrap="nowrap" align="baseline">
          <Text component="dt" size="xs" fw={600}>
            {label(entityType, change.field)}:
          </Text>
          <Text component="dd" size="xs" m={0} style={{ wordBreak: 'break-word' }}>
            {change.valueType === 'Target' ? (
              <TargetChanges change={change} states={states} />
            ) : (
              <ChangeSides
                states={states}
                before={<ChangeValue change={change} side="before" />}
                after={<ChangeValue change={change} side="after" />}
              />
            )}
          </Text>
        </Group>
      ))}
    </Stack>
  )
}
