// The registration form's values, its checks as the user types (the shared rules, never copies of
// them), the API input it becomes, and where each of the API's error paths lands in it.
import {
  describeIssue,
  type Issue,
  isIsoDate,
  type Locale,
  normalizePhone,
  normalizeText,
  type Product,
  rankHouseholdMembers,
  type Sex,
  type SupportGroup,
  validateCitizenId,
} from '@tangtoc/shared'
import type { TFunction } from 'i18next'
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
  campaign: string | null
  center: string | null
  session: string | null
  product: Product
  person: PersonValues
  months: string | null
  monthlyIncome: number | string
  supportGroups: SupportGroup[]
  members: MemberValues[]
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

export function initialRegistration(defaults: Partial<RegistrationValues> = {}): RegistrationValues {
  return {
    campaign: null,
    center: null,
    session: null,
    product: 'VOLUNTARY_SOCIAL_INSURANCE',
    person: emptyPerson(),
    months: '12',
    monthlyIncome: '',
    supportGroups: [],
    members: [newMember(true)],
    ...defaults,
  }
}

type Errors = Record<string, string>
type Check = { t: TFunction; locale: Locale; today: string }

function issueText(problem: Issue, locale: Locale) {
  return problem.message[locale]
}

/** A person's fields under `prefix` ('person', 'members.2.person'), checked with the shared rules. */
export function personErrors(
  person: PersonValues,
  prefix: string,
  { t, locale, today }: Check,
  withPhone = true,
) {
  const errors: Errors = {}
  if (normalizeText(person.fullName) === '') errors[`${prefix}.fullName`] = t('enrollment.errors.required')
  if (person.dateOfBirth === '') errors[`${prefix}.dateOfBirth`] = t('enrollment.errors.required')
  else if (!isIsoDate(person.dateOfBirth))
    errors[`${prefix}.dateOfBirth`] = describeIssue({ code: 'DATE_INVALID' }, locale)
  else if (person.dateOfBirth > today)
    errors[`${prefix}.dateOfBirth`] = t('enrollment.errors.dateOfBirthFuture')
  if (person.sex === '') errors[`${prefix}.sex`] = t('enrollment.errors.required')
  if (person.citizenId.trim() === '') errors[`${prefix}.citizenId`] = t('enrollment.errors.required')
  else {
    const checked = validateCitizenId(person.citizenId, {
      ...(isIsoDate(person.dateOfBirth) ? { dateOfBirth: person.dateOfBirth } : {}),
      ...(person.sex ? { sex: person.sex } : {}),
    })
    if (!checked.ok) {
      const messages = checked.issues
        .filter((problem) => problem.path === 'citizenId')
        .map((p) => issueText(p, locale))
      if (messages.length > 0) errors[`${prefix}.citizenId`] = messages.join(' ')
    }
  }
  if (withPhone && person.phone.trim() !== '') {
    const phone = normalizePhone(person.phone)
    if (!phone.ok) errors[`${prefix}.phone`] = phone.issues.map((p) => issueText(p, locale)).join(' ')
  }
  return errors
}

/** Every check the form makes before it asks the API; the API checks again and has the last word. */
export function registrationErrors(values: RegistrationValues, check: Check): Errors {
  const { t, locale } = check
  const errors: Errors = { ...personErrors(values.person, 'person', check) }
  if (!values.campaign) errors.campaign = t('enrollment.errors.required')
  if (!values.center) errors.center = t('enrollment.errors.required')
  if (!values.months) errors.months = t('enrollment.errors.required')
  if (values.product === 'VOLUNTARY_SOCIAL_INSURANCE' && values.monthlyIncome === '') {
    errors.monthlyIncome = describeIssue({ code: 'INCOME_REQUIRED' }, locale)
  }
  if (values.product === 'HOUSEHOLD_HEALTH_INSURANCE') {
    values.members.forEach((member, index) => {
      if (!member.self)
        Object.assign(errors, personErrors(member.person, `members.${index}.person`, check, false))
    })
    const ranking = rankHouseholdMembers(values.members, 'members')
    if (!ranking.ok) errors.members = ranking.issues.map((p) => issueText(p, locale)).join(' ')
  }
  return errors
}

type RegisterInput = VariablesOf<typeof RegisterEnrollmentMutation>['input']

function personInput(person: PersonValues) {
  const phone = person.phone.trim()
  return {
    fullName: normalizeText(person.fullName),
    citizenId: person.citizenId.replace(/\s/g, ''),
    dateOfBirth: person.dateOfBirth,
    sex: person.sex as Sex,
    ...(phone ? { phone } : {}),
    ...(normalizeText(person.address) ? { address: normalizeText(person.address) } : {}),
    ...(person.wardCode ? { wardCode: person.wardCode } : {}),
  }
}

/** The form as the API's registration input. */
export function registrationInput(values: RegistrationValues, status: 'DRAFT' | 'SUBMITTED'): RegisterInput {
  const household = values.product === 'HOUSEHOLD_HEALTH_INSURANCE'
  return {
    campaign: values.campaign ?? '',
    center: values.center ?? '',
    ...(values.session ? { session: values.session } : {}),
    product: values.product,
    person: personInput(values.person),
    months: Number(values.months),
    ...(household ? {} : { monthlyIncome: Number(values.monthlyIncome) }),
    supportGroups: values.supportGroups,
    ...(household
      ? {
          householdMembers: values.members.map((member) => ({
            person: personInput(member.self ? values.person : member.person),
            isHead: member.isHead,
            insuredElsewhere: member.insuredElsewhere,
            ...(normalizeText(member.relationToHead)
              ? { relationToHead: normalizeText(member.relationToHead) }
              : {}),
          })),
        }
      : {}),
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
])

/** Where an API error path lands in the form; null for an error about the whole registration. */
export function registrationField(values: RegistrationValues, path: readonly string[]): string | null {
  const [first, ...rest] = path[0] === 'input' ? path.slice(1) : path
  if (first === undefined) return null
  if (first === 'person') return ['person', ...rest].join('.')
  if (first === 'householdMembers') {
    const [index, ...within] = rest
    const member = index === undefined ? undefined : values.members[Number(index)]
    if (!member || within.length === 0) return 'members'
    if (member.self && within[0] === 'person') return ['person', ...within.slice(1)].join('.')
    return ['members', index, ...within].join('.')
  }
  return topLevelFields.has(first) ? first : null
}
