// pnpm --filter @tangtoc/api config:table — writes the README's table of environment variables from
// their declaration in src/config.ts (a test fails while the README differs).
import { readFileSync, writeFileSync } from 'node:fs'
import { configTable, readmeWithConfigTable } from '../src/config.ts'

const readme = new URL('../../../README.md', import.meta.url)
writeFileSync(readme, readmeWithConfigTable(readFileSync(readme, 'utf8')))
console.info(configTable())
