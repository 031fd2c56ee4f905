import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { downloadCsv, parseCsv, readXlsx } from '../../../test/csv.ts'
import { type ApiHarness, createApiHarness } from '../../../test/harness.ts'
import { campaignSetting, gid } from '../enrollments/test-helpers.ts'
import { coveredEnrollment } from './test-helpers.ts'

let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness()
})
afterAll(() => api.close())

async function expiringSetting() {
  const setting = await campaignSetting(api)
  const base = { campaign: setting.campaign, center: setting.center, registeredBy: setting.agent.user }
  const later = await coveredEnrollment(api.prisma, { ...base, start: '2025-01-15', end: '2026-01-14' })
  const sooner = await coveredEnrollment(api.prisma, { ...base, start: '2024-12-21', end: '2025-12-20' })
  await coveredEnrollment(api.prisma, { ...base, start: '2024-12-01', end: '2025-11-30' })
  await api.prisma.enrollment.update({
    where: { id: later.id },
    data: { assignedToId: setting.agent.user.id },
  })
  return { setting, sooner, later }
}

const path = (query: string) => `/exports/worklist.csv?${query}`

describe('exporting a worklist', () => {
  it('writes the list’s entries in due-date order, with the reason and the reminder filled in', async () => {
    const { setting, sooner, later } = await expiringSetting()
    const { response, text } = await downloadCsv(
      api,
      path(`list=EXPIRING&on=2025-12-15&center=${setting.center.code}`),
      setting.agent.credentials,
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('content-disposition')).toMatch(
      /attachment; filename="danh-sach-expiring-2025-12-15\.csv"/,
    )
    const [header, ...rows] = parseCsv(text.slice(1))
    expect(header?.slice(0, 5)).toEqual(['Danh sách', 'Hạn', 'Lý do', 'Họ và tên', 'Số điện thoại'])
    const column = (name: string) => header?.indexOf(name) ?? -1
    expect(rows.map((row) => row[column('Mã hồ sơ')])).toEqual([
      gid('Enrollment', sooner.id),
      gid('Enrollment', later.id),
    ])
    const [first, second] = rows
    expect(first?.[column('Hạn')]).toBe('2025-12-20')
    expect(first?.[column('Lý do')]).toContain('20/12/2025')
    expect(first?.[column('Số điện thoại')]).toBe(sooner.phone)
    expect(first?.[column('Mã đơn vị')]).toBe(setting.center.code)
    const person = await api.prisma.person.findUniqueOrThrow({ where: { id: sooner.personId } })
    expect(first?.[column('Nội dung nhắc')]).toContain(person.fullName)
    expect(second?.[column('Người phụ trách')]).toBe(setting.agent.user.username)

    const audit = await api.prisma.auditEvent.findFirst({
      where: { action: 'export.download', entityId: 'worklist.csv', actorId: setting.agent.user.id },
    })
    expect(audit?.after).toMatchObject({ rows: 2, filter: { list: 'EXPIRING' } })
  })

  it('narrows to the entries assigned to the caller, as the agent’s own list does', async () => {
    const { setting, later } = await expiringSetting()
    const { text } = await downloadCsv(
      api,
      path('list=EXPIRING&on=2025-12-15&assignedToMe=true'),
      setting.agent.credentials,
    )
    const [, ...rows] = parseCsv(text.slice(1))
    expect(rows.map((row) => row.at(-1))).toEqual([gid('Enrollment', later.id)])
  })

  it('keeps the list’s scope and masking: another center’s agent gets the header alone, a viewer masked phones', async () => {
    const { setting, sooner } = await expiringSetting()
    const query = path(`list=EXPIRING&on=2025-12-15&center=${setting.center.code}`)
    const stranger = parseCsv((await downloadCsv(api, query, setting.otherAgent.credentials)).text.slice(1))
    expect(stranger).toHaveLength(1)
    const viewer = parseCsv((await downloadCsv(api, query, setting.viewer.credentials)).text.slice(1))
    const phones = viewer.slice(1).map((row) => row[4])
    expect(phones).toHaveLength(2)
    expect(phones).not.toContain(sooner.phone)
    expect(phones.every((phone) => phone?.includes('•'))).toBe(true)
    const anonymous = await downloadCsv(api, query, null)
    expect(anonymous.response.status).toBe(401)
  })

  it('as XLSX: the same rows in a sheet Excel opens, named after the list', async () => {
    const { setting, sooner } = await expiringSetting()
    const { response, sheet, rows } = await readXlsx(
      api,
      `/exports/worklist.xlsx?list=EXPIRING&on=2025-12-15&center=${setting.center.code}`,
      setting.agent.credentials,
    )
    expect(response.status).toBe(200)
    expect(sheet?.name).toBe('Sắp hết hạn')
    expect(rows).toHaveLength(3)
    expect(rows[1]?.at(-1)).toBe(gid('Enrollment', sooner.id))
    expect(rows[1]?.[8]).toBe(sooner.payable)
  })

  it('refuses an unknown list or a reach beyond a year, naming the parameter', async () => {
    const setting = await campaignSetting(api)
    const unknown = await downloadCsv(api, path('list=SOMEDAY'), setting.agent.credentials)
    expect(unknown.response.status).toBe(400)
    expect(unknown.text).toContain('SOMEDAY')
    const missing = await downloadCsv(api, path(''), setting.agent.credentials)
    expect(missing.response.status).toBe(400)
    expect(missing.text).toContain('list=')
    const far = await downloadCsv(api, path('list=EXPIRING&days=400'), setting.agent.credentials)
    expect(far.response.status).toBe(400)
  })
})
