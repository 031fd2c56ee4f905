// Events between API instances: with REDIS_URL set, through Redis (Yoga's Redis event target), so a
// subscriber on one instance hears of a change made on another; without it, in this process only.
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target'
import type { EnrollmentStatus, Product } from '@tangtoc/db'
import { createPubSub, type PubSub } from 'graphql-yoga'
import { Redis } from 'ioredis'
import type { Logger } from './logger.ts'

/** What changed about an enrollment, enough to tell who may hear of it without reading the database. */
export interface EnrollmentChange {
  kind: 'REGISTERED' | 'UPDATED' | 'STATUS_CHANGED'
  enrollmentId: string
  campaignId: string
  centerId: string
  /** The center's materialized path, to check a subscriber's access to the center tree. */
  centerPath: string
  product: Product
  status: EnrollmentStatus
  /** The status before a status change; null otherwise. */
  previousStatus: EnrollmentStatus | null
  /** The local date the enrollment counts for, YYYY-MM-DD. */
  registeredOn: string
}

/** How far an import's commit has gone, for a progress bar. */
export interface ImportProgress {
  batchId: string
  status: 'UPLOADED' | 'COMMITTING' | 'COMMITTED'
  rowCount: number
  committedCount: number
  refusedCount: number
}

export type ApiEvents = {
  /** Topic per import batch id. */
  'tangtoc:importProgress': [batchId: string, progress: ImportProgress]
  /** Topic per campaign id. */
  'tangtoc:enrollmentChanged': [campaignId: string, change: EnrollmentChange]
  /** Users, sessions, tokens, centers or contribution parameters changed: instances empty their caches. */
  'tangtoc:cachesStale': []
  /**
   * This instance is connected to Redis again after losing it (a restart, a network cut): events may
   * have been missed meanwhile, so live subscribers send the current state. Heard in this process only.
   */
  'tangtoc:eventsResumed': []
}

const resumedTopic = 'tangtoc:eventsResumed'

export type ApiPubSub = PubSub<ApiEvents>

export interface ApiEventBus {
  pubsub: ApiPubSub
  /** 'redis' when events cross instances. */
  kind: 'redis' | 'memory'
  /** Asks Redis whether it answers (readiness); absent in memory. */
  ping?: () => Promise<unknown>
  close(): Promise<void>
}

/**
 * The event bus over Redis at `redisUrl` when given, else in this process's memory. Redis going away
 * never fails a request nor ends the process: publishes wait in the client's queue until it is back
 * (a restart takes seconds), and once it is, subscribers on this instance hear `tangtoc:eventsResumed`.
 */
export function createEventBus(redisUrl?: string, logger?: Logger): ApiEventBus {
  if (!redisUrl) return { pubsub: createPubSub<ApiEvents>(), kind: 'memory', close: async () => {} }
  // Redis wants one connection in subscriber mode and another one to publish on. A command waits for
  // the connection to come back rather than failing after a few attempts (the event target does not
  // handle a failed publish or subscribe, which would end the process as an unhandled rejection).
  const options = { lazyConnect: false, maxRetriesPerRequest: null }
  const publishClient = new Redis(redisUrl, options)
  const subscribeClient = new Redis(redisUrl, options)
  for (const client of [publishClient, subscribeClient])
    client.on('error', (error) => logger?.warn({ err: error }, 'Redis connection error'))
  let lost = false
  subscribeClient.on('close', () => {
    lost = true
  })
  subscribeClient.on('ready', () => {
    if (!lost) return
    lost = false
    logger?.info('connected to Redis again: live subscribers resend the current state')
    // Told to this instance's own listeners, as a message on the channel would be.
    subscribeClient.emit('message', resumedTopic, '')
  })
  const pubsub = createPubSub<ApiEvents>({
    // The two methods and the listener the event target uses, of the clients above.
    eventTarget: createRedisEventTarget(
      eventClientsOf(publishClient, subscribeClient, logger) as unknown as {
        publishClient: Redis
        subscribeClient: Redis
      },
    ),
  })
  return {
    pubsub,
    kind: 'redis',
    // Answers at once while the connection is down (a readiness check must not wait for it). Just after
    // Redis went away the client may not have seen the socket close yet ("ready"): its ping would then
    // wait in the queue for Redis to come back, so it is given half a second.
    ping: () =>
      publishClient.status === 'ready'
        ? answeredWithin(publishClient.ping(), redisAnswerMs, 'Redis did not answer a ping')
        : Promise.reject(new Error(`Redis connection ${publishClient.status}`)),
    async close() {
      for (const client of [publishClient, subscribeClient]) {
        if (client.status !== 'ready') client.disconnect()
        else
          await answeredWithin(client.quit(), redisAnswerMs, 'Redis did not answer QUIT').catch(() =>
            client.disconnect(),
          )
      }
    },
  }
}

/**
 * The two methods and the listener the event target uses, of the clients. The event target neither
 * awaits nor catches its commands, and a command still queued when the bus closes (Redis not back yet)
 * is rejected, "Connection is closed": it is logged, never left unhandled.
 */
function eventClientsOf(publishClient: Redis, subscribeClient: Redis, logger?: Logger) {
  const logged = (command: string, answer: Promise<unknown>) =>
    answer.catch((error) => logger?.warn({ err: error }, `Redis ${command} did not complete`))
  return {
    publishClient: {
      publish: (channel: string, message: string) =>
        logged('PUBLISH', publishClient.publish(channel, message)),
    },
    subscribeClient: {
      on: (event: 'message', listener: (channel: string, message: string) => void) =>
        subscribeClient.on(event, listener),
      subscribe: (channel: string) => logged('SUBSCRIBE', subscribeClient.subscribe(channel)),
      unsubscribe: (channel: string) => logged('UNSUBSCRIBE', subscribeClient.unsubscribe(channel)),
    },
  }
}

const redisAnswerMs = 500

/** `answer`, or a rejection naming what did not come when it takes longer than `ms`. */
function answeredWithin<T>(answer: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms)
  })
  answer.catch(() => {}) // answered after the deadline, or never: nobody waits for it any more
  return Promise.race([answer, late]).finally(() => clearTimeout(timer))
}
