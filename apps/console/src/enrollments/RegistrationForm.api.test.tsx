// Registering against the real API, through the console's own client and cache.
import { personInput } from '@tangtoc/db/fixtures'
import { fireEvent, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ConsoleApi, startConsoleApi } from '../testing/api.tsx'
import { registerAtSaigon } from '../testing/seeded.ts'

describe('registering an enrollment', { timeout: 60_000 }, () => {
  let api: ConsoleApi
  beforeAll(async () => {
    api = await startConsoleApi()
  })
  afterAll(async () => {
    await api?.close()
  })

  it('says the person already has a live enrollment and links to it, keeping what was typed', async () => {
    const person = personInput({ fullName: 'Trần Thị Mai', dateOfBirth: '1990-05-12', sex: 'FEMALE' })
    expect(await registerAtSaigon(api.graphql, person)).toBe('RegisterEnrollmentPayload')

    await api.renderAt('/enrollments/new', { as: 'agent' })
    const section = await screen.findByRole('region', { name: 'Người tham gia' })
    await userEvent.type(within(section).getByRole('textbox', { name: /Họ và tên/ }), person.fullName)
    fireEvent.change(within(section).getByLabelText(/Ngày sinh/), { target: { value: person.dateOfBirth } })
    await userEvent.click(within(section).getByRole('radio', { name: 'Nữ' }))
    await userEvent.type(
      within(section).getByRole('textbox', { name: /Số định danh cá nhân/ }),
      person.citizenId,
    )
    await userEvent.type(screen.getByRole('textbox', { name: /Mức thu nhập/ }), '2500000')
    const centerField = screen.getByRole('combobox', { name: /^Đơn vị/ })
    await expect.poll(() => (centerField as HTMLInputElement).value).toContain('Sài Gòn')
    await userEvent.click(screen.getByRole('button', { name: 'Lưu nháp' }))

    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 })
    expect(alert).toHaveTextContent('Người này đã có hồ sơ đang hiệu lực cho loại hình này trong chiến dịch.')
    expect(within(alert).getByRole('link', { name: 'Mở hồ sơ đã có' })).toHaveAttribute(
      'href',
      expect.stringMatching(/^\/records\//),
    )
    expect(screen.getByRole('textbox', { name: /Mức thu nhập/ })).toHaveValue('2.500.000\u00a0₫')
  })

  it('offers a center manager the centers of their subtree only, and an agent only their own', async () => {
    const manager = await api.renderAt('/enrollments/new', { as: 'manager' })
    const center = await screen.findByRole('combobox', { name: /^Đơn vị/ })
    await expect.poll(() => (center as HTMLInputElement).value, { timeout: 10_000 }).toContain('Sài Gòn')
    await userEvent.click(center)
    const offered = (await screen.findAllByRole('option', { hidden: true })).map((o) => o.textContent)
    expect(offered).toContain('Bưu điện Trung tâm Sài Gòn')
    expect(offered).not.toContain('Bưu điện Trung tâm Chợ Lớn')
    manager.unmount()

    await api.renderAt('/enrollments/new', { as: 'agent' })
    const own = await screen.findByRole('combobox', { name: /^Đơn vị/ })
    await expect.poll(() => (own as HTMLInputElement).value, { timeout: 10_000 }).toContain('Sài Gòn')
    expect(own).toHaveAttribute('readonly')
  })

  it('says no campaign takes registrations today, and shows an admin where campaigns are planned', async () => {
    const launch = await api.prisma.campaign.findUniqueOrThrow({ where: { code: 'TANG-TOC-2025' } })
    await api.prisma.campaign.update({
      where: { id: launch.id },
      data: { endDate: new Date(launch.startDate.getTime() + 86_400_000) },
    })
    try {
      await api.renderAt('/enrollments/new', { as: 'admin' })
      const text = await screen.findByText(
        /Hôm nay không có chiến dịch nào đang nhận đăng ký/,
        {},
        { timeout: 10_000 },
      )
      const notice = text.closest('[role="status"]') as HTMLElement
      expect(notice).not.toBeNull()
      expect(within(notice).getByRole('link', { name: 'Xem các chiến dịch' })).toHaveAttribute(
        'href',
        '/campaigns',
      )
    } finally {
      await api.prisma.campaign.update({ where: { id: launch.id }, data: { endDate: launch.endDate } })
    }
  })

  it('tells a viewer they may not register, without a form', async () => {
    await api.renderAt('/enrollments/new', { as: 'viewer' })
    expect(await screen.findByRole('alert')).toHaveTextContent('Không được phép')
    expect(screen.queryByRole('form')).toBeNull()
  })

  it('adds a member to a household already enrolled, ranked after its members', async () => {
    const { campaign, center } = await api.graphql<{ campaign: { id: string }; center: { id: string } }>(
      'admin',
      'query { campaign(code: "TANG-TOC-2025") { id } center(code: "BDTT-SAI-GON") { id } }',
    )
    const head = personInput({ fullName: 'Mạc Văn Trụ', sex: 'MALE', dateOfBirth: '1980-02-02' })
    const wife = personInput({ fullName: 'Đinh Thị Vợ', dateOfBirth: '1982-03-03' })
    const registered = await api.graphql<{
      registerEnrollment: { __typename: string; enrollment: { id: string } }
    }>(
      'agent',
      `mutation ($input: RegisterEnrollmentInput!) { registerEnrollment(input: $input) {
        __typename ... on RegisterEnrollmentPayload { enrollment { id } } } }`,
      {
        input: {
          campaign: campaign.id,
          center: center.id,
          product: 'HOUSEHOLD_HEALTH_INSURANCE',
          months: 12,
          person: head,
          householdMembers: [
            { person: head, isHead: true },
            { person: wife, relationToHead: 'vợ' },
          ],
          status: 'SUBMITTED',
        },
      },
    )
    expect(registered.registerEnrollment.__typename).toBe('RegisterEnrollmentPayload')

    await api.renderAt(`/enrollments/${registered.registerEnrollment.enrollment.id}`, { as: 'agent' })
    await userEvent.click(
      await screen.findByRole('link', { name: 'Thêm thành viên vào hộ' }, { timeout: 10_000 }),
    )
    expect(await screen.findByRole('status')).toHaveTextContent(/^Thêm người vào hộ đã tham gia/)
    const son = personInput({ fullName: 'Mạc Văn Con', sex: 'MALE', dateOfBirth: '2005-05-05' })
    const section = await screen.findByRole('region', { name: 'Người tham gia' })
    await userEvent.type(within(section).getByRole('textbox', { name: /Họ và tên/ }), son.fullName)
    fireEvent.change(within(section).getByLabelText(/Ngày sinh/), { target: { value: son.dateOfBirth } })
    await userEvent.click(within(section).getByRole('radio', { name: 'Nam' }))
    await userEvent.type(
      within(section).getByRole('textbox', { name: /Số định danh cá nhân/ }),
      son.citizenId,
    )
    // No head to choose: the household has one.
    expect(screen.queryByRole('radio', { name: 'Chủ hộ' })).toBeNull()
    await userEvent.click(screen.getByRole('button', { name: 'Nộp hồ sơ' }))

    await screen.findByRole('heading', { level: 2, name: 'Mạc Văn Con' }, { timeout: 15_000 })
    // Third in the household: after the two enrolled.
    const contribution = screen.getByRole('region', { name: 'Mức đóng' })
    expect(within(contribution).getByText('Thứ tự trong hộ khi tính mức đóng').nextSibling).toHaveTextContent(
      '3',
    )
  })
})
