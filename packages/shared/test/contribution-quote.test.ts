import { describe, expect, it } from 'vitest'
import {
  allowedPaymentPeriods,
  type ContributionQuoteInput,
  type Product,
  quoteContribution,
  defaultContributionParameters as rows,
} from '../src/index.ts'

const codesOf = (input: ContributionQuoteInput) => {
  const result = quoteContribution(input, rows)
  return result.ok ? [] : result.issues.map(({ path, code }) => `${path}:${code}`)
}

describe('quote input', () => {
  it('refuses an unknown product, a malformed date and a bad jurisdiction, naming each field', () => {
    expect(codesOf({ product: 'LIFE' as Product, on: '2025-11-31', months: 1, jurisdiction: 'HCM' })).toEqual(
      ['product:PRODUCT_UNKNOWN', 'on:DATE_INVALID', 'jurisdiction:JURISDICTION_INVALID'],
    )
  })

  it('offers the console the periods a product may be paid for', () => {
    expect(allowedPaymentPeriods('VOLUNTARY_SOCIAL_INSURANCE')).toEqual([1, 3, 6, 12])
    expect(allowedPaymentPeriods('HOUSEHOLD_HEALTH_INSURANCE')).toEqual([3, 6, 12])
  })

  it('lets the API pass another payment-period policy', () => {
    const policy = { voluntarySocialInsurance: [1, 3, 6, 12], householdHealthInsurance: [1, 3, 6, 12] }
    const result = quoteContribution(
      { product: 'HOUSEHOLD_HEALTH_INSURANCE', on: '2025-11-04', months: 1, householdMembers: 1 },
      rows,
      policy,
    )
    expect(result.ok && result.quote.payable).toBe(105_300)
  })

  it('reports every field problem of one quote together', () => {
    expect(
      codesOf({
        product: 'VOLUNTARY_SOCIAL_INSURANCE',
        on: '2025-11-04',
        months: 2,
        monthlyIncome: 1_000_000,
        supportedMonthsUsed: -1,
      }),
    ).toEqual([
      'months:PAYMENT_PERIOD_NOT_ALLOWED',
      'supportedMonthsUsed:SUPPORTED_MONTHS_USED_INVALID',
      'monthlyIncome:INCOME_BELOW_FLOOR',
    ])
  })
})
