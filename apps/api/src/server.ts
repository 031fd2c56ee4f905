import { randomUUID } from 'node:crypto'
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { existsSync } from 'node:fs'
import type { PrismaClient } from '@tangtoc/db'
import { useCookies } from '@whatwg-node/server-plugin-cookies'
import { createYoga } from 'graphql-yoga'
import sirv from 'sirv'
import type { Context } from './context.ts'
import { resolveViewer } from './modules/auth/viewer.ts'
import { maskUnexpected, requestIds, useRequestId } from './request-id.ts'
import { schema } from './schema.ts'

export interface ServerOptions {
  prisma: PrismaClient
  /** The built console to serve at `/`; nothing is served there when absent. */
  consoleDir?: string
}

export function createYogaApp({ prisma }: Pick<ServerOptions, 'prisma'>) {
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    plugins: [useCookies(), useRequestId()],
    maskedErrors: {
      maskError: (error, message) => maskUnexpected(error, message),
    },
    context: async ({ request }): Promise<Context> => ({
      prisma,
      request,
      viewer: await resolveViewer(prisma, request),
      requestId: requestIds.get(request) ?? randomUUID(),
    }),
  })
}

export function createServer({ prisma, consoleDir }: ServerOptions) {
  const yoga = createYogaApp({ prisma })
  const serveConsole = consoleDir && existsSync(consoleDir) ? sirv(consoleDir, { single: true, etag: true }) : null

  return createHttpServer((request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '/').split('?')[0]
    if (path === '/healthz') {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ status: 'ok' }))
      return
    }
    if (path === yoga.graphqlEndpoint || path?.startsWith(`${yoga.graphqlEndpoint}/`)) {
      yoga(request, response)
      return
    }
    if (serveConsole) {
      serveConsole(request, response, () => {
        response.writeHead(404).end()
      })
      return
    }
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found')
  })
}
