import { graphql } from '../graphql.ts'

export const ImportBatchesQuery = graphql(`
  query ImportBatches {
    importBatches(first: 20) {
      totalCount
      edges {
        node {
          id
          fileName
          product
          status
          rowCount
          committedCount
          refusedCount
          createdAt
          center {
            name
          }
          uploadedBy {
            displayName
          }
        }
      }
    }
  }
`)

export const ImportBatchQuery = graphql(`
  query ImportBatch($id: ID!) {
    node(id: $id) {
      ... on ImportBatch {
        id
        fileName
        product
        encoding
        status
        rowCount
        committedCount
        refusedCount
        errorFilePath
        columns {
          header
          field
        }
        preview {
          rowCount
          validCount
          invalidCount
          duplicateCount
          onFileCount
          joiningCount
          totals {
            product
            enrollments
            households
            payable
          }
          problems {
            code
            message
            messageVi
          }
          rows(onlyInvalid: true, first: 200) {
            line
            fullName
            citizenId
            issues {
              field
              code
              message
              messageVi
            }
          }
        }
      }
    }
  }
`)

export const SetImportColumnsMutation = graphql(`
  mutation SetImportColumns($input: SetImportColumnsInput!) {
    setImportColumns(input: $input) {
      __typename
      ... on ImportBatchPayload {
        batch {
          id
        }
      }
      ... on UserError {
        code
        message
      }
    }
  }
`)

export const CommitImportBatchMutation = graphql(`
  mutation CommitImportBatch($input: CommitImportBatchInput!) {
    commitImportBatch(input: $input) {
      __typename
      ... on ImportBatchPayload {
        batch {
          id
          status
        }
      }
      ... on UserError {
        code
        message
      }
    }
  }
`)

export const ImportBatchProgressSubscription = graphql(`
  subscription ImportBatchProgress($batch: ID!) {
    importBatchProgress(batch: $batch) {
      status
      rowCount
      committedCount
      refusedCount
    }
  }
`)
