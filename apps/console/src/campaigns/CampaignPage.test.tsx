import { screen, within } from '@testing-library/react'
import { maskFragments } from 'gql.tada'
import { CombinedError } from 'urql'
import { describe, expect, it } from 'vitest'
import type { ResultOf } from '../graphql.ts'
import { renderConsoleAt } from '../testing/render.tsx'
import { CampaignCenterFields } from './CampaignCenters.tsx'
import type { CampaignQuery } from './CampaignPage.tsx'
import { TargetFields } from './TargetsTable.tsx'

function launchCampaign() {
  const targets = [
    {
      id: 't1',
      product: 'VOLUNTARY_SOCIAL_INSURANCE',
      center: null,
      dueDate: null,
      label: null,
      count: 16000,
    },
  ] as const
  const centers = [
    {
      role: 'ORGANIZER',
      node: { id: 'c1', code: 'BD-HCM', name: 'Bưu điện Thành phố Hồ Chí Minh', kind: 'CITY_POST_OFFICE' },
    },
    {
      role: 'PARTICIPANT',
      node: {
        id: 'c2',
        code: 'BDTT-THUDUC',
        name: 'Bưu điện Trung tâm Thủ Đức',
        kind: 'CENTRAL_POST_OFFICE',
      },
    },
  ] as const
  const data: ResultOf<typeof CampaignQuery> = {
    campaign: {
      id: 'campaign-1',
      code: 'TANG-TOC-2025',
      name: '60 ngày tăng tốc',
      description: 'Ra quân ngày 04/11/2025 tại Bưu điện Thành phố Hồ Chí Minh.',
      startDate: '2025-11-04',
      endDate: '2026-01-02',
      timeZone: 'Asia/Ho_Chi_Minh',
      version: 3,
      status: 'ACTIVE',
      targets: {
        edges: maskFragments([TargetFields], targets).map((node, index) => ({
          node: { ...node, id: targets[index]?.id ?? '' },
        })),
        pageInfo: { hasNextPage: false, endCursor: null },
      },
      centers: { edges: [...maskFragments([CampaignCenterFields], centers)] },
    },
  }
  return { data }
}

describe('the campaign page', () => {
  it('shows the campaign with its period, its targets and the centers taking part', async () => {
    renderConsoleAt('/campaigns/TANG-TOC-2025', { answer: launchCampaign() })

    expect(await screen.findByRole('heading', { level: 2, name: '60 ngày tăng tốc' })).toBeInTheDocument()
    expect(screen.getByText(/04\/11\/2025 – 02\/01\/2026/)).toBeInTheDocument()
    expect(screen.getByRole('table', { name: 'Chỉ tiêu' })).toHaveTextContent('16.000')
    const centers = screen.getByRole('table', { name: 'Đơn vị tham gia' })
    expect(within(centers).getByRole('row', { name: /Thủ Đức/ })).toHaveTextContent('Bưu điện trung tâm')
    expect(within(centers).getByRole('row', { name: /BD-HCM/ })).toHaveTextContent('Đơn vị tổ chức')
    expect(screen.getByRole('link', { name: /Tất cả chiến dịch/ })).toHaveAttribute('href', '/campaigns')
  })

  it('says no campaign has the code when the API finds none', async () => {
    renderConsoleAt('/campaigns/KHONG-CO', { answer: { data: { campaign: null } } })

    expect(await screen.findByText('Không tìm thấy chiến dịch có mã KHONG-CO.')).toBeInTheDocument()
  })

  it('reports the API’s errors rather than a missing campaign when the campaign could not be read', async () => {
    const error = new CombinedError({ graphQLErrors: ['Not authorized to read fields for Center'] })
    renderConsoleAt('/campaigns/TANG-TOC-2025', { answer: { data: { campaign: null }, error } })

    expect(await screen.findByRole('alert')).toHaveTextContent('Not authorized to read fields for Center')
    expect(screen.queryByText(/Không tìm thấy chiến dịch/)).not.toBeInTheDocument()
  })
})
