import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type ContributionQuote,
  type ContributionQuoteInput,
  quoteContribution,
  defaultContributionParameters as rows,
  supportGroups,
} from '../src/index.ts'

const dates = fc.constantFrom(
  '2021-06-01',
  '2023-08-01',
  '2024-05-01',
  '2025-06-30',
  '2025-11-04',
  '2026-03-01',
)
const jurisdictions = fc.constantFrom('VN', '79')
const groups = fc.uniqueArray(fc.constantFrom(...supportGroups), { maxLength: 5 })
const members = fc.array(
  fc.record({
    insuredElsewhere: fc.boolean(),
    supportGroups: fc.uniqueArray(fc.constantFrom(...supportGroups), { maxLength: 2 }),
  }),
  { minLength: 1, maxLength: 8 },
)

const householdInput = fc.record({
  product: fc.constant('HOUSEHOLD_HEALTH_INSURANCE' as const),
  on: dates,
  months: fc.constantFrom(3, 6, 12),
  supportGroups: groups,
  householdMembers: members,
  jurisdiction: jurisdictions,
})

const voluntaryInput = fc.record({
  product: fc.constant('VOLUNTARY_SOCIAL_INSURANCE' as const),
  on: dates.filter((date) => date >= '2022-01-01'),
  months: fc.constantFrom(1, 3, 6, 12),
  monthlyIncome: fc.integer({ min: 0, max: 906 }).map((steps) => 1_500_000 + steps * 50_000),
  supportGroups: groups,
  supportedMonthsUsed: fc.integer({ min: 0, max: 130 }),
  jurisdiction: jurisdictions,
})

function quoted(input: ContributionQuoteInput): ContributionQuote | undefined {
  const result = quoteContribution(input, rows)
  return result.ok ? result.quote : undefined
}

describe('contribution quotes, for any input', () => {
  it('never support more than the gross, and payable is gross − support ≥ 0, in whole đồng', () => {
    fc.assert(
      fc.property(fc.oneof(householdInput, voluntaryInput), (input) => {
        const quote = quoted(input)
        if (!quote) return
        expect(quote.support).toBeLessThanOrEqual(quote.gross)
        expect(quote.payable).toBe(quote.gross - quote.support)
        expect(quote.payable).toBeGreaterThanOrEqual(0)
        expect(quote.perMonth.support).toBeLessThanOrEqual(quote.perMonth.gross)
        for (const amount of [quote.gross, quote.support, quote.payable])
          expect(Number.isInteger(amount)).toBe(true)
      }),
    )
  })

  it('add up: the totals are the sums of their lines', () => {
    fc.assert(
      fc.property(fc.oneof(householdInput, voluntaryInput), (input) => {
        const quote = quoted(input)
        if (!quote) return
        const sum = (kind: string) =>
          quote.lines.filter((line) => line.kind === kind).reduce((total, line) => total + line.total, 0)
        expect(sum('MEMBER')).toBe(quote.gross)
        expect(sum('SUPPORT')).toBe(quote.support)
        const members = quote.lines.flatMap((line) => (line.kind === 'MEMBER' ? [line] : []))
        expect(members.reduce((total, line) => total + line.support, 0)).toBe(quote.support)
        for (const line of members) expect(line.payable).toBe(line.total - line.support)
      }),
    )
  })

  it('are the same whatever order the support groups are given in', () => {
    fc.assert(
      fc.property(fc.oneof(householdInput, voluntaryInput), fc.integer(), (input, seed) => {
        const shuffled = [...input.supportGroups].sort(
          (a, b) => ((a.length * seed) % 7) - ((b.length * seed) % 7) || b.localeCompare(a),
        )
        expect(quoteContribution({ ...input, supportGroups: shuffled }, rows)).toEqual(
          quoteContribution(input, rows),
        )
      }),
    )
  })

  it('give a household the same total whatever order its members are typed in', () => {
    fc.assert(
      fc.property(householdInput, fc.integer(), (input, seed) => {
        const members = [...input.householdMembers]
        const shuffled = members
          .map((member, index) => ({ member, key: (index * 7919 + seed) % 101 }))
          .sort((a, b) => a.key - b.key)
          .map(({ member }) => member)
        const totals = (quote: ContributionQuote | undefined) =>
          quote && { gross: quote.gross, support: quote.support, payable: quote.payable }
        expect(totals(quoted({ ...input, householdMembers: shuffled }))).toEqual(totals(quoted(input)))
      }),
    )
  })

  it('price members added one by one at the next rank as if they had joined together', () => {
    fc.assert(
      fc.property(householdInput, fc.integer({ min: 1, max: 4 }), (input, split) => {
        const unsupported = { ...input, supportGroups: [] }
        const members = unsupported.householdMembers.map(({ insuredElsewhere }) => ({ insuredElsewhere }))
        const whole = quoted({ ...unsupported, householdMembers: members })
        const first = members.slice(0, split)
        const rankedBefore = first.filter((member) => !member.insuredElsewhere).length
        const before = rankedBefore > 0 ? quoted({ ...unsupported, householdMembers: first }) : undefined
        const after = quoted({ ...unsupported, householdMembers: members.slice(split), rankedBefore })
        if (!whole || !after) return
        expect((before?.gross ?? 0) + after.gross).toBe(whole.gross)
      }),
    )
  })

  it('never lower a household’s total when a member is added', () => {
    fc.assert(
      fc.property(householdInput, fc.record({ insuredElsewhere: fc.boolean() }), (input, newcomer) => {
        const before = quoted(input)
        const after = quoted({ ...input, householdMembers: [...input.householdMembers, newcomer] })
        if (!before || !after) return
        expect(after.gross).toBeGreaterThanOrEqual(before.gross)
        expect(after.payable).toBeGreaterThanOrEqual(before.payable)
      }),
    )
  })

  it('never lower a household’s total when it grows by count', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 1, max: 12 }), (on, size) => {
        const quote = (householdMembers: number) =>
          quoted({ product: 'HOUSEHOLD_HEALTH_INSURANCE', on, months: 12, householdMembers })
        const smaller = quote(size)
        const larger = quote(size + 1)
        if (smaller && larger) expect(larger.gross).toBeGreaterThan(smaller.gross)
      }),
    )
  })

  it('never cost a VSI participant less for choosing a higher income', () => {
    fc.assert(
      fc.property(voluntaryInput, (input) => {
        const lower = quoted(input)
        const higher = quoted({ ...input, monthlyIncome: input.monthlyIncome + 50_000 })
        if (lower && higher) expect(higher.payable).toBeGreaterThan(lower.payable)
      }),
    )
  })
})
