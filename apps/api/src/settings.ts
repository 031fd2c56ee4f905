// What an installation decides about access to the API, given to createServer / createYogaApp
// (main.ts reads them from the environment). The defaults suit development on one machine.

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

export const defaultSecuritySettings: SecuritySettings = {
  production: false,
  corsOrigins: [],
  trustProxy: 0,
  sessionIdleMinutes: 30,
  apiTokenMaxDays: 365,
  apiTokensPerUser: 20,
}

/** The settings the environment gives, each checked; what it leaves out keeps its default. */
export function securitySettingsFromEnvironment(env: NodeJS.ProcessEnv): Partial<SecuritySettings> {
  const whole = (name: string, min: number) => {
    const text = env[name]
    if (text === undefined || text === '') return undefined
    const value = text === 'true' && name === 'TRUST_PROXY' ? 1 : Number(text)
    if (!Number.isInteger(value) || value < min) {
      throw new Error(`${name} must be a whole number of at least ${min}, not “${text}”`)
    }
    return value
  }
  const corsOrigins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean)
  for (const origin of corsOrigins) {
    if (!URL.canParse(origin) || new URL(origin).origin !== origin) {
      throw new Error(`CORS_ORIGINS holds origins such as https://app.example.vn, not “${origin}”`)
    }
  }
  const settings: Partial<SecuritySettings> = {
    production: env.NODE_ENV === 'production',
    corsOrigins,
    trustProxy: whole('TRUST_PROXY', 0),
    sessionIdleMinutes: whole('SESSION_IDLE_MINUTES', 1),
    apiTokenMaxDays: whole('API_TOKEN_MAX_DAYS', 1),
    apiTokensPerUser: whole('API_TOKENS_PER_USER', 1),
  }
  return Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined))
}
