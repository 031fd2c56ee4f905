// The Sài Gòn center as the enrollment and session forms' tests meet it: its agent, and the campaign
// it takes part in, as the forms' choices read it.
import type { TestViewer } from './render.tsx'

export const saigonAgent: TestViewer = {
  id: 'VXNlcjoz',
  username: 'agent',
  displayName: 'Nhân viên Sài Gòn',
  role: 'AGENT',
  center: { id: 'c-saigon', code: 'BDTT-SAI-GON', name: 'Bưu điện Trung tâm Sài Gòn' },
}

/** The campaign the Sài Gòn center takes part in. */
export const saigonCampaign = {
  id: 'campaign-1',
  name: '60 ngày tăng tốc',
  jurisdiction: '79',
  timeZone: 'Asia/Ho_Chi_Minh',
  status: 'ACTIVE',
  // Running on whatever day a test sets its clock to.
  startDate: '2020-01-01',
  endDate: '2099-12-31',
  centers: { edges: [{ node: { id: 'c-saigon', name: 'Bưu điện Trung tâm Sài Gòn' } }] },
}

export const campaignsWithSaigon = { edges: [{ node: saigonCampaign }] }

/**
 * An instant whose day differs by zone: 10/03/2026 10:00 in Honolulu, already 11/03/2026 03:00 in Vietnam.
 * Tests of a campaign counted in Honolulu set the clock here.
 */
export const honoluluStillThe10th = new Date('2026-03-10T20:00:00Z')

/** The same campaigns, counted in Honolulu's time zone. */
export function inHonolulu<T extends { edges: readonly { node: object }[] }>(campaigns: T): T {
  return {
    ...campaigns,
    edges: campaigns.edges.map((edge) => ({ ...edge, node: { ...edge.node, timeZone: 'Pacific/Honolulu' } })),
  }
}
