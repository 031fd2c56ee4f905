// The console's urql client: one normalized cache for every screen, Relay pagination for connections.
import { cacheExchange } from '@urql/exchange-graphcache'
import { relayPagination } from '@urql/exchange-graphcache/extras'
import { Client, fetchExchange } from 'urql'

/** Connections, their edges and page info are parts of their parent, not entities of their own. */
const embedded = () => null

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
    },
    resolvers: {
      Query: { campaigns: relayPagination() },
      Campaign: { targets: relayPagination(), centers: relayPagination() },
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
