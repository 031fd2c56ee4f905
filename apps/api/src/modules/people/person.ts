import { builder } from '../../builder.ts'
import type { Context } from '../../context.ts'
import { readableNode } from '../../readable-nodes.ts'
import { AudienceGroupEnum, SexEnum } from '../enums.ts'
import { WardRef } from '../wards/ward.ts'
import { contactOf, contactSelect } from './contact.ts'
import { recordPersonView } from './person-views.ts'
import {
  personSearchWhere,
  readableEnrollmentsWhere,
  readableHouseholdsWhere,
  readablePeopleWhere,
  shownCitizenId,
  shownPhone,
} from './visibility.ts'

// Each contact field selects the same (contact.ts), so they load together.
const contactSelection = {
  select: (_args: unknown, context: Context) => contactSelect(context.viewer),
}

export const PersonNode = builder.prismaNode('Person', {
  id: { field: 'id' },
  description:
    'Someone enrolled in a campaign: one record per citizen ID however many campaigns enrol them. Readable (by id, in lists, by citizen ID) while they have a live enrollment at a center you may read; admins read everyone. Their contact details (phone, address, ward, occupation group, legacy code) are what your centers recorded: the person’s record when one of your centers registered them first (admins: always), otherwise the latest given with an enrollment at one of your centers — never another center’s. Viewers see the citizen ID, legacy code and phone masked.',
  authScopes: { signedIn: true },
  nullable: true,
  findUnique: readableNode('Person', readablePeopleWhere),
  // The citizen ID with every person read: a list shows it on each row, and a field without a
  // selection of its own resolves without plugin-prisma's lookup of the row (loaded-columns.ts).
  select: { id: true, citizenId: true },
  // long: the person's GraphQL fields, one entry each with its description; the masking and the audit are named apart
  fields: (t) => ({
    fullName: t.exposeString('fullName', {
      description: 'The full name, Unicode NFC, as on the identity card.',
    }),
    citizenId: t.string({
      description:
        'The 12-digit personal identification number (masked for viewers). Read unmasked outside a list, it is recorded in the audit log (`person.view`).',
      resolve: (person, _args, context, info) => {
        const shown = shownCitizenId(context, person.citizenId)
        const recorded = shown === person.citizenId ? recordPersonView(context, person.id, info) : null
        return recorded ? recorded.then(() => shown) : shown
      },
    }),
    legacySocialInsuranceCode: t.string({
      nullable: true,
      description:
        'The 10-digit social-insurance code used before 2025-08-01, for matching old records, as your centers recorded it (masked for viewers).',
      ...contactSelection,
      resolve: (person, _args, context) => {
        const code = contactOf(person, context.viewer).legacySocialInsuranceCode
        return code === null ? null : shownCitizenId(context, code)
      },
    }),
    dateOfBirth: t.expose('dateOfBirth', { type: 'Date', description: 'The date of birth.' }),
    sex: t.expose('sex', { type: SexEnum, description: 'The sex as on the identity card.' }),
    phone: t.string({
      nullable: true,
      description:
        'The mobile number in E.164, e.g. +84912345678, as your centers recorded it (masked for viewers).',
      ...contactSelection,
      resolve: (person, _args, context) => shownPhone(context, contactOf(person, context.viewer).phone),
    }),
    address: t.string({
      nullable: true,
      description: 'The street address, Unicode NFC, as your centers recorded it.',
      ...contactSelection,
      resolve: (person, _args, context) => contactOf(person, context.viewer).address,
    }),
    ward: t.field({
      type: WardRef,
      nullable: true,
      description: 'The ward of the address, as your centers recorded it.',
      ...contactSelection,
      resolve: (person, _args, context) => contactOf(person, context.viewer).ward,
    }),
    occupationGroup: t.field({
      type: AudienceGroupEnum,
      nullable: true,
      description: 'The occupation group the person belongs to, as your centers recorded it.',
      ...contactSelection,
      resolve: (person, _args, context) => contactOf(person, context.viewer).occupationGroup,
    }),
    version: t.exposeInt('version', { description: 'Increases on every change.' }),
    createdAt: t.expose('createdAt', {
      type: 'DateTime',
      description: 'When the person was first registered.',
    }),
    updatedAt: t.expose('updatedAt', {
      type: 'DateTime',
      description: 'When the person’s details last changed.',
    }),
    enrollments: t.relatedConnection('enrollments', {
      cursor: 'id',
      totalCount: true,
      description: 'The person’s enrollments at centers you may read, the latest first.',
      query: (_args, context) => ({
        where: readableEnrollmentsWhere(context.viewer),
        orderBy: [{ registeredAt: 'desc' }, { id: 'desc' }],
      }),
    }),
    households: t.relatedConnection('memberships', {
      cursor: 'householdId_personId',
      totalCount: true,
      description:
        'The households the person is a member of that you may read (with a live enrollment at a center you may read), with their place in each.',
      query: (_args, context) => ({ where: { household: readableHouseholdsWhere(context.viewer) } }),
    }),
  }),
})

builder.queryField('people', (t) =>
  t.prismaConnection({
    type: 'Person',
    cursor: 'id',
    authScopes: { signedIn: true },
    description:
      'People with an enrollment at a center you may read (admins: everyone), by name. The search ignores Vietnamese diacritics ("nguyen van" finds "Nguyễn Văn") and also matches the beginning of a phone number or citizen ID, except for viewers.',
    args: {
      search: t.arg.string({
        description:
          'Words beginning the name’s words, in any order (diacritics ignored), or the beginning of a phone number or citizen ID. Viewers, who see those masked, search by name only: a number finds no one.',
      }),
    },
    totalCount: (_parent, args, context) =>
      context.prisma.person.count({ where: peopleFilter(args, context.viewer) }),
    resolve: (query, _root, args, context) =>
      context.prisma.person.findMany({
        ...query,
        where: peopleFilter(args, context.viewer),
        orderBy: [{ searchKey: 'asc' }, { id: 'asc' }],
      }),
  }),
)

function peopleFilter(args: { search?: string | null }, viewer: Parameters<typeof readablePeopleWhere>[0]) {
  const found = args.search ? personSearchWhere(args.search, viewer) : null
  return { AND: [readablePeopleWhere(viewer), ...(found ? [found] : [])] }
}

builder.queryField('person', (t) =>
  t.prismaField({
    type: 'Person',
    nullable: true,
    // A viewer sees citizen IDs masked: a lookup by one would confirm a guess at the hidden digits.
    authScopes: { roles: ['ADMIN', 'CENTER_MANAGER', 'AGENT'] },
    description:
      'A person by citizen ID, when you may see them. Not for viewers, who see citizen IDs masked (a FORBIDDEN error).',
    args: {
      citizenId: t.arg.string({
        required: true,
        description: 'The 12-digit personal identification number.',
      }),
    },
    resolve: (query, _root, args, context) =>
      context.prisma.person.findFirst({
        ...query,
        where: { citizenId: args.citizenId.replace(/\s/g, ''), ...readablePeopleWhere(context.viewer) },
      }),
  }),
)
