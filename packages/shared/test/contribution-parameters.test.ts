import { describe, expect, it } from 'vitest'
import { resolveParameter } from '../src/contribution/parameters.ts'
import {
  addDays,
  type ContributionParameter,
  checkParameterHistory,
  defaultContributionParameters,
  findParameter,
} from '../src/index.ts'

const rows = defaultContributionParameters

describe('contribution parameters', () => {
  it('gives the base salary in force on a date', () => {
    const on = (date: string) => findParameter(rows, 'BASE_SALARY', { on: date })?.value
    expect([
      on('2023-06-30'),
      on('2023-07-01'),
      on('2024-06-30'),
      on('2024-07-01'),
      on('2026-11-26'),
    ]).toEqual([1_490_000, 1_800_000, 1_800_000, 2_340_000, 2_340_000])
  })

  it('prefers the province’s own row to the national one, and never shows local rows nationally', () => {
    const student = { on: '2026-03-01', qualifier: 'STUDENT' }
    expect(findParameter(rows, 'HHI_SUPPORT_RATE', { ...student, jurisdiction: '79' })?.value).toBe(10_000)
    expect(findParameter(rows, 'HHI_SUPPORT_RATE', student)?.value).toBe(5000)
    expect(findParameter(rows, 'HHI_SUPPORT_RATE', { ...student, jurisdiction: '01' })?.value).toBe(5000)
    expect(
      findParameter(rows, 'VSI_LOCAL_TOP_UP', { on: '2026-03-01', qualifier: 'CITY_POOR' }),
    ).toBeUndefined()
  })

  it('reports a date with no row as a typed issue', () => {
    const result = resolveParameter(rows, 'BASE_SALARY', { on: '2019-06-30' })
    expect(result.ok ? null : result.issues[0]).toMatchObject({ path: 'on', code: 'PARAMETER_MISSING' })
    expect(result.ok ? null : result.issues[0]?.message.vi).toContain('áp dụng ngày 30/06/2019.')
  })

  it('reads rows straight from the database, dates as Date objects', () => {
    const stored: ContributionParameter[] = rows.map((row, index) => ({
      ...row,
      id: `row-${index}`,
      effectiveFrom: new Date(`${row.effectiveFrom}T00:00:00Z`),
      effectiveTo: row.effectiveTo === null ? null : new Date(`${row.effectiveTo}T00:00:00Z`),
    }))
    expect(findParameter(stored, 'BASE_SALARY', { on: '2024-05-01' })?.value).toBe(1_800_000)
  })

  it('seeds a history without overlaps, every row citing a source', () => {
    expect(checkParameterHistory(rows)).toEqual([])
    expect(rows.every((row) => row.source.length > 0)).toBe(true)
  })

  it('gives every rule a validity period: its rows follow one another day after day, the last open-ended', () => {
    const rules = new Map<string, (typeof rows)[number][]>()
    for (const row of rows) {
      const rule = `${row.key} ${row.qualifier} ${row.jurisdiction}`
      rules.set(rule, [...(rules.get(rule) ?? []), row])
    }
    for (const [rule, history] of rules) {
      const ordered = [...history].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1))
      ordered.slice(1).forEach((row, index) => {
        const previous = ordered[index]
        expect(previous?.effectiveTo && addDays(previous.effectiveTo, 1), rule).toBe(row.effectiveFrom)
      })
      expect(ordered.at(-1)?.effectiveTo, rule).toBeNull()
    }
  })

  it('ends the 2022–2025 poverty line with its decree and adds 2026–2030 as reported, unconfirmed', () => {
    const povertyLine = rows
      .filter((row) => row.key === 'RURAL_POVERTY_LINE')
      .map(({ value, effectiveFrom, effectiveTo, confirmed }) => ({
        value,
        effectiveFrom,
        effectiveTo,
        confirmed,
      }))
    expect(povertyLine).toEqual([
      { value: 700_000, effectiveFrom: '2018-01-01', effectiveTo: '2021-12-31', confirmed: false },
      { value: 1_500_000, effectiveFrom: '2022-01-01', effectiveTo: '2025-12-31', confirmed: true },
      { value: 1_500_000, effectiveFrom: '2026-01-01', effectiveTo: '2026-12-31', confirmed: false },
      { value: 2_200_000, effectiveFrom: '2027-01-01', effectiveTo: null, confirmed: false },
    ])
  })

  it('makes a nationally poor or near-poor person in Ho Chi Minh City one by the city standard, from 2026', () => {
    const implied = (qualifier: string, on: string, jurisdiction = '79') =>
      findParameter(rows, 'IMPLIED_SUPPORT_GROUP', { on, qualifier, jurisdiction })?.value
    expect(implied('POOR:CITY_POOR', '2026-01-01')).toBe(1)
    expect(implied('NEAR_POOR:CITY_NEAR_POOR', '2026-01-01')).toBe(1)
    expect(implied('POOR:CITY_POOR', '2025-12-31')).toBeUndefined()
    expect(implied('POOR:CITY_POOR', '2026-01-01', 'VN')).toBeUndefined()
  })

  it('marks what the sources leave unconfirmed so an admin can correct it', () => {
    const unconfirmed = (key: string, qualifier = '') =>
      rows.filter((row) => row.key === key && row.qualifier === qualifier).every((row) => !row.confirmed)
    expect(unconfirmed('VSI_INCOME_STEP')).toBe(true)
    expect(unconfirmed('VSI_MAX_MONTHS_AHEAD')).toBe(true)
    expect(unconfirmed('VSI_LOCAL_TOP_UP', 'CITY_POOR')).toBe(true)
    expect(unconfirmed('IMPLIED_SUPPORT_GROUP', 'POOR:CITY_POOR')).toBe(true)
  })

  it('catches overlapping periods and an end before the start', () => {
    const base = {
      key: 'BASE_SALARY',
      qualifier: '',
      jurisdiction: 'VN',
      value: 1,
      source: null,
      confirmed: true,
    } as const
    const issues = checkParameterHistory([
      { ...base, effectiveFrom: '2024-01-01', effectiveTo: null },
      { ...base, effectiveFrom: '2025-01-01', effectiveTo: '2025-12-31' },
      { ...base, effectiveFrom: '2025-01-01', effectiveTo: '2024-12-31' },
    ])
    expect(issues.map(({ path, code }) => `${path}:${code}`)).toEqual([
      'rows.1:PARAMETER_OVERLAP',
      'rows.2:PARAMETER_PERIOD_INVALID',
    ])
    expect(issues[0]?.message.en).toMatch(/overlapping periods from 01\/01\/2025\.$/)
  })
})
