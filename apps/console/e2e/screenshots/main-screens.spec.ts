// The README's screenshots: every main screen at 1024 px (the smallest desktop the console is made
// for), on the demo data, written under docs/screenshots/ by this spec.
import { mkdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { seedDemo } from '@tangtoc/db/seed'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { type Harness, startHarness } from '../harness.ts'

const screenshots = new URL('../../../../docs/screenshots/', import.meta.url)

const screens = [
  ['campaigns', '/campaigns', 'Chiến dịch'],
  ['campaign', '/campaigns/TANG-TOC-2025', '60 ngày tăng tốc'],
  ['enrollments', '/enrollments', 'Hồ sơ đăng ký'],
  ['registration', '/enrollments/new', 'Đăng ký tham gia'],
  ['sessions', '/sessions', 'Buổi tuyên truyền'],
  ['sessions-calendar', '/sessions?view=month&day=2025-11-20', 'Buổi tuyên truyền'],
  ['centers', '/centers', 'Cây đơn vị'],
  ['users', '/users', 'Người dùng'],
  ['tokens', '/tokens', 'Mã API'],
  ['audit', '/audit', 'Nhật ký thay đổi'],
  ['worklists', '/worklists?list=WAITING_PAYMENT', 'Danh sách cần liên hệ'],
] as const

describe('screenshots of the main screens at 1024 px', () => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness()
    await seedDemo(harness.prisma, { campaignCode: 'TANG-TOC-2025', enrollments: 3000, seed: 1 })
    await mkdir(screenshots, { recursive: true })
  })
  afterAll(async () => {
    await harness?.close()
  })

  it.each(screens)('%s (%s)', async (name, path, heading) => {
    const page = await harness.open(path)
    await page.getByRole('heading', { name: heading }).first().waitFor()
    await page.waitForFunction(() => !document.body.textContent?.includes('Đang tải…'))
    await page.screenshot({ path: fileURLToPath(new URL(`${name}.png`, screenshots)) })
  })
})
