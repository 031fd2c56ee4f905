import { decodeGlobalID } from '@pothos/plugin-relay'
import { createRolledUpEnrollment, personInput } from '@tangtoc/db/fixtures'
import { QueryLog } from '@tangtoc/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ApiHarness, createApiHarness } from '../../../test/harness.ts'
import {
  campaignSetting,
  confirmPayment,
  gid,
  householdInput,
  registerEnrollment,
  vsiInput,
} from '../enrollments/test-helpers.ts'

const log = new QueryLog()
let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness({ onQuery: log.record })
})
afterAll(() => api.close())

const recordPayment = `mutation ($input: RecordPaymentInput!) {
  recordPayment(input: $input) {
    __typename
    ... on RecordPaymentPayload {
      payment {
        id paidOn amount channel receiptNumber note settlement collectedBy { username }
        allocations { amount enrollment { id } }
      }
      enrollments { id status version received due coverageStart coverageEnd continuity paymentAllocations { amount payment { receiptNumber } } }
      registration { id payable due }
    }
    ... on ValidationError { fieldErrors { path code message } }
    ... on ConflictError { existingId message }
    ... on UserError { code message }
  }
}`

type Setting = Awaited<ReturnType<typeof campaignSetting>>

/** A household of three registered and handed in on 2025-11-10 for 12 months: 2,906,280 ₫ due. */
async function submittedHousehold(setting: Setting) {
  const members = [
    { person: personInput({ fullName: 'Đỗ Văn Chủ', sex: 'MALE', dateOfBirth: '1970-01-01' }), isHead: true },
    { person: personInput({ fullName: 'Lý Thị Vợ', dateOfBirth: '1972-02-02' }) },
    { person: personInput({ fullName: 'Đỗ Thị Con', dateOfBirth: '1999-03-03' }) },
  ]
  const result = await api.graphql(
    registerEnrollment,
    {
      input: householdInput(setting, members),
    },
    setting.agent.credentials,
  )
  const payload = result.data?.registerEnrollment
  expect(payload.__typename, JSON.stringify(result)).toBe('RegisterEnrollmentPayload')
  return payload as {
    registration: { id: string; payable: number }
    enrollments: { id: string; payable: number }[]
  }
}

function paymentInput(overrides: Record<string, unknown>) {
  return {
    paidOn: '2025-11-12',
    channel: 'CASH_AT_POST_OFFICE',
    receiptNumber: `BL-${Math.random().toString(36).slice(2, 10)}`,
    ...overrides,
  }
}

describe('recording a payment', () => {
  it('one payment of 2,906,280 ₫ settles a household of three: each PAID, its card from 30 days after payment, counted as paid', async () => {
    const setting = await campaignSetting(api)
    const household = await submittedHousehold(setting)
    const result = await api.graphql(
      recordPayment,
      {
        input: paymentInput({
          registration: household.registration.id,
          amount: 2_906_280,
          receiptNumber: 'BL-000123',
          note: 'Nộp tại quầy',
        }),
      },
      setting.manager.credentials,
    )
    const payload = result.data?.recordPayment
    expect(payload.__typename, JSON.stringify(result)).toBe('RecordPaymentPayload')
    expect(payload.payment).toMatchObject({
      paidOn: '2025-11-12',
      amount: 2_906_280,
      channel: 'CASH_AT_POST_OFFICE',
      receiptNumber: 'BL-000123',
      note: 'Nộp tại quầy',
      settlement: 'FULL',
      collectedBy: { username: setting.manager.user.username },
    })
    expect(payload.payment.allocations.map((each: { amount: number }) => each.amount)).toEqual([
      1_263_600, 884_520, 758_160,
    ])
    for (const enrollment of payload.enrollments) {
      expect(enrollment).toMatchObject({
        status: 'PAID',
        due: 0,
        coverageStart: '2025-12-12',
        coverageEnd: '2026-12-11',
        continuity: 'NEW',
      })
    }
    expect(payload.registration).toMatchObject({ payable: 2_906_280, due: 0 })
    const counts = await api.prisma.enrollmentDailyCount.findMany({
      where: { campaignId: setting.campaign.id, count: { gt: 0 } },
    })
    expect(counts).toEqual([expect.objectContaining({ status: 'PAID', count: 3 })])
  })

  it('takes as many statements for a household of five as for one of two: none per enrollment, its answer included', async () => {
    const setting = await campaignSetting(api)
    const statementsToPay = async (size: number) => {
      const members = Array.from({ length: size }, (_, index) => ({
        person: personInput({ dateOfBirth: `19${70 + index}-01-01` }),
        ...(index === 0 ? { isHead: true } : {}),
      }))
      const registered = await api.graphql(
        registerEnrollment,
        { input: householdInput(setting, members) },
        setting.agent.credentials,
      )
      const registration = registered.data?.registerEnrollment.registration
      expect(registration?.id, JSON.stringify(registered)).toBeTruthy()
      const { result, statements } = await log.during(() =>
        api.graphql(
          recordPayment,
          { input: paymentInput({ registration: registration.id, amount: registration.payable }) },
          setting.manager.credentials,
        ),
      )
      expect(result.data?.recordPayment.enrollments, JSON.stringify(result)).toHaveLength(size)
      return statements.length
    }
    await api.graphql('{ me { id } }', {}, setting.manager.credentials) // the session is looked up once, then kept
    expect(await statementsToPay(5)).toBe(await statementsToPay(2))
  })

  it('one receipt for a selection due more than 2,147,483,647 ₫ (a 32-bit integer) is recorded whole', async () => {
    const setting = await campaignSetting(api)
    const selection: { id: string; version: number; payable: number }[] = []
    // Twelve months on the highest income allowed (20 × the base salary): about 124 million ₫ each.
    while (selection.reduce((sum, each) => sum + each.payable, 0) <= 2_147_483_647) {
      const result = await api.graphql(
        registerEnrollment,
        { input: vsiInput(setting, { months: 12, monthlyIncome: 46_800_000, supportGroups: [] }) },
        setting.agent.credentials,
      )
      const enrollment = result.data?.registerEnrollment.enrollment
      expect(enrollment?.payable, JSON.stringify(result)).toBeGreaterThan(100_000_000)
      selection.push(enrollment)
    }
    const amount = selection.reduce((sum, each) => sum + each.payable, 0)
    const result = await api.graphql(
      recordPayment,
      {
        input: paymentInput({
          enrollments: selection.map((each) => ({ id: each.id, version: each.version })),
          amount,
        }),
      },
      setting.manager.credentials,
    )
    const payload = result.data?.recordPayment
    expect(payload?.__typename, JSON.stringify(result)).toBe('RecordPaymentPayload')
    expect(payload.payment).toMatchObject({ amount, settlement: 'FULL' })
    expect(payload.enrollments.every((each: { status: string }) => each.status === 'PAID')).toBe(true)
    const stored = await api.prisma.payment.findUniqueOrThrow({
      where: { id: decodeGlobalID(payload.payment.id).id },
    })
    expect(Number(stored.amount)).toBe(amount)
  })

  it('an amount that differs from what is due is refused, naming the amounts, and nothing is recorded', async () => {
    const setting = await campaignSetting(api)
    const household = await submittedHousehold(setting)
    for (const [amount, code] of [
      [2_900_000, 'PAYMENT_AMOUNT_BELOW_DUE'],
      [3_000_000, 'PAYMENT_AMOUNT_ABOVE_DUE'],
    ] as const) {
      const result = await api.graphql(
        recordPayment,
        { input: paymentInput({ registration: household.registration.id, amount }) },
        setting.manager.credentials,
      )
      expect(result.data?.recordPayment.fieldErrors).toEqual([
        expect.objectContaining({
          path: ['input', 'amount'],
          code,
          message: expect.stringContaining('2,906,280'),
        }),
      ])
    }
    const payments = await api.prisma.payment.count({ where: { centerId: setting.center.id } })
    expect(payments).toBe(0)
    const statuses = await api.prisma.enrollment.findMany({
      where: { campaignId: setting.campaign.id },
      select: { status: true, version: true },
    })
    expect(statuses).toEqual(Array(3).fill({ status: 'SUBMITTED', version: 1 }))
  })

  it('a partial payment leaves the household unpaid; the next one settles it, and the first member holds both', async () => {
    const setting = await campaignSetting(api)
    const household = await submittedHousehold(setting)
    const first = await api.graphql(
      recordPayment,
      { input: paymentInput({ registration: household.registration.id, amount: 1_000_000, partial: true }) },
      setting.manager.credentials,
    )
    expect(first.data?.recordPayment.payment.settlement).toBe('PARTIAL')
    expect(first.data?.recordPayment.enrollments).toMatchObject([
      { status: 'SUBMITTED', received: 1_000_000, due: 263_600, coverageStart: null },
      { status: 'SUBMITTED', received: 0, due: 884_520 },
      { status: 'SUBMITTED', received: 0, due: 758_160 },
    ])
    expect(first.data?.recordPayment.registration.due).toBe(1_906_280)

    const second = await api.graphql(
      recordPayment,
      {
        input: paymentInput({
          registration: household.registration.id,
          amount: 1_906_280,
          paidOn: '2025-11-20',
          channel: 'BANK_TRANSFER',
        }),
      },
      setting.manager.credentials,
    )
    const payload = second.data?.recordPayment
    expect(payload.payment).toMatchObject({ settlement: 'FULL', amount: 1_906_280 })
    expect(payload.enrollments.map((each: { status: string }) => each.status)).toEqual([
      'PAID',
      'PAID',
      'PAID',
    ])
    expect(payload.enrollments[0].paymentAllocations.map((each: { amount: number }) => each.amount)).toEqual([
      1_000_000, 263_600,
    ])
    // Covered from 30 days after the payment that settled it.
    expect(payload.enrollments[0]).toMatchObject({ coverageStart: '2025-12-20', coverageEnd: '2026-12-19' })
  })

  it('a receipt number already used at the center is a ConflictError naming that payment', async () => {
    const setting = await campaignSetting(api)
    const [one, two] = (await submittedHousehold(setting)).enrollments
    const pay = (enrollment: { id: string; payable: number } | undefined) =>
      api.graphql(
        recordPayment,
        {
          input: paymentInput({
            enrollments: [{ id: enrollment?.id, version: 1 }],
            amount: enrollment?.payable,
            receiptNumber: 'BL-777',
          }),
        },
        setting.manager.credentials,
      )
    const first = await pay(one)
    const second = await pay(two)
    expect(second.data?.recordPayment).toMatchObject({
      __typename: 'ConflictError',
      existingId: first.data?.recordPayment.payment.id,
    })
    const unpaid = await api.prisma.enrollment.count({
      where: { campaignId: setting.campaign.id, status: 'SUBMITTED' },
    })
    expect(unpaid).toBe(2)
  })

  it('a card renewed before the previous one ends runs from the day after it: a continuing participant', async () => {
    const setting = await campaignSetting(api)
    const [head] = (await submittedHousehold(setting)).enrollments
    const result = await api.graphql(
      recordPayment,
      {
        input: paymentInput({
          enrollments: [{ id: head?.id, version: 1, previousCardValidUntil: '2025-12-31' }],
          amount: head?.payable,
        }),
      },
      setting.manager.credentials,
    )
    expect(result.data?.recordPayment.enrollments).toMatchObject([
      { status: 'PAID', coverageStart: '2026-01-01', coverageEnd: '2026-12-31', continuity: 'CONTINUING' },
    ])
  })

  it('voluntary social insurance is paid for calendar months', async () => {
    const setting = await campaignSetting(api)
    const registered = await api.graphql(
      registerEnrollment,
      { input: vsiInput(setting, { months: 3 }) },
      setting.agent.credentials,
    )
    const enrollment = registered.data?.registerEnrollment.enrollment
    const result = await api.graphql(
      recordPayment,
      {
        input: paymentInput({
          enrollments: [{ id: enrollment.id, version: enrollment.version }],
          amount: enrollment.payable,
          channel: 'QR_EWALLET',
          paidOn: '2025-11-10',
        }),
      },
      setting.admin.credentials,
    )
    expect(result.data?.recordPayment.enrollments).toMatchObject([
      { status: 'PAID', coverageStart: '2025-11-01', coverageEnd: '2026-01-31', continuity: 'NEW' },
    ])
  })

  it('an agent records a payment at their center (post-office agents collect the money) and is refused at another center', async () => {
    const setting = await campaignSetting(api)
    const household = await submittedHousehold(setting)
    const input = paymentInput({ registration: household.registration.id, amount: 2_906_280 })
    const elsewhere = await api.graphql(recordPayment, { input }, setting.otherAgent.credentials)
    expect(elsewhere.data?.recordPayment.__typename).toBe('NotFoundError')
    const [first] = household.enrollments
    const byId = await api.graphql(
      recordPayment,
      { input: paymentInput({ enrollments: [{ id: first?.id, version: 1 }], amount: 1_263_600 }) },
      setting.otherAgent.credentials,
    )
    expect(byId.data?.recordPayment.__typename).toBe('NotFoundError')
    expect(await api.prisma.payment.count({ where: { collectedById: setting.otherAgent.user.id } })).toBe(0)
    const here = await api.graphql(recordPayment, { input }, setting.agent.credentials)
    const payload = here.data?.recordPayment
    expect(payload.__typename, JSON.stringify(here)).toBe('RecordPaymentPayload')
    expect(payload.payment).toMatchObject({
      amount: 2_906_280,
      collectedBy: { username: setting.agent.user.username },
    })
    expect(payload.enrollments.map((each: { status: string }) => each.status)).toEqual([
      'PAID',
      'PAID',
      'PAID',
    ])
  })

  it('a date after today is refused, and an old version is stale', async () => {
    const setting = await campaignSetting(api)
    const [head] = (await submittedHousehold(setting)).enrollments
    const input = (overrides: Record<string, unknown>) =>
      paymentInput({ enrollments: [{ id: head?.id, version: 1 }], amount: head?.payable, ...overrides })
    const future = await api.graphql(
      recordPayment,
      { input: input({ paidOn: '2999-01-01' }) },
      setting.manager.credentials,
    )
    expect(future.data?.recordPayment.fieldErrors).toEqual([
      expect.objectContaining({ path: ['input', 'paidOn'], code: 'PAYMENT_DATE_FUTURE' }),
    ])
    const stale = await api.graphql(
      recordPayment,
      { input: input({ enrollments: [{ id: head?.id, version: 7 }] }) },
      setting.manager.credentials,
    )
    expect(stale.data?.recordPayment.__typename).toBe('StaleObjectError')
  })

  it('the deprecated confirmEnrollmentPayment records a payment of what is due, and the coverage', async () => {
    const setting = await campaignSetting(api)
    const [head] = (await submittedHousehold(setting)).enrollments
    const result = await api.graphql(
      confirmPayment,
      { input: { id: head?.id, version: 1 } },
      setting.manager.credentials,
    )
    expect(result.data?.confirmEnrollmentPayment.enrollment.status).toBe('PAID')
    const payment = await api.prisma.payment.findFirstOrThrow({
      where: { allocations: { some: { enrollment: { campaignId: setting.campaign.id } } } },
    })
    expect(payment).toMatchObject({
      amount: 1_263_600n,
      channel: 'OTHER',
      receiptNumber: null,
      settlement: 'FULL',
    })
    const stored = await api.prisma.enrollment.findFirstOrThrow({
      where: { id: decodeGlobalID(head?.id ?? '').id },
    })
    expect(stored).toMatchObject({ continuity: 'NEW', coverageStart: expect.any(Date) })
  })

  it('progress counts a paid household on the day of payment, or on the day of registration where the campaign says so', async () => {
    const daysCounted = async (countOn: 'PAYMENT_DAY' | 'REGISTRATION_DAY') => {
      const setting = await campaignSetting(api)
      await api.prisma.campaign.update({ where: { id: setting.campaign.id }, data: { countOn } })
      const household = await submittedHousehold(setting)
      await api.graphql(
        recordPayment,
        { input: paymentInput({ registration: household.registration.id, amount: 2_906_280 }) },
        setting.manager.credentials,
      )
      const rows = await api.prisma.enrollmentDailyCount.findMany({
        where: { campaignId: setting.campaign.id },
      })
      const registeredOn = await api.prisma.enrollment.findFirstOrThrow({
        where: { campaignId: setting.campaign.id },
        select: { registeredOn: true },
      })
      return {
        rows: rows.map((row) => ({
          status: row.status,
          day: row.day.toISOString().slice(0, 10),
          count: row.count,
        })),
        registeredOn: registeredOn.registeredOn.toISOString().slice(0, 10),
      }
    }
    // Paid on 2025-11-12: three participants that day, and the day of registration keeps its number.
    const onPayment = await daysCounted('PAYMENT_DAY')
    expect(onPayment.rows).toEqual([{ status: 'PAID', day: '2025-11-12', count: 3 }])
    const onRegistration = await daysCounted('REGISTRATION_DAY')
    expect(onRegistration.rows).toEqual([{ status: 'PAID', day: onRegistration.registeredOn, count: 3 }])
  })

  it('targets count new participants (the default), continuing ones or both, and progress shows both side by side', async () => {
    const setting = await campaignSetting(api)
    // A household of three, new: 2,906,280 ₫ on 2025-11-12.
    const household = await submittedHousehold(setting)
    await api.graphql(
      recordPayment,
      { input: paymentInput({ registration: household.registration.id, amount: 2_906_280 }) },
      setting.agent.credentials,
    )
    // A voluntary social-insurance participant continuing under their social-insurance number: 264,000 ₫.
    const registered = await api.graphql(
      registerEnrollment,
      { input: vsiInput(setting) },
      setting.agent.credentials,
    )
    const vsi = registered.data?.registerEnrollment.enrollment
    const paid = await api.graphql(
      recordPayment,
      {
        input: paymentInput({
          enrollments: [{ id: vsi.id, version: vsi.version, previousSocialInsuranceNumber: '7912345678' }],
          amount: 264_000,
        }),
      },
      setting.agent.credentials,
    )
    expect(paid.data?.recordPayment.enrollments).toMatchObject([{ status: 'PAID', continuity: 'CONTINUING' }])
    const progress = async () => {
      const result = await api.graphql(
        `query ($campaign: ID!) { campaignProgress(campaign: $campaign) {
          countParticipants enrolled newCount continuingCount
          days { date enrolled newCount continuingCount }
          products { product enrolled newCount continuingCount }
          centers { enrolled newCount continuingCount }
          audiences { enrolled }
        } }`,
        { campaign: gid('Campaign', setting.campaign.id) },
        setting.admin.credentials,
      )
      return result.data?.campaignProgress
    }
    expect(await progress()).toMatchObject({
      countParticipants: 'NEW',
      enrolled: 3,
      newCount: 3,
      continuingCount: 1,
      products: [
        { product: 'VOLUNTARY_SOCIAL_INSURANCE', enrolled: 0, newCount: 0, continuingCount: 1 },
        { product: 'HOUSEHOLD_HEALTH_INSURANCE', enrolled: 3, newCount: 3, continuingCount: 0 },
      ],
      centers: [{ enrolled: 3, newCount: 3, continuingCount: 1 }],
      audiences: [{ enrolled: 3 }],
    })
    // Both paid on 2025-11-12, the day they count for.
    expect(
      (await progress()).days.filter(
        (day: { enrolled: number; continuingCount: number }) => day.enrolled + day.continuingCount > 0,
      ),
    ).toEqual([{ date: '2025-11-12', enrolled: 3, newCount: 3, continuingCount: 1 }])
    const setCounting = async (countParticipants: string) => {
      const { version } = await api.prisma.campaign.findUniqueOrThrow({ where: { id: setting.campaign.id } })
      const result = await api.graphql(
        `mutation ($input: UpdateCampaignInput!) { updateCampaign(input: $input) {
          __typename ... on UpdateCampaignPayload { campaign { countParticipants } }
        } }`,
        { input: { campaign: gid('Campaign', setting.campaign.id), version, countParticipants } },
        setting.admin.credentials,
      )
      expect(result.data?.updateCampaign.campaign, JSON.stringify(result)).toEqual({ countParticipants })
    }
    await setCounting('BOTH')
    expect(await progress()).toMatchObject({ enrolled: 4, newCount: 3, continuingCount: 1 })
    await setCounting('CONTINUING')
    expect(await progress()).toMatchObject({
      enrolled: 1,
      products: [{ enrolled: 1 }, { enrolled: 0 }],
      audiences: [{ enrolled: 1 }],
    })
    // The list behind each figure: its total from the rollup, its rows from the enrollments.
    const listed = async (continuity: string[]) => {
      const result = await api.graphql(
        `query ($filter: EnrollmentFilter) { enrollments(first: 10, filter: $filter) {
          totalCount edges { node { continuity } }
        } }`,
        {
          filter: {
            campaign: gid('Campaign', setting.campaign.id),
            status: ['PAID', 'ACTIVE'],
            continuity,
          },
        },
        setting.agent.credentials,
      )
      const { totalCount, edges } = result.data?.enrollments ?? {}
      return { totalCount, rows: edges.map((edge: { node: { continuity: string } }) => edge.node.continuity) }
    }
    expect(await listed(['NEW'])).toEqual({ totalCount: 3, rows: ['NEW', 'NEW', 'NEW'] })
    expect(await listed(['CONTINUING'])).toEqual({ totalCount: 1, rows: ['CONTINUING'] })
    expect((await listed(['NEW', 'CONTINUING'])).totalCount).toBe(4)
  })

  it('a paid enrollment whose continuity was never decided (paid before payments were records) counts as new', async () => {
    const setting = await campaignSetting(api)
    await createRolledUpEnrollment(api.prisma, {
      campaign: setting.campaign,
      center: setting.center,
      registeredBy: setting.admin.user,
      status: 'PAID',
      registeredAt: new Date('2025-11-20T03:00:00Z'),
    })
    const result = await api.graphql(
      `query ($campaign: ID!) { campaignProgress(campaign: $campaign) { enrolled newCount continuingCount } }`,
      { campaign: gid('Campaign', setting.campaign.id) },
      setting.admin.credentials,
    )
    expect(result.data?.campaignProgress).toEqual({ enrolled: 1, newCount: 1, continuingCount: 0 })
    const list = await api.graphql(
      `query ($filter: EnrollmentFilter) { enrollments(first: 10, filter: $filter) { totalCount edges { node { id } } } }`,
      { filter: { campaign: gid('Campaign', setting.campaign.id), continuity: ['NEW'] } },
      setting.admin.credentials,
    )
    expect(list.data?.enrollments.totalCount).toBe(1)
    expect(list.data?.enrollments.edges).toHaveLength(1)
  })

  it('a monthly voluntary social insurance payer pays a second month: one enrollment, both payments under it, coverage to the end of December, counted once', async () => {
    const setting = await campaignSetting(api)
    // 1,500,000 ₫ a month, "others": 330,000 − 66,000 = 264,000 ₫ a month (docs/domain/vn-insurance.md §1).
    const registered = await api.graphql(
      registerEnrollment,
      { input: vsiInput(setting) },
      setting.agent.credentials,
    )
    const enrollment = registered.data?.registerEnrollment.enrollment
    const pay = (version: number, overrides: Record<string, unknown>) =>
      api.graphql(
        recordPayment,
        {
          input: paymentInput({
            enrollments: [{ id: enrollment.id, version }],
            amount: 264_000,
            ...overrides,
          }),
        },
        setting.agent.credentials,
      )
    const november = (await pay(enrollment.version, { paidOn: '2025-11-10' })).data?.recordPayment
    expect(november.enrollments).toMatchObject([
      { status: 'PAID', coverageStart: '2025-11-01', coverageEnd: '2025-11-30', due: 0 },
    ])
    const version = november.enrollments[0].version
    // What the next period is and costs, as the console offers it before the payment.
    const next = await api.graphql(
      `query ($id: ID!) { enrollment(id: $id) { nextPeriod(on: "2025-12-05") { start end payable } } }`,
      { id: enrollment.id },
      setting.agent.credentials,
    )
    expect(next.data?.enrollment.nextPeriod).toEqual({
      start: '2025-12-01',
      end: '2025-12-31',
      payable: 264_000,
    })
    const partial = (await pay(version, { paidOn: '2025-12-05', amount: 100_000, partial: true })).data
      ?.recordPayment
    expect(partial.fieldErrors).toEqual([
      expect.objectContaining({ path: ['input', 'partial'], code: 'PAYMENT_NEXT_PERIOD_IN_FULL' }),
    ])
    const short = (await pay(version, { paidOn: '2025-12-05', amount: 200_000 })).data?.recordPayment
    expect(short.fieldErrors).toEqual([expect.objectContaining({ code: 'PAYMENT_AMOUNT_BELOW_DUE' })])

    const december = (await pay(version, { paidOn: '2025-12-05', receiptNumber: 'BL-T12' })).data
      ?.recordPayment
    expect(december.__typename, JSON.stringify(december)).toBe('RecordPaymentPayload')
    expect(december.enrollments).toMatchObject([
      {
        id: enrollment.id,
        status: 'PAID',
        coverageStart: '2025-11-01',
        coverageEnd: '2025-12-31',
        continuity: 'NEW',
        received: 528_000,
        due: 0,
      },
    ])
    expect(december.enrollments[0].paymentAllocations.map((each: { amount: number }) => each.amount)).toEqual(
      [264_000, 264_000],
    )
    expect(await api.prisma.enrollment.count({ where: { campaignId: setting.campaign.id } })).toBe(1)
    // The deprecated confirmEnrollmentPayment only confirms: a paid enrollment is not paid again through it.
    const confirmed = await api.graphql(
      confirmPayment,
      { input: { id: enrollment.id, version: december.enrollments[0].version } },
      setting.manager.credentials,
    )
    expect(confirmed.data?.confirmEnrollmentPayment.fieldErrors).toEqual([
      expect.objectContaining({ code: 'TRANSITION_NOT_ALLOWED' }),
    ])
    const counts = await api.prisma.enrollmentDailyCount.findMany({
      where: { campaignId: setting.campaign.id },
      select: { status: true, day: true, count: true },
    })
    expect(counts).toEqual([{ status: 'PAID', day: new Date('2025-11-10T00:00:00Z'), count: 1 }])
  })
})
