import { Button, Group, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useMutation } from 'urql'
import { graphql } from '../graphql.ts'
import { useEnumLabel } from '../i18n/labels.ts'
import { useViewer } from './viewer.tsx'

export const LogOutMutation = graphql(`
  mutation LogOut {
    logOut
  }
`)

/** The signed-in user's name, role and center, always in the header, and the way out. */
export function ViewerMenu() {
  const { t } = useTranslation()
  const label = useEnumLabel()
  const viewer = useViewer()
  const [{ fetching }, logOut] = useMutation(LogOutMutation)

  async function leave() {
    await logOut({})
    // A full load drops every cached answer the previous user was allowed to read.
    window.location.assign('/login')
  }

  return (
    <Group gap="sm" wrap="nowrap" aria-label={t('auth.signedInAs')} role="group">
      <Stack gap={0} align="flex-end">
        <Text size="sm" fw={600} lh={1.2}>
          {viewer.displayName}
        </Text>
        <Text size="xs" c="dimmed" lh={1.2}>
          {label('Role', viewer.role)}
          {viewer.center ? ` · ${viewer.center.name}` : ''}
        </Text>
      </Stack>
      <Button variant="default" size="xs" onClick={leave} loading={fetching}>
        {t('auth.logOut')}
      </Button>
    </Group>
  )
}
