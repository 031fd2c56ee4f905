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
export const CampaignProgressFiguresFragment = graphql(`
  fragment CampaignProgressFigures on CampaignProgress {
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
`)

export const CampaignProgressQuery = graphql(
  `
  query CampaignProgress($campaign: ID!) {
    campaignProgress(campaign: $campaign) {
      ...CampaignProgressFigures
    }
  }
`,
  [CampaignProgressFiguresFragment],
)

/** The same figures, pushed by the API (at most once a second) after enrollments change. */
export const CampaignProgressChangedSubscription = graphql(
  `
  subscription CampaignProgressChanged($campaign: ID!) {
    campaignProgressChanged(campaign: $campaign) {
      ...CampaignProgressFigures
    }
  }
`,
  [CampaignProgressFiguresFragment],
)

/** A row of the latest enrollments panel. */
export const LatestEnrollmentFragment = graphql(`
  fragment LatestEnrollment on Enrollment {
    id
    product
    status
    registeredAt
    person {
      id
      fullName
    }
    center {
      id
      name
    }
  }
`)

export const latestEnrollmentsCount = 10

export const LatestEnrollmentsQuery = graphql(
  `
  query LatestEnrollments($campaign: ID!, $first: Int!) {
    enrollments(first: $first, filter: { campaign: $campaign }, orderBy: { field: REGISTERED_AT, direction: DESC }) {
      edges {
        node {
          ...LatestEnrollment
        }
      }
    }
  }
`,
  [LatestEnrollmentFragment],
)

/** Each enrollment registered in the campaign from now on. */
export const EnrollmentRegisteredSubscription = graphql(
  `
  subscription EnrollmentRegistered($campaign: ID!) {
    enrollmentRegistered(campaign: $campaign) {
      ...LatestEnrollment
    }
  }
`,
  [LatestEnrollmentFragment],
)

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
