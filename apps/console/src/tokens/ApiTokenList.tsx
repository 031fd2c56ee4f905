// /tokens (admins): API tokens for integrations; a new token's secret is shown once, with a copy button.
import {
  Alert,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Modal,
  Select,
  Stack,
  TextInput,
  Title,
} from '@mantine/core'
import { type ApiTokenScope, apiTokenScopes, formatDate } from '@tangtoc/shared'
import { useNavigate, useSearch } from '@tanstack/react-router'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation, useQuery } from 'urql'
import { AdminOnly } from '../auth/AdminOnly.tsx'
import { type ResultOf, readFragment } from '../graphql.ts'
import { useEnumLabel } from '../i18n/labels.ts'
import { useLocale } from '../i18n/useLocale.ts'
import { DateField } from '../shell/DateField.tsx'
import { DialogForm } from '../shell/FormButtons.tsx'
import { FormErrorAlert, useFormError } from '../shell/formError.tsx'
import { AddressPager } from '../shell/ListPager.tsx'
import { type ListColumn, ListTable } from '../shell/ListTable.tsx'
import { pageVariables } from '../shell/listSearch.ts'
import { ListState } from '../shell/QueryState.tsx'
import { StatusBadge } from '../shell/StatusBadge.tsx'
import { inputPath } from '../shell/typedErrors.ts'
import {
  ApiTokenRowFields,
  ApiTokensQuery,
  CreateApiTokenMutation,
  RevokeApiTokenMutation,
} from './TokenQueries.ts'

type TokenRow = ResultOf<typeof ApiTokenRowFields>

export function ApiTokensPage() {
  return (
    <AdminOnly>
      <ApiTokenList />
    </AdminOnly>
  )
}

export function ApiTokenList() {
  const { t } = useTranslation()
  const search = useSearch({ from: '/tokens' })
  const [creating, setCreating] = useState(false)
  const [secret, setSecret] = useState<string | null>(null)
  const revocation = useFormError(() => {})
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ApiTokensQuery,
    variables: { includeRevoked: search.revoked ?? false, ...pageVariables(search) },
  })
  const [{ fetching: revoking }, revokeToken] = useMutation(RevokeApiTokenMutation)
  const tokens = data?.apiTokens.edges.map((edge) => readFragment(ApiTokenRowFields, edge.node)) ?? []

  async function revoke(token: TokenRow) {
    revocation.clear()
    const outcome = await revokeToken({ input: { id: token.id } })
    const result = outcome.data?.revokeApiToken
    if (!result) revocation.unanswered(outcome.error)
    else if (result.__typename !== 'RevokeApiTokenPayload') revocation.failed(result)
    reexecute({ requestPolicy: 'network-only' })
  }
  const created = (secret: string) => {
    setCreating(false)
    setSecret(secret)
    reexecute({ requestPolicy: 'network-only' })
  }
  const columns = useTokenColumns(revoke, revoking)

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2}>{t('token.plural')}</Title>
        <Button size="xs" onClick={() => setCreating(true)}>
          {t('token.create')}
        </Button>
      </Group>
      <IncludeRevoked />
      {secret ? <SecretAlert secret={secret} onClose={() => setSecret(null)} /> : null}
      <FormErrorAlert problem={revocation.problem} />
      <ListState
        result={{ fetching, data, error }}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        empty={tokens.length === 0 ? t('token.empty') : null}
      >
        <ListTable
          label={t('token.listLabel')}
          columns={columns}
          rows={tokens}
          rowKey={(token) => token.id}
          rowName={(token) => token.name}
        />
      </ListState>
      {data ? <AddressPager totalCount={data.apiTokens.totalCount} /> : null}
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('token.create')}>
        {creating ? <CreateTokenForm onCancel={() => setCreating(false)} onCreated={created} /> : null}
      </Modal>
    </Stack>
  )
}

/** Whether revoked tokens are listed too, kept in the address. */
function IncludeRevoked() {
  const { t } = useTranslation()
  const search = useSearch({ from: '/tokens' })
  const navigate = useNavigate({ from: '/tokens' })
  return (
    <Checkbox
      label={t('token.includeRevoked')}
      checked={search.revoked ?? false}
      onChange={(event) =>
        void navigate({
          search: { revoked: event.currentTarget.checked ? true : undefined, size: search.size },
          replace: true,
        })
      }
    />
  )
}

/** The table's columns: the token, whose it is, when made and last used, and revoking it while it is not. */
function useTokenColumns(revoke: (token: TokenRow) => void, revoking: boolean): ListColumn<TokenRow>[] {
  const { t } = useTranslation()
  const label = useEnumLabel()
  const { intlLocale } = useLocale()
  const day = (instant: string | null) => (instant ? formatDate(instant.slice(0, 10), intlLocale) : '—')
  return [
    { key: 'name', header: t('token.name'), cell: (token) => token.name },
    { key: 'prefix', header: t('token.prefix'), cell: (token) => <Code>{token.prefix}…</Code> },
    { key: 'scope', header: t('token.scope'), cell: (token) => label('ApiTokenScope', token.scope) },
    { key: 'owner', header: t('token.owner'), cell: (token) => token.user.displayName },
    { key: 'createdAt', header: t('token.createdAt'), nowrap: true, cell: (token) => day(token.createdAt) },
    {
      key: 'lastUsedAt',
      header: t('token.lastUsedAt'),
      nowrap: true,
      cell: (token) => day(token.lastUsedAt),
    },
    {
      key: 'status',
      header: t('token.status'),
      nowrap: true,
      cell: (token) =>
        token.revokedAt ? (
          <StatusBadge color="gray" symbol="⊘" label={t('token.revoked')} />
        ) : (
          <Button
            size="compact-xs"
            variant="subtle"
            color="red"
            loading={revoking}
            aria-label={t('token.revokeNamed', { name: token.name })}
            onClick={() => revoke(token)}
          >
            {t('token.revoke')}
          </Button>
        ),
    },
  ]
}

/** A new token's secret, shown this once, with a button that copies it. */
function SecretAlert({ secret, onClose }: { secret: string; onClose: () => void }) {
  const { t } = useTranslation()
  return (
    <Alert color="yellow" role="status" title={t('token.secretOnce')} withCloseButton onClose={onClose}>
      <Group gap="xs" wrap="nowrap">
        <Code style={{ wordBreak: 'break-all' }}>{secret}</Code>
        <CopyButton value={secret}>
          {({ copied, copy }) => (
            <Button size="xs" variant="light" onClick={copy}>
              {copied ? t('token.copied') : t('token.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Alert>
  )
}

const tokenFields = new Set(['name', 'scope', 'expiresAt'])
const tokenFieldOf = (path: readonly string[]) => (tokenFields.has(inputPath(path)) ? inputPath(path) : null)

// long: three controlled fields and their errors; apart, each would only receive the state passed down
export function CreateTokenForm({
  onCreated,
  onCancel,
}: {
  onCreated: (secret: string) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const label = useEnumLabel()
  const [name, setName] = useState('')
  const [scope, setScope] = useState<ApiTokenScope>('READ')
  const [expiresOn, setExpiresOn] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const { problem, clear, unanswered, failed } = useFormError(setErrors, tokenFieldOf)
  const [{ fetching }, createToken] = useMutation(CreateApiTokenMutation)

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!name.trim()) return setErrors({ name: t('form.required') })
    clear()
    const outcome = await createToken({
      input: { name: name.trim(), scope, expiresAt: expiresOn ? `${expiresOn}T23:59:59+07:00` : null },
    })
    const result = outcome.data?.createApiToken
    if (!result) return unanswered(outcome.error)
    if (result.__typename === 'CreateApiTokenPayload') return onCreated(result.secret)
    failed(result)
  }

  return (
    <DialogForm
      label={t('token.create')}
      submitLabel={t('token.create')}
      onSubmit={submit}
      problem={problem}
      onCancel={onCancel}
      busy={fetching}
    >
      <TextInput
        label={t('token.name')}
        required
        value={name}
        error={errors.name}
        onChange={(event) => {
          const typed = event.currentTarget.value
          setName(typed)
          setErrors(({ name: _, ...rest }) => (typed.trim() ? rest : { ...rest, name: t('form.required') }))
        }}
      />
      <Select
        label={t('token.scope')}
        data={apiTokenScopes.map((value) => ({ value, label: label('ApiTokenScope', value) }))}
        value={scope}
        allowDeselect={false}
        onChange={(value) => setScope((value ?? 'READ') as ApiTokenScope)}
        error={errors.scope}
      />
      <DateField
        label={t('token.expiresOn')}
        value={expiresOn}
        onChange={setExpiresOn}
        error={errors.expiresAt}
      />
    </DialogForm>
  )
}
