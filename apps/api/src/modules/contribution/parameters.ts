// The contribution parameter rows a quote reads, loaded once per request: a request that quotes
// twenty enrollments reads the table once.
import type { ContributionParameter as ParameterRow, Prisma } from '@tangtoc/db'
import type { Context } from '../../context.ts'

const loaded = new WeakMap<Context, Promise<ParameterRow[]>>()

/** Every ContributionParameter row (a few dozen), cached for the request. */
export function contributionParameterRows(context: Context): Promise<ParameterRow[]> {
  let rows = loaded.get(context)
  if (!rows) {
    rows = context.prisma.contributionParameter.findMany({
      orderBy: [{ key: 'asc' }, { effectiveFrom: 'asc' }],
    })
    loaded.set(context, rows)
  }
  return rows
}

/** Forgets the request's rows after an admin changed one, so a later quote in the request sees it. */
export function forgetContributionParameterRows(context: Context): void {
  loaded.delete(context)
}

/** 'YYYY-MM-DD' as the UTC midnight Prisma stores a @db.Date as. */
export function dateColumn(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`)
}

export type ParameterWhere = Prisma.ContributionParameterWhereInput
