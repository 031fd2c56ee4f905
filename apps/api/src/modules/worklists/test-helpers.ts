// Shared by the worklist tests: enrollments with coverage on file, and the worklist query.
import type { Campaign, Center, Enrollment, Person, PrismaClient, Product, User } from '@tangtoc/db'
import { createEnrollment } from '@tangtoc/db/fixtures'

export const worklistQuery = `query ($list: Worklist!, $on: Date, $days: Int, $filter: WorklistFilter, $first: Int, $after: String) {
  worklist(list: $list, on: $on, days: $days, filter: $filter, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node {
      list dueDate reason reasonVi fullName phone products
      enrollment { id } lead { id }
      assignedTo { username }
      lastFollowUp { outcome promisedOn means by { username } }
    } }
  }
}`

const day = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`)

/** A paid enrollment whose coverage runs from `start` to `end`, registered at `registeredAt`. */
export async function coveredEnrollment(
  prisma: PrismaClient,
  options: {
    campaign: Campaign
    center: Center
    registeredBy: User
    start: string
    end: string
    person?: Person
    product?: Product
    months?: number
    registeredAt?: Date
  },
): Promise<Enrollment> {
  const enrollment = await createEnrollment(prisma, {
    campaign: options.campaign,
    center: options.center,
    registeredBy: options.registeredBy,
    person: options.person,
    product: options.product,
    status: 'PAID',
    registeredAt: options.registeredAt ?? new Date(`${options.start}T02:00:00Z`),
  })
  return prisma.enrollment.update({
    where: { id: enrollment.id },
    data: {
      coverageStart: day(options.start),
      coverageEnd: day(options.end),
      continuity: 'NEW',
      months: options.months ?? enrollment.months,
      monthlyIncome: options.product === 'HOUSEHOLD_HEALTH_INSURANCE' ? null : enrollment.monthlyIncome,
    },
  })
}

/** A worklist entry as worklistQuery reads it. */
export type Entry = {
  list: string
  dueDate: string
  reason: string
  reasonVi: string
  fullName: string
  phone: string | null
  products: string[]
  enrollment: { id: string } | null
  lead: { id: string } | null
  assignedTo: { username: string } | null
  lastFollowUp: { outcome: string; promisedOn: string | null; means: string; by: { username: string } } | null
}

/** A worklist page's entries. */
export function entriesOf(result: { data?: Record<string, unknown> | null; errors?: readonly unknown[] }) {
  if (result.errors) throw new Error(JSON.stringify(result.errors))
  const worklist = result.data?.worklist as { edges: { node: Entry }[] } | undefined
  return (worklist?.edges ?? []).map((edge) => edge.node)
}

/** The ids of the enrollments (or leads) on a page, in its order. */
export const idsOf = (entries: Entry[]) => entries.map((entry) => entry.enrollment?.id ?? entry.lead?.id)
