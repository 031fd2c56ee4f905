// Builds the console once per run into a temporary folder, so the suite tests what `pnpm start` serves
// without touching dist/.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    consoleDir: string
  }
}

export default async function buildConsole(project: TestProject) {
  const consoleDir = await mkdtemp(join(tmpdir(), 'tangtoc-console-'))
  await build({
    root: fileURLToPath(new URL('..', import.meta.url)),
    configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
    logLevel: 'warn',
    build: { outDir: consoleDir, emptyOutDir: true },
  })
  project.provide('consoleDir', consoleDir)
  return () => rm(consoleDir, { recursive: true, force: true })
}
