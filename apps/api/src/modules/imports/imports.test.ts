// Importing spreadsheets: real CSV and XLSX files made here (ExcelJS writes the XLSX, with the things
// real sheets hold), uploaded through `POST /imports`, previewed, committed, downloaded back as errors.

import { createPerson, personInput } from '@tangtoc/db/fixtures'
import ExcelJS from 'exceljs'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { killWhenStuck } from '../../../test/api-process.ts'
import { parseCsv } from '../../../test/csv.ts'
import {
  type ApiHarness,
  type Credentials,
  createApiHarness,
  jobDependencies,
} from '../../../test/harness.ts'
import { zipOf } from '../../../test/zip.ts'
import { InstanceCaches } from '../../caches.ts'
import { type Context, jobContext } from '../../context.ts'
import { register } from '../enrollments/register.ts'
import {
  campaignInZoneAt,
  campaignSetting,
  gid,
  householdInput,
  registerEnrollment,
} from '../enrollments/test-helpers.ts'
import { commitChunkRows, commitImportBatch } from './commit.ts'
import { importLimits } from './files.ts'
import { createImportQueue } from './jobs.ts'

let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness()
})
afterAll(() => api.close())

type Setting = Awaited<ReturnType<typeof campaignSetting>>

/** `POST /imports`'s answer: the batch, or the refusal. */
type UploadAnswer = {
  id: string
  created: boolean
  rowCount: number
  status: string
  error: { code: string; message: string; messageVi: string }
}
type PreviewIssue = { field: string; code: string; message: string; messageVi: string }
type Edges = { edges: { node: { id: string } }[] }

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

function credentialHeaders(credentials: Credentials): Record<string, string> {
  if (credentials && 'cookie' in credentials) return { cookie: credentials.cookie }
  if (credentials && 'token' in credentials) return { authorization: `Bearer ${credentials.token}` }
  return {}
}

async function upload(
  setting: Setting,
  bytes: Uint8Array,
  {
    credentials = null as Credentials,
    type = 'text/csv',
    params = {} as Record<string, string>,
    headers = {} as Record<string, string>,
  } = {},
) {
  const query = new URLSearchParams({
    campaign: setting.campaign.code,
    center: setting.center.code,
    product: 'HOUSEHOLD_HEALTH_INSURANCE',
    months: '12',
    on: '2025-11-10',
    fileName: 'danh-sach.csv',
    ...params,
  })
  const response = await api.yoga.fetch(`http://tangtoc.test/imports?${query}`, {
    method: 'POST',
    headers: { 'content-type': type, ...credentialHeaders(credentials), ...headers },
    body: new Uint8Array(bytes),
  })
  return { status: response.status, body: (await response.json()) as UploadAnswer }
}

const batchQuery = `query ($id: ID!) {
  node(id: $id) {
    ... on ImportBatch {
      status rowCount committedCount refusedCount fileName errorFilePath
      columns { header field }
      preview {
        rowCount validCount invalidCount duplicateCount onFileCount
        totals { product enrollments households payable }
        problems { code message }
        rows(first: 500) { line fullName citizenId householdKey onFile valid payable issues { field code message messageVi } notes { field code } }
      }
    }
  }
}`

const commit = `mutation ($input: CommitImportBatchInput!) {
  commitImportBatch(input: $input) {
    __typename
    ... on ImportBatchPayload { batch { id status } }
    ... on UserError { code message }
  }
}`

async function batchOf(id: string, credentials: Credentials) {
  const result = await api.graphql(batchQuery, { id }, credentials)
  expect(result.errors).toBeUndefined()
  return result.data?.node
}

async function committed(id: string, credentials: Credentials) {
  for (let attempt = 0; attempt < 600; attempt++) {
    const batch = await api.graphql(
      `query ($id: ID!) { node(id: $id) { ... on ImportBatch { status } } }`,
      { id },
      credentials,
    )
    if (batch.data?.node?.status === 'COMMITTED') return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error('the batch was not committed in time')
}

async function download(path: string, credentials: Credentials) {
  const response = await api.yoga.fetch(`http://tangtoc.test${path}`, {
    headers: credentialHeaders(credentials),
  })
  return { status: response.status, text: new TextDecoder().decode(await response.arrayBuffer()) }
}

const csv = (rows: (string | number)[][]) =>
  new TextEncoder().encode(
    rows.map((row) => row.map((cell) => `"${String(cell).replace(/"/g, '""')}"`).join(',')).join('\r\n'),
  )

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`

/** Excel's serial number of a date (days since 1899-12-30). */
const serial = (iso: string) =>
  Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000)

describe('importing a household sheet from Excel', () => {
  it('reads serial and real dates, numeric citizen IDs, formulas, merged cells, title and blank rows, decomposed Unicode, and commits the households', async () => {
    const setting = await campaignSetting(api)
    const head = personInput({ fullName: 'Trần Văn Bình', sex: 'MALE', dateOfBirth: '1970-03-02' })
    const wife = personInput({ fullName: 'Lê Thị Hoa', dateOfBirth: '1972-07-19' })
    const alone = personInput({ fullName: 'Phạm Thị Thu', dateOfBirth: '1990-01-25' })
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Danh sách')
    sheet.addRow(['DANH SÁCH HỘ GIA ĐÌNH THAM GIA BHYT'])
    sheet.mergeCells('A1:F1')
    sheet.addRow(['Mã hộ', 'Họ và tên', 'Số CCCD', 'Ngày sinh', 'Giới tính', 'Chủ hộ'])
    // The household key, a neighbourhood's own numbering with a space, is merged down its two
    // members' rows; the head's name is a formula.
    sheet.addRow([
      'Hộ 1',
      { formula: '"Trần Văn "&"Bình"', result: 'Trần Văn Bình' },
      Number(head.citizenId),
      serial(head.dateOfBirth),
      'Nam',
      'x',
    ])
    sheet.addRow([
      null,
      wife.fullName.normalize('NFD'),
      wife.citizenId,
      new Date(`${wife.dateOfBirth}T00:00:00Z`),
      'Nữ',
      '',
    ])
    sheet.mergeCells('A3:A4')
    sheet.addRow([])
    sheet.addRow(['HO-2', alone.fullName, alone.citizenId, dmy(alone.dateOfBirth), 'Nữ', 'x'])
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer())

    const { status, body } = await upload(setting, bytes, {
      credentials: setting.agent.credentials,
      type: xlsxType,
      params: { fileName: 'danh-sach.xlsx' },
    })
    expect(status).toBe(201)
    expect(body.rowCount).toBe(3)
    const batch = await batchOf(body.id, setting.agent.credentials)
    expect(batch.columns.map((column: { field: string }) => column.field)).toEqual([
      'householdKey',
      'fullName',
      'citizenId',
      'dateOfBirth',
      'sex',
      'isHead',
    ])
    const { preview } = batch
    expect(preview.problems).toEqual([])
    expect(preview.invalidCount).toBe(0)
    const [first, second, third] = preview.rows
    expect(first).toMatchObject({
      line: 3,
      fullName: 'Trần Văn Bình',
      citizenId: head.citizenId,
      householdKey: 'Hộ 1',
      valid: true,
    })
    expect(first.notes).toEqual([{ field: 'citizenId', code: 'CITIZEN_ID_LEADING_ZERO_RESTORED' }])
    expect(second).toMatchObject({ line: 4, fullName: 'Lê Thị Hoa', householdKey: 'Hộ 1', valid: true })
    expect(second.fullName).toBe(second.fullName.normalize('NFC'))
    expect(third).toMatchObject({ line: 6, householdKey: 'HO-2', valid: true })
    expect(preview.totals).toEqual([
      {
        product: 'HOUSEHOLD_HEALTH_INSURANCE',
        enrollments: 3,
        households: 2,
        payable: preview.rows.reduce((sum: number, row: { payable: number }) => sum + row.payable, 0),
      },
    ])
    // The second member of a household pays less than the first.
    expect(second.payable).toBeLessThan(first.payable)
    expect(await api.prisma.enrollment.count({ where: { campaignId: setting.campaign.id } })).toBe(0)

    const result = await api.graphql(commit, { input: { batch: body.id } }, setting.agent.credentials)
    expect(result.data?.commitImportBatch.__typename).toBe('ImportBatchPayload')
    await committed(body.id, setting.agent.credentials)
    const done = await batchOf(body.id, setting.agent.credentials)
    expect(done).toMatchObject({ status: 'COMMITTED', committedCount: 3, refusedCount: 0 })
    const enrollments = await api.prisma.enrollment.findMany({
      where: { campaignId: setting.campaign.id },
      include: { person: true },
      orderBy: { payable: 'desc' },
    })
    expect(enrollments.map((each) => each.person.citizenId).sort()).toEqual(
      [head.citizenId, wife.citizenId, alone.citizenId].sort(),
    )
    const headsHousehold = enrollments.find((each) => each.person.citizenId === head.citizenId)?.householdId
    expect(enrollments.find((each) => each.person.citizenId === wife.citizenId)?.householdId).toBe(
      headsHousehold,
    )
    expect(await api.prisma.household.findUnique({ where: { id: headsHousehold ?? '' } })).toMatchObject({
      code: 'Hộ 1',
    })
    const audit = await api.prisma.auditEvent.findFirst({
      where: {
        action: 'import.commit',
        entityId: enrollments[0]
          ? (await api.prisma.importBatch.findFirstOrThrow({ where: { centerId: setting.center.id } })).id
          : '',
      },
    })
    expect(audit?.after).toMatchObject({ fileName: 'danh-sach.xlsx', rowsIn: 3, rowsRefused: 0 })
    expect(audit?.actorId).toBe(setting.agent.user.id)
    // What the rows imply (each person created and enrolled) and the batch's own three events: the
    // three audit events the bulk-intake bench's API writes beyond its plain SQL (docs/benchmarks.md).
    const actions = await api.prisma.auditEvent.groupBy({
      by: ['action'],
      where: { actorId: setting.agent.user.id, action: { not: 'auth.logIn' } },
      _count: { _all: true },
    })
    expect(Object.fromEntries(actions.map(({ action, _count }) => [action, _count._all]))).toEqual({
      'person.create': 3,
      'enrollment.register': 3,
      'import.upload': 1,
      'import.commitStart': 1,
      'import.commit': 1,
    })
  })
})

describe('joining a household on file from an import', () => {
  const header = ['Mã hộ', 'Họ và tên', 'Số CCCD', 'Ngày sinh', 'Giới tính', 'Chủ hộ']
  const rowOf = (key: string, person: ReturnType<typeof personInput>, head = '') => [
    key,
    person.fullName,
    person.citizenId,
    dmy(person.dateOfBirth),
    person.sex === 'MALE' ? 'Nam' : 'Nữ',
    head,
  ]
  const joiningQuery = `query ($id: ID!) { node(id: $id) { ... on ImportBatch {
    preview { joiningCount totals { households } rows(first: 10) { line valid householdKey joinsHousehold householdPosition payable issues { field code } } }
  } } }`

  async function committedSheet(setting: Setting, rows: (string | number)[][], fileName: string) {
    const as = setting.agent.credentials
    const uploaded = await upload(setting, csv([header, ...rows]), { credentials: as, params: { fileName } })
    expect(uploaded.status).toBe(201)
    const result = await api.graphql(commit, { input: { batch: uploaded.body.id } }, as)
    expect(result.data?.commitImportBatch.__typename).toBe('ImportBatchPayload')
    await committed(uploaded.body.id, as)
    return uploaded.body.id
  }

  it('a row whose household key is the code of a household enrolled at the center joins it, ranked after its members, as the form joins one', async () => {
    const setting = await campaignSetting(api)
    const as = setting.agent.credentials
    const head = personInput({ fullName: 'Trần Văn Bình', sex: 'MALE', dateOfBirth: '1970-03-02' })
    const wife = personInput({ fullName: 'Lê Thị Hoa', dateOfBirth: '1972-07-19' })
    const son = personInput({ fullName: 'Trần Văn Nam', sex: 'MALE', dateOfBirth: '2001-05-05' })
    await committedSheet(setting, [rowOf('HGD-01', head, 'x'), rowOf('HGD-01', wife)], 'ho-gia-dinh.csv')
    const household = await api.prisma.household.findFirstOrThrow({
      where: { code: 'HGD-01', enrollments: { some: { campaignId: setting.campaign.id } } },
      include: { enrollments: true },
    })
    expect(household.enrollments.map((each) => each.householdPosition).sort()).toEqual([1, 2])
    const wifePays = household.enrollments.find((each) => each.householdPosition === 2)?.payable

    // The son is added later in a sheet of his own, without the head: he joins the household.
    const later = await upload(setting, csv([header, rowOf('HGD-01', son)]), {
      credentials: as,
      params: { fileName: 'bo-sung.csv' },
    })
    const previewed = await api.graphql(joiningQuery, { id: later.body.id }, as)
    expect(previewed.errors).toBeUndefined()
    const [row] = previewed.data?.node.preview.rows ?? []
    expect(row).toMatchObject({
      valid: true,
      householdKey: 'HGD-01',
      joinsHousehold: gid('Household', household.id),
      householdPosition: 3,
      issues: [],
    })
    expect(row.payable).toBeLessThan(Number(wifePays))
    // No new household: the one on file gains a member.
    expect(previewed.data?.node.preview).toMatchObject({ joiningCount: 1, totals: [{ households: 1 }] })

    const result = await api.graphql(commit, { input: { batch: later.body.id } }, as)
    expect(result.data?.commitImportBatch.__typename).toBe('ImportBatchPayload')
    await committed(later.body.id, as)
    const enrollment = await api.prisma.enrollment.findFirstOrThrow({
      where: { campaignId: setting.campaign.id, person: { citizenId: son.citizenId } },
    })
    expect(enrollment).toMatchObject({
      householdId: household.id,
      householdPosition: 3,
      payable: row.payable,
    })
    const members = await api.prisma.householdMember.findMany({
      where: { householdId: household.id },
      orderBy: { position: 'asc' },
      include: { person: true },
    })
    expect(members.map((member) => [member.person.citizenId, member.position, member.isHead])).toEqual([
      [head.citizenId, 1, true],
      [wife.citizenId, 2, false],
      [son.citizenId, 3, false],
    ])
    expect(
      await api.prisma.household.count({
        where: { code: 'HGD-01', members: { some: { personId: members[0]?.personId } } },
      }),
    ).toBe(1)
  })

  it('a household registered through the form with its code is joined by a sheet’s rows with that key', async () => {
    const setting = await campaignSetting(api)
    const as = setting.agent.credentials
    const head = personInput({ fullName: 'Ngô Văn Lâm', sex: 'MALE', dateOfBirth: '1969-01-02' })
    const daughter = personInput({ fullName: 'Ngô Thị Mai', dateOfBirth: '1999-09-09' })
    const registered = await api.graphql(
      registerEnrollment,
      { input: householdInput(setting, [{ person: head, isHead: true }], { householdCode: 'HGD-77' }) },
      as,
    )
    expect(registered.data?.registerEnrollment.__typename, JSON.stringify(registered)).toBe(
      'RegisterEnrollmentPayload',
    )
    const household = registered.data?.registerEnrollment.registration.household.id

    const id = await committedSheet(setting, [rowOf('HGD-77', daughter)], 'bo-sung.csv')
    expect(await batchOf(id, as)).toMatchObject({ committedCount: 1, refusedCount: 0 })
    const enrollment = await api.prisma.enrollment.findFirstOrThrow({
      where: { campaignId: setting.campaign.id, person: { citizenId: daughter.citizenId } },
    })
    expect(enrollment).toMatchObject({ householdId: decodeId(household), householdPosition: 2 })
  })

  it('a household on file is joined by rows a page apart: the paged preview checks them as joining, ranked after its members', async () => {
    const setting = await campaignSetting(api)
    const as = setting.agent.credentials
    const head = personInput({ fullName: 'Đặng Văn Tùng', sex: 'MALE', dateOfBirth: '1969-09-09' })
    const son = personInput({ fullName: 'Đặng Văn Khoa', sex: 'MALE', dateOfBirth: '1995-01-10' })
    const daughter = personInput({ fullName: 'Đặng Thị Thu', dateOfBirth: '1998-10-20' })
    await committedSheet(setting, [rowOf('HGD-04', head, 'x')], 'ho-dang.csv')
    const household = await api.prisma.household.findFirstOrThrow({ where: { code: 'HGD-04' } })
    // The son on the first page, a page of people alone, the daughter on the next page: no head among them.
    const alone = Array.from({ length: importLimits.pageRows }, (_, index) =>
      rowOf('', personInput({ fullName: `Vũ Thị Mai ${index}`, dateOfBirth: '1986-04-04' })),
    )
    const rows = [rowOf('HGD-04', son), ...alone, rowOf('HGD-04', daughter)]
    const later = await upload(setting, csv([header, ...rows]), { credentials: as })
    expect(later.status).toBe(201)
    const previewed = await api.graphql(
      `query ($id: ID!, $last: Int!) { node(id: $id) { ... on ImportBatch { preview {
        joiningCount invalidCount
        first: rows(first: 1) { line valid joinsHousehold householdPosition }
        last: rows(first: 1, offset: $last) { line valid joinsHousehold householdPosition }
      } } } }`,
      { id: later.body.id, last: importLimits.pageRows + 1 },
      as,
    )
    expect(previewed.errors).toBeUndefined()
    const preview = previewed.data?.node.preview
    const joins = gid('Household', household.id)
    expect(preview).toMatchObject({
      joiningCount: 2,
      invalidCount: 0,
      first: [{ line: 2, valid: true, joinsHousehold: joins, householdPosition: 2 }],
      last: [{ line: importLimits.pageRows + 3, valid: true, joinsHousehold: joins, householdPosition: 3 }],
    })
  })

  it('a household key that names a household of another center makes a household of its own, and a joining row may not be a head', async () => {
    const mine = await campaignSetting(api)
    const other = await campaignSetting(api)
    const head = personInput({ fullName: 'Ngô Văn Lộc', sex: 'MALE', dateOfBirth: '1968-08-08' })
    await committedSheet(other, [rowOf('HGD-02', head, 'x')], 'ho-khac.csv')

    const newcomer = personInput({ fullName: 'Đinh Văn Phúc', sex: 'MALE', dateOfBirth: '1980-01-01' })
    const own = await upload(mine, csv([header, rowOf('HGD-02', newcomer, 'x')]), {
      credentials: mine.agent.credentials,
    })
    const preview = (await api.graphql(joiningQuery, { id: own.body.id }, mine.agent.credentials)).data?.node
      .preview
    // Not joined: a household of its own, headed by its one member.
    expect(preview.rows[0]).toMatchObject({ joinsHousehold: null, householdPosition: 1, valid: true })

    const second = personInput({ fullName: 'Ngô Thị Lan', dateOfBirth: '1970-09-09' })
    const headAgain = await upload(other, csv([header, rowOf('HGD-02', second, 'x')]), {
      credentials: other.agent.credentials,
    })
    const refused = (await api.graphql(joiningQuery, { id: headAgain.body.id }, other.agent.credentials)).data
      ?.node.preview
    expect(refused.rows[0]).toMatchObject({ valid: false, joinsHousehold: expect.any(String) })
    expect(refused.rows[0].issues).toEqual([{ field: 'isHead', code: 'HOUSEHOLD_HEAD_MULTIPLE' }])
  })
})

describe('importing a CSV with errors', () => {
  async function sheetWithErrors() {
    const good = personInput({ fullName: 'Nguyễn Văn An', sex: 'MALE' })
    const other = personInput({ fullName: 'Đỗ Thị Mai' })
    const onFile = await createPerson(api.prisma, { fullName: 'Võ Văn Tư', sex: 'MALE' })
    const rows = [
      ['STT', 'Họ và tên', 'Số CCCD', 'Ngày sinh', 'Giới tính', 'Số điện thoại'],
      [1, good.fullName, good.citizenId, dmy(good.dateOfBirth), 'Nam', '0912345678'],
      [
        2,
        'Bùi Văn Sai',
        personInput({ sex: 'MALE', dateOfBirth: '1980-02-28' }).citizenId,
        '31/02/1980',
        'Nam',
        '',
      ],
      [3, other.fullName, other.citizenId, dmy(other.dateOfBirth), 'Không rõ', ''],
      [4, good.fullName, good.citizenId, dmy(good.dateOfBirth), 'Nam', ''],
      [5, 'Võ Văn Khác', onFile.citizenId, '01/01/1985', 'Nam', ''],
    ]
    return { bytes: csv(rows), good, onFile }
  }
  const vsi = {
    product: 'VOLUNTARY_SOCIAL_INSURANCE',
    months: '1',
    monthlyIncome: '1500000',
    on: '2025-11-04',
  }

  it('previews each row’s errors in Vietnamese and English, commits the valid row and gives the others back as a file', async () => {
    const setting = await campaignSetting(api)
    const { bytes, good } = await sheetWithErrors()
    const { status, body } = await upload(setting, bytes, {
      credentials: setting.agent.credentials,
      params: vsi,
    })
    expect(status).toBe(201)
    const { preview } = await batchOf(body.id, setting.agent.credentials)
    expect(preview).toMatchObject({
      rowCount: 5,
      validCount: 1,
      invalidCount: 4,
      duplicateCount: 1,
      onFileCount: 1,
    })
    const byLine = new Map<number, { issues: PreviewIssue[] }>(
      preview.rows.map((row: { line: number; issues: PreviewIssue[] }) => [row.line, row]),
    )
    const codes = (line: number) =>
      byLine.get(line)?.issues.map((problem) => `${problem.field}:${problem.code}`)
    expect(codes(3)).toEqual(['dateOfBirth:DATE_INVALID'])
    expect(codes(4)).toEqual(['sex:SEX_INVALID'])
    expect(codes(5)).toEqual(['citizenId:IMPORT_DUPLICATE_IN_FILE'])
    expect(codes(6)).toEqual(['citizenId:PERSON_IDENTITY_MISMATCH'])
    expect(byLine.get(4)?.issues[0]?.messageVi).toMatch(/Nam.*Nữ/)

    const before = await download(
      `${(await batchOf(body.id, setting.agent.credentials)).errorFilePath}.csv`,
      setting.agent.credentials,
    )
    expect(before.status).toBe(200)
    expect(parseCsv(before.text.replace(/^\uFEFF/, '')).filter((row) => row.length > 1)).toHaveLength(5)

    await api.graphql(commit, { input: { batch: body.id } }, setting.agent.credentials)
    await committed(body.id, setting.agent.credentials)
    const batch = await batchOf(body.id, setting.agent.credentials)
    expect(batch).toMatchObject({ committedCount: 1, refusedCount: 4 })
    const enrollments = await api.prisma.enrollment.findMany({
      where: { campaignId: setting.campaign.id },
      include: { person: true },
    })
    expect(enrollments.map((each) => each.person.citizenId)).toEqual([good.citizenId])
    expect(enrollments[0]?.status).toBe('DRAFT')

    const errors = await download(`${batch.errorFilePath}.csv`, setting.agent.credentials)
    const table = parseCsv(errors.text.replace(/^\uFEFF/, '')).filter((row) => row.length > 1)
    expect(table[0]).toEqual([
      'Dòng gốc',
      'STT',
      'Họ và tên',
      'Số CCCD',
      'Ngày sinh',
      'Giới tính',
      'Số điện thoại',
      'Lỗi',
      'Errors',
    ])
    expect(table.slice(1).map((row) => row[0])).toEqual(['3', '4', '5', '6'])
    expect(table[1]?.[7]).toMatch(/^dateOfBirth: /)
    expect(table[1]?.[8]).toMatch(/^dateOfBirth: /)

    // The error file, fixed, goes back in as a file of its own.
    const fixed = table.map((row, index) =>
      index === 1 ? row.map((cell, column) => (column === 4 ? '28/02/1980' : cell)) : row,
    )
    const again = await upload(setting, csv(fixed.slice(0, 2)), {
      credentials: setting.agent.credentials,
      params: vsi,
    })
    expect(again.status).toBe(201)
    const { preview: fixedPreview } = await batchOf(again.body.id, setting.agent.credentials)
    expect(fixedPreview).toMatchObject({ rowCount: 1, validCount: 1 })

    const xlsx = await api.yoga.fetch(`http://tangtoc.test${batch.errorFilePath}.xlsx`, {
      headers: credentialHeaders(setting.agent.credentials),
    })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await xlsx.arrayBuffer())
    expect(workbook.worksheets[0]?.rowCount).toBe(5)
  })

  it('uploading the same file again changes nothing, and committing twice registers once', async () => {
    const setting = await campaignSetting(api)
    const { bytes } = await sheetWithErrors()
    const first = await upload(setting, bytes, { credentials: setting.agent.credentials, params: vsi })
    const second = await upload(setting, bytes, { credentials: setting.agent.credentials, params: vsi })
    expect(first.status).toBe(201)
    expect(second).toMatchObject({ status: 200, body: { id: first.body.id, created: false } })
    expect(await api.prisma.importBatch.count({ where: { centerId: setting.center.id } })).toBe(1)
    expect(await api.prisma.importRow.count({ where: { batch: { centerId: setting.center.id } } })).toBe(5)
    await api.graphql(commit, { input: { batch: first.body.id } }, setting.agent.credentials)
    await api.graphql(commit, { input: { batch: first.body.id } }, setting.agent.credentials)
    await committed(first.body.id, setting.agent.credentials)
    const third = await upload(setting, bytes, { credentials: setting.agent.credentials, params: vsi })
    expect(third).toMatchObject({
      status: 200,
      body: { id: first.body.id, created: false, status: 'COMMITTED' },
    })
    expect(await api.prisma.enrollment.count({ where: { campaignId: setting.campaign.id } })).toBe(1)
  })

  it('remembers the center’s corrected columns for its next file', async () => {
    const setting = await campaignSetting(api)
    const person = personInput()
    const rows = [
      ['Tên người tham gia', 'Số CCCD', 'Ngày sinh', 'Giới tính'],
      [person.fullName, person.citizenId, dmy(person.dateOfBirth), 'Nữ'],
    ]
    const { body } = await upload(setting, csv(rows), { credentials: setting.agent.credentials, params: vsi })
    const guessed = await batchOf(body.id, setting.agent.credentials)
    expect(guessed.columns[0]).toEqual({ header: 'Tên người tham gia', field: null })
    const set = await api.graphql(
      `mutation ($input: SetImportColumnsInput!) { setImportColumns(input: $input) { __typename ... on ImportBatchPayload { batch { columns { field } } } } }`,
      { input: { batch: body.id, columns: ['fullName', 'citizenId', 'dateOfBirth', 'sex'] } },
      setting.agent.credentials,
    )
    expect(set.data?.setImportColumns.batch.columns[0].field).toBe('fullName')
    const next = await upload(
      setting,
      csv([rows[0] ?? [], [personInput().fullName, personInput().citizenId, '01/01/1990', 'Nam']]),
      {
        credentials: setting.agent.credentials,
        params: vsi,
      },
    )
    expect((await batchOf(next.body.id, setting.agent.credentials)).columns[0].field).toBe('fullName')
  })
})

describe('CSV files in the legacy Vietnamese encodings', () => {
  const header = 'Họ và tên,Số CCCD,Ngày sinh,Giới tính,Địa chỉ'
  const names = ['Nguyễn Thị Hồng', 'Trần Văn Đức']
  const addresses = ['Phường Bến Nghé', 'Thủ Đức']
  const ids = ['079185001234', '079085004321']
  // The same sheet as TCVN3 (ABC) and VNI for Windows wrote it, byte for byte (read as Latin-1).
  const legacySheets = {
    TCVN3: [
      'H\u00e4 v\u00b5 t\u00aan,S\u00e8 CCCD,Ng\u00b5y sinh,Gi\u00edi t\u00ddnh,\u00a7\u00dea ch\u00d8',
      `Nguy\u00d4n Th\u00de H\u00e5ng,${ids[0]},02/03/1985,N\u00f7,Ph\u00ad\u00eang B\u00d5n Ngh\u00d0`,
      `Tr\u00c7n V\u00a8n \u00a7\u00f8c,${ids[1]},04/05/1980,Nam,Th\u00f1 \u00a7\u00f8c`,
    ],
    VNI: [
      'Ho\u00ef va\u00f8 te\u00e2n,So\u00e1 CCCD,Nga\u00f8y sinh,Gi\u00f4\u00f9i t\u00ednh,\u00d1\u00f2a ch\u00e6',
      `Nguye\u00e3n Th\u00f2 Ho\u00e0ng,${ids[0]},02/03/1985,N\u00f6\u00f5,Ph\u00f6\u00f4\u00f8ng Be\u00e1n Ngh\u00e9`,
      `Tra\u00e0n Va\u00ean \u00d1\u00f6\u00f9c,${ids[1]},04/05/1980,Nam,Thu\u00fb \u00d1\u00f6\u00f9c`,
    ],
  }

  for (const [encoding, lines] of Object.entries(legacySheets)) {
    it(`converts a ${encoding} file to Unicode and says so in the preview, for the user to check`, async () => {
      const setting = await campaignSetting(api)
      const as = { credentials: setting.agent.credentials }
      const bytes = Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1')
      expect(new TextDecoder('utf-8', { fatal: false }).decode(bytes)).toContain('\ufffd')
      const uploaded = await upload(setting, new Uint8Array(bytes), as)
      expect(uploaded).toMatchObject({ status: 201, body: { created: true, rowCount: 2 } })
      const batch = await api.graphql(
        `query ($id: ID!) { node(id: $id) { ... on ImportBatch {
          encoding columns { header field } preview { rows(first: 10) { fullName issues { field code } } }
        } } }`,
        { id: uploaded.body.id },
        setting.agent.credentials,
      )
      expect(batch.errors).toBeUndefined()
      const node = batch.data?.node
      expect(node.encoding).toBe(encoding)
      expect(node.columns.map((column: { header: string }) => column.header)).toEqual(header.split(','))
      expect(node.preview.rows.map((row: { fullName: string }) => row.fullName)).toEqual(names)
      // The cells are stored composed (NFC), as a Unicode file's are.
      const stored = await api.prisma.importRow.findMany({
        where: { batch: { centerId: setting.center.id } },
        orderBy: { line: 'asc' },
      })
      expect(stored.map((row) => (row.cells as string[])[4])).toEqual(addresses)
      expect(stored.map((row) => (row.cells as string[])[3])).toEqual(['Nữ', 'Nam'])
      for (const row of stored) {
        for (const cell of row.cells as string[]) expect(cell).toBe(cell.normalize('NFC'))
      }
    })
  }
})

describe('files refused before anything is written', () => {
  it('a file over the size limit, a wrong type, a zip bomb and a legacy encoding that cannot be told get a clear error in both languages', async () => {
    const setting = await campaignSetting(api)
    const as = { credentials: setting.agent.credentials }
    const tooLarge = await upload(setting, new Uint8Array(importLimits.maxBytes + 1_000_000).fill(65), as)
    expect(tooLarge).toMatchObject({ status: 413, body: { error: { code: 'IMPORT_FILE_TOO_LARGE' } } })
    expect(tooLarge.body.error.messageVi).toMatch(/Tệp quá lớn/)

    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0])
    const wrong = await upload(setting, xls, { ...as, type: 'application/vnd.ms-excel' })
    expect(wrong).toMatchObject({ status: 415, body: { error: { code: 'IMPORT_FILE_TYPE' } } })
    expect(wrong.body.error.message).toMatch(/\.xls/)

    const bomb = zipOf([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(50_000_000) }])
    expect(bomb.byteLength).toBeLessThan(200_000)
    const refused = await upload(setting, bomb, { ...as, type: xlsxType })
    expect(refused).toMatchObject({ status: 422, body: { error: { code: 'IMPORT_FILE_BOMB' } } })

    // Not UTF-8, and "Bô" reads as "Bơ" in VNI and as "Bụ" in TCVN3: which one it is cannot be told.
    const either = Buffer.from('Ho ten,So CCCD\r\nB\u00f4,079085001234\r\n', 'latin1')
    const ambiguous = await upload(setting, new Uint8Array(either), as)
    expect(ambiguous).toMatchObject({ status: 422, body: { error: { code: 'IMPORT_FILE_ENCODING' } } })
    expect(ambiguous.body.error.message).toMatch(/both TCVN3 \(ABC\) and VNI/)
    expect(ambiguous.body.error.messageVi).toMatch(/cả hai bảng mã TCVN3 \(ABC\) lẫn VNI/)
    // Not UTF-8 and Vietnamese in neither: Windows-1252 French.
    const french = Buffer.from('Nom,Pr\u00e9nom\r\nL\u00e9v\u00eaque,Fran\u00e7ois\r\n', 'latin1')
    const neither = await upload(setting, new Uint8Array(french), as)
    expect(neither).toMatchObject({ status: 422, body: { error: { code: 'IMPORT_FILE_ENCODING' } } })
    expect(neither.body.error.message).toMatch(/neither TCVN3 \(ABC\) nor VNI/)

    expect(await api.prisma.importBatch.count({ where: { centerId: setting.center.id } })).toBe(0)
  })

  it('a form post without the CSRF header is refused, and so is an anonymous upload', async () => {
    const setting = await campaignSetting(api)
    const form = new FormData()
    form.append(
      'file',
      new Blob([
        csv([
          ['Họ và tên', 'Số CCCD'],
          ['A', '1'],
        ]),
      ]),
      'a.csv',
    )
    const query = `campaign=${setting.campaign.code}&center=${setting.center.code}&product=VOLUNTARY_SOCIAL_INSURANCE`
    const forged = await api.yoga.fetch(`http://tangtoc.test/imports?${query}`, {
      method: 'POST',
      headers: credentialHeaders(setting.agent.credentials),
      body: form,
    })
    expect(forged.status).toBe(403)
    const withHeader = await api.yoga.fetch(`http://tangtoc.test/imports?${query}`, {
      method: 'POST',
      headers: { ...credentialHeaders(setting.agent.credentials), 'x-graphql-yoga-csrf': '1' },
      body: form,
    })
    expect(withHeader.status).toBe(201)
    expect(await upload(setting, csv([['Họ và tên', 'Số CCCD']]))).toMatchObject({ status: 401 })
  })
})

describe('who may import', () => {
  it('another center’s staff can neither upload for the center nor see or commit its batch', async () => {
    const setting = await campaignSetting(api)
    const { bytes, params } = peopleAloneFile([personInput()])
    expect(
      await upload(setting, bytes, { credentials: setting.otherAgent.credentials, params }),
    ).toMatchObject({ status: 403 })
    expect(await upload(setting, bytes, { credentials: setting.viewer.credentials, params })).toMatchObject({
      status: 403,
    })
    const { body } = await upload(setting, bytes, { credentials: setting.agent.credentials, params })
    const seen = await api.graphql(
      `query ($id: ID!) { node(id: $id) { id } }`,
      { id: body.id },
      setting.otherAgent.credentials,
    )
    expect(seen.data?.node).toBeNull()
    const listed = await api.graphql(
      `{ importBatches(first: 10) { totalCount } }`,
      {},
      setting.otherAgent.credentials,
    )
    expect(listed.data?.importBatches.totalCount).toBe(0)
    const ownList = await api.graphql(
      `{ importBatches(first: 10) { totalCount edges { node { id fileName } } } }`,
      {},
      setting.agent.credentials,
    )
    expect(
      (ownList.data as { importBatches: Edges }).importBatches.edges.map((edge) => edge.node.id),
    ).toContain(body.id)
    const managerList = await api.graphql(
      `{ importBatches(first: 10) { edges { node { id } } } }`,
      {},
      setting.manager.credentials,
    )
    expect(
      (managerList.data as { importBatches: Edges }).importBatches.edges.map((edge) => edge.node.id),
    ).toContain(body.id)
    const committing = await api.graphql(
      commit,
      { input: { batch: body.id } },
      setting.otherAgent.credentials,
    )
    expect(committing.data?.commitImportBatch.__typename).toBe('NotFoundError')
    expect((await download(`/imports/${body.id}/errors.csv`, setting.otherAgent.credentials)).status).toBe(
      404,
    )
    expect(
      await api.prisma.importBatch.findUniqueOrThrow({ where: { id: decodeId(body.id) } }),
    ).toMatchObject({ status: 'UPLOADED' })
  })
})

const decodeId = (globalId: string) => Buffer.from(globalId, 'base64').toString().split(':')[1] ?? ''

/** A file of women alone (name, citizen ID, date of birth) and the upload's terms: a month of voluntary social insurance. */
function peopleAloneFile(people: readonly ReturnType<typeof personInput>[]) {
  const bytes = csv([
    ['Họ và tên', 'Số CCCD', 'Ngày sinh', 'Giới tính'],
    ...people.map((person) => [person.fullName, person.citizenId, dmy(person.dateOfBirth), 'Nữ']),
  ])
  const params = {
    product: 'VOLUNTARY_SOCIAL_INSURANCE',
    months: '1',
    monthlyIncome: '1500000',
    on: '2025-11-04',
  }
  return { bytes, params }
}

/**
 * An agent's batch of people alone (voluntary social insurance), previewed and left COMMITTING, as a
 * commit that an instance began finds it: the upload's body and the batch's id.
 */
async function committingBatch(setting: Setting, people: ReturnType<typeof personInput>[]) {
  const { bytes, params } = peopleAloneFile(people)
  const { body } = await upload(setting, bytes, { credentials: setting.agent.credentials, params })
  const id = decodeId(body.id)
  await api.prisma.importBatch.update({
    where: { id },
    data: { status: 'COMMITTING', commitStartedAt: new Date() },
  })
  return { body, id }
}

describe('a commit that stops', () => {
  it('resumes where it was when the API starts again: nobody is registered twice', async () => {
    const setting = await campaignSetting(api)
    const people = Array.from({ length: 6 }, (_, index) =>
      personInput({ fullName: `Người Thứ ${['Một', 'Hai', 'Ba', 'Tư', 'Năm', 'Sáu'][index]}` }),
    )
    const { body, id } = await committingBatch(setting, people)

    // The process dies after registering the chunk's people, before marking their rows.
    const crashing = new Proxy(api.prisma, {
      get(target, property) {
        if (property === '$executeRaw') {
          return () => {
            throw new Error('the process stopped')
          }
        }
        const value = Reflect.get(target, property, target)
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
    const deps = jobDependencies(crashing)
    await expect(commitImportBatch(deps, id)).rejects.toThrow('the process stopped')
    expect(await api.prisma.enrollment.count({ where: { campaignId: setting.campaign.id } })).toBe(6)
    expect(await api.prisma.importRow.count({ where: { batchId: id, status: 'PENDING' } })).toBe(6)

    // A new instance takes up the batch left committing.
    const restarted = api.yogaWith({})
    await committed(body.id, setting.agent.credentials)
    await restarted.dispose()
    const batch = await batchOf(body.id, setting.agent.credentials)
    expect(batch).toMatchObject({ committedCount: 6, refusedCount: 0 })
    expect(await api.prisma.enrollment.count({ where: { campaignId: setting.campaign.id } })).toBe(6)
    const rows = await api.prisma.importRow.findMany({ where: { batchId: id }, orderBy: { line: 'asc' } })
    expect(rows.every((row) => row.status === 'COMMITTED' && row.enrollmentId !== null)).toBe(true)
  })
})

describe('a commit given an end', () => {
  it('stops after the chunk that passes its end, and the next run commits the rest', async () => {
    const setting = await campaignSetting(api)
    const people = Array.from({ length: commitChunkRows + 3 }, () => personInput())
    const { id } = await committingBatch(setting, people)
    const deps = jobDependencies(api.prisma)
    expect(await commitImportBatch(deps, id, Date.now())).toBe(false)
    expect(await api.prisma.importRow.count({ where: { batchId: id, status: 'COMMITTED' } })).toBe(
      commitChunkRows,
    )
    expect(await commitImportBatch(deps, id, Date.now())).toBe(true)
    expect(await api.prisma.importBatch.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'COMMITTED',
      committedCount: people.length,
    })
    expect(await api.prisma.enrollment.count({ where: { campaignId: setting.campaign.id } })).toBe(
      people.length,
    )
  })
})

describe('an instance killed in the middle of a commit, on PostgreSQL', () => {
  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'another instance takes its job up once the job expires, and the batch is committed once',
    async () => {
      const setting = await campaignSetting(api)
      const people = Array.from({ length: commitChunkRows + 100 }, () => personInput())
      const { id } = await committingBatch(setting, people)
      const expireSeconds = 15
      let other: ReturnType<typeof createImportQueue> | undefined
      try {
        // A worker process that takes the batch's job, commits a chunk and is stuck in the next: killed
        // there, as a crash.
        const killedAt = await killWhenStuck('test/import-job-worker.ts', {
          DATABASE_URL: api.url,
          IMPORT_JOB_EXPIRE_SECONDS: String(expireSeconds),
        })
        const state = await api.prisma.$queryRaw<{ state: string }[]>`
          SELECT state::text FROM pgboss.job WHERE name = 'import-commit' AND data->>'batchId' = ${id}`
        // Its first job may have ended at a third of its expiry and sent the next: one is active.
        expect(state.filter((job) => job.state === 'active')).toHaveLength(1)
        expect(await api.prisma.importRow.count({ where: { batchId: id, status: 'COMMITTED' } })).toBe(
          commitChunkRows,
        )

        other = createImportQueue(jobDependencies(api.prisma), new InstanceCaches(), {
          databaseUrl: api.url,
          importExpireSeconds: expireSeconds,
        })
        // The expiry, maintenance (every 3 s here), the retry's wait (10-20 s) and the run itself.
        const status = async () => (await api.prisma.importBatch.findUniqueOrThrow({ where: { id } })).status
        await expect
          .poll(status, { timeout: (expireSeconds + 3 + 20 + 20) * 1000, interval: 250 })
          .toBe('COMMITTED')
        console.info(`committed ${Math.round((Date.now() - killedAt) / 1000)} s after the kill`)
        expect(await api.prisma.enrollment.count({ where: { campaignId: setting.campaign.id } })).toBe(
          people.length,
        )
        const rows = await api.prisma.importRow.findMany({ where: { batchId: id } })
        expect(rows.every((row) => row.status === 'COMMITTED')).toBe(true)
        expect(new Set(rows.map((row) => row.enrollmentId)).size).toBe(people.length)
        expect(await api.prisma.importBatch.findUniqueOrThrow({ where: { id } })).toMatchObject({
          committedCount: people.length,
          refusedCount: 0,
        })
      } finally {
        await other?.close()
      }
    },
    150_000,
  )
})

describe('a chunk one row spoils', () => {
  /**
   * A batch of four people alone, committed by a job whose first write of enrollments (the chunk's one
   * statement) is preceded by `meanwhile`: what another agent did after the chunk was read and
   * prepared, before it was written.
   */
  async function commitWithMeanwhile(
    meanwhile: (
      context: Context,
      setting: Setting,
      person: ReturnType<typeof personInput>,
    ) => Promise<unknown>,
  ) {
    const setting = await campaignSetting(api)
    const people = Array.from({ length: 4 }, () => personInput())
    const { id } = await committingBatch(setting, people)
    const deps = jobDependencies(api.prisma)
    const context = await jobContext(deps, setting.agent.user.id, {
      requestId: 'meanwhile',
      url: 'http://tangtoc.test/',
    })
    let first = true
    const interrupted = new Proxy(api.prisma, {
      get(target, property) {
        const value = Reflect.get(target, property, target)
        if (property === '$queryRaw' && typeof value === 'function') {
          return async (...args: unknown[]) => {
            const [query] = args as [{ text?: string }]
            if (first && query.text?.includes('INSERT INTO "Enrollment"')) {
              first = false
              await meanwhile(context, setting, people[1] as ReturnType<typeof personInput>)
            }
            return value.apply(target, args)
          }
        }
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
    await commitImportBatch({ ...deps, prisma: interrupted }, id)
    const rows = await api.prisma.importRow.findMany({ where: { batchId: id }, orderBy: { line: 'asc' } })
    return { setting, people, rows, batch: await api.prisma.importBatch.findUniqueOrThrow({ where: { id } }) }
  }

  it('a person enrolled by the form after the preview is refused with the ConflictError; the other rows go in', async () => {
    const { setting, rows, batch } = await commitWithMeanwhile((context, setting, person) =>
      register(context, {
        campaign: gid('Campaign', setting.campaign.id),
        center: gid('Center', setting.center.id),
        product: 'VOLUNTARY_SOCIAL_INSURANCE',
        person,
        months: 1,
        monthlyIncome: 1_500_000,
        on: '2025-11-04',
      }),
    )
    expect(batch).toMatchObject({ status: 'COMMITTED', committedCount: 3, refusedCount: 1 })
    expect(rows.map((row) => row.status)).toEqual(['COMMITTED', 'REFUSED', 'COMMITTED', 'COMMITTED'])
    expect(rows[1]?.issues).toEqual([expect.objectContaining({ field: 'row', code: 'CONFLICT' })])
    expect(await api.prisma.enrollment.count({ where: { campaignId: setting.campaign.id } })).toBe(4)
    expect(
      await api.prisma.enrollmentStatusChange.count({
        where: { enrollment: { campaignId: setting.campaign.id } },
      }),
    ).toBe(4)
  })

  it('a person put on file by another registration after the preview is reused, and every row goes in', async () => {
    const { setting, people, rows, batch } = await commitWithMeanwhile((context, setting, person) =>
      register(context, {
        campaign: gid('Campaign', setting.campaign.id),
        center: gid('Center', setting.center.id),
        product: 'HOUSEHOLD_HEALTH_INSURANCE',
        person,
        months: 12,
        on: '2025-11-04',
      }),
    )
    expect(batch).toMatchObject({ status: 'COMMITTED', committedCount: 4, refusedCount: 0 })
    expect(rows.every((row) => row.status === 'COMMITTED' && row.enrollmentId !== null)).toBe(true)
    const person = await api.prisma.person.findUniqueOrThrow({
      where: { citizenId: people[1]?.citizenId ?? '' },
      include: { enrollments: { select: { product: true } } },
    })
    expect(person.enrollments.map((each) => each.product).sort()).toEqual([
      'HOUSEHOLD_HEALTH_INSURANCE',
      'VOLUNTARY_SOCIAL_INSURANCE',
    ])
    expect(await api.prisma.enrollment.count({ where: { campaignId: setting.campaign.id } })).toBe(5)
  })
})

describe('the commit as a pg-boss job', () => {
  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'on PostgreSQL another instance takes the job from the queue and commits the batch',
    async () => {
      const setting = await campaignSetting(api)
      const { bytes, params } = peopleAloneFile([personInput()])
      const { body } = await upload(setting, bytes, { credentials: setting.agent.credentials, params })
      // Two instances on the queue: the one that is asked and one that only works.
      const asked = api.yogaWith({}, { jobsDatabaseUrl: api.url })
      const worker = api.yogaWith({}, { jobsDatabaseUrl: api.url })
      try {
        const response = await asked.fetch('http://tangtoc.test/graphql', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-graphql-yoga-csrf': '1',
            ...credentialHeaders(setting.agent.credentials),
          },
          body: JSON.stringify({ query: commit, variables: { input: { batch: body.id } } }),
        })
        const answer = (await response.json()) as { data: { commitImportBatch: { __typename: string } } }
        expect(answer.data.commitImportBatch.__typename).toBe('ImportBatchPayload')
        await committed(body.id, setting.agent.credentials)
        // pg-boss marks the job completed just after its handler has committed the batch.
        const jobStates = async () =>
          (
            await api.prisma.$queryRaw<{ state: string }[]>`
              SELECT state::text FROM pgboss.job WHERE name = 'import-commit' AND data->>'batchId' = ${decodeId(body.id)}`
          ).map((job) => job.state)
        await expect.poll(jobStates, { timeout: 10_000 }).toEqual(['completed'])
        expect(await api.prisma.enrollment.count({ where: { campaignId: setting.campaign.id } })).toBe(1)
      } finally {
        await Promise.all([asked.dispose(), worker.dispose()])
      }
    },
    45_000,
  )
})

describe('following a commit', () => {
  it('pushes the batch’s progress over the subscription transport until it is committed', async () => {
    const setting = await campaignSetting(api)
    const rowCount = commitChunkRows + 10
    const people = Array.from({ length: rowCount }, () => personInput())
    const { bytes, params } = peopleAloneFile(people)
    const { body } = await upload(setting, bytes, { credentials: setting.agent.credentials, params })
    const response = await api.yoga.fetch('http://tangtoc.test/graphql', {
      method: 'POST',
      headers: {
        accept: 'text/event-stream',
        'content-type': 'application/json',
        'x-graphql-yoga-csrf': '1',
        ...credentialHeaders(setting.agent.credentials),
      },
      body: JSON.stringify({
        query:
          'subscription ($batch: ID!) { importBatchProgress(batch: $batch) { status rowCount committedCount refusedCount } }',
        variables: { batch: body.id },
      }),
    })
    const reader = (response.body as ReadableStream<Uint8Array>).getReader()
    const decoder = new TextDecoder()
    const seen: { status: string; committedCount: number; refusedCount: number }[] = []
    let buffer = ''
    const next = async () => {
      for (;;) {
        const event = /data: (.*)\n\n/.exec(buffer)
        if (event) {
          buffer = buffer.slice((event.index ?? 0) + event[0].length)
          const progress = JSON.parse(event[1] ?? '{}').data.importBatchProgress
          seen.push(progress)
          return progress
        }
        const { value, done } = await reader.read()
        if (done) throw new Error('the subscription ended early')
        buffer += decoder.decode(value, { stream: true })
      }
    }
    expect(await next()).toMatchObject({ status: 'UPLOADED', rowCount, committedCount: 0 })
    await api.graphql(commit, { input: { batch: body.id } }, setting.agent.credentials)
    // Nothing more is read until the commit is over: every report it made waits for the subscriber,
    // however late the subscriber is to ask for it.
    await expect
      .poll(
        async () => (await api.prisma.importBatch.findUnique({ where: { id: decodeId(body.id) } }))?.status,
        {
          timeout: 60_000,
        },
      )
      .toBe('COMMITTED')
    while ((await next()).status !== 'COMMITTED') {}
    await reader.cancel()
    expect(seen.at(-1)).toEqual({ status: 'COMMITTED', rowCount, committedCount: rowCount, refusedCount: 0 })
    // A report after the first chunk, below the total.
    expect(
      seen.some(
        (progress) => progress.status === 'COMMITTING' && progress.committedCount === commitChunkRows,
      ),
    ).toBe(true)
  }, 120_000)
})

describe('household health insurance without a household column', () => {
  it('registers each row as a person alone, as the form does', async () => {
    const setting = await campaignSetting(api)
    const people = [personInput({ fullName: 'Hồ Thị Một' }), personInput({ fullName: 'Hồ Thị Hai' })]
    const bytes = csv([
      ['Họ và tên', 'Số CCCD', 'Ngày sinh', 'Giới tính'],
      ...people.map((person) => [person.fullName, person.citizenId, dmy(person.dateOfBirth), 'Nữ']),
    ])
    const { body } = await upload(setting, bytes, { credentials: setting.agent.credentials })
    const { preview } = await batchOf(body.id, setting.agent.credentials)
    expect(preview).toMatchObject({ validCount: 2, invalidCount: 0 })
    await api.graphql(commit, { input: { batch: body.id } }, setting.agent.credentials)
    await committed(body.id, setting.agent.credentials)
    expect(await batchOf(body.id, setting.agent.credentials)).toMatchObject({
      committedCount: 2,
      refusedCount: 0,
    })
    const enrollments = await api.prisma.enrollment.findMany({ where: { campaignId: setting.campaign.id } })
    expect(new Set(enrollments.map((each) => each.householdId)).size).toBe(2)
  })
})

describe('the day an import checks against', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('is today in the campaign’s time zone, not in the server’s nor Vietnam’s', async () => {
    const setting = await campaignSetting(api)
    // 05:00 UTC on 1 March: already 1 March in UTC and in Hà Nội, still 28 February in Honolulu.
    await campaignInZoneAt(api, setting.campaign, {
      timeZone: 'Pacific/Honolulu',
      now: '2026-03-01T05:00:00Z',
    })
    const bornToday = personInput({ fullName: 'Lê Văn Mai', sex: 'MALE', dateOfBirth: '2026-02-28' })
    const bornTomorrow = personInput({ fullName: 'Lê Văn Sau', sex: 'MALE', dateOfBirth: '2026-03-01' })
    const bytes = csv([
      ['Họ và tên', 'Số CCCD', 'Ngày sinh', 'Giới tính'],
      ...[bornToday, bornTomorrow].map((person) => [
        person.fullName,
        person.citizenId,
        dmy(person.dateOfBirth),
        'Nam',
      ]),
    ])
    const { body } = await upload(setting, bytes, { credentials: setting.agent.credentials })
    const { preview } = await batchOf(body.id, setting.agent.credentials)
    // Both are refused as under six for a household; only the second is born after the campaign's today.
    const future = preview.rows.map((row: { issues: PreviewIssue[] }) =>
      row.issues.some((problem) => problem.code === 'DATE_OF_BIRTH_FUTURE'),
    )
    expect(future).toEqual([false, true])
  })
})

describe('a sheet longer than a page of the preview', () => {
  type Row = { line: number; valid: boolean; onFile: boolean; payable: number | null; issues: PreviewIssue[] }

  /** Every row of the batch's preview, 500 to a request. */
  async function previewRows(id: string, credentials: Credentials): Promise<Row[]> {
    const rows: Row[] = []
    for (let offset = 0; ; offset += 500) {
      const result = await api.graphql(
        `query ($id: ID!, $offset: Int!) { node(id: $id) { ... on ImportBatch { preview {
          rows(first: 500, offset: $offset) { line valid onFile payable issues { field code message messageVi } }
        } } } }`,
        { id, offset },
        credentials,
      )
      expect(result.errors).toBeUndefined()
      const page = result.data?.node.preview.rows as Row[]
      rows.push(...page)
      if (page.length < 500) return rows
    }
  }

  it('finds a duplicate of a row pages earlier, checks a household split across pages whole, and totals every page', async () => {
    const setting = await campaignSetting(api)
    const head = personInput({ fullName: 'Trần Văn Bình', sex: 'MALE', dateOfBirth: '1970-03-02' })
    const alone = Array.from({ length: importLimits.pageRows - 1 }, (_, index) =>
      personInput({ fullName: `Nguyễn Thị Lan ${index}`, dateOfBirth: '1985-06-15' }),
    )
    const onFile = await createPerson(api.prisma, { fullName: 'Võ Thị Tám', dateOfBirth: '1980-08-08' })
    const wife = personInput({ fullName: 'Lê Thị Hoa', dateOfBirth: '1980-02-28' })
    const [husband, daughter] = [
      personInput({ fullName: 'Phan Văn Nam', sex: 'MALE', dateOfBirth: '1975-04-30' }),
      personInput({ fullName: 'Phan Thị Ngọc', dateOfBirth: '2000-01-01' }),
    ]
    const first = alone[0] as (typeof alone)[number]
    const row = (person: typeof head, key: string, isHead: boolean, born = dmy(person.dateOfBirth)) => [
      key,
      person.fullName,
      person.citizenId,
      born,
      person.sex === 'MALE' ? 'Nam' : 'Nữ',
      isHead ? 'x' : '',
    ]
    const rows = [
      ['Mã hộ', 'Họ và tên', 'Số CCCD', 'Ngày sinh', 'Giới tính', 'Chủ hộ'],
      row(head, 'HO-A', true),
      ...alone.map((person) => row(person, '', false)),
      ['', onFile.fullName, onFile.citizenId, dmy(onFile.dateOfBirth.toISOString().slice(0, 10)), 'Nữ', ''],
      // HO-A's second member, a page below its head, born on a day that does not exist.
      row(wife, 'HO-A', false, '31/02/1980'),
      row(first, '', false),
      row(husband, 'HO-B', true),
      row(daughter, 'HO-B', false),
    ]
    const { status, body } = await upload(setting, csv(rows), { credentials: setting.agent.credentials })
    expect(status).toBe(201)
    const last = importLimits.pageRows + 6
    expect(body.rowCount).toBe(last - 1)

    const { preview } = await batchOf(body.id, setting.agent.credentials)
    expect(preview).toMatchObject({
      rowCount: last - 1,
      invalidCount: 3,
      duplicateCount: 1,
      onFileCount: 1,
      problems: [],
    })
    const all = await previewRows(body.id, setting.agent.credentials)
    expect(all.map((each) => each.line)).toEqual(Array.from({ length: last - 1 }, (_, index) => index + 2))
    const at = (line: number) => all.find((each) => each.line === line) as Row
    const codes = (line: number) => at(line).issues.map((problem) => `${problem.field}:${problem.code}`)
    const wifeLine = importLimits.pageRows + 3
    expect(codes(2)).toEqual(['householdKey:IMPORT_HOUSEHOLD_INCOMPLETE'])
    expect(at(2).issues[0]?.messageVi).toContain(String(wifeLine))
    expect(codes(wifeLine)).toEqual(['dateOfBirth:DATE_INVALID'])
    expect(codes(wifeLine + 1)).toEqual(['citizenId:IMPORT_DUPLICATE_IN_FILE'])
    expect(at(wifeLine + 1).issues[0]?.message).toContain('line 3')
    expect(at(wifeLine - 1)).toMatchObject({ valid: true, onFile: true })
    const [husbandRow, daughterRow] = [at(last - 1), at(last)]
    expect(husbandRow.valid && daughterRow.valid).toBe(true)
    expect(daughterRow.payable).toBeLessThan(husbandRow.payable ?? 0)
    expect(at(2).payable).toBeNull()
    const valid = all.filter((each) => each.valid)
    expect(preview.totals).toEqual([
      {
        product: 'HOUSEHOLD_HEALTH_INSURANCE',
        enrollments: last - 4,
        households: 1,
        payable: valid.reduce((sum, each) => sum + (each.payable ?? 0), 0),
      },
    ])
  })
})
