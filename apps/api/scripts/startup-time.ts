// pnpm --filter @tangtoc/api startup-time [starts]   (after `pnpm build`)
// Starts the compiled server (`node --conditions=compiled dist/main.js`, as `pnpm start` does once built)
// on a new embedded database: once to migrate and seed it, then `starts` times (default 5) on it as
// installed, each to its first answer (/healthz) and to ready (/readyz), with the CPU the process used
// by its first answer (what a busy machine does not change). docs/benchmarks.md has figures.
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const starts = Number(process.argv[2] ?? 5)
const apiFolder = fileURLToPath(new URL('..', import.meta.url))

const port = await new Promise<number>((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address() as { port: number }
    probe.close(() => resolve(port))
  })
})

async function answers(path: string) {
  try {
    return (await fetch(`http://127.0.0.1:${port}${path}`)).ok
  } catch {
    return false
  }
}

/** The CPU a process has used so far, ms (Linux: /proc; clock ticks of 10 ms). */
async function cpuMs(pid: number | undefined) {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]?.split(' ') ?? []
  return (Number(fields[11]) + Number(fields[12])) * 10
}

/** One start: milliseconds to the first answer (and the CPU used by then) and to ready; then a SIGTERM. */
async function start(dataDir: string) {
  const started = performance.now()
  const server = spawn(process.execPath, ['--conditions=compiled', 'dist/main.js'], {
    cwd: apiFolder,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: 'inherit',
  })
  const exited = new Promise((resolve) => server.on('exit', resolve))
  while (!(await answers('/healthz'))) await new Promise((resolve) => setTimeout(resolve, 10))
  const firstAnswer = performance.now() - started
  const cpu = await cpuMs(server.pid)
  while (!(await answers('/readyz'))) await new Promise((resolve) => setTimeout(resolve, 10))
  const ready = performance.now() - started
  server.kill('SIGTERM')
  await exited
  return { firstAnswer, cpu, ready }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0

const dataDir = await mkdtemp(join(tmpdir(), 'tangtoc-startup-'))
try {
  const first = await start(dataDir)
  console.info(`first start (migrates and seeds): ${seconds(first.ready)} to ready`)
  const runs = []
  for (let i = 0; i < starts; i++) runs.push(await start(dataDir))
  console.info(
    `installed, ${starts} starts: first answer ${seconds(median(runs.map((run) => run.firstAnswer)))} ` +
      `(median; ${runs.map((run) => seconds(run.firstAnswer)).join(', ')}), ` +
      `ready ${seconds(median(runs.map((run) => run.ready)))}; CPU by the first answer ` +
      `${seconds(median(runs.map((run) => run.cpu)))}; load average ${loadavg()[0]?.toFixed(1)}`,
  )
} finally {
  await rm(dataDir, { recursive: true, force: true })
}
