// Every environment variable the API reads, declared once: its type, default and meaning. The server
// validates them all at start and refuses to start with a message naming each wrong one; the README's
// table of variables is rendered from this declaration (`pnpm --filter @tangtoc/api config:table`, and a
// test keeps the README equal to it). To add a variable, add one line to `variables`.
//
// zod rather than envalid: one declaration gives the parsed, typed config, the rules between variables
// (several workers need PostgreSQL and Redis) and, through its JSON Schema output, the README's table.
import { z } from 'zod'

const wholeNumber = (min: number) =>
  z.coerce
    .number({ error: 'must be a whole number' })
    .int({ error: 'must be a whole number' })
    .min(min, { error: `must be at least ${min}` })
const port = () => wholeNumber(1).max(65_535, { error: 'must be a port number (1–65535)' })
const url = (protocols: string[]) =>
  z.url({
    protocol: new RegExp(`^(${protocols.join('|')})$`),
    error: `must be a URL starting ${protocols.map((p) => `${p}://`).join(' or ')}`,
  })

export const variables = {
  NODE_ENV: z
    .enum(['development', 'production', 'test'])
    .default('development')
    .describe(
      '`production` on a server: JSON logs, no anonymous introspection, and no start with a development password or without an admin.',
    ),
  PORT: port().default(4000).describe('The port the API and the console are served on.'),
  API_WORKERS: wholeNumber(1)
    .default(1)
    .describe('Processes serving the port (node:cluster); more than 1 needs `DATABASE_URL` and `REDIS_URL`.'),
  DATABASE_URL: url(['postgresql', 'postgres'])
    .optional()
    .describe('A PostgreSQL server; without it, the embedded database in `DATA_DIR`.'),
  DATABASE_REPLICA_URL: url(['postgresql', 'postgres'])
    .optional()
    .describe(
      'A streaming replica of `DATABASE_URL` for the reads that may lag a moment (lists, progress, exports); the rest, and a session’s reads just after it writes, stay on the primary.',
    ),
  DATA_DIR: z
    .string()
    .optional()
    .describe('Where the embedded database lives (relative to the repository), default `.data/`.'),
  REDIS_URL: url(['redis', 'rediss'])
    .optional()
    .describe('Redis, through which live updates and cache clearings reach every instance.'),
  HOST: z
    .string()
    .min(1)
    .optional()
    .describe('The address to listen on (e.g. `127.0.0.1`); every interface when unset.'),
  CORS_ORIGINS: z
    .string()
    .transform((text, context) => {
      const origins = text
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean)
      for (const origin of origins) {
        if (!URL.canParse(origin) || new URL(origin).origin !== origin)
          context.addIssue({
            code: 'custom',
            message: `holds origins such as https://app.example.vn, not “${origin}”`,
          })
      }
      return origins
    })
    .optional()
    .describe(
      "Comma-separated origins of integrators' browser apps that may call the API; none: same origin only.",
    ),
  TRUST_PROXY: wholeNumber(0)
    .default(0)
    .describe(
      'How many proxies in front set `X-Forwarded-For`/`-Proto` (read only then); behind a TLS proxy, cookies are `Secure` and HSTS is sent.',
    ),
  SESSION_IDLE_MINUTES: wholeNumber(1)
    .default(30)
    .describe(
      'A console session ends after this many minutes without a request (and after 12 hours anyway).',
    ),
  API_TOKEN_MAX_DAYS: wholeNumber(1).default(365).describe('The longest an API token may live.'),
  API_TOKENS_PER_USER: wholeNumber(1).default(20).describe('Working API tokens one user may hold at once.'),
  ADMIN_USERNAME: z
    .string()
    .min(1)
    .optional()
    .describe('With `ADMIN_PASSWORD`: the first admin, created at start when none exists (read once).'),
  ADMIN_PASSWORD: z
    .string()
    .min(1)
    .optional()
    .describe('The first admin’s password (read once, then removed).'),
  ADMIN_DISPLAY_NAME: z.string().min(1).optional().describe('The first admin’s display name.'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('The least severe level logged.'),
  LOG_FORMAT: z
    .enum(['json', 'pretty'])
    .optional()
    .describe('`json` (one object a line) or `pretty`; default `pretty` unless `NODE_ENV=production`.'),
  METRICS_TOKEN: z
    .string()
    .min(16, { error: 'must be at least 16 characters' })
    .optional()
    .describe('Serves `/metrics` on `PORT` to requests bearing `Authorization: Bearer <token>`.'),
  METRICS_PORT: port()
    .optional()
    .describe(
      'Serves `/metrics` on this port instead (bind it to a private network); the only way with `API_WORKERS` > 1.',
    ),
  EXPORT_JOB_ROWS: wholeNumber(0)
    .default(5_000)
    .describe(
      'An export of more rows than this is written by a job and downloaded when ready (the console shows it pending); fewer stream at once.',
    ),
  API_HEAP_MB: wholeNumber(64)
    .default(256)
    .describe(
      'The V8 heap bound (old space, MB) that `pnpm start` and the image give each API process (`--max-old-space-size`): a 50,000-row import then stays under 400 MB resident.',
    ),
  IMPORT_JOB_EXPIRE_SECONDS: wholeNumber(30)
    .default(300)
    .describe(
      'An import commit’s job whose instance died is taken up by another after this long (and up to half a minute more); each job commits for a third of it, then hands on.',
    ),
  SHUTDOWN_TIMEOUT_SECONDS: wholeNumber(0)
    .default(10)
    .describe('How long requests in flight may take to finish after SIGTERM.'),
  OTEL_EXPORTER_OTLP_ENDPOINT: url(['http', 'https'])
    .optional()
    .describe('An OTLP/HTTP collector: traces each operation when set (off by default).'),
  OTEL_SERVICE_NAME: z.string().min(1).default('tangtoc-api').describe('The service name on traces.'),
}

const schema = z.object(variables).superRefine(
  (config, context) => {
    const problem = (variable: keyof typeof variables, message: string) =>
      context.addIssue({ code: 'custom', path: [variable], message })
    if (config.API_WORKERS > 1 && !config.DATABASE_URL)
      problem('API_WORKERS', 'more than 1 needs DATABASE_URL: one process holds the embedded database')
    if (config.DATABASE_REPLICA_URL && !config.DATABASE_URL)
      problem('DATABASE_REPLICA_URL', 'needs DATABASE_URL: the embedded database has no replica')
    if (config.API_WORKERS > 1 && !config.REDIS_URL)
      problem(
        'API_WORKERS',
        'more than 1 needs REDIS_URL, so that live updates reach subscribers on every worker',
      )
    if (config.API_WORKERS > 1 && config.METRICS_TOKEN && !config.METRICS_PORT)
      problem('METRICS_TOKEN', 'with several workers, metrics are served summed over them on METRICS_PORT')
    if (config.METRICS_PORT !== undefined && config.METRICS_PORT === config.PORT)
      problem('METRICS_PORT', 'must differ from PORT')
  },
  // Also when another variable is wrong, so that one start names every problem.
  { when: () => true },
)

export type Config = z.output<typeof schema> & { LOG_FORMAT: 'json' | 'pretty' }

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(`The configuration is invalid:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`)
    this.name = 'ConfigError'
  }
}

/** The configuration from `env`; throws a ConfigError naming every wrong variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // A variable set to nothing (`REDIS_URL=` in a compose file) counts as unset.
  const given = Object.fromEntries(
    Object.keys(variables).flatMap((name) => (env[name]?.trim() ? [[name, env[name].trim()]] : [])),
  )
  const parsed = schema.safeParse(given)
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({ variable: issue.path.join('.'), message: issue.message })),
    )
  }
  const config = parsed.data
  return {
    ...config,
    LOG_FORMAT: config.LOG_FORMAT ?? (config.NODE_ENV === 'production' ? 'json' : 'pretty'),
  }
}

/** The README's table of variables, in Markdown. */
export function configTable(): string {
  const { properties } = z.toJSONSchema(z.object(variables), { io: 'input' }) as {
    properties: Record<string, { default?: unknown; description?: string }>
  }
  const rows = Object.entries(properties).map(([name, property]) => [
    `\`${name}\``,
    property.default === undefined ? '' : `\`${property.default}\``,
    property.description ?? '',
  ])
  const header = ['Variable', 'Default', 'What']
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
  )
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n')
}

const tableStart = '<!-- config:start (pnpm --filter @tangtoc/api config:table writes it) -->'
const tableEnd = '<!-- config:end -->'

/** The README with its table of variables, between the two markers, as the declaration renders it. */
export function readmeWithConfigTable(readme: string): string {
  const start = readme.indexOf(tableStart)
  const end = readme.indexOf(tableEnd)
  if (start < 0 || end < start) throw new Error(`The README has no ${tableStart} … ${tableEnd} section`)
  return `${readme.slice(0, start + tableStart.length)}\n${configTable()}\n${readme.slice(end)}`
}
