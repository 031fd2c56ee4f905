import { Group, Stack, Table, Title } from '@mantine/core'
import { formatDate } from '@tangtoc/shared'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuery } from 'urql'
import { isAdmin, useViewer } from '../auth/viewer.tsx'
import { graphql, type ResultOf } from '../graphql.ts'
import { useLocale } from '../i18n/useLocale.ts'
import { AnchorLink } from '../shell/links.tsx'
import { ListState } from '../shell/QueryState.tsx'
import { ShowMore } from '../shell/ShowMore.tsx'
import { CampaignStatusBadge } from './CampaignStatusBadge.tsx'

export const CampaignsQuery = graphql(`
  query Campaigns($first: Int!, $after: String) {
    campaigns(first: $first, after: $after) {
      totalCount
      edges {
        node {
          id
          code
          name
          startDate
          endDate
          status
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`)

export function CampaignList() {
  const { t } = useTranslation()
  const [after, setAfter] = useState<string | null>(null)
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: CampaignsQuery,
    variables: { first: 50, after },
  })
  const campaigns = data?.campaigns.edges.map((edge) => edge.node) ?? []
  const viewer = useViewer()

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2}>{t('campaign.plural')}</Title>
        {isAdmin(viewer) ? <AnchorLink to="/campaigns/new">{t('campaign.create')}</AnchorLink> : null}
      </Group>
      <ListState
        result={{ fetching, data, error }}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        empty={campaigns.length === 0 ? t('campaign.empty') : null}
      >
        <CampaignTable campaigns={campaigns} />
      </ListState>
      {data ? (
        <ShowMore pageInfo={data.campaigns.pageInfo} fetching={fetching} onMore={setAfter}>
          {t('campaign.more')}
        </ShowMore>
      ) : null}
    </Stack>
  )
}

/** Each campaign's name (to its page), code, period and status. */
function CampaignTable({
  campaigns,
}: {
  campaigns: readonly NonNullable<ResultOf<typeof CampaignsQuery>['campaigns']>['edges'][number]['node'][]
}) {
  const { t } = useTranslation()
  const { intlLocale } = useLocale()
  return (
    <Table striped highlightOnHover aria-label={t('campaign.listLabel')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('campaign.name')}</Table.Th>
          <Table.Th scope="col">{t('campaign.code')}</Table.Th>
          <Table.Th scope="col">{t('campaign.period')}</Table.Th>
          <Table.Th scope="col">{t('campaign.status')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {campaigns.map((campaign) => (
          <Table.Tr key={campaign.id}>
            <Table.Td>
              <AnchorLink to="/campaigns/$code" params={{ code: campaign.code }}>
                {campaign.name}
              </AnchorLink>
            </Table.Td>
            <Table.Td>{campaign.code}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {t('campaign.periodValue', {
                start: formatDate(campaign.startDate, intlLocale),
                end: formatDate(campaign.endDate, intlLocale),
              })}
            </Table.Td>
            <Table.Td>
              <CampaignStatusBadge status={campaign.status} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
