import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, ageOn, checkVoluntaryEligibility, isIsoDate, isStateInsuredChild } from '../src/index.ts'

const isoDates = fc
  .date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10))

describe('age and eligibility', () => {
  it('counts whole years: 14 the day before the 15th birthday, 15 on it', () => {
    expect(ageOn('2010-11-10', '2025-11-09')).toBe(14)
    expect(ageOn('2010-11-10', '2025-11-10')).toBe(15)
  })

  it('brings a 29 February birthday round on 1 March in common years', () => {
    expect(ageOn('2020-02-29', '2026-02-28')).toBe(5)
    expect(ageOn('2020-02-29', '2026-03-01')).toBe(6)
    expect(ageOn('2020-02-29', '2028-02-29')).toBe(8)
  })

  it('is n years from the n-th birthday to the day before the next, and never falls as days pass', () => {
    fc.assert(
      fc.property(
        isoDates,
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 0, max: 400 }),
        (born, n, days) => {
          const year = String(Number(born.slice(0, 4)) + n)
          // A 29 February birthday comes round on 1 March in a common year.
          const birthday = isIsoDate(`${year}${born.slice(4)}`) ? `${year}${born.slice(4)}` : `${year}-03-01`
          expect(ageOn(born, birthday)).toBe(n)
          expect(ageOn(born, addDays(birthday, -1))).toBe(n - 1)
          expect(ageOn(born, addDays(birthday, days))).toBeGreaterThanOrEqual(n)
        },
      ),
    )
  })

  it('lets a citizen join voluntary social insurance from the 15th birthday', () => {
    const person = { fullName: 'Võ Thị Lan', dateOfBirth: '2010-11-10' }
    expect(checkVoluntaryEligibility(person, '2025-11-10')).toEqual([])
    expect(checkVoluntaryEligibility(person, '2025-11-09')).toEqual([
      expect.objectContaining({
        path: 'person.dateOfBirth',
        code: 'VOLUNTARY_SOCIAL_INSURANCE_TOO_YOUNG',
        message: {
          vi: 'Võ Thị Lan chưa đủ 15 tuổi vào ngày 09/11/2025: BHXH tự nguyện dành cho công dân từ đủ 15 tuổi.',
          en: 'Võ Thị Lan is not yet 15 on 09/11/2025: voluntary social insurance is for citizens from 15 years of age.',
        },
      }),
    ])
  })

  it('says “this person” while the name is not typed yet, rather than beginning with nothing', () => {
    for (const fullName of ['', '   ']) {
      expect(
        checkVoluntaryEligibility({ fullName, dateOfBirth: '2016-12-07' }, '2026-12-05')[0]?.message,
      ).toEqual({
        vi: 'Người này chưa đủ 15 tuổi vào ngày 05/12/2026: BHXH tự nguyện dành cho công dân từ đủ 15 tuổi.',
        en: 'This person is not yet 15 on 05/12/2026: voluntary social insurance is for citizens from 15 years of age.',
      })
    }
  })

  it('leaves a date of birth that is not a date to the person check', () => {
    expect(checkVoluntaryEligibility({ fullName: 'X', dateOfBirth: '' }, '2025-11-10')).toEqual([])
  })

  it('has the state insure children until their 6th birthday', () => {
    expect(isStateInsuredChild('2019-11-11', '2025-11-10')).toBe(true)
    expect(isStateInsuredChild('2019-11-10', '2025-11-10')).toBe(false)
  })
})
