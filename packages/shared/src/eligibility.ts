// Who may join which product, by age on the date of the registration's rules
// (docs/domain/vn-insurance.md Appendix C):
// - voluntary social insurance is for citizens from 15 years of age (Law 41/2024/QH15, Art. 2);
// - children under 6 are insured by the state budget, not through the household: a household lists
//   them as members insured elsewhere.

import { type IsoDate, isIsoDate } from './calendar.ts'
import { type Issue, issue, personNamed } from './messages.ts'

export const voluntarySocialInsuranceMinimumAge = 15
export const stateInsuredChildAge = 6

/**
 * Whole years of age on a date. A birthday on 29 February comes round on 1 March in other years
 * (28 February is still the day before it).
 */
export function ageOn(dateOfBirth: IsoDate, on: IsoDate): number {
  const years = Number(on.slice(0, 4)) - Number(dateOfBirth.slice(0, 4))
  return on.slice(5) < dateOfBirth.slice(5) ? years - 1 : years
}

/** True for a child the state insures: under 6 on the date. */
export function isStateInsuredChild(dateOfBirth: IsoDate, on: IsoDate): boolean {
  return ageOn(dateOfBirth, on) < stateInsuredChildAge
}

/**
 * Issues for a person too young for voluntary social insurance on `on`, at `<path>.dateOfBirth`.
 * A date of birth that is not a date is the person check's to report, not this one's.
 */
export function checkVoluntaryEligibility(
  person: { readonly fullName: string; readonly dateOfBirth: IsoDate },
  on: IsoDate,
  path = 'person',
): Issue[] {
  if (!isIsoDate(person.dateOfBirth)) return []
  if (ageOn(person.dateOfBirth, on) >= voluntarySocialInsuranceMinimumAge) return []
  return [
    issue(`${path}.dateOfBirth`, 'VOLUNTARY_SOCIAL_INSURANCE_TOO_YOUNG', {
      fullName: personNamed(person.fullName),
      minimumAge: voluntarySocialInsuranceMinimumAge,
      on: { date: on },
    }),
  ]
}
