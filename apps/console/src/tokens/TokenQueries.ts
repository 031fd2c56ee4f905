import { graphql } from '../graphql.ts'
import { UserErrorTextFields } from '../shell/typedErrors.ts'

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
    query ApiTokens($includeRevoked: Boolean) {
      apiTokens(first: 100, filter: { includeRevoked: $includeRevoked }) {
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
        ...UserErrorTextFields
      }
    }
  `,
  [ApiTokenRowFields, UserErrorTextFields],
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
        ... on UserError {
          message
          messageVi
        }
      }
    }
  `,
  [ApiTokenRowFields],
)
