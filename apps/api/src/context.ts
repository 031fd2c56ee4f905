import type { ApiTokenScope, PrismaClient, Role } from '@tangtoc/db'
import type { InstanceCaches } from './caches.ts'
import type { Logger } from './logger.ts'
import type { ApiPubSub } from './pubsub.ts'

/** Who is asking, resolved once per request from the session cookie or the bearer token. */
export interface Viewer {
  userId: string
  username: string
  role: Role
  centerId: string | null
  /** The materialized path of the viewer's center ("/root/…/self/"), for subtree filters. */
  centerPath: string | null
  credential: 'session' | 'token'
  /** The API token's scope; null for a console session. */
  tokenScope: ApiTokenScope | null
  loginSessionId: string | null
}

export interface Context {
  prisma: PrismaClient
  request: Request
  viewer: Viewer | null
  requestId: string
  /** The request's logger: every line carries the request id. */
  log: Logger
  /** Events between instances (enrollment changes for live progress): Redis when REDIS_URL is set. */
  pubsub: ApiPubSub
  /** This instance's viewers and contribution parameters (see caches.ts). */
  caches: InstanceCaches
}
