// The worklist page's address: which list, and whether only the entries assigned to the viewer.
import { type Worklist, worklists } from '@tangtoc/shared'

export type WorklistSearch = { list?: Worklist; mine?: boolean }

export function validateWorklistSearch(search: Record<string, unknown>): WorklistSearch {
  const list = worklists.find((candidate) => candidate === search.list)
  return {
    ...(list ? { list } : {}),
    ...(search.mine === true || search.mine === 'true' ? { mine: true } : {}),
  }
}
