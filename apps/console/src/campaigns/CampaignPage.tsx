import { Group, Stack, Text, Title } from '@mantine/core'
import { formatDate } from '@tangtoc/shared'
import { useParams } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuery } from 'urql'
import { graphql, type ResultOf } from '../graphql.ts'
import { useLocale } from '../i18n/useLocale.ts'
import { BackToList } from '../shell/links.tsx'
import { MissingRecord } from '../shell/QueryState.tsx'
import { ShowMore } from '../shell/ShowMore.tsx'
import { CampaignActions } from './CampaignActions.tsx'
import { CampaignCenterFields, CampaignCenters } from './CampaignCenters.tsx'
import { CampaignStatusBadge } from './CampaignStatusBadge.tsx'
import { TargetFields, TargetsTable } from './TargetsTable.tsx'

export const CampaignQuery = graphql(
  `
    query Campaign($code: String!, $targetsAfter: String) {
      campaign(code: $code) {
        id
        code
        name
        description
        startDate
        endDate
        timeZone
        status
        version
        targets(first: 100, after: $targetsAfter) {
          edges {
            node {
              id
              ...TargetFields
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
        centers(first: 100) {
          edges {
            ...CampaignCenterFields
          }
        }
      }
    }
  `,
  [TargetFields, CampaignCenterFields],
)

export function CampaignPage() {
  const { code } = useParams({ from: '/campaigns/$code' })
  const { t } = useTranslation()
  const [targetsAfter, setTargetsAfter] = useState<string | null>(null)
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: CampaignQuery,
    variables: { code, targetsAfter },
  })
  const campaign = data?.campaign

  const back = <BackToList to="/campaigns" />
  if (!campaign) {
    return (
      <MissingRecord
        result={{ fetching, data, error }}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        notFound={t('campaign.notFound', { code })}
        back={back}
      />
    )
  }

  const targets = campaign.targets.edges.map((edge) => edge.node)
  return (
    <Stack gap="lg">
      {back}
      <CampaignHeader campaign={campaign} />
      <section aria-labelledby="campaign-targets">
        <Title order={3} id="campaign-targets" mb="sm">
          {t('target.plural')}
        </Title>
        <TargetsTable targets={targets} />
        <ShowMore pageInfo={campaign.targets.pageInfo} fetching={fetching} onMore={setTargetsAfter}>
          {t('target.more')}
        </ShowMore>
      </section>
      <section aria-labelledby="campaign-centers">
        <Title order={3} id="campaign-centers" mb="sm">
          {t('center.plural')}
        </Title>
        <CampaignCenters centers={campaign.centers.edges} />
      </section>
    </Stack>
  )
}

/** The campaign's name, status, code, period and description, and what can be done with it. */
function CampaignHeader({ campaign }: { campaign: NonNullable<ResultOf<typeof CampaignQuery>['campaign']> }) {
  const { t } = useTranslation()
  const { intlLocale } = useLocale()
  return (
    <Stack gap="xs">
      <Title order={2}>{campaign.name}</Title>
      <Group gap="md">
        <CampaignStatusBadge status={campaign.status} />
        <Text size="sm">
          {t('campaign.code')}: {campaign.code}
        </Text>
        <Text size="sm">
          {t('campaign.period')}:{' '}
          {t('campaign.periodValue', {
            start: formatDate(campaign.startDate, intlLocale),
            end: formatDate(campaign.endDate, intlLocale),
          })}
        </Text>
      </Group>
      {campaign.description ? <Text c="dimmed">{campaign.description}</Text> : null}
      <CampaignActions campaign={campaign} />
    </Stack>
  )
}
