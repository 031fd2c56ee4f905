// An enrollment's quote, the amounts and period it stores, from the shared calculator. For household
// health insurance the household is quoted as a whole, each member with their own support groups (a
// supported member is quoted by their group and left out of the ranking:
// packages/shared/src/contribution/household-health-insurance.ts), and each member's enrollment keeps
// that member's own line.
import type { Product, SupportGroup } from '@tangtoc/db'
import { coverageEnd, type HouseholdMemberQuoteInput } from '@tangtoc/shared'
import type { Context } from '../../context.ts'
import { quoteWithStoredParameters } from './quote.ts'

export interface EnrollmentQuoteInput {
  product: Product
  on: string
  months: number
  monthlyIncome: number | null
  supportGroups: SupportGroup[]
  jurisdiction: string
  /**
   * Household health insurance: the members in register order and which one is enrolled; the enrolled
   * member's support groups are `supportGroups`, whatever the member's own say.
   */
  household?: { members: HouseholdMemberQuoteInput[]; enrolledIndex: number }
}

export interface EnrollmentQuote {
  gross: number
  support: number
  payable: number
  householdPosition: number | null
  periodStart: Date
  periodEnd: Date
}

const day = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`)

/** The period a quote on `on` for `months` covers, as stored; after the quote, which refuses bad months. */
function period(on: string, months: number) {
  return { periodStart: day(on), periodEnd: day(coverageEnd(on, months)) }
}

export async function quoteEnrollment(
  context: Context,
  input: EnrollmentQuoteInput,
): Promise<EnrollmentQuote> {
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
      ...period(input.on, input.months),
    }
  }
  const household = input.household ?? {
    members: [{ insuredElsewhere: false, supportGroups: [] }],
    enrolledIndex: 0,
  }
  const members = household.members.map((member, index) =>
    index === household.enrolledIndex ? { ...member, supportGroups: input.supportGroups } : member,
  )
  const own = (await quoteHousehold(context, { ...input, members }))[household.enrolledIndex]
  if (!own) throw new Error('the enrolled member has no line in the household quote')
  return own
}

/**
 * Every member's amounts for household health insurance, in register order: null for a member insured
 * elsewhere (listed, not enrolled). Members joining a household already insured rank after its
 * `rankedBefore` members.
 */
export async function quoteHousehold(
  context: Context,
  input: {
    on: string
    months: number
    jurisdiction: string
    members: readonly HouseholdMemberQuoteInput[]
    /** Members of the household already insured this period: those given rank after them. */
    rankedBefore?: number
  },
): Promise<(EnrollmentQuote | null)[]> {
  const quote = await quoteWithStoredParameters(context, {
    product: 'HOUSEHOLD_HEALTH_INSURANCE',
    on: input.on,
    months: input.months,
    supportGroups: [],
    householdMembers: input.members,
    jurisdiction: input.jurisdiction,
    rankedBefore: input.rankedBefore ?? 0,
  })
  return input.members.map((_member, index) => {
    const line = quote.lines.find((each) => each.kind === 'MEMBER' && each.memberIndex === index)
    if (line?.kind !== 'MEMBER') return null
    return {
      gross: line.total,
      support: line.support,
      payable: line.payable,
      householdPosition: line.position,
      ...period(input.on, input.months),
    }
  })
}
