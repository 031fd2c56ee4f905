import { addDays, localDateInZone } from '@tangtoc/shared'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { recordPayment, registerHouseholdEnrollment } from '../enrollments-api.ts'
import { type Harness, startHarness } from '../harness.ts'

const participants = `
  query Participants($code: String!) {
    campaign(code: $code) {
      id
      centers(first: 10, role: PARTICIPANT) {
        edges {
          node {
            id
          }
        }
      }
    }
  }
`

describe('a new campaign, its targets and its progress page', () => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness()
  })
  afterAll(async () => {
    await harness?.close()
  })

  it('an admin creates a campaign, sets its targets, starts it and sees the progress page count a paid enrollment', async () => {
    const today = localDateInZone(new Date(), 'Asia/Ho_Chi_Minh')
    const code = 'E2E-TET-2027'
    const page = await harness.open('/campaigns')

    await page.getByRole('link', { name: 'Tạo chiến dịch' }).click()
    const form = page.getByRole('form', { name: 'Tạo chiến dịch' })
    await form.getByLabel('Mã').fill(code)
    await form.getByLabel('Tên chiến dịch').fill('Chiến dịch thử Tết 2027')
    await form.getByLabel('Ngày bắt đầu').fill(addDays(today, -1))
    await form.getByLabel('Ngày kết thúc').fill(addDays(today, 30))
    await form.getByLabel('Ngày kết thúc').fill(addDays(today, -3))
    await form.getByText('Ngày kết thúc phải từ ngày bắt đầu trở đi.').waitFor()
    await form.getByLabel('Ngày kết thúc').fill(addDays(today, 30))
    // Typed without diacritics, as people type on a phone.
    await form.getByLabel('Đơn vị tham gia').fill('buu dien thu duc')
    await page.getByRole('option', { name: /^Bưu điện Trung tâm Thủ Đức/ }).click()
    await page.keyboard.press('Escape')
    await form.getByRole('button', { name: 'Tạo chiến dịch' }).click()

    // The targets grid: the centers' total is checked against the campaign-wide target as it is typed.
    const grid = page.getByRole('table', { name: 'Chỉ tiêu đến hết chiến dịch' })
    await grid.getByLabel('Toàn chiến dịch – BHYT hộ gia đình').fill('1000')
    await grid.getByLabel(/^Bưu điện Trung tâm Thủ Đức – BHYT hộ gia đình/).fill('2000')
    await grid.getByText('2.000 vượt chỉ tiêu toàn chiến dịch 1.000').waitFor()
    await grid.getByLabel(/^Bưu điện Trung tâm Thủ Đức – BHYT hộ gia đình/).fill('400')
    await grid.getByText('400 / 1.000').waitFor()
    await page.getByRole('button', { name: 'Thêm mốc' }).click()
    const milestone = page.getByRole('group', { name: 'Mốc 1' })
    await milestone.getByLabel('Ngày').fill(today)
    await milestone.getByLabel('Tên mốc').fill('Ngày ra quân')
    await milestone.getByLabel('Số người tham gia').fill('1')
    await page.getByRole('button', { name: 'Lưu chỉ tiêu' }).click()

    const targets = page.getByRole('table', { name: 'Chỉ tiêu' })
    await targets.getByRole('cell', { name: '1.000', exact: true }).waitFor()
    await targets.getByRole('cell', { name: '400', exact: true }).waitFor()
    await page.getByRole('button', { name: 'Bắt đầu chiến dịch' }).click()
    await page.getByRole('button', { name: 'Kết thúc chiến dịch' }).waitFor()

    // A paid household health insurance enrollment, registered through the API as an agent's app would.
    const { campaign } = await harness.graphql<{
      campaign: { id: string; centers: { edges: { node: { id: string } }[] } }
    }>('admin', participants, { code })
    const center = campaign.centers.edges[0]?.node.id
    if (!center) throw new Error('The new campaign has no participating center')
    const enrollment = await registerHouseholdEnrollment(harness, {
      campaign: campaign.id,
      center,
      fullName: 'Lê Thị Thu',
    })
    await recordPayment(harness, enrollment)

    await page.getByRole('link', { name: 'Tiến độ', exact: true }).click()
    const household = page.getByRole('group', { name: 'BHYT hộ gia đình' })
    await household.getByText('1 / 1.000').waitFor()
    const milestones = page.getByRole('table', { name: 'Các mốc' })
    await milestones.getByText('Đạt', { exact: true }).waitFor()

    await page.getByText('English', { exact: true }).click()
    await page.getByRole('heading', { name: 'Progress' }).waitFor()
    await page.getByRole('group', { name: 'Household health insurance' }).getByText('1 / 1,000').waitFor()
  })
})
