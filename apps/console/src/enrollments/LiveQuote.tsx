import { Alert, Stack, Table, Text, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import type { Product, SupportGroup } from '@tangtoc/shared'
import { useEffect, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuery } from 'urql'
import { graphql, type ResultOf } from '../graphql.ts'
import { useEnumLabel } from '../i18n/labels.ts'
import { useFormats } from '../i18n/useLocale.ts'
import { inputPath, type Localized } from '../shell/typedErrors.ts'

export const QuoteContributionQuery = graphql(`
  query QuoteContribution($input: ContributionQuoteInput!) {
    quoteContribution(input: $input) {
      __typename
      ... on ContributionQuote {
        months
        gross
        support
        payable
        confirmed
        perMonth {
          gross
          support
          payable
        }
        lines {
          __typename
          monthlyAmount
          months
          total
          ... on MemberLine {
            position
            shareBasisPoints
          }
          ... on SupportLine {
            group
            rateBasisPoints
            positions
          }
        }
      }
      ... on ValidationError {
        message
        messageVi
        fieldErrors {
          path
          message
          messageVi
        }
      }
    }
  }
`)

export type QuoteRequest = {
  product: Product
  months: number | null
  monthlyIncome: number | null
  supportGroups: readonly SupportGroup[]
  /** HHI: how many members are priced together (those not insured elsewhere). */
  householdMembers: number
  /** The campaign's jurisdiction: its province's rules apply on top of the national ones. */
  jurisdiction?: string
  /** The day whose rules apply (an enrollment's quote date); today when not given. */
  on?: string
}

/** What a form holds of the contribution (months chosen, income typed), as the quote asks it. */
export function quoteTerms(values: {
  months: string | null
  monthlyIncome: number | string
  supportGroups: readonly SupportGroup[]
}): Pick<QuoteRequest, 'months' | 'monthlyIncome' | 'supportGroups'> {
  return {
    months: values.months ? Number(values.months) : null,
    monthlyIncome: typeof values.monthlyIncome === 'number' ? values.monthlyIncome : null,
    supportGroups: values.supportGroups,
  }
}

/** Field errors of the quote, by form field ('monthlyIncome', 'months'…). */
export type QuoteFieldErrors = Record<string, Localized>

/**
 * The contribution as the user types, quoted by the API with the parameters admins keep up to date
 * (debounced), with a line per member and per support row. Its field errors go back to the form.
 */
export function LiveQuote({
  request,
  onFieldErrors,
}: {
  request: QuoteRequest
  onFieldErrors: (errors: QuoteFieldErrors) => void
}) {
  const { t } = useTranslation()
  const { complete, data, fetching, error, result } = useQuote(request, onFieldErrors)
  return (
    <section aria-labelledby="enrollment-quote" aria-live="polite" aria-busy={fetching}>
      <Title order={3} size="h4" id="enrollment-quote" mb="xs">
        {t('enrollment.quote.title')}
      </Title>
      {!complete ? (
        <Text c="dimmed" size="sm">
          {t('enrollment.quote.incomplete')}
        </Text>
      ) : error && !data ? (
        <Alert color="red">{t('enrollment.quote.failed')}</Alert>
      ) : !result ? (
        <Text c="dimmed" size="sm">
          {t('state.loading')}
        </Text>
      ) : result.__typename === 'ValidationError' ? (
        <Text c="dimmed" size="sm">
          {t('enrollment.quote.invalid')}
        </Text>
      ) : result.__typename === 'ContributionQuote' ? (
        <QuoteTable quote={result} product={request.product} />
      ) : null}
    </section>
  )
}

/**
 * The quote of the request once it has settled (debounced) and is complete enough to price; its field
 * errors sent back to the form.
 */
function useQuote(request: QuoteRequest, onFieldErrors: (errors: QuoteFieldErrors) => void) {
  const [debounced] = useDebouncedValue(request, 400)
  const complete =
    debounced.months !== null &&
    (debounced.product === 'HOUSEHOLD_HEALTH_INSURANCE'
      ? debounced.householdMembers > 0
      : debounced.monthlyIncome !== null)
  const input = useMemo(
    () => ({
      product: debounced.product,
      months: debounced.months ?? 0,
      supportGroups: [...debounced.supportGroups],
      ...(debounced.jurisdiction ? { jurisdiction: debounced.jurisdiction } : {}),
      ...(debounced.on ? { on: debounced.on } : {}),
      ...(debounced.product === 'VOLUNTARY_SOCIAL_INSURANCE'
        ? { monthlyIncome: debounced.monthlyIncome }
        : { householdMembers: debounced.householdMembers }),
    }),
    [debounced],
  )
  const [{ data, fetching, error }] = useQuery({
    query: QuoteContributionQuery,
    variables: { input },
    pause: !complete,
  })
  const result = complete ? data?.quoteContribution : undefined

  const fieldErrors = useMemo(() => {
    const errors: QuoteFieldErrors = {}
    if (result?.__typename === 'ValidationError') {
      for (const fieldError of result.fieldErrors) errors[inputPath(fieldError.path)] = fieldError
    }
    return errors
  }, [result])
  useEffect(() => onFieldErrors(fieldErrors), [fieldErrors, onFieldErrors])
  return { complete, data, fetching, error, result }
}

type ContributionQuote = Extract<
  NonNullable<ResultOf<typeof QuoteContributionQuery>['quoteContribution']>,
  { __typename: 'ContributionQuote' }
>

/** A line per member and per support row, monthly and over the months, the payable below. */
function QuoteTable({ quote: result, product }: { quote: ContributionQuote; product: Product }) {
  const { t } = useTranslation()
  const { dong } = useFormats()
  return (
    <Stack gap="xs">
      <Table aria-label={t('enrollment.quote.title')} withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('enrollment.quote.line')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('enrollment.quote.monthly')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('enrollment.quote.total', { months: result.months })}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.lines.map((line, index) => (
            // Lines have no identity of their own; their order is the quote's.
            // biome-ignore lint/suspicious/noArrayIndexKey: the quote's order is stable
            <Table.Tr key={index}>
              <Table.Td>
                <QuoteLineName line={line} product={product} />
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {line.__typename === 'SupportLine'
                  ? `−${dong(line.monthlyAmount)}`
                  : dong(line.monthlyAmount)}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {line.__typename === 'SupportLine' ? `−${dong(line.total)}` : dong(line.total)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">{t('enrollment.quote.payable')}</Table.Th>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
              {dong(result.perMonth.payable)}
            </Table.Td>
            <Table.Td ta="right" fw={700} style={{ whiteSpace: 'nowrap' }} data-testid="quote-payable">
              {dong(result.payable)}
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
      <Text size="sm" c="dimmed">
        {t('enrollment.quote.summary', { gross: dong(result.gross), support: dong(result.support) })}
      </Text>
      {result.confirmed ? null : (
        <Text size="sm" c="orange.9">
          {t('enrollment.quote.unconfirmed')}
        </Text>
      )}
    </Stack>
  )
}

/** What a line is: a member (their place and share), the participant, or a support row (its group and rate). */
function QuoteLineName({ line, product }: { line: ContributionQuote['lines'][number]; product: Product }) {
  const { t } = useTranslation()
  const label = useEnumLabel()
  if (line.__typename === 'MemberLine')
    return product !== 'HOUSEHOLD_HEALTH_INSURANCE'
      ? t('enrollment.quote.participantLine')
      : line.position === null
        ? t('enrollment.quote.groupMemberLine')
        : t('enrollment.quote.memberLine', { position: line.position, share: line.shareBasisPoints / 100 })
  if (line.__typename === 'SupportLine')
    return t('enrollment.quote.supportLine', {
      group: label('SupportGroup', line.group),
      rate: line.rateBasisPoints / 100,
    })
  return null
}
