import { Button, Group } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/** A form's last row: cancel, then the button that submits it (its label the children). */
export function FormButtons({
  onCancel,
  busy,
  disabled,
  children,
}: {
  onCancel: () => void
  busy: boolean
  disabled?: boolean
  children: ReactNode
}) {
  const { t } = useTranslation()
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('form.cancel')}
      </Button>
      <Button type="submit" loading={busy} disabled={disabled}>
        {children}
      </Button>
    </Group>
  )
}
