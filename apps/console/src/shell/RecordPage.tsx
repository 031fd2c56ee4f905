// /records/$id: any record by its global id (a ConflictError's existingId, an audit event's record),
// sent on to the screen that shows it.
import { Navigate, useParams } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { useQuery } from 'urql'
import { graphql } from '../graphql.ts'
import { MissingRecord } from './QueryState.tsx'

export const RecordQuery = graphql(`
  query Record($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Campaign {
        code
      }
      ... on Center {
        code
      }
      ... on User {
        username
      }
      ... on Person {
        citizenId
      }
    }
  }
`)

export function RecordPage() {
  const { t } = useTranslation()
  const { id } = useParams({ from: '/records/$id' })
  const [{ data, fetching, error }, reexecute] = useQuery({ query: RecordQuery, variables: { id } })
  const record = data?.node
  switch (record?.__typename) {
    case 'Campaign':
      return <Navigate to="/campaigns/$code" params={{ code: record.code }} replace />
    case 'Enrollment':
      return <Navigate to="/enrollments/$id" params={{ id: record.id }} replace />
    case 'Payment':
      return <Navigate to="/payments/$id/receipt" params={{ id: record.id }} replace />
    case 'OutreachSession':
      return <Navigate to="/sessions/$id" params={{ id: record.id }} replace />
    case 'Center':
      return <Navigate to="/centers" replace />
    case 'User':
      return <Navigate to="/users" replace />
    case 'ApiToken':
      return <Navigate to="/tokens" replace />
    case 'Person':
      return <Navigate to="/enrollments" search={{ search: record.citizenId }} replace />
  }
  return (
    <MissingRecord
      result={{ fetching, data, error }}
      onRetry={() => reexecute({ requestPolicy: 'network-only' })}
      notFound={t('record.notFound')}
    />
  )
}
