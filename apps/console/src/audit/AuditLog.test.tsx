import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderConsoleAt } from '../testing/render.tsx'

const event = {
  id: 'a1',
  at: '2025-11-05T02:30:00Z',
  action: 'user.update',
  entityType: 'User',
  entityId: 'u3',
  entityGlobalId: 'VXNlcjp1Mw==',
  subject: 'Trần Văn Minh',
  changes: [
    { field: 'role', before: 'AGENT', after: 'CENTER_MANAGER' },
    { field: 'displayName', before: 'Minh', after: 'Trần Văn Minh' },
  ],
  actor: { id: 'u1', username: 'admin', displayName: 'Quản trị viên' },
}

const payment = {
  ...event,
  id: 'a2',
  action: 'enrollment.confirm_payment',
  entityType: 'Enrollment',
  entityId: 'e1',
  entityGlobalId: 'RW5yb2xsbWVudDplMQ==',
  subject: 'Nguyễn Thị Lan',
  changes: [{ field: 'status', before: 'SUBMITTED', after: 'PAID' }],
  actor: { id: 'u2', username: 'minh', displayName: 'Trần Văn Minh' },
}

const failedSignIn = {
  ...event,
  id: 'a3',
  action: 'auth.logInFailed',
  subject: 'Trần Văn Minh',
  changes: [{ field: 'reason', before: null, after: 'WRONG_PASSWORD' }],
  actor: null,
}

function answers(...nodes: object[]) {
  return {
    AuditEvents: {
      data: {
        auditEvents: {
          totalCount: nodes.length,
          edges: nodes.map((node) => ({ node })),
          pageInfo: { hasNextPage: false, endCursor: null },
        },
      },
    },
    AuditActors: { data: { users: { edges: [] } } },
  }
}

describe('the audit log', () => {
  it('says who did what to whom in a sentence, with only the fields that changed', async () => {
    renderConsoleAt('/audit', { answers: answers(event, payment, failedSignIn) })

    const rows = await screen.findAllByRole('row')
    const update = rows.find((row) => row.textContent?.includes('Quản trị viên cập nhật người dùng'))
    expect(update).toHaveTextContent('Quản trị viên cập nhật người dùng Trần Văn Minh')
    expect(within(update as HTMLElement).getByRole('link', { name: 'Trần Văn Minh' })).toHaveAttribute(
      'href',
      '/records/VXNlcjp1Mw%3D%3D',
    )
    expect(within(update as HTMLElement).getByText('AGENT')).toBeInTheDocument()
    expect(within(update as HTMLElement).getByText('CENTER_MANAGER')).toBeInTheDocument()
    expect(update).toHaveTextContent('Vai trò:')
    expect(update).toHaveTextContent('Họ tên:')
    expect(update).toHaveTextContent('05/11/2025 09:30')

    expect(screen.getByText(/Trần Văn Minh xác nhận đóng tiền hồ sơ của/)).toHaveTextContent(
      'Trần Văn Minh xác nhận đóng tiền hồ sơ của Nguyễn Thị Lan',
    )
    expect(screen.getByText(/đăng nhập không thành công/)).toHaveTextContent(
      'Một người chưa đăng nhập đăng nhập không thành công vào Trần Văn Minh',
    )
  })

  it.each([
    ['vi', /Phương thức đóng:\s*12/, /Trạng thái:\s*SUBMITTED/],
    ['en', /Payment period:\s*12/, /Status:\s*SUBMITTED/],
  ] as const)(
    'names a registration’s fields as the enrollment page does, in %s',
    async (locale, months, status) => {
      const registration = {
        ...payment,
        action: 'enrollment.register',
        changes: [
          { field: 'status', before: null, after: 'SUBMITTED' },
          { field: 'months', before: null, after: 12 },
        ],
      }
      renderConsoleAt('/audit', { locale, answers: answers(registration) })

      const row = (await screen.findAllByRole('row')).find((each) =>
        each.textContent?.includes('Nguyễn Thị Lan'),
      )
      expect(row).toHaveTextContent(months)
      expect(row).toHaveTextContent(status)
    },
  )

  it('says when no change matches the filters', async () => {
    renderConsoleAt('/audit', { answers: answers() })

    expect(await screen.findByText('Không có thay đổi nào khớp bộ lọc.')).toBeInTheDocument()
  })
})
