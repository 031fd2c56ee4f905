import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import * as shared from '../src/index.ts'

const index = readFileSync(new URL('../src/index.ts', import.meta.url), 'utf8')
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')

/** Every name src/index.ts exports, types included. */
function exportedNames(): string[] {
  return [...index.matchAll(/export \{([^}]*)\} from/g)].flatMap(([, names = '']) =>
    names
      .split(',')
      .map((name) => name.replace(/^\s*type\s+/, '').trim())
      .filter(Boolean),
  )
}

/** The names the README's Public API section documents: each one in backticks, calls included. */
function documentedNames(): Set<string> {
  const section = readme.slice(readme.indexOf('## Public API'), readme.indexOf('## Rounding'))
  return new Set([...section.matchAll(/`([A-Za-z_$][\w$]*)/g)].map(([, name = '']) => name))
}

describe('the public API', () => {
  it('is what the README documents: every export is listed there', () => {
    const documented = documentedNames()
    expect(exportedNames().filter((name) => !documented.has(name))).toEqual([])
  })

  it('exports at run time only the names index.ts lists', () => {
    const listed = new Set(exportedNames())
    expect(Object.keys(shared).filter((name) => !listed.has(name))).toEqual([])
  })
})
