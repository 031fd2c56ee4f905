// The contribution parameter rows a quote reads, kept by the instance (see caches.ts): a day of
// registrations reads the table once every few seconds, not once per quote.
import type { ContributionParameter as ParameterRow } from '@tangtoc/db'
import type { Context } from '../../context.ts'

/** Every ContributionParameter row (a few dozen). */
export async function contributionParameterRows(context: Context): Promise<ParameterRow[]> {
  const { caches } = context
  const rows = await caches.through(caches.contributionParameters, context.prisma, 'all', async () => ({
    value: await context.prisma.contributionParameter.findMany({
      orderBy: [{ key: 'asc' }, { effectiveFrom: 'asc' }],
    }),
  }))
  return rows ?? []
}

/** 'YYYY-MM-DD' as the UTC midnight Prisma stores a @db.Date as. */
export function dateColumn(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`)
}
