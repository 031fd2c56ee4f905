import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { recording } from '../testing/recording.ts'
import { renderConsoleAt } from '../testing/render.tsx'

const noActiveCampaign = { data: { campaigns: { edges: [] } } }
const noEnrollments = {
  data: { enrollments: { totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } } },
}

describe('the first screen after signing in', () => {
  it('is the running campaign’s dashboard for an admin', async () => {
    renderConsoleAt('/', { answers: { ActiveCampaign: noActiveCampaign } })

    expect(await screen.findByText('Chưa có chiến dịch nào đang diễn ra.')).toBeInTheDocument()
    expect(screen.getByRole('navigation', { name: 'Điều hướng chính' })).toBeInTheDocument()
  })

  it('is their center’s registrations waiting for payment for an agent', async () => {
    const asked: Record<string, unknown>[] = []
    renderConsoleAt('/', {
      viewer: {
        id: 'u2',
        username: 'agent',
        displayName: 'Nhân viên',
        role: 'AGENT',
        center: { id: 'c1', code: 'BDTT-SAI-GON', name: 'Bưu điện Trung tâm Sài Gòn' },
      },
      answers: { Enrollments: recording(asked, () => noEnrollments) },
    })

    await expect.poll(() => asked[0]).toMatchObject({ filter: { center: 'c1', status: ['SUBMITTED'] } })
  })
})
