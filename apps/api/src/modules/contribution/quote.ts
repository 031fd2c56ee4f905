// The calculator as a query: integrators and the console quote with the same rules and rows the
// enrollments are priced with.
import type { ContributionParameter as ParameterRow } from '@tangtoc/db'
import {
  type ContributionQuote,
  campaignTimeZone,
  localDateInZone,
  type MemberLine,
  type MonthlyAmounts,
  type QuoteLine,
  quoteContribution,
  type ContributionQuoteInput as SharedQuoteInput,
  type SupportLine,
} from '@tangtoc/shared'
import { builder } from '../../builder.ts'
import type { Context } from '../../context.ts'
import { ValidationError, validationErrorFrom } from '../../errors.ts'
import { ProductEnum, SupportGroupEnum } from '../enums.ts'
import { ContributionParameterKeyEnum, ContributionParameterNode } from './contribution-parameter.ts'
import { contributionParameterRows } from './parameters.ts'

/** A quote with the stored rows it used, so `parameters` can return them as nodes. */
export type ContributionQuoteResult = ContributionQuote & { parameterRows: ParameterRow[] }

/**
 * Quotes with the stored parameter rows; bad input is a ValidationError placed under `prefix`.
 * The one place the API calls the shared calculator.
 */
export async function quoteWithStoredParameters(
  context: Context,
  input: SharedQuoteInput,
  prefix: readonly string[] = ['input'],
): Promise<ContributionQuoteResult> {
  const rows = await contributionParameterRows(context)
  const result = quoteContribution(input, rows)
  if (!result.ok) throw validationErrorFrom(result.issues, prefix)
  const byId = new Map(rows.map((row) => [row.id, row]))
  const parameterRows = result.quote.parameters.flatMap((used) => {
    const row = used.id ? byId.get(used.id) : undefined
    return row ? [row] : []
  })
  return { ...result.quote, parameterRows }
}

const MonthlyAmountsRef = builder.objectRef<MonthlyAmounts>('MonthlyAmounts').implement({
  description: 'The amounts of one month, whole đồng.',
  fields: (t) => ({
    gross: t.exposeInt('gross', { description: 'What the contribution is before support.' }),
    support: t.exposeInt('support', { description: 'What the state and the city pay.' }),
    payable: t.exposeInt('payable', { description: 'What the participant pays: gross − support.' }),
  }),
})

const QuoteLineRef = builder.interfaceRef<QuoteLine>('QuoteLine').implement({
  description: 'One line of a quote: a member’s contribution or a support row, per month and for the period.',
  resolveType: (line) => (line.kind === 'MEMBER' ? 'MemberLine' : 'SupportLine'),
  fields: (t) => ({
    monthlyAmount: t.exposeInt('monthlyAmount', {
      description: 'The amount of one month, whole đồng, rounded once.',
    }),
    months: t.exposeInt('months', { description: 'How many months the amount is paid for.' }),
    total: t.exposeInt('total', { description: 'monthlyAmount × months.' }),
  }),
})

builder.objectRef<MemberLine>('MemberLine').implement({
  description:
    'What one insured person contributes: the first member’s full rate, later members a share of it.',
  interfaces: [QuoteLineRef],
  isTypeOf: (line) => (line as QuoteLine).kind === 'MEMBER',
  fields: (t) => ({
    position: t.exposeInt('position', {
      nullable: true,
      description:
        'The pricing position among the members insured together (1 for voluntary social insurance); null for a member of a group the state supports, priced at the full rate less that support and not ranked.',
    }),
    shareBasisPoints: t.exposeInt('shareBasisPoints', {
      description: 'The share of the first member’s amount, basis points (10,000 = 100%).',
    }),
  }),
})

builder.objectRef<SupportLine>('SupportLine').implement({
  description: 'What the state or a province pays for a support group.',
  interfaces: [QuoteLineRef],
  isTypeOf: (line) => (line as QuoteLine).kind === 'SUPPORT',
  fields: (t) => ({
    group: t.expose('group', {
      type: SupportGroupEnum,
      description: 'The support group whose rate applies.',
    }),
    parameterKey: t.expose('parameterKey', {
      type: ContributionParameterKeyEnum,
      description:
        'The parameter the rate comes from (national support, a local top-up, health insurance support).',
    }),
    rateBasisPoints: t.exposeInt('rateBasisPoints', { description: 'The support rate, basis points.' }),
    jurisdiction: t.exposeString('jurisdiction', {
      description: '"VN" for national support, a province code for local.',
    }),
    positions: t.exposeIntList('positions', {
      description:
        'The pricing positions of the members it covers: [1] for voluntary social insurance; none for household health insurance, whose supported members are not ranked.',
    }),
  }),
})

const ContributionQuoteRef = builder.objectRef<ContributionQuoteResult>('ContributionQuote').implement({
  description:
    'What a participant or a household pays for a period, with a line per member and per support row and the parameter rows used, so every đồng can be explained.',
  fields: (t) => ({
    product: t.expose('product', { type: ProductEnum, description: 'The product quoted.' }),
    on: t.expose('on', { type: 'Date', description: 'The date whose rules apply to the whole period.' }),
    jurisdiction: t.exposeString('jurisdiction', { description: 'The jurisdiction whose rules applied.' }),
    months: t.exposeInt('months', { description: 'The months paid for.' }),
    gross: t.exposeInt('gross', {
      description: 'The contribution for the period before support, whole đồng.',
    }),
    support: t.exposeInt('support', { description: 'The support for the period, whole đồng.' }),
    payable: t.exposeInt('payable', {
      description: 'What the participant pays for the period: gross − support.',
    }),
    perMonth: t.field({
      type: MonthlyAmountsRef,
      description: 'The first month’s amounts.',
      resolve: (q) => q.perMonth,
    }),
    supportedMonths: t.exposeInt('supportedMonths', {
      description: 'The months of the period with support.',
    }),
    lines: t.field({
      type: [QuoteLineRef],
      description: 'Member lines first, then support lines.',
      resolve: (quote) => [...quote.lines],
    }),
    parameters: t.field({
      type: [ContributionParameterNode],
      description: 'The parameter rows the quote used, in the order first used.',
      resolve: (quote) => quote.parameterRows,
    }),
    confirmed: t.exposeBoolean('confirmed', {
      description:
        'False when a parameter row the quote used is marked unconfirmed: the amount may change once the rule is checked.',
    }),
  }),
})

const ContributionQuoteInput = builder.inputType('ContributionQuoteInput', {
  description: 'What a quote needs. Amounts are whole đồng.',
  fields: (t) => ({
    product: t.field({ type: ProductEnum, required: true, description: 'The product to quote.' }),
    on: t.field({
      type: 'Date',
      description:
        'The date whose rules apply (the first day of the period); today in Ho Chi Minh City when omitted.',
    }),
    months: t.int({
      required: true,
      description:
        'The months paid for: 1, 3, 6 or 12 for VSI (years ahead are refused: the law discounts them and no source says how); 3, 6 or 12 for HHI.',
    }),
    monthlyIncome: t.int({
      description: 'Voluntary social insurance: the monthly income chosen as the contribution base.',
    }),
    supportGroups: t.field({
      type: [SupportGroupEnum],
      description:
        'The participant’s (VSI) or every member’s (HHI) support groups; the highest rate applies.',
    }),
    householdMembers: t.int({
      description: 'Household health insurance: how many are insured together (default 1).',
    }),
    jurisdiction: t.string({
      defaultValue: '79',
      description:
        'The province whose rules apply on top of the national ones: "79" (Ho Chi Minh City) by default, "VN" for national only.',
    }),
    supportedMonthsUsed: t.int({
      description:
        'Voluntary social insurance: months of state support already received (support stops at 120).',
    }),
  }),
})

/** The quote's GraphQL type, for other results that carry a quote (a renewal's draft). */
export { ContributionQuoteRef }

builder.queryField('quoteContribution', (t) =>
  t.field({
    type: ContributionQuoteRef,
    description:
      'Quotes a contribution with the parameter rows in force on the date. Bad input (an income below the floor, zero months, an empty household) is a ValidationError naming the field.',
    authScopes: { signedIn: true },
    errors: { types: [ValidationError] },
    args: { input: t.arg({ type: ContributionQuoteInput, required: true, description: 'What to quote.' }) },
    resolve: (_root, { input }, context) =>
      quoteWithStoredParameters(context, {
        product: input.product,
        on: input.on ?? localDateInZone(new Date(), campaignTimeZone),
        months: input.months,
        monthlyIncome: input.monthlyIncome ?? null,
        supportGroups: input.supportGroups ?? [],
        ...(input.householdMembers === null || input.householdMembers === undefined
          ? {}
          : { householdMembers: input.householdMembers }),
        jurisdiction: input.jurisdiction ?? '79',
        ...(input.supportedMonthsUsed === null || input.supportedMonthsUsed === undefined
          ? {}
          : { supportedMonthsUsed: input.supportedMonthsUsed }),
      }),
  }),
)
