import { Badge } from '@mantine/core'
import type { EnrollmentStatus } from '@tangtoc/shared'
import { useEnumLabel } from '../i18n/labels.ts'

const colors: Record<EnrollmentStatus, string> = {
  DRAFT: 'gray',
  SUBMITTED: 'blue',
  PAID: 'teal',
  ACTIVE: 'green',
  REJECTED: 'red',
  CANCELLED: 'dark',
}

export function EnrollmentStatusBadge({ status }: { status: EnrollmentStatus }) {
  const label = useEnumLabel()
  return (
    <Badge color={colors[status]} variant="light">
      {label('EnrollmentStatus', status)}
    </Badge>
  )
}
