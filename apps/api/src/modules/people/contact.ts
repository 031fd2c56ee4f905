// What a caller reads of a person's contact details (phone, address, ward, occupation group, legacy
// code). Each registration keeps the details it was given on its enrollment; the person's own record
// holds those of the center that first registered them (Person.recordingCenterId), and only that
// center's registrations change it. Admins read the record. Anyone else reads the record when a center
// they may read recorded it, and otherwise, field by field, the latest given with an enrollment at a
// center they may read: what their centers were told, never what another center recorded.
import type { AudienceGroup, Prisma, Ward } from '@tangtoc/db'
import type { Viewer } from '../../context.ts'
import { canReadCenter } from '../auth/center-access.ts'
import { readableEnrollmentsWhere } from './visibility.ts'

export interface Contact {
  phone: string | null
  address: string | null
  wardCode: string | null
  ward: Ward | null
  occupationGroup: AudienceGroup | null
  legacySocialInsuranceCode: string | null
}

const recordColumns = {
  phone: true,
  address: true,
  wardCode: true,
  ward: true,
  occupationGroup: true,
  legacySocialInsuranceCode: true,
} as const

const enrollmentColumns = {
  phone: true,
  address: true,
  wardCode: true,
  ward: true,
  occupationGroup: true,
  legacySocialInsuranceCode: true,
} as const

function viewersSelect(viewer: Viewer | null) {
  return {
    ...recordColumns,
    recordingCenter: { select: { id: true, path: true } },
    enrollments: {
      where: readableEnrollmentsWhere(viewer),
      orderBy: [{ registeredAt: 'desc' as const }, { id: 'desc' as const }],
      select: enrollmentColumns,
    },
  } satisfies Prisma.PersonSelect
}

/** What a person's contact fields select for the viewer: the same for each, so they load together. */
export function contactSelect(viewer: Viewer | null): Prisma.PersonSelect {
  return viewer?.role === 'ADMIN' ? recordColumns : viewersSelect(viewer)
}

type Selected = Prisma.PersonGetPayload<{ select: typeof recordColumns }> &
  Partial<Prisma.PersonGetPayload<{ select: ReturnType<typeof viewersSelect> }>>

/**
 * The person's contact details as the viewer may read them (masking aside), from a row loaded with
 * contactSelect (Pothos types a field's parent from the object's own select, not the field's).
 */
export function contactOf(loaded: object, viewer: Viewer | null): Contact {
  const person = loaded as Selected
  const record = {
    phone: person.phone,
    address: person.address,
    wardCode: person.wardCode,
    ward: person.ward,
    occupationGroup: person.occupationGroup,
    legacySocialInsuranceCode: person.legacySocialInsuranceCode,
  }
  if (!viewer) return nothing
  const recorder = person.recordingCenter
  if (viewer.role === 'ADMIN' || (recorder && canReadCenter(viewer, recorder))) return record
  const enrollments = person.enrollments ?? []
  const latest = <T>(pick: (row: (typeof enrollments)[number]) => T | null) =>
    enrollments.map(pick).find((value) => value !== null) ?? null
  const withWard = enrollments.find((row) => row.wardCode !== null)
  return {
    phone: latest((row) => row.phone),
    address: latest((row) => row.address),
    wardCode: withWard?.wardCode ?? null,
    ward: withWard?.ward ?? null,
    occupationGroup: latest((row) => row.occupationGroup),
    legacySocialInsuranceCode: latest((row) => row.legacySocialInsuranceCode),
  }
}

const nothing: Contact = {
  phone: null,
  address: null,
  wardCode: null,
  ward: null,
  occupationGroup: null,
  legacySocialInsuranceCode: null,
}
