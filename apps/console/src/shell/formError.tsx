// What a form shows after its mutation was refused: each field error beside its field, the first of them
// focused, and above the form's buttons the rest — the typed error's message in the console's language,
// a link to the record a ConflictError collides with, a way to reload after a StaleObjectError. What was
// typed stays.
import { Alert, Button, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CombinedError } from 'urql'
import { useLocale } from '../i18n/useLocale.ts'
import { AnchorLink } from './links.tsx'
import { placeTypedError, type TypedError } from './typedErrors.ts'

export type FormProblem = {
  messages: string[]
  /** The record a ConflictError collides with (its global id). */
  existingId?: string | null
  /** The record changed since the form read it. */
  stale?: boolean
}

/**
 * A form's refusal state. `failed` takes a typed error: field errors whose path `fieldOf` maps to a
 * field go to `setFieldErrors`, the rest to the problem above the buttons. `unanswered` takes a
 * mutation that gave no result (the network, a bug the API masked).
 */
export function useFormError(
  setFieldErrors: (errors: Record<string, string>) => void,
  fieldOf: (path: readonly string[]) => string | null = () => null,
) {
  const { t } = useTranslation()
  const { locale } = useLocale()
  const [problem, setProblem] = useState<FormProblem | null>(null)
  return {
    problem,
    clear: () => setProblem(null),
    /** `form.onSubmit`'s second handler: the form refused its own values, so nothing was sent. */
    invalid: (errors: Record<string, unknown>) => {
      setProblem(null)
      focusFirstInvalid(errors)
    },
    unanswered: (error: CombinedError | undefined) =>
      setProblem({ messages: [t('form.failed', { message: error?.message ?? '' })] }),
    failed: (error: TypedError, placeBy = fieldOf) => {
      const placed = placeTypedError(error, locale, placeBy)
      if (Object.keys(placed.fields).length > 0) {
        setFieldErrors(placed.fields)
        focusFirstInvalid(placed.fields)
      }
      setProblem({
        messages: placed.general.length > 0 ? placed.general : [t('form.fixFields')],
        existingId: error.existingId ?? null,
        stale: error.__typename === 'StaleObjectError',
      })
    },
  }
}

/**
 * Focuses the first field, in the page's order, that holds one of `errors` (Mantine's form marks each
 * input with its path), which scrolls it into view: whoever pressed a button at the bottom of a long
 * form sees what to fix rather than nothing happening. A group (radio buttons) focuses its first input.
 */
function focusFirstInvalid(errors: Record<string, unknown>): void {
  const invalid = new Set(Object.keys(errors))
  const marked = [...document.querySelectorAll<HTMLElement>('[data-path]')].find((node) =>
    invalid.has(node.dataset.path ?? ''),
  )
  if (!marked) return
  const focusable = 'input:not([type=hidden]), select, textarea, button'
  const field = marked.matches(focusable) ? marked : marked.querySelector<HTMLElement>(focusable)
  field?.focus()
  if (!field || document.activeElement !== field) marked.scrollIntoView({ block: 'center' })
}

/**
 * The problem above a form's buttons, announced as an alert; nothing when there is none. `existing`
 * names the record a conflict links to ("Open the existing enrollment"), when the form knows its kind.
 */
export function FormErrorAlert({
  problem,
  onReload,
  existing,
}: {
  problem: FormProblem | null
  onReload?: () => void
  existing?: string
}) {
  const { t } = useTranslation()
  if (!problem) return null
  return (
    <Alert color={problem.stale ? 'orange' : 'red'} role="alert" title={t('form.notSaved')}>
      <Stack gap={4} align="flex-start">
        {problem.messages.map((message) => (
          <Text key={message} size="sm">
            {message}
          </Text>
        ))}
        {problem.existingId ? (
          <AnchorLink size="sm" to="/records/$id" params={{ id: problem.existingId }}>
            {existing ?? t('form.openExisting')}
          </AnchorLink>
        ) : null}
        {problem.stale && onReload ? (
          <Button variant="light" size="xs" onClick={onReload}>
            {t('form.reload')}
          </Button>
        ) : null}
      </Stack>
    </Alert>
  )
}
