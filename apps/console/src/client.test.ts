// The client's own behaviour: what every request carries, and how graphcache joins a connection's pages.
import { describe, expect, it, vi } from 'vitest'
import { CampaignsQuery } from './campaigns/CampaignList.tsx'
import { createConsoleClient } from './client.ts'

function campaignNode(n: number) {
  return {
    __typename: 'Campaign',
    id: `campaign-${n}`,
    code: `C${n}`,
    name: `Campaign ${n}`,
    startDate: '2025-11-04',
    endDate: '2026-01-02',
    status: 'ACTIVE',
  }
}

function campaignsPage(numbers: number[], hasNextPage: boolean) {
  return {
    data: {
      campaigns: {
        __typename: 'QueryCampaignsConnection',
        totalCount: 3,
        edges: numbers.map((n) => ({ __typename: 'QueryCampaignsConnectionEdge', node: campaignNode(n) })),
        pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: `cursor-${numbers.at(-1)}` },
      },
    },
  }
}

function answering(...bodies: unknown[]) {
  return vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => Response.json(bodies.shift()))
}

describe('the console client', () => {
  it('sends credentials and the header graphql-yoga requires against CSRF', async () => {
    const fetch = answering(campaignsPage([1], false))
    vi.stubGlobal('fetch', fetch)

    await createConsoleClient('http://console.test/graphql').query(CampaignsQuery, { first: 50 }).toPromise()

    const init = fetch.mock.calls[0]?.[1]
    expect(init?.credentials).toBe('include')
    expect(new Headers(init?.headers).get('x-graphql-yoga-csrf')).toBe('1')
    vi.unstubAllGlobals()
  })

  it('appends the next page of campaigns to the ones already shown', async () => {
    vi.stubGlobal('fetch', answering(campaignsPage([1, 2], true), campaignsPage([3], false)))
    const client = createConsoleClient('http://console.test/graphql')

    await client.query(CampaignsQuery, { first: 2 }).toPromise()
    const next = await client.query(CampaignsQuery, { first: 2, after: 'cursor-2' }).toPromise()

    expect(next.data?.campaigns.edges.map((edge) => edge.node.code)).toEqual(['C1', 'C2', 'C3'])
    expect(next.data?.campaigns.pageInfo.hasNextPage).toBe(false)
    vi.unstubAllGlobals()
  })
})
