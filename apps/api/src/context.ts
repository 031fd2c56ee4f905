import type { ApiTokenScope, PrismaClient, Role } from '@tangtoc/db'
import type { InstanceCaches } from './caches.ts'
import { type Client, clientOf, type Peer } from './client.ts'
import type { Logger } from './logger.ts'
import { resolveViewer } from './modules/auth/viewer.ts'
import type { ApiPubSub } from './pubsub.ts'
import { requestIdsOf } from './request-id.ts'
import type { SecuritySettings } from './settings.ts'

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
  /** The server's own id of the request, sent back in `x-request-id`. */
  requestId: string
  /** The `x-request-id` the client sent, when well-formed; recorded beside the server's. */
  clientRequestId: string | null
  /** The client's address and whether it came over TLS. */
  client: Client
  settings: SecuritySettings
  /** The request's logger: every line carries the request id. */
  log: Logger
  /** Events between instances (enrollment changes for live progress): Redis when REDIS_URL is set. */
  pubsub: ApiPubSub
  /** This instance's viewers and contribution parameters (see caches.ts). */
  caches: InstanceCaches
}

/** The context of one request, for GraphQL operations and the CSV exports alike. */
export async function createRequestContext({
  prisma,
  request,
  peer,
  settings,
  logger,
  pubsub,
  caches,
}: Pick<Context, 'prisma' | 'request' | 'settings' | 'pubsub' | 'caches'> & {
  peer: Peer | undefined
  logger: Logger
}): Promise<Context> {
  const ids = requestIdsOf(request)
  const client = clientOf(
    (name) => request.headers.get(name),
    peer,
    new URL(request.url).protocol === 'https:',
    settings.trustProxy,
  )
  return {
    prisma,
    request,
    viewer: await resolveViewer(prisma, request, caches, settings),
    requestId: ids.id,
    clientRequestId: ids.clientId,
    client,
    settings,
    log: logger.child({ requestId: ids.id }),
    pubsub,
    caches,
  }
}
