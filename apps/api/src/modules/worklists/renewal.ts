// Renewal in one action: from an expiring or lapsed enrollment (with its household's), the registration
// to make, prefilled from the previous one (same people, same household order, the same months, income
// and support groups), quoted with the rules in force, and whether paying on the day asked would
// continue the coverage (coverageOfPayment, as the payment will decide it). An enrollment's place in
// its person's history is `renews` / `renewedBy`: the person's enrollments in the same product in the
// order registered, the same relation the worklists' "not renewed" reads.
import type { Enrollment, Prisma, Sex, SupportGroup } from '@tangtoc/db'
import { addDays, coverageOfPayment, type IsoDate, issue, localDateInZone, toIsoDate } from '@tangtoc/shared'
import { builder } from '../../builder.ts'
import type { Context } from '../../context.ts'
import { validationErrorFrom } from '../../errors.ts'
import { idOf } from '../../global-id.ts'
import {
  ContributionQuoteRef,
  type ContributionQuoteResult,
  quoteWithStoredParameters,
} from '../contribution/quote.ts'
import { EnrollmentNode } from '../enrollments/enrollment.ts'
import { AudienceGroupEnum, ContinuityEnum, ProductEnum, SexEnum, SupportGroupEnum } from '../enums.ts'
import { readableEnrollmentsWhere } from '../people/visibility.ts'

type DraftPerson = {
  fullName: string
  citizenId: string
  dateOfBirth: Date
  sex: Sex
  phone: string | null
  address: string | null
  wardCode: string | null
  occupationGroup: string | null
  legacySocialInsuranceCode: string | null
}

type DraftMember = {
  person: DraftPerson
  isHead: boolean
  insuredElsewhere: boolean
  relationToHead: string | null
  supportGroups: SupportGroup[]
}

type Draft = {
  renews: Enrollment[]
  enrollment: Enrollment
  on: IsoDate
  continuity: 'NEW' | 'CONTINUING'
  person: DraftPerson
  householdMembers: DraftMember[]
  quote: ContributionQuoteResult
}

const RenewalPersonRef = builder.objectRef<DraftPerson>('RenewalPerson').implement({
  description: 'A person as the previous registration gave them: PersonInput’s fields, ready to send back.',
  fields: (t) => ({
    fullName: t.exposeString('fullName', { description: 'The full name.' }),
    citizenId: t.exposeString('citizenId', { description: 'The personal identification number.' }),
    dateOfBirth: t.field({ type: 'Date', description: 'The date of birth.', resolve: (p) => p.dateOfBirth }),
    sex: t.field({ type: SexEnum, description: 'The sex.', resolve: (p) => p.sex }),
    phone: t.exposeString('phone', { nullable: true, description: 'The phone given last time (E.164).' }),
    address: t.exposeString('address', { nullable: true, description: 'The address given last time.' }),
    wardCode: t.exposeString('wardCode', { nullable: true, description: 'Its ward’s code.' }),
    occupationGroup: t.field({
      type: AudienceGroupEnum,
      nullable: true,
      description: 'The occupation group given last time.',
      resolve: (p) => p.occupationGroup as never,
    }),
    legacySocialInsuranceCode: t.exposeString('legacySocialInsuranceCode', {
      nullable: true,
      description: 'The legacy social-insurance code given last time.',
    }),
  }),
})

const RenewalMemberRef = builder.objectRef<DraftMember>('RenewalHouseholdMember').implement({
  description: 'A household member in the previous order: HouseholdMemberInput’s fields.',
  fields: (t) => ({
    person: t.field({ type: RenewalPersonRef, description: 'The member.', resolve: (m) => m.person }),
    isHead: t.exposeBoolean('isHead', { description: 'The head of the household.' }),
    insuredElsewhere: t.exposeBoolean('insuredElsewhere', { description: 'Insured through another group.' }),
    relationToHead: t.exposeString('relationToHead', { nullable: true, description: 'E.g. “vợ”, “con”.' }),
    supportGroups: t.field({
      type: [SupportGroupEnum],
      description: 'The member’s support groups last time.',
      resolve: (m) => m.supportGroups,
    }),
  }),
})

const RenewalDraftRef = builder.objectRef<Draft>('RenewalDraft').implement({
  description:
    'The registration that renews an enrollment (and its household’s), prefilled from the previous one and quoted with today’s rules: send its fields as RegisterEnrollmentInput, with the campaign now running.',
  fields: (t) => ({
    renews: t.field({
      type: [EnrollmentNode],
      description:
        'The enrollments renewed: the one asked for, with its household’s in the same registration.',
      resolve: (draft) => draft.renews,
    }),
    product: t.field({
      type: ProductEnum,
      description: 'The product.',
      resolve: (d) => d.enrollment.product,
    }),
    on: t.field({
      type: 'Date',
      description:
        'The first day of the new period: the day after the coverage ends while it runs, else the day asked.',
      resolve: (draft) => draft.on,
    }),
    continuity: t.field({
      type: ContinuityEnum,
      description:
        'Whether paid on the day asked it continues the participation (CONTINUING) or, after a long break, counts as new (NEW): the rule the payment will apply.',
      resolve: (draft) => draft.continuity,
    }),
    months: t.int({ description: 'The months paid last time.', resolve: (d) => d.enrollment.months }),
    monthlyIncome: t.int({
      nullable: true,
      description: 'Voluntary social insurance: the income contributed on last time.',
      resolve: (draft) => draft.enrollment.monthlyIncome,
    }),
    supportGroups: t.field({
      type: [SupportGroupEnum],
      description: 'The person’s support groups last time.',
      resolve: (draft) => draft.enrollment.supportGroups,
    }),
    person: t.field({ type: RenewalPersonRef, description: 'The person.', resolve: (d) => d.person }),
    householdMembers: t.field({
      type: [RenewalMemberRef],
      description: 'Household health insurance: every member in the previous order; empty for one person.',
      resolve: (draft) => draft.householdMembers,
    }),
    quote: t.field({
      type: ContributionQuoteRef,
      description: 'What it costs under the rules in force on `on`.',
      resolve: (draft) => draft.quote,
    }),
  }),
})

const enrollmentWithPeople = {
  person: true,
  campaign: { select: { jurisdiction: true, timeZone: true } },
  registration: {
    include: {
      enrollments: { where: { live: true }, select: { id: true, personId: true, supportGroups: true } },
    },
  },
  household: { include: { members: { orderBy: { position: 'asc' }, include: { person: true } } } },
} satisfies Prisma.EnrollmentInclude

type Loaded = Prisma.EnrollmentGetPayload<{ include: typeof enrollmentWithPeople }>

function personOf(
  person: Loaded['person'],
  given: Pick<
    Enrollment,
    'phone' | 'address' | 'wardCode' | 'occupationGroup' | 'legacySocialInsuranceCode'
  > | null,
): DraftPerson {
  return {
    fullName: person.fullName,
    citizenId: person.citizenId,
    dateOfBirth: person.dateOfBirth,
    sex: person.sex,
    phone: given ? given.phone : person.phone,
    address: given ? given.address : person.address,
    wardCode: given ? given.wardCode : person.wardCode,
    occupationGroup: given ? given.occupationGroup : person.occupationGroup,
    legacySocialInsuranceCode: given ? given.legacySocialInsuranceCode : person.legacySocialInsuranceCode,
  }
}

async function renewalDraft(context: Context, enrollment: Loaded, asked: IsoDate): Promise<Draft> {
  const coveredUntil = enrollment.coverageEnd ? toIsoDate(enrollment.coverageEnd) : undefined
  if (!coveredUntil) throw validationErrorFrom([issue('enrollment', 'RENEWAL_NOT_COVERED')], [])
  const on = coveredUntil >= asked ? addDays(coveredUntil, 1) : asked
  const coverage = coverageOfPayment({
    product: enrollment.product,
    paidOn: asked,
    months: enrollment.months,
    coveredUntilOnFile: coveredUntil,
  })
  const continuity = coverage.ok ? coverage.coverage.continuity : 'NEW'
  const registered = enrollment.registration?.enrollments ?? []
  const supportOf = new Map(registered.map((each) => [each.personId, each.supportGroups]))
  const members =
    enrollment.product === 'HOUSEHOLD_HEALTH_INSURANCE' && enrollment.household
      ? enrollment.household.members.map((member) => ({
          person: personOf(member.person, member.personId === enrollment.personId ? enrollment : null),
          isHead: member.isHead,
          insuredElsewhere: member.insuredElsewhere,
          relationToHead: member.relationToHead,
          supportGroups: supportOf.get(member.personId) ?? [],
        }))
      : []
  const quote = await quoteWithStoredParameters(
    context,
    {
      product: enrollment.product,
      on,
      months: enrollment.months,
      monthlyIncome: enrollment.monthlyIncome,
      supportGroups: enrollment.supportGroups,
      jurisdiction: enrollment.campaign.jurisdiction,
      ...(members.length > 0
        ? {
            householdMembers: members.map((member) => ({
              insuredElsewhere: member.insuredElsewhere,
              supportGroups: member.supportGroups,
            })),
          }
        : {}),
    },
    [],
  )
  const renewedIds = new Set([enrollment.id, ...registered.map((each) => each.id)])
  const renews = await context.prisma.enrollment.findMany({
    where: { id: { in: [...renewedIds] }, AND: [readableEnrollmentsWhere(context.viewer)] },
    orderBy: [{ householdPosition: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }],
  })
  return {
    renews,
    enrollment,
    on,
    continuity,
    person: personOf(enrollment.person, enrollment),
    householdMembers: members,
    quote,
  }
}

builder.queryField('renewalDraft', (t) =>
  t.field({
    type: RenewalDraftRef,
    nullable: true,
    authScopes: { write: true },
    description:
      'The registration that renews a paid enrollment (a household’s together), prefilled and quoted; null when the enrollment is not at a center you may read. One without coverage on file is a bad argument (RENEWAL_NOT_COVERED).',
    args: {
      enrollment: t.arg.id({ required: true, description: 'The enrollment to renew (global id).' }),
      on: t.arg({ type: 'Date', description: 'The day it would be paid; today by default.' }),
    },
    resolve: async (_root, args, context) => {
      const enrollment = await context.prisma.enrollment.findFirst({
        where: {
          id: idOf(String(args.enrollment), 'Enrollment', 'enrollment'),
          AND: [readableEnrollmentsWhere(context.viewer)],
        },
        include: enrollmentWithPeople,
      })
      if (!enrollment) return null
      return renewalDraft(
        context,
        enrollment,
        args.on ?? localDateInZone(new Date(), enrollment.campaign.timeZone),
      )
    },
  }),
)

builder.prismaObjectFields('Enrollment', (t) => ({
  renews: t.field({
    type: EnrollmentNode,
    nullable: true,
    description:
      'The person’s previous paid enrollment in the same product, which this one renews; null for a first one (or one at a center you may not read).',
    select: { id: true, personId: true, product: true, registeredAt: true },
    resolve: (enrollment, _args, context) =>
      context.prisma.enrollment.findFirst({
        where: {
          personId: enrollment.personId,
          product: enrollment.product,
          registeredAt: { lt: enrollment.registeredAt },
          coverageEnd: { not: null },
          AND: [readableEnrollmentsWhere(context.viewer)],
        },
        orderBy: [{ registeredAt: 'desc' }, { id: 'desc' }],
      }),
  }),
  renewedBy: t.field({
    type: EnrollmentNode,
    nullable: true,
    description:
      'The person’s next live enrollment in the same product, which renews this one; null while it is not renewed (the worklists’ EXPIRING and LAPSED hold it then).',
    select: { id: true, personId: true, product: true, registeredAt: true },
    resolve: (enrollment, _args, context) =>
      context.prisma.enrollment.findFirst({
        where: {
          personId: enrollment.personId,
          product: enrollment.product,
          registeredAt: { gt: enrollment.registeredAt },
          live: true,
          AND: [readableEnrollmentsWhere(context.viewer)],
        },
        orderBy: [{ registeredAt: 'asc' }, { id: 'asc' }],
      }),
  }),
}))
