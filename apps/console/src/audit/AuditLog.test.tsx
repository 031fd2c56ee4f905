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
  before: { role: 'AGENT', displayName: 'Minh', centerId: 'c1' },
  after: { role: 'CENTER_MANAGER', displayName: 'Trần Văn Minh', centerId: 'c1' },
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
  before: { status: 'SUBMITTED' },
  after: { status: 'PAID' },
  actor: { id: 'u2', username: 'minh', displayName: 'Trần Văn Minh' },
}

const failedSignIn = {
  ...event,
  id: 'a3',
  action: 'auth.logInFailed',
  subject: 'Trần Văn Minh',
  before: null,
  after: { reason: 'WRONG_PASSWORD' },
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
    expect(update).not.toHaveTextContent('centerId')
    expect(update).toHaveTextContent('05/11/2025 09:30')

    expect(screen.getByText(/Trần Văn Minh xác nhận đóng tiền hồ sơ của/)).toHaveTextContent(
      'Trần Văn Minh xác nhận đóng tiền hồ sơ của Nguyễn Thị Lan',
    )
    expect(screen.getByText(/đăng nhập không thành công/)).toHaveTextContent(
      'Một người chưa đăng nhập đăng nhập không thành công vào Trần Văn Minh',
    )
  })

  it('says when no change matches the filters', async () => {
    renderConsoleAt('/audit', { answers: answers() })

    expect(await screen.findByText('Không có thay đổi nào khớp bộ lọc.')).toBeInTheDocument()
  })
})
