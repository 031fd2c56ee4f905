import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { CombinedError } from 'urql'
import { describe, expect, it } from 'vitest'
import type { ResultOf } from '../graphql.ts'
import { renderConsoleAt } from '../testing/render.tsx'
import type { CampaignsQuery } from './CampaignList.tsx'

type Campaign = ResultOf<typeof CampaignsQuery>['campaigns']['edges'][number]['node']

function campaigns(...nodes: Campaign[]) {
  return page({ hasNextPage: false, endCursor: null }, ...nodes)
}

function page(pageInfo: { hasNextPage: boolean; endCursor: string | null }, ...nodes: Campaign[]) {
  const data: ResultOf<typeof CampaignsQuery> = {
    campaigns: { totalCount: nodes.length, edges: nodes.map((node) => ({ node })), pageInfo },
  }
  return { data }
}

const launchCampaign: Campaign = {
  id: 'Q2FtcGFpZ246MQ==',
  code: 'TANGTOC-2025',
  name: '60 ngày tăng tốc – Hoàn thành chỉ tiêu phát triển người tham gia BHXH, BHYT năm 2025',
  startDate: '2025-11-04',
  endDate: '2026-01-02',
  status: 'ACTIVE',
}

describe('the campaign list', () => {
  it('lists each campaign with its code, its period as dd/MM/yyyy and its status, in Vietnamese', async () => {
    renderConsoleAt('/campaigns', { answer: campaigns(launchCampaign) })

    const table = await screen.findByRole('table', { name: 'Danh sách chiến dịch' })
    const row = within(table).getByRole('row', { name: /60 ngày tăng tốc/ })
    expect(within(row).getByRole('link', { name: launchCampaign.name })).toHaveAttribute(
      'href',
      '/campaigns/TANGTOC-2025',
    )
    expect(row).toHaveTextContent('TANGTOC-2025')
    expect(row).toHaveTextContent('04/11/2025 – 02/01/2026')
    expect(row).toHaveTextContent('Đang diễn ra')
  })

  it('switches to English at a click and remembers the choice', async () => {
    renderConsoleAt('/campaigns', { answer: campaigns(launchCampaign) })
    await screen.findByRole('heading', { name: 'Chiến dịch' })

    await userEvent.click(screen.getByText('English'))

    expect(await screen.findByRole('heading', { name: 'Campaigns' })).toBeInTheDocument()
    const row = within(screen.getByRole('table', { name: 'Campaign list' })).getByRole('row', {
      name: /60 ngày tăng tốc/,
    })
    // The status reads as the progress page's phase does for the same state, and as Vietnamese does
    // (Đang diễn ra for both).
    expect(row).toHaveTextContent('Running')
    expect(localStorage.getItem('tangtoc.locale')).toBe('en')
    expect(document.documentElement.lang).toBe('en')
  })

  it('offers more campaigns only when the API has another page', async () => {
    renderConsoleAt('/campaigns', { answer: page({ hasNextPage: true, endCursor: 'c50' }, launchCampaign) })

    expect(await screen.findByRole('button', { name: 'Xem thêm chiến dịch' })).toBeInTheDocument()
  })

  it('offers no more campaigns on the last page', async () => {
    renderConsoleAt('/campaigns', { answer: campaigns(launchCampaign) })

    await screen.findByRole('table', { name: 'Danh sách chiến dịch' })
    expect(screen.queryByRole('button', { name: 'Xem thêm chiến dịch' })).not.toBeInTheDocument()
  })

  it('says there are no campaigns yet when the API has none', async () => {
    renderConsoleAt('/campaigns', { answer: campaigns() })

    expect(await screen.findByText('Chưa có chiến dịch nào.')).toBeInTheDocument()
    expect(screen.queryByRole('table')).not.toBeInTheDocument()
  })

  it('tells the admin the campaigns could not be loaded and offers to try again', async () => {
    const error = new CombinedError({ networkError: new Error('Failed to fetch') })
    renderConsoleAt('/campaigns', { answer: { error } })

    expect(await screen.findByRole('alert')).toHaveTextContent('Không tải được dữ liệu: Failed to fetch')
    expect(screen.getByRole('button', { name: 'Thử lại' })).toBeInTheDocument()
  })

  it('shows that campaigns are loading while the API has not answered', async () => {
    renderConsoleAt('/campaigns', { answer: 'pending' })

    expect(await screen.findByRole('status')).toHaveTextContent('Đang tải…')
  })
})
