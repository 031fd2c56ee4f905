import { Badge } from '@mantine/core'
import type { CampaignStatus } from '@tangtoc/shared'
import { useEnumLabel } from '../i18n/labels.ts'

const colors: Record<CampaignStatus, string> = { DRAFT: 'gray', ACTIVE: 'green', CLOSED: 'dark' }

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  const label = useEnumLabel()
  return (
    <Badge color={colors[status]} variant="light">
      {label('CampaignStatus', status)}
    </Badge>
  )
}
