import { Button, Group, MultiSelect, NumberInput, Select, Stack } from '@mantine/core'
import { useForm } from '@mantine/form'
import {
  allowedPaymentPeriods,
  describeIssue,
  type EnrollmentStatus,
  type Product,
  type SupportGroup,
  supportGroups,
} from '@tangtoc/shared'
import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation, useQuery } from 'urql'
import { graphql } from '../graphql.ts'
import { useEnumLabel } from '../i18n/labels.ts'
import { useLocale } from '../i18n/useLocale.ts'
import { sessionChoice } from '../sessions/sessionChoice.ts'
import { FormErrorAlert, useFormError } from '../shell/formError.tsx'
import { formFieldOf, localized, TypedErrorFields } from '../shell/typedErrors.ts'
import { LiveQuote, type QuoteFieldErrors } from './LiveQuote.tsx'

export const EnrollmentSessionOptionsQuery = graphql(`
  query EnrollmentSessionOptions($filter: OutreachSessionFilter!) {
    outreachSessions(first: 100, filter: $filter, orderBy: STARTS_AT_DESC) {
      edges {
        node {
          id
          title
          startsAt
        }
      }
    }
  }
`)

export const UpdateEnrollmentMutation = graphql(
  `
    mutation UpdateEnrollment($input: UpdateEnrollmentInput!) {
      updateEnrollment(input: $input) {
        __typename
        ... on UpdateEnrollmentPayload {
          enrollment {
            id
            version
            months
            monthlyIncome
            supportGroups
            gross
            support
            payable
            periodStart
            periodEnd
            session {
              id
              title
            }
          }
        }
        ...TypedErrorFields
      }
    }
  `,
  [TypedErrorFields],
)

type EditValues = {
  session: string | null
  months: string | null
  monthlyIncome: number | string
  supportGroups: SupportGroup[]
}

/** Changes a draft or submitted enrollment's contribution inputs, with the new quote live. */
export function EnrollmentEditForm({
  enrollment,
  householdMembers,
  onDone,
}: {
  enrollment: {
    id: string
    version: number
    product: Product
    status: EnrollmentStatus
    months: number
    monthlyIncome: number | null
    supportGroups: readonly SupportGroup[]
    quoteDate: string
    campaign: { id: string; jurisdiction: string }
    center: { id: string }
    session: { id: string } | null
  }
  householdMembers: number
  onDone: (changed: boolean) => void
}) {
  const { t } = useTranslation()
  const { locale, intlLocale } = useLocale()
  const label = useEnumLabel()
  const vsi = enrollment.product === 'VOLUNTARY_SOCIAL_INSURANCE'
  const form = useForm<EditValues>({
    initialValues: {
      session: enrollment.session?.id ?? null,
      months: String(enrollment.months),
      monthlyIncome: enrollment.monthlyIncome ?? '',
      supportGroups: [...enrollment.supportGroups],
    },
    validateInputOnChange: true,
    validate: {
      months: (value) => (value ? null : t('enrollment.errors.required')),
      monthlyIncome: (value) =>
        vsi && value === '' ? describeIssue({ code: 'INCOME_REQUIRED' }, locale) : null,
    },
  })
  const values = form.getValues()
  const [{ data: sessionOptions }] = useQuery({
    query: EnrollmentSessionOptionsQuery,
    variables: {
      filter: { campaign: enrollment.campaign.id, center: enrollment.center.id, status: ['PLANNED', 'DONE'] },
    },
  })
  const [quoteErrors, setQuoteErrors] = useState<QuoteFieldErrors>({})
  const onQuoteErrors = useCallback((errors: QuoteFieldErrors) => setQuoteErrors(errors), [])
  const { problem, clear, unanswered, failed } = useFormError(form.setErrors, formFieldOf(form))
  const [{ fetching }, update] = useMutation(UpdateEnrollmentMutation)
  const periods = allowedPaymentPeriods(enrollment.product)
  const quoteError = (field: string) => {
    const error = quoteErrors[field]
    return error ? localized(error, locale) : undefined
  }

  return (
    <form
      noValidate
      aria-label={t('enrollment.edit')}
      onSubmit={form.onSubmit(async (submitted) => {
        clear()
        const result = await update({
          input: {
            id: enrollment.id,
            version: enrollment.version,
            months: Number(submitted.months),
            ...(submitted.session !== (enrollment.session?.id ?? null) ? { session: submitted.session } : {}),
            ...(vsi ? { monthlyIncome: Number(submitted.monthlyIncome) } : {}),
            supportGroups: submitted.supportGroups,
          },
        })
        const outcome = result.data?.updateEnrollment
        if (!outcome) return unanswered(result.error)
        if (outcome.__typename === 'UpdateEnrollmentPayload') return onDone(true)
        failed(outcome)
      })}
    >
      <Stack gap="sm">
        <Select
          label={t('enrollment.session')}
          clearable
          searchable
          data={(sessionOptions?.outreachSessions.edges ?? []).map(({ node }) =>
            sessionChoice(node, intlLocale),
          )}
          {...form.getInputProps('session')}
        />
        <Select
          label={t('enrollment.months')}
          required
          data={periods.map((months) => ({
            value: String(months),
            label: t('enrollment.monthsValue', { count: months }),
          }))}
          {...form.getInputProps('months')}
          error={form.errors.months ?? quoteError('months')}
        />
        {vsi ? (
          <NumberInput
            label={t('enrollment.monthlyIncome')}
            required
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator={locale === 'vi' ? '.' : ','}
            decimalSeparator={locale === 'vi' ? ',' : '.'}
            suffix=" ₫"
            {...form.getInputProps('monthlyIncome')}
            error={form.errors.monthlyIncome ?? quoteError('monthlyIncome')}
          />
        ) : null}
        <MultiSelect
          label={t('enrollment.supportGroups')}
          data={supportGroups.map((group) => ({ value: group, label: label('SupportGroup', group) }))}
          {...form.getInputProps('supportGroups')}
        />
        <LiveQuote
          request={{
            product: enrollment.product,
            months: values.months ? Number(values.months) : null,
            monthlyIncome: typeof values.monthlyIncome === 'number' ? values.monthlyIncome : null,
            supportGroups: values.supportGroups,
            householdMembers: Math.max(householdMembers, 1),
            // Re-quoted as the API re-prices it: on its quote date, by its campaign's rules.
            jurisdiction: enrollment.campaign.jurisdiction,
            on: enrollment.quoteDate,
          }}
          onFieldErrors={onQuoteErrors}
        />
        <FormErrorAlert problem={problem} />
        <Group gap="sm">
          <Button type="submit" loading={fetching}>
            {t('enrollment.save')}
          </Button>
          <Button variant="default" onClick={() => onDone(false)}>
            {t('enrollment.action.back')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
