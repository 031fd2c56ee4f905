// /worklists: the follow-up lists an agent opens every morning — cards expiring soon, cards lapsed,
// registrations waiting for payment, people registered at a session but unpaid, promises due today,
// leads from sessions — each with its count, in order of due date, with the person's number, why they
// are on it, the last contact, the reminder text ready to copy, and a contact attempt to record.
import { Alert, Button, Checkbox, Chip, CopyButton, Group, Select, Stack, Text, Title } from '@mantine/core'
import { formatDate, formatPhoneNational, type Worklist, worklists } from '@tangtoc/shared'
import { useNavigate, useSearch } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation, useQuery } from 'urql'
import { useViewer } from '../auth/viewer.tsx'
import { graphql, type ResultOf } from '../graphql.ts'
import { useEnumLabel } from '../i18n/labels.ts'
import { useLocale } from '../i18n/useLocale.ts'
import { ExportLinks } from '../shell/ExportLinks.tsx'
import { type ListColumn, ListTable } from '../shell/ListTable.tsx'
import { AnchorLink, ButtonLink } from '../shell/links.tsx'
import { ListState } from '../shell/QueryState.tsx'
import { isTypedError, TypedErrorFields, useLocalized } from '../shell/typedErrors.ts'
import { formatDateTime } from '../shell/zonedTime.ts'
import { FollowUpForm, subjectOf } from './FollowUpForm.tsx'
import { ReminderTemplateForm } from './ReminderTemplateForm.tsx'

export const WorklistQuery = graphql(`
  query Worklist($list: Worklist!, $filter: WorklistFilter) {
    worklist(list: $list, filter: $filter, first: 100) {
      edges {
        node {
          list
          fullName
          phone
          products
          dueDate
          reason
          reasonVi
          reminderText
          remindedAt
          enrollment {
            id
          }
          lead {
            id
          }
          assignedTo {
            id
            displayName
          }
          lastFollowUp {
            at
            outcome
            promisedOn
            by {
              id
              displayName
            }
          }
        }
      }
    }
    worklistCounts(filter: $filter) {
      list
      count
    }
  }
`)

export const WorklistAgentsQuery = graphql(`
  query WorklistAgents {
    users(first: 100, filter: { role: AGENT, active: true }) {
      edges {
        node {
          id
          displayName
          center {
            id
            name
          }
        }
      }
    }
  }
`)

export const AssignFollowUpsMutation = graphql(
  `
    mutation AssignFollowUps($input: AssignFollowUpsInput!) {
      assignFollowUps(input: $input) {
        __typename
        ...TypedErrorFields
      }
    }
  `,
  [TypedErrorFields],
)

export const MarkRemindedMutation = graphql(`
  mutation MarkReminded($input: MarkRemindedInput!) {
    markReminded(input: $input) {
      __typename
    }
  }
`)

type Entry = ResultOf<typeof WorklistQuery>['worklist']['edges'][number]['node']

// long: the page's layout; its parts are named components and the state it holds is what they share
export function WorklistPage() {
  const { t } = useTranslation()
  const label = useEnumLabel()
  const viewer = useViewer()
  const search = useSearch({ from: '/worklists' })
  const navigate = useNavigate({ from: '/worklists' })
  const list = search.list ?? 'EXPIRING'
  const filter = search.mine ? { assignedToMe: true } : {}
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: WorklistQuery,
    variables: { list, filter },
  })
  const refresh = () => reexecute({ requestPolicy: 'network-only' })
  const [recording, setRecording] = useState<Entry | null>(null)
  const [editingReminder, setEditingReminder] = useState(false)
  // Managers and admins hand entries to the agents of their centers.
  const assigns = viewer.role === 'ADMIN' || viewer.role === 'CENTER_MANAGER'
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const entries = data?.worklist.edges.map((edge) => edge.node) ?? []

  const columns = useWorklistColumns(setRecording)

  return (
    <Stack gap="md">
      <Title order={2}>{t('worklist.title')}</Title>
      <WorklistChoice
        list={list}
        counts={data?.worklistCounts}
        onChange={(which) => void navigate({ search: (previous) => ({ ...previous, list: which }) })}
      />
      <WorklistOptions list={list} onEditReminder={() => setEditingReminder(true)} />
      {editingReminder ? (
        <ReminderTemplateForm
          list={list}
          onClose={() => {
            setEditingReminder(false)
            refresh()
          }}
        />
      ) : null}
      {assigns ? (
        <AssignBar
          selected={[...selected]}
          onAssigned={() => {
            setSelected(new Set())
            refresh()
          }}
        />
      ) : null}
      <ListState
        result={{ fetching, data, error }}
        onRetry={refresh}
        empty={entries.length === 0 ? t('worklist.empty') : null}
      >
        <ListTable
          label={t('worklist.tableLabel', { list: label('Worklist', list) })}
          columns={columns}
          rows={entries}
          rowKey={subjectOf}
          rowName={(entry) => entry.fullName}
          {...(assigns ? { selection: { selected, onChange: setSelected } } : {})}
        />
      </ListState>
      {recording ? (
        <FollowUpForm
          entry={recording}
          onClose={(recorded) => {
            setRecording(null)
            if (recorded) refresh()
          }}
        />
      ) : null}
    </Stack>
  )
}

/** Only the entries assigned to me, the reminder's wording (admins) and the exports. */
function WorklistOptions({ list, onEditReminder }: { list: Worklist; onEditReminder: () => void }) {
  const { t } = useTranslation()
  const viewer = useViewer()
  const search = useSearch({ from: '/worklists' })
  const navigate = useNavigate({ from: '/worklists' })
  return (
    <Group justify="space-between">
      <Checkbox
        label={t('worklist.mine')}
        checked={Boolean(search.mine)}
        onChange={(event) =>
          void navigate({
            search: (previous) => ({ ...previous, mine: event.currentTarget.checked ? true : undefined }),
          })
        }
      />
      <Group gap="md">
        {viewer.role === 'ADMIN' ? (
          <Button size="compact-sm" variant="subtle" onClick={onEditReminder}>
            {t('worklist.reminderEdit')}
          </Button>
        ) : null}
        <ExportLinks what="worklist" filters={{ list, assignedToMe: search.mine ? 'true' : undefined }} />
      </Group>
    </Group>
  )
}

/** The worklist's columns; the last holds what the viewer may do for the entry. */
// long: a table of columns, one entry per column
function useWorklistColumns(onRecord: (entry: Entry) => void): ListColumn<Entry>[] {
  const { t } = useTranslation()
  const { locale, intlLocale } = useLocale()
  const label = useEnumLabel()
  return [
    {
      key: 'fullName',
      header: t('worklist.person'),
      minWidth: 170,
      cell: (entry) => (
        <>
          {entry.enrollment ? (
            <AnchorLink to="/enrollments/$id" params={{ id: entry.enrollment.id }}>
              {entry.fullName}
            </AnchorLink>
          ) : (
            entry.fullName
          )}
          <Text size="xs" c="dimmed">
            {[
              entry.phone ? formatPhoneNational(entry.phone) : null,
              entry.products.map((product) => label('Product', product)).join(', '),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </>
      ),
    },
    {
      key: 'dueDate',
      header: t('worklist.dueDate'),
      nowrap: true,
      cell: (entry) => formatDate(entry.dueDate, intlLocale),
    },
    {
      key: 'reason',
      header: t('worklist.reason'),
      minWidth: 200,
      cell: (entry) => (
        <>
          {locale === 'vi' ? entry.reasonVi : entry.reason}
          {entry.assignedTo ? (
            <Text size="xs" c="dimmed">
              {t('worklist.assignedTo', { name: entry.assignedTo.displayName })}
            </Text>
          ) : null}
        </>
      ),
    },
    {
      key: 'lastFollowUp',
      header: t('worklist.lastFollowUp'),
      minWidth: 160,
      cell: (entry) =>
        entry.lastFollowUp ? (
          <>
            {label('FollowUpOutcome', entry.lastFollowUp.outcome)}
            {entry.lastFollowUp.promisedOn
              ? ` · ${formatDate(entry.lastFollowUp.promisedOn, intlLocale)}`
              : ''}
            <Text size="xs" c="dimmed">
              {entry.lastFollowUp.by.displayName} · {formatDateTime(entry.lastFollowUp.at, intlLocale)}
            </Text>
          </>
        ) : (
          '—'
        ),
    },
    {
      key: 'actions',
      header: t('worklist.actions'),
      nowrap: true,
      cell: (entry) => <EntryActions entry={entry} onRecord={onRecord} />,
    },
  ]
}

/** Copy the reminder (which marks the entry reminded), renew, record a follow-up. */
function EntryActions({ entry, onRecord }: { entry: Entry; onRecord: (entry: Entry) => void }) {
  const { t } = useTranslation()
  const viewer = useViewer()
  const [, markReminded] = useMutation(MarkRemindedMutation)
  return (
    <Stack gap={4} align="flex-start">
      <CopyButton value={entry.reminderText}>
        {({ copied, copy }) => (
          <Button
            size="compact-xs"
            variant="light"
            color={copied ? 'green' : 'blue'}
            aria-label={t('worklist.copyReminderFor', { name: entry.fullName })}
            onClick={() => {
              copy()
              void markReminded({ input: { entries: [subjectOf(entry)] } })
            }}
          >
            {copied ? t('worklist.copied') : t('worklist.copyReminder')}
          </Button>
        )}
      </CopyButton>
      {viewer.role !== 'VIEWER' &&
      entry.enrollment &&
      (entry.list === 'EXPIRING' || entry.list === 'LAPSED') ? (
        <ButtonLink
          size="compact-xs"
          variant="light"
          color="teal"
          to="/enrollments/new"
          search={{ renew: entry.enrollment.id }}
          aria-label={t('enrollment.renewFor', { name: entry.fullName })}
        >
          {t('enrollment.renew')}
        </ButtonLink>
      ) : null}
      {viewer.role === 'VIEWER' ? null : (
        <Button
          size="compact-xs"
          variant="light"
          aria-label={t('worklist.recordFor', { name: entry.fullName })}
          onClick={() => onRecord(entry)}
        >
          {t('worklist.record')}
        </Button>
      )}
    </Stack>
  )
}

/** One chip per worklist, with its count once the counts are read. */
function WorklistChoice({
  list,
  counts,
  onChange,
}: {
  list: Worklist
  counts: ResultOf<typeof WorklistQuery>['worklistCounts'] | undefined
  onChange: (list: Worklist) => void
}) {
  const { t } = useTranslation()
  const label = useEnumLabel()
  const countOf = (which: Worklist) => counts?.find((count) => count.list === which)?.count
  return (
    <Chip.Group multiple={false} value={list} onChange={(value) => onChange(value as Worklist)}>
      <Group gap="xs" role="radiogroup" aria-label={t('worklist.lists')}>
        {worklists.map((which) => (
          <Chip key={which} value={which} variant="outline">
            {countOf(which) === undefined
              ? label('Worklist', which)
              : t('worklist.listWithCount', { list: label('Worklist', which), count: countOf(which) })}
          </Chip>
        ))}
      </Group>
    </Chip.Group>
  )
}

/** For the selected entries: an agent to hand them to, and the outcome. */
function AssignBar({ selected, onAssigned }: { selected: string[]; onAssigned: () => void }) {
  const { t } = useTranslation()
  const text = useLocalized()
  const [{ data }] = useQuery({ query: WorklistAgentsQuery })
  const [agent, setAgent] = useState<string | null>(null)
  const [report, setReport] = useState<{ ok: boolean; text: string } | null>(null)
  const [{ fetching }, assign] = useMutation(AssignFollowUpsMutation)
  const agents = data?.users.edges.map((edge) => edge.node) ?? []
  if (selected.length === 0 && !report) return null
  return (
    <Stack gap="xs">
      {selected.length > 0 ? (
        <Group gap="sm" align="flex-end" role="group" aria-label={t('worklist.assign')}>
          <Text size="sm" fw={600}>
            {t('list.selected', { count: selected.length })}
          </Text>
          <Select
            label={t('worklist.assignee')}
            searchable
            size="xs"
            value={agent}
            onChange={setAgent}
            data={agents.map((user) => ({
              value: user.id,
              label: user.center ? `${user.displayName} · ${user.center.name}` : user.displayName,
            }))}
          />
          <Button
            size="xs"
            disabled={!agent}
            loading={fetching}
            onClick={async () => {
              const result = await assign({ input: { entries: selected, assignee: agent } })
              const answer = result.data?.assignFollowUps
              if (answer?.__typename === 'AssignFollowUpsPayload') {
                setReport({ ok: true, text: t('worklist.assigned', { count: selected.length }) })
                onAssigned()
              } else {
                setReport({
                  ok: false,
                  text: answer && isTypedError(answer) ? text(answer) : (result.error?.message ?? ''),
                })
              }
            }}
          >
            {t('worklist.assign')}
          </Button>
        </Group>
      ) : null}
      {report ? (
        <Alert color={report.ok ? 'green' : 'red'} role={report.ok ? 'status' : 'alert'}>
          {report.text}
        </Alert>
      ) : null}
    </Stack>
  )
}
