import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { recording } from '../testing/recording.ts'
import { renderConsoleAt } from '../testing/render.tsx'

const noActiveCampaign = { data: { campaigns: { edges: [] } } }
const noEntries = { data: { worklist: { edges: [] }, worklistCounts: [] } }

describe('the first screen after signing in', () => {
  it('is the running campaign’s progress page for an admin', async () => {
    renderConsoleAt('/', { answers: { ActiveCampaign: noActiveCampaign } })

    // The progress page's chunk loads first: on a busy machine that takes longer than findBy's default second.
    expect(
      await screen.findByText('Chưa có chiến dịch nào đang diễn ra.', {}, { timeout: 10_000 }),
    ).toBeInTheDocument()
    expect(screen.getByRole('navigation', { name: 'Điều hướng chính' })).toBeInTheDocument()
  })

  it('is their center’s worklists for an agent with nothing assigned, starting with the registrations waiting for payment', async () => {
    const asked: Record<string, unknown>[] = []
    const counted: Record<string, unknown>[] = []
    renderConsoleAt('/', {
      viewer: {
        id: 'u2',
        username: 'agent',
        displayName: 'Nhân viên',
        role: 'AGENT',
        center: { id: 'c1', code: 'BDTT-SAI-GON', name: 'Bưu điện Trung tâm Sài Gòn' },
      },
      answers: {
        WorklistCounts: recording(counted, () => ({ data: { worklistCounts: [] } })),
        Worklist: recording(asked, () => noEntries),
      },
    })

    await expect.poll(() => asked[0], { timeout: 10_000 }).toEqual({ list: 'WAITING_PAYMENT', filter: {} })
    expect(counted).toEqual([{ filter: { assignedToMe: true } }])
    expect(await screen.findByText('Không còn ai trong danh sách này.')).toBeInTheDocument()
  })
})
