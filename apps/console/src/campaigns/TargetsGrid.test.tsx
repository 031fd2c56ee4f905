import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { ResultOf } from '../graphql.ts'
import { renderConsoleAt } from '../testing/render.tsx'
import type { TargetGridQuery } from './TargetsGrid.tsx'
import { rowErrorCell, rowsFromGrid } from './targetGrid.ts'

const campaign: NonNullable<ResultOf<typeof TargetGridQuery>['campaign']> = {
  id: 'campaign-1',
  code: 'TANG-TOC-2025',
  name: '60 ngày tăng tốc',
  startDate: '2025-11-04',
  endDate: '2026-01-02',
  version: 4,
  targets: {
    edges: [
      {
        node: {
          id: 't1',
          product: 'HOUSEHOLD_HEALTH_INSURANCE',
          center: null,
          dueDate: null,
          label: null,
          count: 1000,
        },
      },
      {
        node: {
          id: 't2',
          product: null,
          center: null,
          dueDate: '2025-11-04',
          label: 'Ngày ra quân',
          count: 30,
        },
      },
    ],
  },
  centers: {
    edges: [
      { node: { id: 'c1', code: 'BDTT-THUDUC', name: 'Bưu điện Trung tâm Thủ Đức' } },
      { node: { id: 'c2', code: 'BDTT-CUCHI', name: 'Bưu điện Trung tâm Củ Chi' } },
    ],
  },
}

const hhi = (center: string) => `${center} – BHYT hộ gia đình`

describe('the target grid', () => {
  it('checks the centers’ total against the campaign-wide target as the admin types', async () => {
    renderConsoleAt('/campaigns/TANG-TOC-2025/targets', { answer: { data: { campaign } } })
    const grid = await screen.findByRole('table', { name: 'Chỉ tiêu đến hết chiến dịch' })
    expect(within(grid).getByLabelText(hhi('Toàn chiến dịch'))).toHaveValue('1.000')

    await userEvent.type(within(grid).getByLabelText(hhi('Bưu điện Trung tâm Thủ Đức')), '600')
    expect(screen.getByTestId('total-HOUSEHOLD_HEALTH_INSURANCE')).toHaveTextContent('600 / 1.000')

    await userEvent.type(within(grid).getByLabelText(hhi('Bưu điện Trung tâm Củ Chi')), '500')
    expect(screen.getByTestId('total-HOUSEHOLD_HEALTH_INSURANCE')).toHaveTextContent(
      '1.100 vượt chỉ tiêu toàn chiến dịch 1.000',
    )
  })

  it('shows the milestones as rows with their date, name and count', async () => {
    renderConsoleAt('/campaigns/TANG-TOC-2025/targets', { answer: { data: { campaign } } })

    const milestone = await screen.findByRole('group', { name: 'Mốc 1' })
    expect(within(milestone).getByLabelText('Ngày')).toHaveValue('04/11/2025')
    expect(within(milestone).getByLabelText('Tên mốc')).toHaveValue('Ngày ra quân')
    expect(within(milestone).getByLabelText('Số người tham gia')).toHaveValue('30')
  })

  it('places the API’s error on the cell its row came from, and keeps what was typed', async () => {
    const refused = {
      __typename: 'ValidationError',
      message: 'Invalid input',
      messageVi: 'Dữ liệu chưa hợp lệ',
      fieldErrors: [
        {
          // Row 1: the first center's household health insurance cell (row 0 is the campaign-wide one).
          path: ['input', 'targets', '1', 'count'],
          message: 'The centers’ targets add up to more than the campaign-wide target.',
          messageVi: 'Tổng chỉ tiêu các đơn vị vượt chỉ tiêu toàn chiến dịch.',
        },
      ],
    }
    renderConsoleAt('/campaigns/TANG-TOC-2025/targets', {
      answer: { data: { campaign } },
      answers: { SetCampaignTargets: { data: { setCampaignTargets: refused } } },
    })
    const grid = await screen.findByRole('table', { name: 'Chỉ tiêu đến hết chiến dịch' })
    const cell = within(grid).getByLabelText(hhi('Bưu điện Trung tâm Thủ Đức'))
    await userEvent.type(cell, '1200')

    await userEvent.click(screen.getByRole('button', { name: 'Lưu chỉ tiêu' }))

    expect(
      await screen.findByText('Tổng chỉ tiêu các đơn vị vượt chỉ tiêu toàn chiến dịch.'),
    ).toBeInTheDocument()
    expect(cell).toHaveAttribute('aria-invalid', 'true')
    expect(cell).toHaveValue('1.200')
  })

  it('refuses the grid to someone who is not an admin', async () => {
    renderConsoleAt('/campaigns/TANG-TOC-2025/targets', {
      answer: { data: { campaign } },
      viewer: { id: 'u3', username: 'agent', displayName: 'Trần Văn Minh', role: 'AGENT', center: null },
    })

    expect(await screen.findByRole('alert')).toHaveTextContent('Không được phép')
    expect(screen.queryByRole('table')).not.toBeInTheDocument()
  })
})

describe('the rows the grid sends', () => {
  it('sends filled cells, then milestones, and keeps stored targets it has no cell for', () => {
    const state = {
      cells: {
        'campaign:HOUSEHOLD_HEALTH_INSURANCE': 1000,
        'c1:HOUSEHOLD_HEALTH_INSURANCE': 400,
        'c1:VOLUNTARY_SOCIAL_INSURANCE': '' as const,
      },
      milestones: [
        { key: 'm', product: '' as const, dueDate: '2025-11-04', label: 'Ngày ra quân', count: 30 },
      ],
      others: [{ product: null, center: 'c1', dueDate: '2025-11-30', label: null, count: 5 }],
    }
    const { rows, origins } = rowsFromGrid(state, ['c1'])

    expect(rows.map((row) => [row.center, row.product, row.dueDate, row.count])).toEqual([
      [null, 'HOUSEHOLD_HEALTH_INSURANCE', null, 1000],
      ['c1', 'HOUSEHOLD_HEALTH_INSURANCE', null, 400],
      [null, null, '2025-11-04', 30],
      ['c1', null, '2025-11-30', 5],
    ])
    expect(rowErrorCell('targets.2.dueDate', origins)).toBe('milestone:m:dueDate')
    expect(rowErrorCell('targets.3.count', origins)).toBeNull()
  })
})
