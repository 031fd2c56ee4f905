import { describe, expect, it } from 'vitest'
import { citizenIdProvinceCodes } from '../src/identity/citizen-id.ts'
import {
  buildCitizenId,
  checkSocialInsuranceNumber,
  maskCitizenId,
  validateCitizenId,
  validateLegacySocialInsuranceCode,
} from '../src/index.ts'

const codesOf = (result: ReturnType<typeof validateCitizenId>) =>
  result.ok ? [] : result.issues.map((i) => i.code)

describe('personal identification numbers', () => {
  it('knows the 63 pre-2025 birth-registration province codes, not the 34 new provinces', () => {
    expect(Object.keys(citizenIdProvinceCodes)).toHaveLength(63)
    expect(citizenIdProvinceCodes['074']).toBe('Bình Dương')
    expect(citizenIdProvinceCodes['077']).toBe('Bà Rịa–Vũng Tàu')
  })

  it('reads a woman born in 2001 in Ho Chi Minh City from 079301…', () => {
    const result = validateCitizenId('079301001123', { dateOfBirth: '2001-05-02', sex: 'FEMALE' })
    expect(result).toEqual({
      ok: true,
      facts: {
        citizenId: '079301001123',
        provinceCode: '079',
        sex: 'FEMALE',
        century: 2000,
        birthYearDigits: '01',
      },
    })
  })

  it('accepts a man born in 1985 in Hà Nội', () => {
    expect(validateCitizenId('001085123456', { dateOfBirth: '1985-12-31', sex: 'MALE' }).ok).toBe(true)
  })

  it('refuses anything but 12 digits', () => {
    for (const id of ['07930100112', '0793010011234', '07930100112a', '']) {
      expect(codesOf(validateCitizenId(id))).toEqual(['CITIZEN_ID_FORMAT'])
    }
  })

  it('refuses a province code outside the 63, such as 003 or a new-province-only code', () => {
    expect(codesOf(validateCitizenId('003085123456'))).toEqual(['CITIZEN_ID_PROVINCE'])
    expect(codesOf(validateCitizenId('097085123456'))).toEqual(['CITIZEN_ID_PROVINCE'])
  })

  it('catches a 4th digit that says male for a woman, or the wrong century', () => {
    expect(codesOf(validateCitizenId('079201001123', { sex: 'FEMALE' }))).toEqual([
      'CITIZEN_ID_CENTURY_SEX_MISMATCH',
    ])
    expect(codesOf(validateCitizenId('079101001123', { dateOfBirth: '2001-05-02' }))).toEqual([
      'CITIZEN_ID_CENTURY_SEX_MISMATCH',
    ])
  })

  it('catches digits 5–6 that are not the birth year', () => {
    expect(codesOf(validateCitizenId('079302001123', { dateOfBirth: '2001-05-02', sex: 'FEMALE' }))).toEqual([
      'CITIZEN_ID_BIRTH_YEAR_MISMATCH',
    ])
  })

  it('reports every problem at once, at the field', () => {
    const result = validateCitizenId('003185123456', { dateOfBirth: '2001-01-01', sex: 'MALE' })
    expect(result.ok ? [] : result.issues.map(({ path, code }) => `${path}:${code}`)).toEqual([
      'citizenId:CITIZEN_ID_PROVINCE',
      'citizenId:CITIZEN_ID_CENTURY_SEX_MISMATCH',
      'citizenId:CITIZEN_ID_BIRTH_YEAR_MISMATCH',
    ])
  })

  it('builds numbers that validate against the same person', () => {
    const people = [
      { provinceCode: '079', dateOfBirth: '1990-03-04', sex: 'MALE', serial: 1 },
      { provinceCode: '074', dateOfBirth: '2005-07-08', sex: 'FEMALE', serial: 999_999 },
      { provinceCode: '096', dateOfBirth: '2100-01-01', sex: 'FEMALE', serial: 42 },
    ] as const
    for (const person of people) {
      const id = buildCitizenId(person)
      expect(validateCitizenId(id, person).ok).toBe(true)
    }
    expect(buildCitizenId(people[0])).toBe('079090000001')
    expect(buildCitizenId(people[2])).toBe('096500000042')
  })

  it('will not build a number from an unknown province or serial', () => {
    expect(() =>
      buildCitizenId({ provinceCode: '79', dateOfBirth: '1990-01-01', sex: 'MALE', serial: 1 }),
    ).toThrow()
    expect(() =>
      buildCitizenId({ provinceCode: '079', dateOfBirth: '1990-01-01', sex: 'MALE', serial: 1_000_000 }),
    ).toThrow()
  })

  it('masks all but the province code and the last three digits for viewers', () => {
    expect(maskCitizenId('079200001123')).toBe('079••••••123')
  })

  it('names an old 9-digit identity card number given for a personal ID', () => {
    const result = validateCitizenId('025 123 456', {}, 'person.citizenId')
    expect(result.ok ? [] : result.issues).toEqual([
      expect.objectContaining({
        path: 'person.citizenId',
        code: 'IDENTITY_CARD_NUMBER_OBSOLETE',
        message: expect.objectContaining({
          en: 'This is an old 9-digit identity card number: enter the 12-digit personal identification number printed on the identity card.',
        }),
      }),
    ])
  })

  it('checks a legacy 10-digit social-insurance code by form only', () => {
    expect(validateLegacySocialInsuranceCode('79 1234 5678')).toEqual({ ok: true, code: '7912345678' })
    expect(validateLegacySocialInsuranceCode('791234567').ok).toBe(false)
  })

  describe('social-insurance numbers', () => {
    it('are the 10-digit code or, since 2025, the 12-digit personal ID', () => {
      expect(checkSocialInsuranceNumber('79 1234 5678')).toEqual({
        ok: true,
        socialInsuranceNumber: { number: '7912345678', kind: 'LEGACY_CODE' },
      })
      expect(checkSocialInsuranceNumber('079301001123')).toEqual({
        ok: true,
        socialInsuranceNumber: { number: '079301001123', kind: 'CITIZEN_ID' },
      })
    })

    it('check a 12-digit number as a personal ID', () => {
      const result = checkSocialInsuranceNumber('999301001123', 'previousSocialInsuranceNumber')
      expect(result.ok ? [] : result.issues.map(({ path, code }) => ({ path, code }))).toEqual([
        { path: 'previousSocialInsuranceNumber', code: 'CITIZEN_ID_PROVINCE' },
      ])
    })

    it('name an old 9-digit identity card number, in this field and in the legacy code’s', () => {
      for (const result of [
        checkSocialInsuranceNumber('025123456'),
        validateLegacySocialInsuranceCode('025123456'),
      ]) {
        expect(result.ok ? [] : result.issues).toEqual([
          expect.objectContaining({
            code: 'IDENTITY_CARD_NUMBER_OBSOLETE',
            variant: 'socialInsuranceNumber',
            message: expect.objectContaining({
              vi: 'Đây là số chứng minh nhân dân 9 chữ số cũ: hãy nhập mã số BHXH 10 chữ số hoặc số định danh cá nhân 12 chữ số.',
            }),
          }),
        ])
      }
    })

    it('refuse any other length', () => {
      for (const input of ['12345678', '12345678901', '1234567890123', 'BHXH123456', '']) {
        const result = checkSocialInsuranceNumber(input)
        expect(result.ok ? [] : result.issues.map((i) => i.code), input).toEqual([
          'SOCIAL_INSURANCE_NUMBER_FORMAT',
        ])
      }
    })
  })
})
