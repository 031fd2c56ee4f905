import { createMemoryHistory, RouterProvider } from '@tanstack/react-router'
import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { ResultOf } from '../graphql.ts'
import { createConsoleRouter } from '../router.tsx'
import { renderConsoleAt, renderWithConsole } from '../testing/render.tsx'
import type { CampaignProgressFiguresFragment, ProgressCampaignQuery } from './ProgressQueries.ts'

const campaign: ResultOf<typeof ProgressCampaignQuery>['campaign'] = {
  id: 'campaign-1',
  code: 'TANG-TOC-2025',
  name: '60 ngày tăng tốc',
  startDate: '2025-11-04',
  endDate: '2026-01-02',
  status: 'ACTIVE',
}

const progress: ResultOf<typeof CampaignProgressFiguresFragment> = {
  asOf: '2025-11-20',
  from: '2025-11-04',
  to: '2026-01-02',
  countedStatuses: ['PAID', 'ACTIVE'],
  center: null,
  enrolled: 5200,
  newCount: 5200,
  continuingCount: 1340,
  countParticipants: 'NEW',
  target: 366000,
  percent: 1.4,
  daysLeft: 44,
  dailyPaceNeeded: 8200.5,
  last7DaysPace: 310.4,
  projectedFinishDate: null,
  products: [
    {
      product: 'VOLUNTARY_SOCIAL_INSURANCE',
      enrolled: 200,
      newCount: 200,
      continuingCount: 40,
      target: 16000,
      percent: 1.3,
    },
    {
      product: 'HOUSEHOLD_HEALTH_INSURANCE',
      enrolled: 5000,
      newCount: 5000,
      continuingCount: 1300,
      target: 350000,
      percent: 1.4,
    },
  ],
  milestones: [
    {
      dueDate: '2025-11-04',
      label: 'Ngày ra quân',
      count: 3000,
      enrolled: 3120,
      metOn: '2025-11-04',
      status: 'MET',
      target: { id: 't1', product: null },
    },
  ],
  days: [
    { date: '2025-11-04', enrolled: 3120, cumulative: 3120, target: 3000 },
    { date: '2025-11-05', enrolled: 80, cumulative: 3200, target: 9000 },
  ],
  centers: [
    {
      rank: 1,
      enrolled: 900,
      target: 20000,
      percent: 4.5,
      center: { id: 'c1', code: 'BDTT-THUDUC', name: 'Bưu điện Trung tâm Thủ Đức' },
      products: [
        { product: 'VOLUNTARY_SOCIAL_INSURANCE', enrolled: 40, target: 1000, percent: 4 },
        { product: 'HOUSEHOLD_HEALTH_INSURANCE', enrolled: 860, target: 19000, percent: 4.5 },
      ],
    },
  ],
}

const curve = (target: number) => ({
  asOf: '2025-11-20',
  target,
  dailyPaceNeeded: 100,
  days: [{ date: '2025-11-20', enrolled: 10, cumulative: 10, target }],
})
const curves = { voluntary: curve(16000), household: curve(350000) }

describe('the campaign progress page', () => {
  it('shows each product against its target, the pace, the milestones and the center ranking', async () => {
    renderConsoleAt('/campaigns/TANG-TOC-2025/progress', {
      answers: {
        ProgressCampaign: { data: { campaign } },
        CampaignProgress: { data: { campaignProgress: progress } },
        ProductCurves: { data: curves },
        WorklistCounts: {
          data: {
            worklistCounts: [
              { list: 'EXPIRING', count: 1240 },
              { list: 'WAITING_PAYMENT', count: 38 },
            ],
          },
        },
      },
    })

    const household = await screen.findByRole('group', { name: 'BHYT hộ gia đình' })
    expect(household).toHaveTextContent('5.000 / 350.000')
    expect(household).toHaveTextContent('1,4%')
    // New and continuing participants side by side; the targets count the new ones.
    expect(household).toHaveTextContent('Mới: 5.000 · Tham gia tiếp: 1.300')
    expect(screen.getByText('Chỉ tiêu tính: Người tham gia mới.')).toBeInTheDocument()
    expect(screen.getByText('8.200,5/ngày')).toBeInTheDocument()
    expect(screen.getByText('310,4/ngày')).toBeInTheDocument()
    expect(screen.getByText('Chưa dự báo được')).toBeInTheDocument()
    const milestones = screen.getByRole('table', { name: 'Các mốc' })
    expect(within(milestones).getByRole('row', { name: /Ngày ra quân/ })).toHaveTextContent('Đạt')
    const ranking = screen.getByRole('table', { name: 'Xếp hạng đơn vị theo chỉ tiêu' })
    expect(within(ranking).getByRole('row', { name: /Thủ Đức/ })).toHaveTextContent('4,5%')
    expect(screen.getByText('Trực tiếp')).toBeInTheDocument()
    expect(screen.getByText('Đang diễn ra')).toBeInTheDocument()
    // Each follow-up list's size, a link to the list.
    const worklists = await screen.findByRole('region', { name: 'Danh sách cần liên hệ' })
    expect(within(worklists).getByRole('link', { name: 'Sắp hết hạn' })).toHaveAttribute(
      'href',
      '/worklists?list=EXPIRING',
    )
    expect(worklists).toHaveTextContent('1.240')
  })

  it('drills down: a center opens its own progress page, a number the enrollments counted in it', async () => {
    renderConsoleAt('/campaigns/TANG-TOC-2025/progress?from=2025-11-10&to=2025-11-16', {
      answers: {
        ProgressCampaign: { data: { campaign } },
        CampaignProgress: {
          data: { campaignProgress: { ...progress, from: '2025-11-10', to: '2025-11-16' } },
        },
        ProductCurves: { data: curves },
      },
    })

    const ranking = await screen.findByRole('table', { name: 'Xếp hạng đơn vị theo chỉ tiêu' })
    const center = within(ranking).getByRole('link', { name: 'Bưu điện Trung tâm Thủ Đức' })
    const own = new URL(center.getAttribute('href') ?? '', 'http://console')
    expect(own.pathname).toBe('/campaigns/TANG-TOC-2025/progress')
    expect(Object.fromEntries(own.searchParams)).toEqual({
      center: 'c1',
      from: '2025-11-10',
      to: '2025-11-16',
    })

    const count = within(ranking).getByRole('link', {
      name: /^860\s+hồ sơ BHYT hộ gia đình được tính của Bưu điện Trung tâm Thủ Đức$/,
    })
    const behind = new URL(count.getAttribute('href') ?? '', 'http://console')
    expect(behind.pathname).toBe('/enrollments')
    expect(behind.searchParams.get('center')).toBe('c1')
    expect(behind.searchParams.get('product')).toBe('HOUSEHOLD_HEALTH_INSURANCE')
    expect(behind.searchParams.get('countedFrom')).toBe('2025-11-10')
    expect(behind.searchParams.get('countedTo')).toBe('2025-11-16')
    expect(behind.searchParams.get('status')).toMatch(/PAID.*ACTIVE/)
    // The campaign counts new participants: the list shows those, not the continuing ones.
    expect(behind.searchParams.get('continuity')).toMatch(/NEW/)
  })

  it('says a campaign left open past its last day is over, and a missed milestone is only missed', async () => {
    const over = {
      ...progress,
      asOf: '2026-01-05',
      daysLeft: 0,
      projectedFinishDate: '2051-05-09',
      milestones: [{ ...progress.milestones[0], enrolled: 22, status: 'MISSED', metOn: '2025-11-20' }],
    } as typeof progress
    renderConsoleAt('/campaigns/TANG-TOC-2025/progress', {
      answers: {
        ProgressCampaign: { data: { campaign } },
        CampaignProgress: { data: { campaignProgress: over } },
        ProductCurves: { data: curves },
      },
    })

    expect(await screen.findByText('Đã hết thời gian, chưa đóng')).toBeInTheDocument()
    expect(screen.queryByText('Đang diễn ra')).not.toBeInTheDocument()
    expect(screen.getByText('Không kịp trước 02/01/2026')).toBeInTheDocument()
    const milestone = within(screen.getByRole('table', { name: 'Các mốc' })).getByRole('row', {
      name: /Ngày ra quân/,
    })
    expect(milestone).toHaveTextContent('Không đạt')
    expect(milestone).not.toHaveTextContent(/đạt ngày/)
  })

  it('says so when the campaign has no targets, milestones or centers yet', async () => {
    const empty = { ...progress, products: [], milestones: [], centers: [], dailyPaceNeeded: null }
    renderConsoleAt('/campaigns/TANG-TOC-2025/progress', {
      answers: {
        ProgressCampaign: { data: { campaign } },
        CampaignProgress: { data: { campaignProgress: empty } },
        ProductCurves: { data: curves },
      },
    })

    expect(await screen.findByText('Chiến dịch chưa có chỉ tiêu.')).toBeInTheDocument()
    expect(screen.getByText('Chiến dịch chưa có mốc nào.')).toBeInTheDocument()
    expect(screen.getByText('Chưa có đơn vị nào có chỉ tiêu hoặc người tham gia.')).toBeInTheDocument()
  })

  it('offers the campaigns when none is running', async () => {
    renderConsoleAt('/progress', { answers: { ActiveCampaign: { data: { campaigns: { edges: [] } } } } })

    expect(await screen.findByText('Chưa có chiến dịch nào đang diễn ra.')).toBeInTheDocument()
  })

  it('still opens at its former address, /dashboard, with the same center and period', async () => {
    const router = createConsoleRouter(
      createMemoryHistory({
        initialEntries: ['/campaigns/TANG-TOC-2025/dashboard?center=c1&from=2025-11-10&to=2025-11-16'],
      }),
    )
    renderWithConsole(<RouterProvider router={router} />, {
      answers: {
        ProgressCampaign: { data: { campaign } },
        CampaignProgress: { data: { campaignProgress: progress } },
        ProductCurves: { data: curves },
      },
    })

    expect(await screen.findByRole('group', { name: 'BHYT hộ gia đình' })).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/campaigns/TANG-TOC-2025/progress')
    expect(router.state.location.search).toEqual({ center: 'c1', from: '2025-11-10', to: '2025-11-16' })
  })

  it('sends /dashboard on to /progress', async () => {
    const router = createConsoleRouter(createMemoryHistory({ initialEntries: ['/dashboard'] }))
    renderWithConsole(<RouterProvider router={router} />, {
      answers: { ActiveCampaign: { data: { campaigns: { edges: [] } } } },
    })

    expect(await screen.findByText('Chưa có chiến dịch nào đang diễn ra.')).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/progress')
  })
})
