// Runs the Prisma CLI as a developer would, through scripts/prisma.mjs and the offline engine.
import { execFile } from 'node:child_process'
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const run = promisify(execFile)
export const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url))
const prismaScript = fileURLToPath(new URL('../scripts/prisma.mjs', import.meta.url))

export interface CliResult {
  exitCode: number
  output: string
}

/** Runs `prisma <args>` against `url`; never throws on a non-zero exit code. */
export async function prisma(args: string[], url: string): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [prismaScript, ...args], {
      env: { ...process.env, DATABASE_URL: url },
    })
    return { exitCode: 0, output: stdout + stderr }
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string }
    return { exitCode: code, output: stdout + stderr }
  }
}

/** `prisma migrate dev` refuses a shell that is not interactive: run it under a pseudo-terminal. */
export async function prismaInTerminal(args: string[], url: string): Promise<CliResult> {
  const command = [process.execPath, prismaScript, ...args].map((word) => `'${word}'`).join(' ')
  try {
    const { stdout } = await run('script', ['-qec', command, '/dev/null'], {
      env: { ...process.env, DATABASE_URL: url },
    })
    return { exitCode: 0, output: withoutColours(stdout) }
  } catch (error) {
    const { code, stdout } = error as { code: number; stdout: string }
    return { exitCode: code, output: withoutColours(stdout) }
  }
}

function withoutColours(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape sequences
  return text.replace(/\x1b\[[0-9;]*m/g, '')
}

/**
 * A copy of the project's schema and migrations in a temporary folder, with a Prisma config for it,
 * so a test may change the schema and create migrations without touching the repository.
 */
export async function scratchProject(): Promise<{
  folder: string
  config: string
  addToSchema(text: string): Promise<void>
}> {
  const folder = await mkdtemp(join(tmpdir(), 'tangtoc-prisma-'))
  await cp(join(repositoryRoot, 'prisma'), folder, { recursive: true })
  const config = join(folder, 'prisma.config.mjs')
  await writeFile(
    config,
    `export default { schema: './schema.prisma', migrations: { path: './migrations' }, datasource: { url: process.env.DATABASE_URL } }\n`,
  )
  return {
    folder,
    config,
    async addToSchema(text: string) {
      const schema = join(folder, 'schema.prisma')
      await writeFile(schema, `${await readFile(schema, 'utf8')}\n${text}\n`)
    },
  }
}
