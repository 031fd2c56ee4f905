// The campaign and center a form registers, plans or imports into. The campaigns are listed with their
// own fields only, and the centers of the chosen campaign alone are read once it is chosen: a list of
// campaigns each carrying its centers costs a hundred times more, and the API's cost limit had capped it
// at five campaigns, so the sixth active one could not be chosen at all.
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuery } from 'urql'
import { canWriteAt, useViewer } from '../auth/viewer.tsx'
import { graphql, type ResultOf, type VariablesOf } from '../graphql.ts'

// A page of 100 campaigns (far more than run at once) and of 100 centers of one: the cost limit reads a
// literal `first`, so the page is written into each query.
export const CampaignChoicesQuery = graphql(`
  query CampaignChoices($filter: CampaignFilter!) {
    campaigns(first: 100, filter: $filter) {
      totalCount
      edges {
        node {
          id
          name
          code
          jurisdiction
          timeZone
          status
          startDate
          endDate
        }
      }
    }
  }
`)

export const CampaignCenterChoicesQuery = graphql(`
  query CampaignCenterChoices($campaign: ID!, $role: CampaignCenterRole) {
    node(id: $campaign) {
      ... on Campaign {
        id
        centers(first: 100, role: $role) {
          totalCount
          edges {
            node {
              id
              code
              name
              ancestors {
                id
              }
            }
          }
        }
      }
    }
  }
`)

export type CampaignChoice = ResultOf<typeof CampaignChoicesQuery>['campaigns']['edges'][number]['node']
export type CampaignFilter = VariablesOf<typeof CampaignChoicesQuery>['filter']

type Choosing = {
  /** Which campaigns the API lists. */
  filter: CampaignFilter
  /** Of those, the ones the form offers (e.g. running today at each one's clock); all by default. */
  offered?: (campaigns: CampaignChoice[]) => CampaignChoice[]
  /** The campaign and center chosen so far. */
  campaign: string | null
  center: string | null
  /** Chooses for the user where there is one choice: the only campaign offered, the viewer's own center. */
  choose: (field: 'campaign' | 'center', id: string) => void
  /** Asks nothing: the form has its campaign and center already (a session being edited). */
  pause?: boolean
  /**
   * Only the centers with this part in the campaign: a registration (and an import, which registers)
   * is refused at a center that organises without taking part, so the form does not offer one.
   */
  role?: 'PARTICIPANT'
}

/**
 * The campaigns a form offers and the centers of the chosen one the viewer may write at (an agent its
 * own, a manager its subtree, as the API decides), the only campaign and the viewer's own center chosen
 * for them; a note for each list the page cut short.
 */
export function useCampaignCenterChoice({
  filter,
  offered = (all) => all,
  campaign,
  center,
  choose,
  pause = false,
  role,
}: Choosing) {
  const { t } = useTranslation()
  const viewer = useViewer()
  const [listed] = useQuery({ query: CampaignChoicesQuery, variables: { filter }, pause })
  const page = listed.data?.campaigns
  const campaigns = offered(page?.edges.map((edge) => edge.node) ?? [])
  const chosen = campaigns.find((candidate) => candidate.id === campaign)
  const [read] = useQuery({
    query: CampaignCenterChoicesQuery,
    variables: { campaign: chosen?.id ?? '', role: role ?? null },
    pause: !chosen,
  })
  const node = chosen ? read.data?.node : undefined
  const campaignCenters = node && 'centers' in node ? node.centers : undefined
  const centers = (campaignCenters?.edges.map((edge) => edge.node) ?? []).filter((each) =>
    canWriteAt(viewer, each),
  )

  const only = campaigns.length === 1 ? campaigns[0]?.id : undefined
  useEffect(() => {
    if (!campaign && only) choose('campaign', only)
  }, [campaign, only, choose])
  const own = viewer.center?.id
  const ownListed = own !== undefined && centers.some((each) => each.id === own)
  useEffect(() => {
    if (!center && own && ownListed) choose('center', own)
  }, [center, own, ownListed, choose])

  return {
    campaigns,
    campaign: chosen,
    centers,
    /** The campaigns have been read (none offered is then an answer, not a wait). */
    listed: page !== undefined,
    campaignsNote: cutShort(page, (counts) => t('campaignChoice.campaignsCut', counts)),
    centersNote: cutShort(campaignCenters, (counts) => t('campaignChoice.centersCut', counts)),
  }
}

/** The note for a list of more than a page, which the user would otherwise take for the whole. */
function cutShort(
  list: { totalCount: number; edges: readonly unknown[] } | undefined,
  note: (counts: { shown: number; total: number }) => string,
) {
  return list && list.totalCount > list.edges.length
    ? note({ shown: list.edges.length, total: list.totalCount })
    : undefined
}
