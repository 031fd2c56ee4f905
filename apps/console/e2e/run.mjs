// `pnpm test:e2e`: the console's end-to-end suite in Debian's Chromium. Without a browser it says how
// to get one and passes on a developer's machine (the other suites need none); in CI it fails.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
if (!existsSync(chromium)) {
  console.warn(
    `No Chromium at ${chromium}: the console's end-to-end suite was not run. ` +
      'Install it with `apt-get install -y chromium` (or set CHROMIUM_PATH), then run `pnpm test:e2e`.',
  )
  process.exit(process.env.CI ? 1 : 0)
}
const run = spawnSync('vitest', ['run', '--config', 'vitest.e2e.config.ts', ...process.argv.slice(2)], {
  stdio: 'inherit',
})
process.exit(run.status ?? 1)
