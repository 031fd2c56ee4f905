import { Alert } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { canWrite, isAdmin, useViewer, type Viewer } from './viewer.tsx'

/** A screen for some roles: others opening its address see why they cannot, and it never asks the API. */
function Allowed({ when, children }: { when: (viewer: Viewer) => boolean; children: ReactNode }) {
  const { t } = useTranslation()
  const viewer = useViewer()
  if (when(viewer)) return children
  return (
    <Alert color="orange" role="alert" title={t('auth.notAllowed')}>
      {t('auth.notAllowedDetail')}
    </Alert>
  )
}

/** An admin screen. */
export function AdminOnly({ children }: { children: ReactNode }) {
  return <Allowed when={isAdmin}>{children}</Allowed>
}

/** A screen that registers or plans (a viewer only reads). */
export function WritersOnly({ children }: { children: ReactNode }) {
  return <Allowed when={canWrite}>{children}</Allowed>
}
