// The API token list's address.
import { definedParams, type PageSearch, validatePageSearch } from '../shell/listSearch.ts'

/** The token list's address: whether revoked tokens show, and the page. */
export type TokenSearch = { revoked?: true } & PageSearch

export function validateTokenSearch(search: Record<string, unknown>): TokenSearch {
  return definedParams({
    revoked: search.revoked === true || search.revoked === 'true' ? (true as const) : undefined,
    ...validatePageSearch(search),
  })
}
