import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ResultOf } from '../graphql.ts'
import { choose } from '../testing/choose.ts'
import { recording } from '../testing/recording.ts'
import { renderConsoleAt, type TestViewer } from '../testing/render.tsx'
import { honoluluStillThe10th } from '../testing/saigon.ts'
import type { WorklistQuery } from './WorklistPage.tsx'

type Entry = ResultOf<typeof WorklistQuery>['worklist']['edges'][number]['node']

const agent: TestViewer = {
  id: 'VXNlcjoz',
  username: 'agent',
  displayName: 'Nhân viên Honolulu',
  role: 'AGENT',
  center: { id: 'c-honolulu', code: 'HNL', name: 'Bưu cục Honolulu' },
}

const waiting: Entry = {
  list: 'WAITING_PAYMENT',
  fullName: 'Quách Thị Chờ',
  phone: '+84912345678',
  products: ['HOUSEHOLD_HEALTH_INSURANCE'],
  dueDate: '2026-03-09',
  reason: 'Registered, not yet paid',
  reasonVi: 'Đã đăng ký, chưa đóng tiền',
  reminderText: 'Kính gửi Quách Thị Chờ',
  remindedAt: null,
  enrollment: { id: 'RW5yb2xsbWVudDox' },
  lead: null,
  assignedTo: null,
  lastFollowUp: null,
}

describe('recording a contact attempt', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('takes a payment promised for today on the day of the person’s campaign, counted in Honolulu', async () => {
    // Vietnam is already at 11/03/2026; the campaign's Honolulu is still at the 10th.
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(honoluluStillThe10th)
    const sent: Record<string, unknown>[] = []
    renderConsoleAt('/worklists?list=WAITING_PAYMENT', {
      viewer: agent,
      answers: {
        Worklist: {
          data: {
            worklist: { edges: [{ node: waiting }] },
            worklistCounts: [{ list: 'WAITING_PAYMENT', count: 1 }],
          },
        },
        FollowUpSubject: {
          data: {
            node: {
              __typename: 'Enrollment',
              id: 'RW5yb2xsbWVudDox',
              campaign: { id: 'campaign-hnl', timeZone: 'Pacific/Honolulu' },
            },
          },
        },
        RecordFollowUp: recording(sent, () => ({ data: null })),
      },
    })

    const table = await screen.findByRole('table', { name: 'Danh sách cần liên hệ: Chờ đóng tiền' })
    const row = within(table).getByRole('row', { name: /Quách Thị Chờ/ })
    await userEvent.click(within(row).getByRole('button', { name: /^Ghi nhận liên hệ với Quách Thị Chờ/ }))
    const form = await screen.findByRole('form', { name: 'Ghi nhận liên hệ' })
    await choose(within(form).getByRole('combobox', { name: /^Kết quả/ }), 'Hẹn đóng tiền')
    await userEvent.type(within(form).getByRole('textbox', { name: /^Hẹn đóng tiền ngày/ }), '10/03/2026')
    await userEvent.click(within(form).getByRole('button', { name: 'Lưu' }))

    await expect
      .poll(() => sent[0])
      .toMatchObject({
        input: { subject: 'RW5yb2xsbWVudDox', outcome: 'WILL_PAY', promisedOn: '2026-03-10' },
      })
  })
})
