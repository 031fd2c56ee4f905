import { createHash, randomBytes } from 'node:crypto'

export const sessionCookieName = 'tangtoc_session'
export const sessionLifetimeMs = 12 * 60 * 60 * 1000

/** A fresh random secret; only its SHA-256 is stored, so a database leak yields no usable credential. */
export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}
