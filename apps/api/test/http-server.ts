// The API behind a real HTTP server on a free port, for the tests of what only HTTP shows (the request
// log, /metrics, live streams): requests go through fetch with a session cookie.
import type { AddressInfo } from 'node:net'
import type { ExecutionResult } from 'graphql'
import { createServer, type ServerOptions } from '../src/server.ts'
import type { OperationData } from './graphql-data.ts'

export type Cookie = { cookie: string }

export async function listen(options: ServerOptions) {
  const server = createServer(options)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    base,
    /** A GraphQL request; the parsed body with the response's status and headers. */
    async graphql(query: string, variables: Record<string, unknown> = {}, auth?: Cookie) {
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-graphql-yoga-csrf': '1',
          ...(auth ? { cookie: auth.cookie } : {}),
        },
        body: JSON.stringify({ query, variables }),
      })
      return {
        status: response.status,
        headers: response.headers,
        body: (await response.json()) as ExecutionResult<OperationData>,
      }
    },
    close() {
      server.closeAllConnections()
      return new Promise((resolve) => server.close(resolve))
    },
  }
}
