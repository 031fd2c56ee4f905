// Your exports against the real API: an export too large to download at once is queued, shown pending
// with its progress, and offered for download once its job has written it.
import { createEnrollment, createPeopleForEnrollments } from '@tangtoc/db/fixtures'
import { screen, within } from '@testing-library/react'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ConsoleApi, startConsoleApi } from '../testing/api.tsx'

describe('your exports', { timeout: 120_000 }, () => {
  let api: ConsoleApi
  beforeAll(async () => {
    // Any export of more than one row is queued.
    api = await startConsoleApi({ exportJobRows: 1 })
    const campaign = await api.prisma.campaign.findUniqueOrThrow({ where: { code: 'TANG-TOC-2025' } })
    const center = await api.prisma.center.findUniqueOrThrow({ where: { code: 'BDTT-SAI-GON' } })
    const agent = await api.prisma.user.findUniqueOrThrow({ where: { username: 'agent' } })
    for (const person of await createPeopleForEnrollments(api.prisma, 3, 'Xuất Thị Tệp', center)) {
      await createEnrollment(api.prisma, { campaign, center, registeredBy: agent, person })
    }
  })
  afterAll(async () => {
    await api?.close()
  })

  it('shows a queued export pending with its progress, then offers its file when ready', async () => {
    const admin = await api.prisma.user.findUniqueOrThrow({ where: { username: 'admin' } })
    // Asked for and not yet taken by a job: what the user sees while it waits.
    await api.prisma.export.create({
      data: {
        path: '/exports/enrollments.xlsx',
        query: 'campaign=TANG-TOC-2025',
        fileName: 'ho-so-cho.xlsx',
        rowCount: 2_000,
        writtenRows: 500,
        requestedById: admin.id,
      },
    })
    const asked = await api.download('admin', '/exports/enrollments.csv?campaign=TANG-TOC-2025')
    expect(asked.status).toBe(202)
    const queued = JSON.parse(asked.text) as { url: string; fileName: string; rowCount: number }

    await api.renderAt('/exports', { as: 'admin' })
    const table = await screen.findByRole('table', { name: 'Tệp xuất của bạn' })
    const waiting = within(table).getByRole('row', { name: /ho-so-cho\.xlsx/ })
    expect(within(waiting).getByText('Đang chuẩn bị')).toBeInTheDocument()
    expect(
      within(waiting).getByRole('progressbar', { name: 'Tiến độ chuẩn bị ho-so-cho.xlsx' }),
    ).toHaveAttribute('aria-valuenow', '25')
    expect(within(waiting).getByText('Đã ghi 500 / 2.000 dòng')).toBeInTheDocument()

    // The real one: its job writes it while the page polls, and the file name becomes its link.
    const link = await within(table).findByRole('link', { name: queued.fileName }, { timeout: 60_000 })
    expect(link).toHaveAttribute('href', queued.url)
    const ready = within(table).getByRole('row', { name: new RegExp(queued.fileName) })
    expect(within(ready).getByText('Sẵn sàng tải về')).toBeInTheDocument()
    const file = await api.download('admin', queued.url)
    expect(file.status).toBe(200)
    // The header and one line a row.
    expect(file.text.trim().split('\r\n')).toHaveLength(queued.rowCount + 1)
  })
})
