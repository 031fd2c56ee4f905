// A person as an agent types them: checked with the shared identity rules (checkPerson in
// @tangtoc/shared), then matched to the one
// record their citizen ID already has, or stored as a new one.
import type { Person, Prisma } from '@tangtoc/db'
import {
  type CheckedPerson,
  foldSearchKey,
  type Issue,
  issue,
  isWardCode,
  personSearchKey,
  searchPrefixes,
} from '@tangtoc/shared'
import { builder } from '../../builder.ts'
import type { Context } from '../../context.ts'
import { newId } from '../../new-id.ts'
import { recordAudit } from '../audit/record.ts'
import { AudienceGroupEnum, SexEnum } from '../enums.ts'
import { IdentityMismatch } from './identity-mismatches.ts'

export const PersonInput = builder.inputType('PersonInput', {
  description:
    'A person’s details. A citizen ID already on file reuses that person: name, birth date and sex must match the record, or the registration is refused with one neutral PERSON_IDENTITY_MISMATCH (which says nothing of what is stored; five within an hour and the user may register no one on file for the rest of it). The contact details given are kept with the enrollment; they replace the stored ones only when your center recorded the person.',
  fields: (t) => ({
    fullName: t.string({ required: true, description: 'The full name as on the identity card.' }),
    citizenId: t.string({ required: true, description: 'The 12-digit personal identification number.' }),
    dateOfBirth: t.field({
      type: 'Date',
      required: true,
      description: 'The date of birth; must agree with the citizen ID.',
    }),
    sex: t.field({
      type: SexEnum,
      required: true,
      description: 'The sex; must agree with the citizen ID’s 4th digit.',
    }),
    phone: t.string({ description: 'A Vietnamese mobile number in any common form (0…, 84…, +84…).' }),
    address: t.string({ description: 'The street address.' }),
    wardCode: t.string({ description: 'The official 5-digit code of the ward.' }),
    occupationGroup: t.field({ type: AudienceGroupEnum, description: 'The occupation group.' }),
    legacySocialInsuranceCode: t.string({
      description: 'The 10-digit social-insurance code used before 2025-08-01.',
    }),
  }),
})

/** The distinct ward codes given that have the form of one (the others are unknown without asking). */
export function wardCodesOf(wards: { code: string | null }[]): string[] {
  return [...new Set(wards.flatMap((ward) => (ward.code && isWardCode(ward.code) ? [ward.code] : [])))]
}

/** Issues for the ward codes given that are not among the `known` official ones. */
export function unknownWardIssues(wards: { code: string | null; path: string }[], known: string[]): Issue[] {
  const official = new Set(known)
  return wards.flatMap((ward) =>
    ward.code && !official.has(ward.code)
      ? [issue(ward.path, 'WARD_UNKNOWN', { wardCode: ward.code }, 'person')]
      : [],
  )
}

const day = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`)

/** What registering `person` does to the stored record of its citizen ID (`existing`, if any). */
export type PersonChange =
  | { kind: 'create'; person: Person }
  | { kind: 'update'; before: Person; person: Person }
  | { kind: 'reuse'; person: Person }

/** The fields of a person's record that the center recording them owns (Person.recordingCenterId). */
const contactFields = [
  'phone',
  'address',
  'wardCode',
  'occupationGroup',
  'legacySocialInsuranceCode',
] as const

/** The columns an update of personChange's writes: the contact details and what follows from them. */
export const personUpdateColumns = [...contactFields, 'searchKey', 'updatedAt', 'version'] as const

/**
 * The stored person for the citizen ID, new if there is none (recorded by `centerId`, the registering
 * center). An existing record is reused when name (diacritics aside), birth date and sex agree;
 * otherwise an IdentityMismatch. Only the center that recorded the person changes the stored contact
 * details, with those given; another center's stay with its enrollment. Pure: the caller writes the row.
 */
export function personChange(
  existing: Person | null,
  person: CheckedPerson,
  path: string,
  { centerId, now }: { centerId: string; now: Date },
): PersonChange {
  if (!existing) {
    return {
      kind: 'create',
      person: {
        id: newId(),
        ...person,
        dateOfBirth: day(person.dateOfBirth),
        recordingCenterId: centerId,
        searchKey: personSearchKey(person),
        searchPrefixes: searchPrefixes(person.fullName),
        createdAt: now,
        updatedAt: now,
        version: 1,
      },
    }
  }
  const differing = [
    ...(foldSearchKey(existing.fullName) === foldSearchKey(person.fullName) ? [] : ['fullName']),
    ...(existing.dateOfBirth.toISOString().slice(0, 10) === person.dateOfBirth ? [] : ['dateOfBirth']),
    ...(existing.sex === person.sex ? [] : ['sex']),
  ]
  if (differing.length > 0)
    throw new IdentityMismatch({ path, personId: existing.id, centerId, fields: differing })
  if (existing.recordingCenterId !== centerId) return { kind: 'reuse', person: existing }

  const contact = Object.fromEntries(
    contactFields.map((field) => [field, person[field] ?? existing[field]]),
  ) as Pick<Person, (typeof contactFields)[number]>
  if (contactFields.every((field) => contact[field] === existing[field])) {
    return { kind: 'reuse', person: existing }
  }
  return {
    kind: 'update',
    before: existing,
    person: {
      ...existing,
      ...contact,
      searchKey: personSearchKey({
        fullName: existing.fullName,
        phone: contact.phone,
        citizenId: existing.citizenId,
      }),
      updatedAt: now,
      version: existing.version + 1,
    },
  }
}

/** What an enrollment keeps of its registration's person: the contact details given, nothing stored. */
export function givenContact(person: CheckedPerson) {
  return {
    phone: person.phone,
    address: person.address,
    wardCode: person.wardCode,
    occupationGroup: person.occupationGroup,
    legacySocialInsuranceCode: person.legacySocialInsuranceCode,
  }
}

/** The stored person for the citizen ID, created or updated as `personChange` says, with its audit event. */
export async function findOrCreatePerson(
  tx: Prisma.TransactionClient,
  context: Context,
  person: CheckedPerson,
  { path, centerId }: { path: string; centerId: string },
): Promise<{ person: Person; reused: boolean }> {
  const existing = await tx.person.findUnique({ where: { citizenId: person.citizenId } })
  const change = personChange(existing, person, path, { centerId, now: new Date() })
  if (change.kind === 'reuse') return { person: change.person, reused: true }
  if (change.kind === 'create') {
    const created = await tx.person.create({ data: change.person })
    await recordAudit(tx, context, {
      action: 'person.create',
      entityType: 'Person',
      entityId: created.id,
      after: created,
    })
    return { person: created, reused: false }
  }
  const { id, createdAt: _createdAt, ...data } = change.person
  const updated = await tx.person.update({ where: { id }, data })
  await recordAudit(tx, context, {
    action: 'person.update',
    entityType: 'Person',
    entityId: id,
    before: change.before,
    after: updated,
  })
  return { person: updated, reused: true }
}
