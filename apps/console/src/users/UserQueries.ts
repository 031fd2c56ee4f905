import { graphql } from '../graphql.ts'
import { UserErrorTextFields } from '../shell/typedErrors.ts'

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
    query Users($search: String) {
      users(first: 100, filter: { search: $search }) {
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
        ...UserErrorTextFields
      }
    }
  `,
  [UserRowFields, UserErrorTextFields],
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
        ...UserErrorTextFields
      }
    }
  `,
  [UserRowFields, UserErrorTextFields],
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
        ... on UserError {
          message
          messageVi
        }
      }
    }
  `,
  [UserRowFields],
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
      ...UserErrorTextFields
    }
  }
`,
  [UserErrorTextFields],
)
