// The enrollments an export reads, page by page: a small page size makes a handful of rows cross pages,
// through registrations that share the same instant, as 5,000-row pages do at a campaign's size.
import { createCampaign, createCenter, createRolledUpEnrollment, createUser } from '@tangtoc/db/fixtures'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ApiHarness, createApiHarness, jobDependencies } from '../../../test/harness.ts'
import { jobContext } from '../../context.ts'
import { readEnrollments } from './enrollment-rows.ts'

let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness()
})
afterAll(() => api.close())

describe('reading an export’s enrollments page by page', () => {
  it('gives every enrollment once, in the list’s order, when pages end among registrations of the same instant', async () => {
    const center = await createCenter(api.prisma)
    const campaign = await createCampaign(api.prisma, { organizers: [center], centers: [center] })
    const agent = await createUser(api.prisma, { role: 'AGENT', center })
    const instants = [
      '2025-11-04T01:00:00Z',
      '2025-11-05T02:00:00Z',
      '2025-11-05T02:00:00Z',
      '2025-11-05T02:00:00Z',
      '2025-11-05T02:00:00Z',
      '2025-11-06T03:00:00Z',
      '2025-11-06T03:00:00Z',
    ]
    for (const instant of instants) {
      await createRolledUpEnrollment(api.prisma, {
        campaign,
        center,
        registeredBy: agent,
        registeredAt: new Date(instant),
      })
    }
    const listOrder = await api.prisma.enrollment.findMany({
      where: { campaignId: campaign.id },
      select: { id: true },
      orderBy: [{ registeredAt: 'desc' }, { id: 'desc' }],
    })
    const admin = await createUser(api.prisma, { role: 'ADMIN', center: null })
    const context = await jobContext(jobDependencies(api.prisma), admin.id, {
      requestId: 'pages',
      url: 'http://tangtoc.test/',
    })
    for (const pageSize of [1, 2, 3, 7, 5_000]) {
      const { rowCount, batches } = await readEnrollments(
        context,
        new URLSearchParams({ campaign: campaign.code }),
        pageSize,
      )
      const pages: string[][] = []
      for await (const rows of batches) pages.push(rows.map((row) => row.id))
      expect(rowCount).toBe(instants.length)
      expect(pages.flat()).toEqual(listOrder.map((each) => each.id))
      expect(pages.every((page) => page.length <= pageSize)).toBe(true)
    }
  })
})
