// What the client got wrong is the client's error (BAD_USER_INPUT), never an internal one logged with a
// stack: text holding the NUL character, which PostgreSQL cannot store or compare, is refused before
// anything runs; and the arguments Pothos checks itself (negative `first` or `last`, a cursor it cannot
// read) are reported as the client's. Ids, numbers and text are checked where they are read
// (global-id.ts, the shared rules).
import { PothosValidationError } from '@pothos/core'
import { type DocumentNode, GraphQLError, Kind, visit } from 'graphql'
import type { Plugin } from 'graphql-yoga'

const nul = '\u0000'

/** Whether the value, or any text within it, holds the NUL character. */
export function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes(nul)
  if (Array.isArray(value)) return value.some(holdsNul)
  if (value !== null && typeof value === 'object') return Object.values(value).some(holdsNul)
  return false
}

/** By document: Yoga's parser cache hands every request of the same text the same document. */
const literalsChecked = new WeakMap<DocumentNode, boolean>()

function literalHoldsNul(document: DocumentNode): boolean {
  let found = literalsChecked.get(document)
  if (found !== undefined) return found
  found = false
  visit(document, {
    [Kind.STRING]: (node) => {
      if (node.value.includes(nul)) found = true
    },
  })
  literalsChecked.set(document, found)
  return found
}

const nulRefused = () =>
  new GraphQLError('Text must not contain the NUL character (U+0000).', {
    extensions: { code: 'BAD_USER_INPUT' },
  })

/** Pothos' checks of connection arguments and cursors, as opposed to a resolver's broken promise. */
function isPothosArgumentError(error: unknown): error is PothosValidationError {
  return error instanceof PothosValidationError && !error.message.startsWith('List resolvers')
}

export function useClientInputErrors(): Plugin {
  const refuseNul = ({
    args,
    setResultAndStopExecution,
  }: {
    args: { document: DocumentNode; variableValues?: unknown }
    setResultAndStopExecution: (result: { errors: GraphQLError[] }) => void
  }) => {
    if (holdsNul(args.variableValues) || literalHoldsNul(args.document)) {
      setResultAndStopExecution({ errors: [nulRefused()] })
    }
  }
  return {
    onSubscribe: refuseNul,
    onExecute(payload) {
      refuseNul(payload)
      return {
        onExecuteDone({ result, setResult }) {
          if (!('errors' in result) || !result.errors?.some((e) => isPothosArgumentError(e.originalError)))
            return
          setResult({
            ...result,
            errors: result.errors.map((error) =>
              isPothosArgumentError(error.originalError)
                ? new GraphQLError(error.originalError.message, {
                    nodes: error.nodes,
                    source: error.source,
                    positions: error.positions,
                    path: error.path,
                    extensions: { code: 'BAD_USER_INPUT' },
                  })
                : error,
            ),
          })
        },
      }
    },
  }
}
