// The enrollment list's bulk actions: for the selected rows, the steps the viewer's role may take on
// some of them (with how many), one mutation for the whole selection, and the outcome row by row — what
// was done, and for each refused row its name and the API's reason. Recording a payment for a selection
// is one payment with one receipt (a partner's workers paid by one transfer, say).
import { Alert, Button, Group, List, Stack, Text } from '@mantine/core'
import {
  availableActions,
  campaignTimeZone,
  type EnrollmentAction,
  type EnrollmentStatus,
  type Role,
} from '@tangtoc/shared'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useClient, useMutation } from 'urql'
import { graphql } from '../graphql.ts'
import { useEnumLabel } from '../i18n/labels.ts'
import {
  PaymentRecorded,
  type PaymentTarget,
  type RecordedPayment,
  RecordPaymentModal,
} from '../payments/RecordPaymentForm.tsx'
import { AnchorLink } from '../shell/links.tsx'
import { ReasonModal } from '../shell/ReasonModal.tsx'
import { useSubmitKey } from '../shell/submitKey.ts'
import { useLocalized } from '../shell/typedErrors.ts'

export const ApplyEnrollmentActionMutation = graphql(`
  mutation ApplyEnrollmentAction($input: ApplyEnrollmentActionInput!) {
    applyEnrollmentAction(input: $input) {
      __typename
      ... on ApplyEnrollmentActionPayload {
        done
        refused
        outcomes {
          id
          result {
            __typename
            ... on Enrollment {
              id
              status
              statusReason
              version
              availableActions
            }
            ... on UserError {
              code
              message
              messageVi
            }
          }
        }
      }
      ... on UserError {
        message
        messageVi
      }
    }
  }
`)

/** What is still due on each selected enrollment, read when the payment form opens. */
export const SelectionDueQuery = graphql(`
  query SelectionDue($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      ... on Enrollment {
        id
        version
        due
        campaign {
          id
          timeZone
        }
      }
    }
  }
`)

export type SelectedEnrollment = {
  id: string
  version: number
  status: EnrollmentStatus
  person: { fullName: string }
}

type Step = Exclude<EnrollmentAction, 'CONFIRM_PAYMENT'>
const order: EnrollmentAction[] = ['SUBMIT', 'CONFIRM_PAYMENT', 'ACTIVATE', 'REJECT', 'CANCEL']
const reasoned = new Set<EnrollmentAction>(['REJECT', 'CANCEL'])

type Report = {
  ok: boolean
  text: string
  refusals: { id: string; name: string; why: string }[]
  recorded?: RecordedPayment
}

// long: the step buttons, the reason asked and the payment recorded share one state (what is being asked, the report)
export function EnrollmentBulkActions({
  selected,
  role,
  onDone,
}: {
  selected: readonly SelectedEnrollment[]
  role: Role
  /** After an action: the list is asked again and the selection cleared. */
  onDone: () => void
}) {
  const { t } = useTranslation()
  const label = useEnumLabel()
  const [asking, setAsking] = useState<Step | null>(null)
  const [paying, setPaying] = useState<PaymentTarget | null>(null)
  const [report, setReport] = useState<Report | null>(null)
  const { applyStep, fetching } = useApplyStep()
  const readDue = useSelectionDue()

  const applicable = (action: EnrollmentAction) =>
    selected.filter((row) => availableActions(row.status, role).includes(action))
  const actions = order.filter((action) => applicable(action).length > 0)
  const titleOf = (action: EnrollmentAction) =>
    t('bulk.action', { action: label('EnrollmentAction', action), count: applicable(action).length })

  async function run(action: Step, why?: string) {
    const outcome = await applyStep(action, applicable(action), why)
    setAsking(null)
    setReport(outcome.report)
    if (outcome.applied) onDone()
  }

  async function openPayment() {
    setReport(null)
    const due = await readDue(applicable('CONFIRM_PAYMENT'))
    if ('refusals' in due) setReport(due)
    else setPaying(due)
  }

  if (selected.length === 0 && !report) return null
  return (
    <Stack gap="xs">
      {selected.length > 0 && actions.length > 0 ? (
        <Group gap="xs" role="group" aria-label={t('bulk.label')}>
          {actions.map((action) => (
            <Button
              key={action}
              size="compact-sm"
              variant={reasoned.has(action) ? 'outline' : 'light'}
              color={reasoned.has(action) ? 'red' : 'blue'}
              loading={fetching && asking === null}
              onClick={() => {
                setReport(null)
                if (action === 'CONFIRM_PAYMENT') void openPayment()
                else if (reasoned.has(action)) setAsking(action)
                else void run(action)
              }}
            >
              {titleOf(action)}
            </Button>
          ))}
        </Group>
      ) : null}
      {report ? <BulkReport report={report} onClose={() => setReport(null)} /> : null}
      <ReasonModal
        opened={asking !== null}
        title={asking ? titleOf(asking) : ''}
        submitLabel={asking ? label('EnrollmentAction', asking) : ''}
        reasonLabel={t('enrollment.action.reason')}
        busy={fetching}
        onClose={() => setAsking(null)}
        onSubmit={(why) => {
          if (asking) void run(asking, why)
        }}
      />
      <RecordPaymentModal
        target={paying}
        onClose={() => setPaying(null)}
        onRecorded={(recorded) => {
          setReport({ ok: true, text: '', refusals: [], recorded })
          onDone()
        }}
      />
    </Stack>
  )
}

/** One step for the rows it applies to, in one mutation; what came of it, with each refused row's reason. */
function useApplyStep() {
  const { t } = useTranslation()
  const label = useEnumLabel()
  const text = useLocalized()
  const [{ fetching }, apply] = useMutation(ApplyEnrollmentActionMutation)
  const submitKey = useSubmitKey()

  async function applyStep(
    action: Step,
    rows: readonly SelectedEnrollment[],
    why?: string,
  ): Promise<{ applied: boolean; report: Report }> {
    const input = {
      action,
      enrollments: rows.map(({ id, version }) => ({ id, version })),
      ...(why ? { reason: why } : {}),
    }
    const result = await apply({ input }, submitKey.contextFor(input))
    const payload = result.data?.applyEnrollmentAction
    if (payload) submitKey.answered()
    if (payload?.__typename !== 'ApplyEnrollmentActionPayload') {
      const said = payload && 'messageVi' in payload ? text(payload) : (result.error?.message ?? '')
      return { applied: false, report: { ok: false, text: said, refusals: [] } }
    }
    const nameOf = (id: string) => rows.find((row) => row.id === id)?.person.fullName ?? id
    const refusals = payload.outcomes.flatMap((outcome) =>
      outcome.result.__typename !== 'Enrollment' && 'messageVi' in outcome.result
        ? [{ id: outcome.id, name: nameOf(outcome.id), why: text(outcome.result) }]
        : [],
    )
    const done = { action: label('EnrollmentAction', action), done: payload.done, refused: payload.refused }
    return { applied: true, report: { ok: payload.refused === 0, text: t('bulk.outcome', done), refusals } }
  }
  return { applyStep, fetching }
}

/** What is still due on the rows a payment is for, read afresh; or why it could not be read. */
function useSelectionDue() {
  const client = useClient()
  return async (rows: readonly SelectedEnrollment[]): Promise<PaymentTarget | Report> => {
    const { data, error } = await client
      .query(SelectionDueQuery, { ids: rows.map((row) => row.id) }, { requestPolicy: 'network-only' })
      .toPromise()
    if (!data) return { ok: false, text: error?.message ?? '', refusals: [] }
    const enrollments = data.nodes.flatMap((node) => (node?.__typename === 'Enrollment' ? [node] : []))
    return {
      enrollments: enrollments.map(({ id, version }) => ({ id, version })),
      due: enrollments.reduce((sum, node) => sum + node.due, 0),
      // The API dates the payment in the first enrollment's campaign's zone.
      timeZone: enrollments[0]?.campaign.timeZone ?? campaignTimeZone,
    }
  }
}

/** What a bulk action did, and each refused row with its reason. */
function BulkReport({ report, onClose }: { report: Report; onClose: () => void }) {
  return (
    <Alert
      color={report.ok ? 'green' : 'orange'}
      role={report.ok ? 'status' : 'alert'}
      withCloseButton
      onClose={onClose}
    >
      <Text size="sm">{report.recorded ? <PaymentRecorded payment={report.recorded} /> : report.text}</Text>
      {report.refusals.length > 0 ? (
        <List size="sm" mt={4}>
          {report.refusals.map((refusal) => (
            <List.Item key={refusal.id}>
              <AnchorLink to="/enrollments/$id" params={{ id: refusal.id }}>
                {refusal.name}
              </AnchorLink>
              : {refusal.why}
            </List.Item>
          ))}
        </List>
      ) : null}
    </Alert>
  )
}
