import { graphql } from '../graphql.ts'
import { TypedErrorFields } from '../shell/typedErrors.ts'

export const UserRowFields = graphql(`
  fragment UserRowFields on User {
    id
    username
    displayName
    role
    active
    version
    center {
      id
      code
      name
    }
  }
`)

export const UsersQuery = graphql(
  `
    query Users($search: String, $first: Int!, $offset: Int) {
      users(first: $first, offset: $offset, filter: { search: $search }) {
        totalCount
        edges {
          node {
            ...UserRowFields
          }
        }
      }
    }
  `,
  [UserRowFields],
)

export const CreateUserMutation = graphql(
  `
    mutation CreateUser($input: CreateUserInput!) {
      createUser(input: $input) {
        __typename
        ... on UserPayload {
          user {
            ...UserRowFields
          }
        }
        ...TypedErrorFields
      }
    }
  `,
  [UserRowFields, TypedErrorFields],
)

export const UpdateUserMutation = graphql(
  `
    mutation UpdateUser($input: UpdateUserInput!) {
      updateUser(input: $input) {
        __typename
        ... on UserPayload {
          user {
            ...UserRowFields
          }
        }
        ...TypedErrorFields
      }
    }
  `,
  [UserRowFields, TypedErrorFields],
)

export const DeactivateUserMutation = graphql(
  `
    mutation DeactivateUser($input: DeactivateUserInput!) {
      deactivateUser(input: $input) {
        __typename
        ... on UserPayload {
          user {
            ...UserRowFields
          }
        }
        ...TypedErrorFields
      }
    }
  `,
  [UserRowFields, TypedErrorFields],
)

export const ResetUserPasswordMutation = graphql(
  `
  mutation ResetUserPassword($input: ResetUserPasswordInput!) {
    resetUserPassword(input: $input) {
      __typename
      ... on UserPayload {
        user {
          id
          version
        }
      }
      ...TypedErrorFields
    }
  }
`,
  [TypedErrorFields],
)
