import type { ApiTokenScope, PrismaClient, Role } from '@tangtoc/db'
import type { InstanceCaches } from './caches.ts'
import { type Client, clientOf, type Peer } from './client.ts'
import type { Logger } from './logger.ts'
import { resolveViewer, viewerFromUser, viewerUserSelection } from './modules/auth/viewer.ts'
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
  let log: Logger | undefined
  return {
    prisma,
    request,
    viewer: await resolveViewer(prisma, request, caches, settings),
    requestId: ids.id,
    clientRequestId: ids.clientId,
    client,
    settings,
    // Made when first used: few requests log a line of their own, and a child logger serialises its
    // bindings when made (docs/benchmarks.md).
    get log() {
      log ??= logger.child({ requestId: ids.id })
      return log
    },
    pubsub,
    caches,
  }
}

/** What a job working for a user needs besides its data: the instance's clients, settings and logger. */
export type JobDependencies = Pick<Context, 'prisma' | 'settings' | 'pubsub' | 'caches'> & { logger: Logger }

/**
 * The context of a user's own request, for a job that works as them (an import's commit, a queued
 * export): the same viewer, so the same scope and masking; no viewer once the user is deactivated.
 */
export async function jobContext(
  deps: JobDependencies,
  userId: string,
  { requestId, url }: { requestId: string; url: string },
): Promise<Context> {
  const user = await deps.prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: viewerUserSelection,
  })
  return {
    prisma: deps.prisma,
    request: new Request(url),
    viewer: user.active
      ? viewerFromUser(user, { credential: 'session', tokenScope: null, loginSessionId: null })
      : null,
    requestId,
    clientRequestId: null,
    client: { address: null, tls: false },
    settings: deps.settings,
    log: deps.logger.child({ requestId }),
    pubsub: deps.pubsub,
    caches: deps.caches,
  }
}
