import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderConsoleAt } from '../testing/render.tsx'

const event = {
  id: 'a1',
  at: '2025-11-05T02:30:00Z',
  action: 'user.update',
  entityType: 'User',
  entityId: 'u3',
  before: { role: 'AGENT', displayName: 'Minh' },
  after: { role: 'CENTER_MANAGER', displayName: 'Trần Văn Minh' },
  actor: { id: 'u1', username: 'admin', displayName: 'Quản trị viên' },
}

describe('the audit log', () => {
  it('shows who changed what, with each field before and after', async () => {
    renderConsoleAt('/audit', {
      answers: {
        AuditEvents: {
          data: {
            auditEvents: {
              totalCount: 1,
              edges: [{ node: event }],
              pageInfo: { hasNextPage: false, endCursor: null },
            },
          },
        },
        AuditActors: { data: { users: { edges: [] } } },
      },
    })

    const row = await screen.findByRole('row', { name: /user\.update/ })
    expect(row).toHaveTextContent('Quản trị viên')
    expect(within(row).getByText('AGENT')).toBeInTheDocument()
    expect(within(row).getByText('CENTER_MANAGER')).toBeInTheDocument()
    expect(row).toHaveTextContent('05/11/2025')
  })

  it('says when no change matches the filters', async () => {
    renderConsoleAt('/audit', {
      answers: {
        AuditEvents: {
          data: {
            auditEvents: { totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } },
          },
        },
        AuditActors: { data: { users: { edges: [] } } },
      },
    })

    expect(await screen.findByText('Không có thay đổi nào khớp bộ lọc.')).toBeInTheDocument()
  })
})
