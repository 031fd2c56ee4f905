import type { EnrollmentStatus } from '@tangtoc/shared'
import { useEnumLabel } from '../i18n/labels.ts'
import { StatusBadge } from '../shell/StatusBadge.tsx'

const looks: Record<EnrollmentStatus, { color: string; symbol: string }> = {
  DRAFT: { color: 'gray', symbol: '✎' },
  SUBMITTED: { color: 'blue', symbol: '…' },
  PAID: { color: 'teal', symbol: '₫' },
  ACTIVE: { color: 'green', symbol: '✓' },
  REJECTED: { color: 'red', symbol: '✕' },
  CANCELLED: { color: 'dark', symbol: '⊘' },
}

export function EnrollmentStatusBadge({ status }: { status: EnrollmentStatus }) {
  const label = useEnumLabel()
  return <StatusBadge {...looks[status]} label={label('EnrollmentStatus', status)} />
}
