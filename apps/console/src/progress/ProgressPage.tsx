import {
  Badge,
  Breadcrumbs,
  Button,
  Group,
  Paper,
  Progress,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { type CampaignPhase, campaignPhase, formatDate, type IsoDate } from '@tangtoc/shared'
import { Navigate, useNavigate, useParams, useSearch } from '@tanstack/react-router'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuery, useSubscription } from 'urql'
import { type ResultOf, readFragment } from '../graphql.ts'
import { useEnumLabel } from '../i18n/labels.ts'
import { useLocale } from '../i18n/useLocale.ts'
import { DateField } from '../shell/DateField.tsx'
import { ExportLinks } from '../shell/ExportLinks.tsx'
import { AnchorLink } from '../shell/links.tsx'
import { Empty, LoadFailed, Loading, MissingRecord } from '../shell/QueryState.tsx'
import { StatusBadge } from '../shell/StatusBadge.tsx'
import { WorklistCounts } from '../worklists/WorklistCounts.tsx'
import { CenterTable, enrollmentsBehind } from './CenterTable.tsx'
import { LatestEnrollments } from './LatestEnrollments.tsx'
import { LiveIndicator } from './LiveIndicator.tsx'
import { ProgressCharts } from './ProgressCharts.tsx'
import {
  ActiveCampaignQuery,
  CampaignProgressChangedSubscription,
  CampaignProgressFiguresFragment,
  CampaignProgressQuery,
  ProductCurvesQuery,
  ProgressCampaignQuery,
} from './ProgressQueries.ts'
import {
  type PeriodPreset,
  type ProgressSearch,
  periodPresets,
  presetOf,
  presetPeriod,
} from './progressSearch.ts'

/** While the live progress subscription is down, the progress page asks again every 30 seconds. */
export const refreshEveryMs = 30_000

type CampaignProgressFigures = ResultOf<typeof CampaignProgressFiguresFragment>
type ProgressCampaign = NonNullable<ResultOf<typeof ProgressCampaignQuery>['campaign']>

/** /progress: the running campaign’s progress page, or a way to the campaigns when none runs. */
export function ActiveCampaignProgress() {
  const { t } = useTranslation()
  const [{ data, fetching, error }, reexecute] = useQuery({ query: ActiveCampaignQuery })
  if (fetching && !data) return <Loading />
  if (error && !data)
    return <LoadFailed error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
  const active = data?.campaigns.edges[0]?.node
  if (active) return <Navigate to="/campaigns/$code/progress" params={{ code: active.code }} replace />
  return (
    <Stack>
      <Title order={2}>{t('progress.title')}</Title>
      <Empty>{t('progress.noActiveCampaign')}</Empty>
      <AnchorLink to="/campaigns">{t('campaign.plural')}</AnchorLink>
    </Stack>
  )
}

/** /dashboard, the former address of /progress. */
export function FormerProgressAddress() {
  return <Navigate to="/progress" replace />
}

/** /campaigns/$code/dashboard, the former address of a campaign's progress page: the same view there. */
export function FormerCampaignProgressAddress() {
  const { code } = useParams({ from: '/campaigns/$code/dashboard' })
  const view = useSearch({ from: '/campaigns/$code/dashboard' })
  return <Navigate to="/campaigns/$code/progress" params={{ code }} search={view} replace />
}

export function CampaignProgressPage() {
  const { code } = useParams({ from: '/campaigns/$code/progress' })
  const view = useSearch({ from: '/campaigns/$code/progress' })
  const { t } = useTranslation()
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ProgressCampaignQuery,
    variables: { code },
  })
  const campaign = data?.campaign
  if (!campaign) {
    return (
      <MissingRecord
        result={{ fetching, data, error }}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        notFound={t('campaign.notFound', { code })}
      />
    )
  }
  return <CampaignProgressView campaign={campaign} view={view} />
}

function CampaignProgressView({ campaign, view }: { campaign: ProgressCampaign; view: ProgressSearch }) {
  const { t } = useTranslation()
  const variables = { campaign: campaign.id, center: view.center, from: view.from, to: view.to }
  const [{ data, fetching, error }, reexecute] = useQuery({ query: CampaignProgressQuery, variables })
  // The API pushes the same figures after each change; while that stream is down, ask every 30 s.
  const [live] = useSubscription({ query: CampaignProgressChangedSubscription, variables })
  // urql marks a subscription as not fetching once its first event arrives: only an error ends it.
  const liveOn = !live.error
  useEffect(() => {
    if (liveOn) return
    const timer = setInterval(() => reexecute({ requestPolicy: 'network-only' }), refreshEveryMs)
    return () => clearInterval(timer)
  }, [liveOn, reexecute])

  const pushed = live.data?.campaignProgressChanged
  // Pushed figures are newer than the query's while the stream is up; the polls' afterwards.
  const figures = liveOn ? (pushed ?? data?.campaignProgress) : data?.campaignProgress
  const progress = figures ? readFragment(CampaignProgressFiguresFragment, figures) : null
  return (
    <Stack gap="lg">
      <ProgressHeader campaign={campaign} progress={progress} view={view} />
      {fetching && !data ? (
        <Loading />
      ) : error && !data ? (
        <LoadFailed error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : !progress ? (
        <Empty>{t('progress.noProgress')}</Empty>
      ) : (
        <>
          <PeriodPicker code={campaign.code} view={view} progress={progress} />
          <LiveIndicator live={liveOn} />
          <ProductCards campaignId={campaign.id} progress={progress} />
          <WorklistCounts center={view.center} />
          <CenterTable code={campaign.code} campaignId={campaign.id} view={view} progress={progress} />
          <ExportLinks what="progress" filters={{ campaign: campaign.id, ...view }} />
          <PaceSummary campaign={campaign} progress={progress} />
          <Milestones progress={progress} />
          <ProductCurves campaignId={campaign.id} center={view.center} refreshKey={pushed} />
          <LatestEnrollments campaignId={campaign.id} refreshKey={pushed} />
        </>
      )}
    </Stack>
  )
}

const phaseLooks: Record<CampaignPhase, { color: string; symbol: string }> = {
  DRAFT: { color: 'gray', symbol: '✎' },
  UPCOMING: { color: 'blue', symbol: '◷' },
  RUNNING: { color: 'green', symbol: '▶' },
  PERIOD_OVER: { color: 'red', symbol: '⏸' },
  CLOSED: { color: 'dark', symbol: '■' },
}

/** The campaign, where it stands on the figures' day, and the center the figures are narrowed to. */
function ProgressHeader({
  campaign,
  progress,
  view,
}: {
  campaign: ProgressCampaign
  progress: CampaignProgressFigures | null
  view: ProgressSearch
}) {
  const { t } = useTranslation()
  const label = useEnumLabel()
  const phase = progress ? campaignPhase(campaign, progress.asOf) : null
  const center = progress?.center
  return (
    <Stack gap={4}>
      <AnchorLink to="/campaigns/$code" params={{ code: campaign.code }} size="sm" className="no-print">
        ← {campaign.code}
      </AnchorLink>
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" wrap="nowrap" align="center">
          <Title order={2}>
            {center ? t('progress.titleOf', { center: center.name }) : t('progress.title')}
          </Title>
          {phase ? <StatusBadge {...phaseLooks[phase]} label={label('CampaignPhase', phase)} /> : null}
        </Group>
        <Button variant="default" onClick={() => window.print()} className="no-print">
          {t('progress.print')}
        </Button>
      </Group>
      <Text c="dimmed">{campaign.name}</Text>
      {center ? (
        <Breadcrumbs aria-label={t('progress.centerTrail')} className="no-print">
          <AnchorLink
            to="/campaigns/$code/progress"
            params={{ code: campaign.code }}
            search={{ ...view, center: undefined }}
          >
            {t('progress.allCenters')}
          </AnchorLink>
          {center.ancestors.map((above) => (
            <AnchorLink
              key={above.id}
              to="/campaigns/$code/progress"
              params={{ code: campaign.code }}
              search={{ ...view, center: above.id }}
            >
              {above.name}
            </AnchorLink>
          ))}
          <Text size="sm" aria-current="page">
            {center.name}
          </Text>
        </Breadcrumbs>
      ) : null}
    </Stack>
  )
}

/** Today, this week, the whole campaign, or any period: kept in the address. */
function PeriodPicker({
  code,
  view,
  progress,
}: {
  code: string
  view: ProgressSearch
  progress: CampaignProgressFigures
}) {
  const { t } = useTranslation()
  const { intlLocale } = useLocale()
  const navigate = useNavigate({ from: '/campaigns/$code/progress' })
  const go = (period: Pick<ProgressSearch, 'from' | 'to'>) =>
    navigate({ params: { code }, search: { center: view.center, ...period }, replace: true })
  const preset = presetOf(view, progress.asOf)
  return (
    <Group gap="md" align="flex-end" className="no-print" role="group" aria-label={t('progress.period')}>
      <SegmentedControl
        aria-label={t('progress.period')}
        value={preset}
        onChange={(value) => {
          const chosen = periodPresets.find((each) => each === value)
          if (chosen) go(presetPeriod(chosen as PeriodPreset, progress.asOf))
        }}
        data={[
          ...periodPresets.map((each) => ({ value: each, label: t(`progress.periods.${each}`) })),
          { value: 'CUSTOM', label: t('progress.periods.CUSTOM'), disabled: true },
        ]}
      />
      <DateField
        label={t('progress.from')}
        value={view.from ?? ''}
        onChange={(from) => go({ from: (from || undefined) as IsoDate | undefined, to: view.to })}
        w={150}
      />
      <DateField
        label={t('progress.to')}
        value={view.to ?? ''}
        onChange={(to) => go({ from: view.from, to: (to || undefined) as IsoDate | undefined })}
        w={150}
      />
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('progress.periodShown', {
          from: formatDate(progress.from, intlLocale),
          to: formatDate(progress.to, intlLocale),
        })}
      </Text>
    </Group>
  )
}

function ProductCards({ campaignId, progress }: { campaignId: string; progress: CampaignProgressFigures }) {
  const { t } = useTranslation()
  const label = useEnumLabel()
  return (
    <section aria-labelledby="progress-products">
      <Title order={3} size="h4" id="progress-products">
        {t('progress.products')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('progress.countsParticipants', {
          which: label('CountedParticipants', progress.countParticipants),
        })}
      </Text>
      {progress.products.length === 0 ? (
        <Empty>{t('progress.noTargets')}</Empty>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {progress.products.map((product) => (
            <ProductCard
              key={product.product}
              campaignId={campaignId}
              progress={progress}
              product={product}
            />
          ))}
        </SimpleGrid>
      )}
    </section>
  )
}

/** One product's count against its target, new and continuing, its percent, and the enrollments behind it. */
function ProductCard({
  campaignId,
  progress,
  product,
}: {
  campaignId: string
  progress: CampaignProgressFigures
  product: CampaignProgressFigures['products'][number]
}) {
  const { t } = useTranslation()
  const label = useEnumLabel()
  return (
    <Paper withBorder p="md" aria-label={label('Product', product.product)} role="group">
      <Text fw={600}>{label('Product', product.product)}</Text>
      <Text size="xl" fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {t('progress.count', { value: product.enrolled })}
        {product.target === null ? null : ` / ${t('progress.count', { value: product.target })}`}
      </Text>
      <Text
        size="sm"
        aria-label={t('progress.participantsOf', { product: label('Product', product.product) })}
      >
        {t('progress.newAndContinuing', {
          new: product.newCount,
          continuing: product.continuingCount,
        })}
      </Text>
      {product.percent === null ? null : (
        <>
          <Progress
            value={Math.min(product.percent, 100)}
            aria-label={t('progress.percentOf', { product: label('Product', product.product) })}
            mt="xs"
          />
          <Text size="sm" c="dimmed" mt={4}>
            {t('progress.percent', { value: product.percent })}
          </Text>
        </>
      )}
      <AnchorLink
        to="/enrollments"
        search={enrollmentsBehind(campaignId, progress, { product: product.product })}
        size="sm"
      >
        {t('progress.enrollmentsOfProduct', { product: label('Product', product.product) })}
      </AnchorLink>
    </Paper>
  )
}

/** How far is left and whether the recent pace reaches the target in time. */
function PaceSummary({
  campaign,
  progress,
}: {
  campaign: ProgressCampaign
  progress: CampaignProgressFigures
}) {
  const { t } = useTranslation()
  const { intlLocale } = useLocale()
  const behind =
    progress.dailyPaceNeeded !== null &&
    progress.last7DaysPace < progress.dailyPaceNeeded &&
    progress.daysLeft > 0
  return (
    <section aria-labelledby="progress-pace">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4" id="progress-pace">
          {t('progress.paceTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('progress.asOf', { date: formatDate(progress.asOf, intlLocale) })}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        {usePaceFacts(campaign, progress).map((fact) => (
          <Paper withBorder p="sm" key={fact.label}>
            <Text size="xs" c="dimmed">
              {fact.label}
            </Text>
            <Text fw={700} size="lg" style={{ fontVariantNumeric: 'tabular-nums' }}>
              {fact.value}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      {behind ? (
        <Text c="orange.8" size="sm" mt="xs" role="note">
          {t('progress.behindPace')}
        </Text>
      ) : null}
    </section>
  )
}

/** The pace's four figures, worded: days left, pace needed, recent pace, and the projected finish. */
function usePaceFacts(campaign: ProgressCampaign, progress: CampaignProgressFigures) {
  const { t } = useTranslation()
  const { intlLocale } = useLocale()
  const projected = progress.projectedFinishDate
  return [
    { label: t('progress.daysLeft'), value: t('progress.count', { value: progress.daysLeft }) },
    {
      label: t('progress.paceNeeded'),
      value:
        progress.dailyPaceNeeded === null ? '—' : t('progress.pace', { value: progress.dailyPaceNeeded }),
    },
    { label: t('progress.recentPace'), value: t('progress.pace', { value: progress.last7DaysPace }) },
    {
      label: t('progress.projectedFinish'),
      value:
        projected === null
          ? t('progress.noProjection')
          : projected > campaign.endDate
            ? t('progress.projectedAfterEnd', { date: formatDate(campaign.endDate, intlLocale) })
            : formatDate(projected, intlLocale),
    },
  ]
}

const milestoneColors = { MET: 'green', MISSED: 'red', PENDING: 'gray' } as const

function Milestones({ progress }: { progress: CampaignProgressFigures }) {
  const { t } = useTranslation()
  const { intlLocale } = useLocale()
  const label = useEnumLabel()
  return (
    <section aria-labelledby="progress-milestones">
      <Title order={3} size="h4" id="progress-milestones" mb="sm">
        {t('progress.milestones')}
      </Title>
      {progress.milestones.length === 0 ? (
        <Empty>{t('progress.noMilestones')}</Empty>
      ) : (
        <Table aria-label={t('progress.milestones')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('target.milestone')}</Table.Th>
              <Table.Th scope="col">{t('target.product')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('progress.enrolled')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('progress.target')}
              </Table.Th>
              <Table.Th scope="col">{t('progress.milestoneOutcome')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {progress.milestones.map((milestone) => (
              <Table.Tr key={milestone.target.id}>
                <Table.Td>
                  {formatDate(milestone.dueDate, intlLocale)}
                  {milestone.label ? ` · ${milestone.label}` : ''}
                </Table.Td>
                <Table.Td>
                  {milestone.target.product
                    ? label('Product', milestone.target.product)
                    : t('target.allProducts')}
                </Table.Td>
                <Table.Td ta="right">{t('progress.count', { value: milestone.enrolled })}</Table.Td>
                <Table.Td ta="right">{t('progress.count', { value: milestone.count })}</Table.Td>
                <Table.Td>
                  <Badge color={milestoneColors[milestone.status]} variant="light" tt="none">
                    {t(`progress.milestoneStatus.${milestone.status}`)}
                  </Badge>
                  {/* Met or missed, never both: the day it was reached is said only of a met one. */}
                  {milestone.status === 'MET' && milestone.metOn ? (
                    <Text span size="xs" c="dimmed" ml="xs">
                      {t('progress.metOn', { date: formatDate(milestone.metOn, intlLocale) })}
                    </Text>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  )
}

/** One chart per product, asked again whenever the figures above are pushed. */
function ProductCurves({
  campaignId,
  center,
  refreshKey,
}: {
  campaignId: string
  center: string | undefined
  refreshKey: unknown
}) {
  const { t } = useTranslation()
  const [{ data, error }, reexecute] = useQuery({
    query: ProductCurvesQuery,
    variables: { campaign: campaignId, center },
  })
  useEffect(() => {
    if (refreshKey) reexecute({ requestPolicy: 'network-only' })
  }, [refreshKey, reexecute])
  if (error && !data)
    return <LoadFailed error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
  if (!data?.voluntary || !data.household) return null
  return (
    <section aria-label={t('progress.charts')}>
      <ProgressCharts
        curves={[
          { product: 'VOLUNTARY_SOCIAL_INSURANCE', curve: data.voluntary },
          { product: 'HOUSEHOLD_HEALTH_INSURANCE', curve: data.household },
        ]}
      />
    </section>
  )
}
