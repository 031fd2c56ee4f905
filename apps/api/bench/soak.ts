// `BENCH_ONLY=soak pnpm bench` (part of the default run): the full soak of the scaled-out topology,
// 16 clients for 60 s (BENCH_SOAK_CLIENTS, BENCH_SOAK_SECONDS) through HAProxy while an API instance is
// killed and restarted, the replica is stopped and started and Redis restarts (test/topology/soak.test.ts
// against apps/api/topology/topology.sh, which is brought up first and always down afterwards). CI runs
// the short variant (.ci/run). The figures are printed and kept in $TOPOLOGY_DIR/soak-figures.json.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { log } from './common.ts'

const apiDir = fileURLToPath(new URL('..', import.meta.url))

function run(command: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(command, args, { cwd: apiDir, stdio: 'inherit', env: { ...process.env, ...env } })
  return result.status ?? 1
}

export function benchSoak(): boolean {
  const clients = process.env.BENCH_SOAK_CLIENTS ?? '16'
  const seconds = process.env.BENCH_SOAK_SECONDS ?? '60'
  log(`soak: ${clients} clients for ${seconds} s through the topology under faults`)
  try {
    if (run('bash', ['topology/topology.sh', 'up']) !== 0) return false
    const status = run('npx', ['vitest', 'run', 'test/topology/soak.test.ts'], {
      TOPOLOGY_SOAK: '1',
      SOAK_CLIENTS: clients,
      SOAK_SECONDS: seconds,
    })
    return status === 0
  } finally {
    run('bash', ['topology/topology.sh', 'down'])
  }
}
