// /enrollments/new: the registration form, for those who register (a viewer only reads); with
// `renew`, prefilled from the enrollment it renews (renewalDraft: the same people, the current quote);
// with `household`, the people joining a household already enrolled.
import { Alert } from '@mantine/core'
import { formatDate } from '@tangtoc/shared'
import { useSearch } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { useQuery } from 'urql'
import { WritersOnly } from '../auth/AdminOnly.tsx'
import { graphql } from '../graphql.ts'
import { useEnumLabel } from '../i18n/labels.ts'
import { useLocale } from '../i18n/useLocale.ts'
import { MissingRecord } from '../shell/QueryState.tsx'
import { RegistrationForm } from './RegistrationForm.tsx'
import { joiningValues, renewalValues } from './registration.ts'

/** A person as the registration form takes them (renewalValues). */
const RenewalPersonFields = graphql(`
  fragment RenewalPersonFields on RenewalPerson @_unmask {
    fullName
    citizenId
    dateOfBirth
    sex
    phone
    address
    wardCode
  }
`)

export const RenewalDraftQuery = graphql(
  `
  query RenewalDraft($enrollment: ID!) {
    renewalDraft(enrollment: $enrollment) {
      product
      months
      monthlyIncome
      supportGroups
      continuity
      on
      person {
        ...RenewalPersonFields
      }
      householdMembers {
        isHead
        insuredElsewhere
        relationToHead
        person {
          ...RenewalPersonFields
        }
      }
      renews {
        id
        coverageEnd
      }
    }
  }
`,
  [RenewalPersonFields],
)

export function NewEnrollmentPage() {
  const { t } = useTranslation()
  const { renew, household } = useSearch({ from: '/enrollments/new' })
  return (
    <WritersOnly>
      {renew ? (
        <Renewal enrollment={renew} />
      ) : household ? (
        <RegistrationForm
          initial={joiningValues(household)}
          notice={
            <Alert color="blue" role="status">
              {t('enrollment.joining')}
            </Alert>
          }
        />
      ) : (
        <RegistrationForm />
      )}
    </WritersOnly>
  )
}

function Renewal({ enrollment }: { enrollment: string }) {
  const { t } = useTranslation()
  const { intlLocale } = useLocale()
  const label = useEnumLabel()
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: RenewalDraftQuery,
    variables: { enrollment },
  })
  const draft = data?.renewalDraft
  if (!draft) {
    return (
      <MissingRecord
        result={{ fetching, data, error }}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        notFound={t('enrollment.notFound')}
      />
    )
  }
  const coveredUntil = draft.renews.find((renewed) => renewed.coverageEnd)?.coverageEnd
  return (
    <RegistrationForm
      initial={renewalValues(draft)}
      notice={
        <Alert color="blue" role="status">
          {t('enrollment.renewal', {
            until: coveredUntil ? formatDate(coveredUntil, intlLocale) : '—',
            continuity: label('Continuity', draft.continuity),
          })}
        </Alert>
      }
    />
  )
}
