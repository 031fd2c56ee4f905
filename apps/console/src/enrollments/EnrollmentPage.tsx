import { Badge, Button, Code, Grid, Group, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { formatDate, formatPhoneNational, isLive } from '@tangtoc/shared'
import { useParams } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuery } from 'urql'
import { useAuditFieldLabel } from '../audit/fieldLabels.ts'
import { useViewer } from '../auth/viewer.tsx'
import { graphql, type ResultOf } from '../graphql.ts'
import { useEnumLabel } from '../i18n/labels.ts'
import { useFormats, useLocale } from '../i18n/useLocale.ts'
import { EnrollmentPayments, EnrollmentPaymentsFields } from '../payments/EnrollmentPayments.tsx'
import { formatAddress } from '../shell/address.ts'
import { Fact } from '../shell/Fact.tsx'
import { AnchorLink, BackToList, ButtonLink } from '../shell/links.tsx'
import { ListState, MissingRecord } from '../shell/QueryState.tsx'
import { formatDateTime } from '../shell/zonedTime.ts'
import { EnrollmentActions } from './EnrollmentActions.tsx'
import { EnrollmentEditForm } from './EnrollmentEditForm.tsx'
import { EnrollmentStatusBadge } from './EnrollmentStatusBadge.tsx'

export const EnrollmentQuery = graphql(
  `
  query Enrollment($id: ID!) {
    enrollment(id: $id) {
      id
      version
      due
      nextPeriod {
        start
        end
        payable
      }
      registration {
        id
        due
        enrollments {
          id
        }
      }
      ...EnrollmentPaymentsFields
      product
      status
      statusReason
      availableActions
      registeredAt
      registeredOn
      quoteDate
      periodStart
      periodEnd
      months
      monthlyIncome
      supportGroups
      gross
      support
      payable
      householdPosition
      socialInsuranceNumber
      campaign {
        id
        code
        name
        jurisdiction
        timeZone
      }
      center {
        id
        name
      }
      session {
        id
        title
      }
      registeredBy {
        id
        displayName
      }
      person {
        id
        fullName
        citizenId
        dateOfBirth
        sex
        phone
        address
        ward {
          code
          fullName
          nameEn
        }
      }
      household {
        id
        code
        members(first: 50) {
          edges {
            node {
              position
              isHead
              insuredElsewhere
              relationToHead
              person {
                id
                fullName
                dateOfBirth
                sex
              }
            }
          }
        }
      }
      statusChanges(first: 50) {
        edges {
          node {
            fromStatus
            toStatus
            reason
            at
            actor {
              id
              displayName
            }
          }
        }
      }
    }
  }
`,
  [EnrollmentPaymentsFields],
)

export const EnrollmentAuditQuery = graphql(`
  query EnrollmentAudit($entityId: ID!) {
    auditEvents(first: 50, filter: { entityId: $entityId }) {
      edges {
        node {
          id
          action
          at
          actor {
            id
            displayName
          }
          changes {
            field
          }
        }
      }
    }
  }
`)

type Enrollment = NonNullable<ResultOf<typeof EnrollmentQuery>['enrollment']>
type HouseholdMember = NonNullable<Enrollment['household']>['members']['edges'][number]['node']

export function EnrollmentPage() {
  const { id } = useParams({ from: '/enrollments/$id' })
  const { t } = useTranslation()
  const viewer = useViewer()
  const [{ data, fetching, error }, reexecute] = useQuery({ query: EnrollmentQuery, variables: { id } })
  const refresh = () => reexecute({ requestPolicy: 'network-only' })
  const enrollment = data?.enrollment

  const back = <BackToList to="/enrollments" />
  if (!enrollment) {
    return (
      <MissingRecord
        result={{ fetching, data, error }}
        onRetry={refresh}
        notFound={t('enrollment.notFound')}
        back={back}
      />
    )
  }

  const members = enrollment.household?.members.edges.map((edge) => edge.node) ?? []
  return (
    <Stack gap="lg">
      {back}
      <EnrollmentHeader enrollment={enrollment} onChanged={refresh} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <EnrollmentPersonFacts enrollment={enrollment} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <EnrollmentContribution enrollment={enrollment} members={members} onChanged={refresh} />
        </Grid.Col>
      </Grid>
      <EnrollmentPayments enrollment={enrollment} />
      {members.length > 0 ? <HouseholdMembers enrollment={enrollment} members={members} /> : null}
      <StatusHistory enrollment={enrollment} />
      {viewer.role === 'ADMIN' ? <EnrollmentAuditHistory id={enrollment.id} /> : null}
    </Stack>
  )
}

/** The person's name, the status and what the viewer may do next. */
function EnrollmentHeader({ enrollment, onChanged }: { enrollment: Enrollment; onChanged: () => void }) {
  const { t } = useTranslation()
  const label = useEnumLabel()
  const viewer = useViewer()
  return (
    <Group justify="space-between" align="flex-start">
      <Stack gap={4}>
        <Title order={2}>{enrollment.person.fullName}</Title>
        <Group gap="sm">
          <EnrollmentStatusBadge status={enrollment.status} />
          <Text size="sm">{label('Product', enrollment.product)}</Text>
          <Text size="sm" c="dimmed">
            {enrollment.campaign.name}
          </Text>
        </Group>
        {enrollment.statusReason ? (
          <Text size="sm">
            {t('enrollment.statusReason')}: {enrollment.statusReason}
          </Text>
        ) : null}
      </Stack>
      <EnrollmentActions
        enrollment={enrollment}
        payment={
          enrollment.registration
            ? {
                registration: enrollment.registration.id,
                count: enrollment.registration.enrollments.length,
                due: enrollment.registration.due,
                timeZone: enrollment.campaign.timeZone,
              }
            : {
                enrollments: [{ id: enrollment.id, version: enrollment.version }],
                due: enrollment.due,
                timeZone: enrollment.campaign.timeZone,
              }
        }
        nextPeriod={viewer.role === 'VIEWER' ? null : enrollment.nextPeriod}
        onChanged={onChanged}
      />
    </Group>
  )
}

/** Who is insured, where and by whom they were registered. */
function EnrollmentPersonFacts({ enrollment }: { enrollment: Enrollment }) {
  const { t } = useTranslation()
  const { locale, intlLocale } = useLocale()
  const label = useEnumLabel()
  const person = enrollment.person
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="enrollment-person">
      <Title order={3} size="h4" id="enrollment-person" mb="sm">
        {t('enrollment.person.title')}
      </Title>
      <Stack gap={6}>
        <Fact term={t('enrollment.person.citizenId')}>{person.citizenId}</Fact>
        <Fact term={t('enrollment.person.dateOfBirth')}>{formatDate(person.dateOfBirth, intlLocale)}</Fact>
        <Fact term={t('enrollment.person.sex')}>{label('Sex', person.sex)}</Fact>
        <Fact term={t('enrollment.person.phone')}>
          {person.phone ? formatPhoneNational(person.phone) : '—'}
        </Fact>
        <Fact term={t('enrollment.person.address')}>
          {formatAddress(person.address, person.ward, locale)}
        </Fact>
        <Fact term={t('enrollment.center')}>{enrollment.center.name}</Fact>
        <Fact term={t('enrollment.session')}>
          {enrollment.session ? (
            <AnchorLink to="/sessions/$id" params={{ id: enrollment.session.id }}>
              {enrollment.session.title}
            </AnchorLink>
          ) : (
            '—'
          )}
        </Fact>
        <Fact term={t('enrollment.registeredBy')}>
          {enrollment.registeredBy.displayName} ·{' '}
          {formatDateTime(enrollment.registeredAt, intlLocale, enrollment.campaign.timeZone)}
        </Fact>
        {enrollment.socialInsuranceNumber ? (
          <Fact term={t('enrollment.socialInsuranceNumber')}>{enrollment.socialInsuranceNumber}</Fact>
        ) : null}
      </Stack>
    </Paper>
  )
}

/** The period and the amounts, edited in place while the enrollment is a draft or submitted. */
function EnrollmentContribution({
  enrollment,
  members,
  onChanged,
}: {
  enrollment: Enrollment
  members: HouseholdMember[]
  onChanged: () => void
}) {
  const { t } = useTranslation()
  const viewer = useViewer()
  const [editing, setEditing] = useState(false)
  const editable =
    (enrollment.status === 'DRAFT' || enrollment.status === 'SUBMITTED') && viewer.role !== 'VIEWER'
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="enrollment-contribution">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4" id="enrollment-contribution">
          {t('enrollment.contribution')}
        </Title>
        {editable && !editing ? (
          <Button size="xs" variant="light" onClick={() => setEditing(true)}>
            {t('enrollment.edit')}
          </Button>
        ) : null}
      </Group>
      {editing ? (
        <EnrollmentEditForm
          enrollment={enrollment}
          householdMembers={members.filter((member) => !member.insuredElsewhere).length}
          onDone={(changed) => {
            setEditing(false)
            if (changed) onChanged()
          }}
        />
      ) : (
        <ContributionFacts enrollment={enrollment} />
      )}
    </Paper>
  )
}

function ContributionFacts({ enrollment }: { enrollment: Enrollment }) {
  const { t } = useTranslation()
  const label = useEnumLabel()
  const { dong, date } = useFormats()
  return (
    <Stack gap={6}>
      <Fact term={t('enrollment.period')}>
        {t('enrollment.periodValue', {
          start: date(enrollment.periodStart),
          end: date(enrollment.periodEnd),
          count: enrollment.months,
        })}
      </Fact>
      {enrollment.monthlyIncome !== null ? (
        <Fact term={t('enrollment.monthlyIncome')}>{dong(enrollment.monthlyIncome)}</Fact>
      ) : null}
      {enrollment.householdPosition !== null ? (
        <Fact term={t('enrollment.household.position')}>{enrollment.householdPosition}</Fact>
      ) : null}
      <Fact term={t('enrollment.supportGroups')}>
        {enrollment.supportGroups.length > 0
          ? enrollment.supportGroups.map((group) => label('SupportGroup', group)).join(', ')
          : '—'}
      </Fact>
      <Fact term={t('enrollment.gross')}>{dong(enrollment.gross)}</Fact>
      <Fact term={t('enrollment.support')}>{dong(enrollment.support)}</Fact>
      <Fact term={t('enrollment.payable')}>
        <Text fw={700} span>
          {dong(enrollment.payable)}
        </Text>
      </Fact>
      <Fact term={t('enrollment.quoteDate')}>{date(enrollment.quoteDate)}</Fact>
    </Stack>
  )
}

/** The household the enrollment belongs to, and the way to register another member of it. */
function HouseholdMembers({ enrollment, members }: { enrollment: Enrollment; members: HouseholdMember[] }) {
  const { t } = useTranslation()
  const viewer = useViewer()
  return (
    <section aria-labelledby="enrollment-household">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4" id="enrollment-household">
          {t('enrollment.household.title')}
        </Title>
        {enrollment.household && viewer.role !== 'VIEWER' && isLive(enrollment.status) ? (
          <ButtonLink
            size="xs"
            variant="light"
            to="/enrollments/new"
            search={{
              household: enrollment.household.id,
              campaign: enrollment.campaign.id,
              center: enrollment.center.id,
            }}
          >
            {t('enrollment.addToHousehold')}
          </ButtonLink>
        ) : null}
      </Group>
      {enrollment.household?.code ? (
        <Text size="sm" mb="sm">
          {t('enrollment.household.code')}: {enrollment.household.code}
        </Text>
      ) : null}
      <HouseholdMemberTable members={members} />
    </section>
  )
}

/** The household's members in register order: name, date of birth, relation to the head, and notes. */
function HouseholdMemberTable({ members }: { members: HouseholdMember[] }) {
  const { t } = useTranslation()
  const { intlLocale } = useLocale()
  return (
    <Table aria-label={t('enrollment.household.title')} striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">#</Table.Th>
          <Table.Th scope="col">{t('enrollment.person.fullName')}</Table.Th>
          <Table.Th scope="col">{t('enrollment.person.dateOfBirth')}</Table.Th>
          <Table.Th scope="col">{t('enrollment.household.relationToHead')}</Table.Th>
          <Table.Th scope="col">{t('enrollment.household.notes')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {members.map((member) => (
          <Table.Tr key={member.person.id}>
            <Table.Td>{member.position}</Table.Td>
            <Table.Td>{member.person.fullName}</Table.Td>
            <Table.Td>{formatDate(member.person.dateOfBirth, intlLocale)}</Table.Td>
            <Table.Td>{member.relationToHead ?? '—'}</Table.Td>
            <Table.Td>
              <Group gap={4}>
                {member.isHead ? <Badge variant="light">{t('enrollment.household.isHead')}</Badge> : null}
                {member.insuredElsewhere ? (
                  <Badge variant="light" color="gray">
                    {t('enrollment.household.insuredElsewhere')}
                  </Badge>
                ) : null}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

function StatusHistory({ enrollment }: { enrollment: Enrollment }) {
  const { t } = useTranslation()
  const { intlLocale } = useLocale()
  const label = useEnumLabel()
  return (
    <section aria-labelledby="enrollment-status-history">
      <Title order={3} size="h4" id="enrollment-status-history" mb="sm">
        {t('enrollment.statusHistory')}
      </Title>
      <Table aria-label={t('enrollment.statusHistory')} striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('enrollment.history.at')}</Table.Th>
            <Table.Th scope="col">{t('enrollment.history.change')}</Table.Th>
            <Table.Th scope="col">{t('enrollment.history.actor')}</Table.Th>
            <Table.Th scope="col">{t('enrollment.action.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {enrollment.statusChanges.edges.map(({ node: change }) => (
            <Table.Tr key={`${change.at}-${change.toStatus}`}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatDateTime(change.at, intlLocale, enrollment.campaign.timeZone)}
              </Table.Td>
              <Table.Td>
                {change.fromStatus
                  ? `${label('EnrollmentStatus', change.fromStatus)} → ${label('EnrollmentStatus', change.toStatus)}`
                  : label('EnrollmentStatus', change.toStatus)}
              </Table.Td>
              <Table.Td>{change.actor?.displayName ?? '—'}</Table.Td>
              <Table.Td>{change.reason ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  )
}

/** An enrollment's audited action in the user's language ("enrollment.register": "Đăng ký"), else its code. */
function AuditAction({ action }: { action: string }) {
  const { t, i18n } = useTranslation()
  const key = `enrollment.history.actions.${action.replace(/^enrollment\./, '')}`
  return i18n.exists(key) ? t(key as 'enrollment.history.actions.register') : <Code>{action}</Code>
}

/** The audit trail of the enrollment (admins read the audit log). */
function EnrollmentAuditHistory({ id }: { id: string }) {
  const { t } = useTranslation()
  const label = useAuditFieldLabel()
  const { intlLocale } = useLocale()
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: EnrollmentAuditQuery,
    variables: { entityId: id },
  })
  const events = data?.auditEvents.edges.map((edge) => edge.node) ?? []
  return (
    <section aria-labelledby="enrollment-audit">
      <Title order={3} size="h4" id="enrollment-audit" mb="sm">
        {t('enrollment.auditHistory')}
      </Title>
      <ListState
        result={{ fetching, data, error }}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        empty={events.length === 0 ? t('enrollment.auditEmpty') : null}
      >
        <Table aria-label={t('enrollment.auditHistory')} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('enrollment.history.at')}</Table.Th>
              <Table.Th scope="col">{t('enrollment.history.action')}</Table.Th>
              <Table.Th scope="col">{t('enrollment.history.actor')}</Table.Th>
              <Table.Th scope="col">{t('enrollment.history.fields')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {events.map((event) => (
              <Table.Tr key={event.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(event.at, intlLocale)}</Table.Td>
                <Table.Td>
                  <AuditAction action={event.action} />
                </Table.Td>
                <Table.Td>{event.actor?.displayName ?? '—'}</Table.Td>
                <Table.Td>
                  <Text size="xs">
                    {event.action === 'enrollment.register'
                      ? t('enrollment.history.registered', {
                          actor: event.actor?.displayName ?? '—',
                          at: formatDateTime(event.at, intlLocale),
                        })
                      : event.changes.map(({ field }) => label('Enrollment', field)).join(', ')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ListState>
    </section>
  )
}
