import { Button, Group, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core'
import { formatDate, formatDong } from '@tangtoc/shared'
import { useNavigate, useSearch } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { useQuery } from 'urql'
import { useViewer } from '../auth/viewer.tsx'
import { graphql, type VariablesOf } from '../graphql.ts'
import { useEnumLabel } from '../i18n/labels.ts'
import { useLocale } from '../i18n/useLocale.ts'
import { AnchorLink, ButtonLink } from '../shell/links.tsx'
import { ListState } from '../shell/QueryState.tsx'
import { EnrollmentFilters } from './EnrollmentFilters.tsx'
import { EnrollmentStatusBadge } from './EnrollmentStatusBadge.tsx'
import type { EnrollmentSearch, EnrollmentSortField } from './enrollmentSearch.ts'

export const pageSize = 25

export const EnrollmentsQuery = graphql(`
  query Enrollments(
    $filter: EnrollmentFilter
    $orderBy: EnrollmentOrder
    $first: Int
    $after: String
    $last: Int
    $before: String
  ) {
    enrollments(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      edges {
        node {
          id
          product
          status
          payable
          registeredOn
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
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
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
    session: search.session,
    search: search.search,
  }
  const page = search.before
    ? { last: pageSize, before: search.before }
    : { first: pageSize, after: search.after }
  return {
    filter,
    orderBy: {
      field: search.sort ?? 'REGISTERED_AT',
      direction: search.dir ?? (search.sort ? 'ASC' : 'DESC'),
    },
    ...page,
  }
}

const sortableColumns: {
  field: EnrollmentSortField
  key: 'fullName' | 'registeredOn' | 'payable' | 'status'
}[] = [
  { field: 'FULL_NAME', key: 'fullName' },
  { field: 'REGISTERED_AT', key: 'registeredOn' },
  { field: 'PAYABLE', key: 'payable' },
  { field: 'STATUS', key: 'status' },
]

export function EnrollmentList() {
  const { t } = useTranslation()
  // Viewers read; they register and plan nothing.
  const viewer = useViewer()
  const { intlLocale } = useLocale()
  const label = useEnumLabel()
  const search = useSearch({ from: '/enrollments' })
  const navigate = useNavigate({ from: '/enrollments' })
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: EnrollmentsQuery,
    variables: enrollmentVariables(search),
  })
  const connection = data?.enrollments
  const enrollments = connection?.edges.map((edge) => edge.node) ?? []
  const sortField = search.sort ?? 'REGISTERED_AT'
  const sortDirection = search.dir ?? (search.sort ? 'ASC' : 'DESC')

  const header = (field: EnrollmentSortField, key: (typeof sortableColumns)[number]['key']) => {
    const active = sortField === field
    const nextDirection = active && sortDirection === 'ASC' ? 'DESC' : 'ASC'
    return (
      <Table.Th
        scope="col"
        aria-sort={active ? (sortDirection === 'ASC' ? 'ascending' : 'descending') : 'none'}
        ta={key === 'payable' ? 'right' : undefined}
      >
        <UnstyledButton
          fw={600}
          fz="sm"
          onClick={() =>
            void navigate({
              search: ({ after: _after, before: _before, ...rest }) => ({
                ...rest,
                sort: field,
                dir: nextDirection,
              }),
            })
          }
        >
          {t(`enrollment.${key}`)} {active ? (sortDirection === 'ASC' ? '▲' : '▼') : ''}
        </UnstyledButton>
      </Table.Th>
    )
  }

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{t('enrollment.plural')}</Title>
        {viewer.role === 'VIEWER' ? null : (
          <ButtonLink to="/enrollments/new">{t('enrollment.register')}</ButtonLink>
        )}
      </Group>
      <EnrollmentFilters
        value={search}
        onChange={(filters) => {
          // A new filter starts again from the first page, in the same order.
          const { after: _after, before: _before, ...rest } = filters as EnrollmentSearch
          void navigate({ search: rest, replace: true })
        }}
      />
      <ListState
        result={{ fetching, data, error }}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        empty={enrollments.length === 0 ? t('enrollment.empty') : null}
      >
        <>
          <Text size="sm" aria-live="polite">
            {t('enrollment.totalCount', { count: connection?.totalCount ?? 0 })}
          </Text>
          <Table striped highlightOnHover aria-label={t('enrollment.listLabel')}>
            <Table.Thead>
              <Table.Tr>
                {header('FULL_NAME', 'fullName')}
                <Table.Th scope="col">{t('enrollment.citizenId')}</Table.Th>
                <Table.Th scope="col">{t('enrollment.product')}</Table.Th>
                <Table.Th scope="col">{t('enrollment.center')}</Table.Th>
                {header('REGISTERED_AT', 'registeredOn')}
                {header('PAYABLE', 'payable')}
                {header('STATUS', 'status')}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {enrollments.map((enrollment) => (
                <Table.Tr key={enrollment.id}>
                  <Table.Td>
                    <AnchorLink to="/enrollments/$id" params={{ id: enrollment.id }}>
                      {enrollment.person.fullName}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {enrollment.person.citizenId}
                  </Table.Td>
                  <Table.Td>{label('Product', enrollment.product)}</Table.Td>
                  <Table.Td>{enrollment.center.name}</Table.Td>
                  <Table.Td>{formatDate(enrollment.registeredOn, intlLocale)}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                    {formatDong(enrollment.payable, intlLocale)}
                  </Table.Td>
                  <Table.Td>
                    <EnrollmentStatusBadge status={enrollment.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      </ListState>
      {connection && (connection.pageInfo.hasPreviousPage || connection.pageInfo.hasNextPage) ? (
        <Group justify="center" gap="sm">
          <Button
            variant="default"
            size="xs"
            disabled={!connection.pageInfo.hasPreviousPage || !connection.pageInfo.startCursor}
            onClick={() =>
              void navigate({
                search: ({ after: _after, ...rest }) => ({
                  ...rest,
                  before: connection.pageInfo.startCursor ?? undefined,
                }),
              })
            }
          >
            {t('enrollment.previousPage')}
          </Button>
          <Button
            variant="default"
            size="xs"
            disabled={!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor}
            onClick={() =>
              void navigate({
                search: ({ before: _before, ...rest }) => ({
                  ...rest,
                  after: connection.pageInfo.endCursor ?? undefined,
                }),
              })
            }
          >
            {t('enrollment.nextPage')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  )
}
