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

export const campaignsWithSaigon = {
  edges: [
    {
      node: {
        id: 'campaign-1',
        name: '60 ngày tăng tốc',
        jurisdiction: '79',
        centers: { edges: [{ node: { id: 'c-saigon', name: 'Bưu điện Trung tâm Sài Gòn' } }] },
      },
    },
  ],
}
