// The audit log as an auditor reads it: an admin sets up a campaign with its centers and targets, starts
// it, registers a household and opens it, then reads those events in Vietnamese and in English, each
// reference by its name, the targets row by row, and the query a citizen ID was read through by its name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  extendLaunchCampaignPastToday,
  launchAtSaigon,
  registerHouseholdEnrollment,
} from '../enrollments-api.ts'
import { type Harness, startHarness } from '../harness.ts'

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64')

const mutate = (field: string, input: string) => `
  mutation ($input: ${input}!) {
    ${field}(input: $input) {
      __typename
      ... on ${field[0]?.toUpperCase()}${field.slice(1)}Payload { campaign { id version } }
    }
  }
`

type Payload = { __typename: string; campaign: { id: string; version: number } }

describe('the audit log', () => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness()
    await extendLaunchCampaignPastToday(harness)
  })
  afterAll(async () => {
    await harness?.close()
  })

  async function run(field: string, input: string, variables: Record<string, unknown>) {
    const data = await harness.graphql<Record<string, Payload>>('admin', mutate(field, input), {
      input: variables,
    })
    expect(data[field]?.__typename).toMatch(/Payload$/)
    return data[field]?.campaign as Payload['campaign']
  }

  it('an admin reads a campaign’s centers and targets and a household’s reading by name, in vi and en', async () => {
    const centers = await harness.prisma.center.findMany({ orderBy: { code: 'asc' }, take: 3 })
    const [organizer, first, second] = centers.map((center) => ({
      ...center,
      id: globalId('Center', center.id),
    }))
    if (!organizer || !first || !second) throw new Error('the seed has fewer than three centers')
    const created = await run('createCampaign', 'CreateCampaignInput', {
      code: 'NHAT-KY-2026',
      name: 'Nhật ký 2026',
      startDate: '2026-03-01',
      endDate: '2026-05-31',
      organizers: [organizer.id],
      participants: [first.id, second.id],
    })
    const targeted = await run('setCampaignTargets', 'SetCampaignTargetsInput', {
      campaign: created.id,
      version: created.version,
      targets: [
        { product: 'VOLUNTARY_SOCIAL_INSURANCE', count: 1000 },
        { product: 'VOLUNTARY_SOCIAL_INSURANCE', center: first.id, count: 600 },
      ],
    })
    await run('activateCampaign', 'CampaignStatusChangeInput', {
      campaign: created.id,
      version: targeted.version,
    })
    const enrollment = await registerHouseholdEnrollment(harness, {
      ...(await launchAtSaigon(harness)),
      fullName: 'Lò Thị Mai',
    })
    const opened = await harness.open(`/enrollments/${encodeURIComponent(enrollment.id)}`)
    await opened
      .getByRole('heading', { name: /Lò Thị Mai/ })
      .first()
      .waitFor()

    const page = await harness.open('/audit')
    const log = page.getByRole('table', { name: 'Nhật ký thay đổi' })
    const row = (text: string | RegExp) => log.getByRole('row').filter({ hasText: text })
    await row('tạo chiến dịch Nhật ký 2026').waitFor()
    await row('tạo chiến dịch Nhật ký 2026').getByRole('link', { name: second.name }).waitFor()
    expect(await row('tạo chiến dịch Nhật ký 2026').textContent()).toContain(`${first.name}, ${second.name}`)
    const targets = row('giao chỉ tiêu cho chiến dịch Nhật ký 2026')
    expect(await targets.getByRole('listitem').allTextContents()).toEqual([
      'BHXH tự nguyện · Toàn chiến dịch: trống → 1.000',
      `BHXH tự nguyện · ${first.name}: trống → 600`,
    ])
    expect(await row('xem số định danh đầy đủ của Lò Thị Mai').textContent()).toMatch(
      /Xem qua:\s*hồ sơ đăng ký/,
    )

    await page.getByText('English', { exact: true }).click()
    await page.waitForFunction(() => document.documentElement.lang === 'en')
    const logInEnglish = page.getByRole('table', { name: 'Audit log' })
    const rowInEnglish = (text: string) => logInEnglish.getByRole('row').filter({ hasText: text })
    expect(
      await rowInEnglish('set the targets of Nhật ký 2026').getByRole('listitem').allTextContents(),
    ).toEqual([
      'Voluntary social insurance · Whole campaign: empty → 1,000',
      `Voluntary social insurance · ${first.name}: empty → 600`,
    ])
    expect(await rowInEnglish('Lò Thị Mai').first().textContent()).toMatch(/Viewed via:\s*enrollment/)
  })
})
