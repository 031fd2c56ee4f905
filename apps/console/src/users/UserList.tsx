// /users (admins): every user, with create, edit, deactivate and password reset.
import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation, useQuery } from 'urql'
import { AdminOnly } from '../auth/AdminOnly.tsx'
import { type ResultOf, readFragment } from '../graphql.ts'
import { useEnumLabel } from '../i18n/labels.ts'
import { ListState } from '../shell/QueryState.tsx'
import { fieldErrorsByPath, useLocalized } from '../shell/typedErrors.ts'
import { type EditedUser, UserForm } from './UserForm.tsx'
import {
  DeactivateUserMutation,
  ResetUserPasswordMutation,
  UserRowFields,
  UsersQuery,
} from './UserQueries.ts'

type UserRow = ResultOf<typeof UserRowFields>
type Dialog = { kind: 'create' } | { kind: 'edit' | 'deactivate' | 'reset'; user: UserRow } | null

export function UsersPage() {
  return (
    <AdminOnly>
      <UserList />
    </AdminOnly>
  )
}

export function UserList() {
  const { t } = useTranslation()
  const label = useEnumLabel()
  const [search, setSearch] = useState('')
  const [debounced] = useDebouncedValue(search, 250)
  const [dialog, setDialog] = useState<Dialog>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: UsersQuery,
    variables: { search: debounced.trim() || null },
  })
  const users = data?.users.edges.map((edge) => readFragment(UserRowFields, edge.node)) ?? []
  const done = (message: string) => {
    setDialog(null)
    setNotice(message)
    reexecute({ requestPolicy: 'network-only' })
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2}>{t('user.plural')}</Title>
        <Button size="xs" onClick={() => setDialog({ kind: 'create' })}>
          {t('user.create')}
        </Button>
      </Group>
      <TextInput
        label={t('user.search')}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        maw={360}
      />
      {notice ? (
        <Alert color="green" role="status" withCloseButton onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      ) : null}
      <ListState
        result={{ fetching, data, error }}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        empty={users.length === 0 ? t('user.empty') : null}
      >
        <Table striped aria-label={t('user.listLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('user.username')}</Table.Th>
              <Table.Th scope="col">{t('user.displayName')}</Table.Th>
              <Table.Th scope="col">{t('user.role')}</Table.Th>
              <Table.Th scope="col">{t('user.center')}</Table.Th>
              <Table.Th scope="col">{t('user.status')}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t('user.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.map((user) => (
              <Table.Tr key={user.id}>
                <Table.Td>{user.username}</Table.Td>
                <Table.Td>{user.displayName}</Table.Td>
                <Table.Td>{label('Role', user.role)}</Table.Td>
                <Table.Td>{user.center?.name ?? '—'}</Table.Td>
                <Table.Td>
                  <Badge color={user.active ? 'green' : 'gray'} variant="light">
                    {user.active ? t('user.active') : t('user.inactive')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      aria-label={t('user.editNamed', { name: user.username })}
                      onClick={() => setDialog({ kind: 'edit', user })}
                    >
                      {t('user.edit')}
                    </Button>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      aria-label={t('user.resetPasswordNamed', { name: user.username })}
                      onClick={() => setDialog({ kind: 'reset', user })}
                    >
                      {t('user.resetPassword')}
                    </Button>
                    {user.active ? (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        aria-label={t('user.deactivateNamed', { name: user.username })}
                        onClick={() => setDialog({ kind: 'deactivate', user })}
                      >
                        {t('user.deactivate')}
                      </Button>
                    ) : null}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ListState>
      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={
          dialog?.kind === 'create'
            ? t('user.create')
            : dialog?.kind === 'edit'
              ? t('user.edit')
              : dialog?.kind === 'reset'
                ? t('user.resetPassword')
                : t('user.deactivate')
        }
      >
        {dialog?.kind === 'create' ? (
          <UserForm onSaved={() => done(t('user.created'))} onCancel={() => setDialog(null)} />
        ) : dialog?.kind === 'edit' ? (
          <UserForm
            user={dialog.user as EditedUser}
            onSaved={() => done(t('user.saved'))}
            onCancel={() => setDialog(null)}
          />
        ) : dialog?.kind === 'reset' ? (
          <ResetPasswordForm
            user={dialog.user}
            onDone={() => done(t('user.passwordReset'))}
            onCancel={() => setDialog(null)}
          />
        ) : dialog?.kind === 'deactivate' ? (
          <DeactivateUser
            user={dialog.user}
            onDone={() => done(t('user.deactivated'))}
            onCancel={() => setDialog(null)}
          />
        ) : null}
      </Modal>
    </Stack>
  )
}

function ResetPasswordForm({
  user,
  onDone,
  onCancel,
}: {
  user: UserRow
  onDone: () => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const text = useLocalized()
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [{ fetching }, resetPassword] = useMutation(ResetUserPasswordMutation)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setError(null)
    const outcome = await resetPassword({
      input: { id: user.id, version: user.version, newPassword: password },
    })
    const result = outcome.data?.resetUserPassword
    if (!result) return setError(t('form.failed', { message: outcome.error?.message ?? '' }))
    if (result.__typename === 'UserPayload') return onDone()
    setError(
      result.__typename === 'ValidationError'
        ? (fieldErrorsByPath(result.fieldErrors, text).newPassword ?? text(result))
        : text(result),
    )
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t('user.resetPasswordFor', { name: user.displayName })}</Text>
        <PasswordInput
          label={t('user.newPassword')}
          description={t('user.passwordHint')}
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={error}
          required
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('form.cancel')}
          </Button>
          <Button type="submit" loading={fetching} disabled={!password}>
            {t('user.resetPassword')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

function DeactivateUser({
  user,
  onDone,
  onCancel,
}: {
  user: UserRow
  onDone: () => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const text = useLocalized()
  const [error, setError] = useState<string | null>(null)
  const [{ fetching }, deactivate] = useMutation(DeactivateUserMutation)

  async function confirm() {
    const outcome = await deactivate({ input: { id: user.id, version: user.version } })
    const result = outcome.data?.deactivateUser
    if (!result) return setError(t('form.failed', { message: outcome.error?.message ?? '' }))
    if (result.__typename === 'UserPayload') return onDone()
    setError(text(result))
  }

  return (
    <Stack>
      <Text>{t('user.deactivateConfirm', { name: user.displayName })}</Text>
      {error ? (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      ) : null}
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
