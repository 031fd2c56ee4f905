import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, startHarness } from '../harness.ts'

describe('signing in', () => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness()
  })
  afterAll(async () => {
    await harness?.close()
  })

  it('an anonymous visitor is sent to sign in, told a wrong password, and brought back where they were going', async () => {
    const page = await harness.open('/centers', { as: null })

    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/login')
    await page.getByLabel('Tên đăng nhập').fill('admin')
    await page.getByLabel(/^Mật khẩu/).fill('not-the-password')
    await page.getByRole('button', { name: 'Đăng nhập' }).click()
    await page.getByRole('alert').getByText('Tên đăng nhập hoặc mật khẩu không đúng.').waitFor()

    await page.getByLabel(/^Mật khẩu/).fill('tangtoc-admin')
    await page.getByRole('button', { name: 'Đăng nhập' }).click()
    await page.getByRole('heading', { name: 'Cây đơn vị' }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/centers')
    const signedIn = page.getByRole('group', { name: 'Người đang đăng nhập' })
    expect(await signedIn.textContent()).toContain('Quản trị viên')

    await signedIn.getByRole('button', { name: 'Đăng xuất' }).click()
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor()
    await page.goto(new URL('/users', page.url()).href)
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor()
  })

  it('the seeded agent signs in and finds the admin screens hidden and refused', async () => {
    const page = await harness.open('/users', { as: null })
    await page.getByLabel('Tên đăng nhập').fill('agent')
    await page.getByLabel(/^Mật khẩu/).fill('tangtoc-agent')
    await page.getByRole('button', { name: 'Đăng nhập' }).click()

    await page.getByRole('alert').getByText('Không được phép').waitFor()
    const header = page.getByRole('group', { name: 'Người đang đăng nhập' })
    expect(await header.textContent()).toContain('Nhân viên')
    const navigation = page.getByRole('navigation', { name: 'Điều hướng chính' })
    await navigation.getByRole('link', { name: 'Chiến dịch', exact: true }).waitFor()
    expect(await navigation.getByRole('link', { name: 'Người dùng' }).count()).toBe(0)
    expect(await navigation.getByRole('link', { name: 'Nhật ký thay đổi' }).count()).toBe(0)

    for (const path of ['/tokens', '/audit', '/campaigns/new', '/campaigns/TANG-TOC-2025/targets']) {
      await page.goto(new URL(path, page.url()).href)
      await page.getByRole('alert').getByText('Không được phép').waitFor()
    }
  })
})
