// The worklists against the real API, as an agent opens them: whom to contact, with the counts, and a
// promise to pay that moves the person to that day's list.
import { createEnrollment, createPeopleForEnrollments } from '@tangtoc/db/fixtures'
import { addDays, localDateInZone } from '@tangtoc/shared'
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ConsoleApi, startConsoleApi } from '../testing/api.tsx'
import { choose } from '../testing/choose.ts'

describe('the worklists', { timeout: 60_000 }, () => {
  let api: ConsoleApi
  beforeAll(async () => {
    api = await startConsoleApi()
    // Registered at Sài Gòn ten days ago and still unpaid.
    const campaign = await api.prisma.campaign.findUniqueOrThrow({ where: { code: 'TANG-TOC-2025' } })
    const center = await api.prisma.center.findUniqueOrThrow({ where: { code: 'BDTT-SAI-GON' } })
    const agent = await api.prisma.user.findUniqueOrThrow({ where: { username: 'agent' } })
    const [person] = await createPeopleForEnrollments(api.prisma, 1, 'Quách Thị Chờ', center)
    await createEnrollment(api.prisma, {
      campaign,
      center,
      registeredBy: agent,
      person,
      status: 'SUBMITTED',
      registeredAt: new Date(Date.now() - 10 * 86_400_000),
    })
    // Paid a year ago: the card runs out in ten days.
    const [holder] = await createPeopleForEnrollments(api.prisma, 1, 'Lục Văn Hạn', center)
    const paid = await createEnrollment(api.prisma, {
      campaign,
      center,
      registeredBy: agent,
      person: holder,
      product: 'HOUSEHOLD_HEALTH_INSURANCE',
      status: 'SUBMITTED',
      registeredAt: new Date(Date.now() - 355 * 86_400_000),
    })
    const dayOf = (offset: number) => new Date(`${addDays(localDateInZone(new Date()), offset)}T00:00:00Z`)
    await api.prisma.enrollment.update({
      where: { id: paid.id },
      // A household card is bought for 3, 6 or 12 months.
      data: {
        status: 'PAID',
        months: 12,
        coverageStart: dayOf(-355),
        coverageEnd: dayOf(10),
        continuity: 'NEW',
      },
    })
  })
  afterAll(async () => {
    await api?.close()
  })

  it('renews an expiring card in one action: the registration opens prefilled with the same person', async () => {
    await api.renderAt('/worklists?list=EXPIRING', { as: 'agent' })
    const table = await screen.findByRole(
      'table',
      { name: 'Danh sách cần liên hệ: Sắp hết hạn' },
      { timeout: 15_000 },
    )
    const row = await within(table).findByRole('row', { name: /Lục Văn Hạn/ })
    await userEvent.click(within(row).getByRole('link', { name: /^Gia hạn cho Lục Văn Hạn/ }))

    const form = await screen.findByRole('form', { name: 'Đăng ký tham gia' }, { timeout: 15_000 })
    expect(screen.getByRole('status')).toHaveTextContent(/^Gia hạn từ hồ sơ trước/)
    const person = within(form).getByRole('region', { name: 'Người tham gia' })
    const name = within(person).getByRole('textbox', { name: /Họ và tên/ }) as HTMLInputElement
    expect(name.value).toMatch(/^Lục Văn Hạn/)
    expect(within(form).getByRole('radio', { name: 'BHYT hộ gia đình' })).toBeChecked()
  })

  it('opens on the center’s registrations waiting for payment for an agent with nothing assigned, and a promise moves the person to the promised list', async () => {
    await api.renderAt('/', { as: 'agent' })
    const table = await screen.findByRole(
      'table',
      { name: 'Danh sách cần liên hệ: Chờ đóng tiền' },
      { timeout: 15_000 },
    )
    const row = await within(table).findByRole('row', { name: /Quách Thị Chờ/ })
    const lists = screen.getByRole('radiogroup', { name: 'Danh sách' })
    // Each list with how many it holds.
    expect(within(lists).getByLabelText(/^Chờ đóng tiền \(\d+\)$/)).toBeChecked()

    await userEvent.click(within(row).getByRole('button', { name: /^Ghi nhận liên hệ với Quách Thị Chờ/ }))
    const form = await screen.findByRole('form', { name: 'Ghi nhận liên hệ' })
    await choose(within(form).getByRole('combobox', { name: /^Kết quả/ }), 'Hẹn đóng tiền')
    // A promise needs its day.
    await userEvent.click(within(form).getByRole('button', { name: 'Lưu' }))
    expect(await within(form).findByText('Bắt buộc nhập.')).toBeInTheDocument()
    const today = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date())
    await userEvent.type(within(form).getByRole('textbox', { name: /^Hẹn đóng tiền ngày/ }), today)
    await userEvent.click(within(form).getByRole('button', { name: 'Lưu' }))

    await expect
      .poll(() => screen.queryByRole('form', { name: 'Ghi nhận liên hệ' }), { timeout: 10_000 })
      .toBeNull()
    await within(table).findByText(/^Hẹn đóng tiền/, {}, { timeout: 10_000 })

    await userEvent.click(within(lists).getByLabelText(/^Hẹn đóng tiền/))
    const promised = await screen.findByRole(
      'table',
      { name: 'Danh sách cần liên hệ: Hẹn đóng tiền' },
      { timeout: 10_000 },
    )
    expect(await within(promised).findByRole('row', { name: /Quách Thị Chờ/ })).toBeInTheDocument()
  })

  it('a manager hands selected entries to an agent, who finds them among their own', async () => {
    const manager = await api.renderAt('/worklists?list=WAITING_PAYMENT', { as: 'manager' })
    const table = await screen.findByRole(
      'table',
      { name: 'Danh sách cần liên hệ: Chờ đóng tiền' },
      { timeout: 15_000 },
    )
    await userEvent.click(await within(table).findByRole('checkbox', { name: /^Chọn Quách Thị Chờ/ }))
    const bar = screen.getByRole('group', { name: 'Giao việc' })
    await choose(within(bar).getByRole('combobox', { name: 'Giao cho nhân viên' }), /^Trần Văn Minh/)
    await userEvent.click(within(bar).getByRole('button', { name: 'Giao việc' }))
    expect(await screen.findByRole('status')).toHaveTextContent('Đã giao 1 người.')
    await within(table).findByText('Giao cho Trần Văn Minh', {}, { timeout: 10_000 })
    manager.unmount()

    // Signing in, the agent lands on their own entries at the most pressing list: the payment promised for today.
    const home = await api.renderAt('/', { as: 'agent' })
    const promised = await screen.findByRole(
      'table',
      { name: 'Danh sách cần liên hệ: Hẹn đóng tiền' },
      { timeout: 15_000 },
    )
    expect(screen.getByRole('checkbox', { name: 'Chỉ những người được giao cho tôi' })).toBeChecked()
    expect(await within(promised).findByRole('row', { name: /Quách Thị Chờ/ })).toBeInTheDocument()
    home.unmount()

    await api.renderAt('/worklists?list=WAITING_PAYMENT&mine=true', { as: 'agent' })
    const mine = await screen.findByRole(
      'table',
      { name: 'Danh sách cần liên hệ: Chờ đóng tiền' },
      { timeout: 15_000 },
    )
    expect(screen.getByRole('checkbox', { name: 'Chỉ những người được giao cho tôi' })).toBeChecked()
    expect(
      within(mine)
        .getAllByRole('row')
        .map((row) => row.textContent),
    ).toEqual([expect.stringContaining('Người tham gia'), expect.stringContaining('Quách Thị Chờ')])

    // The same list as a spreadsheet: the agent's own entries, with the reminder to read out.
    const csv = screen.getByRole('link', { name: 'CSV' })
    expect(csv).toHaveAttribute('href', '/exports/worklist.csv?list=WAITING_PAYMENT&assignedToMe=true')
    const { status, text } = await api.download('agent', csv.getAttribute('href') ?? '')
    expect(status).toBe(200)
    const lines = text.trim().split('\r\n')
    expect(lines).toHaveLength(2)
    expect(lines[1]).toContain('Quách Thị Chờ')
  })

  it('an admin edits a list’s reminder: an unknown placeholder is refused by the shared rule, the saved text is what agents copy', async () => {
    await api.renderAt('/worklists?list=EXPIRING', { as: 'admin' })
    await userEvent.click(await screen.findByRole('button', { name: 'Sửa lời nhắc' }, { timeout: 15_000 }))
    const form = await screen.findByRole('form', { name: 'Sửa lời nhắc' })
    const text = within(form).getByRole('textbox', { name: /^Nội dung/ })
    await within(form).findByDisplayValue(/^Kính gửi \{name\}/)
    // user-event types `{{` as `{`.
    await userEvent.clear(text)
    await userEvent.type(text, 'Chào {{ten}, thẻ hết hạn {{dueDate}.')
    expect(
      await within(form).findByText(/\{ten\}/, { selector: '.mantine-InputWrapper-error' }),
    ).toBeInTheDocument()
    await userEvent.clear(text)
    await userEvent.type(text, 'Chào {{name}, thẻ {{product} hết hạn {{dueDate}.')
    const example = within(form).getByRole('region', { name: 'Ví dụ khi gửi' })
    expect(example).toHaveTextContent('Chào Nguyễn Thị Lan, thẻ BHYT hộ gia đình hết hạn')
    await userEvent.click(within(form).getByRole('button', { name: 'Lưu' }))
    await expect
      .poll(() => screen.queryByRole('form', { name: 'Sửa lời nhắc' }), { timeout: 10_000 })
      .toBeNull()

    const { worklist } = await api.graphql<{
      worklist: { edges: { node: { fullName: string; reminderText: string } }[] }
    }>('agent', 'query { worklist(list: EXPIRING) { edges { node { fullName reminderText } } } }')
    const entry = worklist.edges.find((edge) => edge.node.fullName.startsWith('Lục Văn Hạn'))
    expect(entry?.node.reminderText).toMatch(
      /^Chào Lục Văn Hạn .*, thẻ BHYT hộ gia đình hết hạn \d{2}\/\d{2}\/\d{4}\.$/,
    )
  })

  it('an agent is not offered the reminder editor', async () => {
    await api.renderAt('/worklists?list=EXPIRING', { as: 'agent' })
    await screen.findByRole('radiogroup', { name: 'Danh sách' }, { timeout: 15_000 })
    expect(screen.queryByRole('button', { name: 'Sửa lời nhắc' })).toBeNull()
  })
})
