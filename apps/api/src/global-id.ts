// Global ids ("Type:uuid" in base64, as the Relay plugin encodes them): every id the API is given is
// read here. A value that is not a global id, names another type or a record id that cannot exist is
// the client's mistake: a ValidationError naming the field, which a mutation returns as a value and a
// query reports as BAD_USER_INPUT (errors.ts). A well-formed id of a record that is not there, or not
// yours to see, is the caller's NotFoundError or null, as before.
import { decodeBase64 } from '@pothos/core'
import { issue } from '@tangtoc/shared'
import { type ValidationError, validationErrorFrom } from './errors.ts'

export interface GlobalId {
  typename: string
  id: string
}

const typenamePattern = /^[A-Z][A-Za-z]*$/
// Every record the API names by a global id has a UUID key.
export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The type and record id a global id names; null when the value is not one. */
export function decodeGlobalId(value: string): GlobalId | null {
  let decoded: string
  try {
    decoded = decodeBase64(value)
  } catch {
    return null
  }
  const colon = decoded.indexOf(':')
  const typename = decoded.slice(0, colon)
  const id = decoded.slice(colon + 1)
  return colon > 0 && typenamePattern.test(typename) && uuidPattern.test(id) ? { typename, id } : null
}

/**
 * The record id of a global id of `typename`; a ValidationError at `path` (e.g. "input.campaign",
 * "filter.center") when the value is not one.
 */
export function idOf(value: string, typename: string, path: string): string {
  const decoded = decodeGlobalId(value)
  if (decoded?.typename !== typename) throw invalidGlobalId(path, typename)
  return decoded.id
}

/** The ValidationError for a value at `path` that is not a global id of `typename`. */
export function invalidGlobalId(path: string, typename: string): ValidationError {
  return validationErrorFrom([issue(path, 'GLOBAL_ID_INVALID', { typename })], [])
}

/** idOf for a list: each value's record id, the first bad one reported at its index. */
export function idsOf(values: readonly string[], typename: string, path: string): string[] {
  return values.map((value, index) => idOf(value, typename, `${path}.${index}`))
}

/** idOf for an optional input: null or undefined stays as it is. */
export function optionalIdOf<T extends null | undefined>(
  value: string | T,
  typename: string,
  path: string,
): string | T {
  return value === null || value === undefined ? value : idOf(value, typename, path)
}
