import { fireEvent, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { campaignChoiceAnswers, provinceCampaigns } from '../testing/campaignChoices.ts'
import { choose } from '../testing/choose.ts'
import { recording } from '../testing/recording.ts'
import { renderConsoleAt, testAdmin } from '../testing/render.tsx'
import { campaignsWithSaigon, inHonolulu, saigonAgent } from '../testing/saigon.ts'

const chooseOption = (label: RegExp, option: string) =>
  choose(screen.getByRole('combobox', { name: label }), option)

// Typing a whole session into jsdom takes seconds; give it room on a loaded machine.
describe('planning an outreach session', { timeout: 40_000 }, () => {
  it('checks the times as they are typed and sends them in Hồ Chí Minh time', async () => {
    const sent: Record<string, unknown>[] = []
    renderConsoleAt('/sessions/new', {
      viewer: saigonAgent,
      answers: {
        ...campaignChoiceAnswers(campaignsWithSaigon),
        CreateOutreachSession: recording(sent, () => ({
          data: {
            createOutreachSession: {
              __typename: 'ValidationError',
              code: 'VALIDATION',
              message: 'invalid',
              messageVi: 'không hợp lệ',
              fieldErrors: [
                {
                  path: ['input', 'startsAt'],
                  code: 'SESSION_OUTSIDE_CAMPAIGN',
                  message: 'The session must take place within the campaign.',
                  messageVi: 'Buổi tuyên truyền phải diễn ra trong thời gian chiến dịch.',
                },
              ],
            },
          },
        })),
      },
    })

    await userEvent.type(await screen.findByRole('textbox', { name: /Tên buổi/ }), 'Tư vấn tại chợ Bến Thành')
    await chooseOption(/Hình thức/, 'Điểm tư vấn tại chợ')
    await chooseOption(/Loại địa điểm/, 'Chợ')
    const starts = screen.getByLabelText(/Bắt đầu/)
    const ends = screen.getByLabelText(/Kết thúc/)
    fireEvent.change(starts, { target: { value: '2025-11-20T08:00' } })
    fireEvent.change(ends, { target: { value: '2025-11-20T07:00' } })
    expect(ends).toHaveAccessibleDescription(/Giờ kết thúc phải sau giờ bắt đầu./)

    fireEvent.change(ends, { target: { value: '2025-11-20T11:30' } })
    await userEvent.click(screen.getByRole('button', { name: 'Lên kế hoạch buổi tuyên truyền' }))

    await expect
      .poll(() => sent[0])
      .toMatchObject({
        input: {
          campaign: 'campaign-1',
          center: 'c-saigon',
          title: 'Tư vấn tại chợ Bến Thành',
          kind: 'MARKET_STALL',
          venueKind: 'MARKET',
          startsAt: '2025-11-20T08:00:00+07:00',
          endsAt: '2025-11-20T11:30:00+07:00',
        },
      })
    expect(
      await screen.findByText('Buổi tuyên truyền phải diễn ra trong thời gian chiến dịch.'),
    ).toBeInTheDocument()
    expect(starts).toHaveValue('2025-11-20T08:00')
    expect(screen.getByRole('textbox', { name: /Tên buổi/ })).toHaveValue('Tư vấn tại chợ Bến Thành')
  })

  it('takes the times at the clock of a campaign counted in Honolulu', async () => {
    const sent: Record<string, unknown>[] = []
    renderConsoleAt('/sessions/new', {
      viewer: saigonAgent,
      answers: {
        ...campaignChoiceAnswers(inHonolulu(campaignsWithSaigon)),
        CreateOutreachSession: recording(sent, () => ({ data: null })),
      },
    })

    await userEvent.type(await screen.findByRole('textbox', { name: /Tên buổi/ }), 'Tư vấn tại Honolulu')
    await chooseOption(/Hình thức/, 'Điểm tư vấn tại chợ')
    await chooseOption(/Loại địa điểm/, 'Chợ')
    const starts = screen.getByLabelText(/Bắt đầu/)
    await waitFor(() =>
      expect(starts).toHaveAccessibleDescription(
        'Giờ theo múi giờ của chiến dịch: Pacific/Honolulu (GMT-10)',
      ),
    )
    fireEvent.change(starts, { target: { value: '2026-03-10T10:00' } })
    fireEvent.change(screen.getByLabelText(/Kết thúc/), { target: { value: '2026-03-10T12:00' } })
    await userEvent.click(screen.getByRole('button', { name: 'Lên kế hoạch buổi tuyên truyền' }))

    await expect
      .poll(() => sent[0])
      .toMatchObject({
        input: { startsAt: '2026-03-10T10:00:00-10:00', endsAt: '2026-03-10T12:00:00-10:00' },
      })
  })

  it('plans a session in the sixth of seven campaigns, at a center of that campaign', async () => {
    const sent: Record<string, unknown>[] = []
    renderConsoleAt('/sessions/new', {
      viewer: testAdmin,
      answers: {
        ...campaignChoiceAnswers(provinceCampaigns(7)),
        CreateOutreachSession: recording(sent, () => ({ data: null })),
      },
    })
    await choose(await screen.findByRole('combobox', { name: /^Chiến dịch/ }), 'Tăng tốc tỉnh 6')
    await chooseOption(/^Đơn vị/, 'Bưu điện tỉnh 6')
    await userEvent.type(screen.getByRole('textbox', { name: /Tên buổi/ }), 'Tư vấn tại tỉnh 6')
    await chooseOption(/Hình thức/, 'Điểm tư vấn tại chợ')
    await chooseOption(/Loại địa điểm/, 'Chợ')
    fireEvent.change(screen.getByLabelText(/Bắt đầu/), { target: { value: '2026-03-10T08:00' } })
    fireEvent.change(screen.getByLabelText(/Kết thúc/), { target: { value: '2026-03-10T11:00' } })
    await userEvent.click(screen.getByRole('button', { name: 'Lên kế hoạch buổi tuyên truyền' }))

    await expect
      .poll(() => sent[0])
      .toMatchObject({ input: { campaign: 'campaign-province-6', center: 'c-province-6' } })
  })
})
