import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { renderConsoleAt } from '../testing/render.tsx'

const agent = {
  id: 'u3',
  username: 'agent',
  displayName: 'Trần Văn Minh',
  role: 'AGENT',
  active: true,
  version: 2,
  center: { id: 'c1', code: 'BDTT-THUDUC', name: 'Bưu điện Trung tâm Thủ Đức' },
}
const users = { data: { users: { totalCount: 1, edges: [{ node: agent }] } } }

describe('users', () => {
  it('lists each user with role and center', async () => {
    renderConsoleAt('/users', { answer: users })

    const row = await screen.findByRole('row', { name: /agent/ })
    expect(row).toHaveTextContent('Trần Văn Minh')
    expect(row).toHaveTextContent('Nhân viên thu')
    expect(row).toHaveTextContent('Bưu điện Trung tâm Thủ Đức')
    expect(within(row).getByRole('button', { name: 'Vô hiệu hóa agent' })).toBeInTheDocument()
  })

  it('says when no user matches', async () => {
    renderConsoleAt('/users', { answer: { data: { users: { totalCount: 0, edges: [] } } } })

    expect(await screen.findByText('Không có người dùng nào.')).toBeInTheDocument()
  })

  it('places the API’s error on the username and keeps the form as typed', async () => {
    const taken = {
      __typename: 'ValidationError',
      message: 'Invalid input',
      messageVi: 'Dữ liệu chưa hợp lệ',
      fieldErrors: [
        { path: ['input', 'username'], message: 'Taken', messageVi: 'Tên đăng nhập đã có người dùng.' },
      ],
    }
    renderConsoleAt('/users', {
      answer: users,
      answers: {
        CreateUser: { data: { createUser: taken } },
        CenterChoices: { data: { centers: { edges: [] } } },
      },
    })
    await userEvent.click(await screen.findByRole('button', { name: 'Thêm người dùng' }))
    const form = await screen.findByRole('form', { name: 'Thêm người dùng' })

    await userEvent.type(within(form).getByLabelText(/Tên đăng nhập/), 'agent')
    await userEvent.type(within(form).getByLabelText(/Họ tên/), 'Người thứ hai')
    await userEvent.click(within(form).getByLabelText(/Vai trò/, { selector: 'input' }))
    await userEvent.click(await screen.findByText('Người xem'))
    await userEvent.type(within(form).getByLabelText(/Mật khẩu ban đầu/), 'a-long-password-1')
    await userEvent.click(within(form).getByRole('button', { name: 'Lưu' }))

    expect(await within(form).findByText('Tên đăng nhập đã có người dùng.')).toBeInTheDocument()
    expect(within(form).getByLabelText(/Họ tên/)).toHaveValue('Người thứ hai')
  })
})
