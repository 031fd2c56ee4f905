// The message above a form after its mutation failed, and the field errors beside their fields.
import { Alert } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CombinedError } from 'urql'
import { fieldErrorsByPath, type Localized, type LocalizedFieldError, useLocalized } from './typedErrors.ts'

/** A mutation's result once it is not the payload: a typed error, a ValidationError with its field errors. */
type FailedResult = Localized & { __typename: string; fieldErrors?: readonly LocalizedFieldError[] }

/**
 * The form's error state. `failed` shows a typed error: a ValidationError's field errors go to
 * `setFieldErrors`, its message above the form. `unanswered` shows a mutation that gave no result.
 */
export function useFormError(setFieldErrors: (errors: Record<string, string>) => void) {
  const { t } = useTranslation()
  const text = useLocalized()
  const [formError, setFormError] = useState<string | null>(null)
  return {
    formError,
    clear: () => setFormError(null),
    unanswered: (error: CombinedError | undefined) =>
      setFormError(t('form.failed', { message: error?.message ?? '' })),
    failed: (result: FailedResult) => {
      if (result.__typename === 'ValidationError')
        setFieldErrors(fieldErrorsByPath(result.fieldErrors ?? [], text))
      setFormError(text(result))
    },
  }
}

export function FormErrorAlert({ message }: { message: string | null }) {
  return message ? (
    <Alert color="red" role="alert">
      {message}
    </Alert>
  ) : null
}
