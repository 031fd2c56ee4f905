// /payments/$id/receipt: the receipt handed to the participant, in Vietnamese whatever the console's
// language (it is the participant's paper), printable on A4 without the console around it: who paid,
// each member's amount and the period their card or contribution covers, the total in figures and in
// words, the channel, the receipt's number and who collected it.
import { Button, Group, Stack, Table, Text, Title } from '@mantine/core'
import { formatDate, formatDong, labelOf } from '@tangtoc/shared'
import { useParams } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { doReadNumber, ReadingConfig } from 'read-vietnamese-number'
import { useQuery } from 'urql'
import { graphql, type ResultOf } from '../graphql.ts'
import { AnchorLink } from '../shell/links.tsx'
import { MissingRecord } from '../shell/QueryState.tsx'

export const PaymentReceiptQuery = graphql(`
  query PaymentReceipt($id: ID!) {
    node(id: $id) {
      __typename
      ... on Payment {
        id
        receiptNumber
        paidOn
        amount
        channel
        settlement
        note
        center {
          id
          name
        }
        collectedBy {
          id
          displayName
        }
        allocations {
          amount
          enrollment {
            id
            product
            months
            periodStart
            periodEnd
            coverageStart
            coverageEnd
            householdPosition
            due
            campaign {
              id
              name
            }
            person {
              id
              fullName
              citizenId
              dateOfBirth
            }
          }
        }
      }
    }
  }
`)

const wordsConfig = new ReadingConfig()
wordsConfig.unit = ['đồng']

/** 2906280 → 'Hai triệu chín trăm lẻ sáu nghìn hai trăm tám mươi đồng' (the "bằng chữ" line). */
export function dongInWords(amount: number): string {
  const words = doReadNumber(String(amount), wordsConfig)
  return words.charAt(0).toLocaleUpperCase('vi') + words.slice(1)
}

const locale = 'vi-VN'
const date = (value: string) => formatDate(value, locale)
const dong = (amount: number) => formatDong(amount, locale)

/** The receipt's words: Vietnamese, whatever the console's language (the receipt is the participant's paper). */
const useReceiptWords = () => useTranslation().i18n.getFixedT('vi')

export function PaymentReceipt() {
  const { id } = useParams({ from: '/payments/$id/receipt' })
  const { t: tCurrent } = useTranslation()
  const t = useReceiptWords()
  const [{ data, fetching, error }, reexecute] = useQuery({ query: PaymentReceiptQuery, variables: { id } })
  const payment = data?.node?.__typename === 'Payment' ? data.node : null
  if (!payment) {
    return (
      <MissingRecord
        result={{ fetching, data, error }}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        notFound={tCurrent('payment.notFound')}
      />
    )
  }
  const first = payment.allocations[0]?.enrollment
  const stillDue = payment.allocations.reduce((sum, allocation) => sum + allocation.enrollment.due, 0)

  return (
    <Stack gap="md" maw={820} lang="vi" aria-labelledby="receipt-title">
      <Group justify="space-between" className="no-print">
        {first ? (
          <AnchorLink to="/enrollments/$id" params={{ id: first.id }} size="sm">
            ← {tCurrent('payment.backToEnrollment')}
          </AnchorLink>
        ) : (
          <span />
        )}
        <Button onClick={() => window.print()}>{tCurrent('payment.print')}</Button>
      </Group>
      <ReceiptHeading payment={payment} />
      <ReceiptLines payment={payment} />
      <Text>
        {t('receipt.inWords')}: <em>{dongInWords(payment.amount)}.</em>
      </Text>
      <Text>
        {t('receipt.channel')}: {labelOf('PaymentChannel', payment.channel, 'vi')}
        {payment.settlement === 'PARTIAL' ? ` · ${t('receipt.partial', { due: dong(stillDue) })}` : ''}
      </Text>
      {payment.note ? (
        <Text>
          {t('receipt.note')}: {payment.note}
        </Text>
      ) : null}
      <ReceiptSignatures payment={payment} />
    </Stack>
  )
}

type Receipt = Extract<NonNullable<ResultOf<typeof PaymentReceiptQuery>['node']>, { __typename: 'Payment' }>

/** Who collected (center, campaign), the receipt's number and date, the title and the payer. */
function ReceiptHeading({ payment }: { payment: Receipt }) {
  const t = useReceiptWords()
  const first = payment.allocations[0]?.enrollment
  return (
    <>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Text fw={700}>{payment.center.name}</Text>
          {first ? <Text size="sm">{first.campaign.name}</Text> : null}
        </Stack>
        <Stack gap={2} align="flex-end">
          <Text size="sm">
            {t('receipt.number')}: <strong>{payment.receiptNumber ?? '—'}</strong>
          </Text>
          <Text size="sm">
            {t('receipt.paidOn')}: <strong>{date(payment.paidOn)}</strong>
          </Text>
        </Stack>
      </Group>
      <Title order={2} ta="center" id="receipt-title">
        {t('receipt.title')}
      </Title>
      {first ? (
        <Text>
          {t('receipt.payer')}: <strong>{first.person.fullName}</strong> · {t('receipt.citizenId')}{' '}
          {first.person.citizenId}
        </Text>
      ) : null}
    </>
  )
}

/** A line a member: their amount and the period their card or contribution covers; the total below. */
function ReceiptLines({ payment }: { payment: Receipt }) {
  const t = useReceiptWords()
  return (
    <Table withTableBorder withColumnBorders aria-label={t('receipt.lines')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('receipt.line')}</Table.Th>
          <Table.Th scope="col">{t('receipt.fullName')}</Table.Th>
          <Table.Th scope="col">{t('receipt.dateOfBirth')}</Table.Th>
          <Table.Th scope="col">{t('receipt.product')}</Table.Th>
          <Table.Th scope="col">{t('receipt.period')}</Table.Th>
          <Table.Th scope="col" style={{ textAlign: 'right' }}>
            {t('receipt.amount')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {payment.allocations.map(({ amount, enrollment }, index) => (
          <ReceiptLine key={enrollment.id} line={index + 1} amount={amount} enrollment={enrollment} />
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr>
          <Table.Th scope="row" colSpan={5}>
            {t('receipt.total')}
          </Table.Th>
          <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
            <strong>{dong(payment.amount)}</strong>
          </Table.Td>
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  )
}

function ReceiptSignatures({ payment }: { payment: Receipt }) {
  const t = useReceiptWords()
  const first = payment.allocations[0]?.enrollment
  return (
    <Group justify="space-between" align="flex-start" mt="lg">
      <Stack gap={48} align="center">
        <Text fw={700}>{t('receipt.payerSignature')}</Text>
        <Text size="sm">{first?.person.fullName ?? ''}</Text>
      </Stack>
      <Stack gap={48} align="center">
        <Text fw={700}>{t('receipt.collector')}</Text>
        <Text size="sm">{payment.collectedBy.displayName}</Text>
      </Stack>
    </Group>
  )
}

function ReceiptLine({
  line,
  amount,
  enrollment,
}: {
  line: number
  amount: number
  enrollment: Receipt['allocations'][number]['enrollment']
}) {
  const t = useReceiptWords()
  return (
    <Table.Tr>
      <Table.Td>{line}</Table.Td>
      <Table.Td>
        {enrollment.person.fullName}
        <Text size="xs" c="dimmed">
          {enrollment.person.citizenId}
        </Text>
      </Table.Td>
      <Table.Td>{date(enrollment.person.dateOfBirth)}</Table.Td>
      <Table.Td>
        {labelOf('Product', enrollment.product, 'vi')}
        {enrollment.householdPosition !== null ? (
          <Text size="xs" c="dimmed">
            {t('receipt.position', { position: enrollment.householdPosition })}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        {enrollment.coverageStart && enrollment.coverageEnd
          ? t('receipt.coverage', {
              start: date(enrollment.coverageStart),
              end: date(enrollment.coverageEnd),
            })
          : t('receipt.contributionPeriod', {
              start: date(enrollment.periodStart),
              end: date(enrollment.periodEnd),
              count: enrollment.months,
            })}
      </Table.Td>
      <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>{dong(amount)}</Table.Td>
    </Table.Tr>
  )
}
