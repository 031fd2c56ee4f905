// An enrollment's amounts from the shared calculator. For household health insurance the household is
// quoted as a whole, in register order, with only the enrolled member's support groups, and the
// enrollment keeps that member's own line: each member's enrollment carries what that member pays.
import type { Product, SupportGroup } from '@tangtoc/db'
import { coverageEnd } from '@tangtoc/shared'
import type { Context } from '../../context.ts'
import { quoteWithStoredParameters } from '../contribution/quote.ts'

export interface PricingInput {
  product: Product
  on: string
  months: number
  monthlyIncome: number | null
  supportGroups: SupportGroup[]
  jurisdiction: string
  /** Household health insurance: the members in register order and which one is enrolled. */
  household?: { members: { insuredElsewhere: boolean }[]; enrolledIndex: number }
}

export interface Pricing {
  gross: number
  support: number
  payable: number
  householdPosition: number | null
  periodStart: Date
  periodEnd: Date
}

const day = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`)

export async function priceEnrollment(context: Context, input: PricingInput): Promise<Pricing> {
  // After the quote, which refuses months no payment period allows.
  const period = () => ({ periodStart: day(input.on), periodEnd: day(coverageEnd(input.on, input.months)) })
  if (input.product === 'VOLUNTARY_SOCIAL_INSURANCE') {
    const quote = await quoteWithStoredParameters(context, {
      product: input.product,
      on: input.on,
      months: input.months,
      monthlyIncome: input.monthlyIncome,
      supportGroups: input.supportGroups,
      jurisdiction: input.jurisdiction,
    })
    return {
      gross: quote.gross,
      support: quote.support,
      payable: quote.payable,
      householdPosition: null,
      ...period(),
    }
  }
  const household = input.household ?? { members: [{ insuredElsewhere: false }], enrolledIndex: 0 }
  const quote = await quoteWithStoredParameters(context, {
    product: input.product,
    on: input.on,
    months: input.months,
    supportGroups: [],
    householdMembers: household.members.map((member, index) => ({
      insuredElsewhere: member.insuredElsewhere,
      supportGroups: index === household.enrolledIndex ? input.supportGroups : [],
    })),
    jurisdiction: input.jurisdiction,
  })
  const own = quote.lines.find(
    (line) => line.kind === 'MEMBER' && line.memberIndex === household.enrolledIndex,
  )
  if (!own || own.kind !== 'MEMBER') throw new Error('the enrolled member has no line in the household quote')
  // Only the enrolled member carries support groups, so every support line is theirs.
  const support = quote.lines.reduce((sum, line) => (line.kind === 'SUPPORT' ? sum + line.total : sum), 0)
  return {
    gross: own.total,
    support,
    payable: own.total - support,
    householdPosition: own.position,
    ...period(),
  }
}
