import type { SessionStatus } from '@tangtoc/shared'
import { useEnumLabel } from '../i18n/labels.ts'
import { StatusBadge } from '../shell/StatusBadge.tsx'

const looks: Record<SessionStatus, { color: string; symbol: string }> = {
  PLANNED: { color: 'blue', symbol: '◷' },
  DONE: { color: 'green', symbol: '✓' },
  CANCELLED: { color: 'gray', symbol: '⊘' },
}

export function SessionStatusBadge({ status }: { status: SessionStatus }) {
  const label = useEnumLabel()
  return <StatusBadge {...looks[status]} label={label('SessionStatus', status)} />
}
