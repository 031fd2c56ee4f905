// A person's details as an agent types them (the registration form, the API's PersonInput, a row of a
// bulk import), checked once with the identity rules and normalized for storing.

import { type IsoDate, isIsoDate } from './calendar.ts'
import { type AudienceGroup, isOneOf, type Sex, sexes } from './enums.ts'
import { validateCitizenId, validateLegacySocialInsuranceCode } from './identity/citizen-id.ts'
import { normalizePhone } from './identity/phone.ts'
import { type Failure, type Issue, issue } from './messages.ts'
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
  const fullName = normalizeText(input.fullName)
  const dateOfBirth = input.dateOfBirth.trim()
  const sex = isOneOf(sexes, input.sex) ? input.sex : undefined
  const phone = checkGiven(input.phone, normalizePhone, (result) => result.phone)
  const legacyCode = checkGiven(
    input.legacySocialInsuranceCode,
    validateLegacySocialInsuranceCode,
    (result) => result.code,
  )
  const issues: Issue[] = [
    ...(fullName === '' || fullName.length > fullNameMaxLength
      ? [issue(`${path}.fullName`, 'NAME_REQUIRED', {}, 'fullName')]
      : []),
    ...checkFreeText(input.fullName, `${path}.fullName`),
    ...checkFreeText(input.address, `${path}.address`),
    ...checkDateOfBirth(dateOfBirth, `${path}.dateOfBirth`, today),
    ...(sex === undefined ? [issue(`${path}.sex`, 'FIELD_REQUIRED')] : []),
    ...within(path, checkCitizenIdOf(input.citizenId, dateOfBirth, sex)),
    ...within(path, phone.issues),
    ...within(path, legacyCode.issues),
  ]
  const address = normalizeText(input.address ?? '')
  return {
    person: {
      fullName,
      citizenId: input.citizenId.replace(/\s/g, ''),
      dateOfBirth,
      sex: input.sex,
      phone: phone.value,
      address: address === '' ? null : address,
      wardCode: input.wardCode?.trim() || null,
      occupationGroup: input.occupationGroup ?? null,
      legacySocialInsuranceCode: legacyCode.value,
    },
    issues,
  }
}

/** Issues of a part of the person (the citizen ID's, the phone's) placed under the person's `path`. */
const within = (path: string, problems: readonly Issue[]) =>
  problems.map((problem) => ({ ...problem, path: `${path}.${problem.path}` }))

/** A date of birth is required, a real date and not after `today`. */
function checkDateOfBirth(dateOfBirth: string, path: string, today: IsoDate): Issue[] {
  if (dateOfBirth === '') return [issue(path, 'FIELD_REQUIRED')]
  if (!isIsoDate(dateOfBirth)) return [issue(path, 'DATE_INVALID')]
  return dateOfBirth > today ? [issue(path, 'DATE_OF_BIRTH_FUTURE')] : []
}

/** The citizen ID is required and cross-checked with the date of birth and sex, where they are valid. */
function checkCitizenIdOf(citizenId: string, dateOfBirth: string, sex: Sex | undefined): Issue[] {
  if (blank(citizenId)) return [issue('citizenId', 'FIELD_REQUIRED')]
  const holder = {
    ...(isIsoDate(dateOfBirth) ? { dateOfBirth } : {}),
    ...(sex === undefined ? {} : { sex }),
  }
  const checked = validateCitizenId(citizenId, holder)
  return checked.ok ? [] : [...checked.issues]
}

/** An optional field checked when given: its normalized value (null when blank or refused) and issues. */
function checkGiven<Success extends { readonly ok: true }>(
  given: string | null | undefined,
  check: (value: string) => Success | Failure,
  read: (result: Success) => string,
): { value: string | null; issues: readonly Issue[] } {
  if (blank(given)) return { value: null, issues: [] }
  const result = check(given ?? '')
  return result.ok ? { value: read(result), issues: [] } : { value: null, issues: result.issues }
}
