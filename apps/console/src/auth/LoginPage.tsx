import { Alert, Button, Center, Group, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core'
import { useRouter, useSearch } from '@tanstack/react-router'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation } from 'urql'
import { graphql } from '../graphql.ts'
import { LanguageSwitch } from '../shell/LanguageSwitch.tsx'
import { fieldErrorsByPath, useLocalized } from '../shell/typedErrors.ts'
import { safeRedirect } from './viewer.tsx'

export const LogInMutation = graphql(`
  mutation LogIn($input: LogInInput!) {
    logIn(input: $input) {
      __typename
      ... on LogInPayload {
        user {
          id
          username
          displayName
          role
          center {
            id
            code
            name
          }
        }
      }
      ... on TooManyAttemptsError {
        message
        messageVi
        retryAfterSeconds
      }
      ... on ValidationError {
        message
        messageVi
        fieldErrors {
          path
          message
          messageVi
        }
      }
    }
  }
`)

export function LoginPage() {
  const { t } = useTranslation()
  const router = useRouter()
  const { redirect } = useSearch({ from: '/login' })
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const { fetching, usernameError, formError, logIn } = useLogIn()

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (await logIn(username, password)) router.history.replace(safeRedirect(redirect))
  }

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w={380} component="main">
        <form onSubmit={submit} aria-labelledby="login-title" noValidate>
          <Stack>
            <Group justify="space-between" wrap="nowrap">
              <Title order={1} size="h2" id="login-title">
                {t('auth.title')}
              </Title>
              <LanguageSwitch />
            </Group>
            {formError ? (
              <Alert color="red" role="alert">
                {formError}
              </Alert>
            ) : null}
            <TextInput
              label={t('auth.username')}
              autoComplete="username"
              required
              value={username}
              error={usernameError}
              onChange={(event) => setUsername(event.currentTarget.value)}
            />
            <PasswordInput
              label={t('auth.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
            />
            <Button type="submit" loading={fetching} disabled={!username || !password}>
              {t('auth.logIn')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  )
}

/** Logging in, and what to say when it was refused: wrong credentials above both fields, not on one. */
function useLogIn() {
  const { t } = useTranslation()
  const text = useLocalized()
  const [{ data, fetching, error }, logIn] = useMutation(LogInMutation)
  const result = data?.logIn
  const fieldErrors =
    result?.__typename === 'ValidationError' ? fieldErrorsByPath(result.fieldErrors, text) : {}
  // Wrong credentials are reported on the password; the form says it above both fields.
  const formError =
    result?.__typename === 'TooManyAttemptsError'
      ? t('auth.tooManyAttempts', { seconds: result.retryAfterSeconds })
      : (fieldErrors.password ?? (error ? t('auth.failed', { message: error.message }) : null))
  return {
    fetching,
    usernameError: fieldErrors.username,
    formError,
    /** Whether the viewer is now logged in. */
    logIn: async (username: string, password: string) => {
      const outcome = await logIn({ input: { username, password } })
      return outcome.data?.logIn.__typename === 'LogInPayload'
    },
  }
}
