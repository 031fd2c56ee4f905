import { describe, expect, it } from 'vitest'
import { rankHouseholdMembers } from '../src/index.ts'

describe('household ranking', () => {
  it('numbers members in order, skipping those insured elsewhere when pricing', () => {
    const result = rankHouseholdMembers([
      { name: 'An', isHead: true, insuredElsewhere: true },
      { name: 'Bình' },
      { name: 'Chi' },
    ])
    expect(
      result.ok &&
        result.members.map(({ name, position, pricingPosition }) => [name, position, pricingPosition]),
    ).toEqual([
      ['An', 1, null],
      ['Bình', 2, 1],
      ['Chi', 3, 2],
    ])
  })

  it('needs a head', () => {
    const result = rankHouseholdMembers([{ isHead: false }, {}])
    expect(result.ok ? [] : result.issues.map((i) => i.code)).toEqual(['HOUSEHOLD_HEAD_MISSING'])
  })

  it('allows only one head, pointing at the second', () => {
    const result = rankHouseholdMembers([{ isHead: true }, {}, { isHead: true }])
    expect(result.ok ? [] : result.issues.map(({ path, code }) => ({ path, code }))).toEqual([
      { path: 'members.2.isHead', code: 'HOUSEHOLD_HEAD_MULTIPLE' },
    ])
  })
})
