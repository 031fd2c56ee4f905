// Every request gets an id, sent back in `x-request-id`. An unexpected error is logged with it and reaches
// the client masked — no stack, no SQL — carrying only that id, so support can find the log line.
import type { IncomingMessage } from 'node:http'
import { GraphQLError } from 'graphql'
import type { Plugin } from 'graphql-yoga'
import type { Context } from './context.ts'
import { type Logger, requestIdFrom } from './logger.ts'

export const requestIds = new WeakMap<Request, string>()

export function useRequestId(logger: Logger): Plugin<Context> {
  return {
    onRequest({ request, serverContext }) {
      // Over HTTP, the id the request's log line carries (createRequestLogger); through yoga.fetch, its own.
      const nodeRequest = (serverContext as { req?: IncomingMessage & { id?: unknown } } | undefined)?.req
      const id =
        typeof nodeRequest?.id === 'string'
          ? nodeRequest.id
          : requestIdFrom(request.headers.get('x-request-id'))
      requestIds.set(request, id)
    },
    onExecute() {
      return {
        onExecuteDone({ args, result, setResult }) {
          if (!('errors' in result) || !result.errors?.length) return
          const { requestId } = args.contextValue as Context
          setResult({
            ...result,
            errors: result.errors.map((error) => {
              if (!isUnexpected(error)) return error
              logger.error({ requestId, path: error.path, err: error.originalError }, 'unexpected error')
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
      const id = requestIds.get(request)
      if (id) response.headers.set('x-request-id', id)
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
