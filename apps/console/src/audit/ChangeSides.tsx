// A changed value's two sides as the audit log shows them: a creation (only the state after kept) shows
// only after, a removal only before, struck through; a change "before → after".
import { Text, VisuallyHidden } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

export type AuditStates = 'AFTER' | 'BEFORE' | 'BEFORE_AND_AFTER'

export function ChangeSides({
  states,
  before,
  after,
}: {
  states: AuditStates
  before: ReactNode
  after: ReactNode
}) {
  const { t } = useTranslation()
  if (states === 'AFTER') return <>{after}</>
  if (states === 'BEFORE')
    return (
      <>
        <VisuallyHidden>{t('audit.removed')}</VisuallyHidden>
        <s>{before}</s>
      </>
    )
  return (
    <>
      <Text span size="xs" c="red.8" td="line-through">
        {before}
      </Text>
      {' → '}
      <Text span size="xs" c="green.8">
        {after}
      </Text>
    </>
  )
}
