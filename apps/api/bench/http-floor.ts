// The fixed cost of a GraphQL request over HTTP: the API's server (createServer, with the production
// logger's JSON lines and metrics) answering `{ __typename }`, against a bare node:http server answering
// the same JSON, each on kept-alive connections from 16 clients in another process. For each: the
// requests per second and the server process's CPU per request (process.cpuUsage), which survive a
// loaded machine far better than the rate. HTTP_FLOOR_QUERY replaces the query (e.g. `{ me { id } }`
// with HTTP_FLOOR_COOKIE); HTTP_FLOOR_PROFILE names a file for a CPU profile of the API's part.
//
//   [HTTP_FLOOR_COUNT=20000] [HTTP_FLOOR_ROUNDS=3] pnpm exec tsx bench/http-floor.ts

import { fork } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { Agent, createServer as createHttpServer, type Server } from 'node:http'
import { Session } from 'node:inspector/promises'
import type { AddressInfo } from 'node:net'
import { createPrismaClient } from '@tangtoc/db'
import { createLogger } from '../src/logger.ts'
import { Metrics } from '../src/metrics.ts'
import { createServer } from '../src/server.ts'
import { benchServerUrl, graphqlOverHttp } from './common.ts'

const concurrency = 16
const query = process.env.HTTP_FLOOR_QUERY ?? '{ __typename }'

if (process.argv[2] === 'client') {
  // The client: COUNT requests from 16 kept-alive connections, then reports the seconds taken.
  const [, , , port, count] = process.argv
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency })
  const cookie = process.env.HTTP_FLOOR_COOKIE ?? ''
  // The bench's own GraphQL client (it reads and parses each answer, as a client of the API does).
  const ask = graphqlOverHttp(`http://127.0.0.1:${port}/graphql`, agent)
  const one = () => ask(query, {}, cookie)
  let left = Number(count)
  const started = performance.now()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (left-- > 0) await one()
    }),
  )
  process.send?.((performance.now() - started) / 1000)
  agent.destroy()
  process.exit(0)
}

const count = Number(process.env.HTTP_FLOOR_COUNT ?? 20_000)
const rounds = Number(process.env.HTTP_FLOOR_ROUNDS ?? 3)

function listening(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  )
}

/** Runs the client against the port; the seconds it took and this process's CPU µs per request. */
async function measure(port: number, requests: number) {
  const cpu = process.cpuUsage()
  const client = fork(import.meta.filename, ['client', String(port), String(requests)], {
    execArgv: ['--import', 'tsx'],
  })
  const seconds = await new Promise<number>((resolve, reject) => {
    client.on('message', (message) => resolve(message as number))
    client.on('exit', (code) => code !== 0 && reject(new Error(`the client failed (exit ${code})`)))
  })
  const used = process.cpuUsage(cpu)
  return { perSecond: requests / seconds, cpuUsPerRequest: (used.user + used.system) / requests }
}

const bareBody = JSON.stringify({ data: { __typename: 'Query' } })
const bare = createHttpServer((_request, response) => {
  _request.resume()
  _request.on('end', () =>
    response
      .writeHead(200, { 'content-type': 'application/graphql-response+json; charset=utf-8' })
      .end(bareBody),
  )
})
const prisma = createPrismaClient({ url: benchServerUrl })
const api = createServer({
  prisma,
  logger: createLogger({ destination: { write() {} } }),
  metrics: new Metrics(prisma),
})
const ports = { bare: await listening(bare), api: await listening(api) }
await measure(ports.api, 2000)
await measure(ports.bare, 2000)

const profile = process.env.HTTP_FLOOR_PROFILE
const session = profile ? new Session() : undefined
for (let round = 0; round < rounds; round++) {
  for (const name of ['bare', 'api'] as const) {
    if (name === 'api' && session) {
      session.connect()
      await session.post('Profiler.enable')
      await session.post('Profiler.start')
    }
    const { perSecond, cpuUsPerRequest } = await measure(ports[name], count)
    if (name === 'api' && session) {
      const { profile: taken } = await session.post('Profiler.stop')
      writeFileSync(profile as string, JSON.stringify(taken))
      session.disconnect()
    }
    console.log(
      `${name}: ${perSecond.toFixed(0)} requests/s, ${cpuUsPerRequest.toFixed(1)} µs CPU per request`,
    )
  }
}
bare.close()
api.close()
await prisma.$disconnect()
process.exit(0)
