// The security headers of every response — the console, /graphql and GraphiQL, /exports/* — set by
// helmet in front of both (it works on Node's own request and response). One policy fits all: the
// console and GraphiQL (served from this server, see graphiql.ts) load scripts, styles, fonts and
// workers only from this origin and run no inline script; Mantine, Recharts and GraphiQL's editor set
// inline styles, hence `style-src 'unsafe-inline'`. Nothing may frame the pages (clickjacking), no
// referrer leaves the site, and over TLS browsers are told to come back over TLS only (HSTS).
import type { IncomingMessage, ServerResponse } from 'node:http'
import helmet, { type HelmetOptions } from 'helmet'

const contentSecurityPolicy = {
  useDefaults: false,
  directives: {
    'default-src': ["'self'"],
    'base-uri': ["'none'"],
    'connect-src': ["'self'"],
    'font-src': ["'self'", 'data:'],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'img-src': ["'self'", 'data:'],
    'object-src': ["'none'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'worker-src': ["'self'"],
  },
} as const

function policy(tls: boolean): HelmetOptions {
  return {
    contentSecurityPolicy: {
      ...contentSecurityPolicy,
      directives: {
        ...contentSecurityPolicy.directives,
        // Over plain HTTP (development, a closed network) an upgrade would break every request.
        ...(tls ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
    strictTransportSecurity: tls ? { maxAge: 365 * 24 * 60 * 60, includeSubDomains: true } : false,
  }
}

const overTls = helmet(policy(true))
const overPlainHttp = helmet(policy(false))

/** Sets the headers on the response, for a request that reached us over TLS or not, then `next`. */
export function setSecurityHeaders(
  request: IncomingMessage,
  response: ServerResponse,
  tls: boolean,
  next: () => void,
) {
  ;(tls ? overTls : overPlainHttp)(request, response, (error) => {
    if (error) throw error
    next()
  })
}
