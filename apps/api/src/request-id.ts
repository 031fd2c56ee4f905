// Every request gets the server's own id, sent back in `x-request-id`, recorded with each audit event
// and each error's log line. A client's own `x-request-id` (a support ticket's, a gateway's) is kept
// beside it, never instead of it: a client could otherwise choose the id of someone else's request. An
// unexpected error is logged with both and reaches the client masked — no stack, no SQL — carrying only
// the server's id, so support can find the log line.
import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { GraphQLError } from 'graphql'
import type { Plugin } from 'graphql-yoga'
import type { Context } from './context.ts'
import { clientRequestIdFrom, type Logger } from './logger.ts'

export interface RequestIds {
  /** The server's own id. */
  id: string
  /** The client's `x-request-id`, when well-formed. */
  clientId: string | null
}

export const requestIds = new WeakMap<Request, RequestIds>()

/**
 * The request's ids, given them at its start (a new pair for a request the plugin did not see).
 * `serverId`: the id the request's log line already carries (createRequestLogger), over HTTP.
 */
export function requestIdsOf(request: Request, serverId?: string): RequestIds {
  const known = requestIds.get(request)
  if (known) return known
  const ids = {
    id: serverId ?? randomUUID(),
    clientId: clientRequestIdFrom(request.headers.get('x-request-id')),
  }
  requestIds.set(request, ids)
  return ids
}

export function useRequestId(logger: Logger): Plugin<Context> {
  return {
    onRequest({ request, serverContext }) {
      const nodeRequest = (serverContext as { req?: IncomingMessage & { id?: unknown } } | undefined)?.req
      requestIdsOf(request, typeof nodeRequest?.id === 'string' ? nodeRequest.id : undefined)
    },
    onExecute() {
      return {
        onExecuteDone({ args, result, setResult }) {
          if (!('errors' in result) || !result.errors?.length) return
          const { requestId, clientRequestId } = args.contextValue as Context
          setResult({
            ...result,
            errors: result.errors.map((error) => {
              if (!isUnexpected(error)) return error
              logger.error(
                {
                  requestId,
                  ...(clientRequestId ? { clientRequestId } : {}),
                  path: error.path,
                  err: error.originalError,
                },
                'unexpected error',
              )
              return new GraphQLError(error.message, {
                nodes: error.nodes,
                source: error.source,
                positions: error.positions,
                path: error.path,
                originalError: error.originalError,
                extensions: { ...error.extensions, requestId },
              })
            }),
          })
        },
      }
    },
    onResponse({ request, response }) {
      const ids = requestIds.get(request)
      if (ids) response.headers.set('x-request-id', ids.id)
    },
  }
}

// By name, not instanceof: tests load graphql's ESM build beside the CommonJS one its plugins use.
const isGraphQLError = (error: unknown): error is GraphQLError =>
  error instanceof Error && error.name === 'GraphQLError'

function isUnexpected(error: GraphQLError): boolean {
  return error.originalError != null && !isGraphQLError(error.originalError)
}

export function maskUnexpected(error: unknown, message: string): Error {
  if (isGraphQLError(error) && !isUnexpected(error)) return error
  const requestId = isGraphQLError(error) ? error.extensions.requestId : undefined
  return new GraphQLError(message, {
    ...(isGraphQLError(error) ? { nodes: error.nodes, path: error.path, positions: error.positions } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId ? { requestId } : {}) },
  })
}
