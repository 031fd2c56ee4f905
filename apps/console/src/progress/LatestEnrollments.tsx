// The progress page's "latest enrollments": the campaign's newest registrations, the ones the API pushes
// (enrollmentRegistered) on top of the ones it listed when the progress page opened.
import { Paper, Table, Text, Title } from '@mantine/core'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuery, useSubscription } from 'urql'
import { EnrollmentStatusBadge } from '../enrollments/EnrollmentStatusBadge.tsx'
import { type FragmentOf, readFragment } from '../graphql.ts'
import { useEnumLabel } from '../i18n/labels.ts'
import { useLocale } from '../i18n/useLocale.ts'
import { AnchorLink } from '../shell/links.tsx'
import { Empty, LoadFailed, Loading } from '../shell/QueryState.tsx'
import { formatDateTime } from '../shell/zonedTime.ts'
import {
  EnrollmentRegisteredSubscription,
  LatestEnrollmentFragment,
  LatestEnrollmentsQuery,
  latestEnrollmentsCount,
} from './ProgressQueries.ts'

type LatestEnrollmentRow = FragmentOf<typeof LatestEnrollmentFragment>

/**
 * The newest first, each once, at most `count`. A row both pushed and listed is taken from the list,
 * which is asked again after each change and so has the current status.
 */
export function mergeLatest(
  pushed: readonly LatestEnrollmentRow[],
  listed: readonly LatestEnrollmentRow[],
  count = latestEnrollmentsCount,
): LatestEnrollmentRow[] {
  const byId = new Map<string, LatestEnrollmentRow>()
  for (const row of [...pushed, ...listed]) byId.set(readFragment(LatestEnrollmentFragment, row).id, row)
  const registeredAt = (row: LatestEnrollmentRow) => readFragment(LatestEnrollmentFragment, row).registeredAt
  return [...byId.values()]
    .sort((a, b) => Date.parse(registeredAt(b)) - Date.parse(registeredAt(a)))
    .slice(0, count)
}

/**
 * The panel for a campaign. `refreshKey` changes whenever the progress page hears that the campaign's
 * enrollments changed (a progress push): the list is asked again so that statuses stay current.
 */
export function LatestEnrollments({ campaignId, refreshKey }: { campaignId: string; refreshKey?: unknown }) {
  const { t } = useTranslation()
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: LatestEnrollmentsQuery,
    variables: { campaign: campaignId, first: latestEnrollmentsCount },
  })
  const firstRender = useRef(true)
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false
      return
    }
    if (refreshKey !== undefined) reexecute({ requestPolicy: 'network-only' })
  }, [refreshKey, reexecute])
  const [{ data: pushed = [] }] = useSubscription(
    { query: EnrollmentRegisteredSubscription, variables: { campaign: campaignId } },
    (previous: LatestEnrollmentRow[] = [], response) =>
      [response.enrollmentRegistered, ...previous].slice(0, latestEnrollmentsCount),
  )
  const listed = data?.enrollments.edges.map((edge) => edge.node) ?? []
  const rows = mergeLatest(pushed, listed)

  return (
    <section aria-labelledby="progress-latest">
      <Title order={3} size="h4" id="progress-latest" mb="sm">
        {t('progress.latest')}
      </Title>
      {fetching && !data && pushed.length === 0 ? (
        <Loading />
      ) : error && !data && pushed.length === 0 ? (
        <LoadFailed error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : rows.length === 0 ? (
        <Empty>{t('progress.noLatest')}</Empty>
      ) : (
        <LatestEnrollmentsTable rows={rows} />
      )}
    </section>
  )
}

function LatestEnrollmentsTable({ rows }: { rows: readonly LatestEnrollmentRow[] }) {
  const { t } = useTranslation()
  const { intlLocale } = useLocale()
  const label = useEnumLabel()
  return (
    <Paper withBorder>
      <Table aria-label={t('progress.latest')} striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('progress.person')}</Table.Th>
            <Table.Th scope="col">{t('progress.product')}</Table.Th>
            <Table.Th scope="col">{t('progress.center')}</Table.Th>
            <Table.Th scope="col">{t('progress.status')}</Table.Th>
            <Table.Th scope="col">{t('progress.registeredAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const enrollment = readFragment(LatestEnrollmentFragment, row)
            return (
              <Table.Tr key={enrollment.id}>
                <Table.Td>
                  <AnchorLink to="/enrollments/$id" params={{ id: enrollment.id }}>
                    {enrollment.person.fullName}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>{label('Product', enrollment.product)}</Table.Td>
                <Table.Td>{enrollment.center.name}</Table.Td>
                <Table.Td>
                  <EnrollmentStatusBadge status={enrollment.status} />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                  <Text span size="sm">
                    {formatDateTime(enrollment.registeredAt, intlLocale)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  )
}
