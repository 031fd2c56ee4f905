// A graceful stop on SIGTERM: readiness turns false, live subscriptions end with a hint to subscribe
// again, the server stops accepting connections and lets the requests in flight finish (for at most
// SHUTDOWN_TIMEOUT_SECONDS), then the caller closes the database. Node's own server does the draining
// (close, closeIdleConnections, closeAllConnections, since Node 18.2): what http-terminator and stoppable
// add for older Node.
import type { Server } from 'node:http'
import { GraphQLError } from 'graphql'
import { type Plugin, Repeater } from 'graphql-yoga'

/** Seconds a subscriber is asked to wait before subscribing again (to another instance). */
export const resubscribeAfterSeconds = 2

export class Lifecycle {
  stopping = false
  private stop!: () => void
  /** Resolves when the shutdown begins. */
  readonly stopped = new Promise<void>((resolve) => {
    this.stop = resolve
  })

  beginShutdown(): void {
    this.stopping = true
    this.stop()
  }
}

/** Ends every live subscription when the shutdown begins, with a last event saying to subscribe again. */
export function useSubscriptionsEndAtShutdown(lifecycle: Lifecycle): Plugin {
  return {
    onSubscribe: () => ({
      onSubscribeResult: ({ result, setResult }) => {
        if (Symbol.asyncIterator in result) setResult(endingAtShutdown(result, lifecycle))
      },
    }),
  }
}

function endingAtShutdown<T>(source: AsyncIterable<T>, lifecycle: Lifecycle) {
  return new Repeater<T | { errors: GraphQLError[] }>(async (push, stop) => {
    const iterator = source[Symbol.asyncIterator]()
    let ended = false
    void stop.then(() => {
      ended = true
      void iterator.return?.()
    })
    void lifecycle.stopped.then(async () => {
      if (ended) return
      await push({
        errors: [
          new GraphQLError('The server is restarting: subscribe again.', {
            extensions: { code: 'SERVER_RESTARTING', retryAfterSeconds: resubscribeAfterSeconds },
          }),
        ],
      })
      stop()
    })
    try {
      for (let next = await iterator.next(); !next.done && !ended; next = await iterator.next()) {
        await push(next.value)
      }
      stop()
    } catch (error) {
      stop(error)
    }
  })
}

/**
 * Stops accepting connections and resolves once the requests in flight are answered, or when
 * `timeoutMs` has passed, closing the connections still open then.
 */
export function drainServer(server: Server, timeoutMs: number): Promise<{ timedOut: boolean }> {
  return new Promise((resolve) => {
    let timedOut = false
    // A keep-alive connection becomes idle when its request is answered: close it then.
    const closeIdle = setInterval(() => server.closeIdleConnections(), 100)
    const deadline = setTimeout(() => {
      timedOut = true
      server.closeAllConnections()
    }, timeoutMs)
    server.close(() => {
      clearInterval(closeIdle)
      clearTimeout(deadline)
      resolve({ timedOut })
    })
    server.closeIdleConnections()
  })
}
