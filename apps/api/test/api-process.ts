// The API as `pnpm start` runs it, in a process of its own (src/main.ts through tsx), for the tests of
// what only a real process shows: signals, workers, its own ports. Its JSON log lines are collected.
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { loadConfig } from '../src/config.ts'
import type { LogLine } from './log-lines.ts'

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
