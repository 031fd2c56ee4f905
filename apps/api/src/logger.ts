// Logs with pino: JSON lines in production, pino-pretty's colours in development. One line per HTTP
// request with its id, the user's id (never a name or a citizen ID), the GraphQL operation's
// name and type, the status, the duration and the first error's code. Bounded: no headers, no query
// string (a search or a GET's variables may hold personal data), no query text, an error's stack cut short.
import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { type DocumentNode, getOperationAST } from 'graphql'
import type { Plugin } from 'graphql-yoga'
import pino, { type DestinationStream, type Logger } from 'pino'
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
  return pino(json, destination ?? stdoutByTurn())
}

/**
 * Stdout for log lines, written once per turn of the event loop: the lines of one turn (under load,
 * the requests that end together) go out in one write, right after the turn. pino's asynchronous
 * destination handed each line's write to a thread of the pool and back, a blocking one is a system
 * call a line: each cost a registration measurably (docs/benchmarks.md). What is left is written when
 * the process exits. One for the process: there is one stdout.
 */
let stdoutLines: DestinationStream | undefined
function stdoutByTurn(): DestinationStream {
  if (stdoutLines) return stdoutLines
  const out = pino.destination({ dest: 1, sync: true })
  let pending = ''
  const writePending = () => {
    if (pending === '') return
    const text = pending
    pending = ''
    out.write(text)
  }
  process.on('exit', writePending)
  stdoutLines = {
    write(line: string) {
      if (pending === '') setImmediate(writePending)
      pending += line
    },
  }
  return stdoutLines
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

/**
 * The middleware giving each request its id and logging one line per request at its end; probes and
 * scrapes are not logged. The line is written with the logger itself: pino-http made three child
 * loggers a request, each serialising its bindings, for the same line (docs/benchmarks.md).
 */
export function createRequestLogger(logger: Logger, quietPaths: string[]) {
  return (request: IncomingMessage & { id?: string }, response: ServerResponse) => {
    // The server's own id, never the client's (which could name someone else's request): the client's
    // is logged beside it.
    const requestId = randomUUID()
    request.id = requestId
    response.setHeader('x-request-id', requestId)
    const path = pathOf(request.url)
    if (quietPaths.includes(path)) return
    const started = Date.now()
    const ended = () => {
      response.off('finish', ended)
      response.off('close', ended)
      const status = response.statusCode
      const clientRequestId = clientRequestIdFrom(request.headers['x-request-id'] as string | undefined)
      const line = {
        requestId,
        req: { method: request.method, path },
        ...(clientRequestId ? { clientRequestId } : {}),
        ...factsByNodeRequest.get(request),
        res: { status },
        durationMs: Date.now() - started,
      }
      const message = `${request.method} ${path} ${status}`
      if (status >= 500) {
        logger.error({ ...line, err: new Error(`failed with status code ${status}`) }, message)
      } else {
        logger.info(line, message)
      }
    }
    response.on('finish', ended)
    response.on('close', ended)
  }
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
