import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { renderConsoleAt } from '../testing/render.tsx'

const token = {
  id: 't1',
  name: 'Báo cáo tuần',
  prefix: 'tt_ab12',
  scope: 'READ',
  createdAt: '2025-11-05T02:00:00Z',
  expiresAt: null,
  lastUsedAt: null,
  revokedAt: null,
  user: { id: 'u1', username: 'admin', displayName: 'Quản trị viên' },
}

describe('API tokens', () => {
  it('lists the tokens with their prefix and scope, and says when there are none', async () => {
    renderConsoleAt('/tokens', { answer: { data: { apiTokens: { edges: [{ node: token }] } } } })

    expect(await screen.findByRole('row', { name: /Báo cáo tuần/ })).toHaveTextContent('tt_ab12…')
    expect(screen.getByRole('button', { name: 'Thu hồi mã Báo cáo tuần' })).toBeInTheDocument()
  })

  it('says there are no tokens yet', async () => {
    renderConsoleAt('/tokens', { answer: { data: { apiTokens: { edges: [] } } } })

    expect(await screen.findByText('Chưa có mã API nào.')).toBeInTheDocument()
  })

  it('asks for a name as it is typed, then shows the new secret once with a copy button', async () => {
    const created = {
      __typename: 'CreateApiTokenPayload',
      secret: 'tt_ab12.secret-shown-once',
      apiToken: token,
    }
    renderConsoleAt('/tokens', {
      answer: { data: { apiTokens: { edges: [] } } },
      answers: { CreateApiToken: { data: { createApiToken: created } } },
    })
    await userEvent.click(await screen.findByRole('button', { name: 'Tạo mã API' }))
    const name = await screen.findByLabelText(/Tên mã/)
    await userEvent.type(name, 'x')
    await userEvent.clear(name)
    expect(await screen.findByText('Bắt buộc nhập.')).toBeInTheDocument()

    await userEvent.type(name, 'Báo cáo tuần')
    const form = screen.getByRole('form', { name: 'Tạo mã API' })
    await userEvent.click(within(form).getByRole('button', { name: 'Tạo mã API' }))

    const secret = await screen.findByRole('status')
    expect(secret).toHaveTextContent('Mã bí mật chỉ hiện một lần')
    expect(secret).toHaveTextContent('tt_ab12.secret-shown-once')
    expect(screen.getByRole('button', { name: 'Sao chép' })).toBeInTheDocument()
  })
})
