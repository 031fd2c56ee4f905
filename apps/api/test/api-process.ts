// The API as `pnpm start` runs it, in a process of its own (src/main.ts through tsx), for the tests of
// what only a real process shows: signals, workers, its own ports. Its JSON log lines are collected.
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { loadConfig } from '../src/config.ts'
import type { LogLine } from './log-lines.ts'

/**
 * Runs a worker script of test/ as an API instance of its own (through tsx, with `env` and PATH only),
 * waits for it to print `stuck` (its job under way), then kills it with SIGKILL, as a crash: resolves to
 * when. A worker that exits first rejects; one still running when the wait fails is killed all the same.
 */
export async function killWhenStuck(
  script: string,
  env: Record<string, string | undefined>,
): Promise<number> {
  const worker = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: new URL('..', import.meta.url),
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  try {
    await new Promise<void>((resolve, reject) => {
      worker.stdout.on('data', (chunk) => String(chunk).includes('stuck') && resolve())
      worker.on('exit', (code) => reject(new Error(`the worker exited with ${code}`)))
    })
  } finally {
    if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL')
  }
  return Date.now()
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

export async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check().catch(() => undefined)
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** Starts the API with `env` (and a free PORT) and resolves once it is ready. */
export async function startApiProcess(env: Record<string, string>) {
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  // With the heap bound `pnpm start` gives it (API_HEAP_MB).
  const heap = `--max-old-space-size=${loadConfig(env).API_HEAP_MB}`
  const child = spawn(process.execPath, [heap, '--import', 'tsx', 'src/main.ts'], {
    cwd: new URL('..', import.meta.url),
    env: { PATH: process.env.PATH, PORT: String(port), LOG_FORMAT: 'json', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const lines: LogLine[] = []
  let buffer = ''
  child.stdout.on('data', (chunk) => {
    buffer += chunk
    for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n')) {
      lines.push(JSON.parse(buffer.slice(0, end)))
      buffer = buffer.slice(end + 1)
    }
  })
  await until(
    'the API to be ready',
    async () => ((await fetch(`${base}/readyz`)).ok ? true : undefined),
    100_000,
  )
  return {
    port,
    base,
    child,
    lines,
    /** The exit code, once the process has ended. */
    exited,
    /** Ends the process at once, if it still runs (after a failed test). */
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    },
  }
}
