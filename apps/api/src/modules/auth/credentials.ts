import { createHash, randomBytes } from 'node:crypto'
import type { Context } from '../../context.ts'

type CookieListItem = Exclude<Parameters<NonNullable<Request['cookieStore']>['set']>[0], string>

export const sessionCookieName = 'tangtoc_session'
export const sessionLifetimeMs = 12 * 60 * 60 * 1000

/** A fresh random secret; only its SHA-256 is stored, so a database leak yields no usable credential. */
export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}

/**
 * A cookie only this site's requests carry and no script reads; `Secure` whenever the client reached us
 * over TLS (at a trusted proxy too), so the browser never sends it over plain HTTP.
 */
export function secretCookie(
  context: Pick<Context, 'client'>,
  cookie: { name: string; value: string; expires: Date; path?: string },
): CookieListItem {
  return {
    name: cookie.name,
    value: cookie.value,
    expires: cookie.expires.getTime(),
    httpOnly: true,
    sameSite: 'strict',
    secure: context.client.tls,
    path: cookie.path ?? '/',
    domain: null,
  }
}
