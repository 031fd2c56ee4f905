// The users page's dialogs: create, edit, reset a password, deactivate.
import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation } from 'urql'
import type { ResultOf } from '../graphql.ts'
import { DialogForm } from '../shell/FormButtons.tsx'
import { FormErrorAlert, useFormError } from '../shell/formError.tsx'
import { type EditedUser, UserForm } from './UserForm.tsx'
import { DeactivateUserMutation, ResetUserPasswordMutation, type UserRowFields } from './UserQueries.ts'

export type UserRow = ResultOf<typeof UserRowFields>
export type UserDialogState =
  | { kind: 'create' }
  | { kind: 'edit' | 'deactivate' | 'reset'; user: UserRow }
  | null

const titles = {
  create: 'user.create',
  edit: 'user.edit',
  reset: 'user.resetPassword',
  deactivate: 'user.deactivate',
} as const

/** The dialog open, if any; `onDone` gets the notice to show once it has done its work. */
export function UserDialog({
  dialog,
  onDone,
  onClose,
}: {
  dialog: UserDialogState
  onDone: (notice: string) => void
  onClose: () => void
}) {
  const { t } = useTranslation()
  return (
    <Modal opened={dialog !== null} onClose={onClose} title={t(titles[dialog?.kind ?? 'deactivate'])}>
      {dialog?.kind === 'create' ? (
        <UserForm onSaved={() => onDone(t('user.created'))} onCancel={onClose} />
      ) : dialog?.kind === 'edit' ? (
        <UserForm
          user={dialog.user as EditedUser}
          onSaved={() => onDone(t('user.saved'))}
          onCancel={onClose}
        />
      ) : dialog?.kind === 'reset' ? (
        <ResetPasswordForm
          user={dialog.user}
          onDone={() => onDone(t('user.passwordReset'))}
          onCancel={onClose}
        />
      ) : dialog?.kind === 'deactivate' ? (
        <DeactivateUser user={dialog.user} onDone={() => onDone(t('user.deactivated'))} onCancel={onClose} />
      ) : null}
    </Modal>
  )
}

type UserActionProps = { user: UserRow; onDone: () => void; onCancel: () => void }

function ResetPasswordForm({ user, onDone, onCancel }: UserActionProps) {
  const { t } = useTranslation()
  const [password, setPassword] = useState('')
  const [passwordError, setPasswordError] = useState<string | null>(null)
  const { problem, clear, unanswered, failed } = useFormError(
    (errors) => setPasswordError(errors.newPassword ?? null),
    (path) => (path.at(-1) === 'newPassword' ? 'newPassword' : null),
  )
  const [{ fetching }, resetPassword] = useMutation(ResetUserPasswordMutation)

  async function submit(event: FormEvent) {
    event.preventDefault()
    clear()
    setPasswordError(null)
    const outcome = await resetPassword({
      input: { id: user.id, version: user.version, newPassword: password },
    })
    const result = outcome.data?.resetUserPassword
    if (!result) return unanswered(outcome.error)
    if (result.__typename === 'UserPayload') return onDone()
    failed(result)
  }

  return (
    <DialogForm
      onSubmit={submit}
      problem={problem}
      onCancel={onCancel}
      busy={fetching}
      disabled={!password}
      submitLabel={t('user.resetPassword')}
    >
      <Text size="sm">{t('user.resetPasswordFor', { name: user.displayName })}</Text>
      <PasswordInput
        label={t('user.newPassword')}
        description={t('user.passwordHint')}
        autoComplete="new-password"
        value={password}
        onChange={(event) => setPassword(event.currentTarget.value)}
        error={passwordError}
        required
      />
    </DialogForm>
  )
}

function DeactivateUser({ user, onDone, onCancel }: UserActionProps) {
  const { t } = useTranslation()
  const { problem, clear, unanswered, failed } = useFormError(() => {})
  const [{ fetching }, deactivate] = useMutation(DeactivateUserMutation)

  async function confirm() {
    clear()
    const outcome = await deactivate({ input: { id: user.id, version: user.version } })
    const result = outcome.data?.deactivateUser
    if (!result) return unanswered(outcome.error)
    if (result.__typename === 'UserPayload') return onDone()
    failed(result)
  }

  return (
    <Stack>
      <Text>{t('user.deactivateConfirm', { name: user.displayName })}</Text>
      <FormErrorAlert problem={problem} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('form.cancel')}
        </Button>
        <Button color="red" loading={fetching} onClick={confirm}>
          {t('user.deactivate')}
        </Button>
      </Group>
    </Stack>
  )
}
