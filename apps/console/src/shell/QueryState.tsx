// What every screen shows while its data loads or when it cannot.
import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { CombinedError } from 'urql'

export function Loading() {
  const { t } = useTranslation()
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" aria-hidden />
        <Text>{t('state.loading')}</Text>
      </Group>
    </Center>
  )
}

export function LoadFailed({ error, onRetry }: { error: CombinedError; onRetry: () => void }) {
  const { t } = useTranslation()
  const message = error.networkError?.message ?? error.graphQLErrors[0]?.message ?? error.message
  return (
    <Alert color="red" role="alert" title={t('state.failed', { message })}>
      <Button variant="light" color="red" size="xs" onClick={onRetry}>
        {t('state.retry')}
      </Button>
    </Alert>
  )
}

export function Empty({ children }: { children: string }) {
  return (
    <Text c="dimmed" py="md">
      {children}
    </Text>
  )
}

/**
 * What a screen shows in place of the record it reads while that record is not there: the loader on
 * the first load, the error that kept it away (a record missing because of an error is not "not
 * found"), or else the screen's `notFound`, below its link `back` to the list when it has one.
 */
export function MissingRecord({
  result: { fetching, data, error },
  onRetry,
  notFound,
  back,
}: {
  result: { fetching: boolean; data: unknown; error: CombinedError | undefined }
  onRetry: () => void
  notFound: string
  back?: ReactNode
}) {
  if (fetching && !data) return <Loading />
  if (error) return <LoadFailed error={error} onRetry={onRetry} />
  if (!back) return <Empty>{notFound}</Empty>
  return (
    <Stack>
      {back}
      <Empty>{notFound}</Empty>
    </Stack>
  )
}

/**
 * What a list shows: the loader on its first load, the error when nothing could be read, `empty` (the
 * list's "nothing here" text, or null when it has rows), else `children`, the rows.
 */
export function ListState({
  result: { fetching, data, error },
  onRetry,
  empty,
  children,
}: {
  result: { fetching: boolean; data: unknown; error: CombinedError | undefined }
  onRetry: () => void
  empty: string | null
  children: ReactNode
}) {
  if (fetching && !data) return <Loading />
  if (error && !data) return <LoadFailed error={error} onRetry={onRetry} />
  if (empty !== null) return <Empty>{empty}</Empty>
  return <>{children}</>
}
