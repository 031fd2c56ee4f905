// Logs with pino: JSON lines in production, pino-pretty's colours in development. One line per HTTP
// request (pino-http) with its id, the user's id (never a name or a citizen ID), the GraphQL operation's
// name and type, the status, the duration and the first error's code. Bounded: no headers, no query
// string (a search or a GET's variables may hold personal data), no query text, an error's stack cut short.
import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { type DocumentNode, getOperationAST } from 'graphql'
import type { Plugin } from 'graphql-yoga'
import pino, { type DestinationStream, type Logger } from 'pino'
import { pinoHttp } from 'pino-http'
import pretty from 'pino-pretty'
import type { Context } from './context.ts'

export type { Logger }

export interface LoggerOptions {
  level?: string
  format?: 'json' | 'pretty'
  /** Where lines go; default stdout. */
  destination?: DestinationStream
}

const maxStackLines = 12
const maxTextLength = 500

/** An error as logged: its type, code and message, and the first lines of its stack. */
function boundedError(error: unknown) {
  const serialized = pino.stdSerializers.err(error as Error)
  return {
    type: serialized.type,
    message: serialized.message.slice(0, maxTextLength),
    ...('code' in serialized ? { code: serialized.code } : {}),
    stack: serialized.stack?.split('\n').slice(0, maxStackLines).join('\n'),
  }
}

export function createLogger({ level = 'info', format = 'json', destination }: LoggerOptions = {}): Logger {
  const options = { level, serializers: { err: boundedError } }
  if (format === 'pretty') {
    return pino(options, pretty({ destination: destination ?? 1, ignore: 'pid,hostname', sync: true }))
  }
  // Levels by name ("error"), which log search tools read without a table.
  const json = { ...options, formatters: { level: (label: string) => ({ level: label }) } }
  // Stdout written from a buffer off the request's path, not one blocking write per line: a write is a
  // system call, about a tenth of a registration's CPU on a busy two-core machine (docs/benchmarks.md).
  // pino writes what is left when the process exits.
  return pino(json, destination ?? pino.destination({ dest: 1, sync: false }))
}

/** What a GraphQL request did, gathered by useOperationFacts for the request's log line. */
export interface OperationFacts {
  userId?: string
  operationName?: string
  operationType?: string
  errorCode?: string
}

const factsByNodeRequest = new WeakMap<IncomingMessage, OperationFacts>()
const factsByRequest = new WeakMap<Request, OperationFacts>()

const acceptableId = /^[\w.-]{8,100}$/
/** A client's `x-request-id` when well-formed (a support ticket's, a gateway's), else null. */
export function clientRequestIdFrom(given: string | null | undefined): string | null {
  return given && acceptableId.test(given) ? given : null
}

/** The middleware logging one line per request at its end; probes and scrapes are not logged. */
export function createRequestLogger(logger: Logger, quietPaths: string[]) {
  return pinoHttp<IncomingMessage, ServerResponse>({
    logger,
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'requestId', responseTime: 'durationMs' },
    // The server's own id, never the client's (which could name someone else's request): the client's
    // is logged beside it.
    genReqId: (_request, response) => {
      const id = randomUUID()
      response.setHeader('x-request-id', id)
      return id
    },
    autoLogging: { ignore: (request) => quietPaths.includes(pathOf(request.url)) },
    serializers: {
      req: (request: { method: string; url: string }) => ({
        method: request.method,
        path: pathOf(request.url),
      }),
      res: (response: { statusCode: number }) => ({ status: response.statusCode }),
      err: boundedError,
    },
    customLogLevel: (_request, response, error) => (error || response.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: (request, response) =>
      `${request.method} ${pathOf(request.url)} ${response.statusCode}`,
    customErrorMessage: (request, response) =>
      `${request.method} ${pathOf(request.url)} ${response.statusCode}`,
    customProps: (request) => {
      const clientRequestId = clientRequestIdFrom(request.headers['x-request-id'] as string | undefined)
      return { ...(clientRequestId ? { clientRequestId } : {}), ...factsByNodeRequest.get(request) }
    },
  })
}

const pathOf = (url: string | undefined) => (url ?? '/').split('?')[0] ?? '/'

// Before validation an operation name may be anything a client sent.
const boundedName = (name: unknown) => (typeof name === 'string' ? name.slice(0, 100) : undefined)

/**
 * Gathers, for the request's log line, the operation's name and type, the viewer's id and the first
 * error's code.
 */
export function useOperationFacts(): Plugin<Context> {
  return {
    onRequest({ request, serverContext }) {
      const facts: OperationFacts = {}
      factsByRequest.set(request, facts)
      const nodeRequest = (serverContext as { req?: IncomingMessage } | undefined)?.req
      if (nodeRequest) factsByNodeRequest.set(nodeRequest, facts)
    },
    onParams({ request, params }) {
      const facts = factsByRequest.get(request)
      if (facts) facts.operationName = boundedName(params.operationName)
    },
    onExecute({ args }) {
      recordOperation(args.contextValue, args.document, args.operationName)
    },
    onSubscribe({ args }) {
      recordOperation(args.contextValue, args.document, args.operationName)
    },
    onResultProcess({ request, result }) {
      const facts = factsByRequest.get(request)
      if (!facts || facts.errorCode || Symbol.asyncIterator in result) return
      const first = (Array.isArray(result) ? result : [result]).flatMap((one) => one.errors ?? [])[0]
      if (first) facts.errorCode = String(first.extensions?.code ?? 'GRAPHQL_ERROR')
    },
  }
}

function recordOperation(context: Context, document: DocumentNode, operationName?: string | null) {
  const facts = factsByRequest.get(context.request)
  if (!facts) return
  const operation = getOperationAST(document, operationName)
  facts.operationType = operation?.operation
  facts.operationName = boundedName(operation?.name?.value ?? operationName ?? undefined)
  if (context.viewer) facts.userId = context.viewer.userId
}
