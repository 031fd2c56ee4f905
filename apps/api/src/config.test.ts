import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig, readmeWithConfigTable, variables } from './config.ts'

function problemsOf(env: Record<string, string>) {
  try {
    loadConfig(env)
  } catch (error) {
    if (error instanceof ConfigError) return error
    throw error
  }
  throw new Error('the configuration was accepted')
}

describe('the configuration', () => {
  it('has a default for everything a first start needs', () => {
    expect(loadConfig({})).toMatchObject({
      NODE_ENV: 'development',
      PORT: 4000,
      API_WORKERS: 1,
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'pretty',
      SHUTDOWN_TIMEOUT_SECONDS: 10,
    })
  })

  it('reads numbers and logs JSON in production', () => {
    const config = loadConfig({ NODE_ENV: 'production', PORT: '8080', METRICS_PORT: '9464' })
    expect(config).toMatchObject({ PORT: 8080, METRICS_PORT: 9464, LOG_FORMAT: 'json' })
  })

  it('takes a variable set to nothing as unset', () => {
    const config = loadConfig({ REDIS_URL: '', PORT: ' ' })
    expect(config.REDIS_URL).toBeUndefined()
    expect(config.PORT).toBe(4000)
  })

  it('refuses to start naming every wrong variable, each once, without echoing a secret', () => {
    const error = problemsOf({
      PORT: 'eighty',
      API_WORKERS: '0',
      DATABASE_URL: 'mysql://root:hunter2@db/tangtoc',
      LOG_LEVEL: 'loud',
      METRICS_TOKEN: 'short-secret',
    })
    expect(error.problems.map((problem) => problem.variable)).toEqual([
      'PORT',
      'API_WORKERS',
      'DATABASE_URL',
      'LOG_LEVEL',
      'METRICS_TOKEN',
    ])
    expect(error.message).toContain('PORT: must be a whole number')
    expect(error.message).toContain('API_WORKERS: must be at least 1')
    expect(error.message).toContain('DATABASE_URL: must be a URL starting postgresql:// or postgres://')
    expect(error.message).toContain('METRICS_TOKEN: must be at least 16 characters')
    expect(error.message).not.toMatch(/hunter2|short-secret/)
  })

  it('refuses several workers without PostgreSQL and Redis, along with any other wrong variable', () => {
    const error = problemsOf({ API_WORKERS: '4', PORT: 'eighty' })
    expect(error.message).toContain('PORT: must be a whole number')
    expect(error.message).toContain('API_WORKERS: more than 1 needs DATABASE_URL')
    expect(error.message).toContain('API_WORKERS: more than 1 needs REDIS_URL')
  })

  it('refuses metrics on the API’s own port', () => {
    expect(problemsOf({ PORT: '4000', METRICS_PORT: '4000' }).message).toContain(
      'METRICS_PORT: must differ from PORT',
    )
  })

  it('is the README’s table of variables (pnpm --filter @tangtoc/api config:table writes it)', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8')
    expect(readme).toBe(readmeWithConfigTable(readme))
    for (const name of Object.keys(variables)) expect(readme).toContain(`\`${name}\``)
  })
})
