// The center tree against the real API: searching without diacritics, expanding it all, and each
// center's own staff and live enrollments.
import { personInput } from '@tangtoc/db/fixtures'
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ConsoleApi, startConsoleApi } from '../testing/api.tsx'
import { registerAtSaigon } from '../testing/seeded.ts'

describe('the center tree', { timeout: 60_000 }, () => {
  let api: ConsoleApi
  beforeAll(async () => {
    api = await startConsoleApi()
  })
  afterAll(async () => {
    await api?.close()
  })

  it('finds a center typed without diacritics, says where it sits and counts its staff and live enrollments', async () => {
    const saigon = await api.prisma.center.findUniqueOrThrow({ where: { code: 'BDTT-SAI-GON' } })
    const staff = await api.prisma.user.count({ where: { centerId: saigon.id, active: true } })
    const before = await api.prisma.enrollment.count({ where: { centerId: saigon.id, live: true } })
    expect(await registerAtSaigon(api.graphql, personInput())).toBe('RegisterEnrollmentPayload')

    await api.renderAt('/centers')
    await userEvent.type(
      await screen.findByRole('searchbox', { name: /Tìm đơn vị/ }),
      'buu dien trung tam sai gon',
    )

    const found = await screen.findByRole('list', { name: 'Kết quả tìm đơn vị' }, { timeout: 10_000 })
    const [row, ...others] = within(found).getAllByRole('listitem')
    expect(others).toHaveLength(0)
    expect(row).toHaveTextContent('Bưu điện Trung tâm Sài Gòn')
    expect(row).toHaveTextContent('Bưu điện Thành phố Hồ Chí Minh')
    expect(row).toHaveTextContent(
      `Nhân sự: ${staff} · Hồ sơ đang hiệu lực: ${new Intl.NumberFormat('vi-VN').format(before + 1)}`,
    )
  })

  it('expands every level at once and collapses it again', async () => {
    await api.renderAt('/centers')
    const tree = await screen.findByRole('list', { name: 'Cây đơn vị' })
    expect(within(tree).queryByText('Bưu điện Trung tâm Sài Gòn')).not.toBeInTheDocument()

    await userEvent.click(screen.getByRole('button', { name: 'Mở rộng tất cả' }))
    expect(await within(tree).findByText('Bưu điện Trung tâm Sài Gòn')).toBeInTheDocument()

    await userEvent.click(screen.getByRole('button', { name: 'Thu gọn tất cả' }))
    expect(within(tree).queryByText('Bưu điện Trung tâm Sài Gòn')).not.toBeInTheDocument()
  })
})
