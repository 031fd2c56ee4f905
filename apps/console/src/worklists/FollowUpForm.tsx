// Recording a contact attempt about a worklist entry: how (call, visit, message, at a session), what it
// came to, the day promised when the person will pay, why when they decline, and a note.
import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core'
import { type UseFormReturnType, useForm } from '@mantine/form'
import {
  campaignTimeZone,
  type FollowUpMeans,
  type FollowUpOutcome,
  followUpMeans,
  followUpOutcomes,
  localDateInZone,
} from '@tangtoc/shared'
import { useTranslation } from 'react-i18next'
import { useMutation, useQuery } from 'urql'
import { graphql } from '../graphql.ts'
import { useEnumLabel } from '../i18n/labels.ts'
import { DateField } from '../shell/DateField.tsx'
import { FormErrorAlert, useFormError } from '../shell/formError.tsx'
import { formFieldOf, TypedErrorFields } from '../shell/typedErrors.ts'

export const RecordFollowUpMutation = graphql(
  `
    mutation RecordFollowUp($input: RecordFollowUpInput!) {
      recordFollowUp(input: $input) {
        __typename
        ... on RecordFollowUpPayload {
          followUp {
            at
            outcome
          }
        }
        ...TypedErrorFields
      }
    }
  `,
  [TypedErrorFields],
)

/**
 * The time zone of the campaign an entry's enrollment or lead belongs to, asked when the form opens (the
 * worklist itself spans campaigns): a promised day is counted from today there, as the API counts it.
 */
export const FollowUpSubjectQuery = graphql(`
  query FollowUpSubject($subject: ID!) {
    node(id: $subject) {
      __typename
      ... on Enrollment {
        id
        campaign {
          id
          timeZone
        }
      }
      ... on Lead {
        id
        session {
          id
          campaign {
            id
            timeZone
          }
        }
      }
    }
  }
`)

/** The enrollment or lead an entry is about (its global id). */
export function subjectOf(entry: { enrollment: { id: string } | null; lead: { id: string } | null }): string {
  return entry.enrollment?.id ?? entry.lead?.id ?? ''
}

type FollowUpValues = {
  means: FollowUpMeans
  outcome: FollowUpOutcome | null
  promisedOn: string
  reason: string
  note: string
}

export function FollowUpForm({
  entry,
  onClose,
}: {
  entry: { fullName: string; enrollment: { id: string } | null; lead: { id: string } | null }
  onClose: (recorded: boolean) => void
}) {
  const { t } = useTranslation()
  const form = useForm<FollowUpValues>({
    initialValues: { means: 'CALL', outcome: null, promisedOn: '', reason: '', note: '' },
    validate: {
      outcome: (value) => (value ? null : t('form.required')),
      promisedOn: (value, values) => (values.outcome === 'WILL_PAY' && !value ? t('form.required') : null),
      reason: (value, values) => (values.outcome === 'DECLINED' && !value.trim() ? t('form.required') : null),
    },
  })
  const { problem, clear, invalid, unanswered, failed } = useFormError(form.setErrors, formFieldOf(form))
  const [{ fetching }, record] = useMutation(RecordFollowUpMutation)
  const timeZone = useSubjectTimeZone(subjectOf(entry))

  return (
    <Modal opened onClose={() => onClose(false)} title={t('worklist.recordTitle', { name: entry.fullName })}>
      <form
        noValidate
        aria-label={t('worklist.record')}
        onSubmit={form.onSubmit(async (values) => {
          clear()
          const result = await record({ input: followUpInput(entry, values) })
          const answer = result.data?.recordFollowUp
          if (!answer) return unanswered(result.error)
          if (answer.__typename === 'RecordFollowUpPayload') return onClose(true)
          failed(answer)
        }, invalid)}
      >
        <Stack gap="sm">
          <FollowUpFields form={form} timeZone={timeZone} />
          <FormErrorAlert problem={problem} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => onClose(false)}>
              {t('enrollment.action.back')}
            </Button>
            <Button type="submit" loading={fetching}>
              {t('worklist.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

/** The subject's campaign's time zone; the default zone until it is read. */
function useSubjectTimeZone(subject: string): string {
  const [{ data }] = useQuery({ query: FollowUpSubjectQuery, variables: { subject } })
  const node = data?.node
  if (node?.__typename === 'Enrollment') return node.campaign.timeZone
  if (node?.__typename === 'Lead') return node.session.campaign.timeZone
  return campaignTimeZone
}

/** What recording the follow-up sends: a promised day only for a promise, a reason only for a refusal. */
function followUpInput(
  entry: { enrollment: { id: string } | null; lead: { id: string } | null },
  values: FollowUpValues,
) {
  return {
    subject: subjectOf(entry),
    means: values.means,
    outcome: values.outcome as FollowUpOutcome,
    ...(values.outcome === 'WILL_PAY' ? { promisedOn: values.promisedOn } : {}),
    ...(values.outcome === 'DECLINED' ? { reason: values.reason.trim() } : {}),
    ...(values.note.trim() ? { note: values.note.trim() } : {}),
  }
}

/** How the person was reached and what they said, with the day promised or the reason given. */
function FollowUpFields({ form, timeZone }: { form: UseFormReturnType<FollowUpValues>; timeZone: string }) {
  const { t } = useTranslation()
  const label = useEnumLabel()
  const outcome = form.getValues().outcome
  return (
    <>
      <Select
        label={t('worklist.means')}
        allowDeselect={false}
        data={followUpMeans.map((value) => ({ value, label: label('FollowUpMeans', value) }))}
        {...form.getInputProps('means')}
      />
      <Select
        label={t('worklist.outcome')}
        required
        data={followUpOutcomes.map((value) => ({ value, label: label('FollowUpOutcome', value) }))}
        {...form.getInputProps('outcome')}
      />
      {outcome === 'WILL_PAY' ? (
        <DateField
          label={t('worklist.promisedOn')}
          required
          minDate={localDateInZone(new Date(), timeZone)}
          {...form.getInputProps('promisedOn')}
        />
      ) : null}
      {outcome === 'DECLINED' ? (
        <Textarea label={t('worklist.declinedReason')} required rows={2} {...form.getInputProps('reason')} />
      ) : null}
      <Textarea label={t('worklist.note')} rows={2} {...form.getInputProps('note')} />{' '}
    </>
  )
}
