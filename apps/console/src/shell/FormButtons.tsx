import { Button, Group, Stack } from '@mantine/core'
import type { FormEvent, ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { FormErrorAlert, type FormProblem } from './formError.tsx'

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

/** A dialog's form: its fields (the children), what kept it from saving, then cancel and submit ("Save" unless named). */
export function DialogForm({
  label,
  onSubmit,
  problem,
  onCancel,
  busy,
  disabled,
  submitLabel,
  children,
}: {
  label?: string
  onSubmit: (event: FormEvent<HTMLFormElement>) => void
  problem: FormProblem | null
  onCancel: () => void
  busy: boolean
  disabled?: boolean
  submitLabel?: string
  children: ReactNode
}) {
  const { t } = useTranslation()
  return (
    <form onSubmit={onSubmit} noValidate aria-label={label}>
      <Stack>
        {children}
        <FormErrorAlert problem={problem} />
        <FormButtons onCancel={onCancel} busy={busy} disabled={disabled}>
          {submitLabel ?? t('form.save')}
        </FormButtons>
      </Stack>
    </form>
  )
}
