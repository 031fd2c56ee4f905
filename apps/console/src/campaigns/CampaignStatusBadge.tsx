import type { CampaignStatus } from '@tangtoc/shared'
import { useEnumLabel } from '../i18n/labels.ts'
import { StatusBadge } from '../shell/StatusBadge.tsx'

const looks: Record<CampaignStatus, { color: string; symbol: string }> = {
  DRAFT: { color: 'gray', symbol: '✎' },
  ACTIVE: { color: 'green', symbol: '▶' },
  CLOSED: { color: 'dark', symbol: '■' },
}

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  const label = useEnumLabel()
  return <StatusBadge {...looks[status]} label={label('CampaignStatus', status)} />
}
