// Correcting a lead against the real API: a wrong number is refused on its field, in Vietnamese; the
// corrected one is what the session's list and the LEADS worklist then show.
import { createOutreachSession } from '@tangtoc/db/fixtures'
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ConsoleApi, startConsoleApi } from '../testing/api.tsx'

describe('a session’s leads', { timeout: 60_000 }, () => {
  let api: ConsoleApi
  let sessionId = ''
  beforeAll(async () => {
    api = await startConsoleApi()
    const campaign = await api.prisma.campaign.findUniqueOrThrow({ where: { code: 'TANG-TOC-2025' } })
    const center = await api.prisma.center.findUniqueOrThrow({ where: { code: 'BDTT-SAI-GON' } })
    const session = await createOutreachSession(api.prisma, {
      campaign,
      center,
      title: 'Tư vấn tại chợ Bến Thành',
    })
    const agent = await api.prisma.user.findUniqueOrThrow({ where: { username: 'agent' } })
    await api.prisma.lead.create({
      data: {
        sessionId: session.id,
        centerId: center.id,
        fullName: 'Mai Thị Quan Tâm',
        phone: '+84913555001',
        products: ['HOUSEHOLD_HEALTH_INSURANCE'],
        metOn: new Date(Date.now() - 86_400_000),
        recordedById: agent.id,
      },
    })
    sessionId = Buffer.from(`OutreachSession:${session.id}`).toString('base64')
  })
  afterAll(async () => {
    await api?.close()
  })

  it('an agent corrects a lead’s phone: a malformed one is refused on its field, the right one is kept', async () => {
    await api.renderAt(`/sessions/${sessionId}`, { as: 'agent' })
    const section = await screen.findByRole(
      'region',
      { name: /^Người được tư vấn chưa đăng ký \(1\)/ },
      { timeout: 15_000 },
    )
    await userEvent.click(within(section).getByRole('button', { name: 'Sửa thông tin Mai Thị Quan Tâm' }))
    const form = await screen.findByRole('form', { name: 'Sửa thông tin Mai Thị Quan Tâm' })
    const phone = within(form).getByRole('textbox', { name: /^Số điện thoại/ })
    await userEvent.clear(phone)
    await userEvent.type(phone, '12345')
    await userEvent.click(within(form).getByRole('button', { name: 'Lưu' }))
    expect(
      await within(form).findByText(/điện thoại/i, { selector: '.mantine-InputWrapper-error' }),
    ).toBeInTheDocument()

    await userEvent.clear(phone)
    await userEvent.type(phone, '0913 555 009')
    await userEvent.click(within(form).getByRole('button', { name: 'Lưu' }))
    await expect
      .poll(() => screen.queryByRole('form', { name: /^Sửa thông tin/ }), { timeout: 10_000 })
      .toBeNull()
    await within(section).findByText('0913 555 009', {}, { timeout: 10_000 })
    const stored = await api.prisma.lead.findFirstOrThrow({ where: { fullName: 'Mai Thị Quan Tâm' } })
    expect(stored).toMatchObject({ phone: '+84913555009', version: 2 })
  })
})
