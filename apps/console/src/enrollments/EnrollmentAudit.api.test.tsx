// The enrollment page's audit history against the real API: what an admin reads of a registration
// and of a later change.
import { personInput } from '@tangtoc/db/fixtures'
import { screen, within } from '@testing-library/react'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ConsoleApi, startConsoleApi } from '../testing/api.tsx'
import { registerAtSaigon } from '../testing/seeded.ts'

const update = `
  mutation ($input: UpdateEnrollmentInput!) {
    updateEnrollment(input: $input) {
      __typename
    }
  }
`

describe('the enrollment’s audit history', { timeout: 60_000 }, () => {
  let api: ConsoleApi
  beforeAll(async () => {
    api = await startConsoleApi()
  })
  afterAll(async () => {
    await api?.close()
  })

  it('summarises the registration and names a change by the fields people know, never internal columns', async () => {
    const person = personInput({ fullName: 'Phạm Thị Thu', dateOfBirth: '1985-03-02', sex: 'FEMALE' })
    expect(await registerAtSaigon(api.graphql, person)).toBe('RegisterEnrollmentPayload')
    const enrollment = await api.prisma.enrollment.findFirstOrThrow({
      where: { person: { citizenId: person.citizenId } },
    })
    const id = btoa(`Enrollment:${enrollment.id}`)
    await api.graphql('admin', update, { input: { id, version: enrollment.version, months: 6 } })

    await api.renderAt(`/enrollments/${id}`)
    const audit = await screen.findByRole('table', { name: 'Nhật ký thay đổi' }, { timeout: 10_000 })
    // Each row: when, the action named, by whom, the fields.
    const action = (row: HTMLElement) => within(row).getAllByRole('cell')[1]?.textContent
    const registered = await within(audit).findByRole('row', { name: /Đăng ký bởi/ })
    expect(action(registered)).toBe('Đăng ký')
    expect(registered).toHaveTextContent(/Đăng ký bởi Trần Văn Minh lúc \d\d\/\d\d\/\d{4} \d\d:\d\d/)
    const changed = within(audit).getByRole('row', { name: /Sửa hồ sơ/ })
    expect(action(changed)).toBe('Sửa hồ sơ')
    expect(changed).toHaveTextContent('Phương thức đóng')
    expect(changed).toHaveTextContent('Số tiền phải đóng')
    for (const internal of ['searchPrefixes', 'searchHashes', 'version', 'updatedAt', 'personId', 'live'])
      expect(audit).not.toHaveTextContent(internal)
  })
})
