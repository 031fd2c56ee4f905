// The user list's address.
import { definedParams, type PageSearch, textParam, validatePageSearch } from '../shell/listSearch.ts'

/** The user list's address: the words searched and the page. */
export type UserSearch = { search?: string } & PageSearch

export function validateUserSearch(search: Record<string, unknown>): UserSearch {
  return definedParams({ search: textParam(search.search), ...validatePageSearch(search) })
}
