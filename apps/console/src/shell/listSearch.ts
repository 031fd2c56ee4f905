// What every list keeps in its address besides its filters: the page shown and its size.
export const pageSizes = [25, 50, 100] as const
export type PageSize = (typeof pageSizes)[number]

export type PageSearch = {
  /** The page shown, from 1 (left out for the first). */
  page?: number
  size?: PageSize
}

export const defaultPageSize: PageSize = 50

/** A non-empty text param, else undefined. */
export const textParam = (value: unknown) =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined

/** The page and size of an address, when well-formed. */
export function validatePageSearch(search: Record<string, unknown>): PageSearch {
  const page = Number(search.page)
  return {
    page: Number.isInteger(page) && page > 1 ? page : undefined,
    size: pageSizes.find((size) => size === Number(search.size)),
  }
}

/** The API's `first` and `offset` for the page an address shows. */
export function pageVariables({ page = 1, size = defaultPageSize }: PageSearch) {
  return { first: size, offset: (page - 1) * size }
}

/** Only the params that are set, so that an address carries no `?search=undefined`. */
export function definedParams<T extends object>(search: T): T {
  return Object.fromEntries(Object.entries(search).filter(([, value]) => value !== undefined)) as T
}
