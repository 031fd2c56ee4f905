import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ResultOf } from '../graphql.ts'
import { recording } from '../testing/recording.ts'
import { renderConsoleAt } from '../testing/render.tsx'
import { honoluluStillThe10th } from '../testing/saigon.ts'
import type { OutreachSessionsQuery } from './SessionList.tsx'

type Session = ResultOf<typeof OutreachSessionsQuery>['outreachSessions']['edges'][number]['node']

const launch: Session = {
  id: 'T3V0cmVhY2hTZXNzaW9uOjE=',
  title: 'Lễ ra quân tại Bưu điện Thành phố',
  kind: 'LAUNCH_CEREMONY',
  status: 'DONE',
  // 07:30 in Hồ Chí Minh.
  startsAt: '2025-11-04T00:30:00.000Z',
  endsAt: '2025-11-04T04:00:00.000Z',
  enrollmentCount: 42,
  center: { id: 'c1', name: 'Bưu điện Thành phố Hồ Chí Minh' },
  campaign: { id: 'campaign-1', name: '60 ngày tăng tốc' },
}

function sessions(...nodes: Session[]) {
  return {
    data: {
      outreachSessions: {
        totalCount: nodes.length,
        edges: nodes.map((node) => ({ node })),
        pageInfo: { hasNextPage: false, endCursor: null },
      },
    },
  }
}

const options = { data: { campaigns: { edges: [] }, centers: { edges: [] } } }

describe('the outreach sessions', () => {
  it('lists each session with its time in Hồ Chí Minh, its kind, its enrollments and its status', async () => {
    renderConsoleAt('/sessions', {
      answers: { OutreachSessions: sessions(launch), SessionFilterOptions: options },
    })

    const row = within(await screen.findByRole('table', { name: 'Danh sách buổi tuyên truyền' })).getByRole(
      'row',
      {
        name: /Lễ ra quân/,
      },
    )
    expect(row).toHaveTextContent('04/11/2025 07:30')
    expect(row).toHaveTextContent('Lễ phát động')
    expect(row).toHaveTextContent('42')
    expect(row).toHaveTextContent('Đã thực hiện')
  })

  it('shows a month of sessions on a calendar, each on its Hồ Chí Minh day, and asks only for that month', async () => {
    const asked: Record<string, unknown>[] = []
    renderConsoleAt('/sessions?view=month&day=2025-11-20', {
      answers: {
        OutreachSessions: recording(asked, () => sessions(launch)),
        SessionFilterOptions: options,
      },
    })

    const day = await screen.findByRole('group', { name: /, 4 tháng 11, 2025$/ })
    expect(within(day).getByRole('link', { name: /07:30 Lễ ra quân/ })).toHaveAttribute(
      'href',
      '/sessions/T3V0cmVhY2hTZXNzaW9uOjE%3D',
    )
    // The grid runs Monday 27/10 to Sunday 30/11, in Hồ Chí Minh time.
    expect(asked[0]).toMatchObject({
      filter: { startsFrom: '2025-10-27T00:00:00+07:00', startsTo: '2025-12-01T00:00:00+07:00' },
    })

    await userEvent.click(screen.getByRole('button', { name: /Tháng sau/ }))
    await expect
      .poll(() => asked.at(-1))
      .toMatchObject({ filter: { startsFrom: '2025-12-01T00:00:00+07:00' } })
  })

  it('shows three sessions on a busy day with how many more, opens its week for all of them, and names each kind’s colour', async () => {
    const market = (hour: number): Session => ({
      ...launch,
      id: `market-${hour}`,
      title: `Điểm tư vấn chợ ${hour}`,
      kind: 'MARKET_STALL',
      status: 'PLANNED',
      startsAt: `2025-11-12T${String(hour - 7).padStart(2, '0')}:00:00.000Z`,
    })
    const busy = [8, 9, 10, 11, 14].map(market)
    renderConsoleAt('/sessions?view=month&day=2025-11-20', {
      answers: { OutreachSessions: sessions(...busy), SessionFilterOptions: options },
    })

    expect(await screen.findByText('Tháng 11/2025')).toBeInTheDocument()
    const day = await screen.findByRole('group', { name: /, 12 tháng 11, 2025$/ })
    expect(within(day).getAllByRole('link')).toHaveLength(3)
    await userEvent.click(within(day).getByRole('button', { name: '+2 buổi nữa' }))

    const week = await screen.findByRole('region', { name: 'Lịch tuyên truyền 10/11/2025 – 16/11/2025' })
    const sameDay = within(week).getByRole('group', { name: /, 12 tháng 11, 2025$/ })
    expect(within(sameDay).getAllByRole('link')).toHaveLength(5)
    const legend = screen.getByRole('list', { name: 'Chú giải loại buổi' })
    expect(within(legend).getAllByRole('listitem')).toHaveLength(6)
    expect(legend).toHaveTextContent('Điểm tư vấn tại chợ')
  })

  it('filters by status through the address', async () => {
    const asked: Record<string, unknown>[] = []
    renderConsoleAt('/sessions?status=PLANNED&kind=MARKET_STALL', {
      answers: {
        OutreachSessions: recording(asked, () => sessions()),
        SessionFilterOptions: options,
      },
    })

    expect(await screen.findByText('Không có buổi tuyên truyền nào khớp với bộ lọc.')).toBeInTheDocument()
    expect(asked[0]).toMatchObject({ filter: { status: ['PLANNED'], kind: ['MARKET_STALL'] } })
  })

  describe('of a campaign counted in Honolulu', () => {
    const honolulu = {
      data: {
        campaigns: {
          edges: [
            {
              node: {
                id: 'campaign-hnl',
                name: 'Chiến dịch Honolulu',
                startDate: '2026-03-01',
                timeZone: 'Pacific/Honolulu',
              },
            },
          ],
        },
        centers: { edges: [] },
      },
    }
    // 10:00 on 10/03/2026 in Honolulu, already 03:00 on the 11th in Vietnam.
    const hula: Session = {
      ...launch,
      id: 'hula',
      title: 'Tư vấn tại Honolulu',
      status: 'PLANNED',
      startsAt: honoluluStillThe10th.toISOString(),
      endsAt: new Date(honoluluStillThe10th.getTime() + 2 * 3_600_000).toISOString(),
      campaign: { id: 'campaign-hnl', name: 'Chiến dịch Honolulu' },
    }

    afterEach(() => {
      vi.useRealTimers()
    })

    it('shows today and each session on the campaign’s day and clock, and asks for its days', async () => {
      vi.useFakeTimers({ toFake: ['Date'] })
      vi.setSystemTime(honoluluStillThe10th)
      const asked: Record<string, unknown>[] = []
      renderConsoleAt('/sessions?view=month&campaign=campaign-hnl', {
        answers: { OutreachSessions: recording(asked, () => sessions(hula)), SessionFilterOptions: honolulu },
      })

      const today = await screen.findByRole('group', { current: 'date' })
      await expect.poll(() => today.getAttribute('aria-label')).toMatch(/, 10 tháng 3, 2026$/)
      expect(within(today).getByRole('link', { name: /10:00 Tư vấn tại Honolulu/ })).toBeInTheDocument()
      // The grid runs Monday 23/02 to Sunday 05/04, midnight to midnight in Honolulu.
      expect(asked.at(-1)).toMatchObject({
        filter: { startsFrom: '2026-02-23T00:00:00-10:00', startsTo: '2026-04-06T00:00:00-10:00' },
      })
    })

    it('lists today’s sessions of the campaign’s day, at its clock', async () => {
      vi.useFakeTimers({ toFake: ['Date'] })
      vi.setSystemTime(honoluluStillThe10th)
      const asked: Record<string, unknown>[] = []
      renderConsoleAt('/sessions?campaign=campaign-hnl', {
        answers: { OutreachSessions: recording(asked, () => sessions(hula)), SessionFilterOptions: honolulu },
      })

      const row = within(await screen.findByRole('table', { name: 'Danh sách buổi tuyên truyền' })).getByRole(
        'row',
        { name: /Tư vấn tại Honolulu/ },
      )
      await expect.poll(() => row.textContent).toContain('10/03/2026 10:00')
      await userEvent.click(screen.getByRole('button', { name: 'Hôm nay' }))
      await expect
        .poll(() => asked.at(-1))
        .toMatchObject({
          filter: { startsFrom: '2026-03-10T00:00:00-10:00', startsTo: '2026-03-11T00:00:00-10:00' },
        })
    })
  })
})
