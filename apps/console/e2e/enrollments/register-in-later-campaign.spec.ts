// A national drive runs one campaign per province at once: the registration form offers each of them,
// not the first five the API's cost limit used to allow, and registers into the one chosen.
import { createCampaign } from '@tangtoc/db/fixtures'
import { addDays, localDateInZone } from '@tangtoc/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, startHarness } from '../harness.ts'
import { fillPerson } from '../registration-form.ts'

describe('registering in one of many campaigns running at once', () => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness()
    // Seven provinces' campaigns at Sài Gòn, started a day apart: the API lists the latest start first,
    // so province 7's is the seventh active campaign (the launch campaign, long over, is not listed).
    const today = localDateInZone(new Date(), 'Asia/Ho_Chi_Minh')
    const saigon = await harness.prisma.center.findUniqueOrThrow({ where: { code: 'BDTT-SAI-GON' } })
    for (let province = 1; province <= 7; province++) {
      await createCampaign(harness.prisma, {
        centers: [saigon],
        name: `Tăng tốc tỉnh ${province}`,
        startDate: addDays(today, -province),
        endDate: addDays(today, 30),
      })
    }
  })
  afterAll(async () => {
    await harness?.close()
  })

  it('a center manager registers a participant into the seventh active campaign, at its own center', async () => {
    const page = await harness.open('/enrollments/new', { as: 'manager' })
    const form = page.getByRole('form', { name: 'Đăng ký tham gia' })
    await form.getByRole('combobox', { name: /^Chiến dịch/ }).click()
    await page.getByRole('option', { name: 'Tăng tốc tỉnh 7', exact: true }).click()
    await expect
      .poll(() => form.getByRole('combobox', { name: /^Đơn vị/ }).inputValue(), { timeout: 15_000 })
      .toBe('Bưu điện Trung tâm Sài Gòn')

    await fillPerson(page.getByRole('region', { name: 'Người tham gia' }), {
      fullName: 'Nguyễn Thị Tỉnh Bảy',
      dateOfBirth: '1990-06-17',
      sex: 'Nữ',
      citizenId: '079190987607',
    })
    await form.getByRole('textbox', { name: /Mức thu nhập/ }).fill('3000000')
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click()

    await page.getByRole('heading', { level: 2, name: 'Nguyễn Thị Tỉnh Bảy' }).waitFor()
    const enrollment = await harness.prisma.enrollment.findFirstOrThrow({
      where: { person: { fullName: 'Nguyễn Thị Tỉnh Bảy' } },
      select: { campaign: { select: { name: true } }, center: { select: { code: true } } },
    })
    expect(enrollment).toEqual({ campaign: { name: 'Tăng tốc tỉnh 7' }, center: { code: 'BDTT-SAI-GON' } })
  })
})
