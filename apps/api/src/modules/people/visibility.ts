// Who sees which people: admins everyone; anyone else the people and households with an enrollment at
// a center they may read. Person data exists only because of an enrollment, so that is the scope.
import type { Prisma } from '@tangtoc/db'
import { foldSearchKey, maskCitizenId, maskPhone, normalizeText } from '@tangtoc/shared'
import type { Context, Viewer } from '../../context.ts'
import { readableCentersWhere } from '../auth/center-access.ts'

const nobody = { id: { in: [] as string[] } }

export function readableEnrollmentsWhere(viewer: Viewer | null): Prisma.EnrollmentWhereInput {
  return viewer ? { center: readableCentersWhere(viewer) } : nobody
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
 * What a search compares with Person.searchKey: the folded text ("Nguyễn Văn" → "nguyen van"), or,
 * when it is a number however written ("+84 912-345", "0912 345"), its digits.
 */
export function searchNeedle(search: string): string {
  const folded = foldSearchKey(normalizeText(search))
  const digits = folded.replace(/[\s.\-()+]/g, '')
  return /^\d+$/.test(digits) ? digits : folded
}

/** Viewers see identifiers masked; everyone else as stored. */
export function shownCitizenId(context: Context, citizenId: string): string {
  return context.viewer?.role === 'VIEWER' ? maskCitizenId(citizenId) : citizenId
}

export function shownPhone(context: Context, phone: string | null): string | null {
  if (phone === null) return null
  return context.viewer?.role === 'VIEWER' ? maskPhone(phone) : phone
}
