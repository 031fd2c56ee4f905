import { graphql } from '../graphql.ts'

export const ProgressCampaignQuery = graphql(`
  query ProgressCampaign($code: String!) {
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

/** Everything the progress page shows, from the API's campaignProgress (the shared progress arithmetic). */
export const CampaignProgressFiguresFragment = graphql(`
  fragment CampaignProgressFigures on CampaignProgress {
    asOf
    from
    to
    countedStatuses
    center {
      id
      name
      ancestors {
        id
        name
      }
    }
    enrolled
    newCount
    continuingCount
    countParticipants
    target
    percent
    daysLeft
    dailyPaceNeeded
    last7DaysPace
    projectedFinishDate
    products {
      product
      enrolled
      newCount
      continuingCount
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
      products {
        product
        enrolled
        target
        percent
      }
    }
  }
`)

export const CampaignProgressQuery = graphql(
  `
  query CampaignProgress($campaign: ID!, $center: ID, $from: Date, $to: Date) {
    campaignProgress(campaign: $campaign, center: $center, from: $from, to: $to) {
      ...CampaignProgressFigures
    }
  }
`,
  [CampaignProgressFiguresFragment],
)

/** One product's curve: its days against its own target, and the pace it needs. */
export const ProductCurveFragment = graphql(`
  fragment ProductCurve on CampaignProgress {
    asOf
    target
    dailyPaceNeeded
    days {
      date
      enrolled
      cumulative
      target
    }
  }
`)

/**
 * Each product's curve, one chart each: 16,000 and 350,000 cannot share an axis. Whole-campaign
 * curves, as the targets they are drawn against are the campaign's.
 */
export const ProductCurvesQuery = graphql(
  `
  query ProductCurves($campaign: ID!, $center: ID) {
    voluntary: campaignProgress(campaign: $campaign, center: $center, product: VOLUNTARY_SOCIAL_INSURANCE) {
      ...ProductCurve
    }
    household: campaignProgress(campaign: $campaign, center: $center, product: HOUSEHOLD_HEALTH_INSURANCE) {
      ...ProductCurve
    }
  }
`,
  [ProductCurveFragment],
)

/** The same figures, pushed by the API (at most once a second) after enrollments change. */
export const CampaignProgressChangedSubscription = graphql(
  `
  subscription CampaignProgressChanged($campaign: ID!, $center: ID, $from: Date, $to: Date) {
    campaignProgressChanged(campaign: $campaign, center: $center, from: $from, to: $to) {
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
