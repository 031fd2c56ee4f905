import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { ResultOf } from '../graphql.ts'
import { renderConsoleAt } from '../testing/render.tsx'
import type { CampaignProgressFiguresFragment, DashboardCampaignQuery } from './DashboardQueries.ts'

const campaign: ResultOf<typeof DashboardCampaignQuery>['campaign'] = {
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
  enrolled: 5200,
  target: 366000,
  percent: 1.4,
  daysLeft: 44,
  dailyPaceNeeded: 8200.5,
  last7DaysPace: 310.4,
  projectedFinishDate: null,
  products: [
    { product: 'VOLUNTARY_SOCIAL_INSURANCE', enrolled: 200, target: 16000, percent: 1.3 },
    { product: 'HOUSEHOLD_HEALTH_INSURANCE', enrolled: 5000, target: 350000, percent: 1.4 },
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
    },
  ],
}

describe('the campaign dashboard', () => {
  it('shows each product against its target, the pace, the milestones and the center ranking', async () => {
    renderConsoleAt('/campaigns/TANG-TOC-2025/dashboard', {
      answers: {
        DashboardCampaign: { data: { campaign } },
        CampaignProgress: { data: { campaignProgress: progress } },
      },
    })

    const household = await screen.findByRole('group', { name: 'BHYT hộ gia đình' })
    expect(household).toHaveTextContent('5.000 / 350.000')
    expect(household).toHaveTextContent('1,4%')
    expect(screen.getByText('8.200,5/ngày')).toBeInTheDocument()
    expect(screen.getByText('310,4/ngày')).toBeInTheDocument()
    expect(screen.getByText('Chưa dự báo được')).toBeInTheDocument()
    const milestones = screen.getByRole('table', { name: 'Các mốc' })
    expect(within(milestones).getByRole('row', { name: /Ngày ra quân/ })).toHaveTextContent('Đạt')
    const ranking = screen.getByRole('table', { name: 'Xếp hạng đơn vị theo chỉ tiêu' })
    expect(within(ranking).getByRole('row', { name: /Thủ Đức/ })).toHaveTextContent('4,5%')
    expect(screen.getByText('Trực tiếp')).toBeInTheDocument()
  })

  it('says so when the campaign has no targets, milestones or centers yet', async () => {
    const empty = { ...progress, products: [], milestones: [], centers: [], dailyPaceNeeded: null }
    renderConsoleAt('/campaigns/TANG-TOC-2025/dashboard', {
      answers: {
        DashboardCampaign: { data: { campaign } },
        CampaignProgress: { data: { campaignProgress: empty } },
      },
    })

    expect(await screen.findByText('Chiến dịch chưa có chỉ tiêu.')).toBeInTheDocument()
    expect(screen.getByText('Chiến dịch chưa có mốc nào.')).toBeInTheDocument()
    expect(screen.getByText('Chưa có đơn vị nào có chỉ tiêu hoặc người tham gia.')).toBeInTheDocument()
  })

  it('offers the campaigns when none is running', async () => {
    renderConsoleAt('/dashboard', { answers: { ActiveCampaign: { data: { campaigns: { edges: [] } } } } })

    expect(await screen.findByText('Chưa có chiến dịch nào đang diễn ra.')).toBeInTheDocument()
  })
})
