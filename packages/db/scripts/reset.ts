// pnpm db:reset — drops everything in the database, applies every migration again
// (prisma migrate reset --force), then seeds it when the package has a seed script.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describeDatabase } from '../src/database-url.ts'
import { PrismaCommandError, runPrisma } from '../src/migrate.ts'

const seedScript = fileURLToPath(new URL('./seed.ts', import.meta.url))
const packageRoot = fileURLToPath(new URL('..', import.meta.url))

console.info(`Resetting ${describeDatabase().label}`)
try {
  await runPrisma(['migrate', 'reset', '--force'], { output: 'inherit' })
} catch (error) {
  if (!(error instanceof PrismaCommandError)) throw error
  process.exit(error.exitCode ?? 1)
}

if (existsSync(seedScript)) {
  // A child process, so that the seed opens the embedded database only once the engine let it go.
  const seed = spawn('pnpm', ['run', 'db:seed'], { cwd: packageRoot, stdio: 'inherit' })
  seed.on('exit', (code) => {
    process.exitCode = code ?? 1
  })
}
