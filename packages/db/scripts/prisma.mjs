#!/usr/bin/env node
// Runs this package's Prisma CLI with the offline schema engine (engine/schema-engine.mjs) unless
// PRISMA_SCHEMA_ENGINE_BINARY is already set, and with DATABASE_URL defaulting to the embedded
// database in DATA_DIR. Arguments go to the CLI unchanged: `node scripts/prisma.mjs migrate status`.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { embeddedDatabaseFolder, embeddedDatabaseUrl } from '../engine/embedded-location.mjs'

const require = createRequire(import.meta.url)
const packageRoot = fileURLToPath(new URL('..', import.meta.url))
const prismaCli = join(dirname(require.resolve('prisma/package.json')), 'build', 'index.js')

const env = { ...process.env }
env.PRISMA_SCHEMA_ENGINE_BINARY ||= fileURLToPath(new URL('../engine/schema-engine.mjs', import.meta.url))
env.DATABASE_URL ||= embeddedDatabaseUrl(embeddedDatabaseFolder(env))
// The CLI's update check and telemetry would wait on hosts this network cannot reach.
env.PRISMA_HIDE_UPDATE_MESSAGE ??= '1'
env.CHECKPOINT_DISABLE ??= '1'

const child = spawn(process.execPath, [prismaCli, ...process.argv.slice(2)], {
  cwd: packageRoot,
  env,
  stdio: 'inherit',
})
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => child.kill(signal))
}
child.on('exit', (code, signal) => {
  if (signal) process.kill(process.pid, signal)
  else process.exit(code ?? 1)
})
