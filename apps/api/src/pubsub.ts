// Events between API instances: with REDIS_URL set, through Redis (Yoga's Redis event target), so a
// subscriber on one instance hears of a change made on another; without it, in this process only.
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target'
import type { EnrollmentStatus, Product } from '@tangtoc/db'
import { createPubSub, type PubSub } from 'graphql-yoga'
import { Redis } from 'ioredis'

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
}

export type ApiPubSub = PubSub<ApiEvents>

export interface ApiEventBus {
  pubsub: ApiPubSub
  /** 'redis' when events cross instances. */
  kind: 'redis' | 'memory'
  /** Asks Redis whether it answers (readiness); absent in memory. */
  ping?: () => Promise<unknown>
  close(): Promise<void>
}

/** The event bus over Redis at `redisUrl` when given, else in this process's memory. */
export function createEventBus(redisUrl?: string): ApiEventBus {
  if (!redisUrl) return { pubsub: createPubSub<ApiEvents>(), kind: 'memory', close: async () => {} }
  // Redis wants one connection in subscriber mode and another one to publish on.
  const publishClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 })
  const subscribeClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 })
  const pubsub = createPubSub<ApiEvents>({
    eventTarget: createRedisEventTarget({ publishClient, subscribeClient }),
  })
  return {
    pubsub,
    kind: 'redis',
    ping: () => publishClient.ping(),
    async close() {
      await Promise.allSettled([publishClient.quit(), subscribeClient.quit()])
    },
  }
}
