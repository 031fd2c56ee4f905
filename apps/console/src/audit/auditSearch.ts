// The audit log's address.
import { isIsoDate } from '@tangtoc/shared'
import { definedParams, type PageSearch, textParam, validatePageSearch } from '../shell/listSearch.ts'
import { auditedTypes } from './auditedTypes.ts'

/** The audit log's address: its filters (days in Hồ Chí Minh) and the page. */
export type AuditSearch = { entityType?: string; actor?: string; from?: string; to?: string } & PageSearch

export function validateAuditSearch(search: Record<string, unknown>): AuditSearch {
  return definedParams({
    entityType: auditedTypes.find((type) => type === search.entityType),
    actor: textParam(search.actor),
    from: isIsoDate(search.from) ? search.from : undefined,
    to: isIsoDate(search.to) ? search.to : undefined,
    ...validatePageSearch(search),
  })
}
