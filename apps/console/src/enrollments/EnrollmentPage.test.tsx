import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ResultOf } from '../graphql.ts'
import { recording } from '../testing/recording.ts'
import { renderConsoleAt, type TestViewer } from '../testing/render.tsx'
import { honoluluStillThe10th } from '../testing/saigon.ts'
import type { EnrollmentQuery } from './EnrollmentPage.tsx'

type Enrollment = NonNullable<ResultOf<typeof EnrollmentQuery>['enrollment']>

const manager: TestViewer = {
  id: 'VXNlcjoy',
  username: 'manager',
  displayName: 'Quản lý Sài Gòn',
  role: 'CENTER_MANAGER',
  center: { id: 'c-saigon', code: 'BDTT-SAI-GON', name: 'Bưu điện Trung tâm Sài Gòn' },
}

/** The person enrolled. */
const mai: Enrollment['person'] = {
  id: 'p1',
  fullName: 'Trần Thị Mai',
  citizenId: '079190000123',
  dateOfBirth: '1990-05-12',
  sex: 'FEMALE',
  phone: '+84912345678',
  address: '12 Lê Lợi',
  ward: null,
}

/** Trần Thị Mai's household: Lê Văn Hùng, its head, and her, his wife. */
const maiHousehold: Enrollment['household'] = {
  id: 'h1',
  code: 'HGD-79-01',
  members: {
    edges: [
      {
        node: {
          position: 1,
          isHead: true,
          insuredElsewhere: false,
          relationToHead: null,
          person: { id: 'p2', fullName: 'Lê Văn Hùng', dateOfBirth: '1988-02-01', sex: 'MALE' },
        },
      },
      {
        node: {
          position: 2,
          isHead: false,
          insuredElsewhere: false,
          relationToHead: 'vợ',
          person: { id: 'p1', fullName: 'Trần Thị Mai', dateOfBirth: '1990-05-12', sex: 'FEMALE' },
        },
      },
    ],
  },
}

function submitted(overrides: Partial<Enrollment> = {}): Enrollment {
  return {
    id: 'RW5yb2xsbWVudDox',
    version: 2,
    product: 'HOUSEHOLD_HEALTH_INSURANCE',
    status: 'SUBMITTED',
    statusReason: null,
    availableActions: ['CONFIRM_PAYMENT', 'REJECT', 'CANCEL'],
    registeredAt: '2025-11-04T02:30:00.000Z',
    registeredOn: '2025-11-04',
    quoteDate: '2025-11-04',
    periodStart: '2025-11-04',
    periodEnd: '2026-11-03',
    months: 12,
    monthlyIncome: null,
    supportGroups: [],
    gross: 1_061_424,
    support: 0,
    payable: 1_061_424,
    householdPosition: 2,
    socialInsuranceNumber: null,
    due: 1_061_424,
    nextPeriod: null,
    received: 0,
    coverageStart: null,
    coverageEnd: null,
    continuity: null,
    countedOn: '2025-11-04',
    paymentAllocations: [],
    registration: null,
    campaign: {
      id: 'campaign-1',
      code: 'TANG-TOC-2025',
      name: '60 ngày tăng tốc',
      jurisdiction: '79',
      timeZone: 'Asia/Ho_Chi_Minh',
    },
    center: { id: 'c-saigon', name: 'Bưu điện Trung tâm Sài Gòn' },
    session: null,
    registeredBy: { id: 'u3', displayName: 'Nhân viên Sài Gòn' },
    person: mai,
    household: maiHousehold,
    statusChanges: {
      edges: [
        {
          node: {
            fromStatus: null,
            toStatus: 'SUBMITTED',
            reason: null,
            at: '2025-11-04T02:30:00.000Z',
            actor: { id: 'u3', displayName: 'Nhân viên Sài Gòn' },
          },
        },
      ],
    },
    ...overrides,
  }
}

describe('the enrollment page', () => {
  it('shows the person, the household, the quote and the status history', async () => {
    renderConsoleAt('/enrollments/RW5yb2xsbWVudDox', {
      viewer: manager,
      answers: { Enrollment: { data: { enrollment: submitted() } } },
    })

    expect(await screen.findByRole('heading', { name: 'Trần Thị Mai', level: 2 })).toBeInTheDocument()
    expect(screen.getByText('0912 345 678')).toBeInTheDocument()
    expect(screen.getAllByText('1.061.424 ₫').length).toBeGreaterThan(0)
    const household = screen.getByRole('table', { name: 'Thành viên hộ gia đình' })
    expect(within(household).getByRole('row', { name: /Lê Văn Hùng/ })).toHaveTextContent('Chủ hộ')
    expect(screen.getByText('Mã hộ gia đình (BHXH): HGD-79-01')).toBeInTheDocument()
    expect(screen.getByRole('table', { name: 'Lịch sử trạng thái' })).toHaveTextContent('04/11/2025 09:30')
  })

  it('offers only the steps the API says the viewer may take', async () => {
    renderConsoleAt('/enrollments/RW5yb2xsbWVudDox', {
      viewer: manager,
      answers: { Enrollment: { data: { enrollment: submitted() } } },
    })

    await screen.findByRole('heading', { name: 'Trần Thị Mai', level: 2 })
    expect(screen.getByRole('button', { name: 'Ghi nhận thanh toán' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Nộp hồ sơ' })).not.toBeInTheDocument()
  })

  it('offers a paid monthly voluntary payer’s next period, with what it costs', async () => {
    renderConsoleAt('/enrollments/RW5yb2xsbWVudDox', {
      viewer: manager,
      answers: {
        Enrollment: {
          data: {
            enrollment: submitted({
              product: 'VOLUNTARY_SOCIAL_INSURANCE',
              status: 'PAID',
              availableActions: ['ACTIVATE', 'REJECT', 'CANCEL'],
              months: 1,
              due: 0,
              household: null,
              householdPosition: null,
              nextPeriod: { start: '2025-12-01', end: '2025-12-31', payable: 264_000 },
            }),
          },
        },
      },
    })

    await userEvent.click(
      await screen.findByRole('button', { name: 'Thu kỳ tiếp theo (01/12/2025 – 31/12/2025)' }),
    )
    const form = await screen.findByRole('form', { name: 'Ghi nhận thanh toán' })
    expect(form).toHaveTextContent('Số tiền còn phải đóng: 264.000 ₫.')
  })

  describe('of a campaign counted in Honolulu', () => {
    afterEach(() => {
      vi.useRealTimers()
    })

    it('shows its times at the campaign’s clock and dates a payment today on its day by default', async () => {
      vi.useFakeTimers({ toFake: ['Date'] })
      vi.setSystemTime(honoluluStillThe10th)
      const enrollment = submitted()
      renderConsoleAt('/enrollments/RW5yb2xsbWVudDox', {
        viewer: manager,
        answers: {
          Enrollment: {
            data: {
              enrollment: {
                ...enrollment,
                campaign: { ...enrollment.campaign, timeZone: 'Pacific/Honolulu' },
              },
            },
          },
        },
      })

      // Registered at 02:30 UTC on 04/11/2025: 16:30 on the 3rd in Honolulu.
      expect(await screen.findByText(/Nhân viên Sài Gòn · 03\/11\/2025 16:30/)).toBeInTheDocument()
      expect(screen.getByRole('table', { name: 'Lịch sử trạng thái' })).toHaveTextContent('03/11/2025 16:30')
      await userEvent.click(screen.getByRole('button', { name: 'Ghi nhận thanh toán' }))
      const form = await screen.findByRole('form', { name: 'Ghi nhận thanh toán' })
      expect(within(form).getByLabelText(/Ngày thu tiền/)).toHaveValue('10/03/2026')
    })
  })

  it('asks for a reason before cancelling and reports the typed error in the chosen language', async () => {
    const sent: Record<string, unknown>[] = []
    renderConsoleAt('/enrollments/RW5yb2xsbWVudDox', {
      viewer: manager,
      answers: {
        Enrollment: { data: { enrollment: submitted() } },
        CancelEnrollment: recording(sent, () => ({
          data: {
            cancelEnrollment: {
              __typename: 'StaleObjectError',
              code: 'STALE_OBJECT',
              message: 'Someone changed this enrollment after you read it.',
              messageVi: 'Hồ sơ đã được người khác thay đổi sau khi bạn mở.',
              currentVersion: 3,
            },
          },
        })),
      },
    })
    await screen.findByRole('heading', { name: 'Trần Thị Mai', level: 2 })

    await userEvent.click(screen.getByRole('button', { name: /^Hủy/ }))
    const dialog = await screen.findByRole('dialog')
    await userEvent.click(within(dialog).getByRole('button', { name: /^Hủy/ }))
    expect(within(dialog).getByRole('textbox', { name: /Lý do/ })).toHaveAccessibleDescription(
      'Cần ghi lý do.',
    )
    expect(sent).toHaveLength(0)

    await userEvent.type(within(dialog).getByRole('textbox', { name: /Lý do/ }), 'Người dân đổi ý')
    await userEvent.click(within(dialog).getByRole('button', { name: /^Hủy/ }))

    await expect
      .poll(() => sent[0])
      .toEqual({
        input: { id: 'RW5yb2xsbWVudDox', version: 2, reason: 'Người dân đổi ý' },
      })
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Hồ sơ đã được người khác thay đổi sau khi bạn mở.',
    )
  })

  /** The enrollment's audit trail as the API answers it: its registration, then a change of months. */
  const auditTrail = (asked: Record<string, unknown>[]) =>
    recording(asked, () => ({
      data: {
        auditEvents: {
          edges: [
            {
              node: {
                id: 'a2',
                action: 'enrollment.update',
                at: '2025-11-05T03:00:00.000Z',
                actor: { id: 'u1', displayName: 'Quản trị viên' },
                changes: [
                  { field: 'months', before: 1, after: 12 },
                  { field: 'payable', before: 88_452, after: 1_061_424 },
                ],
              },
            },
            {
              node: {
                id: 'a1',
                action: 'enrollment.register',
                at: '2025-11-04T02:30:00.000Z',
                actor: { id: 'u3', displayName: 'Nhân viên Sài Gòn' },
                changes: [
                  { field: 'status', before: null, after: 'SUBMITTED' },
                  { field: 'months', before: null, after: 1 },
                ],
              },
            },
          ],
        },
      },
    }))

  it.each([
    [
      'vi',
      'Nhật ký thay đổi',
      'Đăng ký bởi Nhân viên Sài Gòn lúc 04/11/2025 09:30',
      'Phương thức đóng, Số tiền phải đóng',
      ['Đăng ký', 'Sửa hồ sơ'],
    ],
    [
      'en',
      'Audit history',
      'Registered by Nhân viên Sài Gòn at 04/11/2025 09:30',
      'Payment period, Payable',
      ['Registered', 'Changed'],
    ],
  ] as const)(
    'shows an admin the audit history of the enrollment in %s: each action named, the registration summarised, a change by the fields people know',
    async (locale, title, registration, update, [registerAction, updateAction]) => {
      const asked: Record<string, unknown>[] = []
      renderConsoleAt('/enrollments/RW5yb2xsbWVudDox', {
        locale,
        answers: { Enrollment: { data: { enrollment: submitted() } }, EnrollmentAudit: auditTrail(asked) },
      })

      const audit = await screen.findByRole('table', { name: title })
      const [, updated, registered] = within(audit).getAllByRole('row') as [
        HTMLElement,
        HTMLElement,
        HTMLElement,
      ]
      expect(registered).toHaveTextContent(registration)
      expect(registered).not.toHaveTextContent('status')
      expect(within(registered).getAllByRole('cell')[1]).toHaveTextContent(new RegExp(`^${registerAction}$`))
      expect(updated).toHaveTextContent(update)
      expect(within(updated).getAllByRole('cell')[1]).toHaveTextContent(new RegExp(`^${updateAction}$`))
      expect(asked[0]).toEqual({ entityId: 'RW5yb2xsbWVudDox' })
    },
  )

  it('does not ask for the audit history for a center manager, who may not read the audit log', async () => {
    const asked: Record<string, unknown>[] = []
    renderConsoleAt('/enrollments/RW5yb2xsbWVudDox', {
      viewer: manager,
      answers: {
        Enrollment: { data: { enrollment: submitted() } },
        EnrollmentAudit: recording(asked, () => ({ data: { auditEvents: { edges: [] } } })),
      },
    })

    await screen.findByRole('heading', { name: 'Trần Thị Mai', level: 2 })
    expect(screen.queryByRole('heading', { name: 'Nhật ký thay đổi' })).not.toBeInTheDocument()
    expect(asked).toHaveLength(0)
  })

  it('changes a submitted enrollment’s session and sends the version it read', async () => {
    const sent: Record<string, unknown>[] = []
    renderConsoleAt('/enrollments/RW5yb2xsbWVudDox', {
      viewer: manager,
      answers: {
        Enrollment: { data: { enrollment: submitted() } },
        EnrollmentSessionOptions: {
          data: {
            outreachSessions: {
              edges: [
                {
                  node: { id: 's1', title: 'Tư vấn tại chợ Bến Thành', startsAt: '2025-11-20T01:00:00.000Z' },
                },
              ],
            },
          },
        },
        QuoteContribution: {
          data: {
            quoteContribution: {
              __typename: 'ValidationError',
              message: 'invalid',
              messageVi: 'không hợp lệ',
              fieldErrors: [],
            },
          },
        },
        UpdateEnrollment: recording(sent, () => ({
          data: {
            updateEnrollment: {
              __typename: 'StaleObjectError',
              code: 'STALE_OBJECT',
              message: 'Someone changed this enrollment after you read it.',
              messageVi: 'Hồ sơ đã được người khác thay đổi sau khi bạn mở.',
              currentVersion: 3,
            },
          },
        })),
      },
    })
    await userEvent.click(await screen.findByRole('button', { name: 'Sửa mức đóng' }))
    const form = screen.getByRole('form', { name: 'Sửa mức đóng' })
    await userEvent.click(within(form).getByRole('combobox', { name: 'Buổi tuyên truyền' }))
    await userEvent.click(
      await screen.findByRole('option', {
        name: '20/11/2025 08:00 · Tư vấn tại chợ Bến Thành',
        hidden: true,
      }),
    )
    await userEvent.click(within(form).getByRole('button', { name: 'Lưu' }))

    await expect
      .poll(() => sent[0])
      .toEqual({
        input: { id: 'RW5yb2xsbWVudDox', version: 2, months: 12, supportGroups: [], session: 's1' },
      })
    expect(await within(form).findByRole('alert')).toHaveTextContent('Hồ sơ đã được người khác thay đổi')
  })
})
