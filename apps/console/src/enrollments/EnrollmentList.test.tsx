import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { CombinedError } from 'urql'
import { describe, expect, it } from 'vitest'
import type { ResultOf } from '../graphql.ts'
import { recording } from '../testing/recording.ts'
import { renderConsoleAt } from '../testing/render.tsx'
import type { EnrollmentsQuery } from './EnrollmentList.tsx'

type Enrollments = ResultOf<typeof EnrollmentsQuery>
type Enrollment = Enrollments['enrollments']['edges'][number]['node']

const lan: Enrollment = {
  id: 'RW5yb2xsbWVudDox',
  version: 1,
  product: 'VOLUNTARY_SOCIAL_INSURANCE',
  status: 'SUBMITTED',
  payable: 1_234_567,
  registeredOn: '2025-11-04',
  coverageEnd: null,
  person: { id: 'p1', fullName: 'Nguyễn Thị Lan', citizenId: '079190000123' },
  center: { id: 'c1', name: 'Bưu điện Trung tâm Sài Gòn' },
}

function page(nodes: Enrollment[], totalCount = nodes.length): { data: Enrollments } {
  return { data: { enrollments: { totalCount, edges: nodes.map((node) => ({ node })) } } }
}

const noOptions = {
  data: {
    campaigns: { edges: [] },
    centers: { edges: [] },
    outreachSessions: { edges: [] },
  },
}

function render(path: string, answer: (variables: Record<string, unknown>) => { data: Enrollments }) {
  const asked: Record<string, unknown>[] = []
  renderConsoleAt(path, {
    answer: 'pending',
    answers: {
      Enrollments: recording(asked, (variables) => answer(variables)),
      EnrollmentFilterOptions: noOptions,
    },
  })
  return asked
}

describe('the enrollment list', () => {
  it('shows each enrollment with its status label, its amount in đồng, its cover and the total count', async () => {
    const paid: Enrollment = {
      ...lan,
      id: 'RW5yb2xsbWVudDoy',
      status: 'PAID',
      coverageEnd: '2026-12-31',
      person: { ...lan.person, id: 'p2', fullName: 'Lê Văn Hùng' },
    }
    render('/enrollments', () => page([lan, paid], 1234))

    const table = await screen.findByRole('table', { name: 'Danh sách hồ sơ đăng ký' })
    const row = within(table).getByRole('row', { name: /Nguyễn Thị Lan/ })
    expect(row).toHaveTextContent('1.234.567 ₫')
    expect(row).toHaveTextContent('Đã nộp hồ sơ')
    expect(row).toHaveTextContent('04/11/2025')
    expect(row).toHaveTextContent('BHXH tự nguyện')
    expect(within(row).getByRole('link', { name: 'Nguyễn Thị Lan' })).toHaveAttribute(
      'href',
      '/enrollments/RW5yb2xsbWVudDox',
    )
    // The cover's end, beneath the registration day, is named for a screen reader as under the header.
    expect(within(table).getByRole('row', { name: /Lê Văn Hùng/ })).toHaveTextContent(
      'Thẻ có giá trị đến 31/12/2026',
    )
    expect(
      within(table).getByRole('columnheader', { name: /Ngày đăng ký.*Thẻ có giá trị đến/ }),
    ).toBeVisible()
    expect(screen.getByRole('group', { name: 'Phân trang' })).toHaveTextContent('1–50 trên 1.234')
  })

  it('reads its filters from the address and asks the API for them', async () => {
    const asked = render('/enrollments?status=PAID&product=HOUSEHOLD_HEALTH_INSURANCE&search=nguyen', () =>
      page([lan]),
    )

    await screen.findByRole('table')
    expect(asked[0]).toMatchObject({
      filter: { status: ['PAID'], product: 'HOUSEHOLD_HEALTH_INSURANCE', search: 'nguyen' },
      orderBy: { field: 'REGISTERED_AT', direction: 'DESC' },
      first: 50,
    })
    expect(screen.getByRole('searchbox', { name: 'Tìm kiếm' })).toHaveValue('nguyen')
  })

  it('offers the product’s list for Social Insurance, with the filters, once one product is chosen', async () => {
    render('/enrollments?status=PAID&product=HOUSEHOLD_HEALTH_INSURANCE', () => page([lan]))
    const link = await screen.findByRole('link', { name: 'Danh sách gửi BHXH (D03-TS)' })
    expect(link).toHaveAttribute(
      'href',
      '/exports/participants.xlsx?status=PAID&product=HOUSEHOLD_HEALTH_INSURANCE',
    )
  })

  it('offers no list for Social Insurance while the products are mixed', async () => {
    render('/enrollments?status=PAID', () => page([lan]))
    await screen.findByRole('table')
    expect(screen.queryByRole('link', { name: /BHXH/ })).toBeNull()
  })

  it('searches by the words typed once the user pauses, without diacritics', async () => {
    const asked = render('/enrollments', () => page([lan]))
    await screen.findByRole('table')

    await userEvent.type(screen.getByRole('searchbox', { name: 'Tìm kiếm' }), 'nguyen thi lan')

    await expect.poll(() => asked.at(-1)?.filter).toMatchObject({ search: 'nguyen thi lan' })
    // Debounced: not one request per key.
    expect(asked.length).toBeLessThan(5)
  })

  it('sorts by a column the API sorts by, ascending then descending', async () => {
    const asked = render('/enrollments', () => page([lan]))
    await screen.findByRole('table')

    await userEvent.click(screen.getByRole('button', { name: /Số tiền phải đóng/ }))
    await expect.poll(() => asked.at(-1)?.orderBy).toEqual({ field: 'PAYABLE', direction: 'ASC' })
    expect(screen.getByRole('columnheader', { name: /Số tiền phải đóng/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    )

    await userEvent.click(screen.getByRole('button', { name: /Số tiền phải đóng/ }))
    await expect.poll(() => asked.at(-1)?.orderBy).toEqual({ field: 'PAYABLE', direction: 'DESC' })
  })

  it('says which rows of how many it shows, goes to the next page, to any page, and changes the page size', async () => {
    const asked = render('/enrollments', () => page([lan], 20_004))
    const pager = await screen.findByRole('group', { name: 'Phân trang' })
    expect(pager).toHaveTextContent('1–50 trên 20.004')
    expect(pager).toHaveTextContent('Trang 1 / 401')

    await userEvent.click(within(pager).getByRole('button', { name: 'Trang sau →' }))
    await expect.poll(() => asked.at(-1)).toMatchObject({ first: 50, offset: 50 })
    expect(await within(pager).findByText('51–100 trên 20.004')).toBeInTheDocument()

    await userEvent.type(within(pager).getByRole('textbox', { name: 'Đến trang' }), '401{Enter}')
    await expect.poll(() => asked.at(-1)).toMatchObject({ first: 50, offset: 20_000 })
    expect(await within(pager).findByText('20.001–20.004 trên 20.004')).toBeInTheDocument()

    await userEvent.click(within(pager).getByRole('combobox', { name: 'Số dòng mỗi trang' }))
    await userEvent.click(await screen.findByRole('option', { name: '100 / trang', hidden: true }))
    await expect.poll(() => asked.at(-1)).toMatchObject({ first: 100, offset: 0 })
  })

  it('selects rows one by one or a whole page, for the bulk actions', async () => {
    render('/enrollments', () =>
      page([lan, { ...lan, id: 'RW5yb2xsbWVudDoy', person: { ...lan.person, fullName: 'Lê Văn Hùng' } }]),
    )
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Chọn Nguyễn Thị Lan' }))
    expect(screen.getByRole('status')).toHaveTextContent('Đã chọn 1 dòng')
    await userEvent.click(screen.getByRole('checkbox', { name: 'Chọn mọi dòng của trang này' }))
    expect(screen.getByRole('status')).toHaveTextContent('Đã chọn 2 dòng')
    await userEvent.click(screen.getByRole('button', { name: 'Bỏ chọn' }))
    expect(screen.queryByText(/Đã chọn/)).toBeNull()
  })

  it('says when no enrollment matches the filters', async () => {
    render('/enrollments?status=ACTIVE', () => page([]))

    expect(await screen.findByText('Không có hồ sơ nào khớp với bộ lọc.')).toBeInTheDocument()
    expect(screen.queryByRole('table')).not.toBeInTheDocument()
  })

  it('shows amounts and labels in English at a click', async () => {
    render('/enrollments', () => page([lan]))
    await screen.findByRole('table')

    await userEvent.click(screen.getByText('English'))

    const row = within(await screen.findByRole('table', { name: 'Enrollment list' })).getByRole('row', {
      name: /Nguyễn Thị Lan/,
    })
    expect(row).toHaveTextContent('Submitted')
    expect(row).toHaveTextContent('04/11/2025')
  })

  it('reports an API failure and offers to try again', async () => {
    renderConsoleAt('/enrollments', {
      answers: {
        Enrollments: { error: new CombinedError({ networkError: new Error('Failed to fetch') }) },
        EnrollmentFilterOptions: noOptions,
      },
    })

    expect(await screen.findByRole('alert')).toHaveTextContent('Failed to fetch')
  })

  it('offers a new registration to those who register, not to a viewer', async () => {
    render('/enrollments', () => page([lan]))
    expect(await screen.findByRole('link', { name: 'Đăng ký mới' })).toHaveAttribute(
      'href',
      '/enrollments/new',
    )
  })

  it('offers a viewer no registration, and a search by name (phones and IDs are masked for them)', async () => {
    renderConsoleAt('/enrollments', {
      viewer: { id: 'v', username: 'viewer', displayName: 'Người xem', role: 'VIEWER', center: null },
      answers: { Enrollments: page([lan]), EnrollmentFilterOptions: noOptions },
    })
    await screen.findByRole('table')
    expect(screen.queryByRole('link', { name: 'Đăng ký mới' })).not.toBeInTheDocument()
    expect(screen.getByRole('searchbox', { name: 'Tìm kiếm' })).toHaveAttribute('placeholder', 'Họ tên')
  })
})
