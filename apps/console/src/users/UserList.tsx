// /users (admins): every user, with create, edit, deactivate and password reset.
import { Alert, Button, Group, Modal, PasswordInput, Stack, Text, Title } from '@mantine/core'
import { useNavigate, useSearch } from '@tanstack/react-router'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation, useQuery } from 'urql'
import { AdminOnly } from '../auth/AdminOnly.tsx'
import { type ResultOf, readFragment } from '../graphql.ts'
import { useEnumLabel } from '../i18n/labels.ts'
import { FormButtons } from '../shell/FormButtons.tsx'
import { FormErrorAlert, useFormError } from '../shell/formError.tsx'
import { AddressPager } from '../shell/ListPager.tsx'
import { type ListColumn, ListTable } from '../shell/ListTable.tsx'
import { pageVariables } from '../shell/listSearch.ts'
import { ListState } from '../shell/QueryState.tsx'
import { SearchField } from '../shell/SearchField.tsx'
import { StatusBadge } from '../shell/StatusBadge.tsx'
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
  const search = useSearch({ from: '/users' })
  const navigate = useNavigate({ from: '/users' })
  const [dialog, setDialog] = useState<Dialog>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: UsersQuery,
    variables: { search: search.search ?? null, ...pageVariables(search) },
  })
  const users = data?.users.edges.map((edge) => readFragment(UserRowFields, edge.node)) ?? []
  const done = (message: string) => {
    setDialog(null)
    setNotice(message)
    reexecute({ requestPolicy: 'network-only' })
  }
  const columns: ListColumn<UserRow>[] = [
    { key: 'username', header: t('user.username'), cell: (user) => user.username },
    { key: 'displayName', header: t('user.displayName'), cell: (user) => user.displayName },
    { key: 'role', header: t('user.role'), cell: (user) => label('Role', user.role) },
    { key: 'center', header: t('user.center'), cell: (user) => user.center?.name ?? '—' },
    {
      key: 'status',
      header: t('user.status'),
      nowrap: true,
      cell: (user) =>
        user.active ? (
          <StatusBadge color="green" symbol="✓" label={t('user.active')} />
        ) : (
          <StatusBadge color="gray" symbol="⊘" label={t('user.inactive')} />
        ),
    },
    {
      key: 'actions',
      header: t('user.actions'),
      cell: (user) => (
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
      ),
    },
  ]

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2}>{t('user.plural')}</Title>
        <Button size="xs" onClick={() => setDialog({ kind: 'create' })}>
          {t('user.create')}
        </Button>
      </Group>
      <Group align="flex-end" gap="sm">
        <SearchField
          label={t('user.search')}
          value={search.search}
          onChange={(words) => void navigate({ search: { search: words, size: search.size }, replace: true })}
          w={360}
        />
        <Button
          variant="subtle"
          size="sm"
          disabled={!search.search}
          onClick={() => void navigate({ search: { size: search.size }, replace: true })}
        >
          {t('list.clearFilters')}
        </Button>
      </Group>
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
        <ListTable
          label={t('user.listLabel')}
          columns={columns}
          rows={users}
          rowKey={(user) => user.id}
          rowName={(user) => user.displayName}
        />
      </ListState>
      {data ? <AddressPager totalCount={data.users.totalCount} /> : null}
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
    <form onSubmit={submit} noValidate>
      <Stack>
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
        <FormErrorAlert problem={problem} />
        <FormButtons onCancel={onCancel} busy={fetching} disabled={!password}>
          {t('user.resetPassword')}
        </FormButtons>
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
