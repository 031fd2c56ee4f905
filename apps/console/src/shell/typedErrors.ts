// The typed errors mutations return, as one fragment every mutation spreads, and where the console
// shows them: a field error beside the field its path names, anything else above the form's buttons.
import type { Locale } from '@tangtoc/shared'
import { graphql } from '../graphql.ts'
import { useLocale } from '../i18n/useLocale.ts'

/**
 * Every typed error a mutation may answer with (the UserError interface), with what the console needs
 * of each: its message in both languages, a ValidationError's field errors, the record a ConflictError
 * collides with, the version a StaleObjectError found. Unmasked, so a screen reads it straight from the
 * mutation's result; a mutation spreads `...TypedErrorFields` and lists it as its fragment.
 */
export const TypedErrorFields = graphql(`
  fragment TypedErrorFields on UserError @_unmask {
    __typename
    code
    message
    messageVi
    ... on ValidationError {
      fieldErrors {
        path
        code
        message
        messageVi
      }
    }
    ... on ConflictError {
      existingId
    }
    ... on StaleObjectError {
      currentVersion
    }
  }
`)

export type Localized = { message: string; messageVi: string }
export type LocalizedFieldError = Localized & { path: readonly string[] }

export type TypedError = Localized & {
  __typename: string
  code: string
  fieldErrors?: readonly LocalizedFieldError[]
  existingId?: string | null
  currentVersion?: number
}

/** The result is one of the typed errors (it carries a code and both messages) rather than the payload. */
export function isTypedError(result: { __typename?: string } | null | undefined): result is TypedError {
  return typeof result === 'object' && result !== null && 'code' in result && 'messageVi' in result
}

/** The text in the console's language: `messageVi` in Vietnamese, `message` in English. */
export function localized(text: Localized, locale: Locale): string {
  return locale === 'vi' ? text.messageVi : text.message
}

/** `localized` bound to the console's current language. */
export function useLocalized(): (text: Localized) => string {
  const { locale } = useLocale()
  return (text) => localized(text, locale)
}

/**
 * Splits an error into messages beside form fields and messages for the whole form. `fieldOf` maps
 * the API's path (['input', 'person', 'citizenId']) to the form's field ('person.citizenId'), or null.
 */
export function placeTypedError(
  error: TypedError,
  locale: Locale,
  fieldOf: (path: readonly string[]) => string | null,
): { fields: Record<string, string>; general: string[] } {
  const fields: Record<string, string> = {}
  const general: string[] = []
  for (const fieldError of error.fieldErrors ?? []) {
    const field = fieldOf(fieldError.path)
    const text = localized(fieldError, locale)
    if (field === null) general.push(text)
    else fields[field] = fields[field] ? `${fields[field]} ${text}` : text
  }
  if (general.length === 0 && Object.keys(fields).length === 0) general.push(localized(error, locale))
  return { fields, general }
}

/** An API path without its leading 'input', joined like a form path: ['input', 'person', 'phone'] → 'person.phone'. */
export function inputPath(path: readonly string[]): string {
  return (path[0] === 'input' ? path.slice(1) : path).join('.')
}

/**
 * A `fieldOf` for a form whose fields are named like the API's input: the input path when the form
 * has that field (its values hold it, nested or not), else null, so that no error lands on a field
 * nobody sees.
 */
export function formFieldOf(form: { getValues(): object }): (path: readonly string[]) => string | null {
  return (path) => {
    const field = inputPath(path)
    let at: unknown = form.getValues()
    for (const key of field.split('.')) {
      if (typeof at !== 'object' || at === null || !(key in at)) return null
      at = (at as Record<string, unknown>)[key]
    }
    return field
  }
}

/**
 * A ValidationError's field errors keyed by their `inputPath`: ['input', 'targets', '2', 'count'] →
 * 'targets.2.count'. The first error of a field wins.
 */
export function fieldErrorsByPath(
  fieldErrors: readonly LocalizedFieldError[],
  text: (error: Localized) => string,
): Record<string, string> {
  const byPath: Record<string, string> = {}
  for (const error of fieldErrors) byPath[inputPath(error.path)] ??= text(error)
  return byPath
}
