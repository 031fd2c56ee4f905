// Where a campaign stands, from its status and its period on a given day: an admin opens and closes a
// campaign by hand, so an ACTIVE campaign can be before or past its period. Screens that show a
// status next to the days left say the phase, so that the two never disagree.

import type { IsoDate } from '../calendar.ts'
import type { CampaignStatus } from '../enums.ts'

export const campaignPhases = ['DRAFT', 'UPCOMING', 'RUNNING', 'PERIOD_OVER', 'CLOSED'] as const
export type CampaignPhase = (typeof campaignPhases)[number]

/**
 * DRAFT and CLOSED as set by an admin; an ACTIVE campaign is UPCOMING before its first day, RUNNING
 * from its first to its last day, and PERIOD_OVER after it until an admin closes it.
 */
export function campaignPhase(
  campaign: { readonly status: CampaignStatus; readonly startDate: IsoDate; readonly endDate: IsoDate },
  today: IsoDate,
): CampaignPhase {
  if (campaign.status !== 'ACTIVE') return campaign.status
  if (today < campaign.startDate) return 'UPCOMING'
  return today > campaign.endDate ? 'PERIOD_OVER' : 'RUNNING'
}
