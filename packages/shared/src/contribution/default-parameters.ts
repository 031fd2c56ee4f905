// The seeded history of contribution parameters: every rule that changes with the law, as date-ranged
// rows of the ContributionParameter model. Figures and sources: docs/domain/vn-insurance.md
// (bracketed numbers are its references). confirmed: false marks what that document calls
// UNCONFIRMED or takes from general knowledge (its Appendix A); an admin can correct those rows.

import type { IsoDate } from '../calendar.ts'
import type { ContributionParameter } from './parameters.ts'
import { impliedSupportGroupQualifier } from './support-groups.ts'

export type ContributionParameterSeed = ContributionParameter & {
  readonly effectiveFrom: IsoDate
  readonly effectiveTo: IsoDate | null
  readonly source: string
}

const national = 'VN'
const hoChiMinhCity = '79'

const sources = {
  baseSalary2019: 'Decree 38/2019/NĐ-CP (docs/domain/vn-insurance.md Appendix A; verify)',
  baseSalary2023: 'Decree 24/2023/NĐ-CP (docs/domain/vn-insurance.md Appendix A; verify)',
  baseSalary2024: 'Decree 73/2024/NĐ-CP [16]; unchanged on 2026-01-01 [18]',
  povertyLine2018:
    'Rural poverty line 2016–2021, Decision 59/2015/QĐ-TTg (docs/domain/vn-insurance.md Appendix A; verify)',
  povertyLine2022: 'Decree 07/2021/NĐ-CP, rural poverty line 2022–2025 [5][12]',
  povertyLine2026:
    'Decree 351/2025/NĐ-CP (2025-12-30) as reported: 1,500,000 rural through 2026 (docs/domain/vn-insurance.md Appendix C; UNCONFIRMED until its text is read)',
  povertyLine2027:
    'Decree 351/2025/NĐ-CP (2025-12-30) as reported: 2,200,000 rural from 2027-01-01 (docs/domain/vn-insurance.md Appendix C; UNCONFIRMED until its text is read)',
  referenceLevelBefore2025:
    'Law 58/2014/QH13: VSI income cap was 20 × base salary; stored as the reference level (verify)',
  referenceLevel2025: 'Law 41/2024/QH15: reference level, still equal to the base salary [5]',
  vsiLaw2014:
    'Law on Social Insurance 58/2014/QH13, Art. 87 (docs/domain/vn-insurance.md Appendix A; verify)',
  vsiLaw2024: 'Law on Social Insurance 41/2024/QH15, Art. 36 [7][10]',
  vsiStep: 'Decision 595/QĐ-BHXH practice: floor + m × 50,000 (UNCONFIRMED for 2025)',
  decree134: 'Decree 134/2015/NĐ-CP, Art. 14 (docs/domain/vn-insurance.md Appendix A; verify)',
  decree159: 'Decree 159/2025/NĐ-CP [6][5]',
  hcmcTopUp:
    'Resolution 84/2025/NQ-HĐND TP.HCM [14]: city poverty standard; in force date 2026-01-01 inferred (UNCONFIRMED)',
  monthsAhead: 'VSS guidance under Decree 134: at most 5 years ahead [9] (UNCONFIRMED under Decree 159)',
  decree146: 'Decree 146/2018/NĐ-CP, Art. 7 (docs/domain/vn-insurance.md Appendix A; verify)',
  decree188: 'Decree 188/2025/NĐ-CP, Art. 6(5) [19][20][21]',
  decree188Support: 'Decree 188/2025/NĐ-CP [21]: minimum state support',
  hcmcResolution75: 'HCMC Resolution 75/2025: 100% from 2026-01-01 [24]',
  hcmcStudentsSeniors: 'HCMC resolution: 100% for students and people aged 65–75, from 2026-01-01 [25]',
  hcmcPovertyStandard:
    'HCMC Resolutions 75/2025 [24] and 84/2025 [14] support the poor and near-poor by the city standard, which is above the national one: a household poor (near-poor) nationally is so by the city standard too (inferred, UNCONFIRMED)',
} as const

type Period = { readonly from: IsoDate; readonly to: IsoDate | null }
const decree134Period: Period = { from: '2018-01-01', to: '2025-06-30' }
const decree159Period: Period = { from: '2025-07-01', to: null }
const decree146Period: Period = { from: '2018-12-01', to: '2025-08-14' }
const decree188Period: Period = { from: '2025-08-15', to: null }
const hcmc2026Period: Period = { from: '2026-01-01', to: null }

function row(
  key: ContributionParameter['key'],
  value: number,
  period: Period,
  source: string,
  options: { readonly qualifier?: string; readonly jurisdiction?: string; readonly confirmed?: boolean } = {},
): ContributionParameterSeed {
  return {
    key,
    qualifier: options.qualifier ?? '',
    jurisdiction: options.jurisdiction ?? national,
    value,
    effectiveFrom: period.from,
    effectiveTo: period.to,
    source,
    confirmed: options.confirmed ?? true,
  }
}

const unconfirmed = { confirmed: false } as const

const baseSalaryHistory = [
  { value: 1_490_000, period: { from: '2019-07-01', to: '2023-06-30' }, source: sources.baseSalary2019 },
  { value: 1_800_000, period: { from: '2023-07-01', to: '2024-06-30' }, source: sources.baseSalary2023 },
  { value: 2_340_000, period: { from: '2024-07-01', to: null }, source: sources.baseSalary2024 },
] as const

/**
 * The parameter rows the database is seeded with, and the rows tests quote against.
 *
 * Decisions where the sources are silent:
 * - REFERENCE_LEVEL repeats the base salary for every period. Before 2025-07-01 the VSI cap was
 *   20 × base salary (Law 58/2014); from then it is 20 × the reference level (Law 41/2024), which
 *   the government has left equal to the base salary. One key keeps the cap rule the same for all dates.
 * - Decree 134 had no ethnic-minority or island rate: those people got the "others" 10%, which the
 *   quote applies to everyone by default, so no rows are needed for them before 2025-07-01.
 * - VSI_SUPPORT_MAX_MONTHS is 120 under both decrees (10 years under Decree 134 Art. 14).
 * - HHI_MEMBER_SHARE qualifier '5' is used for member 5 and every member after.
 * - RURAL_POVERTY_LINE: Decree 07/2021's row ends with its period (2025-12-31); Decree 351/2025 as the
 *   press reported it continues 1,500,000 through 2026 and sets 2,200,000 from 2027, both unconfirmed.
 * - IMPLIED_SUPPORT_GROUP: in Ho Chi Minh City from 2026 a nationally poor (near-poor) person counts
 *   as poor (near-poor) by the city standard, so the city's support applies without a second tick.
 */
export const defaultContributionParameters: readonly ContributionParameterSeed[] = [
  ...baseSalaryHistory.map(({ value, period, source }) =>
    row('BASE_SALARY', value, period, source, { confirmed: period.from === '2024-07-01' }),
  ),
  row(
    'RURAL_POVERTY_LINE',
    700_000,
    { from: '2018-01-01', to: '2021-12-31' },
    sources.povertyLine2018,
    unconfirmed,
  ),
  row('RURAL_POVERTY_LINE', 1_500_000, { from: '2022-01-01', to: '2025-12-31' }, sources.povertyLine2022),
  row(
    'RURAL_POVERTY_LINE',
    1_500_000,
    { from: '2026-01-01', to: '2026-12-31' },
    sources.povertyLine2026,
    unconfirmed,
  ),
  row(
    'RURAL_POVERTY_LINE',
    2_200_000,
    { from: '2027-01-01', to: null },
    sources.povertyLine2027,
    unconfirmed,
  ),
  ...baseSalaryHistory.map(({ value, period }) =>
    period.from === '2024-07-01'
      ? row('REFERENCE_LEVEL', value, period, sources.referenceLevel2025)
      : row('REFERENCE_LEVEL', value, period, sources.referenceLevelBefore2025, unconfirmed),
  ),

  row('VSI_RATE', 2200, decree134Period, sources.vsiLaw2014, unconfirmed),
  row('VSI_RATE', 2200, decree159Period, sources.vsiLaw2024),
  row('VSI_INCOME_CAP_MULTIPLE', 20, decree134Period, sources.vsiLaw2014, unconfirmed),
  row('VSI_INCOME_CAP_MULTIPLE', 20, decree159Period, sources.referenceLevel2025),
  row('VSI_INCOME_STEP', 50_000, { from: '2018-01-01', to: null }, sources.vsiStep, unconfirmed),
  row('VSI_MAX_MONTHS_AHEAD', 60, { from: '2018-01-01', to: null }, sources.monthsAhead, unconfirmed),

  row('VSI_SUPPORT_RATE', 3000, decree134Period, sources.decree134, { qualifier: 'POOR', confirmed: false }),
  row('VSI_SUPPORT_RATE', 2500, decree134Period, sources.decree134, {
    qualifier: 'NEAR_POOR',
    confirmed: false,
  }),
  row('VSI_SUPPORT_RATE', 1000, decree134Period, sources.decree134, { qualifier: 'OTHER', confirmed: false }),
  row('VSI_SUPPORT_MAX_MONTHS', 120, decree134Period, sources.decree134, unconfirmed),
  row('VSI_SUPPORT_RATE', 5000, decree159Period, sources.decree159, { qualifier: 'POOR' }),
  row('VSI_SUPPORT_RATE', 5000, decree159Period, sources.decree159, { qualifier: 'ISLAND_COMMUNE' }),
  row('VSI_SUPPORT_RATE', 4000, decree159Period, sources.decree159, { qualifier: 'NEAR_POOR' }),
  row('VSI_SUPPORT_RATE', 3000, decree159Period, sources.decree159, { qualifier: 'ETHNIC_MINORITY' }),
  row('VSI_SUPPORT_RATE', 2000, decree159Period, sources.decree159, { qualifier: 'OTHER' }),
  row('VSI_SUPPORT_MAX_MONTHS', 120, decree159Period, sources.decree159),
  row('VSI_LOCAL_TOP_UP', 3000, hcmc2026Period, sources.hcmcTopUp, {
    qualifier: 'CITY_POOR',
    jurisdiction: hoChiMinhCity,
    confirmed: false,
  }),
  row('VSI_LOCAL_TOP_UP', 2500, hcmc2026Period, sources.hcmcTopUp, {
    qualifier: 'CITY_NEAR_POOR',
    jurisdiction: hoChiMinhCity,
    confirmed: false,
  }),

  row('HHI_RATE', 450, decree146Period, sources.decree146, unconfirmed),
  row('HHI_RATE', 450, decree188Period, sources.decree188),
  ...(
    [
      ['2', 7000],
      ['3', 6000],
      ['4', 5000],
      ['5', 4000],
    ] as const
  ).flatMap(([position, share]) => [
    row('HHI_MEMBER_SHARE', share, decree146Period, sources.decree146, {
      qualifier: position,
      confirmed: false,
    }),
    row('HHI_MEMBER_SHARE', share, decree188Period, sources.decree188, { qualifier: position }),
  ]),
  row('HHI_SUPPORT_RATE', 7000, decree188Period, sources.decree188Support, { qualifier: 'NEAR_POOR' }),
  row('HHI_SUPPORT_RATE', 5000, decree188Period, sources.decree188Support, { qualifier: 'STUDENT' }),
  row('HHI_SUPPORT_RATE', 3000, decree188Period, sources.decree188Support, {
    qualifier: 'AGRICULTURAL_AVERAGE_INCOME',
  }),
  ...(['CITY_POOR', 'CITY_NEAR_POOR', 'CITY_LEFT_POVERTY', 'CITY_CHILD_6_TO_15'] as const).map((group) =>
    row('HHI_SUPPORT_RATE', 10_000, hcmc2026Period, sources.hcmcResolution75, {
      qualifier: group,
      jurisdiction: hoChiMinhCity,
    }),
  ),
  ...(['CITY_SENIOR_65_TO_75', 'STUDENT'] as const).map((group) =>
    row('HHI_SUPPORT_RATE', 10_000, hcmc2026Period, sources.hcmcStudentsSeniors, {
      qualifier: group,
      jurisdiction: hoChiMinhCity,
    }),
  ),
  ...(
    [
      ['POOR', 'CITY_POOR'],
      ['NEAR_POOR', 'CITY_NEAR_POOR'],
    ] as const
  ).map(([group, implied]) =>
    row('IMPLIED_SUPPORT_GROUP', 1, hcmc2026Period, sources.hcmcPovertyStandard, {
      qualifier: impliedSupportGroupQualifier(group, implied),
      jurisdiction: hoChiMinhCity,
      confirmed: false,
    }),
  ),
]
