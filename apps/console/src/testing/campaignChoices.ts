// The campaign pickers' two questions (useCampaignCenterChoice) answered from campaigns given with their
// centers, as the forms' tests write them: the campaigns alone, then the chosen one's centers.
import type { AnswersByName } from './render.tsx'

type CampaignWithCenters = {
  id: string
  centers: { edges: readonly { node: { id: string; name: string } }[] }
}

/** `totalCount`: how many the API says there are, when more than those given (a page cut short). */
export function campaignChoiceAnswers(
  campaigns: { edges: readonly { node: CampaignWithCenters }[] },
  { totalCount }: { totalCount?: number } = {},
): AnswersByName {
  const nodes = campaigns.edges.map((edge) => edge.node)
  return {
    CampaignChoices: {
      data: {
        campaigns: {
          totalCount: totalCount ?? nodes.length,
          edges: nodes.map(({ centers: _, ...campaign }) => ({ node: { code: campaign.id, ...campaign } })),
        },
      },
    },
    CampaignCenterChoices: centersOfChosen(nodes),
  }
}

/** The answer to CampaignCenterChoices: the centers of the campaign asked for. */
function centersOfChosen(campaigns: readonly CampaignWithCenters[]) {
  return (variables: Record<string, unknown>) => {
    const campaign = campaigns.find((node) => node.id === variables.campaign)
    if (!campaign) return { data: { node: null } }
    const edges = campaign.centers.edges.map(({ node }) => ({
      node: { code: node.id, ancestors: [], ...node },
    }))
    return {
      data: {
        node: { __typename: 'Campaign', id: campaign.id, centers: { totalCount: edges.length, edges } },
      },
    }
  }
}

/** A national drive: one active campaign per province, each with its province's post office. */
export function provinceCampaigns(count: number) {
  return {
    edges: Array.from({ length: count }, (_, index) => {
      const province = index + 1
      return {
        node: {
          id: `campaign-province-${province}`,
          name: `Tăng tốc tỉnh ${province}`,
          jurisdiction: 'VN',
          timeZone: 'Asia/Ho_Chi_Minh',
          status: 'ACTIVE',
          startDate: '2020-01-01',
          endDate: '2099-12-31',
          centers: {
            edges: [{ node: { id: `c-province-${province}`, name: `Bưu điện tỉnh ${province}` } }],
          },
        },
      }
    }),
  }
}
