// The list for Social Insurance: an enrollment list filtered to one product links to that product's
// participant list (form D03-TS for household health insurance) with the list's filters, in both
// languages, and the link downloads an Excel workbook in the form's columns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { downloadIn } from '../enrollments-api.ts'
import { type Harness, startHarness } from '../harness.ts'

describe('the participant list for Social Insurance', () => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness()
  })
  afterAll(async () => {
    await harness?.close()
  })

  it('a manager filters the list to one product and downloads its D03-TS workbook', async () => {
    const page = await harness.open('/enrollments?status=PAID', { as: 'manager' })
    await page.setViewportSize({ width: 1024, height: 900 })
    await page.getByRole('group', { name: 'Phân trang' }).waitFor()
    expect(await page.getByRole('link', { name: /Danh sách gửi BHXH/ }).count()).toBe(0)

    await page.goto(new URL('/enrollments?status=PAID&product=HOUSEHOLD_HEALTH_INSURANCE', page.url()).href)
    const link = page.getByRole('link', { name: 'Danh sách gửi BHXH (D03-TS)' })
    await link.waitFor()
    const href = await link.getAttribute('href')
    expect(href).toBe('/exports/participants.xlsx?status=PAID&product=HOUSEHOLD_HEALTH_INSURANCE')
    const download = await downloadIn(page, href)
    expect(download.status).toBe(200)
    expect(download.disposition).toContain('d03-ts-')
    expect(download.zip).toBe('PK')

    await page.getByText('English', { exact: true }).click()
    await page.getByRole('link', { name: 'List for Social Insurance (D03-TS)' }).waitFor()
  })
})
