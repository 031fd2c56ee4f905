import { describe, expect, it } from 'vitest'
import { checkTargetGrid, describeIssue, type TargetGridRow } from '../src/index.ts'

const campaign = {
  startDate: '2026-01-05',
  endDate: '2026-03-31',
  participantIds: new Set(['branch', 'leaf']),
}
const vsi = 'VOLUNTARY_SOCIAL_INSURANCE'
const hhi = 'HOUSEHOLD_HEALTH_INSURANCE'
const row = (fields: Partial<TargetGridRow>): TargetGridRow => ({
  product: null,
  centerId: null,
  dueDate: null,
  count: 0,
  ...fields,
})
const codesOf = (rows: TargetGridRow[]) =>
  checkTargetGrid(rows, campaign).map((problem) => [problem.path, problem.code])

describe('campaign target grid', () => {
  it('accepts a whole grid: campaign-wide, per center, per milestone', () => {
    expect(
      checkTargetGrid(
        [
          row({ product: vsi, count: 500 }),
          row({ product: vsi, centerId: 'branch', count: 300 }),
          row({ product: vsi, centerId: 'leaf', count: 200 }),
          row({ dueDate: '2026-01-05', count: 10 }),
          row({ dueDate: '2026-03-31', count: 10 }),
          row({ product: hhi, centerId: 'leaf', count: 0 }),
        ],
        campaign,
      ),
    ).toEqual([])
    expect(checkTargetGrid([], campaign)).toEqual([])
  })

  it('a count is a whole number, zero or more', () => {
    expect(
      codesOf([
        row({ centerId: 'leaf', count: -1 }),
        row({ product: vsi, centerId: 'leaf', count: 1.5 }),
        row({ product: hhi, centerId: 'leaf', count: 0 }),
      ]),
    ).toEqual([
      ['targets.0.count', 'TARGET_COUNT_INVALID'],
      ['targets.1.count', 'TARGET_COUNT_INVALID'],
    ])
  })

  it('a center must take part in the campaign', () => {
    const [problem, ...rest] = checkTargetGrid([row({ centerId: 'other', count: 1 })], campaign)
    expect(rest).toEqual([])
    expect(problem).toMatchObject({
      path: 'targets.0.center',
      code: 'TARGET_CENTER_NOT_PARTICIPANT',
      message: { en: 'This center does not take part in the campaign.' },
    })
  })

  it("a milestone's date falls within the campaign, ends included", () => {
    const issues = checkTargetGrid(
      [row({ dueDate: '2026-01-04' }), row({ dueDate: '2026-01-05' }), row({ dueDate: '2026-04-01' })],
      campaign,
    )
    expect(issues.map((problem) => problem.path)).toEqual(['targets.0.dueDate', 'targets.2.dueDate'])
    expect(issues[0]?.message).toEqual({
      vi: 'Ngày mốc phải trong thời gian chiến dịch (05/01/2026 – 31/03/2026).',
      en: "A milestone's date must fall within the campaign (05/01/2026 – 31/03/2026).",
    })
  })

  it('no two rows share product, center and due date, and the repeat names the first', () => {
    const issues = checkTargetGrid(
      [
        row({ product: vsi, centerId: 'leaf', count: 1 }),
        row({ product: hhi, centerId: 'leaf', count: 1 }),
        row({ product: vsi, centerId: 'leaf', dueDate: '2026-02-01', count: 1 }),
        row({ product: vsi, centerId: 'leaf', count: 2 }),
      ],
      campaign,
    )
    expect(issues).toEqual([
      {
        path: 'targets.3',
        code: 'TARGET_DUPLICATE',
        message: {
          vi: 'Trùng với dòng 0 (cùng loại hình, đơn vị và ngày mốc).',
          en: 'Repeats row 0 (same product, center and due date).',
        },
        params: { row: 0 },
      },
    ])
  })

  it("per product, the centers' end targets may not add up to more than the campaign-wide one", () => {
    const issues = checkTargetGrid(
      [
        row({ product: vsi, count: 500 }),
        row({ product: vsi, centerId: 'branch', count: 400 }),
        row({ product: vsi, centerId: 'leaf', dueDate: '2026-02-01', count: 900 }),
        row({ product: vsi, centerId: 'leaf', count: 101 }),
        row({ product: hhi, count: 10 }),
        row({ product: hhi, centerId: 'leaf', count: 10 }),
      ],
      campaign,
    )
    expect(issues.map((problem) => [problem.path, problem.code])).toEqual([
      ['targets.0.count', 'TARGET_CENTERS_EXCEED_CAMPAIGN'],
      ['targets.1.count', 'TARGET_CENTERS_EXCEED_CAMPAIGN'],
      ['targets.3.count', 'TARGET_CENTERS_EXCEED_CAMPAIGN'],
    ])
    expect(issues[0]?.message).toEqual({
      vi: 'Tổng chỉ tiêu các đơn vị cho BHXH tự nguyện (dòng 1, 3) là 501, vượt chỉ tiêu toàn chiến dịch 500 (dòng 0).',
      en: "The centers' targets for Voluntary social insurance (rows 1, 3) add up to 501, more than the campaign-wide 500 (row 0).",
    })
  })

  it('names every product when the targets are for all of them', () => {
    const [problem] = checkTargetGrid([row({ count: 1 }), row({ centerId: 'leaf', count: 2 })], campaign)
    expect(problem && [describeIssue(problem, 'vi'), describeIssue(problem, 'en')]).toEqual([
      'Tổng chỉ tiêu các đơn vị cho mọi loại hình (dòng 1) là 2, vượt chỉ tiêu toàn chiến dịch 1 (dòng 0).',
      "The centers' targets for all products (rows 1) add up to 2, more than the campaign-wide 1 (row 0).",
    ])
  })

  it('without a campaign-wide target, centers are not limited', () => {
    expect(codesOf([row({ product: vsi, centerId: 'leaf', count: 10_000 })])).toEqual([])
  })
})
