import { Button, Group, MultiSelect, Select, Stack } from '@mantine/core'
import { type UseFormReturnType, useForm } from '@mantine/form'
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
import { DongInput } from '../shell/DongInput.tsx'
import { FormErrorAlert, useFormError } from '../shell/formError.tsx'
import { formFieldOf, localized, TypedErrorFields } from '../shell/typedErrors.ts'
import { LiveQuote, type QuoteFieldErrors, quoteTerms } from './LiveQuote.tsx'

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

type EditedEnrollment = {
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

/** Changes a draft or submitted enrollment's contribution inputs, with the new quote live. */
export function EnrollmentEditForm({
  enrollment,
  householdMembers,
  onDone,
}: {
  enrollment: EditedEnrollment
  householdMembers: number
  onDone: (changed: boolean) => void
}) {
  const { t } = useTranslation()
  const form = useEditForm(enrollment)
  const [quoteErrors, setQuoteErrors] = useState<QuoteFieldErrors>({})
  const onQuoteErrors = useCallback((errors: QuoteFieldErrors) => setQuoteErrors(errors), [])
  const { submit, fetching, problem } = useSaveEdit(enrollment, form, onDone)

  return (
    <form noValidate aria-label={t('enrollment.edit')} onSubmit={submit}>
      <Stack gap="sm">
        <EditFields form={form} enrollment={enrollment} quoteErrors={quoteErrors} />
        <EditQuote
          values={form.getValues()}
          enrollment={enrollment}
          householdMembers={householdMembers}
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

/**
 * Saves the edit at the version the form read (the session only when it changed, the income only for
 * voluntary social insurance); a refusal stays on the form.
 */
function useSaveEdit(enrollment: EditedEnrollment, form: EditFormState, onDone: (changed: boolean) => void) {
  const vsi = enrollment.product === 'VOLUNTARY_SOCIAL_INSURANCE'
  const { problem, clear, invalid, unanswered, failed } = useFormError(form.setErrors, formFieldOf(form))
  const [{ fetching }, update] = useMutation(UpdateEnrollmentMutation)
  const submit = form.onSubmit(async (submitted) => {
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
  }, invalid)
  return { submit, fetching, problem }
}

/** The quote of what the form holds, as the API re-prices it: on its quote date, by its campaign's rules. */
function EditQuote({
  values,
  enrollment,
  householdMembers,
  onFieldErrors,
}: {
  values: EditValues
  enrollment: EditedEnrollment
  householdMembers: number
  onFieldErrors: (errors: QuoteFieldErrors) => void
}) {
  return (
    <LiveQuote
      request={{
        product: enrollment.product,
        ...quoteTerms(values),
        householdMembers: Math.max(householdMembers, 1),
        jurisdiction: enrollment.campaign.jurisdiction,
        on: enrollment.quoteDate,
      }}
      onFieldErrors={onFieldErrors}
    />
  )
}

type EditFormState = UseFormReturnType<EditValues>

/** The form's values, from the enrollment; a voluntary social insurance one needs its income. */
function useEditForm(enrollment: EditedEnrollment): EditFormState {
  const { t } = useTranslation()
  const { locale } = useLocale()
  const vsi = enrollment.product === 'VOLUNTARY_SOCIAL_INSURANCE'
  return useForm<EditValues>({
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
}

/**
 * The session (one of the campaign's at the enrollment's center), the months its product allows, the
 * income and the support groups; the live quote's errors stand beside the fields they are about.
 */
function EditFields({
  form,
  enrollment,
  quoteErrors,
}: {
  form: EditFormState
  enrollment: EditedEnrollment
  quoteErrors: QuoteFieldErrors
}) {
  const { t } = useTranslation()
  const { locale, intlLocale } = useLocale()
  const label = useEnumLabel()
  const [{ data: sessionOptions }] = useQuery({
    query: EnrollmentSessionOptionsQuery,
    variables: {
      filter: { campaign: enrollment.campaign.id, center: enrollment.center.id, status: ['PLANNED', 'DONE'] },
    },
  })
  const quoteError = (field: string) => {
    const error = quoteErrors[field]
    return error ? localized(error, locale) : undefined
  }
  return (
    <>
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
        data={allowedPaymentPeriods(enrollment.product).map((months) => ({
          value: String(months),
          label: t('enrollment.monthsValue', { count: months }),
        }))}
        {...form.getInputProps('months')}
        error={form.errors.months ?? quoteError('months')}
      />
      {enrollment.product === 'VOLUNTARY_SOCIAL_INSURANCE' ? (
        <DongInput
          label={t('enrollment.monthlyIncome')}
          required
          {...form.getInputProps('monthlyIncome')}
          error={form.errors.monthlyIncome ?? quoteError('monthlyIncome')}
        />
      ) : null}
      <MultiSelect
        label={t('enrollment.supportGroups')}
        data={supportGroups.map((group) => ({ value: group, label: label('SupportGroup', group) }))}
        {...form.getInputProps('supportGroups')}
      />
    </>
  )
}
