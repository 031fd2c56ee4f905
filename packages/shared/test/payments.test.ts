import { describe, expect, it } from 'vitest'
import {
  amountsDue,
  checkPaidOn,
  mayRecordPayment,
  paysNextPeriod,
  settlePayment,
  voluntaryPaymentDeadline,
} from '../src/index.ts'

// A household of three for 12 months on 2025-11-10 (docs/domain/vn-insurance.md §2).
const household = [
  { payable: 1_263_600, received: 0 },
  { payable: 884_520, received: 0 },
  { payable: 758_160, received: 0 },
]

const problem = (result: ReturnType<typeof settlePayment>) =>
  result.ok ? null : { code: result.issues[0]?.code, message: result.issues[0]?.message.vi }

describe('payments', () => {
  it('owe what is payable less what was received, never less than nothing', () => {
    expect(amountsDue(household)).toEqual([1_263_600, 884_520, 758_160])
    expect(
      amountsDue([
        { payable: 792_000, received: 264_000 },
        { payable: 100, received: 200 },
      ]),
    ).toEqual([528_000, 0])
  })

  it('settle a whole household with one payment of 2,906,280 đồng', () => {
    expect(settlePayment(2_906_280, amountsDue(household))).toEqual({
      ok: true,
      settlement: { status: 'FULL', allocations: [1_263_600, 884_520, 758_160], remaining: 0 },
    })
  })

  it('refuse less than is due unless it is recorded as partial, naming the shortfall', () => {
    expect(problem(settlePayment(2_900_000, amountsDue(household)))).toEqual({
      code: 'PAYMENT_AMOUNT_BELOW_DUE',
      message:
        'Số tiền nhận 2.900.000\u00a0₫ ít hơn số phải đóng 2.906.280\u00a0₫ (thiếu 6.280\u00a0₫): thu đủ, hoặc ghi nhận là đóng một phần.',
    })
    expect(settlePayment(1_500_000, amountsDue(household), { partial: true })).toEqual({
      ok: true,
      settlement: { status: 'PARTIAL', allocations: [1_263_600, 236_400, 0], remaining: 1_406_280 },
    })
  })

  it('refuse more than is due, and amounts that are not whole đồng', () => {
    expect(problem(settlePayment(3_000_000, amountsDue(household)))?.code).toBe('PAYMENT_AMOUNT_ABOVE_DUE')
    expect(problem(settlePayment(3_000_000, amountsDue(household), { partial: true }))?.code).toBe(
      'PAYMENT_AMOUNT_ABOVE_DUE',
    )
    for (const received of [0, -5, 1.5, Number.NaN]) {
      expect(problem(settlePayment(received, [100]))?.code).toBe('PAYMENT_AMOUNT_INVALID')
    }
    expect(problem(settlePayment(100, [0, 0]))?.code).toBe('PAYMENT_NOTHING_DUE')
  })

  it('place their issues at the path given', () => {
    const result = settlePayment(1, [2], { path: 'payment.amount' })
    expect(result.ok ? null : result.issues[0]?.path).toBe('payment.amount')
  })
})

describe('voluntary social insurance deadlines (Law 41/2024 Art. 36(3))', () => {
  const deadline = (months: number) =>
    voluntaryPaymentDeadline({ firstMonth: '2025-11-10', months, registeredOn: '2025-11-10' })

  it('fall within the month, the 3 months, the first 4 of 6 and the first 7 of 12', () => {
    expect([deadline(1), deadline(3), deadline(6), deadline(12)]).toEqual([
      '2025-11-30',
      '2026-01-31',
      '2026-02-28',
      '2026-05-31',
    ])
  })

  it('fall at registration for a lump sum', () => {
    expect(deadline(24)).toBe('2025-11-10')
  })
})

describe('the date of a payment', () => {
  it('may be today or earlier, never after today', () => {
    expect(checkPaidOn('2025-11-12', '2025-11-12')).toEqual([])
    expect(checkPaidOn('2025-11-13', '2025-11-12')).toEqual([
      expect.objectContaining({
        path: 'paidOn',
        code: 'PAYMENT_DATE_FUTURE',
        params: { today: { date: '2025-11-12' } },
        message: {
          vi: 'Ngày đóng tiền không thể sau hôm nay (12/11/2025).',
          en: 'The payment date cannot be after today (12/11/2025).',
        },
      }),
    ])
  })
})

describe('payments period after period', () => {
  it('a paid voluntary social insurance enrollment takes its next period; a household card, or an unpaid one, does not', () => {
    expect(paysNextPeriod({ product: 'VOLUNTARY_SOCIAL_INSURANCE', status: 'PAID' })).toBe(true)
    expect(paysNextPeriod({ product: 'VOLUNTARY_SOCIAL_INSURANCE', status: 'ACTIVE' })).toBe(true)
    expect(paysNextPeriod({ product: 'VOLUNTARY_SOCIAL_INSURANCE', status: 'SUBMITTED' })).toBe(false)
    expect(paysNextPeriod({ product: 'HOUSEHOLD_HEALTH_INSURANCE', status: 'PAID' })).toBe(false)
  })

  it('is recorded by whoever may confirm payment: agents and managers, not viewers', () => {
    expect(
      ['ADMIN', 'CENTER_MANAGER', 'AGENT', 'VIEWER'].map((role) => mayRecordPayment(role as never)),
    ).toEqual([true, true, true, false])
  })
})
