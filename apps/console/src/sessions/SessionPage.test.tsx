import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { ResultOf } from '../graphql.ts'
import { recording } from '../testing/recording.ts'
import { renderConsoleAt } from '../testing/render.tsx'
import type { OutreachSessionQuery } from './SessionPage.tsx'

type Answer = ResultOf<typeof OutreachSessionQuery>

const planned: Answer = {
  node: {
    __typename: 'OutreachSession',
    id: 'T3V0cmVhY2hTZXNzaW9uOjc',
    version: 1,
    title: 'Tư vấn tại chợ Bến Thành',
    kind: 'MARKET_STALL',
    venueKind: 'MARKET',
    status: 'PLANNED',
    address: 'Chợ Bến Thành',
    startsAt: '2025-12-10T01:00:00.000Z',
    endsAt: '2025-12-10T04:30:00.000Z',
    audiences: ['SMALL_TRADER'],
    notes: null,
    attendance: null,
    cancelReason: null,
    enrollmentCount: 1,
    ward: null,
    campaign: { id: 'campaign-1', name: '60 ngày tăng tốc', timeZone: 'Asia/Ho_Chi_Minh' },
    center: { id: 'c-saigon', name: 'Bưu điện Trung tâm Sài Gòn' },
    createdBy: { id: 'u2', displayName: 'Quản lý Sài Gòn' },
  },
  enrollments: {
    totalCount: 1,
    edges: [
      {
        node: {
          id: 'RW5yb2xsbWVudDox',
          product: 'VOLUNTARY_SOCIAL_INSURANCE',
          status: 'PAID',
          payable: 5_400_000,
          registeredOn: '2025-12-10',
          person: { id: 'p1', fullName: 'Trần Thị Mai' },
        },
      },
    ],
  },
}

describe('an outreach session’s page', () => {
  it('shows the session in Hồ Chí Minh time and the enrollments it produced', async () => {
    renderConsoleAt('/sessions/T3V0cmVhY2hTZXNzaW9uOjc', { answers: { OutreachSession: { data: planned } } })

    expect(
      await screen.findByRole('heading', { level: 2, name: 'Tư vấn tại chợ Bến Thành' }),
    ).toBeInTheDocument()
    expect(screen.getByText('10/12/2025 08:00')).toBeInTheDocument()
    const row = within(screen.getByRole('table', { name: 'Hồ sơ từ buổi này' })).getByRole('row', {
      name: /Trần Thị Mai/,
    })
    expect(row).toHaveTextContent('5.400.000 ₫')
    expect(row).toHaveTextContent('Đã đóng tiền')
    expect(screen.getByRole('link', { name: 'Đăng ký hồ sơ từ buổi này' })).toHaveAttribute(
      'href',
      '/enrollments/new?campaign=campaign-1&center=c-saigon&session=T3V0cmVhY2hTZXNzaW9uOjc',
    )
  })

  it('shows and edits a session of a campaign counted in Honolulu at Honolulu’s clock', async () => {
    const updates: Record<string, unknown>[] = []
    const inHonolulu = {
      ...planned,
      node: {
        ...planned.node,
        campaign: { id: 'campaign-hnl', name: 'Chiến dịch Honolulu', timeZone: 'Pacific/Honolulu' },
      },
    }
    renderConsoleAt('/sessions/T3V0cmVhY2hTZXNzaW9uOjc', {
      answers: {
        OutreachSession: { data: inHonolulu },
        UpdateOutreachSession: recording(updates, () => ({ data: null })),
      },
    })

    // 01:00 UTC on 10/12/2025 is 15:00 on the 9th in Honolulu (08:00 on the 10th in Vietnam).
    expect(await screen.findByText('09/12/2025 15:00')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Sửa' }))
    const starts = await screen.findByLabelText(/Bắt đầu/)
    expect(starts).toHaveValue('09/12/2025 15:00')
    expect(starts).toHaveAccessibleDescription('Giờ theo múi giờ của chiến dịch: Pacific/Honolulu (GMT-10)')
    await userEvent.click(screen.getByRole('button', { name: 'Lưu' }))
    await expect
      .poll(() => updates[0])
      .toMatchObject({
        input: { startsAt: '2025-12-09T15:00:00-10:00', endsAt: '2025-12-09T18:30:00-10:00' },
      })
  })

  it('cancels only with a reason, and places the API’s error on the reason', async () => {
    const sent: Record<string, unknown>[] = []
    renderConsoleAt('/sessions/T3V0cmVhY2hTZXNzaW9uOjc', {
      answers: {
        OutreachSession: { data: planned },
        CancelOutreachSession: recording(sent, () => ({
          data: {
            cancelOutreachSession: {
              __typename: 'ValidationError',
              code: 'VALIDATION',
              message: 'invalid',
              messageVi: 'không hợp lệ',
              fieldErrors: [
                {
                  path: ['input', 'reason'],
                  code: 'TOO_LONG',
                  message: 'The reason is too long.',
                  messageVi: 'Lý do quá dài.',
                },
              ],
            },
          },
        })),
      },
    })
    await userEvent.click(await screen.findByRole('button', { name: 'Hủy buổi' }))
    const dialog = await screen.findByRole('dialog')
    const reason = within(dialog).getByRole('textbox', { name: /Lý do hủy/ })

    await userEvent.click(within(dialog).getByRole('button', { name: 'Hủy buổi' }))
    expect(reason).toHaveAccessibleDescription('Cần ghi lý do.')
    expect(sent).toHaveLength(0)

    await userEvent.type(reason, 'Mưa lớn')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Hủy buổi' }))
    await expect
      .poll(() => sent[0])
      .toEqual({
        input: { session: 'T3V0cmVhY2hTZXNzaW9uOjc', version: 1, reason: 'Mưa lớn' },
      })
    await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true')
    expect(reason).toHaveAccessibleDescription('Lý do quá dài.')
    expect(reason).toHaveValue('Mưa lớn')
  })

  it('records the attendance and notes of a session that took place', async () => {
    const sent: Record<string, unknown>[] = []
    renderConsoleAt('/sessions/T3V0cmVhY2hTZXNzaW9uOjc', {
      answers: {
        OutreachSession: { data: planned },
        CompleteOutreachSession: recording(sent, () => ({
          data: {
            completeOutreachSession: {
              __typename: 'CompleteOutreachSessionPayload',
              outreachSession: {
                id: 'T3V0cmVhY2hTZXNzaW9uOjc',
                status: 'DONE',
                version: 2,
                attendance: 35,
                notes: 'Đông',
              },
            },
          },
        })),
      },
    })
    await userEvent.click(await screen.findByRole('button', { name: 'Ghi nhận kết quả' }))
    const dialog = await screen.findByRole('dialog')
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Số người tham dự/ }), '35')
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Ghi chú' }), 'Đông')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Ghi nhận kết quả' }))

    await expect
      .poll(() => sent[0])
      .toEqual({
        input: { session: 'T3V0cmVhY2hTZXNzaW9uOjc', version: 1, attendance: 35, notes: 'Đông' },
      })
    expect(await screen.findByRole('status')).toHaveTextContent('Đã ghi nhận kết quả buổi tuyên truyền.')
  })

  it('lists the people consulted who did not register, and records one for the worklists', async () => {
    const sent: Record<string, unknown>[] = []
    const leads = (names: string[]) => ({
      data: {
        node: {
          __typename: 'OutreachSession',
          id: 'T3V0cmVhY2hTZXNzaW9uOjc',
          leads: {
            edges: names.map((fullName, index) => ({
              node: {
                id: `l${index}`,
                fullName,
                phone: '+84912345678',
                products: ['HOUSEHOLD_HEALTH_INSURANCE'],
                note: null,
              },
            })),
          },
        },
      },
    })
    // One lead until the form records a second.
    const leadsSoFar = () => leads(sent.length === 0 ? ['Hà Thị Hỏi'] : ['Hà Thị Hỏi', 'Lê Văn Nghe'])
    renderConsoleAt('/sessions/T3V0cmVhY2hTZXNzaW9uOjc', {
      answers: {
        OutreachSession: { data: planned },
        SessionLeads: leadsSoFar,
        RecordLead: recording(sent, () => ({
          data: { recordLead: { __typename: 'RecordLeadPayload', lead: { id: 'l1' } } },
        })),
      },
    })

    const section = await screen.findByRole('region', { name: /^Người được tư vấn chưa đăng ký \(1\)/ })
    expect(within(section).getByRole('row', { name: /Hà Thị Hỏi/ })).toHaveTextContent('0912 345 678')
    await userEvent.click(within(section).getByRole('button', { name: 'Ghi nhận người được tư vấn' }))
    const form = await screen.findByRole('form', { name: 'Ghi nhận người được tư vấn' })
    await userEvent.type(within(form).getByRole('textbox', { name: /^Họ và tên/ }), 'Lê Văn Nghe')
    await userEvent.type(within(form).getByRole('textbox', { name: /^Số điện thoại/ }), '0987 654 321')
    await userEvent.click(within(form).getByRole('checkbox', { name: 'BHXH tự nguyện' }))
    await userEvent.click(within(form).getByRole('button', { name: 'Lưu' }))

    await expect
      .poll(() => sent[0])
      .toMatchObject({
        input: {
          session: 'T3V0cmVhY2hTZXNzaW9uOjc',
          fullName: 'Lê Văn Nghe',
          phone: '0987 654 321',
          products: ['VOLUNTARY_SOCIAL_INSURANCE'],
        },
      })
    await screen.findByRole('region', { name: /^Người được tư vấn chưa đăng ký \(2\)/ })
  })
})
