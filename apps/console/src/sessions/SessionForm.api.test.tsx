// Planning a session against the real API, through the console's own client and cache.
import { fireEvent, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ConsoleApi, startConsoleApi } from '../testing/api.tsx'
import { choose } from '../testing/choose.ts'

describe('planning a session', { timeout: 60_000 }, () => {
  let api: ConsoleApi
  beforeAll(async () => {
    api = await startConsoleApi()
  })
  afterAll(async () => {
    await api?.close()
  })

  it('says beside its times that a session falls outside the campaign, keeping what was typed', async () => {
    await api.renderAt('/sessions/new', { as: 'manager' })
    const center = await screen.findByRole('combobox', { name: /^Đơn vị/ }, { timeout: 10_000 })
    await expect.poll(() => (center as HTMLInputElement).value, { timeout: 10_000 }).toContain('Sài Gòn')
    await userEvent.type(screen.getByRole('textbox', { name: /Tên buổi/ }), 'Tư vấn sau chiến dịch')
    await choose(screen.getByRole('combobox', { name: /Hình thức/ }), 'Điểm tư vấn tại chợ')
    await choose(screen.getByRole('combobox', { name: /Loại địa điểm/ }), 'Chợ')
    const starts = screen.getByLabelText(/Bắt đầu/)
    fireEvent.change(starts, { target: { value: '2027-03-10T08:00' } })
    fireEvent.change(screen.getByLabelText(/Kết thúc/), { target: { value: '2027-03-10T11:00' } })
    await userEvent.click(screen.getByRole('button', { name: 'Lên kế hoạch buổi tuyên truyền' }))

    // The API names the time it checked; the message sits beside that field.
    const ends = screen.getByLabelText(/Kết thúc/)
    await expect
      .poll(() => [starts, ends].find((input) => input.getAttribute('aria-invalid') === 'true'))
      .toHaveAccessibleDescription(/Buổi phải diễn ra trong thời gian chiến dịch/)
    expect(await screen.findByRole('alert')).toHaveTextContent('Hãy sửa các ô được đánh dấu đỏ')
    expect(screen.getByRole('textbox', { name: /Tên buổi/ })).toHaveValue('Tư vấn sau chiến dịch')
  })
})
