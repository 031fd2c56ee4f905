import { graphql } from '../graphql.ts'
import { TypedErrorFields } from '../shell/typedErrors.ts'

export const ApiTokenRowFields = graphql(`
  fragment ApiTokenRowFields on ApiToken {
    id
    name
    prefix
    scope
    createdAt
    expiresAt
    lastUsedAt
    revokedAt
    user {
      id
      username
      displayName
    }
  }
`)

export const ApiTokensQuery = graphql(
  `
    query ApiTokens($includeRevoked: Boolean, $first: Int!, $offset: Int) {
      apiTokens(first: $first, offset: $offset, filter: { includeRevoked: $includeRevoked }) {
        totalCount
        edges {
          node {
            ...ApiTokenRowFields
          }
        }
      }
    }
  `,
  [ApiTokenRowFields],
)

export const CreateApiTokenMutation = graphql(
  `
    mutation CreateApiToken($input: CreateApiTokenInput!) {
      createApiToken(input: $input) {
        __typename
        ... on CreateApiTokenPayload {
          secret
          apiToken {
            ...ApiTokenRowFields
          }
        }
        ...TypedErrorFields
      }
    }
  `,
  [ApiTokenRowFields, TypedErrorFields],
)

export const RevokeApiTokenMutation = graphql(
  `
    mutation RevokeApiToken($input: RevokeApiTokenInput!) {
      revokeApiToken(input: $input) {
        __typename
        ... on RevokeApiTokenPayload {
          apiToken {
            ...ApiTokenRowFields
          }
        }
        ...TypedErrorFields
      }
    }
  `,
  [ApiTokenRowFields, TypedErrorFields],
)
