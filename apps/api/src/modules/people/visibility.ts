// Who sees which people: admins everyone; anyone else the people and households with a live enrollment
// at a center they may read (a rejected or cancelled one keeps nobody readable). Person data exists
// only because of an enrollment, so that is the scope. What a center recorded about a person's contact
// stays that center's to read (contact.ts).
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

/** Registrations made at a center the viewer may read. */
export function readableRegistrationsWhere(viewer: Viewer | null): Prisma.RegistrationWhereInput {
  if (!viewer) return nobody
  return viewer.role === 'ADMIN' ? {} : { center: readableCentersWhere(viewer) }
}

/** Payments received at a center the viewer may read. */
export function readablePaymentsWhere(viewer: Viewer | null): Prisma.PaymentWhereInput {
  if (!viewer) return nobody
  return viewer.role === 'ADMIN' ? {} : { center: readableCentersWhere(viewer) }
}

/** Live enrollments at a center the viewer may read: what makes a person or household readable. */
function liveReadableEnrollments(viewer: Viewer): Prisma.EnrollmentWhereInput {
  return { live: true, ...readableEnrollmentsWhere(viewer) }
}

export function readablePeopleWhere(viewer: Viewer | null): Prisma.PersonWhereInput {
  if (!viewer) return nobody
  if (viewer.role === 'ADMIN') return {}
  return { enrollments: { some: liveReadableEnrollments(viewer) } }
}

export function readableHouseholdsWhere(viewer: Viewer | null): Prisma.HouseholdWhereInput {
  if (!viewer) return nobody
  if (viewer.role === 'ADMIN') return {}
  return { enrollments: { some: liveReadableEnrollments(viewer) } }
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
 * whose person's citizen ID or phone begins with it (for all but admins, the phone the enrollment was
 * registered with), answered by their btree indexes.
 */
export function enrollmentSearchWhere(
  search: string,
  viewer: Viewer | null,
): Prisma.EnrollmentWhereInput | null {
  const read = searchFor(search, viewer)
  if (!read) return null
  if (read === 'nothing') return nobody
  if (read.kind === 'words') return { searchHashes: { hasEvery: searchHashes(read.words) } }
  if (viewer?.role === 'ADMIN') return { person: identifiersWhere(read) }
  // The phone given with the enrollment's own registration: the one its center recorded.
  return {
    OR: [{ person: { citizenId: beginningWith(read.citizenId) } }, { phone: beginningWith(read.phone) }],
  }
}

/**
 * The people a search finds, as enrollmentSearchWhere, from the person's own prefixes (a household
 * member insured elsewhere has no enrollment).
 */
export function personSearchWhere(search: string, viewer: Viewer | null): Prisma.PersonWhereInput | null {
  const read = searchFor(search, viewer)
  if (!read || !viewer) return null
  if (read === 'nothing') return nobody
  if (read.kind === 'words') return { searchPrefixes: { hasEvery: [...read.words] } }
  if (viewer.role === 'ADMIN') return identifiersWhere(read)
  // A phone the viewer's centers recorded: on the person's record when one of them recorded it, else
  // with one of their enrollments of the person — never another center's.
  const phone = beginningWith(read.phone)
  return {
    OR: [
      { citizenId: beginningWith(read.citizenId) },
      { phone, recordingCenter: { is: readableCentersWhere(viewer) } },
      { enrollments: { some: { phone, ...readableEnrollmentsWhere(viewer) } } },
    ],
  }
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
export function seesMasked(context: Context): boolean {
  return context.viewer?.role === 'VIEWER'
}

export function shownCitizenId(context: Context, citizenId: string): string {
  return seesMasked(context) ? maskCitizenId(citizenId) : citizenId
}

export function shownPhone(context: Context, phone: string | null): string | null {
  if (phone === null) return null
  return seesMasked(context) ? maskPhone(phone) : phone
}

/** The identifiers as the context's viewer sees them, decided once (for an export's every row). */
export function identifiersShown(context: Context) {
  const masked = seesMasked(context)
  return {
    citizenId: (citizenId: string) => (masked ? maskCitizenId(citizenId) : citizenId),
    phone: (phone: string | null) => phone && (masked ? maskPhone(phone) : phone),
  }
}
