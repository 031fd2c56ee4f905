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
    expect(screen.getByRole('textbox', { name: /Mức thu nhập/ })).toHaveValue('2.500.000 ₫')
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

  it('tells a viewer they may not register, without a form', async () => {
    await api.renderAt('/enrollments/new', { as: 'viewer' })
    expect(await screen.findByRole('alert')).toHaveTextContent('Không được phép')
    expect(screen.queryByRole('form')).toBeNull()
  })
})
