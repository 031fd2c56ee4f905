import { Button, Group, Stack, Text, Title, VisuallyHidden } from '@mantine/core'
import { formatDate, formatDong } from '@tangtoc/shared'
import { useNavigate, useSearch } from '@tanstack/react-router'
import { type ReactNode, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuery } from 'urql'
import { useViewer } from '../auth/viewer.tsx'
import { graphql, type ResultOf, type VariablesOf } from '../graphql.ts'
import { useEnumLabel } from '../i18n/labels.ts'
import { useLocale } from '../i18n/useLocale.ts'
import { ExportLinks } from '../shell/ExportLinks.tsx'
import { AddressPager } from '../shell/ListPager.tsx'
import { type ListColumn, type ListSelection, ListTable, SelectionBar } from '../shell/ListTable.tsx'
import { AnchorLink, ButtonLink } from '../shell/links.tsx'
import { pageVariables } from '../shell/listSearch.ts'
import { ListState } from '../shell/QueryState.tsx'
import { SavedFilters } from '../shell/SavedFilters.tsx'
import { EnrollmentBulkActions } from './EnrollmentBulkActions.tsx'
import { EnrollmentFilters } from './EnrollmentFilters.tsx'
import { EnrollmentStatusBadge } from './EnrollmentStatusBadge.tsx'
import {
  type EnrollmentFilterValues,
  type EnrollmentSearch,
  type EnrollmentSortField,
  filtersOf,
  validateEnrollmentSearch,
} from './enrollmentSearch.ts'

export const EnrollmentsQuery = graphql(`
  query Enrollments(
    $filter: EnrollmentFilter
    $orderBy: EnrollmentOrder
    $first: Int
    $offset: Int
  ) {
    enrollments(filter: $filter, orderBy: $orderBy, first: $first, offset: $offset) {
      totalCount
      edges {
        node {
          id
          version
          product
          status
          payable
          registeredOn
          coverageEnd
          person {
            id
            fullName
            citizenId
          }
          center {
            id
            name
          }
        }
      }
    }
  }
`)

type Variables = VariablesOf<typeof EnrollmentsQuery>

/** The API's variables for what the URL asks: filters, order and which page. */
export function enrollmentVariables(search: EnrollmentSearch): Variables {
  const filter: NonNullable<Variables['filter']> = {
    campaign: search.campaign,
    center: search.center,
    product: search.product,
    status: search.status,
    registeredFrom: search.from,
    registeredTo: search.to,
    countedFrom: search.countedFrom,
    countedTo: search.countedTo,
    continuity: search.continuity,
    session: search.session,
    search: search.search,
  }
  return { filter, orderBy: enrollmentOrder(search), ...pageVariables(search) }
}

/** The order the URL asks, else the newest registrations first. */
function enrollmentOrder(search: EnrollmentSearch) {
  return {
    field: search.sort ?? 'REGISTERED_AT',
    direction: search.dir ?? (search.sort ? 'ASC' : 'DESC'),
  } as const
}

type EnrollmentRow = NonNullable<ResultOf<typeof EnrollmentsQuery>['enrollments']>['edges'][number]['node']

export function EnrollmentList() {
  const { t } = useTranslation()
  // Viewers read; they register and plan nothing.
  const viewer = useViewer()
  const search = useSearch({ from: '/enrollments' })
  const navigate = useNavigate({ from: '/enrollments' })
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  /** New filters start again from the first page, in the same order and page size. */
  const showFilters = (filters: EnrollmentFilterValues) => {
    const { sort, dir, size } = search
    void navigate({ search: { ...filtersOf(filters), sort, dir, size }, replace: true })
    setSelected(new Set())
  }
  const selection = { selected, onChange: setSelected }
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: EnrollmentsQuery,
    variables: enrollmentVariables(search),
  })
  const connection = data?.enrollments
  const enrollments = connection?.edges.map((edge) => edge.node) ?? []
  const selectedRows = useSelectedRows(enrollments, selected)
  const refetch = () => reexecute({ requestPolicy: 'network-only' })

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{t('enrollment.plural')}</Title>
        {viewer.role === 'VIEWER' ? null : (
          <ButtonLink to="/enrollments/new">{t('enrollment.register')}</ButtonLink>
        )}
      </Group>
      <EnrollmentListFilters search={search} onChange={showFilters} />
      <SelectionBar selection={selection} />
      {viewer.role === 'VIEWER' ? null : (
        <EnrollmentBulkActions
          selected={selectedRows}
          role={viewer.role}
          onDone={() => {
            setSelected(new Set())
            refetch()
          }}
        />
      )}
      <ListState
        result={{ fetching, data, error }}
        onRetry={refetch}
        empty={enrollments.length === 0 ? t('enrollment.empty') : null}
      >
        <EnrollmentTable rows={enrollments} search={search} selection={selection} />
      </ListState>
      {connection ? <AddressPager totalCount={connection.totalCount} /> : null}
    </Stack>
  )
}

/** One page of enrollments, sorted as the URL asks; a header sorts again from the first page. */
function EnrollmentTable({
  rows,
  search,
  selection,
}: {
  rows: readonly EnrollmentRow[]
  search: EnrollmentSearch
  selection: ListSelection
}) {
  const { t } = useTranslation()
  const navigate = useNavigate({ from: '/enrollments' })
  const columns = useEnrollmentColumns()
  return (
    <ListTable
      label={t('enrollment.listLabel')}
      columns={columns}
      rows={rows}
      rowKey={(row) => row.id}
      rowName={(row) => row.person.fullName}
      sort={enrollmentOrder(search)}
      onSort={({ field, direction }) =>
        void navigate({
          search: ({ page: _page, ...rest }) => ({
            ...rest,
            sort: field as EnrollmentSortField,
            dir: direction,
          }),
        })
      }
      selection={selection}
    />
  )
}

/** The filters, their exports, and the saved or cleared sets of them. */
function EnrollmentListFilters({
  search,
  onChange,
}: {
  search: EnrollmentSearch
  onChange: (filters: EnrollmentFilterValues) => void
}) {
  const { t } = useTranslation()
  const hasFilters = Object.keys(filtersOf(search)).length > 0
  return (
    <>
      <EnrollmentFilters value={search} onChange={(filters) => onChange(filters)} />
      <ExportLinks what="enrollments" filters={filtersOf(search)} product={search.product} />
      <Group gap="xs">
        <Button
          variant="subtle"
          size="sm"
          disabled={!hasFilters}
          onClick={() => {
            onChange({})
          }}
        >
          {t('list.clearFilters')}
        </Button>
        <SavedFilters
          list="ENROLLMENTS"
          builtIn={[{ name: t('savedFilter.waitingForPayment'), filter: { status: ['SUBMITTED'] } }]}
          current={filtersOf(search)}
          onApply={(filter) => {
            onChange(filtersOf(validateEnrollmentSearch(filter)))
          }}
        />
      </Group>
    </>
  )
}

/** The selected rows, kept across pages: each row seen on any page, so its status and version are known. */
function useSelectedRows(rows: readonly EnrollmentRow[], selected: ReadonlySet<string>): EnrollmentRow[] {
  const seen = useRef(new Map<string, EnrollmentRow>())
  for (const row of rows) seen.current.set(row.id, row)
  return [...selected].flatMap((id) => {
    const row = seen.current.get(id)
    return row ? [row] : []
  })
}

function useEnrollmentColumns(): ListColumn<EnrollmentRow>[] {
  const { t } = useTranslation()
  const { intlLocale } = useLocale()
  const label = useEnumLabel()
  return [
    {
      key: 'fullName',
      header: t('enrollment.fullName'),
      sort: 'FULL_NAME',
      minWidth: 150,
      cell: (row) => (
        <>
          <AnchorLink to="/enrollments/$id" params={{ id: row.id }}>
            {row.person.fullName}
          </AnchorLink>
          <SecondLine label={t('enrollment.citizenId')}>{row.person.citizenId}</SecondLine>
        </>
      ),
    },
    {
      key: 'product',
      header: t('enrollment.product'),
      minWidth: 100,
      cell: (row) => label('Product', row.product),
    },
    { key: 'center', header: t('enrollment.center'), minWidth: 130, cell: (row) => row.center.name },
    {
      // Its cover's end beneath: one column less keeps the list within 1024 px.
      key: 'registeredOn',
      header: t('enrollment.registeredOn'),
      subheader: t('enrollment.coverageEnd'),
      sort: 'REGISTERED_AT',
      nowrap: true,
      cell: (row) => (
        <>
          {formatDate(row.registeredOn, intlLocale)}
          <SecondLine label={t('enrollment.coverageEnd')}>
            {row.coverageEnd ? formatDate(row.coverageEnd, intlLocale) : '—'}
          </SecondLine>
        </>
      ),
    },
    {
      key: 'payable',
      header: t('enrollment.payable'),
      sort: 'PAYABLE',
      align: 'right',
      nowrap: true,
      cell: (row) => formatDong(row.payable, intlLocale),
    },
    {
      key: 'status',
      header: t('enrollment.status'),
      sort: 'STATUS',
      nowrap: true,
      cell: (row) => <EnrollmentStatusBadge status={row.status} />,
    },
  ]
}

/** A cell's dimmed second line, named for a screen reader by what it holds. */
function SecondLine({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Text size="xs" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
      <VisuallyHidden>{label} </VisuallyHidden>
      {children}
    </Text>
  )
}
