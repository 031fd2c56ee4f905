import { randomBytes } from 'node:crypto'
import { createUser } from '@tangtoc/db/fixtures'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ApiHarness, type Credentials, createApiHarness } from '../../../test/harness.ts'
import { hashSecret } from '../auth/credentials.ts'
import { wasRefused } from '../enrollments/test-helpers.ts'

let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness()
})
afterAll(() => api.close())

const quote = `query ($input: ContributionQuoteInput!) {
  quoteContribution(input: $input) {
    __typename
    ... on ContributionQuote {
      gross support payable months jurisdiction confirmed
      perMonth { gross support payable }
      lines {
        __typename monthlyAmount months total
        ... on MemberLine { position shareBasisPoints }
        ... on SupportLine { group rateBasisPoints jurisdiction }
      }
      parameters { id key qualifier jurisdiction value effectiveFrom effectiveTo }
    }
    ... on ValidationError { fieldErrors { path code message messageVi } }
  }
}`

const createParameter = `mutation ($input: CreateContributionParameterInput!) {
  createContributionParameter(input: $input) {
    __typename
    ... on CreateContributionParameterPayload { contributionParameter { id value effectiveFrom effectiveTo } }
    ... on ValidationError { fieldErrors { path code } }
  }
}`

const updateParameter = `mutation ($input: UpdateContributionParameterInput!) {
  updateContributionParameter(input: $input) {
    __typename
    ... on UpdateContributionParameterPayload { contributionParameter { id value } }
    ... on ValidationError { fieldErrors { path code } }
  }
}`

async function agent() {
  return (await api.userWithRole('AGENT')).credentials
}

async function admin() {
  return (await api.userWithRole('ADMIN', null)).credentials
}

async function readToken(role: 'ADMIN' | 'VIEWER' = 'VIEWER'): Promise<Credentials> {
  const user = await createUser(api.prisma, { role })
  const token = `tt_${randomBytes(16).toString('hex')}`
  await api.prisma.apiToken.create({
    data: {
      name: 'test',
      prefix: token.slice(0, 8),
      tokenHash: hashSecret(token),
      expiresAt: new Date(Date.now() + 3_600_000),
      scope: 'READ',
      userId: user.id,
    },
  })
  return { token }
}

describe('quoting a contribution', () => {
  it('voluntary social insurance on 1,500,000 đồng for an “others” participant is 264,000 đồng a month', async () => {
    const result = await api.graphql(
      quote,
      {
        input: {
          product: 'VOLUNTARY_SOCIAL_INSURANCE',
          on: '2025-11-04',
          months: 1,
          monthlyIncome: 1_500_000,
          supportGroups: ['OTHER'],
        },
      },
      await agent(),
    )
    const body = result.data?.quoteContribution
    expect(body.__typename).toBe('ContributionQuote')
    expect(body.perMonth).toEqual({ gross: 330_000, support: 66_000, payable: 264_000 })
    expect(body.payable).toBe(264_000)
    expect(body.jurisdiction).toBe('79')
    expect(body.lines).toContainEqual(
      expect.objectContaining({
        __typename: 'SupportLine',
        group: 'OTHER',
        rateBasisPoints: 2000,
        jurisdiction: 'VN',
      }),
    )
    expect(body.parameters.map((row: { key: string }) => row.key)).toContain('RURAL_POVERTY_LINE')
  })

  it('a household of five insured for twelve months pays 4,043,520 đồng before support', async () => {
    const result = await api.graphql(
      quote,
      { input: { product: 'HOUSEHOLD_HEALTH_INSURANCE', on: '2025-11-04', months: 12, householdMembers: 5 } },
      await agent(),
    )
    const body = result.data?.quoteContribution
    expect(body.gross).toBe(4_043_520)
    expect(body.payable).toBe(4_043_520)
    const members = body.lines.filter((line: { __typename: string }) => line.__typename === 'MemberLine')
    expect(members.map((line: { shareBasisPoints: number }) => line.shareBasisPoints)).toEqual([
      10_000, 7000, 6000, 5000, 4000,
    ])
    expect(members[0]).toMatchObject({ position: 1, monthlyAmount: 105_300, months: 12, total: 1_263_600 })
  })

  it('a household of students in Ho Chi Minh City is priced by their group, unranked, and the city pays it all', async () => {
    const result = await api.graphql(
      quote,
      {
        input: {
          product: 'HOUSEHOLD_HEALTH_INSURANCE',
          on: '2026-02-01',
          months: 12,
          householdMembers: 2,
          supportGroups: ['STUDENT'],
        },
      },
      await agent(),
    )
    const body = result.data?.quoteContribution
    expect(body.payable).toBe(0)
    const members = body.lines.filter((line: { __typename: string }) => line.__typename === 'MemberLine')
    expect(members).toEqual([
      expect.objectContaining({ position: null, shareBasisPoints: 10_000, monthlyAmount: 105_300 }),
      expect.objectContaining({ position: null, shareBasisPoints: 10_000, monthlyAmount: 105_300 }),
    ])
  })

  it('says whether a quote rests only on confirmed rules', async () => {
    const quoted = async (input: Record<string, unknown>) =>
      (await api.graphql(quote, { input: { on: '2025-11-04', months: 12, ...input } }, await agent())).data
        ?.quoteContribution
    expect((await quoted({ product: 'HOUSEHOLD_HEALTH_INSURANCE', householdMembers: 3 })).confirmed).toBe(
      true,
    )
    // The 50,000 income step is unconfirmed for 2025.
    expect(
      (await quoted({ product: 'VOLUNTARY_SOCIAL_INSURANCE', monthlyIncome: 1_500_000 })).confirmed,
    ).toBe(false)
  })

  it('quotes 2027 on the 2,200,000 ₫ poverty line Decree 351/2025 is reported to set, saying it is unconfirmed; 2026 stays on 1,500,000', async () => {
    const vsi = async (on: string, monthlyIncome: number) =>
      (
        await api.graphql(
          quote,
          { input: { product: 'VOLUNTARY_SOCIAL_INSURANCE', on, months: 1, monthlyIncome } },
          await agent(),
        )
      ).data?.quoteContribution
    const line = (body: {
      parameters: { key: string; value: number; effectiveFrom: string; effectiveTo: string | null }[]
    }) => body.parameters.find((parameter) => parameter.key === 'RURAL_POVERTY_LINE')
    // 22% × 2,200,000 = 484,000 ₫ a month at the floor.
    const in2027 = await vsi('2027-01-15', 2_200_000)
    expect(in2027).toMatchObject({ confirmed: false, perMonth: { gross: 484_000 } })
    expect(line(in2027)).toMatchObject({ value: 2_200_000, effectiveFrom: '2027-01-01', effectiveTo: null })
    const in2026 = await vsi('2026-06-01', 1_500_000)
    expect(in2026).toMatchObject({ confirmed: false, perMonth: { gross: 330_000 } })
    expect(line(in2026)).toMatchObject({
      value: 1_500_000,
      effectiveFrom: '2026-01-01',
      effectiveTo: '2026-12-31',
    })
    // Decree 07/2021's row ends with its period.
    const in2025 = await vsi('2025-11-04', 1_500_000)
    expect(line(in2025)).toMatchObject({ value: 1_500_000, effectiveTo: '2025-12-31' })
  })

  it('gives a nationally poor person in Ho Chi Minh City the city’s support without a second tick (an unconfirmed row)', async () => {
    const hhi = async (jurisdiction: string) =>
      (
        await api.graphql(
          quote,
          {
            input: {
              product: 'HOUSEHOLD_HEALTH_INSURANCE',
              on: '2026-02-01',
              months: 12,
              householdMembers: 1,
              supportGroups: ['POOR'],
              jurisdiction,
            },
          },
          await agent(),
        )
      ).data?.quoteContribution
    const inCity = await hhi('79')
    expect(inCity).toMatchObject({ gross: 1_263_600, payable: 0, confirmed: false })
    expect(inCity.lines).toContainEqual(expect.objectContaining({ group: 'CITY_POOR', jurisdiction: '79' }))
    expect(inCity.parameters).toContainEqual(
      expect.objectContaining({
        key: 'IMPLIED_SUPPORT_GROUP',
        qualifier: 'POOR:CITY_POOR',
        jurisdiction: '79',
      }),
    )
    const national = await hhi('VN')
    expect(national.lines).not.toContainEqual(expect.objectContaining({ group: 'CITY_POOR' }))
  })

  it('refuses voluntary social insurance paid beyond the 60 months ahead allowed, naming the limit', async () => {
    const body = (
      await api.graphql(
        quote,
        {
          input: {
            product: 'VOLUNTARY_SOCIAL_INSURANCE',
            on: '2025-11-04',
            months: 72,
            monthlyIncome: 1_500_000,
          },
        },
        await agent(),
      )
    ).data?.quoteContribution
    expect(body.fieldErrors).toEqual([
      expect.objectContaining({
        path: ['input', 'months'],
        code: 'VSI_PAYMENT_AHEAD_BEYOND_LIMIT',
        message: expect.stringContaining('60'),
      }),
    ])
  })

  it('refuses voluntary social insurance paid years ahead rather than quoting it undiscounted', async () => {
    const body = (
      await api.graphql(
        quote,
        {
          input: {
            product: 'VOLUNTARY_SOCIAL_INSURANCE',
            on: '2025-11-04',
            months: 24,
            monthlyIncome: 1_500_000,
          },
        },
        await agent(),
      )
    ).data?.quoteContribution
    expect(body.__typename).toBe('ValidationError')
    expect(body.fieldErrors).toEqual([
      expect.objectContaining({ path: ['input', 'months'], code: 'VSI_PAYMENT_AHEAD_NOT_QUOTED' }),
    ])
  })

  it('a quote dated 2024-05-01 uses that day’s base salary of 1,800,000 đồng', async () => {
    const result = await api.graphql(
      quote,
      { input: { product: 'HOUSEHOLD_HEALTH_INSURANCE', on: '2024-05-01', months: 12, householdMembers: 1 } },
      await agent(),
    )
    const body = result.data?.quoteContribution
    expect(body.perMonth.gross).toBe(81_000)
    expect(body.parameters).toContainEqual(expect.objectContaining({ key: 'BASE_SALARY', value: 1_800_000 }))
  })

  it('an income below the floor is a validation error naming input.monthlyIncome', async () => {
    const result = await api.graphql(
      quote,
      {
        input: {
          product: 'VOLUNTARY_SOCIAL_INSURANCE',
          on: '2025-11-04',
          months: 1,
          monthlyIncome: 1_000_000,
        },
      },
      await agent(),
    )
    const body = result.data?.quoteContribution
    expect(body.__typename).toBe('ValidationError')
    expect(body.fieldErrors).toEqual([
      expect.objectContaining({ path: ['input', 'monthlyIncome'], code: 'INCOME_BELOW_FLOOR' }),
    ])
    expect(body.fieldErrors[0].messageVi).toMatch(/thấp hơn/)
  })

  it('zero months and an empty household are validation errors, not numbers', async () => {
    const result = await api.graphql(
      quote,
      { input: { product: 'HOUSEHOLD_HEALTH_INSURANCE', on: '2025-11-04', months: 0, householdMembers: 0 } },
      await agent(),
    )
    const body = result.data?.quoteContribution
    expect(body.__typename).toBe('ValidationError')
    const paths = body.fieldErrors.map((error: { path: string[] }) => error.path.join('.'))
    expect(paths).toContain('input.months')
    expect(paths).toContain('input.householdMembers')
  })

  it('any signed-in user, a read-only API token too, may quote; an anonymous request may not', async () => {
    const input = { product: 'HOUSEHOLD_HEALTH_INSURANCE', on: '2025-11-04', months: 3, householdMembers: 1 }
    for (const role of ['ADMIN', 'CENTER_MANAGER', 'AGENT', 'VIEWER'] as const) {
      const { credentials } = await api.userWithRole(role)
      const result = await api.graphql(quote, { input }, credentials)
      expect(result.data?.quoteContribution.__typename, role).toBe('ContributionQuote')
    }
    const viaToken = await api.graphql(quote, { input }, await readToken())
    expect(viaToken.data?.quoteContribution.__typename).toBe('ContributionQuote')
    const anonymous = await api.graphql(quote, { input })
    expect(anonymous.data?.quoteContribution ?? null).toBeNull()
    expect(anonymous.errors?.[0]?.message).toMatch(/Not authorized/)
  })
})

describe('contribution parameters', () => {
  it('an admin’s edit of a parameter changes the quotes made afterwards, and is audited', async () => {
    const adminCredentials = await admin()
    // A province of its own, so no other test's quotes move.
    const created = await api.graphql(
      createParameter,
      {
        input: {
          key: 'BASE_SALARY',
          jurisdiction: '48',
          value: 3_000_000,
          effectiveFrom: '2025-07-01',
          source: 'Test decree',
        },
      },
      adminCredentials,
    )
    const row = created.data?.createContributionParameter.contributionParameter
    expect(row).toMatchObject({ value: 3_000_000, effectiveFrom: '2025-07-01', effectiveTo: null })

    const input = {
      product: 'HOUSEHOLD_HEALTH_INSURANCE',
      on: '2025-11-04',
      months: 3,
      householdMembers: 1,
      jurisdiction: '48',
    }
    const first = await api.graphql(quote, { input }, await agent())
    expect(first.data?.quoteContribution.perMonth.gross).toBe(135_000)

    const updated = await api.graphql(
      updateParameter,
      { input: { id: row.id, value: 4_000_000 } },
      adminCredentials,
    )
    expect(updated.data?.updateContributionParameter.contributionParameter.value).toBe(4_000_000)
    const second = await api.graphql(quote, { input }, await agent())
    expect(second.data?.quoteContribution.perMonth.gross).toBe(180_000)

    const audit = await api.prisma.auditEvent.findMany({ where: { entityType: 'ContributionParameter' } })
    expect(audit.map((event) => event.action)).toEqual(
      expect.arrayContaining(['contributionParameter.create', 'contributionParameter.update']),
    )
  })

  it('a period that overlaps another row of the same rule, or ends before it starts, is refused', async () => {
    const adminCredentials = await admin()
    const base = { key: 'REFERENCE_LEVEL', jurisdiction: '31', value: 2_500_000 }
    await api.graphql(
      createParameter,
      { input: { ...base, effectiveFrom: '2025-01-01', effectiveTo: '2025-12-31' } },
      adminCredentials,
    )
    const overlap = await api.graphql(
      createParameter,
      { input: { ...base, effectiveFrom: '2025-06-01' } },
      adminCredentials,
    )
    expect(overlap.data?.createContributionParameter).toEqual({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['input', 'effectiveFrom'], code: 'PARAMETER_OVERLAP' }],
    })
    const backwards = await api.graphql(
      createParameter,
      { input: { ...base, effectiveFrom: '2026-06-01', effectiveTo: '2026-01-01' } },
      adminCredentials,
    )
    expect(backwards.data?.createContributionParameter.fieldErrors).toEqual([
      { path: ['input', 'effectiveTo'], code: 'PARAMETER_PERIOD_INVALID' },
    ])
    expect(await api.prisma.contributionParameter.count({ where: { jurisdiction: '31' } })).toBe(1)
  })

  it.each(['CENTER_MANAGER', 'AGENT', 'VIEWER'] as const)('a %s cannot edit a parameter', async (role) => {
    const { credentials } = await api.userWithRole(role)
    const row = await api.prisma.contributionParameter.findFirstOrThrow({ where: { key: 'BASE_SALARY' } })
    const { encodeGlobalID } = await import('@pothos/plugin-relay')
    const result = await api.graphql(
      updateParameter,
      { input: { id: encodeGlobalID('ContributionParameter', row.id), value: 1 } },
      credentials,
    )
    expect(wasRefused(result, 'updateContributionParameter')).toBe(true)
    const created = await api.graphql(
      createParameter,
      { input: { key: 'BASE_SALARY', jurisdiction: '92', value: 1, effectiveFrom: '2030-01-01' } },
      credentials,
    )
    expect(wasRefused(created, 'createContributionParameter')).toBe(true)
    expect((await api.prisma.contributionParameter.findUniqueOrThrow({ where: { id: row.id } })).value).toBe(
      row.value,
    )
  })

  it('an admin’s read-only token cannot edit, and anonymous requests see nothing', async () => {
    const result = await api.graphql(
      createParameter,
      { input: { key: 'BASE_SALARY', jurisdiction: '93', value: 1, effectiveFrom: '2030-01-01' } },
      await readToken('ADMIN'),
    )
    expect(wasRefused(result, 'createContributionParameter')).toBe(true)
    const anonymous = await api.graphql('{ contributionParameters(first: 5) { totalCount } }')
    expect(anonymous.data?.contributionParameters ?? null).toBeNull()
  })

  it('contributionParameters lists the rows in force on a date', async () => {
    const result = await api.graphql(
      `{ contributionParameters(key: BASE_SALARY, on: "2024-05-01", jurisdiction: "VN") {
          totalCount edges { node { value effectiveFrom effectiveTo confirmed } } } }`,
      {},
      await agent(),
    )
    expect(result.data?.contributionParameters.totalCount).toBe(1)
    expect(result.data?.contributionParameters.edges[0].node.value).toBe(1_800_000)
  })
})
