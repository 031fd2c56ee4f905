// The leaderboard: each center against its own targets, per product and in all, ranked. A center's
// name opens its own progress page (its subtree); a number opens the enrollments counted in it.
import { Group, Progress, Table, Text, Title, VisuallyHidden } from '@mantine/core'
import { type Product, products } from '@tangtoc/shared'
import { useTranslation } from 'react-i18next'
import type { EnrollmentSearch } from '../enrollments/enrollmentSearch.ts'
import type { ResultOf } from '../graphql.ts'
import { useEnumLabel } from '../i18n/labels.ts'
import { AnchorLink } from '../shell/links.tsx'
import { Empty } from '../shell/QueryState.tsx'
import type { CampaignProgressFiguresFragment } from './ProgressQueries.ts'
import type { ProgressSearch } from './progressSearch.ts'

type CampaignProgressFigures = ResultOf<typeof CampaignProgressFiguresFragment>

/** The enrollment list's filters that show exactly the enrollments a figure counts. */
export function enrollmentsBehind(
  campaignId: string,
  progress: Pick<CampaignProgressFigures, 'from' | 'to' | 'countedStatuses' | 'countParticipants' | 'center'>,
  { center, product }: { center?: string; product?: Product },
): EnrollmentSearch {
  return {
    campaign: campaignId,
    center: center ?? progress.center?.id,
    product,
    status: [...progress.countedStatuses],
    // Progress counts each enrollment on its counted day (the payment day where the campaign says so).
    countedFrom: progress.from,
    countedTo: progress.to,
    // The participants the campaign's targets count: new ones, continuing ones, or both.
    continuity: progress.countParticipants === 'BOTH' ? undefined : [progress.countParticipants],
  }
}

/** A count that opens the enrollments behind it. */
export function CountLink({
  count,
  search,
  label,
}: {
  count: number
  search: EnrollmentSearch
  /** What the count is of, read after it by a screen reader ("373 hồ sơ … được tính của …"). */
  label: string
}) {
  const { t } = useTranslation()
  return (
    <AnchorLink
      to="/enrollments"
      search={search}
      data-count={count}
      style={{ fontVariantNumeric: 'tabular-nums' }}
    >
      {t('progress.count', { value: count })} <VisuallyHidden>{label}</VisuallyHidden>
    </AnchorLink>
  )
}

type CenterTableProps = {
  code: string
  campaignId: string
  /** The progress page's own address, which a center's link narrows to that center. */
  view: ProgressSearch
  progress: CampaignProgressFigures
}

export function CenterTable(props: CenterTableProps) {
  const { t } = useTranslation()
  const { progress } = props
  return (
    <section aria-labelledby="progress-centers">
      <Title order={3} size="h4" id="progress-centers" mb="sm">
        {t('progress.ranking')}
      </Title>
      {progress.centers.length === 0 ? (
        <Empty>{t('progress.noCenters')}</Empty>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped aria-label={t('progress.ranking')}>
            <CenterTableHead />
            <Table.Tbody>
              {progress.centers.map((row) => (
                <CenterRow key={row.center.id} row={row} {...props} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  )
}

function CenterTableHead() {
  const { t } = useTranslation()
  const label = useEnumLabel()
  return (
    <Table.Thead>
      <Table.Tr>
        <Table.Th scope="col">{t('progress.rank')}</Table.Th>
        <Table.Th scope="col">{t('target.center')}</Table.Th>
        {products.map((product) => (
          <Table.Th scope="col" ta="right" key={product}>
            {label('Product', product)}
          </Table.Th>
        ))}
        <Table.Th scope="col" ta="right">
          {t('progress.enrolledOfTargetColumn')}
        </Table.Th>
        <Table.Th scope="col" w="22%">
          {t('progress.percentColumn')}
        </Table.Th>
      </Table.Tr>
    </Table.Thead>
  )
}

/** A center's place, its enrollments per product and in all against their targets, each leading to them. */
function CenterRow({
  row,
  code,
  campaignId,
  view,
  progress,
}: CenterTableProps & { row: CampaignProgressFigures['centers'][number] }) {
  const { t } = useTranslation()
  const label = useEnumLabel()
  return (
    <Table.Tr>
      <Table.Td>{row.rank}</Table.Td>
      <Table.Td>
        <AnchorLink
          to="/campaigns/$code/progress"
          params={{ code }}
          search={{ ...view, center: row.center.id }}
        >
          {row.center.name}
        </AnchorLink>
      </Table.Td>
      {products.map((product) => {
        const figures = row.products.find((each) => each.product === product)
        return (
          <CountCell
            key={product}
            count={figures?.enrolled ?? 0}
            target={figures?.target ?? null}
            search={enrollmentsBehind(campaignId, progress, { center: row.center.id, product })}
            label={t('progress.enrollmentsOf', {
              center: row.center.name,
              product: label('Product', product),
            })}
          />
        )
      })}
      <CountCell
        count={row.enrolled}
        target={row.target}
        search={enrollmentsBehind(campaignId, progress, { center: row.center.id })}
        label={t('progress.allEnrollmentsOf', { center: row.center.name })}
      />
      <PercentCell percent={row.percent} />
    </Table.Tr>
  )
}

/** A count that opens the enrollments behind it, " / target" beside it when there is one. */
function CountCell({ target, ...count }: Parameters<typeof CountLink>[0] & { target: number | null }) {
  return (
    <Table.Td ta="right">
      <CountLink {...count} />
      <OfTarget target={target} />
    </Table.Td>
  )
}

/** How much of its target a center has reached, as a bar and a percentage. */
function PercentCell({ percent }: { percent: number | null }) {
  const { t } = useTranslation()
  return (
    <Table.Td>
      {percent === null ? (
        '—'
      ) : (
        <Group gap="xs" wrap="nowrap">
          <Progress value={Math.min(percent, 100)} style={{ flex: 1 }} aria-hidden />
          <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {t('progress.percent', { value: percent })}
          </Text>
        </Group>
      )}
    </Table.Td>
  )
}

/** " / target" beside a count, when there is a target. */
function OfTarget({ target }: { target: number | null }) {
  const { t } = useTranslation()
  if (target === null) return null
  return (
    <Text span size="xs" c="dimmed">
      {' / '}
      {t('progress.count', { value: target })}
    </Text>
  )
}
