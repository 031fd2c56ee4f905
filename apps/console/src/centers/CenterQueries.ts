import { graphql } from '../graphql.ts'
import { TypedErrorFields } from '../shell/typedErrors.ts'

export const CenterNodeFields = graphql(`
  fragment CenterNodeFields on Center {
    id
    code
    name
    kind
    organization
    address
    version
    parent {
      id
    }
    ward {
      code
      fullName
    }
    children(first: 1) {
      totalCount
    }
    staffCount
    liveEnrollmentCount
  }
`)

/** Centers whose name or code matches a search, typed with or without diacritics, with where they sit. */
export const CenterSearchQuery = graphql(
  `
    query CenterSearch($search: String!) {
      centers(first: 100, filter: { search: $search }, orderBy: NAME_ASC) {
        totalCount
        edges {
          node {
            ...CenterNodeFields
            ancestors {
              id
              name
            }
          }
        }
      }
    }
  `,
  [CenterNodeFields],
)

export const RootCentersQuery = graphql(
  `
    query RootCenters {
      centers(first: 100, filter: { rootsOnly: true }) {
        edges {
          node {
            ...CenterNodeFields
          }
        }
      }
    }
  `,
  [CenterNodeFields],
)

export const CenterChildrenQuery = graphql(
  `
    query CenterChildren($code: String!) {
      center(code: $code) {
        id
        children(first: 100) {
          edges {
            node {
              ...CenterNodeFields
            }
          }
        }
      }
    }
  `,
  [CenterNodeFields],
)

/** Every center, for picking a parent. */
export const CenterChoicesQuery = graphql(`
  query CenterChoices {
    centers(first: 100) {
      edges {
        node {
          id
          code
          name
        }
      }
    }
  }
`)

export const CreateCenterMutation = graphql(
  `
    mutation CreateCenter($input: CreateCenterInput!) {
      createCenter(input: $input) {
        __typename
        ... on CreateCenterPayload {
          center {
            ...CenterNodeFields
          }
        }
        ...TypedErrorFields
      }
    }
  `,
  [CenterNodeFields, TypedErrorFields],
)

export const UpdateCenterMutation = graphql(
  `
    mutation UpdateCenter($input: UpdateCenterInput!) {
      updateCenter(input: $input) {
        __typename
        ... on UpdateCenterPayload {
          center {
            ...CenterNodeFields
          }
        }
        ...TypedErrorFields
      }
    }
  `,
  [CenterNodeFields, TypedErrorFields],
)
