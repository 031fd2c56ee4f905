import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { type TypedDocumentNode, useQuery } from 'urql'
import { MissingRecord } from '../shell/QueryState.tsx'

/**
 * A campaign's admin screen (its edit form, its targets): the campaign read by its code with the
 * screen's own query, "not found" until it is, and a reload for the screen after a stale save.
 */
export function CampaignByCode<Campaign>({
  code,
  query,
  children,
}: {
  code: string
  query: TypedDocumentNode<{ campaign: Campaign | null }, { code: string }>
  children: (campaign: Campaign, reload: () => void) => ReactNode
}) {
  const { t } = useTranslation()
  const [{ data, fetching, error }, reexecute] = useQuery({ query, variables: { code } })
  const reload = () => reexecute({ requestPolicy: 'network-only' })
  if (!data?.campaign)
    return (
      <MissingRecord
        result={{ fetching, data, error }}
        onRetry={reload}
        notFound={t('campaign.notFound', { code })}
      />
    )
  return children(data.campaign, reload)
}
