import { Badge } from '@mantine/core'
import type { SessionStatus } from '@tangtoc/shared'
import { useEnumLabel } from '../i18n/labels.ts'

const colors: Record<SessionStatus, string> = { PLANNED: 'blue', DONE: 'green', CANCELLED: 'gray' }

export function SessionStatusBadge({ status }: { status: SessionStatus }) {
  const label = useEnumLabel()
  return (
    <Badge color={colors[status]} variant="light">
      {label('SessionStatus', status)}
    </Badge>
  )
}
