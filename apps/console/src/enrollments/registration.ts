// The registration form's values, its checks as the user types (the shared rules, never copies of
// them), the API input it becomes, and where each of the API's error paths lands in it.
import {
  checkHousehold,
  checkPerson,
  describeIssue,
  type Issue,
  type Locale,
  normalizeText,
  type Product,
  type Sex,
  type SupportGroup,
} from '@tangtoc/shared'
import type { VariablesOf } from '../graphql.ts'
import type { RegisterEnrollmentMutation } from './RegistrationForm.tsx'

export type PersonValues = {
  fullName: string
  citizenId: string
  dateOfBirth: string
  sex: Sex | ''
  phone: string
  address: string
  wardCode: string | null
}

export type MemberValues = {
  /** A stable React key while members are added, removed and reordered. */
  key: string
  /** The person being enrolled, whose details are the form's main person fields. */
  self: boolean
  isHead: boolean
  insuredElsewhere: boolean
  relationToHead: string
  person: PersonValues
}

export type RegistrationValues = {
  /** HHI: a household already enrolled (global id) that the members join; null for a new registration. */
  household: string | null
  campaign: string | null
  center: string | null
  session: string | null
  product: Product
  person: PersonValues
  months: string | null
  monthlyIncome: number | string
  supportGroups: SupportGroup[]
  members: MemberValues[]
  /** HHI, a new household: Social Insurance's household code (mã hộ gia đình), optional. */
  householdCode: string
}

export const emptyPerson = (): PersonValues => ({
  fullName: '',
  citizenId: '',
  dateOfBirth: '',
  sex: '',
  phone: '',
  address: '',
  wardCode: null,
})

let memberKeys = 0
export function newMember(self = false): MemberValues {
  memberKeys += 1
  return {
    key: `member-${memberKeys}`,
    self,
    isHead: self,
    insuredElsewhere: false,
    relationToHead: '',
    person: emptyPerson(),
  }
}

/** A renewal's draft as the API gives it (renewalDraft): the same people, in the same order. */
export type RenewalDraftValues = {
  product: Product
  months: number
  monthlyIncome: number | null
  supportGroups: readonly SupportGroup[]
  person: RenewalPersonValues
  householdMembers: readonly {
    isHead: boolean
    insuredElsewhere: boolean
    relationToHead: string | null
    person: RenewalPersonValues
  }[]
}
type RenewalPersonValues = {
  fullName: string
  citizenId: string
  dateOfBirth: string
  sex: Sex
  phone: string | null
  address: string | null
  wardCode: string | null
}

function personValues(person: RenewalPersonValues): PersonValues {
  return {
    fullName: person.fullName,
    citizenId: person.citizenId,
    dateOfBirth: person.dateOfBirth,
    sex: person.sex,
    phone: person.phone ?? '',
    address: person.address ?? '',
    wardCode: person.wardCode,
  }
}

/** The form's values for adding people to a household already enrolled: its newcomers, none the head. */
export function joiningValues(household: string): Partial<RegistrationValues> {
  return {
    household,
    product: 'HOUSEHOLD_HEALTH_INSURANCE',
    members: [{ ...newMember(true), isHead: false }],
  }
}

/** The form's values for renewing: the previous registration's person, household and contribution. */
export function renewalValues(draft: RenewalDraftValues): Partial<RegistrationValues> {
  const person = personValues(draft.person)
  const members = draft.householdMembers.map((member) => ({
    ...newMember(member.person.citizenId === draft.person.citizenId),
    isHead: member.isHead,
    insuredElsewhere: member.insuredElsewhere,
    relationToHead: member.relationToHead ?? '',
    person: personValues(member.person),
  }))
  return {
    product: draft.product,
    person,
    months: String(draft.months),
    monthlyIncome: draft.monthlyIncome ?? '',
    supportGroups: [...draft.supportGroups],
    ...(members.length > 0 ? { members } : {}),
  }
}

export function initialRegistration(defaults: Partial<RegistrationValues> = {}): RegistrationValues {
  return {
    household: null,
    campaign: null,
    center: null,
    session: null,
    product: 'VOLUNTARY_SOCIAL_INSURANCE',
    person: emptyPerson(),
    months: '12',
    monthlyIncome: '',
    supportGroups: [],
    members: [newMember(true)],
    householdCode: '',
    ...defaults,
  }
}

type Errors = Record<string, string>
type Check = { locale: Locale; today: string }

/** The form's fields for issues at the API's input paths; the messages of one field are joined. */
function errorsOf(values: RegistrationValues, issues: readonly Issue[], locale: Locale): Errors {
  const messages = new Map<string, Set<string>>()
  for (const problem of issues) {
    const field = registrationField(values, problem.path.split('.')) ?? 'members'
    messages.set(field, (messages.get(field) ?? new Set()).add(problem.message[locale]))
  }
  return Object.fromEntries([...messages].map(([field, texts]) => [field, [...texts].join(' ')]))
}

/**
 * Every check the form makes before it asks the API, with the shared rules the API applies (the person,
 * the household, who may join): the API checks again and has the last word.
 */
export function registrationErrors(values: RegistrationValues, { locale, today }: Check): Errors {
  const required = describeIssue({ code: 'FIELD_REQUIRED' }, locale)
  const errors: Errors = {}
  if (!values.campaign) errors.campaign = required
  if (!values.center) errors.center = required
  if (!values.months) errors.months = required
  if (values.product === 'VOLUNTARY_SOCIAL_INSURANCE' && values.monthlyIncome === '') {
    errors.monthlyIncome = describeIssue({ code: 'INCOME_REQUIRED' }, locale)
  }
  const input = registrationPeople(values)
  const checked = checkPerson(input.person, 'person', { today })
  const household = checkHousehold(
    {
      product: values.product,
      person: checked.person,
      householdMembers: input.householdMembers,
      householdCode: input.householdCode,
    },
    { today, on: today, joining: values.household !== null },
  )
  return { ...errors, ...errorsOf(values, [...checked.issues, ...household.issues], locale) }
}

/**
 * The person and, for household health insurance, the members (and a new household's code) as the API's
 * input has them.
 */
function registrationPeople(values: RegistrationValues) {
  const household = values.product === 'HOUSEHOLD_HEALTH_INSURANCE'
  return {
    householdCode: household && values.household === null ? normalizeText(values.householdCode) : '',
    person: personInput(values.person),
    householdMembers: household
      ? values.members.map((member) => ({
          person: personInput(member.self ? values.person : member.person),
          isHead: member.isHead,
          insuredElsewhere: member.insuredElsewhere,
          ...(normalizeText(member.relationToHead)
            ? { relationToHead: normalizeText(member.relationToHead) }
            : {}),
        }))
      : null,
  }
}

type RegisterInput = VariablesOf<typeof RegisterEnrollmentMutation>['input']

function personInput(person: PersonValues) {
  const phone = person.phone.trim()
  return {
    fullName: normalizeText(person.fullName),
    citizenId: person.citizenId.replace(/\s/g, ''),
    dateOfBirth: person.dateOfBirth,
    sex: person.sex,
    ...(phone ? { phone } : {}),
    ...(normalizeText(person.address) ? { address: normalizeText(person.address) } : {}),
    ...(person.wardCode ? { wardCode: person.wardCode } : {}),
  }
}

/** The form as the API's registration input (sent once the checks pass, so the sex is given). */
export function registrationInput(values: RegistrationValues, status: 'DRAFT' | 'SUBMITTED'): RegisterInput {
  const { person, householdMembers, householdCode } = registrationPeople(values)
  const withSex = (given: ReturnType<typeof personInput>) => ({ ...given, sex: given.sex as Sex })
  return {
    campaign: values.campaign ?? '',
    center: values.center ?? '',
    ...(values.household ? { household: values.household } : {}),
    ...(values.session ? { session: values.session } : {}),
    product: values.product,
    person: withSex(person),
    months: Number(values.months),
    ...(householdMembers ? {} : { monthlyIncome: Number(values.monthlyIncome) }),
    supportGroups: values.supportGroups,
    ...(householdMembers
      ? {
          householdMembers: householdMembers.map((member) => ({ ...member, person: withSex(member.person) })),
        }
      : {}),
    ...(householdCode ? { householdCode } : {}),
    status,
  }
}

const topLevelFields = new Set([
  'campaign',
  'center',
  'session',
  'product',
  'months',
  'monthlyIncome',
  'supportGroups',
  'householdCode',
])

/** Where an API error path lands in the form; null for an error about the whole registration. */
export function registrationField(values: RegistrationValues, path: readonly string[]): string | null {
  const [first, ...rest] = path[0] === 'input' ? path.slice(1) : path
  if (first === undefined) return null
  if (first === 'person') return ['person', ...rest].join('.')
  if (first === 'householdMembers') {
    const [index, ...within] = rest
    const member = index === undefined ? undefined : values.members[Number(index)]
    // The head is chosen among the members: a problem with it is the list's.
    if (!member || within.length === 0 || within[0] === 'isHead') return 'members'
    if (member.self && within[0] === 'person') return ['person', ...within.slice(1)].join('.')
    return ['members', index, ...within].join('.')
  }
  return topLevelFields.has(first) ? first : null
}
