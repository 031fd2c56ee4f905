// An enrollment's money and cover, on its page: the coverage its payments bought (first and last day,
// new or continuing, the day it counts for), the payments toward it with their receipts, and — for a
// household — the other enrollments of the same registration, paid for together.
import { Group, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { EnrollmentStatusBadge } from '../enrollments/EnrollmentStatusBadge.tsx'
import { graphql, type ResultOf } from '../graphql.ts'
import { useEnumLabel } from '../i18n/labels.ts'
import { useFormats } from '../i18n/useLocale.ts'
import { AnchorLink } from '../shell/links.tsx'

export const EnrollmentPaymentsFields = graphql(`
  fragment EnrollmentPaymentsFields on Enrollment @_unmask {
    id
    payable
    received
    due
    coverageStart
    coverageEnd
    continuity
    countedOn
    paymentAllocations {
      amount
      payment {
        id
        paidOn
        amount
        channel
        receiptNumber
        settlement
        collectedBy {
          id
          displayName
        }
      }
    }
    registration {
      id
      due
      payable
      enrollments {
        id
        status
        payable
        householdPosition
        person {
          id
          fullName
        }
      }
    }
  }
`)

type Payments = ResultOf<typeof EnrollmentPaymentsFields>

/** Unmasked: the page's query result carries these fields, and tests give them as plain data. */
export function EnrollmentPayments({ enrollment: data }: { enrollment: Payments }) {
  const { t } = useTranslation()
  const together = data.registration && data.registration.enrollments.length > 1 ? data.registration : null

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="enrollment-payments">
      <Title order={3} size="h4" id="enrollment-payments" mb="sm">
        {t('payment.section')}
      </Title>
      <Stack gap="sm">
        <PaymentSummary data={data} />
        <PaymentAllocations data={data} />
        {together ? <RegistrationEnrollments together={together} current={data.id} /> : null}
      </Stack>
    </Paper>
  )
}

/** Received, still due, the coverage it buys, and (once paid) continuity and the day it counted. */
function PaymentSummary({ data }: { data: Payments }) {
  const { t } = useTranslation()
  const label = useEnumLabel()
  const { dong, date } = useFormats()
  return (
    <Group gap="xl">
      <Text size="sm">
        {t('payment.received')}: <strong>{dong(data.received)}</strong>
      </Text>
      <Text size="sm">
        {t('payment.stillDue')}: <strong>{dong(data.due)}</strong>
      </Text>
      <Text size="sm">
        {t('payment.coverage')}:{' '}
        <strong>
          {data.coverageStart && data.coverageEnd
            ? t('payment.coverageValue', { start: date(data.coverageStart), end: date(data.coverageEnd) })
            : t('payment.coverageNone')}
        </strong>
      </Text>
      {data.continuity ? (
        <Text size="sm">
          {t('payment.continuity')}: <strong>{label('Continuity', data.continuity)}</strong>
        </Text>
      ) : null}
      {data.paymentAllocations.length > 0 ? (
        <Text size="sm">
          {t('payment.countedOn')}: <strong>{date(data.countedOn)}</strong>
        </Text>
      ) : null}
    </Group>
  )
}

/** Each payment and the part of it that went to this enrollment. */
function PaymentAllocations({ data }: { data: Payments }) {
  const { t } = useTranslation()
  const label = useEnumLabel()
  const { dong, date } = useFormats()
  if (data.paymentAllocations.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('payment.none')}
      </Text>
    )
  return (
    <Table aria-label={t('payment.list')} striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('payment.paidOn')}</Table.Th>
          <Table.Th scope="col">{t('payment.receiptNumber')}</Table.Th>
          <Table.Th scope="col">{t('payment.channel')}</Table.Th>
          <Table.Th scope="col" style={{ textAlign: 'right' }}>
            {t('payment.forThis')}
          </Table.Th>
          <Table.Th scope="col" style={{ textAlign: 'right' }}>
            {t('payment.amount')}
          </Table.Th>
          <Table.Th scope="col">{t('payment.collectedBy')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {data.paymentAllocations.map(({ amount, payment }) => (
          <Table.Tr key={payment.id}>
            <Table.Td>{date(payment.paidOn)}</Table.Td>
            <Table.Td>
              <AnchorLink
                to="/payments/$id/receipt"
                params={{ id: payment.id }}
                aria-label={t('payment.receiptOf', { number: payment.receiptNumber ?? '—' })}
              >
                {payment.receiptNumber ?? t('payment.noReceiptNumber')}
              </AnchorLink>
            </Table.Td>
            <Table.Td>
              {label('PaymentChannel', payment.channel)}
              {payment.settlement === 'PARTIAL' ? ` · ${t('payment.partialShort')}` : ''}
            </Table.Td>
            <Table.Td style={{ textAlign: 'right' }}>{dong(amount)}</Table.Td>
            <Table.Td style={{ textAlign: 'right' }}>{dong(payment.amount)}</Table.Td>
            <Table.Td>{payment.collectedBy.displayName}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

/** The registration's enrollments, paid for together, this one marked current. */
function RegistrationEnrollments({
  together,
  current,
}: {
  together: NonNullable<Payments['registration']>
  current: string
}) {
  const { t } = useTranslation()
  const { dong } = useFormats()
  return (
    <Stack gap={4}>
      <Title order={4} size="h5" id="registration-enrollments">
        {t('payment.together', { count: together.enrollments.length })}
      </Title>
      <Table aria-labelledby="registration-enrollments" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">#</Table.Th>
            <Table.Th scope="col">{t('enrollment.person.fullName')}</Table.Th>
            <Table.Th scope="col">{t('enrollment.status')}</Table.Th>
            <Table.Th scope="col" style={{ textAlign: 'right' }}>
              {t('enrollment.payable')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {together.enrollments.map((member) => (
            <Table.Tr key={member.id} aria-current={member.id === current ? 'true' : undefined}>
              <Table.Td>{member.householdPosition ?? ''}</Table.Td>
              <Table.Td>
                {member.id === current ? (
                  member.person.fullName
                ) : (
                  <AnchorLink to="/enrollments/$id" params={{ id: member.id }} size="sm">
                    {member.person.fullName}
                  </AnchorLink>
                )}
              </Table.Td>
              <Table.Td>
                <EnrollmentStatusBadge status={member.status} />
              </Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{dong(member.payable)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row" colSpan={3}>
              {t('payment.togetherTotal', { due: dong(together.due) })}
            </Table.Th>
            <Table.Td style={{ textAlign: 'right' }}>
              <strong>{dong(together.payable)}</strong>
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Stack>
  )
}
