import { describe, expect, it } from 'vitest'
import {
  type ContributionQuoteInput,
  quoteContribution,
  remainingMonths,
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
        memberIndex: 0,
        shareBasisPoints: 10_000,
        monthlyAmount: 105_300,
        months: 12,
        total: 1_263_600,
        support: 0,
        payable: 1_263_600,
      },
      {
        kind: 'MEMBER',
        position: 2,
        memberIndex: 1,
        shareBasisPoints: 7000,
        monthlyAmount: 73_710,
        months: 12,
        total: 884_520,
        support: 0,
        payable: 884_520,
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

  it('prices a near-poor household by its group: each member 105,300 less 70%, 31,590, none ranked', () => {
    const result = quote({ householdMembers: 2, supportGroups: ['NEAR_POOR'] })
    expect(result.perMonth).toEqual({ gross: 210_600, support: 147_420, payable: 63_180 })
    expect(result.lines).toMatchObject([
      { kind: 'MEMBER', position: null, memberIndex: 0, shareBasisPoints: 10_000, monthlyAmount: 105_300 },
      { kind: 'MEMBER', position: null, memberIndex: 1, shareBasisPoints: 10_000, monthlyAmount: 105_300 },
      {
        kind: 'SUPPORT',
        group: 'NEAR_POOR',
        positions: [],
        memberIndexes: [0, 1],
        rateBasisPoints: 7000,
        monthlyAmount: 147_420,
      },
    ])
  })

  it('leaves a student out of the ranking: priced 105,300 less 50%, the others ranked 1 and 2', () => {
    const result = quote({ householdMembers: [{}, { supportGroups: ['STUDENT'] }, {}] })
    expect(result.lines).toMatchObject([
      { position: 1, memberIndex: 0, monthlyAmount: 105_300 },
      { position: null, memberIndex: 1, monthlyAmount: 105_300 },
      { position: 2, memberIndex: 2, monthlyAmount: 73_710 },
      { kind: 'SUPPORT', group: 'STUDENT', memberIndexes: [1], monthlyAmount: 52_650 },
    ])
    expect(result.perMonth).toEqual({ gross: 284_310, support: 52_650, payable: 231_660 })
    expect(result.lines.flatMap((line) => (line.kind === 'MEMBER' ? [line.payable] : []))).toEqual([
      1_263_600, 631_800, 884_520,
    ])
  })

  it('prices a household of three for 12 months on 2025-11-10 at 2,906,280: 1,263,600 + 884,520 + 758,160', () => {
    const result = quote({ on: '2025-11-10', householdMembers: [{}, {}, {}] })
    expect(result.lines.map((line) => line.total)).toEqual([1_263_600, 884_520, 758_160])
    expect(result.payable).toBe(2_906_280)
    expect(result.confirmed).toBe(true)
  })

  it('prices a member added to a household already insured at the next rank, for the months left', () => {
    // Three insured from 2025-12-10 to 2026-12-09; a fourth's card starts 2026-05-15.
    const months = remainingMonths('2026-05-15', '2026-12-09')
    expect(months).toBe(7)
    const newcomer = quote({ on: '2026-04-15', months, householdMembers: [{}], rankedBefore: 3 })
    expect(newcomer.lines).toEqual([
      expect.objectContaining({ position: 4, shareBasisPoints: 5000, monthlyAmount: 52_650, total: 368_550 }),
    ])
    // One of the three left: nobody is priced again, and a newcomer ranks after the two still insured.
    expect(quote({ householdMembers: [{}], rankedBefore: 2 }).lines[0]).toMatchObject({
      position: 3,
      monthlyAmount: 63_180,
    })
    // The months left are whole months up to 12; a household enrolling anew still chooses 3, 6 or 12.
    expect(issuesOf({ months: 13, rankedBefore: 1 })).toEqual([
      { path: 'months', code: 'PAYMENT_PERIOD_NOT_ALLOWED' },
    ])
    expect(issuesOf({ months: 7 })).toEqual([{ path: 'months', code: 'PAYMENT_PERIOD_NOT_ALLOWED' }])
  })

  it('refuses a negative or fractional count of members insured before', () => {
    expect(issuesOf({ rankedBefore: -1 })).toEqual([{ path: 'rankedBefore', code: 'RANKED_BEFORE_INVALID' }])
    expect(issuesOf({ rankedBefore: 1.5 })).toEqual([{ path: 'rankedBefore', code: 'RANKED_BEFORE_INVALID' }])
  })

  it('pays all of it for a nationally near-poor member in Ho Chi Minh City from 2026 (the city group it implies)', () => {
    const result = quote({
      on: '2026-02-01',
      jurisdiction: '79',
      householdMembers: [{}, { supportGroups: ['NEAR_POOR'] }],
    })
    expect(result.lines.at(-1)).toMatchObject({
      kind: 'SUPPORT',
      group: 'CITY_NEAR_POOR',
      jurisdiction: '79',
      rateBasisPoints: 10_000,
      memberIndexes: [1],
    })
    expect(result.perMonth).toEqual({ gross: 210_600, support: 105_300, payable: 105_300 })
    expect(result.parameters).toContainEqual(
      expect.objectContaining({
        key: 'IMPLIED_SUPPORT_GROUP',
        qualifier: 'NEAR_POOR:CITY_NEAR_POOR',
        confirmed: false,
      }),
    )
    expect(result.confirmed).toBe(false)
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
