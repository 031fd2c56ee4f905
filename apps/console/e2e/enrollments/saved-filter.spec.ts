import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, startHarness } from '../harness.ts'

describe('saved filters of the enrollment list', () => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness()
  })
  afterAll(async () => {
    await harness?.close()
  })

  it('an admin applies a built-in filter, saves their own, clears the filters and finds theirs again; a manager does not see it', async () => {
    const page = await harness.open('/enrollments')
    await page.getByRole('group', { name: 'Phân trang' }).waitFor()

    await page.getByRole('button', { name: 'Bộ lọc đã lưu' }).click()
    await page.getByRole('menuitem', { name: 'Chờ xác nhận đóng tiền' }).click()
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('["SUBMITTED"]')

    await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('nguyen')
    await page.waitForURL(/search=nguyen/)
    await page.getByRole('button', { name: 'Lưu bộ lọc này' }).click()
    const save = page.getByRole('form', { name: 'Lưu bộ lọc này' })
    await save.getByRole('textbox', { name: /Tên bộ lọc/ }).fill('Nguyễn chờ đóng tiền')
    await save.getByRole('button', { name: 'Lưu' }).click()
    await save.waitFor({ state: 'hidden' })

    await page.getByRole('button', { name: 'Xóa bộ lọc' }).click()
    await expect.poll(() => new URL(page.url()).search).toBe('')
    expect(await page.getByRole('searchbox', { name: 'Tìm kiếm' }).inputValue()).toBe('')

    await page.getByRole('button', { name: 'Bộ lọc đã lưu' }).click()
    await page.getByRole('menuitem', { name: 'Nguyễn chờ đóng tiền' }).click()
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('["SUBMITTED"]')
    expect(new URL(page.url()).searchParams.get('search')).toBe('nguyen')
    expect(await page.getByRole('searchbox', { name: 'Tìm kiếm' }).inputValue()).toBe('nguyen')

    const manager = await harness.open('/enrollments', { as: 'manager' })
    await manager.getByRole('button', { name: 'Bộ lọc đã lưu' }).click()
    await manager.getByRole('menuitem', { name: 'Chờ xác nhận đóng tiền' }).waitFor()
    expect(await manager.getByRole('menuitem', { name: 'Nguyễn chờ đóng tiền' }).count()).toBe(0)
  })
})
