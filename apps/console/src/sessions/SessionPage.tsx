import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core'
import { formatDate, formatDong } from '@tangtoc/shared'
import { useNavigate, useParams } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation, useQuery } from 'urql'
import { WritersOnly } from '../auth/AdminOnly.tsx'
import { useViewer } from '../auth/viewer.tsx'
import { EnrollmentStatusBadge } from '../enrollments/EnrollmentStatusBadge.tsx'
import { graphql, type ResultOf } from '../graphql.ts'
import { useEnumLabel } from '../i18n/labels.ts'
import { useLocale } from '../i18n/useLocale.ts'
import { formatAddress } from '../shell/address.ts'
import { Fact } from '../shell/Fact.tsx'
import { FormErrorAlert, useFormError } from '../shell/formError.tsx'
import { AnchorLink, BackToList, ButtonLink } from '../shell/links.tsx'
import { Empty, MissingRecord } from '../shell/QueryState.tsx'
import { ReasonModal } from '../shell/ReasonModal.tsx'
import { inputPath, TypedErrorFields } from '../shell/typedErrors.ts'
import { formatDateTime } from '../shell/zonedTime.ts'
import { SessionForm } from './SessionForm.tsx'
import { SessionLeads } from './SessionLeads.tsx'
import { SessionStatusBadge } from './SessionStatusBadge.tsx'

export const OutreachSessionQuery = graphql(`
  query OutreachSession($id: ID!) {
    node(id: $id) {
      __typename
      ... on OutreachSession {
        id
        version
        title
        kind
        venueKind
        status
        address
        startsAt
        endsAt
        audiences
        notes
        attendance
        cancelReason
        enrollmentCount
        ward {
          code
          fullName
          nameEn
        }
        campaign {
          id
          name
          timeZone
        }
        center {
          id
          name
        }
        createdBy {
          id
          displayName
        }
      }
    }
    enrollments(first: 100, filter: { session: $id }) {
      totalCount
      edges {
        node {
          id
          product
          status
          payable
          registeredOn
          person {
            id
            fullName
          }
        }
      }
    }
  }
`)

export const CancelOutreachSessionMutation = graphql(
  `
    mutation CancelOutreachSession($input: CancelOutreachSessionInput!) {
      cancelOutreachSession(input: $input) {
        __typename
        ... on CancelOutreachSessionPayload {
          outreachSession {
            id
            status
            version
            cancelReason
          }
        }
        ...TypedErrorFields
      }
    }
  `,
  [TypedErrorFields],
)

export const CompleteOutreachSessionMutation = graphql(
  `
    mutation CompleteOutreachSession($input: CompleteOutreachSessionInput!) {
      completeOutreachSession(input: $input) {
        __typename
        ... on CompleteOutreachSessionPayload {
          outreachSession {
            id
            status
            version
            attendance
            notes
          }
        }
        ...TypedErrorFields
      }
    }
  `,
  [TypedErrorFields],
)

type Step = 'edit' | 'cancel' | 'complete' | null
type SessionResult = ResultOf<typeof OutreachSessionQuery>
type Session = Extract<NonNullable<SessionResult['node']>, { __typename: 'OutreachSession' }>

// long: the page's layout; its parts are components, the step and the report the state they share
export function SessionPage() {
  const { id } = useParams({ from: '/sessions/$id' })
  const { t } = useTranslation()
  const viewer = useViewer()
  const [step, setStep] = useState<Step>(null)
  const [report, setReport] = useState<{ ok: boolean; text: string } | null>(null)
  const [{ data, fetching, error }, reexecute] = useQuery({ query: OutreachSessionQuery, variables: { id } })
  const refresh = () => reexecute({ requestPolicy: 'network-only' })
  const session = data?.node?.__typename === 'OutreachSession' ? data.node : null
  const back = <BackToList to="/sessions" />
  if (!session) {
    return (
      <MissingRecord
        result={{ fetching, data, error }}
        onRetry={refresh}
        notFound={t('session.notFound')}
        back={back}
      />
    )
  }
  const done = (text: string) => {
    setStep(null)
    setReport({ ok: true, text })
    refresh()
  }

  return (
    <Stack gap="lg">
      {back}
      <SessionHeader session={session} onStep={setStep} />
      {report ? (
        <Alert color={report.ok ? 'green' : 'red'} role={report.ok ? 'status' : 'alert'}>
          {report.text}
        </Alert>
      ) : null}
      <Paper withBorder p="md">
        {step === 'edit' ? (
          <SessionForm
            session={session}
            onSaved={() => done(t('session.saved'))}
            onCancel={() => setStep(null)}
          />
        ) : (
          <SessionFacts session={session} />
        )}
      </Paper>

      <SessionEnrollments session={session} enrollments={data?.enrollments} />

      <SessionLeads
        session={session.id}
        writable={session.status !== 'CANCELLED' && viewer.role !== 'VIEWER'}
      />

      <CancelSessionModal
        opened={step === 'cancel'}
        session={session}
        onClose={() => setStep(null)}
        onDone={() => done(t('session.cancelled'))}
      />
      <CompleteSessionModal
        opened={step === 'complete'}
        session={session}
        onClose={() => setStep(null)}
        onDone={() => done(t('session.completed'))}
      />
    </Stack>
  )
}

/** The session's title, status and kind, and what may be done with it next. */
function SessionHeader({ session, onStep }: { session: Session; onStep: (step: Step) => void }) {
  const { t } = useTranslation()
  const label = useEnumLabel()
  return (
    <Group justify="space-between" align="flex-start">
      <Stack gap={4}>
        <Title order={2}>{session.title}</Title>
        <Group gap="sm">
          <SessionStatusBadge status={session.status} />
          <Text size="sm">{label('SessionKind', session.kind)}</Text>
          <Text size="sm" c="dimmed">
            {session.campaign.name}
          </Text>
        </Group>
      </Stack>
      <Group gap="sm">
        {session.status !== 'CANCELLED' ? (
          <Button variant="light" onClick={() => onStep('edit')}>
            {t('session.edit')}
          </Button>
        ) : null}
        {session.status === 'PLANNED' ? (
          <>
            <Button onClick={() => onStep('complete')}>{t('session.complete')}</Button>
            <Button variant="outline" color="red" onClick={() => onStep('cancel')}>
              {t('session.cancel')}
            </Button>
          </>
        ) : null}
      </Group>
    </Group>
  )
}

function SessionFacts({ session }: { session: Session }) {
  const { t } = useTranslation()
  const { locale, intlLocale } = useLocale()
  const label = useEnumLabel()
  return (
    <Stack gap={6}>
      <Fact term={t('session.center')}>{session.center.name}</Fact>
      <Fact term={t('session.startsAt')}>
        {formatDateTime(session.startsAt, intlLocale, session.campaign.timeZone)}
      </Fact>
      <Fact term={t('session.endsAt')}>
        {formatDateTime(session.endsAt, intlLocale, session.campaign.timeZone)}
      </Fact>
      <Fact term={t('session.venueKind')}>{label('VenueKind', session.venueKind)}</Fact>
      <Fact term={t('session.address')}>{formatAddress(session.address, session.ward, locale)}</Fact>
      <Fact term={t('session.audiences')}>
        {session.audiences.map((audience) => label('AudienceGroup', audience)).join(', ') || '—'}
      </Fact>
      <Fact term={t('session.notes')}>{session.notes || '—'}</Fact>
      {session.attendance !== null ? <Fact term={t('session.attendance')}>{session.attendance}</Fact> : null}
      {session.cancelReason ? <Fact term={t('session.cancelReason')}>{session.cancelReason}</Fact> : null}
      {session.createdBy ? <Fact term={t('session.createdBy')}>{session.createdBy.displayName}</Fact> : null}
    </Stack>
  )
}

/** The enrollments registered at the session, and the way to register one more there. */
// long: one table with its header and the link above it; apart they would pass the same rows around
function SessionEnrollments({
  session,
  enrollments,
}: {
  session: Session
  enrollments: SessionResult['enrollments'] | undefined
}) {
  const { t } = useTranslation()
  const { intlLocale } = useLocale()
  const label = useEnumLabel()
  const rows = enrollments?.edges.map((edge) => edge.node) ?? []
  return (
    <section aria-labelledby="session-enrollments">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4" id="session-enrollments">
          {t('session.enrollments', { count: enrollments?.totalCount ?? 0 })}
        </Title>
        {session.status !== 'CANCELLED' ? (
          <ButtonLink
            size="xs"
            variant="light"
            to="/enrollments/new"
            search={{ campaign: session.campaign.id, center: session.center.id, session: session.id }}
          >
            {t('session.registerEnrollment')}
          </ButtonLink>
        ) : null}
      </Group>
      {rows.length === 0 ? (
        <Empty>{t('session.noEnrollments')}</Empty>
      ) : (
        <Table striped aria-label={t('session.enrollmentsLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('enrollment.person.fullName')}</Table.Th>
              <Table.Th scope="col">{t('enrollment.product')}</Table.Th>
              <Table.Th scope="col">{t('enrollment.registeredOn')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('enrollment.payable')}
              </Table.Th>
              <Table.Th scope="col">{t('enrollment.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((enrollment) => (
              <Table.Tr key={enrollment.id}>
                <Table.Td>
                  <AnchorLink to="/enrollments/$id" params={{ id: enrollment.id }}>
                    {enrollment.person.fullName}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>{label('Product', enrollment.product)}</Table.Td>
                <Table.Td>{formatDate(enrollment.registeredOn, intlLocale)}</Table.Td>
                <Table.Td ta="right">{formatDong(enrollment.payable, intlLocale)}</Table.Td>
                <Table.Td>
                  <EnrollmentStatusBadge status={enrollment.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  )
}

/** Cancelling the session asks why; an error the API placed on the reason shows beside it. */
function CancelSessionModal({
  opened,
  session,
  onClose,
  onDone,
}: {
  opened: boolean
  session: { id: string; version: number }
  onClose: () => void
  onDone: () => void
}) {
  const { t } = useTranslation()
  const [reasonError, setReasonError] = useState<string | undefined>()
  const { problem, clear, unanswered, failed } = useFormError(
    (errors) => setReasonError(errors.reason),
    (path) => (inputPath(path) === 'reason' ? 'reason' : null),
  )
  const [{ fetching }, cancel] = useMutation(CancelOutreachSessionMutation)
  return (
    <ReasonModal
      opened={opened}
      title={t('session.cancel')}
      submitLabel={t('session.cancel')}
      reasonLabel={t('session.cancelReason')}
      busy={fetching}
      error={reasonError}
      problem={problem}
      onClose={() => {
        clear()
        setReasonError(undefined)
        onClose()
      }}
      onSubmit={async (reason) => {
        clear()
        setReasonError(undefined)
        const result = await cancel({ input: { session: session.id, version: session.version, reason } })
        const outcome = result.data?.cancelOutreachSession
        if (!outcome) return unanswered(result.error)
        if (outcome.__typename === 'CancelOutreachSessionPayload') return onDone()
        failed(outcome)
      }}
    />
  )
}

// long: the two fields, their errors and the submit share one small state; apart they would pass it all around
function CompleteSessionModal({
  opened,
  session,
  onClose,
  onDone,
}: {
  opened: boolean
  session: { id: string; version: number; notes: string | null }
  onClose: () => void
  onDone: () => void
}) {
  const { t } = useTranslation()
  const [attendance, setAttendance] = useState<number | string>('')
  const [notes, setNotes] = useState(session.notes ?? '')
  const [errors, setErrors] = useState<{ attendance?: string; notes?: string }>({})
  const { problem, clear, unanswered, failed } = useFormError(setErrors, (path) => {
    const field = inputPath(path)
    return field === 'attendance' || field === 'notes' ? field : null
  })
  const [{ fetching }, complete] = useMutation(CompleteOutreachSessionMutation)
  return (
    <Modal opened={opened} onClose={onClose} title={t('session.complete')}>
      <form
        noValidate
        onSubmit={async (event) => {
          event.preventDefault()
          if (typeof attendance !== 'number') return setErrors({ attendance: t('session.errors.required') })
          clear()
          setErrors({})
          const result = await complete({
            input: { session: session.id, version: session.version, attendance, notes: notes.trim() || null },
          })
          const outcome = result.data?.completeOutreachSession
          if (!outcome) return unanswered(result.error)
          if (outcome.__typename === 'CompleteOutreachSessionPayload') return onDone()
          failed(outcome)
        }}
      >
        <Stack gap="sm">
          <NumberInput
            label={t('session.attendance')}
            required
            min={0}
            allowDecimal={false}
            allowNegative={false}
            value={attendance}
            error={errors.attendance}
            onChange={(value) => {
              setAttendance(value)
              setErrors({ attendance: typeof value === 'number' ? undefined : t('session.errors.required') })
            }}
            data-autofocus
          />
          <Textarea
            label={t('session.notes')}
            rows={3}
            value={notes}
            error={errors.notes}
            onChange={(event) => setNotes(event.currentTarget.value)}
          />
          <FormErrorAlert problem={problem} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('session.back')}
            </Button>
            <Button type="submit" loading={fetching}>
              {t('session.complete')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

export function NewSessionPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  return (
    <WritersOnly>
      <Stack gap="lg">
        <BackToList to="/sessions" />
        <Title order={2}>{t('session.plan')}</Title>
        <Paper withBorder p="md" maw={900}>
          <SessionForm onSaved={(id) => void navigate({ to: '/sessions/$id', params: { id } })} />
        </Paper>
      </Stack>
    </WritersOnly>
  )
}
