// The console's urql client: one normalized cache for every screen, Relay pagination for connections.
import { cacheExchange, type Data } from '@urql/exchange-graphcache'
import { relayPagination } from '@urql/exchange-graphcache/extras'
import { Client, fetchExchange } from 'urql'

/** Connections, edges, page info, payloads and typed errors are parts of their parent, not entities. */
const embedded = () => null
const byCode = (entity: Data) => (typeof entity.code === 'string' ? entity.code : null)

function createCache() {
  return cacheExchange({
    keys: {
      PageInfo: embedded,
      QueryCampaignsConnection: embedded,
      QueryCampaignsConnectionEdge: embedded,
      CampaignTargetsConnection: embedded,
      CampaignTargetsConnectionEdge: embedded,
      CampaignCentersConnection: embedded,
      CampaignCentersConnectionEdge: embedded,
      CenterChildrenConnection: embedded,
      CenterChildrenConnectionEdge: embedded,
      QueryCentersConnection: embedded,
      QueryCentersConnectionEdge: embedded,
      LogInPayload: embedded,
      FieldError: embedded,
      ConflictError: embedded,
      ForbiddenError: embedded,
      NotFoundError: embedded,
      StaleObjectError: embedded,
      TooManyAttemptsError: embedded,
      ValidationError: embedded,
      // Wards are identified by their official code.
      Ward: byCode,
    },
    resolvers: {
      Query: { campaigns: relayPagination(), centers: relayPagination() },
      Campaign: { targets: relayPagination(), centers: relayPagination() },
      Center: { children: relayPagination() },
    },
  })
}

export function createConsoleClient(url = '/graphql'): Client {
  return new Client({
    url,
    exchanges: [createCache(), fetchExchange],
    fetchOptions: {
      credentials: 'include',
      // graphql-yoga's CSRF prevention accepts only requests that carry this header.
      headers: { 'x-graphql-yoga-csrf': '1' },
    },
  })
}
