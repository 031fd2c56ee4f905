// Asking why before a step that needs a reason (rejecting, cancelling), for one enrollment or a
// selection: the reason is required, and an error the API placed on it shows beside it.
import { Button, Group, Modal, Stack, Textarea } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

export function ReasonModal({
  title,
  submitLabel,
  opened,
  busy,
  error,
  onClose,
  onSubmit,
}: {
  title: string
  submitLabel: string
  opened: boolean
  busy: boolean
  /** The API's refusal of the reason, if any. */
  error?: string | null
  onClose: () => void
  onSubmit: (reason: string) => void
}) {
  const { t } = useTranslation()
  const [reason, setReason] = useState('')
  const [missing, setMissing] = useState(false)
  useEffect(() => {
    if (opened) {
      setReason('')
      setMissing(false)
    }
  }, [opened])
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          if (reason.trim() === '') setMissing(true)
          else onSubmit(reason.trim())
        }}
      >
        <Stack gap="sm">
          <Textarea
            label={t('enrollment.action.reason')}
            required
            rows={3}
            value={reason}
            error={missing ? t('enrollment.action.reasonRequired') : (error ?? undefined)}
            onChange={(event) => {
              setReason(event.currentTarget.value)
              setMissing(event.currentTarget.value.trim() === '')
            }}
            data-autofocus
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('enrollment.action.back')}
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
