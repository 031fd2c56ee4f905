// The rules of a user account's fields, checked by the API and shown by the console as the user types.

import { type Issue, issue } from './messages.ts'

/** 3 to 50 characters: lower-case letters without diacritics, digits, '.', '_' or '-', not first. */
export const usernamePattern = /^[a-z0-9][a-z0-9._-]{2,49}$/
export const minPasswordLength = 12
export const maxPasswordLength = 200
export const maxDisplayNameLength = 100

/** The username as typed (the API trims it first). */
export function checkUsername(username: string, path = 'username'): Issue[] {
  return usernamePattern.test(username) ? [] : [issue(path, 'INVALID_USERNAME')]
}

/** Length only: a long passphrase beats character classes, and 200 bounds the hashing work. */
export function checkPassword(password: string, path = 'password'): Issue[] {
  return password.length >= minPasswordLength && password.length <= maxPasswordLength
    ? []
    : [issue(path, 'PASSWORD_TOO_SHORT', { min: minPasswordLength, max: maxPasswordLength })]
}

/** The display name after normalizeText. */
export function checkDisplayName(displayName: string, path = 'displayName'): Issue[] {
  return displayName.length > 0 && displayName.length <= maxDisplayNameLength
    ? []
    : [
        issue(path, 'INVALID_LENGTH', {
          field: { phrase: 'DISPLAY_NAME' },
          min: 1,
          max: maxDisplayNameLength,
        }),
      ]
}
