import { Badge, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { formatDate } from '@tangtoc/shared'
import { Navigate, useParams } from '@tanstack/react-router'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuery, useSubscription } from 'urql'
import { CampaignStatusBadge } from '../campaigns/CampaignStatusBadge.tsx'
import { type ResultOf, readFragment } from '../graphql.ts'
import { useEnumLabel } from '../i18n/labels.ts'
import { useLocale } from '../i18n/useLocale.ts'
import { AnchorLink } from '../shell/links.tsx'
import { Empty, LoadFailed, Loading, MissingRecord } from '../shell/QueryState.tsx'
import {
  ActiveCampaignQuery,
  CampaignProgressChangedSubscription,
  CampaignProgressFiguresFragment,
  CampaignProgressQuery,
  DashboardCampaignQuery,
} from './DashboardQueries.ts'
import { LatestEnrollments } from './LatestEnrollments.tsx'
import { LiveIndicator } from './LiveIndicator.tsx'
import { ProgressCharts } from './ProgressCharts.tsx'

/** While the live progress subscription is down, the dashboard asks again every 30 seconds. */
export const refreshEveryMs = 30_000

type CampaignProgressFigures = ResultOf<typeof CampaignProgressFiguresFragment>

/** /dashboard: the running campaign's dashboard, or a way to the campaigns when none runs. */
export function ActiveCampaignDashboard() {
  const { t } = useTranslation()
  const [{ data, fetching, error }, reexecute] = useQuery({ query: ActiveCampaignQuery })
  if (fetching && !data) return <Loading />
  if (error && !data)
    return <LoadFailed error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
  const active = data?.campaigns.edges[0]?.node
  if (active) return <Navigate to="/campaigns/$code/dashboard" params={{ code: active.code }} replace />
  return (
    <Stack>
      <Title order={2}>{t('dashboard.title')}</Title>
      <Empty>{t('dashboard.noActiveCampaign')}</Empty>
      <AnchorLink to="/campaigns">{t('campaign.plural')}</AnchorLink>
    </Stack>
  )
}

export function CampaignDashboard() {
  const { code } = useParams({ from: '/campaigns/$code/dashboard' })
  const { t } = useTranslation()
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: DashboardCampaignQuery,
    variables: { code },
  })
  const campaign = data?.campaign
  if (!campaign) {
    return (
      <MissingRecord
        loading={fetching && !data}
        error={error}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
      >
        <Empty>{t('campaign.notFound', { code })}</Empty>
      </MissingRecord>
    )
  }
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <AnchorLink to="/campaigns/$code" params={{ code }} size="sm">
          ← {campaign.code}
        </AnchorLink>
        <Group gap="sm" wrap="nowrap" align="center">
          <Title order={2}>{t('dashboard.title')}</Title>
          <CampaignStatusBadge status={campaign.status} />
        </Group>
        <Text c="dimmed">{campaign.name}</Text>
      </Stack>
      <CampaignProgressView campaignId={campaign.id} />
    </Stack>
  )
}

function CampaignProgressView({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation()
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: CampaignProgressQuery,
    variables: { campaign: campaignId },
  })
  // The API pushes the same figures after each change; while that stream is down, ask every 30 s.
  const [live] = useSubscription({
    query: CampaignProgressChangedSubscription,
    variables: { campaign: campaignId },
  })
  // urql marks a subscription as not fetching once its first event arrives: only an error ends it.
  const liveOn = !live.error
  useEffect(() => {
    if (liveOn) return
    const timer = setInterval(() => reexecute({ requestPolicy: 'network-only' }), refreshEveryMs)
    return () => clearInterval(timer)
  }, [liveOn, reexecute])

  if (fetching && !data) return <Loading />
  if (error && !data)
    return <LoadFailed error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
  const pushed = live.data?.campaignProgressChanged
  // Pushed figures are newer than the query's while the stream is up; the polls' afterwards.
  const figures = liveOn ? (pushed ?? data?.campaignProgress) : data?.campaignProgress
  if (!figures) return <Empty>{t('dashboard.noProgress')}</Empty>
  const progress = readFragment(CampaignProgressFiguresFragment, figures)
  return (
    <Stack gap="lg">
      <LiveIndicator live={liveOn} />
      <ProductCards progress={progress} />
      <PaceSummary progress={progress} />
      <Milestones progress={progress} />
      <LatestEnrollments campaignId={campaignId} refreshKey={pushed} />
      <ProgressCharts days={progress.days} asOf={progress.asOf} />
      <CenterRanking progress={progress} />
    </Stack>
  )
}

function ProductCards({ progress }: { progress: CampaignProgressFigures }) {
  const { t } = useTranslation()
  const label = useEnumLabel()
  return (
    <section aria-labelledby="dashboard-products">
      <Title order={3} size="h4" id="dashboard-products" mb="sm">
        {t('dashboard.products')}
      </Title>
      {progress.products.length === 0 ? (
        <Empty>{t('dashboard.noTargets')}</Empty>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {progress.products.map((product) => (
            <Paper
              withBorder
              p="md"
              key={product.product}
              aria-label={label('Product', product.product)}
              role="group"
            >
              <Text fw={600}>{label('Product', product.product)}</Text>
              <Text size="xl" fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
                {product.target === null
                  ? t('dashboard.enrolledOnly', { enrolled: product.enrolled })
                  : t('dashboard.enrolledOfTarget', { enrolled: product.enrolled, target: product.target })}
              </Text>
              {product.percent === null ? null : (
                <>
                  <Progress
                    value={Math.min(product.percent, 100)}
                    aria-label={t('dashboard.percentOf', { product: label('Product', product.product) })}
                    mt="xs"
                  />
                  <Text size="sm" c="dimmed" mt={4}>
                    {t('dashboard.percent', { value: product.percent })}
                  </Text>
                </>
              )}
            </Paper>
          ))}
        </SimpleGrid>
      )}
    </section>
  )
}

function PaceSummary({ progress }: { progress: CampaignProgressFigures }) {
  const { t } = useTranslation()
  const { intlLocale } = useLocale()
  const behind =
    progress.dailyPaceNeeded !== null &&
    progress.last7DaysPace < progress.dailyPaceNeeded &&
    progress.daysLeft > 0
  const facts = [
    { label: t('dashboard.daysLeft'), value: t('dashboard.count', { value: progress.daysLeft }) },
    {
      label: t('dashboard.paceNeeded'),
      value:
        progress.dailyPaceNeeded === null ? '—' : t('dashboard.pace', { value: progress.dailyPaceNeeded }),
    },
    { label: t('dashboard.recentPace'), value: t('dashboard.pace', { value: progress.last7DaysPace }) },
    {
      label: t('dashboard.projectedFinish'),
      value: progress.projectedFinishDate
        ? formatDate(progress.projectedFinishDate, intlLocale)
        : t('dashboard.noProjection'),
    },
  ]
  return (
    <section aria-labelledby="dashboard-pace">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4" id="dashboard-pace">
          {t('dashboard.paceTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('dashboard.asOf', { date: formatDate(progress.asOf, intlLocale) })}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        {facts.map((fact) => (
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
          {t('dashboard.behindPace')}
        </Text>
      ) : null}
    </section>
  )
}

const milestoneColors = { MET: 'green', MISSED: 'red', PENDING: 'gray' } as const

function Milestones({ progress }: { progress: CampaignProgressFigures }) {
  const { t } = useTranslation()
  const { intlLocale } = useLocale()
  const label = useEnumLabel()
  return (
    <section aria-labelledby="dashboard-milestones">
      <Title order={3} size="h4" id="dashboard-milestones" mb="sm">
        {t('dashboard.milestones')}
      </Title>
      {progress.milestones.length === 0 ? (
        <Empty>{t('dashboard.noMilestones')}</Empty>
      ) : (
        <Table aria-label={t('dashboard.milestones')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('target.milestone')}</Table.Th>
              <Table.Th scope="col">{t('target.product')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('dashboard.enrolled')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('target.count')}
              </Table.Th>
              <Table.Th scope="col">{t('campaign.status')}</Table.Th>
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
                <Table.Td ta="right">{t('dashboard.count', { value: milestone.enrolled })}</Table.Td>
                <Table.Td ta="right">{t('dashboard.count', { value: milestone.count })}</Table.Td>
                <Table.Td>
                  <Badge color={milestoneColors[milestone.status]} variant="light">
                    {t(`dashboard.milestoneStatus.${milestone.status}`)}
                  </Badge>
                  {milestone.metOn && milestone.status !== 'PENDING' ? (
                    <Text span size="xs" c="dimmed" ml="xs">
                      {t('dashboard.metOn', { date: formatDate(milestone.metOn, intlLocale) })}
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

function CenterRanking({ progress }: { progress: CampaignProgressFigures }) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="dashboard-centers">
      <Title order={3} size="h4" id="dashboard-centers" mb="sm">
        {t('dashboard.ranking')}
      </Title>
      {progress.centers.length === 0 ? (
        <Empty>{t('dashboard.noCenters')}</Empty>
      ) : (
        <Table striped aria-label={t('dashboard.ranking')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('dashboard.rank')}</Table.Th>
              <Table.Th scope="col">{t('target.center')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('dashboard.enrolled')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('target.count')}
              </Table.Th>
              <Table.Th scope="col" w="30%">
                {t('dashboard.percentColumn')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {progress.centers.map((row) => (
              <Table.Tr key={row.center.id}>
                <Table.Td>{row.rank}</Table.Td>
                <Table.Td>{row.center.name}</Table.Td>
                <Table.Td ta="right">{t('dashboard.count', { value: row.enrolled })}</Table.Td>
                <Table.Td ta="right">
                  {row.target === null ? '—' : t('dashboard.count', { value: row.target })}
                </Table.Td>
                <Table.Td>
                  {row.percent === null ? (
                    '—'
                  ) : (
                    <Group gap="xs" wrap="nowrap">
                      <Progress value={Math.min(row.percent, 100)} style={{ flex: 1 }} aria-hidden />
                      <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                        {t('dashboard.percent', { value: row.percent })}
                      </Text>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  )
}
