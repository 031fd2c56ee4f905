// The API's typed errors (ValidationError, StaleObjectError, …) as text in the chosen language, placed
// beside the field their path names.
import { useLocale } from '../i18n/useLocale.ts'

/** Any UserError: `message` in English, `messageVi` in Vietnamese. */
export type UserErrorText = { message: string; messageVi: string }
export type FieldErrorText = UserErrorText & { path: readonly string[] }

/** Picks a typed error's message in the console's language. */
export function useUserErrorText(): (error: UserErrorText) => string {
  const { locale } = useLocale()
  return (error) => (locale === 'vi' ? error.messageVi : error.message)
}

/**
 * A ValidationError's field errors keyed by their path below the mutation's `input`, dot-joined:
 * ['input', 'targets', '2', 'count'] → 'targets.2.count'. The first error of a field wins.
 */
export function fieldErrorsByPath(
  fieldErrors: readonly FieldErrorText[],
  text: (error: UserErrorText) => string,
): Record<string, string> {
  const byPath: Record<string, string> = {}
  for (const error of fieldErrors) {
    const path = (error.path[0] === 'input' ? error.path.slice(1) : error.path).join('.')
    byPath[path] ??= text(error)
  }
  return byPath
}
