// /users (admins): every user, with create, edit, deactivate and password reset.
import { Alert, Button, Group, Stack, Title } from '@mantine/core'
import { useNavigate, useSearch } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuery } from 'urql'
import { AdminOnly } from '../auth/AdminOnly.tsx'
import { readFragment } from '../graphql.ts'
import { useEnumLabel } from '../i18n/labels.ts'
import { AddressPager } from '../shell/ListPager.tsx'
import { type ListColumn, ListTable } from '../shell/ListTable.tsx'
import { pageVariables } from '../shell/listSearch.ts'
import { ListState } from '../shell/QueryState.tsx'
import { SearchField } from '../shell/SearchField.tsx'
import { StatusBadge } from '../shell/StatusBadge.tsx'
import { UserDialog, type UserDialogState, type UserRow } from './UserDialog.tsx'
import { UserRowFields, UsersQuery } from './UserQueries.ts'

export function UsersPage() {
  return (
    <AdminOnly>
      <UserList />
    </AdminOnly>
  )
}

export function UserList() {
  const { t } = useTranslation()
  const search = useSearch({ from: '/users' })
  const [dialog, setDialog] = useState<UserDialogState>(null)
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
  const columns = useUserColumns(setDialog)

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2}>{t('user.plural')}</Title>
        <Button size="xs" onClick={() => setDialog({ kind: 'create' })}>
          {t('user.create')}
        </Button>
      </Group>
      <UserSearch />
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
      <UserDialog dialog={dialog} onDone={done} onClose={() => setDialog(null)} />
    </Stack>
  )
}

/** The words a user is looked up by, kept in the address. */
function UserSearch() {
  const { t } = useTranslation()
  const search = useSearch({ from: '/users' })
  const navigate = useNavigate({ from: '/users' })
  return (
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
  )
}

/** The table's columns: who, their role and center, whether active, and what can be done to them. */
function useUserColumns(open: (dialog: UserDialogState) => void): ListColumn<UserRow>[] {
  const { t } = useTranslation()
  const label = useEnumLabel()
  return [
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
    { key: 'actions', header: t('user.actions'), cell: (user) => <UserRowActions user={user} open={open} /> },
  ]
}

function UserRowActions({ user, open }: { user: UserRow; open: (dialog: UserDialogState) => void }) {
  const { t } = useTranslation()
  return (
    <Group gap={4} wrap="nowrap">
      <Button
        size="compact-xs"
        variant="subtle"
        aria-label={t('user.editNamed', { name: user.username })}
        onClick={() => open({ kind: 'edit', user })}
      >
        {t('user.edit')}
      </Button>
      <Button
        size="compact-xs"
        variant="subtle"
        aria-label={t('user.resetPasswordNamed', { name: user.username })}
        onClick={() => open({ kind: 'reset', user })}
      >
        {t('user.resetPassword')}
      </Button>
      {user.active ? (
        <Button
          size="compact-xs"
          variant="subtle"
          color="red"
          aria-label={t('user.deactivateNamed', { name: user.username })}
          onClick={() => open({ kind: 'deactivate', user })}
        >
          {t('user.deactivate')}
        </Button>
      ) : null}
    </Group>
  )
}
