import { graphql } from '../graphql.ts'

export const DashboardCampaignQuery = graphql(`
  query DashboardCampaign($code: String!) {
    campaign(code: $code) {
      id
      code
      name
      startDate
      endDate
      status
    }
  }
`)

/** Everything the dashboard shows, from the API's campaignProgress (the shared progress arithmetic). */
export const CampaignProgressQuery = graphql(`
  query CampaignProgress($campaign: ID!) {
    campaignProgress(campaign: $campaign) {
      asOf
      from
      to
      enrolled
      target
      percent
      daysLeft
      dailyPaceNeeded
      last7DaysPace
      projectedFinishDate
      products {
        product
        enrolled
        target
        percent
      }
      milestones {
        dueDate
        label
        count
        enrolled
        metOn
        status
        target {
          id
          product
        }
      }
      days {
        date
        enrolled
        cumulative
        target
      }
      centers {
        rank
        enrolled
        target
        percent
        center {
          id
          code
          name
        }
      }
    }
  }
`)

export const ActiveCampaignQuery = graphql(`
  query ActiveCampaign {
    campaigns(first: 1, filter: { status: [ACTIVE] }) {
      edges {
        node {
          id
          code
        }
      }
    }
  }
`)
