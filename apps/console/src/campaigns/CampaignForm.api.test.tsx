// The campaign form against the real API, through the console's own client and cache.
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ConsoleApi, startConsoleApi } from '../testing/api.tsx'

describe('the campaign form', { timeout: 60_000 }, () => {
  let api: ConsoleApi
  beforeAll(async () => {
    api = await startConsoleApi()
  })
  afterAll(async () => {
    await api?.close()
  })

  it('says a code is taken, links to the campaign that holds it and keeps what was typed', async () => {
    await api.renderAt('/campaigns/new')
    const form = await screen.findByRole('form', { name: 'Tạo chiến dịch' })
    await userEvent.type(screen.getByRole('textbox', { name: /^Mã/ }), 'TANG-TOC-2025')
    await userEvent.type(screen.getByRole('textbox', { name: /^Tên chiến dịch/ }), 'Trùng mã')
    await userEvent.type(screen.getByLabelText(/^Ngày bắt đầu/), '2026-01-05')
    await userEvent.type(screen.getByLabelText(/^Ngày kết thúc/), '2026-02-05')
    await userEvent.click(screen.getByRole('button', { name: 'Tạo chiến dịch' }))

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Mã chiến dịch “TANG-TOC-2025” đã được dùng.')
    expect(screen.getByRole('textbox', { name: /^Tên chiến dịch/ })).toHaveValue('Trùng mã')
    expect(form).toBeInTheDocument()

    await userEvent.click(within(alert).getByRole('link', { name: 'Mở bản ghi đã có' }))
    expect(await screen.findByRole('heading', { level: 2, name: /60 ngày tăng tốc/ })).toBeInTheDocument()
  })
})
