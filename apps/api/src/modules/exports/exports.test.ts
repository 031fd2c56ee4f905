import { randomUUID } from 'node:crypto'
import type { User } from '@tangtoc/db'
import { createCampaign, createCenter, createRolledUpEnrollment, createUser } from '@tangtoc/db/fixtures'
import { maskCitizenId, participantLists } from '@tangtoc/shared'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { downloadCsv, parseCsv, readXlsx } from '../../../test/csv.ts'
import { type ApiHarness, type Credentials, createApiHarness } from '../../../test/harness.ts'
import { hashSecret } from '../auth/credentials.ts'
import { campaignInZoneAt } from '../enrollments/test-helpers.ts'

let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness()
})
afterAll(() => api.close())

const download = (path: string, credentials: Credentials) => downloadCsv(api, path, credentials)

async function tokenFor(user: User, scope: 'READ' | 'READ_WRITE') {
  const token = `ttk_${randomUUID()}`
  await api.prisma.apiToken.create({
    data: {
      name: 'export',
      prefix: token.slice(0, 8),
      tokenHash: hashSecret(token),
      expiresAt: new Date(Date.now() + 3_600_000),
      scope,
      userId: user.id,
    },
  })
  return { token }
}

async function campaignWithEnrollments() {
  const root = await createCenter(api.prisma)
  const a = await createCenter(api.prisma, { parent: root, name: 'Bưu điện Trung tâm Sài Gòn' })
  const b = await createCenter(api.prisma, { parent: root, name: 'Bưu điện Trung tâm Chợ Lớn' })
  const campaign = await createCampaign(api.prisma, { organizers: [root], centers: [a, b] })
  await api.prisma.target.createMany({
    data: [
      { campaignId: campaign.id, centerId: a.id, product: 'HOUSEHOLD_HEALTH_INSURANCE', count: 4 },
      { campaignId: campaign.id, centerId: b.id, product: 'HOUSEHOLD_HEALTH_INSURANCE', count: 10 },
    ],
  })
  const agent = await createUser(api.prisma, { role: 'AGENT', center: a })
  const registeredAt = new Date('2025-11-04T16:30:00Z')
  const tricky = await createRolledUpEnrollment(api.prisma, {
    campaign,
    center: a,
    registeredBy: agent,
    fullName: 'Nguyễn "Út" Văn, Em',
    registeredAt,
  })
  await createRolledUpEnrollment(api.prisma, {
    campaign,
    center: a,
    registeredBy: agent,
    fullName: 'Trần Thị Bé',
    registeredAt,
  })
  await createRolledUpEnrollment(api.prisma, {
    campaign,
    center: b,
    registeredBy: agent,
    fullName: 'Lê Văn Chợ',
    registeredAt,
    product: 'VOLUNTARY_SOCIAL_INSURANCE',
    status: 'SUBMITTED',
  })
  return { campaign, root, a, b, tricky }
}

describe('exporting enrollments as CSV', () => {
  it('starts with a BOM and Vietnamese headers, and a name with a comma and quotes survives', async () => {
    const { campaign, tricky } = await campaignWithEnrollments()
    const admin = await api.userWithRole('ADMIN', null)
    const { response, bytes, text } = await download(
      `/exports/enrollments.csv?campaign=${campaign.code}`,
      admin.credentials,
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="ho-so-.*\.csv"/)
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows = parseCsv(text.slice(1))
    expect(rows[0]?.slice(0, 8)).toEqual([
      'Mã hồ sơ',
      'Chiến dịch',
      'Mã đơn vị',
      'Đơn vị',
      'Sản phẩm',
      'Trạng thái',
      'Họ và tên',
      'Số định danh cá nhân',
    ])
    expect(rows).toHaveLength(4)
    expect(text).toContain('"Nguyễn ""Út"" Văn, Em"')
    const trickyRow = rows.find((row) => row[6] === 'Nguyễn "Út" Văn, Em')
    expect(trickyRow?.[7]).toBe(tricky.person.citizenId)
    // Registered at 23:30 local on launch day.
    expect(trickyRow?.at(-2)).toBe('2025-11-04 23:30:00')
    expect(trickyRow?.at(-1)).toBe('2025-11-04')
  })

  it('takes the list’s filters: center subtree, product, status and search', async () => {
    const { campaign, a } = await campaignWithEnrollments()
    const admin = await api.userWithRole('ADMIN', null)
    const names = async (query: string) =>
      parseCsv(
        (
          await download(`/exports/enrollments.csv?campaign=${campaign.code}&${query}`, admin.credentials)
        ).text.slice(1),
      )
        .slice(1)
        .map((row) => row[6])
        .sort()
    expect(await names(`center=${a.code}`)).toEqual(['Nguyễn "Út" Văn, Em', 'Trần Thị Bé'])
    expect(await names('product=VOLUNTARY_SOCIAL_INSURANCE')).toEqual(['Lê Văn Chợ'])
    expect(await names('status=PAID,ACTIVE')).toEqual(['Nguyễn "Út" Văn, Em', 'Trần Thị Bé'])
    expect(await names('search=tran thi')).toEqual(['Trần Thị Bé'])
    // The progress page's figures count new participants (with the undecided) or continuing ones.
    await api.prisma.enrollment.updateMany({
      where: { campaignId: campaign.id, person: { fullName: 'Trần Thị Bé' } },
      data: { continuity: 'CONTINUING' },
    })
    expect(await names('status=PAID,ACTIVE&continuity=NEW')).toEqual(['Nguyễn "Út" Văn, Em'])
    expect(await names('continuity=CONTINUING')).toEqual(['Trần Thị Bé'])
    const bad = await download(
      `/exports/enrollments.csv?campaign=${campaign.code}&continuity=OLD`,
      admin.credentials,
    )
    expect(bad.response.status).toBe(400)
  })

  it.each([
    ['AGENT', 'b', ['Lê Văn Chợ']],
    ['CENTER_MANAGER', 'root', ['Lê Văn Chợ', 'Nguyễn "Út" Văn, Em', 'Trần Thị Bé']],
    ['VIEWER', 'a', ['Nguyễn "Út" Văn, Em', 'Trần Thị Bé']],
  ] as const)('a %s at %s exports only the enrollments it may read', async (role, at, expected) => {
    const fixture = await campaignWithEnrollments()
    const { credentials } = await api.userWithRole(role, fixture[at])
    const rows = parseCsv(
      (await download(`/exports/enrollments.csv?campaign=${fixture.campaign.code}`, credentials)).text.slice(
        1,
      ),
    )
    expect(
      rows
        .slice(1)
        .map((row) => row[6])
        .sort(),
    ).toEqual(expected)
  })

  it('masks citizen IDs and phones for a viewer', async () => {
    const { campaign, a, tricky } = await campaignWithEnrollments()
    const { credentials } = await api.userWithRole('VIEWER', a)
    const rows = parseCsv(
      (await download(`/exports/enrollments.csv?campaign=${campaign.code}`, credentials)).text.slice(1),
    )
    const row = rows.find((each) => each[6] === 'Nguyễn "Út" Văn, Em')
    expect(row?.[7]).toBe(maskCitizenId(tricky.person.citizenId))
    expect(row?.[7]).not.toBe(tricky.person.citizenId)
    expect(row?.[10]).not.toBe(tricky.person.phone)
  })

  it('an integrator downloads with a read-only bearer token', async () => {
    const { campaign, b } = await campaignWithEnrollments()
    const manager = await createUser(api.prisma, { role: 'CENTER_MANAGER', center: b })
    const { response, text } = await download(
      `/exports/enrollments.csv?campaign=${encodeURIComponent(Buffer.from(`Campaign:${campaign.id}`).toString('base64'))}`,
      await tokenFor(manager, 'READ'),
    )
    expect(response.status).toBe(200)
    expect(
      parseCsv(text.slice(1))
        .slice(1)
        .map((row) => row[6]),
    ).toEqual(['Lê Văn Chợ'])
  })

  it('refuses an anonymous request and a bad filter', async () => {
    const { campaign } = await campaignWithEnrollments()
    expect((await download(`/exports/enrollments.csv?campaign=${campaign.code}`, null)).response.status).toBe(
      401,
    )
    const admin = await api.userWithRole('ADMIN', null)
    const bad = await download(
      `/exports/enrollments.csv?campaign=${campaign.code}&status=PENDING`,
      admin.credentials,
    )
    expect(bad.response.status).toBe(400)
    expect(
      (await download('/exports/enrollments.csv?campaign=NO-SUCH', admin.credentials)).response.status,
    ).toBe(404)
  })
})

describe('exporting progress as CSV', () => {
  it('lists the total and each center against its own target, by product', async () => {
    const { campaign, a, b } = await campaignWithEnrollments()
    const admin = await api.userWithRole('ADMIN', null)
    const { response, bytes, text } = await download(
      `/exports/progress.csv?campaign=${campaign.code}`,
      admin.credentials,
    )
    expect(response.status).toBe(200)
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows = parseCsv(text.slice(1))
    expect(rows[0]).toEqual([
      'Hạng',
      'Mã đơn vị',
      'Đơn vị',
      'Sản phẩm',
      'Đã tham gia',
      'Chỉ tiêu',
      'Tỷ lệ (%)',
    ])
    expect(rows).toContainEqual(['1', a.code, a.name, 'Tất cả', '2', '4', '50'])
    expect(rows).toContainEqual(['2', b.code, b.name, 'Tất cả', '0', '10', '0'])
  })

  it('an agent’s progress export covers its own center only', async () => {
    const { campaign, a, b } = await campaignWithEnrollments()
    const { credentials } = await api.userWithRole('AGENT', b)
    const rows = parseCsv(
      (await download(`/exports/progress.csv?campaign=${campaign.code}`, credentials)).text.slice(1),
    )
    expect(rows.some((row) => row[1] === a.code)).toBe(false)
    expect(rows.some((row) => row[1] === b.code)).toBe(true)
    const forbidden = await download(
      `/exports/progress.csv?campaign=${campaign.code}&center=${a.code}`,
      credentials,
    )
    expect(forbidden.response.status).toBe(403)
  })
})

const downloadXlsx = (path: string, credentials: Credentials) => readXlsx(api, path, credentials)

describe('exporting as XLSX', () => {
  it('writes the same rows as the CSV, in a sheet Excel opens, numbers as numbers', async () => {
    const { campaign, tricky } = await campaignWithEnrollments()
    const admin = await api.userWithRole('ADMIN', null)
    const csv = parseCsv(
      (await download(`/exports/enrollments.csv?campaign=${campaign.code}`, admin.credentials)).text.slice(1),
    )
    const { response, sheet, rows } = await downloadXlsx(
      `/exports/enrollments.xlsx?campaign=${campaign.code}`,
      admin.credentials,
    )

    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="ho-so-.*\.xlsx"/)
    expect(sheet?.name).toBe('Hồ sơ')
    expect(rows[0]).toEqual(csv[0])
    expect(rows).toHaveLength(csv.length)
    const trickyRow = rows.find((row) => row[6] === 'Nguyễn "Út" Văn, Em')
    expect(trickyRow?.[7]).toBe(tricky.person.citizenId)
    expect(typeof trickyRow?.[18]).toBe('number')
    expect(String(trickyRow?.[18])).toBe(csv.find((row) => row[6] === 'Nguyễn "Út" Văn, Em')?.[18])
    const audit = await api.prisma.auditEvent.findFirst({
      where: { action: 'export.download', entityId: 'enrollments.xlsx', actorId: admin.user.id },
    })
    expect(audit?.after).toMatchObject({ rows: 3, masked: false })
  })

  it('masks a viewer’s citizen IDs and scopes an agent’s progress as the CSV does', async () => {
    const { campaign, a, b, tricky } = await campaignWithEnrollments()
    const viewer = await api.userWithRole('VIEWER', a)
    const enrollments = await downloadXlsx(
      `/exports/enrollments.xlsx?campaign=${campaign.code}`,
      viewer.credentials,
    )
    expect(enrollments.rows.find((row) => row[6] === 'Nguyễn "Út" Văn, Em')?.[7]).toBe(
      maskCitizenId(tricky.person.citizenId),
    )

    const agent = await api.userWithRole('AGENT', b)
    const progress = await downloadXlsx(`/exports/progress.xlsx?campaign=${campaign.code}`, agent.credentials)
    expect(progress.sheet?.name).toBe('Tiến độ')
    expect(progress.rows.some((row) => row[1] === a.code)).toBe(false)
    expect(progress.rows).toContainEqual([1, b.code, b.name, 'Tất cả', 0, 10, 0])
    const anonymous = await downloadXlsx(`/exports/progress.xlsx?campaign=${campaign.code}`, null)
    expect(anonymous.response.status).toBe(401)
  })
})

describe('an export’s file name', () => {
  it('is dated today in the campaign’s time zone', async () => {
    const { campaign } = await campaignWithEnrollments()
    const admin = await api.userWithRole('ADMIN', null)
    // 1 March at noon in Vietnam is still 28 February in Honolulu.
    await campaignInZoneAt(api, campaign, { timeZone: 'Pacific/Honolulu', now: '2026-03-01T05:00:00Z' })
    try {
      const list = await download(`/exports/enrollments.csv?campaign=${campaign.code}`, admin.credentials)
      expect(list.response.headers.get('content-disposition')).toContain(
        `ho-so-${campaign.code}-2026-02-28.csv`,
      )
      const participants = await download(
        `/exports/participants.csv?campaign=${campaign.code}&product=HOUSEHOLD_HEALTH_INSURANCE`,
        admin.credentials,
      )
      expect(participants.response.headers.get('content-disposition')).toContain(
        `-${campaign.code}-2026-02-28.csv`,
      )
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('the participant lists Social Insurance receives', () => {
  it('holds one product’s enrollments in the columns of the shared data file, numbered, scoped and masked as the list', async () => {
    const { campaign, a, tricky } = await campaignWithEnrollments()
    const layout = participantLists.lists.HOUSEHOLD_HEALTH_INSURANCE
    const column = (field: string) => layout.columns.findIndex((each) => each.field === field)
    const admin = await api.userWithRole('ADMIN', null)
    const path = `/exports/participants.csv?campaign=${campaign.code}&product=HOUSEHOLD_HEALTH_INSURANCE`
    const { response, text } = await download(path, admin.credentials)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-disposition')).toContain('d03-ts-')
    const [header, ...rows] = parseCsv(text.slice(1))
    expect(header).toEqual(layout.columns.map((each) => each.header))
    // The VSI enrollment at the other center is not in the HHI list.
    expect(rows.map((row) => row[column('fullName')]).sort()).toEqual(['Nguyễn "Út" Văn, Em', 'Trần Thị Bé'])
    expect(rows.map((row) => row[column('rowNumber')])).toEqual(['1', '2'])
    const row = rows.find((each) => each[column('fullName')] === 'Nguyễn "Út" Văn, Em')
    expect(row?.[column('citizenId')]).toBe(tricky.person.citizenId)
    expect(row?.[column('periodStart')]).toBe(tricky.periodStart.toISOString().slice(0, 10))
    expect(row?.[column('blank')]).toBe('')

    const viewer = await api.userWithRole('VIEWER', a)
    const { rows: sheetRows } = await readXlsx(api, path.replace('.csv', '.xlsx'), viewer.credentials)
    expect(sheetRows[0]).toEqual(layout.columns.map((each) => each.header))
    const masked = sheetRows.find((each) => each[column('fullName')] === 'Nguyễn "Út" Văn, Em')
    expect(masked?.[column('citizenId')]).toBe(maskCitizenId(tricky.person.citizenId))
  })

  it('asks for the product', async () => {
    const { campaign } = await campaignWithEnrollments()
    const admin = await api.userWithRole('ADMIN', null)
    const { response, text } = await download(
      `/exports/participants.csv?campaign=${campaign.code}`,
      admin.credentials,
    )
    expect(response.status).toBe(400)
    expect(text).toContain('product')
  })
})
