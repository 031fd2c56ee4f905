// Recording money received: the day, the amount (what is due, filled in), the channel, the receipt's
// number and a note. A registration's enrollments (a household's) are paid together by one payment;
// an amount below what is due is recorded only when the collector says it is a partial payment.
import { Button, Checkbox, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { type UseFormReturnType, useForm } from '@mantine/form'
import { formatDong, localDateInZone, type PaymentChannel, paymentChannels } from '@tangtoc/shared'
import { useTranslation } from 'react-i18next'
import { useMutation } from 'urql'
import { graphql } from '../graphql.ts'
import { useEnumLabel } from '../i18n/labels.ts'
import { useLocale } from '../i18n/useLocale.ts'
import { DateField } from '../shell/DateField.tsx'
import { DongInput } from '../shell/DongInput.tsx'
import { FormErrorAlert, useFormError } from '../shell/formError.tsx'
import { AnchorLink } from '../shell/links.tsx'
import { useSubmitKey } from '../shell/submitKey.ts'
import { formFieldOf, TypedErrorFields } from '../shell/typedErrors.ts'

export const RecordPaymentMutation = graphql(
  `
    mutation RecordPayment($input: RecordPaymentInput!) {
      recordPayment(input: $input) {
        __typename
        ... on RecordPaymentPayload {
          payment {
            id
            receiptNumber
            amount
            settlement
          }
          enrollments {
            id
            status
            version
            availableActions
            coverageStart
            coverageEnd
            continuity
            countedOn
            received
            due
          }
        }
        ...TypedErrorFields
      }
    }
  `,
  [TypedErrorFields],
)

type PaymentValues = {
  paidOn: string
  amount: number | string
  channel: string | null
  receiptNumber: string
  partial: boolean
  note: string
}

/**
 * What is paid for: a registration's unpaid enrollments together (`count` of them), or enrollments of
 * one center at the versions read (one, or a selection paid with one receipt); `timeZone` is their
 * campaign's (the first one's, as the API reads it), whose today the payment is dated by default.
 */
export type PaymentTarget = { due: number; timeZone: string } & (
  | { registration: string; count: number }
  | { enrollments: readonly { id: string; version: number }[] }
)

/** The payment form; `onRecorded` receives the stored payment (its id leads to the receipt). */
export function RecordPaymentForm({
  target,
  onRecorded,
  onCancel,
}: {
  target: PaymentTarget
  onRecorded: (payment: RecordedPayment) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const { intlLocale } = useLocale()
  const form = usePaymentForm(target)
  const { problem, clear, invalid, unanswered, failed } = useFormError(form.setErrors, formFieldOf(form))
  const [{ fetching }, record] = useMutation(RecordPaymentMutation)
  const submitKey = useSubmitKey()
  const values = form.getValues()
  const count = 'registration' in target ? target.count : target.enrollments.length
  const short = typeof values.amount === 'number' && values.amount < target.due

  return (
    <form
      noValidate
      aria-label={t('payment.record')}
      onSubmit={form.onSubmit(async (submitted) => {
        clear()
        const input = paymentInput(target, submitted)
        const result = await record({ input }, submitKey.contextFor(input))
        const outcome = result.data?.recordPayment
        if (!outcome) return unanswered(result.error)
        submitKey.answered()
        if (outcome.__typename === 'RecordPaymentPayload') return onRecorded(outcome.payment)
        failed(outcome)
      }, invalid)}
    >
      <Stack gap="sm">
        <Text size="sm">
          {count > 1
            ? t('payment.dueTogether', { count, amount: formatDong(target.due, intlLocale) })
            : t('payment.due', { amount: formatDong(target.due, intlLocale) })}
        </Text>
        <PaymentFields form={form} short={short} />
        <FormErrorAlert problem={problem} existing={t('payment.openExisting')} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('enrollment.action.back')}
          </Button>
          <Button type="submit" loading={fetching}>
            {t('payment.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

/** The form's values, today and the amount due filled in, each required field saying so. */
function usePaymentForm({ due, timeZone }: PaymentTarget) {
  const { t } = useTranslation()
  return useForm<PaymentValues>({
    initialValues: {
      paidOn: localDateInZone(new Date(), timeZone),
      amount: due,
      channel: 'CASH_AT_POST_OFFICE',
      receiptNumber: '',
      partial: false,
      note: '',
    },
    validateInputOnBlur: true,
    validate: {
      paidOn: (value) => (value ? null : t('payment.errors.paidOnRequired')),
      amount: (value) => (typeof value === 'number' && value > 0 ? null : t('payment.errors.amountRequired')),
      channel: (value) => (value ? null : t('payment.errors.channelRequired')),
      receiptNumber: (value) => (value.trim() ? null : t('payment.errors.receiptNumberRequired')),
    },
  })
}

/** The API's input: what is paid for, and the form's values trimmed (a blank note left out). */
function paymentInput(target: PaymentTarget, submitted: PaymentValues) {
  return {
    ...('registration' in target
      ? { registration: target.registration }
      : { enrollments: target.enrollments.map(({ id, version }) => ({ id, version })) }),
    paidOn: submitted.paidOn,
    amount: Number(submitted.amount),
    channel: submitted.channel as PaymentChannel,
    receiptNumber: submitted.receiptNumber.trim(),
    partial: submitted.partial,
    ...(submitted.note.trim() ? { note: submitted.note.trim() } : {}),
  }
}

/** The day, the amount (a short one asked whether it is partial), the channel, the receipt and a note. */
function PaymentFields({ form, short }: { form: UseFormReturnType<PaymentValues>; short: boolean }) {
  const { t } = useTranslation()
  const label = useEnumLabel()
  return (
    <>
      <DateField label={t('payment.paidOn')} required {...form.getInputProps('paidOn')} />
      <DongInput label={t('payment.amount')} required {...form.getInputProps('amount')} />
      {short ? (
        <Checkbox
          label={t('payment.partial')}
          description={t('payment.partialHint')}
          {...form.getInputProps('partial', { type: 'checkbox' })}
        />
      ) : null}
      <Select
        label={t('payment.channel')}
        required
        allowDeselect={false}
        data={paymentChannels.map((channel) => ({
          value: channel,
          label: label('PaymentChannel', channel),
        }))}
        {...form.getInputProps('channel')}
      />
      <TextInput
        label={t('payment.receiptNumber')}
        description={t('payment.receiptNumberHint')}
        required
        {...form.getInputProps('receiptNumber')}
        data-autofocus
      />
      <Textarea label={t('payment.note')} rows={2} {...form.getInputProps('note')} />
    </>
  )
}

/** A payment as stored: its id leads to the receipt. */
export type RecordedPayment = { id: string; receiptNumber: string | null }

/** The payment form in a dialog, open while there is something to pay for. */
export function RecordPaymentModal({
  target,
  onClose,
  onRecorded,
}: {
  target: PaymentTarget | null
  onClose: () => void
  onRecorded: (payment: RecordedPayment) => void
}) {
  const { t } = useTranslation()
  return (
    <Modal opened={target !== null} onClose={onClose} title={t('payment.record')}>
      {target ? (
        <RecordPaymentForm
          target={target}
          onCancel={onClose}
          onRecorded={(payment) => {
            onClose()
            onRecorded(payment)
          }}
        />
      ) : null}
    </Modal>
  )
}

/** What a recorded payment reports: its receipt's number, and the receipt to print. */
export function PaymentRecorded({ payment }: { payment: RecordedPayment }) {
  const { t } = useTranslation()
  return (
    <>
      {t('payment.recorded', { number: payment.receiptNumber })}{' '}
      <AnchorLink to="/payments/$id/receipt" params={{ id: payment.id }}>
        {t('payment.printReceipt')}
      </AnchorLink>
    </>
  )
}
