import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { embeddedDatabaseUrl } from '../engine/embedded-location.mjs'
import { prisma, repositoryRoot } from './prisma-cli.ts'

describe('prisma/migrations', () => {
  it('migrations applied from empty leave no drift against the schema', async () => {
    // The migrations are replayed into the engine's shadow database: an in-memory PGlite.
    const diff = await prisma(
      [
        'migrate',
        'diff',
        '--from-migrations',
        join(repositoryRoot, 'prisma/migrations'),
        '--to-schema',
        join(repositoryRoot, 'prisma/schema.prisma'),
        '--exit-code',
      ],
      embeddedDatabaseUrl(),
    )
    expect(diff.output).toContain('No difference detected')
    expect(diff.exitCode).toBe(0)
  })
})
