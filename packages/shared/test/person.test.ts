import { describe, expect, it } from 'vitest'
import { checkPerson, type PersonInput } from '../src/index.ts'

const today = '2025-11-10'

const mai: PersonInput = {
  fullName: '  Trần   Thị Mai ',
  citizenId: '079 190 000 123',
  dateOfBirth: '1990-05-12',
  sex: 'FEMALE',
  phone: '0912.345.678',
  address: ' 12 Lê Lợi ',
  wardCode: ' 26740 ',
  occupationGroup: 'SMALL_TRADER',
  legacySocialInsuranceCode: '79 1234 5678',
}

const problems = (result: { issues: readonly { path: string; code: string }[] }) =>
  result.issues.map(({ path, code }) => ({ path, code }))

describe('checking a person', () => {
  it('refuses a name or an address holding control or bidirectional-control characters', () => {
    const spoofed = { ...mai, fullName: 'Trần Thị \u202eiaM', address: '12 Lê\u0007 Lợi' }
    expect(problems(checkPerson(spoofed, 'person', { today }))).toEqual([
      { path: 'person.fullName', code: 'TEXT_UNREADABLE_CHARACTER' },
      { path: 'person.address', code: 'TEXT_UNREADABLE_CHARACTER' },
    ])
  })

  it('returns the details as they are stored: trimmed NFC text, E.164 phone, digits without spaces', () => {
    expect(checkPerson(mai, 'person', { today })).toEqual({
      person: {
        fullName: 'Trần Thị Mai',
        citizenId: '079190000123',
        dateOfBirth: '1990-05-12',
        sex: 'FEMALE',
        phone: '+84912345678',
        address: '12 Lê Lợi',
        wardCode: '26740',
        occupationGroup: 'SMALL_TRADER',
        legacySocialInsuranceCode: '7912345678',
      },
      issues: [],
    })
  })

  it('stores a name typed in decomposed form (NFD) composed', () => {
    const { person } = checkPerson({ ...mai, fullName: 'Tr\u0061\u0302\u0300n Thị Mai' }, 'person', { today })
    expect(person.fullName).toBe('Trần Thị Mai')
  })

  it('leaves optional details out as null', () => {
    const { person, issues } = checkPerson(
      { fullName: 'Trần Thị Mai', citizenId: '079190000123', dateOfBirth: '1990-05-12', sex: 'FEMALE' },
      'person',
      { today },
    )
    expect(issues).toEqual([])
    expect(person).toMatchObject({
      phone: null,
      address: null,
      wardCode: null,
      occupationGroup: null,
      legacySocialInsuranceCode: null,
    })
  })

  it('names each blank required field under the path given', () => {
    const blank = { fullName: ' ', citizenId: '', dateOfBirth: '', sex: '' } as const
    expect(problems(checkPerson(blank, 'householdMembers.1.person', { today }))).toEqual([
      { path: 'householdMembers.1.person.fullName', code: 'NAME_REQUIRED' },
      { path: 'householdMembers.1.person.dateOfBirth', code: 'FIELD_REQUIRED' },
      { path: 'householdMembers.1.person.sex', code: 'FIELD_REQUIRED' },
      { path: 'householdMembers.1.person.citizenId', code: 'FIELD_REQUIRED' },
    ])
  })

  it('refuses a name longer than 100 characters with the full name’s own message', () => {
    const result = checkPerson({ ...mai, fullName: 'A'.repeat(101) }, 'person', { today })
    expect(result.issues).toEqual([
      expect.objectContaining({
        path: 'person.fullName',
        code: 'NAME_REQUIRED',
        message: {
          vi: 'Cần nhập họ và tên, tối đa 100 ký tự.',
          en: 'The full name is required, at most 100 characters.',
        },
      }),
    ])
  })

  it('refuses a date of birth that is not a date, or is after today', () => {
    expect(problems(checkPerson({ ...mai, dateOfBirth: '1990-02-30' }, 'person', { today }))).toEqual([
      { path: 'person.dateOfBirth', code: 'DATE_INVALID' },
    ])
    expect(problems(checkPerson({ ...mai, dateOfBirth: '2025-11-11' }, 'person', { today }))).toEqual([
      { path: 'person.dateOfBirth', code: 'DATE_OF_BIRTH_FUTURE' },
      { path: 'person.citizenId', code: 'CITIZEN_ID_CENTURY_SEX_MISMATCH' },
      { path: 'person.citizenId', code: 'CITIZEN_ID_BIRTH_YEAR_MISMATCH' },
    ])
    expect(
      checkPerson({ ...mai, dateOfBirth: today, citizenId: '079325000123' }, 'person', { today }).issues,
    ).toEqual([])
  })

  it('cross-checks the citizen ID with the date of birth and the sex', () => {
    expect(problems(checkPerson({ ...mai, sex: 'MALE' }, 'person', { today }))).toEqual([
      { path: 'person.citizenId', code: 'CITIZEN_ID_CENTURY_SEX_MISMATCH' },
    ])
    // Without a sex yet, only the birth year is compared.
    expect(
      problems(checkPerson({ ...mai, sex: '', dateOfBirth: '1991-05-12' }, 'person', { today })),
    ).toEqual([
      { path: 'person.sex', code: 'FIELD_REQUIRED' },
      { path: 'person.citizenId', code: 'CITIZEN_ID_BIRTH_YEAR_MISMATCH' },
    ])
  })

  it('checks a phone number and a legacy social-insurance code only when given', () => {
    const result = checkPerson(
      { ...mai, phone: '0168 123 4567', legacySocialInsuranceCode: '123' },
      'person',
      {
        today,
      },
    )
    expect(problems(result)).toEqual([
      { path: 'person.phone', code: 'PHONE_ELEVEN_DIGITS' },
      { path: 'person.legacySocialInsuranceCode', code: 'LEGACY_SOCIAL_INSURANCE_CODE_FORMAT' },
    ])
    expect(result.person).toMatchObject({ phone: null, legacySocialInsuranceCode: null })
    expect(
      checkPerson({ ...mai, phone: '  ', legacySocialInsuranceCode: null }, 'person', { today }).issues,
    ).toEqual([])
  })

  it('names an old 9-digit identity card number typed as the citizen ID', () => {
    expect(problems(checkPerson({ ...mai, citizenId: '025123456' }, 'person', { today }))).toEqual([
      { path: 'person.citizenId', code: 'IDENTITY_CARD_NUMBER_OBSOLETE' },
    ])
  })
})
