import { Alert, Button, Group, Stack } from '@mantine/core'
import { type EnrollmentAction, formatDate } from '@tangtoc/shared'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type CombinedError, useMutation } from 'urql'
import { graphql } from '../graphql.ts'
import { useEnumLabel } from '../i18n/labels.ts'
import { useLocale } from '../i18n/useLocale.ts'
import {
  PaymentRecorded,
  type PaymentTarget,
  type RecordedPayment,
  RecordPaymentModal,
} from '../payments/RecordPaymentForm.tsx'
import { ReasonModal } from '../shell/ReasonModal.tsx'
import { isTypedError, placeTypedError, type TypedError, TypedErrorFields } from '../shell/typedErrors.ts'

/** What a lifecycle step changes, for the cache to update every view of the enrollment. */
const EnrollmentAfterStep = graphql(`
  fragment EnrollmentAfterStep on Enrollment {
    id
    status
    statusReason
    version
    availableActions
  }
`)

export const SubmitEnrollmentMutation = graphql(
  `
    mutation SubmitEnrollment($input: SubmitEnrollmentInput!) {
      submitEnrollment(input: $input) {
        __typename
        ... on SubmitEnrollmentPayload {
          enrollment {
            ...EnrollmentAfterStep
          }
        }
        ...TypedErrorFields
      }
    }
  `,
  [TypedErrorFields, EnrollmentAfterStep],
)

export const ActivateEnrollmentMutation = graphql(
  `
    mutation ActivateEnrollment($input: ActivateEnrollmentInput!) {
      activateEnrollment(input: $input) {
        __typename
        ... on ActivateEnrollmentPayload {
          enrollment {
            ...EnrollmentAfterStep
          }
        }
        ...TypedErrorFields
      }
    }
  `,
  [TypedErrorFields, EnrollmentAfterStep],
)

export const RejectEnrollmentMutation = graphql(
  `
    mutation RejectEnrollment($input: RejectEnrollmentInput!) {
      rejectEnrollment(input: $input) {
        __typename
        ... on RejectEnrollmentPayload {
          enrollment {
            ...EnrollmentAfterStep
          }
        }
        ...TypedErrorFields
      }
    }
  `,
  [TypedErrorFields, EnrollmentAfterStep],
)

export const CancelEnrollmentMutation = graphql(
  `
    mutation CancelEnrollment($input: CancelEnrollmentInput!) {
      cancelEnrollment(input: $input) {
        __typename
        ... on CancelEnrollmentPayload {
          enrollment {
            ...EnrollmentAfterStep
          }
        }
        ...TypedErrorFields
      }
    }
  `,
  [TypedErrorFields, EnrollmentAfterStep],
)

const withReason = new Set<EnrollmentAction>(['REJECT', 'CANCEL'])
const actionOrder: EnrollmentAction[] = ['SUBMIT', 'CONFIRM_PAYMENT', 'ACTIVATE', 'REJECT', 'CANCEL']

/** A step taken by one mutation on the enrollment alone (recording a payment has its own form). */
type Step = Exclude<EnrollmentAction, 'CONFIRM_PAYMENT'>
type Outcome = { __typename: string } | null | undefined
type Report =
  | { ok: true; text: string }
  | { ok: true; recorded: RecordedPayment }
  | { ok: false; text: string }

type Enrollment = { id: string; version: number; availableActions: readonly EnrollmentAction[] }

/** The lifecycle steps the viewer may take now (from the API), each reporting success or its typed error. */
export function EnrollmentActions({
  enrollment,
  payment,
  nextPeriod = null,
  onChanged,
}: {
  enrollment: Enrollment
  /** What recording a payment pays for (the registration's enrollments together, when there is one). */
  payment: PaymentTarget
  /** A paid voluntary social insurance enrollment's next period, to collect (null: none, or not for the viewer). */
  nextPeriod?: NextPeriod | null
  onChanged: () => void
}) {
  const [paying, setPaying] = useState<PaymentTarget | null>(null)
  const steps = useEnrollmentSteps(enrollment, onChanged)
  const { asking, report, setReport } = steps
  const actions = actionOrder.filter((action) => enrollment.availableActions.includes(action))
  const start = (action: EnrollmentAction) => {
    setReport(null)
    if (action === 'CONFIRM_PAYMENT') setPaying(payment)
    else if (withReason.has(action)) steps.askReason(action)
    else void steps.run(action)
  }
  return (
    <Stack gap="sm">
      <ActionButtons
        actions={actions}
        nextPeriod={nextPeriod}
        busy={steps.busy && asking === null}
        onAction={start}
        onNextPeriod={(period) => {
          setReport(null)
          setPaying({
            enrollments: [{ id: enrollment.id, version: enrollment.version }],
            due: period.payable,
            timeZone: payment.timeZone,
          })
        }}
      />
      <StepReport report={report} />
      <RecordPaymentModal
        target={paying}
        onClose={() => setPaying(null)}
        onRecorded={(recorded) => {
          setReport({ ok: true, recorded })
          onChanged()
        }}
      />
      <StepReasonModal steps={steps} />
    </Stack>
  )
}

/** How the last step went: done, the payment recorded, or why it was refused. */
function StepReport({ report }: { report: Report | null }) {
  if (!report) return null
  return (
    <Alert color={report.ok ? 'green' : 'red'} role={report.ok ? 'status' : 'alert'}>
      {'recorded' in report ? <PaymentRecorded payment={report.recorded} /> : report.text}
    </Alert>
  )
}

/** The reason a step waiting for one (rejecting, cancelling) asks, with the error beside it. */
function StepReasonModal({ steps }: { steps: ReturnType<typeof useEnrollmentSteps> }) {
  const { t } = useTranslation()
  const label = useEnumLabel()
  const { asking } = steps
  return (
    <ReasonModal
      opened={asking !== null}
      title={asking ? label('EnrollmentAction', asking) : ''}
      submitLabel={asking ? label('EnrollmentAction', asking) : ''}
      reasonLabel={t('enrollment.action.reason')}
      busy={steps.busy}
      error={steps.reasonError}
      onClose={() => steps.setAsking(null)}
      onSubmit={(why) => {
        if (asking) void steps.run(asking, why)
      }}
    />
  )
}

function ActionButtons({
  actions,
  nextPeriod,
  busy,
  onAction,
  onNextPeriod,
}: {
  actions: EnrollmentAction[]
  nextPeriod: NextPeriod | null
  busy: boolean
  onAction: (action: EnrollmentAction) => void
  onNextPeriod: (period: NextPeriod) => void
}) {
  const { t } = useTranslation()
  const { intlLocale } = useLocale()
  const label = useEnumLabel()
  if (actions.length === 0 && !nextPeriod) return null
  return (
    <Group gap="sm">
      {nextPeriod ? (
        <Button onClick={() => onNextPeriod(nextPeriod)}>
          {t('payment.nextPeriod', {
            start: formatDate(nextPeriod.start, intlLocale),
            end: formatDate(nextPeriod.end, intlLocale),
          })}
        </Button>
      ) : null}
      {actions.map((action) => (
        <Button
          key={action}
          variant={withReason.has(action) ? 'outline' : 'filled'}
          color={withReason.has(action) ? 'red' : 'blue'}
          loading={busy}
          onClick={() => onAction(action)}
        >
          {label('EnrollmentAction', action)}
        </Button>
      ))}
    </Group>
  )
}

type NextPeriod = { start: string; end: string; payable: number }
/**
 * Taking a step: the step waiting for its reason (rejecting, cancelling), the error beside that reason,
 * and the report of the last step (a stale version reloads the enrollment).
 */
function useEnrollmentSteps(enrollment: Enrollment, onChanged: () => void) {
  const { t } = useTranslation()
  const { locale } = useLocale()
  const label = useEnumLabel()
  const [asking, setAsking] = useState<Step | null>(null)
  const [reasonError, setReasonError] = useState<string | null>(null)
  const [report, setReport] = useState<Report | null>(null)
  const { busy, perform } = useStepMutations()
  const finish = (next: Report) => {
    setAsking(null)
    setReport(next)
  }

  async function run(action: Step, why?: string) {
    const base = { id: enrollment.id, version: enrollment.version }
    const { outcome, error } = await perform(action, base, { ...base, reason: why ?? '' })
    if (outcome && !isTypedError(outcome)) {
      finish({ ok: true, text: t('enrollment.action.done', { action: label('EnrollmentAction', action) }) })
      onChanged()
      return
    }
    if (!isTypedError(outcome))
      return finish({ ok: false, text: error?.message ?? t('enrollment.errors.unknown') })
    const placed = placeTypedError(outcome as TypedError, locale, (path) =>
      path[path.length - 1] === 'reason' ? 'reason' : null,
    )
    if (asking && placed.fields.reason) return setReasonError(placed.fields.reason)
    const stale = outcome.__typename === 'StaleObjectError'
    finish({
      ok: false,
      text: [...placed.general, stale ? t('enrollment.action.reloaded') : ''].join(' ').trim(),
    })
    if (stale) onChanged()
  }

  const askReason = (action: Step) => {
    setReasonError(null)
    setAsking(action)
  }
  return { asking, setAsking, askReason, reasonError, report, setReport, busy, run }
}

/** The step's mutation, and what it answered: the payload or typed error, else the request's error. */
function useStepMutations() {
  const [submit, doSubmit] = useMutation(SubmitEnrollmentMutation)
  const [activate, doActivate] = useMutation(ActivateEnrollmentMutation)
  const [reject, doReject] = useMutation(RejectEnrollmentMutation)
  const [cancel, doCancel] = useMutation(CancelEnrollmentMutation)
  const busy = submit.fetching || activate.fetching || reject.fetching || cancel.fetching

  function perform(
    action: Step,
    base: { id: string; version: number },
    reasoned: { id: string; version: number; reason: string },
  ): Promise<{ outcome: Outcome; error?: CombinedError }> {
    switch (action) {
      case 'SUBMIT':
        return doSubmit({ input: base }).then(({ data, error }) => ({
          outcome: data?.submitEnrollment,
          error,
        }))
      case 'ACTIVATE':
        return doActivate({ input: base }).then(({ data, error }) => ({
          outcome: data?.activateEnrollment,
          error,
        }))
      case 'REJECT':
        return doReject({ input: reasoned }).then(({ data, error }) => ({
          outcome: data?.rejectEnrollment,
          error,
        }))
      case 'CANCEL':
        return doCancel({ input: reasoned }).then(({ data, error }) => ({
          outcome: data?.cancelEnrollment,
          error,
        }))
    }
  }
  return { busy, perform }
}
