// `offset` on a list: how many rows to pass over before the page, so that a console list opens page n
// at once (`offset: (n - 1) × first`) where cursors only lead from one page to the next.

export const offsetDescription =
  'How many rows to pass over before the page, to open page n of a list at once (`offset: (n - 1) × first`). Only with `first` and no cursor; zero or less is the first page.'

/** Pothos's page query moved `offset` rows further on, when the list is opened at a page. */
export function withOffset<Q extends { skip?: number; take?: number }>(
  query: Q,
  args: { offset?: number | null; after?: string | null; before?: string | null },
): Q {
  if (!args.offset || args.offset < 0 || args.after || args.before || (query.take ?? 0) < 0) return query
  return { ...query, skip: (query.skip ?? 0) + args.offset }
}
