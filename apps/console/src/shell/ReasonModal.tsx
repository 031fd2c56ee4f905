// Asking why before a step that needs a reason (rejecting or cancelling an enrollment or a selection of
// them, cancelling a session): the reason is required, an error the API placed on it shows beside it,
// and the rest of a refusal above the buttons.
import { Button, Group, Modal, Stack, Textarea } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { FormErrorAlert, type FormProblem } from './formError.tsx'

export function ReasonModal({
  title,
  submitLabel,
  reasonLabel,
  opened,
  busy,
  error,
  problem = null,
  onClose,
  onSubmit,
}: {
  title: string
  submitLabel: string
  reasonLabel: string
  opened: boolean
  busy: boolean
  /** The API's refusal of the reason, if any. */
  error?: string | null
  /** The rest of the API's refusal, if any. */
  problem?: FormProblem | null
  onClose: () => void
  onSubmit: (reason: string) => void
}) {
  const { t } = useTranslation()
  const { reason, missing, change, submit } = useReason(opened, onSubmit)
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <form noValidate onSubmit={submit}>
        <Stack gap="sm">
          <Textarea
            label={reasonLabel}
            required
            rows={3}
            value={reason}
            error={missing ? t('form.reasonRequired') : (error ?? undefined)}
            onChange={(event) => change(event.currentTarget.value)}
            data-autofocus
          />
          <FormErrorAlert problem={problem} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('form.back')}
            </Button>
            <Button type="submit" color="red" loading={busy}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

/** The reason typed, empty each time the modal opens; submitted trimmed, or marked missing when blank. */
function useReason(opened: boolean, onSubmit: (reason: string) => void) {
  const [reason, setReason] = useState('')
  const [missing, setMissing] = useState(false)
  useEffect(() => {
    if (opened) {
      setReason('')
      setMissing(false)
    }
  }, [opened])
  return {
    reason,
    missing,
    change: (value: string) => {
      setReason(value)
      setMissing(value.trim() === '')
    },
    submit: (event: { preventDefault: () => void }) => {
      event.preventDefault()
      if (reason.trim() === '') setMissing(true)
      else onSubmit(reason.trim())
    },
  }
}
