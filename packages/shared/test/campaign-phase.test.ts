import { describe, expect, it } from 'vitest'
import { campaignPhase, labelOf } from '../src/index.ts'

const launch = { startDate: '2025-11-04', endDate: '2026-01-02' } as const

describe('where a campaign stands on a day', () => {
  it('an active campaign runs from its first to its last day, both included', () => {
    const active = { ...launch, status: 'ACTIVE' } as const
    expect(campaignPhase(active, '2025-11-03')).toBe('UPCOMING')
    expect(campaignPhase(active, '2025-11-04')).toBe('RUNNING')
    expect(campaignPhase(active, '2026-01-02')).toBe('RUNNING')
    expect(campaignPhase(active, '2026-01-03')).toBe('PERIOD_OVER')
  })

  it('a draft or closed campaign is what its admin set, whatever the day', () => {
    for (const today of ['2025-10-01', '2025-12-01', '2026-12-03']) {
      expect(campaignPhase({ ...launch, status: 'DRAFT' }, today)).toBe('DRAFT')
      expect(campaignPhase({ ...launch, status: 'CLOSED' }, today)).toBe('CLOSED')
    }
  })

  it('says a campaign left open after its period in both languages, unlike a running one', () => {
    expect(labelOf('CampaignPhase', 'PERIOD_OVER', 'vi')).toBe('Đã hết thời gian, chưa đóng')
    expect(labelOf('CampaignPhase', 'PERIOD_OVER', 'en')).toBe('Period over, not closed')
    expect(labelOf('CampaignPhase', 'RUNNING', 'vi')).not.toBe(labelOf('CampaignPhase', 'PERIOD_OVER', 'vi'))
  })
})
