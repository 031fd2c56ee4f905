import { readFileSync } from 'node:fs'
import { printSchema } from 'graphql'
import { describe, expect, it } from 'vitest'
import { schema } from '../src/schema.ts'

describe('the schema contract', () => {
  it('schema.graphql is the schema the code builds (run `pnpm --filter @tangtoc/api schema:print`)', () => {
    const committed = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8')
    expect(committed).toBe(`${printSchema(schema)}\n`)
  })
})
