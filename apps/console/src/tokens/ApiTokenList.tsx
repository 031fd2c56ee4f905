// /tokens (admins): API tokens for integrations; a new token's secret is shown once, with a copy button.
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  TextInput,
  Title,
} from '@mantine/core'
import { type ApiTokenScope, apiTokenScopes, formatDate } from '@tangtoc/shared'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation, useQuery } from 'urql'
import { AdminOnly } from '../auth/AdminOnly.tsx'
import { type ResultOf, readFragment } from '../graphql.ts'
import { useEnumLabel } from '../i18n/labels.ts'
import { useLocale } from '../i18n/useLocale.ts'
import { ListState } from '../shell/QueryState.tsx'
import { fieldErrorsByPath, useLocalized } from '../shell/typedErrors.ts'
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
  const label = useEnumLabel()
  const { intlLocale } = useLocale()
  const text = useLocalized()
  const [includeRevoked, setIncludeRevoked] = useState(false)
  const [creating, setCreating] = useState(false)
  const [secret, setSecret] = useState<string | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ApiTokensQuery,
    variables: { includeRevoked },
  })
  const [{ fetching: revoking }, revokeToken] = useMutation(RevokeApiTokenMutation)
  const tokens = data?.apiTokens.edges.map((edge) => readFragment(ApiTokenRowFields, edge.node)) ?? []
  const day = (instant: string | null) => (instant ? formatDate(instant.slice(0, 10), intlLocale) : '—')

  async function revoke(token: TokenRow) {
    const outcome = await revokeToken({ input: { id: token.id } })
    const result = outcome.data?.revokeApiToken
    if (result && result.__typename !== 'RevokeApiTokenPayload') setMessage(text(result))
    else if (!result) setMessage(t('form.failed', { message: outcome.error?.message ?? '' }))
    reexecute({ requestPolicy: 'network-only' })
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2}>{t('token.plural')}</Title>
        <Button size="xs" onClick={() => setCreating(true)}>
          {t('token.create')}
        </Button>
      </Group>
      <Checkbox
        label={t('token.includeRevoked')}
        checked={includeRevoked}
        onChange={(event) => setIncludeRevoked(event.currentTarget.checked)}
      />
      {secret ? (
        <Alert
          color="yellow"
          role="status"
          title={t('token.secretOnce')}
          withCloseButton
          onClose={() => setSecret(null)}
        >
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
      ) : null}
      {message ? (
        <Alert color="red" role="alert" withCloseButton onClose={() => setMessage(null)}>
          {message}
        </Alert>
      ) : null}
      <ListState
        result={{ fetching, data, error }}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        empty={tokens.length === 0 ? t('token.empty') : null}
      >
        <Table striped aria-label={t('token.listLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('token.name')}</Table.Th>
              <Table.Th scope="col">{t('token.prefix')}</Table.Th>
              <Table.Th scope="col">{t('token.scope')}</Table.Th>
              <Table.Th scope="col">{t('token.owner')}</Table.Th>
              <Table.Th scope="col">{t('token.createdAt')}</Table.Th>
              <Table.Th scope="col">{t('token.lastUsedAt')}</Table.Th>
              <Table.Th scope="col">{t('token.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tokens.map((token) => (
              <Table.Tr key={token.id}>
                <Table.Td>{token.name}</Table.Td>
                <Table.Td>
                  <Code>{token.prefix}…</Code>
                </Table.Td>
                <Table.Td>{label('ApiTokenScope', token.scope)}</Table.Td>
                <Table.Td>{token.user.displayName}</Table.Td>
                <Table.Td>{day(token.createdAt)}</Table.Td>
                <Table.Td>{day(token.lastUsedAt)}</Table.Td>
                <Table.Td>
                  {token.revokedAt ? (
                    <Badge color="gray" variant="light">
                      {t('token.revoked')}
                    </Badge>
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
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ListState>
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('token.create')}>
        {creating ? (
          <CreateTokenForm
            onCancel={() => setCreating(false)}
            onCreated={(created) => {
              setCreating(false)
              setSecret(created)
              reexecute({ requestPolicy: 'network-only' })
            }}
          />
        ) : null}
      </Modal>
    </Stack>
  )
}

export function CreateTokenForm({
  onCreated,
  onCancel,
}: {
  onCreated: (secret: string) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const label = useEnumLabel()
  const text = useLocalized()
  const [name, setName] = useState('')
  const [scope, setScope] = useState<ApiTokenScope>('READ')
  const [expiresOn, setExpiresOn] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [{ fetching }, createToken] = useMutation(CreateApiTokenMutation)

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!name.trim()) return setErrors({ name: t('form.required') })
    setFormError(null)
    const outcome = await createToken({
      input: { name: name.trim(), scope, expiresAt: expiresOn ? `${expiresOn}T23:59:59+07:00` : null },
    })
    const result = outcome.data?.createApiToken
    if (!result) return setFormError(t('form.failed', { message: outcome.error?.message ?? '' }))
    if (result.__typename === 'CreateApiTokenPayload') return onCreated(result.secret)
    if (result.__typename === 'ValidationError') setErrors(fieldErrorsByPath(result.fieldErrors, text))
    setFormError(text(result))
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('token.create')}>
      <Stack>
        {formError ? (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        ) : null}
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
        <TextInput
          type="date"
          label={t('token.expiresOn')}
          value={expiresOn}
          onChange={(event) => setExpiresOn(event.currentTarget.value)}
          error={errors.expiresAt}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('form.cancel')}
          </Button>
          <Button type="submit" loading={fetching}>
            {t('token.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
