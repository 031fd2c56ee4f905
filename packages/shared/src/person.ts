// A person's details as an agent types them (the registration form, the API's PersonInput, a row of a
// bulk import), checked once with the identity rules and normalized for storing.

import { type IsoDate, isIsoDate } from './calendar.ts'
import { type AudienceGroup, isOneOf, type Sex, sexes } from './enums.ts'
import { validateCitizenId, validateLegacySocialInsuranceCode } from './identity/citizen-id.ts'
import { normalizePhone } from './identity/phone.ts'
import { type Issue, issue } from './messages.ts'
import { checkFreeText } from './text/free-text.ts'
import { fullNameMaxLength, normalizeText } from './text/search-key.ts'

/**
 * A person's details as given. `Sexed` is `Sex` where the input is typed (a GraphQL enum) and
 * `Sex | ''` where a form or an import may leave the sex blank.
 */
export type PersonInput<Sexed extends Sex | '' = Sex> = {
  readonly fullName: string
  readonly citizenId: string
  /** 'YYYY-MM-DD'; blank when not given yet. */
  readonly dateOfBirth: string
  readonly sex: Sexed
  readonly phone?: string | null
  readonly address?: string | null
  readonly wardCode?: string | null
  readonly occupationGroup?: AudienceGroup | null
  readonly legacySocialInsuranceCode?: string | null
}

/** A person's details after the rules: NFC text, E.164 phone, identifiers without spaces. */
export type CheckedPerson<Sexed extends Sex | '' = Sex> = {
  readonly fullName: string
  readonly citizenId: string
  readonly dateOfBirth: IsoDate
  readonly sex: Sexed
  readonly phone: string | null
  readonly address: string | null
  readonly wardCode: string | null
  readonly occupationGroup: AudienceGroup | null
  readonly legacySocialInsuranceCode: string | null
}

/** The normalized person and what is wrong with it; the person is only for storing when `issues` is empty. */
export type PersonCheck<Sexed extends Sex | '' = Sex> = {
  readonly person: CheckedPerson<Sexed>
  readonly issues: readonly Issue[]
}

const blank = (value: string | null | undefined) =>
  value === undefined || value === null || value.trim() === ''

/**
 * Checks a person's details; issues are placed under `path` ('person', 'householdMembers.2.person').
 * A blank name, date of birth, sex or citizen ID is FIELD_REQUIRED (the name NAME_REQUIRED); a date of
 * birth after `today` is refused; the citizen ID is cross-checked with the date of birth and sex; a
 * phone number and a legacy social-insurance code are checked when given. Ward codes are checked
 * against the stored wards by the caller.
 */
export function checkPerson<Sexed extends Sex | ''>(
  input: PersonInput<Sexed>,
  path: string,
  { today }: { readonly today: IsoDate },
): PersonCheck<Sexed> {
  const issues: Issue[] = []
  const within = (problems: readonly Issue[]) =>
    issues.push(...problems.map((problem) => ({ ...problem, path: `${path}.${problem.path}` })))

  const fullName = normalizeText(input.fullName)
  if (fullName === '' || fullName.length > fullNameMaxLength) {
    issues.push(issue(`${path}.fullName`, 'NAME_REQUIRED', {}, 'fullName'))
  }
  issues.push(
    ...checkFreeText(input.fullName, `${path}.fullName`),
    ...checkFreeText(input.address, `${path}.address`),
  )
  const dateOfBirth = input.dateOfBirth.trim()
  if (dateOfBirth === '') issues.push(issue(`${path}.dateOfBirth`, 'FIELD_REQUIRED'))
  else if (!isIsoDate(dateOfBirth)) issues.push(issue(`${path}.dateOfBirth`, 'DATE_INVALID'))
  else if (dateOfBirth > today) issues.push(issue(`${path}.dateOfBirth`, 'DATE_OF_BIRTH_FUTURE'))
  const sex = isOneOf(sexes, input.sex) ? input.sex : undefined
  if (sex === undefined) issues.push(issue(`${path}.sex`, 'FIELD_REQUIRED'))

  if (blank(input.citizenId)) {
    issues.push(issue(`${path}.citizenId`, 'FIELD_REQUIRED'))
  } else {
    const holder = {
      ...(isIsoDate(dateOfBirth) ? { dateOfBirth } : {}),
      ...(sex === undefined ? {} : { sex }),
    }
    const citizenId = validateCitizenId(input.citizenId, holder)
    if (!citizenId.ok) within(citizenId.issues)
  }

  let phone: string | null = null
  if (!blank(input.phone)) {
    const result = normalizePhone(input.phone ?? '')
    if (result.ok) phone = result.phone
    else within(result.issues)
  }
  let legacySocialInsuranceCode: string | null = null
  if (!blank(input.legacySocialInsuranceCode)) {
    const result = validateLegacySocialInsuranceCode(input.legacySocialInsuranceCode ?? '')
    if (result.ok) legacySocialInsuranceCode = result.code
    else within(result.issues)
  }
  const address = normalizeText(input.address ?? '')
  return {
    person: {
      fullName,
      citizenId: input.citizenId.replace(/\s/g, ''),
      dateOfBirth,
      sex: input.sex,
      phone,
      address: address === '' ? null : address,
      wardCode: input.wardCode?.trim() || null,
      occupationGroup: input.occupationGroup ?? null,
      legacySocialInsuranceCode,
    },
    issues,
  }
}
