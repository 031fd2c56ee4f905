import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { renderConsoleAt, testAdmin } from '../testing/render.tsx'

const agent = {
  id: 'VXNlcjoz',
  username: 'agent',
  displayName: 'Trần Văn Minh',
  role: 'AGENT' as const,
  center: { id: 'c2', code: 'BDTT-THUDUC', name: 'Bưu điện Trung tâm Thủ Đức' },
}

async function signIn(password: string) {
  await userEvent.type(await screen.findByLabelText(/Tên đăng nhập/), 'admin')
  await userEvent.type(screen.getByLabelText(/^Mật khẩu/), password)
  await userEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }))
}

describe('signing in', () => {
  it('sends someone not signed in to the sign-in screen', async () => {
    renderConsoleAt('/centers', { viewer: null })

    expect(await screen.findByRole('heading', { name: 'Đăng nhập' })).toBeInTheDocument()
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument()
  })

  it('says the username or password is wrong, in the chosen language, and keeps what was typed', async () => {
    const wrong = {
      __typename: 'ValidationError',
      message: 'Invalid input: Wrong username or password.',
      messageVi: 'Dữ liệu chưa hợp lệ: Tên đăng nhập hoặc mật khẩu không đúng.',
      fieldErrors: [
        {
          path: ['input', 'password'],
          message: 'Wrong username or password.',
          messageVi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
        },
      ],
    }
    renderConsoleAt('/login', { viewer: null, answers: { LogIn: { data: { logIn: wrong } } } })

    await signIn('not-the-password')

    expect(await screen.findByRole('alert')).toHaveTextContent('Tên đăng nhập hoặc mật khẩu không đúng.')
    expect(screen.getByLabelText(/Tên đăng nhập/)).toHaveValue('admin')
  })

  it('tells how long to wait after too many failed sign-ins', async () => {
    const tooMany = {
      __typename: 'TooManyAttemptsError',
      message: 'Too many failed logins. Try again in 8 seconds.',
      messageVi: 'Đăng nhập sai quá nhiều lần. Hãy thử lại sau 8 giây.',
      retryAfterSeconds: 8,
    }
    renderConsoleAt('/login', { viewer: null, answers: { LogIn: { data: { logIn: tooMany } } } })

    await signIn('again')

    expect(await screen.findByRole('alert')).toHaveTextContent('Hãy thử lại sau 8 giây.')
  })

  it('shows the signed-in user’s name, role and center in the header', async () => {
    renderConsoleAt('/centers', { viewer: agent, answer: { data: { centers: { edges: [] } } } })

    const header = await screen.findByRole('group', { name: 'Người đang đăng nhập' })
    expect(header).toHaveTextContent('Trần Văn Minh')
    expect(header).toHaveTextContent('Nhân viên thu · Bưu điện Trung tâm Thủ Đức')
    expect(screen.getByRole('button', { name: 'Đăng xuất' })).toBeInTheDocument()
  })
})

describe('admin screens', () => {
  it.each(['/users', '/tokens', '/audit', '/campaigns/new'])(
    'refuses %s to an agent, and hides them from the menu',
    async (path) => {
      renderConsoleAt(path, { viewer: agent })

      expect(await screen.findByRole('alert')).toHaveTextContent('Không được phép')
      const navigation = screen.getByRole('navigation', { name: 'Điều hướng chính' })
      expect(navigation).not.toHaveTextContent('Người dùng')
      expect(navigation).not.toHaveTextContent('Nhật ký thay đổi')
    },
  )

  it('lists the admin screens in the menu for an admin', async () => {
    renderConsoleAt('/centers', { viewer: testAdmin, answer: { data: { centers: { edges: [] } } } })

    const navigation = await screen.findByRole('navigation', { name: 'Điều hướng chính' })
    expect(navigation).toHaveTextContent('Người dùng')
    expect(navigation).toHaveTextContent('Mã API')
    expect(navigation).toHaveTextContent('Nhật ký thay đổi')
  })
})
