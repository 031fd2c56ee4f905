import { createMemoryHistory, RouterProvider } from '@tanstack/react-router'
import { render, screen, within } from '@testing-library/react'
import type { Operation } from 'urql'
import { describe, expect, it } from 'vitest'
import { fromValue, never } from 'wonka'
import { ConsoleProviders } from '../ConsoleProviders.tsx'
import type { ResultOf } from '../graphql.ts'
import { createI18n } from '../i18n/i18n.ts'
import { createConsoleRouter } from '../router.tsx'
import { type AnswersByName, answeringClient } from '../testing/render.tsx'
import type { CampaignProgressFiguresFragment, LatestEnrollmentFragment } from './ProgressQueries.ts'

const campaign = {
  id: 'campaign-1',
  code: 'TANG-TOC-2025',
  name: '60 ngày tăng tốc',
  startDate: '2025-11-04',
  endDate: '2026-01-02',
  status: 'ACTIVE',
}

const progress: ResultOf<typeof CampaignProgressFiguresFragment> = {
  asOf: '2025-11-20',
  from: '2025-11-04',
  to: '2026-01-02',
  countedStatuses: ['PAID', 'ACTIVE'],
  center: null,
  enrolled: 0,
  newCount: 0,
  continuingCount: 0,
  countParticipants: 'NEW',
  target: null,
  percent: null,
  daysLeft: 44,
  dailyPaceNeeded: null,
  last7DaysPace: 0,
  projectedFinishDate: null,
  products: [],
  milestones: [],
  days: [],
  centers: [],
}

function enrollment(
  id: string,
  fullName: string,
  registeredAt: string,
  status: ResultOf<typeof LatestEnrollmentFragment>['status'] = 'PAID',
): ResultOf<typeof LatestEnrollmentFragment> {
  return {
    id,
    product: 'HOUSEHOLD_HEALTH_INSURANCE',
    status,
    registeredAt,
    person: { id: `person-${id}`, fullName },
    center: { id: 'center-1', name: 'Bưu điện Trung tâm Thủ Đức' },
  }
}

const connection = (nodes: ResultOf<typeof LatestEnrollmentFragment>[]) => ({
  data: { enrollments: { edges: nodes.map((node) => ({ node })) } },
})

/** The progress page, with the API answering `answers` and pushing `pushed` on enrollmentRegistered. */
function renderProgress(answers: AnswersByName, pushed: ResultOf<typeof LatestEnrollmentFragment>[] = []) {
  const client = answeringClient('pending', {
    answers: {
      ProgressCampaign: { data: { campaign } },
      CampaignProgress: { data: { campaignProgress: progress } },
      ...answers,
    },
  })
  client.executeSubscription = ((operation: Operation) => {
    const name = operation.query.definitions.find((d) => d.kind === 'OperationDefinition')?.name?.value
    if (name === 'EnrollmentRegistered' && pushed.length > 0)
      return fromValue({ operation, data: { enrollmentRegistered: pushed[0] }, stale: false, hasNext: true })
    return never
  }) as typeof client.executeSubscription
  const router = createConsoleRouter(
    createMemoryHistory({ initialEntries: ['/campaigns/TANG-TOC-2025/progress'] }),
  )
  return render(
    <ConsoleProviders client={client} i18n={createI18n('vi')}>
      <RouterProvider router={router} />
    </ConsoleProviders>,
  )
}

describe('the latest enrollments on the progress page', () => {
  it('says so when no one has registered yet', async () => {
    renderProgress({ LatestEnrollments: connection([]) })

    expect(await screen.findByText('Chiến dịch chưa có lượt đăng ký nào.')).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'Đăng ký mới nhất' })).toBeInTheDocument()
  })

  it('lists the newest first with name, product, center, status and time in Hồ Chí Minh, each a link', async () => {
    renderProgress({
      LatestEnrollments: connection([
        enrollment('e2', 'Lê Thị Thu', '2025-11-20T03:15:00.000Z'),
        enrollment('e1', 'Trần Văn An', '2025-11-19T17:30:00.000Z', 'SUBMITTED'),
      ]),
    })

    const table = await screen.findByRole('table', { name: 'Đăng ký mới nhất' })
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows).toHaveLength(2)
    expect(rows[0]).toHaveTextContent('Lê Thị Thu')
    expect(rows[0]).toHaveTextContent('BHYT hộ gia đình')
    expect(rows[0]).toHaveTextContent('Bưu điện Trung tâm Thủ Đức')
    expect(rows[0]).toHaveTextContent('Đã đóng tiền')
    expect(rows[0]).toHaveTextContent('20/11/2025 10:15')
    // 17:30 UTC is already the next day in Hồ Chí Minh.
    expect(rows[1]).toHaveTextContent('20/11/2025 00:30')
    expect(within(rows[1] as HTMLElement).getByRole('link', { name: 'Trần Văn An' })).toHaveAttribute(
      'href',
      '/enrollments/e1',
    )
  })

  it('puts an enrollment the API pushes at the top', async () => {
    renderProgress(
      { LatestEnrollments: connection([enrollment('e1', 'Trần Văn An', '2025-11-19T08:00:00.000Z')]) },
      [enrollment('e9', 'Phạm Minh Châu', '2025-11-20T09:00:00.000Z', 'DRAFT')],
    )

    const table = await screen.findByRole('table', { name: 'Đăng ký mới nhất' })
    await within(table).findByText('Phạm Minh Châu')
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows[0]).toHaveTextContent('Phạm Minh Châu')
    expect(rows[1]).toHaveTextContent('Trần Văn An')
  })
})
