import { describe, expect, it } from 'vitest'
import {
  type ContributionQuoteInput,
  quoteContribution,
  defaultContributionParameters as rows,
} from '../src/index.ts'

function quote(overrides: Partial<ContributionQuoteInput> = {}) {
  const result = quoteContribution(
    {
      product: 'HOUSEHOLD_HEALTH_INSURANCE',
      on: '2025-11-04',
      months: 12,
      householdMembers: 1,
      ...overrides,
    },
    rows,
  )
  if (!result.ok) throw new Error(JSON.stringify(result.issues))
  return result.quote
}

function issuesOf(overrides: Partial<ContributionQuoteInput>) {
  const result = quoteContribution(
    {
      product: 'HOUSEHOLD_HEALTH_INSURANCE',
      on: '2025-11-04',
      months: 12,
      householdMembers: 1,
      ...overrides,
    },
    rows,
  )
  return result.ok ? [] : result.issues.map(({ path, code }) => ({ path, code }))
}

const memberAmounts = (q: ReturnType<typeof quote>) =>
  q.lines.flatMap((line) => (line.kind === 'MEMBER' ? [line.monthlyAmount] : []))

describe('household health insurance quotes', () => {
  it('prices a household of five at 2,340,000: 105,300 / 73,710 / 63,180 / 52,650 / 42,120', () => {
    const result = quote({ householdMembers: 5 })
    expect(memberAmounts(result)).toEqual([105_300, 73_710, 63_180, 52_650, 42_120])
    expect(result.perMonth.gross).toBe(336_960)
    expect(result.gross).toBe(4_043_520)
    expect(result.payable).toBe(4_043_520)
  })

  it('gives each member a line with position, share, monthly amount and total', () => {
    expect(quote({ householdMembers: 2 }).lines).toEqual([
      {
        kind: 'MEMBER',
        position: 1,
        memberIndex: null,
        shareBasisPoints: 10_000,
        monthlyAmount: 105_300,
        months: 12,
        total: 1_263_600,
      },
      {
        kind: 'MEMBER',
        position: 2,
        memberIndex: null,
        shareBasisPoints: 7000,
        monthlyAmount: 73_710,
        months: 12,
        total: 884_520,
      },
    ])
  })

  it('charges the sixth member and later the 40% of the fifth', () => {
    expect(memberAmounts(quote({ householdMembers: 7 })).slice(4)).toEqual([42_120, 42_120, 42_120])
  })

  it('uses the 1,800,000 base salary for a quote dated 2024-05-01', () => {
    const result = quote({ on: '2024-05-01', householdMembers: 1 })
    expect(result.perMonth.gross).toBe(81_000)
    expect(result.parameters.find((parameter) => parameter.key === 'BASE_SALARY')?.value).toBe(1_800_000)
  })

  it('leaves members insured elsewhere out before ranking the others', () => {
    const result = quote({
      householdMembers: [{}, { insuredElsewhere: true }, {}, {}],
    })
    expect(result.lines).toMatchObject([
      { position: 1, memberIndex: 0, monthlyAmount: 105_300 },
      { position: 2, memberIndex: 2, monthlyAmount: 73_710 },
      { position: 3, memberIndex: 3, monthlyAmount: 63_180 },
    ])
  })

  it('refuses a household with nobody to insure', () => {
    expect(issuesOf({ householdMembers: 0 })).toEqual([{ path: 'householdMembers', code: 'HOUSEHOLD_EMPTY' }])
    expect(issuesOf({ householdMembers: [{ insuredElsewhere: true }] })).toEqual([
      { path: 'householdMembers', code: 'HOUSEHOLD_EMPTY' },
    ])
    expect(issuesOf({ householdMembers: -1 })).toEqual([
      { path: 'householdMembers', code: 'HOUSEHOLD_SIZE_INVALID' },
    ])
  })

  it('offers 3, 6 and 12 months only', () => {
    for (const months of [3, 6, 12]) expect(issuesOf({ months })).toEqual([])
    for (const months of [1, 24]) {
      expect(issuesOf({ months })).toEqual([{ path: 'months', code: 'PAYMENT_PERIOD_NOT_ALLOWED' }])
    }
  })

  it('supports a near-poor household 70% of each member’s amount', () => {
    const result = quote({ householdMembers: 2, supportGroups: ['NEAR_POOR'] })
    expect(result.perMonth).toEqual({ gross: 179_010, support: 73_710 + 51_597, payable: 31_590 + 22_113 })
    expect(result.lines.at(-1)).toMatchObject({
      kind: 'SUPPORT',
      group: 'NEAR_POOR',
      positions: [1, 2],
      rateBasisPoints: 7000,
    })
  })

  it('supports only the member a per-member group belongs to', () => {
    const result = quote({ householdMembers: [{}, { supportGroups: ['STUDENT'] }] })
    expect(result.perMonth.support).toBe(36_855)
  })

  it('pays all of it for the city-poor in Ho Chi Minh City from 2026', () => {
    const result = quote({
      on: '2026-02-01',
      jurisdiction: '79',
      householdMembers: 3,
      supportGroups: ['CITY_POOR'],
    })
    expect(result.payable).toBe(0)
    expect(result.support).toBe(result.gross)
  })

  it('replaces the national 50% for students with the city’s 100% rather than adding them', () => {
    const result = quote({ on: '2026-02-01', jurisdiction: '79', supportGroups: ['STUDENT'] })
    expect(result.perMonth).toEqual({ gross: 105_300, support: 105_300, payable: 0 })
    expect(quote({ on: '2026-02-01', supportGroups: ['STUDENT'] }).perMonth.support).toBe(52_650)
  })

  it('ignores VSI-only groups: an ethnic-minority household pays full price', () => {
    expect(quote({ supportGroups: ['ETHNIC_MINORITY'] }).support).toBe(0)
  })
})
