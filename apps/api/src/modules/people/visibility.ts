// Who sees which people: admins everyone; anyone else the people and households with an enrollment at
// a center they may read. Person data exists only because of an enrollment, so that is the scope.
import { type Prisma, searchHashes } from '@tangtoc/db'
import { maskCitizenId, maskPhone, type PersonSearch, personSearch } from '@tangtoc/shared'
import type { Context, Viewer } from '../../context.ts'
import { readableCentersWhere } from '../auth/center-access.ts'

const nobody = { id: { in: [] as string[] } }

export function readableEnrollmentsWhere(viewer: Viewer | null): Prisma.EnrollmentWhereInput {
  if (!viewer) return nobody
  // An admin's needs no join to Center, so a search's page can be found in an index alone.
  return viewer.role === 'ADMIN' ? {} : { center: readableCentersWhere(viewer) }
}

export function readablePeopleWhere(viewer: Viewer | null): Prisma.PersonWhereInput {
  if (!viewer) return nobody
  if (viewer.role === 'ADMIN') return {}
  return { enrollments: { some: readableEnrollmentsWhere(viewer) } }
}

export function readableHouseholdsWhere(viewer: Viewer | null): Prisma.HouseholdWhereInput {
  if (!viewer) return nobody
  if (viewer.role === 'ADMIN') return {}
  return { enrollments: { some: readableEnrollmentsWhere(viewer) } }
}

/**
 * A search as the viewer may make it (personSearch in @tangtoc/shared). A viewer, who sees citizen IDs
 * and phones masked, searches names only: a number finds nothing, or each digit added to a search
 * would confirm or deny a hidden one.
 */
function searchFor(search: string, viewer: Viewer | null): PersonSearch | 'nothing' | null {
  const read = personSearch(search)
  return read?.kind === 'digits' && viewer?.role === 'VIEWER' ? 'nothing' : read
}

/**
 * The enrollments a search finds: those whose person's name words begin with each of its words,
 * compared as hashes with those of the prefixes copied onto the enrollment; or, for a number, those
 * whose person's citizen ID or phone begins with it, answered by their btree indexes.
 */
export function enrollmentSearchWhere(
  search: string,
  viewer: Viewer | null,
): Prisma.EnrollmentWhereInput | null {
  const read = searchFor(search, viewer)
  if (!read) return null
  if (read === 'nothing') return nobody
  if (read.kind === 'words') return { searchHashes: { hasEvery: searchHashes(read.words) } }
  return { person: identifiersWhere(read) }
}

/**
 * The people a search finds, as enrollmentSearchWhere, from the person's own prefixes (a household
 * member insured elsewhere has no enrollment).
 */
export function personSearchWhere(search: string, viewer: Viewer | null): Prisma.PersonWhereInput | null {
  const read = searchFor(search, viewer)
  if (!read) return null
  if (read === 'nothing') return nobody
  if (read.kind === 'words') return { searchPrefixes: { hasEvery: [...read.words] } }
  return identifiersWhere(read)
}

function identifiersWhere(read: { citizenId: string; phone: string }): Prisma.PersonWhereInput {
  return { OR: [{ citizenId: beginningWith(read.citizenId) }, { phone: beginningWith(read.phone) }] }
}

/**
 * Text beginning with `prefix`, a number, as a range a btree index answers whatever the column's
 * collation (LIKE 'x%' uses one only under the C collation): from the prefix to the next number of
 * its length ("0799" → "08").
 */
function beginningWith(prefix: string): Prisma.StringFilter {
  const kept = prefix.replace(/9+$/, '')
  const last = kept.at(-1)
  if (last === undefined || !/\d/.test(last)) return { startsWith: prefix }
  return { gte: prefix, lt: `${kept.slice(0, -1)}${Number(last) + 1}`, startsWith: prefix }
}

/** Viewers see identifiers masked; everyone else as stored. */
export function shownCitizenId(context: Context, citizenId: string): string {
  return context.viewer?.role === 'VIEWER' ? maskCitizenId(citizenId) : citizenId
}

export function shownPhone(context: Context, phone: string | null): string | null {
  if (phone === null) return null
  return context.viewer?.role === 'VIEWER' ? maskPhone(phone) : phone
}
