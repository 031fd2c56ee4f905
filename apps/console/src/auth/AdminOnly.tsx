import { Alert } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { isAdmin, useViewer } from './viewer.tsx'

/** An admin screen: others opening its address see why they cannot, and the screen never asks the API. */
export function AdminOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const viewer = useViewer()
  if (isAdmin(viewer)) return children
  return (
    <Alert color="orange" role="alert" title={t('auth.notAllowed')}>
      {t('auth.notAllowedDetail')}
    </Alert>
  )
}
