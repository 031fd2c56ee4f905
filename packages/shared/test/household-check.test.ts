import { describe, expect, it } from 'vitest'
import {
  checkHousehold,
  checkHouseholdCode,
  checkPerson,
  type HouseholdMemberInput,
  type PersonInput,
} from '../src/index.ts'

const dates = { today: '2025-11-10', on: '2025-11-10' }

const mai: PersonInput = {
  fullName: 'Trần Thị Mai',
  citizenId: '079190000123',
  dateOfBirth: '1990-05-12',
  sex: 'FEMALE',
}
const hung: PersonInput = {
  fullName: 'Lê Văn Hùng',
  citizenId: '079088000456',
  dateOfBirth: '1988-02-01',
  sex: 'MALE',
}
const an: PersonInput = {
  fullName: 'Lê Minh An',
  citizenId: '079221000789',
  dateOfBirth: '2021-03-04',
  sex: 'MALE',
}

const enrolled = checkPerson(mai, 'person', dates).person

function check(
  householdMembers: readonly HouseholdMemberInput[] | null,
  product = 'HOUSEHOLD_HEALTH_INSURANCE',
) {
  return checkHousehold(
    { product: product as 'HOUSEHOLD_HEALTH_INSURANCE', person: enrolled, householdMembers },
    dates,
  )
}

const problems = (result: { issues: readonly { path: string; code: string }[] }) =>
  result.issues.map(({ path, code }) => ({ path, code }))

describe('checking a household', () => {
  it('is the person alone, as head, when no members are given', () => {
    expect(check(null)).toEqual({
      members: [{ person: enrolled, isHead: true, insuredElsewhere: false, relationToHead: null }],
      enrolledIndex: 0,
      code: null,
      issues: [],
    })
  })

  it('lists members only for household health insurance', () => {
    expect(check([{ person: mai, isHead: true }], 'VOLUNTARY_SOCIAL_INSURANCE')).toEqual({
      members: null,
      enrolledIndex: 0,
      code: null,
      issues: [expect.objectContaining({ path: 'householdMembers', code: 'HOUSEHOLD_NOT_FOR_PRODUCT' })],
    })
    expect(check(null, 'VOLUNTARY_SOCIAL_INSURANCE').issues).toEqual([])
  })

  it('checks each member and finds the person enrolled among them', () => {
    const result = check([
      { person: hung, isHead: true },
      { person: { ...mai, citizenId: '079 190 000 123' }, relationToHead: '  vợ ' },
    ])
    expect(result.issues).toEqual([])
    expect(result.enrolledIndex).toBe(1)
    expect(result.members?.[1]).toEqual({
      person: enrolled,
      isHead: false,
      insuredElsewhere: false,
      relationToHead: 'vợ',
    })
  })

  it('places each member’s own problems under that member', () => {
    const result = check([{ person: mai, isHead: true }, { person: { ...hung, sex: 'FEMALE' } }])
    expect(problems(result)).toEqual([
      { path: 'householdMembers.1.person.citizenId', code: 'CITIZEN_ID_CENTURY_SEX_MISMATCH' },
    ])
  })

  it('refuses a relation to the head with a bidirectional-text control in it', () => {
    const result = check([
      { person: mai, isHead: true },
      { person: hung, relationToHead: 'chồng\u202e' },
    ])
    expect(problems(result)).toEqual([
      { path: 'householdMembers.1.relationToHead', code: 'TEXT_UNREADABLE_CHARACTER' },
    ])
  })

  it('needs exactly one head', () => {
    expect(problems(check([{ person: mai }, { person: hung }]))).toEqual([
      { path: 'householdMembers', code: 'HOUSEHOLD_HEAD_MISSING' },
    ])
    expect(
      problems(
        check([
          { person: mai, isHead: true },
          { person: hung, isHead: true },
        ]),
      ),
    ).toEqual([{ path: 'householdMembers.1.isHead', code: 'HOUSEHOLD_HEAD_MULTIPLE' }])
  })

  it('refuses a member listed twice, at the second', () => {
    expect(problems(check([{ person: mai, isHead: true }, { person: hung }, { person: hung }]))).toEqual([
      { path: 'householdMembers.2.person.citizenId', code: 'HOUSEHOLD_MEMBER_DUPLICATE' },
    ])
  })

  it('needs the person enrolled among the members, and not insured elsewhere', () => {
    expect(problems(check([{ person: hung, isHead: true }]))).toEqual([
      { path: 'householdMembers', code: 'HOUSEHOLD_MEMBER_MISSING' },
    ])
    expect(
      problems(
        check([
          { person: hung, isHead: true },
          { person: mai, insuredElsewhere: true },
        ]),
      ),
    ).toEqual([{ path: 'householdMembers.1.insuredElsewhere', code: 'HOUSEHOLD_MEMBER_INSURED_ELSEWHERE' }])
  })

  it('refuses to enrol a child under 6 with the household, naming the child', () => {
    const result = check([
      { person: hung, isHead: true },
      { person: mai },
      { person: an, relationToHead: 'con' },
    ])
    expect(result.issues).toEqual([
      expect.objectContaining({
        path: 'householdMembers.2.insuredElsewhere',
        code: 'HOUSEHOLD_MEMBER_UNDER_SIX',
        message: {
          vi: 'Lê Minh An chưa đủ 6 tuổi nên được ngân sách nhà nước đóng BHYT, không tham gia theo hộ gia đình: đánh dấu là đã có BHYT theo nhóm khác.',
          en: 'Lê Minh An is under 6, so the state insures them, not the household: mark them as insured through another group.',
        },
      }),
    ])
  })

  it('lists a child under 6 as insured elsewhere, and enrols one from the 6th birthday', () => {
    expect(
      check([{ person: hung, isHead: true }, { person: mai }, { person: an, insuredElsewhere: true }]).issues,
    ).toEqual([])
    const sixToday = { ...an, dateOfBirth: '2019-11-10', citizenId: '079219000789' }
    expect(check([{ person: hung, isHead: true }, { person: mai }, { person: sixToday }]).issues).toEqual([])
  })

  it('refuses a child under 6 registered alone for household health insurance', () => {
    const child = checkPerson(an, 'person', dates).person
    const result = checkHousehold({ product: 'HOUSEHOLD_HEALTH_INSURANCE', person: child }, dates)
    expect(problems(result)).toEqual([{ path: 'person.dateOfBirth', code: 'HOUSEHOLD_MEMBER_UNDER_SIX' }])
    const unnamed = checkHousehold(
      { product: 'HOUSEHOLD_HEALTH_INSURANCE', person: { ...child, fullName: '' } },
      dates,
    )
    expect(unnamed.issues[0]?.message.en).toMatch(/^This person is under 6, so the state insures them/)
    expect(unnamed.issues[0]?.message.vi).toMatch(/^Người này chưa đủ 6 tuổi/)
  })
})

describe('members joining a household already enrolled', () => {
  it('need no head, and none of them may be one (the household has its head)', () => {
    const joining = (members: readonly HouseholdMemberInput[]) =>
      checkHousehold(
        { product: 'HOUSEHOLD_HEALTH_INSURANCE', person: enrolled, householdMembers: members },
        { ...dates, joining: true },
      ).issues.map((problem) => [problem.path, problem.code])
    expect(joining([{ person: mai, relationToHead: 'con dâu' }])).toEqual([])
    expect(joining([{ person: mai, isHead: true }])).toEqual([
      ['householdMembers.0.isHead', 'HOUSEHOLD_HEAD_MULTIPLE'],
    ])
  })
})

describe('a household’s code (mã hộ gia đình)', () => {
  it('is kept trimmed and composed, and none is none', () => {
    expect(checkHouseholdCode('  7901234567 ')).toEqual({ ok: true, code: '7901234567' })
    expect(checkHouseholdCode('HO-01/Q1')).toEqual({ ok: true, code: 'HO-01/Q1' })
    expect(checkHouseholdCode('HỘ.1'.normalize('NFD'))).toEqual({ ok: true, code: 'HỘ.1' })
    // A neighbourhood's own numbering, as sheets write it: one space between parts.
    expect(checkHouseholdCode(' Hộ  1 ')).toEqual({ ok: true, code: 'Hộ 1' })
    expect(checkHouseholdCode('   ')).toEqual({ ok: true, code: null })
    expect(checkHouseholdCode(null)).toEqual({ ok: true, code: null })
  })

  it('is letters and digits, separators only between them, at most 30 characters, else refused in both languages', () => {
    for (const bad of ['HO#01', '-01', 'HO--1', 'HO - 1', 'HO#1', '1'.repeat(31)]) {
      const result = checkHouseholdCode(bad)
      expect(result.ok ? [] : problems(result), bad).toEqual([
        { path: 'householdCode', code: 'HOUSEHOLD_CODE_FORMAT' },
      ])
    }
    const refused = checkHouseholdCode('HO#01')
    expect(refused.ok ? [] : refused.issues[0]?.message).toEqual({
      vi: 'Mã hộ gia đình gồm chữ và số (có thể ngăn bởi - . / _ hoặc một dấu cách), tối đa 30 ký tự.',
      en: 'A household code is letters and digits (which - . / _ or a space may separate), at most 30 characters.',
    })
    expect(checkHouseholdCode('1'.repeat(30))).toEqual({ ok: true, code: '1'.repeat(30) })
  })

  it('is checked with the registration’s household, alone or with members', () => {
    const alone = checkHousehold(
      { product: 'HOUSEHOLD_HEALTH_INSURANCE', person: enrolled, householdCode: 'HO#1' },
      dates,
    )
    expect(problems(alone)).toEqual([{ path: 'householdCode', code: 'HOUSEHOLD_CODE_FORMAT' }])
    const withMembers = checkHousehold(
      {
        product: 'HOUSEHOLD_HEALTH_INSURANCE',
        person: enrolled,
        householdCode: 'HO-1',
        householdMembers: [{ person: mai, isHead: true }],
      },
      dates,
    )
    expect(problems(withMembers)).toEqual([])
  })
})
