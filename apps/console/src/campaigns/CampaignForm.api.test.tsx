// The campaign form against the real API, through the console's own client and cache.
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ConsoleApi, startConsoleApi } from '../testing/api.tsx'
import { choose } from '../testing/choose.ts'

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

describe('a campaign’s counting rules', { timeout: 60_000 }, () => {
  let api: ConsoleApi
  beforeAll(async () => {
    api = await startConsoleApi()
  })
  afterAll(async () => {
    await api?.close()
  })

  it('shows the rules the campaign counts by and saves a change to them', async () => {
    await api.renderAt('/campaigns/TANG-TOC-2025/edit')
    await screen.findByRole('form', { name: 'Sửa chiến dịch' })
    const counts = screen.getByRole('combobox', { name: /^Chỉ tiêu tính người tham gia/ })
    expect(counts).toHaveValue('Người tham gia mới')
    expect(screen.getByRole('combobox', { name: /^Tính vào ngày/ })).toHaveValue('Ngày đóng tiền')

    await choose(counts, 'Cả mới và tiếp')
    const margin = screen.getByRole('textbox', { name: /^Số ngày được đăng ký/ })
    await userEvent.clear(margin)
    await userEvent.type(margin, '7')
    await userEvent.click(screen.getByRole('button', { name: 'Lưu' }))

    await screen.findByRole('heading', { level: 2, name: /60 ngày tăng tốc/ }, { timeout: 10_000 })
    const stored = await api.prisma.campaign.findUniqueOrThrow({ where: { code: 'TANG-TOC-2025' } })
    expect({ counts: stored.countParticipants, margin: stored.registrationMarginDays }).toEqual({
      counts: 'BOTH',
      margin: 7,
    })
  })
})
