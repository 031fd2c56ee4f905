// The typed errors mutations return, as fragments to spread in a result, and where the console shows
// them: a field error beside the field its path names, anything else above the form.
import type { Locale } from '@tangtoc/shared'
import { graphql } from '../graphql.ts'
import { useLocale } from '../i18n/useLocale.ts'

// Unmasked, so a screen reads them straight from the mutation's result. A mutation spreads
// `TypedErrorFields` and lists it as its fragment: gql.tada's check reads the literal array.
export const ValidationErrorFields = graphql(`
  fragment ValidationErrorFields on ValidationError @_unmask {
    __typename
    code
    message
    messageVi
    fieldErrors {
      path
      code
      message
      messageVi
    }
  }
`)

export const ConflictErrorFields = graphql(`
  fragment ConflictErrorFields on ConflictError @_unmask {
    __typename
    code
    message
    messageVi
    existingId
  }
`)

export const StaleObjectErrorFields = graphql(`
  fragment StaleObjectErrorFields on StaleObjectError @_unmask {
    __typename
    code
    message
    messageVi
    currentVersion
  }
`)

export const ForbiddenErrorFields = graphql(`
  fragment ForbiddenErrorFields on ForbiddenError @_unmask {
    __typename
    code
    message
    messageVi
  }
`)

export const NotFoundErrorFields = graphql(`
  fragment NotFoundErrorFields on NotFoundError @_unmask {
    __typename
    code
    message
    messageVi
  }
`)

/** A typed error's message in both languages, and a ValidationError's field errors. */
export const UserErrorTextFields = graphql(`
  fragment UserErrorTextFields on UserError @_unmask {
    message
    messageVi
    ... on ValidationError {
      fieldErrors {
        path
        message
        messageVi
      }
    }
  }
`)

/** The five together, for a mutation whose result may be any of them. */
export const TypedErrorFields = graphql(
  `
    fragment TypedErrorFields on UserError @_unmask {
      ...ValidationErrorFields
      ...ConflictErrorFields
      ...StaleObjectErrorFields
      ...ForbiddenErrorFields
      ...NotFoundErrorFields
    }
  `,
  [
    ValidationErrorFields,
    ConflictErrorFields,
    StaleObjectErrorFields,
    ForbiddenErrorFields,
    NotFoundErrorFields,
  ],
)

export type Localized = { message: string; messageVi: string }
export type LocalizedFieldError = Localized & { path: readonly string[] }

export type TypedError = Localized & {
  __typename: 'ValidationError' | 'ConflictError' | 'StaleObjectError' | 'ForbiddenError' | 'NotFoundError'
  code: string
  fieldErrors?: readonly (Localized & { path: readonly string[]; code: string })[]
  existingId?: string | null
  currentVersion?: number
}

const typedErrors = new Set<string>([
  'ValidationError',
  'ConflictError',
  'StaleObjectError',
  'ForbiddenError',
  'NotFoundError',
])

/** The result is one of the typed errors rather than the payload. */
export function isTypedError(result: { __typename?: string } | null | undefined): result is TypedError {
  return result?.__typename !== undefined && typedErrors.has(result.__typename)
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
