// What an installation decides about access to the API, given to createServer / createYogaApp
// (main.ts takes them from the declared configuration, config.ts). The defaults suit development on one machine.

import { type Config, loadConfig } from './config.ts'

export interface SecuritySettings {
  /**
   * NODE_ENV=production: no introspection or field suggestions for anonymous requests, GraphiQL only
   * for signed-in users (main.ts also refuses to start with a development password or without an admin).
   */
  production: boolean
  /** Origins of integrators' browser apps that may call the API (CORS_ORIGINS); none: same origin only. */
  corsOrigins: readonly string[]
  /**
   * How many proxies in front of the server set X-Forwarded-For and X-Forwarded-Proto (TRUST_PROXY).
   * 0: none, and those headers are ignored, since any client can send them.
   */
  trustProxy: number
  /** A console session ends after this many minutes without a request (SESSION_IDLE_MINUTES). */
  sessionIdleMinutes: number
  /** An API token lives at most this many days (API_TOKEN_MAX_DAYS). */
  apiTokenMaxDays: number
  /** Working API tokens one user may hold at once (API_TOKENS_PER_USER). */
  apiTokensPerUser: number
}

/** The settings of an installation that sets no variable. */
export const defaultSecuritySettings: SecuritySettings = securitySettingsOf(loadConfig({}))

/** The settings the declared configuration gives (config.ts). */
export function securitySettingsOf(config: Config): SecuritySettings {
  return {
    production: config.NODE_ENV === 'production',
    corsOrigins: config.CORS_ORIGINS ?? [],
    trustProxy: config.TRUST_PROXY,
    sessionIdleMinutes: config.SESSION_IDLE_MINUTES,
    apiTokenMaxDays: config.API_TOKEN_MAX_DAYS,
    apiTokensPerUser: config.API_TOKENS_PER_USER,
  }
}
