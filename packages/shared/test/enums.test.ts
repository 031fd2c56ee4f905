import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { defaultCountedStatuses, enumValues } from '../src/index.ts'

const schema = readFileSync(new URL('../../../prisma/schema.prisma', import.meta.url), 'utf8')

function prismaEnums(): Record<string, string[]> {
  const found: Record<string, string[]> = {}
  for (const match of schema.matchAll(/^enum (\w+) \{([^}]*)\}/gm)) {
    const [, name = '', body = ''] = match
    found[name] = body
      .split('\n')
      .map((line) => line.replace(/\/\/.*$/, '').trim())
      .filter((line) => line.length > 0)
  }
  return found
}

describe('enumerations', () => {
  it('match prisma/schema.prisma value for value and in order', () => {
    const fromSchema = prismaEnums()
    expect(Object.keys(enumValues).sort()).toEqual(Object.keys(fromSchema).sort())
    for (const [name, values] of Object.entries(enumValues))
      expect([...values], name).toEqual(fromSchema[name])
  })

  it('count the statuses the database counts by default, from one list', () => {
    const [, list = ''] =
      /countedStatuses\s+EnrollmentStatus\[\]\s+@default\(\[([^\]]*)\]\)/.exec(schema) ?? []
    expect(list.split(',').map((status) => status.trim())).toEqual([...defaultCountedStatuses])
  })
})
