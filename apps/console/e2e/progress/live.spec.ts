// The progress page is live: an enrollment registered and paid through the API shows on an open progress page
// within seconds, without a reload, well before the 30-second fallback poll could have brought it.
import { addDays, localDateInZone } from '@tangtoc/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recordPayment, registerHouseholdEnrollment } from '../enrollments-api.ts'
import { type Harness, startHarness } from '../harness.ts'

const thuDuc = `
  query ThuDuc {
    centers(first: 1, filter: { search: "Trung tâm Thủ Đức" }) {
      edges {
        node {
          id
        }
      }
    }
  }
`

const createCampaign = `
  mutation CreateCampaign($input: CreateCampaignInput!) {
    createCampaign(input: $input) {
      __typename
      ... on CreateCampaignPayload {
        campaign {
          id
          version
        }
      }
      ... on UserError {
        message
      }
    }
  }
`

const setTargets = `
  mutation SetTargets($input: SetCampaignTargetsInput!) {
    setCampaignTargets(input: $input) {
      __typename
      ... on SetCampaignTargetsPayload {
        campaign {
          version
        }
      }
      ... on UserError {
        message
      }
    }
  }
`

const activate = `
  mutation Activate($input: CampaignStatusChangeInput!) {
    activateCampaign(input: $input) {
      __typename
      ... on UserError {
        message
      }
    }
  }
`

type Result = Record<string, { __typename: string; message?: string } & Record<string, unknown>>

function expectPayload(result: Result, field: string, typename: string) {
  const payload = result[field]
  if (payload?.__typename !== typename) throw new Error(`${field} failed: ${JSON.stringify(result)}`)
  return payload
}

describe('the live progress page', () => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness()
  })
  afterAll(async () => {
    await harness?.close()
  })

  it('shows a newly paid enrollment in the product figures and the latest enrollments without a reload', async () => {
    const today = localDateInZone(new Date(), 'Asia/Ho_Chi_Minh')
    const code = 'E2E-LIVE'
    const { centers } = await harness.graphql<{ centers: { edges: { node: { id: string } }[] } }>(
      'admin',
      thuDuc,
    )
    const center = centers.edges[0]?.node.id
    if (!center) throw new Error('No seeded Thủ Đức center')
    const created = await harness.graphql<Result>('admin', createCampaign, {
      input: {
        code,
        name: 'Chiến dịch thử trực tiếp',
        startDate: addDays(today, -1),
        endDate: addDays(today, 30),
        participants: [center],
      },
    })
    const campaign = expectPayload(created, 'createCampaign', 'CreateCampaignPayload').campaign as {
      id: string
      version: number
    }
    const targeted = await harness.graphql<Result>('admin', setTargets, {
      input: {
        campaign: campaign.id,
        version: campaign.version,
        targets: [{ product: 'HOUSEHOLD_HEALTH_INSURANCE', count: 1000 }],
      },
    })
    const { version } = expectPayload(targeted, 'setCampaignTargets', 'SetCampaignTargetsPayload')
      .campaign as {
      version: number
    }
    expectPayload(
      await harness.graphql<Result>('admin', activate, { input: { campaign: campaign.id, version } }),
      'activateCampaign',
      'ActivateCampaignPayload',
    )

    const page = await harness.open(`/campaigns/${code}/progress`)
    const household = page.getByRole('group', { name: 'BHYT hộ gia đình' })
    await household.getByText('0 / 1.000').waitFor()
    await page.getByText('Chiến dịch chưa có lượt đăng ký nào.').waitFor()
    await page.getByText('Trực tiếp', { exact: true }).waitFor()
    // The server subscribes to the campaign's changes as each stream opens; give the streams a moment.
    await page.waitForTimeout(1_000)
    // Marks this document: were the page reloaded, the mark would be gone.
    await page.evaluate(() => {
      document.body.dataset.openedBefore = 'yes'
    })

    const started = Date.now()
    const registered = await registerHouseholdEnrollment(harness, {
      campaign: campaign.id,
      center,
      fullName: 'Đỗ Thị Hồng Nhung',
    })

    // Pushed by enrollmentRegistered: at the top of the latest enrollments, a link to the enrollment.
    const latest = page.getByRole('table', { name: 'Đăng ký mới nhất' })
    const row = latest.getByRole('row', { name: /Đỗ Thị Hồng Nhung/ })
    await row.waitFor({ timeout: 8_000 })
    expect(await row.getByRole('link', { name: 'Đỗ Thị Hồng Nhung' }).getAttribute('href')).toBe(
      `/enrollments/${encodeURIComponent(registered.id)}`,
    )

    await recordPayment(harness, registered)
    // Pushed by campaignProgressChanged: paid enrollments count toward the target.
    await household.getByText('1 / 1.000').waitFor({ timeout: 8_000 })
    await row.getByText('Đã đóng tiền').waitFor({ timeout: 8_000 })
    expect(Date.now() - started).toBeLessThan(20_000)
    expect(await page.evaluate(() => document.body.dataset.openedBefore)).toBe('yes')
  })
})
