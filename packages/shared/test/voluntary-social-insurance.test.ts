import { describe, expect, it } from 'vitest'
import {
  type ContributionQuoteInput,
  quoteContribution,
  defaultContributionParameters as rows,
  type SupportGroup,
} from '../src/index.ts'

const launchDay = '2025-11-04'

function quote(overrides: Partial<ContributionQuoteInput> = {}) {
  const result = quoteContribution(
    {
      product: 'VOLUNTARY_SOCIAL_INSURANCE',
      on: launchDay,
      months: 1,
      monthlyIncome: 1_500_000,
      supportGroups: [],
      ...overrides,
    },
    rows,
  )
  if (!result.ok) throw new Error(JSON.stringify(result.issues))
  return result.quote
}

function issuesOf(overrides: Partial<ContributionQuoteInput>) {
  const result = quoteContribution(
    {
      product: 'VOLUNTARY_SOCIAL_INSURANCE',
      on: launchDay,
      months: 1,
      monthlyIncome: 1_500_000,
      ...overrides,
    },
    rows,
  )
  return result.ok ? [] : result.issues.map(({ path, code }) => ({ path, code }))
}

describe('voluntary social insurance quotes', () => {
  it('charges "others" at the minimum income 330,000 less 66,000 support: 264,000 a month', () => {
    expect(quote().perMonth).toEqual({ gross: 330_000, support: 66_000, payable: 264_000 })
  })

  it('charges a quarter 792,000 and a year 3,168,000', () => {
    expect(quote({ months: 3 })).toMatchObject({ gross: 990_000, support: 198_000, payable: 792_000 })
    expect(quote({ months: 12 }).payable).toBe(3_168_000)
  })

  it('bases support on the poverty line whatever income is chosen: 4,000,000 pays 814,000', () => {
    expect(quote({ monthlyIncome: 4_000_000 }).perMonth).toEqual({
      gross: 880_000,
      support: 66_000,
      payable: 814_000,
    })
  })

  it.each([
    ['POOR', 165_000],
    ['ISLAND_COMMUNE', 165_000],
    ['NEAR_POOR', 198_000],
    ['ETHNIC_MINORITY', 231_000],
  ] as const)('has a %s participant pay %i a month at the minimum', (group, payable) => {
    expect(quote({ supportGroups: [group] }).perMonth.payable).toBe(payable)
  })

  it('applies only the highest group for someone in several', () => {
    const result = quote({ supportGroups: ['ETHNIC_MINORITY', 'NEAR_POOR'] })
    expect(result.perMonth.support).toBe(132_000)
    expect(result.lines.filter((line) => line.kind === 'SUPPORT')).toMatchObject([
      { group: 'NEAR_POOR', rateBasisPoints: 4000, jurisdiction: 'VN', monthlyAmount: 132_000 },
    ])
  })

  it('caps the income at 20 × the reference level: 46,800,000 gives 10,296,000 gross', () => {
    expect(quote({ monthlyIncome: 46_800_000 }).perMonth.gross).toBe(10_296_000)
  })

  it('refuses an income below the poverty line, above the cap or off the 50,000 step', () => {
    expect(issuesOf({ monthlyIncome: 1_499_999 })).toEqual([
      { path: 'monthlyIncome', code: 'INCOME_BELOW_FLOOR' },
    ])
    expect(issuesOf({ monthlyIncome: 46_850_000 })).toEqual([
      { path: 'monthlyIncome', code: 'INCOME_ABOVE_CAP' },
    ])
    expect(issuesOf({ monthlyIncome: 1_525_000 })).toEqual([
      { path: 'monthlyIncome', code: 'INCOME_NOT_ON_STEP' },
    ])
    expect(issuesOf({ monthlyIncome: undefined })).toEqual([
      { path: 'monthlyIncome', code: 'INCOME_REQUIRED' },
    ])
  })

  it('names the nearest allowed incomes when one is off the step', () => {
    const result = quoteContribution(
      { product: 'VOLUNTARY_SOCIAL_INSURANCE', on: launchDay, months: 1, monthlyIncome: 1_525_000 },
      rows,
    )
    expect(result.ok ? '' : result.issues[0]?.message.vi.replaceAll('\u00a0', ' ')).toBe(
      'Mức thu nhập phải bằng 1.500.000 ₫ cộng bội số của 50.000 ₫; gần nhất: 1.500.000 ₫ hoặc 1.550.000 ₫.',
    )
  })

  it('offers monthly, quarterly, half-yearly and yearly payments', () => {
    for (const months of [1, 3, 6, 12]) expect(issuesOf({ months })).toEqual([])
    for (const months of [2, 9]) {
      expect(issuesOf({ months })).toEqual([{ path: 'months', code: 'PAYMENT_PERIOD_NOT_ALLOWED' }])
    }
    expect(issuesOf({ months: 0 })).toEqual([{ path: 'months', code: 'MONTHS_INVALID' }])
    expect(issuesOf({ months: -3 })).toEqual([{ path: 'months', code: 'MONTHS_INVALID' }])
  })

  it('never quotes years ahead undiscounted: the law discounts them and no source says how', () => {
    for (const months of [18, 24, 60]) {
      expect(issuesOf({ months })).toEqual([{ path: 'months', code: 'VSI_PAYMENT_AHEAD_NOT_QUOTED' }])
    }
    const result = quoteContribution(
      { product: 'VOLUNTARY_SOCIAL_INSURANCE', on: launchDay, months: 24, monthlyIncome: 1_500_000 },
      rows,
    )
    expect(result.ok ? null : result.issues[0]?.message).toEqual({
      vi: 'Đóng 24 tháng là đóng trước nhiều năm, được giảm trừ theo luật; chưa có nguồn nào nêu cách tính mức giảm nên chỉ tính được kỳ đóng tối đa 12 tháng.',
      en: 'Paying 24 months is paying years ahead, which the law discounts; no source gives the discount, so periods of at most 12 months can be quoted.',
    })
  })

  it('refuses paying more than the 60 months ahead the rules allow, naming the limit', () => {
    const result = quoteContribution(
      { product: 'VOLUNTARY_SOCIAL_INSURANCE', on: launchDay, months: 72, monthlyIncome: 1_500_000 },
      rows,
    )
    expect(result.ok ? null : result.issues).toEqual([
      expect.objectContaining({
        path: 'months',
        code: 'VSI_PAYMENT_AHEAD_BEYOND_LIMIT',
        params: { months: 72, maxAhead: 60 },
      }),
    ])
  })

  it('refuses an unknown support group by its place in the list', () => {
    expect(issuesOf({ supportGroups: ['POOR', 'RICH' as SupportGroup] })).toEqual([
      { path: 'supportGroups.1', code: 'SUPPORT_GROUP_UNKNOWN' },
    ])
  })

  it('stops state support after 120 supported months', () => {
    const partly = quote({ months: 12, supportedMonthsUsed: 115 })
    expect(partly).toMatchObject({
      supportedMonths: 5,
      gross: 3_960_000,
      support: 330_000,
      payable: 3_630_000,
    })
    const spent = quote({ months: 12, supportedMonthsUsed: 120 })
    expect(spent).toMatchObject({ supportedMonths: 0, support: 0, payable: 3_960_000 })
    expect(spent.perMonth.support).toBe(0)
  })

  it('used Decree 134 rates before July 2025: "others" got 10%', () => {
    expect(quote({ on: '2025-06-30' }).perMonth).toEqual({
      gross: 330_000,
      support: 33_000,
      payable: 297_000,
    })
    expect(quote({ on: '2025-06-30', supportGroups: ['POOR'] }).perMonth.support).toBe(99_000)
  })

  it('used the 700,000 poverty line as the floor before 2022', () => {
    expect(quote({ on: '2021-06-01', monthlyIncome: 700_000 }).perMonth).toEqual({
      gross: 154_000,
      support: 15_400,
      payable: 138_600,
    })
  })

  it('cannot quote a date no parameters cover', () => {
    expect(issuesOf({ on: '2017-12-31' })).toContainEqual({ path: 'on', code: 'PARAMETER_MISSING' })
  })

  describe('in Ho Chi Minh City from 2026 (Resolution 84/2025, date unconfirmed)', () => {
    const hcmc = { jurisdiction: '79', on: '2026-01-15' } as const

    it('adds 30% for the city-poor on top of the national 50%: they pay 66,000', () => {
      const result = quote({ ...hcmc, supportGroups: ['POOR', 'CITY_POOR'] })
      expect(result.perMonth.payable).toBe(66_000)
      expect(result.lines.filter((line) => line.kind === 'SUPPORT')).toMatchObject([
        { parameterKey: 'VSI_SUPPORT_RATE', group: 'POOR', monthlyAmount: 165_000, jurisdiction: 'VN' },
        { parameterKey: 'VSI_LOCAL_TOP_UP', group: 'CITY_POOR', monthlyAmount: 99_000, jurisdiction: '79' },
      ])
    })

    it('adds 25% for the city-near-poor on top of the national 40%: they pay 115,500', () => {
      expect(quote({ ...hcmc, supportGroups: ['NEAR_POOR', 'CITY_NEAR_POOR'] }).perMonth.payable).toBe(
        115_500,
      )
    })

    it('gives a nationally poor person the city-poor top-up without a second tick, saying the rule is unconfirmed', () => {
      const result = quote({ ...hcmc, supportGroups: ['POOR'] })
      expect(result.perMonth.payable).toBe(66_000)
      expect(result.lines.filter((line) => line.kind === 'SUPPORT')).toMatchObject([
        { parameterKey: 'VSI_SUPPORT_RATE', group: 'POOR', monthlyAmount: 165_000 },
        { parameterKey: 'VSI_LOCAL_TOP_UP', group: 'CITY_POOR', monthlyAmount: 99_000 },
      ])
      expect(result.parameters).toContainEqual(
        expect.objectContaining({
          key: 'IMPLIED_SUPPORT_GROUP',
          qualifier: 'POOR:CITY_POOR',
          jurisdiction: '79',
        }),
      )
      expect(result.confirmed).toBe(false)
      expect(quote({ ...hcmc, supportGroups: ['NEAR_POOR'] }).perMonth.payable).toBe(115_500)
    })

    it('gives no top-up to a national quote or before 2026', () => {
      expect(quote({ on: '2026-01-15', supportGroups: ['CITY_POOR'] }).perMonth.support).toBe(66_000)
      expect(quote({ jurisdiction: '79', supportGroups: ['CITY_POOR'] }).perMonth.support).toBe(66_000)
      expect(
        quote({ jurisdiction: '79', supportGroups: ['POOR'] }).parameters.map((p) => p.key),
      ).not.toContain('IMPLIED_SUPPORT_GROUP')
    })
  })

  describe('the rural poverty line, the income floor, through the 2026–2030 standard', () => {
    it('is 1,500,000 to the end of 2025 under Decree 07/2021, confirmed', () => {
      const result = quote({ on: '2025-12-31' })
      expect(result.perMonth.gross).toBe(330_000)
      expect(result.parameters).toContainEqual(
        expect.objectContaining({
          key: 'RURAL_POVERTY_LINE',
          value: 1_500_000,
          confirmed: true,
          effectiveTo: '2025-12-31',
        }),
      )
    })

    it('stays 1,500,000 through 2026 as Decree 351/2025 is reported, unconfirmed', () => {
      const result = quote({ on: '2026-12-31' })
      expect(result.perMonth.gross).toBe(330_000)
      expect(result.parameters).toContainEqual(
        expect.objectContaining({ key: 'RURAL_POVERTY_LINE', value: 1_500_000, confirmed: false }),
      )
    })

    it('is 2,200,000 from 2027: a floor contribution of 484,000 a month, quoted as unconfirmed', () => {
      const result = quote({ on: '2027-01-01', monthlyIncome: 2_200_000 })
      expect(result.perMonth).toEqual({ gross: 484_000, support: 96_800, payable: 387_200 })
      expect(result.confirmed).toBe(false)
      expect(issuesOf({ on: '2027-01-01', monthlyIncome: 1_500_000 })).toEqual([
        { path: 'monthlyIncome', code: 'INCOME_BELOW_FLOOR' },
      ])
    })
  })

  it('says a quote is unconfirmed when a row it used is: the 50,000 income step', () => {
    expect(quote().confirmed).toBe(false)
    expect(
      quote()
        .parameters.filter((p) => !p.confirmed)
        .map((p) => p.key),
    ).toEqual(['VSI_INCOME_STEP'])
  })

  it('lists the parameter rows it used with their sources', () => {
    const keys = quote().parameters.map((parameter) => parameter.key)
    expect(keys).toEqual(
      expect.arrayContaining(['VSI_RATE', 'RURAL_POVERTY_LINE', 'REFERENCE_LEVEL', 'VSI_SUPPORT_RATE']),
    )
    expect(quote().parameters.every((parameter) => parameter.source)).toBe(true)
  })
})
