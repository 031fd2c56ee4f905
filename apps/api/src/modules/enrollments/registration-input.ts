// What registerEnrollment accepts: the person or household, the campaign, center and session, and the
// contribution inputs. register.ts registers it; registration-prepare.ts checks and prices it.
import { builder } from '../../builder.ts'
import { ProductEnum, SupportGroupEnum } from '../enums.ts'
import { PersonInput } from '../people/person-input.ts'

const HouseholdMemberInput = builder.inputType('HouseholdMemberInput', {
  description:
    'A member of the household, in register order. Members insured elsewhere are listed, not enrolled; every other member gets an enrollment, priced at their rank among those ranked (a member of a supported group is priced by that group instead).',
  fields: (t) => ({
    person: t.field({ type: PersonInput, required: true, description: 'The member’s details.' }),
    isHead: t.boolean({
      defaultValue: false,
      description: 'Whether the member is the head (chủ hộ); exactly one is.',
    }),
    insuredElsewhere: t.boolean({
      defaultValue: false,
      description:
        'Insured through another group (employer, state-paid, a child under 6): listed, not enrolled, not ranked.',
    }),
    relationToHead: t.string({ description: 'E.g. “vợ”, “con”.' }),
    supportGroups: t.field({
      type: [SupportGroupEnum],
      description:
        'The member’s support groups (near-poor, student, …). For the person named in the registration, the registration’s supportGroups when omitted.',
    }),
  }),
})

const RegistrationStatusEnum = builder.enumType('EnrollmentRegistrationStatus', {
  description: 'The status a new enrollment starts in.',
  values: {
    DRAFT: { description: 'Saved, not yet handed in.' },
    SUBMITTED: { description: 'Handed in for payment.' },
  },
})

export const RegisterEnrollmentInput = builder.inputType('RegisterEnrollmentInput', {
  description:
    'A registration: who, for what, where, and the contribution inputs. The amounts are computed by the server.',
  fields: (t) => ({
    campaign: t.id({ required: true, description: 'The campaign (global id); it must be active.' }),
    center: t.id({
      required: true,
      description: 'The registering center (global id): a participant of the campaign you may write for.',
    }),
    session: t.id({
      description: 'The outreach session it came from (global id); it must belong to the campaign.',
    }),
    product: t.field({ type: ProductEnum, required: true, description: 'What the person enrolls in.' }),
    person: t.field({
      type: PersonInput,
      required: true,
      description:
        'The person registering (for a household, one of its members, by citizen ID). A citizen ID on file reuses that person.',
    }),
    householdMembers: t.field({
      type: [HouseholdMemberInput],
      description:
        'Household health insurance: every member in register order, the person among them (by citizen ID). Each member not insured elsewhere is enrolled by this one registration. Omitted: the person alone. With `household`: only the members joining it (none of them its head).',
    }),
    household: t.id({
      description:
        'Household health insurance: a household already enrolled at the center in the campaign (global id), which the members given join. Each newcomer ranks after the household’s members still enrolled and pays for the months left in its period (a month begun counts whole), whatever `months` says; nobody enrolled earlier is priced again.',
    }),
    householdCode: t.string({
      description:
        'Household health insurance: Social Insurance’s household code (mã hộ gia đình) of the household registered, optional: letters and digits (- . / _ or one space between), at most 30 characters. A later import’s rows with this code as their household key, at the same center, join the household.',
    }),
    on: t.field({
      type: 'Date',
      description:
        'The first day of the period, whose rules price it; today in the campaign’s time zone when omitted. It must lie within the campaign, widened by its registrationMarginDays.',
    }),
    months: t.int({ required: true, description: 'The months paid for.' }),
    monthlyIncome: t.int({
      description: 'Voluntary social insurance: the monthly income to contribute on, whole đồng.',
    }),
    supportGroups: t.field({ type: [SupportGroupEnum], description: 'The person’s support groups.' }),
    status: t.field({
      type: RegistrationStatusEnum,
      defaultValue: 'DRAFT',
      description: 'DRAFT (the default) or SUBMITTED.',
    }),
  }),
})

export type RegisterInput = typeof RegisterEnrollmentInput.$inferInput
