// `pnpm bench`, bulk intake and bulk actions (issue 19), each timed once against the plain SQL that
// writes the same rows in one transaction, in the same run, on the same database:
// - import: a CSV of 50,000 rows made here (households of three and people alone; 15% of the rows
//   refused, 5% repeating a person listed earlier) through the real API — `POST /imports`, the preview,
//   `commitImportBatch`, until the batch is COMMITTED — against multi-row inserts of what its valid rows
//   imply (people, households and their members, registrations, enrollments, status history, audit,
//   rollups). The API's memory is sampled from /proc all along: its peak resident set.
// - bulk: `recordPayment` for 1,000 submitted enrollments of one center at once (as the enrollment
//   list's bulk action sends it: one payment, one receipt), against the same writes in one statement each
//   (the payment and its allocations, the enrollments PAID with their coverage, status history, audit,
//   rollups).
// The plain SQL runs first, on the very rows the API then writes, and is rolled back; each part prints
// how many rows each side wrote per table, so "the same writes" can be checked.
//
//   BENCH_IMPORT_ROWS  rows of the imported file (default 50000)
//   BENCH_IMPORT_FORMAT csv (default) or xlsx: the same rows as an Excel workbook (ExcelJS writes it)
//   BENCH_BULK_ROWS    enrollments confirmed at once (default 1000)

import { randomInt, randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import type { Campaign, Center } from '@tangtoc/db'
import { buildCitizenId, foldSearchKey, localDateInZone, searchPrefixes } from '@tangtoc/shared'
import ExcelJS from 'exceljs'
import type pg from 'pg'
import type { UploadAnswer } from '../src/modules/imports/upload.ts'
import type { OperationData } from '../test/graphql-data.ts'
import { log } from './common.ts'

const importRows = Number(process.env.BENCH_IMPORT_ROWS ?? 50_000)
const importFormat = process.env.BENCH_IMPORT_FORMAT === 'xlsx' ? 'XLSX' : 'CSV'
const importTypes = {
  CSV: 'text/csv',
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}
const bulkRows = Number(process.env.BENCH_BULK_ROWS ?? 1_000)

export interface BulkIntakeSetting {
  sql: pg.Pool
  campaign: Campaign
  center: Center
  adminCookie: string
  apiPort: number
  /** The API's process: its resident set (and its workers') is sampled. */
  apiPid: number
  graphql: (query: string, variables: Record<string, unknown>) => Promise<OperationData>
  /** The registration input of one new person (run.ts's), for the enrollments bulk-confirmed. */
  registration: () => Record<string, unknown>
}

export interface OnceRow {
  name: string
  apiMs: number
  sqlMs: number
  /** The most the API may take, as a multiple of the plain SQL. */
  ratioFloor: number
  rssPeakMb?: number
  rssFloorMb?: number
  detail: string
}

const tables = [
  'Person',
  'Household',
  'HouseholdMember',
  'Registration',
  'Enrollment',
  'EnrollmentStatusChange',
  'AuditEvent',
  'Payment',
  'PaymentAllocation',
] as const

/** Rows per table now (exact counts: the tables are small enough at the bench's sizes). */
async function tableCounts(client: pg.Pool | pg.PoolClient): Promise<Record<string, number>> {
  const { rows } = await client.query<{ name: string; count: number }>(
    tables
      .map((table) => `SELECT '${table}' AS name, count(*)::int AS count FROM "${table}"`)
      .join(' UNION ALL '),
  )
  return Object.fromEntries(rows.map((row) => [row.name, row.count]))
}

const written = (before: Record<string, number>, after: Record<string, number>) =>
  tables
    .filter((table) => (after[table] ?? 0) !== (before[table] ?? 0))
    .map((table) => `${table} ${((after[table] ?? 0) - (before[table] ?? 0)).toLocaleString('en')}`)
    .join(', ')

/** The resident set of a process and its descendants now, bytes (0 without /proc). */
function treeRssBytes(pid: number): number {
  let rss = 0
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m)
    rss = Number(line?.[1] ?? 0) * 1024
    for (const child of readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .split(' ')
      .filter(Boolean)) {
      rss += treeRssBytes(Number(child))
    }
  } catch {
    // Gone, or no /proc.
  }
  return rss
}

/** Samples the API's resident set every 50 ms until stopped; its peak, MB. */
function rssSampler(pid: number) {
  let peak = treeRssBytes(pid)
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRssBytes(pid))
  }, 50)
  return {
    start: peak,
    /** The peak so far, MB. */
    peak: () => Math.max(peak, treeRssBytes(pid)) / 2 ** 20,
    stop: () => {
      clearInterval(timer)
      return Math.max(peak, treeRssBytes(pid)) / 2 ** 20
    },
  }
}

/** A timed transaction of plain SQL, rolled back: the rows stay for the API to write. */
async function timedRolledBack(sql: pg.Pool, run: (client: pg.PoolClient) => Promise<void>) {
  const client = await sql.connect()
  try {
    await client.query('BEGIN')
    const before = await tableCounts(client)
    // Each statement's time, to say where the plain SQL's goes.
    const statements: { text: string; ms: number }[] = []
    const timed = Object.create(client, {
      query: {
        value: async (text: string, values?: unknown[]) => {
          const at = performance.now()
          const result = await client.query(text, values)
          statements.push({ text: text.replace(/\s+/g, ' ').slice(0, 40), ms: performance.now() - at })
          return result
        },
      },
    }) as pg.PoolClient
    const started = performance.now()
    await run(timed)
    // The deferred triggers (the worklist tallies) run now, as they would at a COMMIT.
    await timed.query('SET CONSTRAINTS ALL IMMEDIATE')
    const ms = performance.now() - started
    log(
      `slowest statements: ${statements
        .toSorted((a, b) => b.ms - a.ms)
        .slice(0, 4)
        .map((each) => `${each.text}… ${each.ms.toFixed(0)} ms`)
        .join('; ')}`,
    )
    const rows = written(before, await tableCounts(client))
    return { ms, rows }
  } finally {
    await client.query('ROLLBACK')
    client.release()
  }
}

// ── Import ───────────────────────────────────────────────────────────────────

type SheetPerson = {
  fullName: string
  citizenId: string
  dateOfBirth: string
  sex: 'MALE' | 'FEMALE'
  phone: string
  address: string
  householdKey: string
  isHead: boolean
  relationToHead: string
}

export const header = [
  'Họ và tên',
  'Số CCCD',
  'Ngày sinh',
  'Giới tính',
  'Số điện thoại',
  'Địa chỉ',
  'Mã phường xã',
  'Mã hộ',
  'Chủ hộ',
  'Quan hệ với chủ hộ',
]
const surnames = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Võ', 'Đặng', 'Bùi', 'Đỗ']
const middles = { MALE: ['Văn', 'Đức', 'Minh', 'Quốc'], FEMALE: ['Thị', 'Ngọc', 'Thu', 'Thanh'] }
const givens = ['An', 'Bình', 'Chi', 'Dũng', 'Hà', 'Hải', 'Hoa', 'Khánh', 'Lan', 'Long', 'Mai', 'Nam', 'Phúc']

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`

/** Makes new people born between two years, with citizen IDs that none on file (nor made before) has. */
async function newPeople(sql: pg.Pool) {
  // Born in Cà Mau (096): few demo people are; those who are, and any earlier run's, are avoided.
  const onFile = new Set(
    (
      await sql.query<{ id: string }>(`SELECT "citizenId" AS id FROM "Person" WHERE "citizenId" LIKE '096%'`)
    ).rows.map((row) => row.id),
  )
  return (sex: 'MALE' | 'FEMALE', bornFrom: number, bornTo: number) => {
    const dateOfBirth = new Date(
      Date.UTC(bornFrom + randomInt(0, bornTo - bornFrom), 0, 1 + randomInt(0, 365)),
    )
      .toISOString()
      .slice(0, 10)
    let citizenId = ''
    do citizenId = buildCitizenId({ provinceCode: '096', dateOfBirth, sex, serial: randomInt(0, 1_000_000) })
    while (onFile.has(citizenId))
    onFile.add(citizenId)
    const pick = <T>(list: readonly T[]) => list[randomInt(0, list.length)] as T
    return {
      fullName: `${pick(surnames)} ${pick(middles[sex])} ${pick(givens)}`,
      citizenId,
      dateOfBirth,
      sex,
      phone: `${pick(['090', '091', '098', '097', '086'])}${String(randomInt(0, 10_000_000)).padStart(7, '0')}`,
      address: `${randomInt(1, 500)} đường Lê Lợi`,
    }
  }
}

/**
 * The file: households of three (head, spouse, child) and people alone, all new; then the refused rows
 * (a birth date that is no date) and the repeats (a person alone listed again), spread through it.
 */
async function importFile(sql: pg.Pool, wardCode: string) {
  const newPerson = await newPeople(sql)
  const refused = Math.round(importRows * 0.15)
  const repeated = Math.round(importRows * 0.05)
  const valid = importRows - refused - repeated
  const households = Math.floor(valid / 6)
  const valids: SheetPerson[] = []
  for (let h = 0; h < households; h++) {
    const key = `HO-${String(h + 1).padStart(6, '0')}`
    valids.push(
      { ...newPerson('MALE', 1960, 1990), householdKey: key, isHead: true, relationToHead: '' },
      { ...newPerson('FEMALE', 1960, 1990), householdKey: key, isHead: false, relationToHead: 'Vợ' },
      { ...newPerson('FEMALE', 1995, 2015), householdKey: key, isHead: false, relationToHead: 'Con' },
    )
  }
  const alone: SheetPerson[] = []
  while (valids.length + alone.length < valid) {
    alone.push({ ...newPerson('FEMALE', 1960, 2005), householdKey: '', isHead: false, relationToHead: '' })
  }
  valids.push(...alone)
  const rows: string[][] = []
  const cells = (p: SheetPerson, dateOfBirth = dmy(p.dateOfBirth)) => [
    p.fullName,
    p.citizenId,
    dateOfBirth,
    p.sex === 'MALE' ? 'Nam' : 'Nữ',
    p.phone,
    p.address,
    wardCode,
    p.householdKey,
    p.isHead ? 'x' : '',
    p.relationToHead,
  ]
  // Every fifth row after the first fifth is refused or repeated, until there are as many as planned.
  let r = 0
  let d = 0
  for (const [index, person] of valids.entries()) {
    rows.push(cells(person))
    if (index % 2 === 1 && r < refused) {
      const wrong = {
        ...newPerson('FEMALE', 1960, 2005),
        householdKey: '',
        isHead: false,
        relationToHead: '',
      }
      rows.push(cells(wrong, '31/02/1980'))
      r++
    }
    if (index % 8 === 7 && d < repeated && alone.length > 0) {
      rows.push(cells(alone[d % alone.length] as SheetPerson))
      d++
    }
  }
  for (; r < refused; r++) {
    const wrong = { ...newPerson('FEMALE', 1960, 2005), householdKey: '', isHead: false, relationToHead: '' }
    rows.push(cells(wrong, '31/02/1980'))
  }
  for (; d < repeated; d++) rows.push(cells(alone[d % alone.length] as SheetPerson))
  return { bytes: await fileBytes([header, ...rows]), valids, households, refused, repeated }
}

/** The rows as a file of BENCH_IMPORT_FORMAT: CSV text, or a workbook of one sheet. */
async function fileBytes(rows: string[][]): Promise<Buffer> {
  if (importFormat === 'XLSX') {
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('Danh sách').addRows(rows)
    return Buffer.from(await workbook.xlsx.writeBuffer())
  }
  const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)
  return Buffer.from(rows.map((row) => row.map(quote).join(',')).join('\r\n'), 'utf8')
}

/** `POST /imports` with the file as the body. */
function postImport(port: number, query: URLSearchParams, cookie: string, bytes: Buffer) {
  return new Promise<{ status: number; body: UploadAnswer }>((resolve, reject) => {
    const request = httpRequest(
      `http://127.0.0.1:${port}/imports?${query}`,
      {
        method: 'POST',
        headers: {
          'content-type': importTypes[importFormat],
          'content-length': bytes.byteLength,
          'x-graphql-yoga-csrf': '1',
          cookie,
        },
      },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString()) }),
        )
        response.on('error', reject)
      },
    )
    request.on('error', reject)
    request.end(bytes)
  })
}

/** What the valid rows imply, written with one multi-row statement per table. */
async function importSql(
  client: pg.PoolClient,
  setting: BulkIntakeSetting,
  valids: SheetPerson[],
  written: { actorId: string; on: string; wardCode: string; pricing: Map<string, number[]> },
) {
  const at = { ...written, campaign: setting.campaign, center: setting.center, now: new Date() }
  const people = valids.map((p) => ({ ...p, id: randomUUID(), enrollmentId: randomUUID() }))
  await insertPeople(client, people, at)
  const units = await insertHouseholds(client, people, at)
  await insertEnrollments(client, people, units, at)
  await upsertRollups(
    client,
    people.map((p) => p.enrollmentId),
    1,
  )
}

/** What the import's statements write with: who, when, where and at which prices. */
type ImportAt = {
  actorId: string
  on: string
  wardCode: string
  pricing: Map<string, number[]>
  campaign: Campaign
  center: Center
  now: Date
}

/** A valid row with the ids of its person and enrollment. */
type ImportedPerson = SheetPerson & { id: string; enrollmentId: string }

/** The people, with their audit events. */
async function insertPeople(
  client: pg.PoolClient,
  people: ImportedPerson[],
  { actorId, wardCode, center, now }: ImportAt,
) {
  await client.query(
    `INSERT INTO "Person" ("id", "fullName", "citizenId", "dateOfBirth", "sex", "phone", "address", "wardCode",
       "recordingCenterId", "searchKey", "searchPrefixes", "createdAt", "updatedAt")
     SELECT p.id, p."fullName", p."citizenId", p."dateOfBirth", p.sex, p.phone, p.address, $7, $8, p."searchKey",
            string_to_array(p.prefixes, ' '), $9, $9
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::date[], $5::"Sex"[], $6::text[], $10::text[], $11::text[], $12::text[])
         AS p(id, "fullName", "citizenId", "dateOfBirth", sex, phone, address, "searchKey", prefixes)`,
    [
      people.map((p) => p.id),
      people.map((p) => p.fullName),
      people.map((p) => p.citizenId),
      people.map((p) => p.dateOfBirth),
      people.map((p) => p.sex),
      people.map((p) => `+84${p.phone.slice(1)}`),
      wardCode,
      center.id,
      now,
      people.map((p) => p.address),
      people.map((p) => foldSearchKey(p.fullName)),
      people.map((p) => searchPrefixes(p.fullName).join(' ')),
    ],
  )
  await client.query(
    `INSERT INTO "AuditEvent" ("id", "actorId", "action", "entityType", "entityId", "after", "requestId", "at")
     SELECT gen_random_uuid(), $1, 'person.create', 'Person', p.id::text, p.after, 'bench', $3
       FROM unnest($2::uuid[], $4::jsonb[]) AS p(id, after)`,
    [actorId, people.map((p) => p.id), now, people.map((p) => JSON.stringify(p))],
  )
}

/**
 * A household and a registration per key and per person alone (household health insurance is bought by
 * households, of one too), its members in order.
 */
async function insertHouseholds(client: pg.PoolClient, people: ImportedPerson[], at: ImportAt) {
  const { actorId, wardCode, campaign, center, now } = at
  const unitOf = (p: ImportedPerson) => p.householdKey || p.id
  const householdOf = new Map<string, string>()
  const registrationOf = new Map<string, string>()
  for (const p of people) {
    if (householdOf.has(unitOf(p))) continue
    householdOf.set(unitOf(p), randomUUID())
    registrationOf.set(unitOf(p), randomUUID())
  }
  await client.query(
    `INSERT INTO "Household" ("id", "address", "wardCode", "createdAt", "updatedAt")
     SELECT id, 'đường Lê Lợi', $2, $3, $3 FROM unnest($1::uuid[]) AS id`,
    [[...householdOf.values()], wardCode, now],
  )
  const members = people
  await client.query(
    `INSERT INTO "HouseholdMember" ("householdId", "personId", "position", "isHead", "relationToHead")
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::boolean[], $5::text[])`,
    [
      members.map((p) => householdOf.get(unitOf(p))),
      members.map((p) => p.id),
      members.map((p) => (p.isHead ? 1 : p.relationToHead === 'Vợ' ? 2 : 3)),
      members.map((p) => p.isHead),
      members.map((p) => p.relationToHead || null),
    ],
  )
  const units = [...registrationOf.entries()]
  await client.query(
    `INSERT INTO "Registration" ("id", "campaignId", "centerId", "registeredById", "householdId", "createdAt")
     SELECT r.id, $3, $4, $5, r.household, $6 FROM unnest($1::uuid[], $2::uuid[]) AS r(id, household)`,
    [
      units.map(([, id]) => id),
      units.map(([unit]) => householdOf.get(unit) ?? null),
      campaign.id,
      center.id,
      actorId,
      now,
    ],
  )
  return { unitOf, householdOf, registrationOf }
}

/** Each person's enrollment, priced by its place in its household, with its first status and audit event. */
async function insertEnrollments(
  client: pg.PoolClient,
  people: ImportedPerson[],
  { unitOf, householdOf, registrationOf }: Awaited<ReturnType<typeof insertHouseholds>>,
  { actorId, on, wardCode, pricing, campaign, center, now }: ImportAt,
) {
  const position = (p: ImportedPerson) =>
    p.householdKey ? (p.isHead ? 1 : p.relationToHead === 'Vợ' ? 2 : 3) : 1
  const priced = people.map((p) => {
    const prices = pricing.get(p.householdKey ? 'household' : 'alone') ?? []
    return prices[position(p) - 1] ?? 0
  })
  const periodEnd = new Date(Date.parse(`${on}T00:00:00Z`) + 364 * 86_400_000).toISOString().slice(0, 10)
  await client.query(
    `INSERT INTO "Enrollment" ("id", "campaignId", "centerId", "registeredById", "product", "personId", "householdId",
       "registrationId", "quoteDate", "months", "householdPosition", "gross", "support", "payable", "periodStart",
       "periodEnd", "status", "phone", "address", "wardCode", "searchPrefixes", "registeredAt", "registeredOn",
       "updatedAt")
     SELECT e.id, $6, $7, $8, 'HOUSEHOLD_HEALTH_INSURANCE', e.person, e.household, e.registration, $9, 12, e.position,
            e.payable, 0, e.payable, $9, $10, 'DRAFT', e.phone, e.address, $11, string_to_array(e.prefixes, ' '), $12,
            $9, $12
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::int[], $13::int[], $14::text[], $15::text[],
                   $16::text[]) AS e(id, person, household, registration, position, payable, phone, address, prefixes)`,
    [
      people.map((p) => p.enrollmentId),
      people.map((p) => p.id),
      people.map((p) => householdOf.get(unitOf(p))),
      people.map((p) => registrationOf.get(unitOf(p))),
      people.map(position),
      campaign.id,
      center.id,
      actorId,
      on,
      periodEnd,
      wardCode,
      now,
      priced,
      people.map((p) => `+84${p.phone.slice(1)}`),
      people.map((p) => p.address),
      people.map((p) => searchPrefixes(p.fullName).join(' ')),
    ],
  )
  await client.query(
    `INSERT INTO "EnrollmentStatusChange" ("id", "enrollmentId", "toStatus", "actorId", "at")
     SELECT gen_random_uuid(), id, 'DRAFT', $2, $3 FROM unnest($1::uuid[]) AS id`,
    [people.map((p) => p.enrollmentId), actorId, now],
  )
  await client.query(
    `INSERT INTO "AuditEvent" ("id", "actorId", "action", "entityType", "entityId", "after", "requestId", "at")
     SELECT gen_random_uuid(), $1, 'enrollment.register', 'Enrollment', e.id::text, e.after, 'bench', $3
       FROM unnest($2::uuid[], $4::jsonb[]) AS e(id, after)`,
    [actorId, people.map((p) => p.enrollmentId), now, people.map((p) => JSON.stringify(p))],
  )
}

/** The rollups' counts of the enrollments (by their status now) moved by `delta`, one statement. */
async function upsertRollups(client: pg.PoolClient, enrollmentIds: string[], delta: number, status?: string) {
  await client.query(
    `WITH "change" AS MATERIALIZED (
       SELECT "campaignId", "centerId", product, ${status ? '$3::"EnrollmentStatus"' : 'status'} AS status,
              coalesce("countedOn", "registeredOn") AS day, coalesce("occupationGroup"::text, '') AS "occupationGroup",
              '' AS "sessionKind", coalesce(continuity::text, '') AS continuity, $2::int AS delta
         FROM "Enrollment" WHERE id = ANY($1::uuid[])),
     daily AS (
       INSERT INTO "EnrollmentDailyCount" AS t ("campaignId", "centerId", product, status, day, continuity, count)
       SELECT "campaignId", "centerId", product, status, day, continuity, sum(delta)::int FROM "change" GROUP BY 1, 2, 3, 4, 5, 6
       ON CONFLICT ("campaignId", "centerId", product, status, day, continuity) DO UPDATE SET count = t.count + EXCLUDED.count
       RETURNING 1),
     segment AS (
       INSERT INTO "EnrollmentSegmentCount" AS t ("campaignId", "centerId", product, status, day, "occupationGroup", "sessionKind", continuity, count)
       SELECT "campaignId", "centerId", product, status, day, "occupationGroup", "sessionKind", continuity, sum(delta)::int
         FROM "change" WHERE (SELECT count(*) FROM daily) >= 0 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
       ON CONFLICT ("campaignId", "centerId", product, status, day, "occupationGroup", "sessionKind", continuity)
       DO UPDATE SET count = t.count + EXCLUDED.count
       RETURNING 1)
     INSERT INTO "EnrollmentSegmentTotal" AS t ("campaignId", "centerId", product, status, "occupationGroup", "sessionKind", continuity, count)
     SELECT "campaignId", "centerId", product, status, "occupationGroup", "sessionKind", continuity, sum(delta)::int
       FROM "change" WHERE (SELECT count(*) FROM segment) >= 0 GROUP BY 1, 2, 3, 4, 5, 6, 7
     ON CONFLICT ("campaignId", "centerId", product, status, "occupationGroup", "sessionKind", continuity)
     DO UPDATE SET count = t.count + EXCLUDED.count`,
    status ? [enrollmentIds, delta, status] : [enrollmentIds, delta],
  )
}

const batchQuery = `query ($id: ID!) { node(id: $id) { ... on ImportBatch { status committedCount refusedCount
  preview { rowCount validCount invalidCount duplicateCount onFileCount totals { enrollments households payable }
    rows(first: 4) { payable householdKey } } } } }`
const statusQuery = `query ($id: ID!) { node(id: $id) { ... on ImportBatch { status committedCount refusedCount } } }`
const commitMutation = `mutation ($input: CommitImportBatchInput!) { commitImportBatch(input: $input) {
  __typename ... on UserError { code message } } }`

/** The newest administrator's id: the actor of what the plain SQL writes. */
async function latestAdminId(sql: pg.Pool): Promise<string | undefined> {
  const admins = await sql.query<{ id: string }>(
    `SELECT id FROM "User" WHERE role = 'ADMIN' ORDER BY "createdAt" DESC LIMIT 1`,
  )
  return admins.rows[0]?.id
}

/** The batch once its commit (run by the import worker) is done, polled every 200 ms, logged every 30 s. */
async function committed(setting: BulkIntakeSetting, id: string) {
  let batch: { status: string; committedCount: number; refusedCount: number } = {
    status: '',
    committedCount: 0,
    refusedCount: 0,
  }
  let lastLog = performance.now()
  while (batch.status !== 'COMMITTED') {
    await new Promise((resolve) => setTimeout(resolve, 200))
    batch = (await setting.graphql(statusQuery, { id })).node
    if (performance.now() - lastLog > 30_000) {
      lastLog = performance.now()
      log(`import: ${batch.committedCount} in, ${batch.refusedCount} refused so far`)
    }
  }
  return batch
}

/**
 * What a household of three and a person alone cost, as the API prices them: the preview's first rows
 * (the file's first household, then a person alone), for the plain SQL to write.
 */
function pricingOf(rows: { payable: number }[]): Map<string, number[]> {
  const [head, spouse, child, alone] = rows
  return new Map([
    ['household', [head?.payable ?? 0, spouse?.payable ?? 0, child?.payable ?? 0]],
    ['alone', [alone?.payable ?? 0]],
  ])
}

/** The file posted to the API and its preview read, each timed, with the API's RSS peak by its end. */
async function uploadAndPreview(
  setting: BulkIntakeSetting,
  query: URLSearchParams,
  bytes: Buffer,
  sampler: ReturnType<typeof rssSampler>,
) {
  const started = performance.now()
  const uploaded = await postImport(setting.apiPort, query, setting.adminCookie, bytes)
  if (uploaded.status !== 201)
    throw new Error(`POST /imports: ${uploaded.status} ${JSON.stringify(uploaded.body)}`)
  const uploadMs = performance.now() - started
  const uploadPeakMb = sampler.peak()
  const previewed = (await setting.graphql(batchQuery, { id: uploaded.body.id })).node
  const previewMs = performance.now() - started - uploadMs
  const previewPeakMb = sampler.peak()
  const preview = previewed.preview
  log(
    `import: uploaded in ${(uploadMs / 1000).toFixed(1)} s, previewed in ${(previewMs / 1000).toFixed(1)} s: ${preview.validCount} valid, ${preview.invalidCount} refused (${preview.duplicateCount} repeated), ${preview.onFileCount} on file, ${preview.totals[0]?.households} households`,
  )
  return { uploaded, uploadMs, uploadPeakMb, preview, previewMs, previewPeakMb }
}

export async function benchImport(setting: BulkIntakeSetting): Promise<OnceRow[]> {
  const { sql, campaign, center } = setting
  const on = campaign.startDate.toISOString().slice(0, 10)
  const wardCode = center.wardCode ?? ''
  const file = await importFile(sql, wardCode)
  log(
    `import: ${importFormat === 'CSV' ? 'a CSV' : 'an XLSX'} of ${importRows.toLocaleString('en')} rows (${(file.bytes.byteLength / 2 ** 20).toFixed(1)} MB): ${file.valids.length.toLocaleString('en')} valid in ${file.households.toLocaleString('en')} households of three and people alone, ${file.refused.toLocaleString('en')} refused, ${file.repeated.toLocaleString('en')} repeated`,
  )
  const actorId = await latestAdminId(sql)
  const query = new URLSearchParams({
    campaign: campaign.code,
    center: center.code,
    product: 'HOUSEHOLD_HEALTH_INSURANCE',
    months: '12',
    on,
    fileName: `danh-sach-${Date.now()}.${importFormat.toLowerCase()}`,
  })
  // The API first, up to its preview, to read the prices the plain SQL writes; its commit after the SQL.
  const sampler = rssSampler(setting.apiPid)
  const before = await tableCounts(sql)
  const { uploaded, uploadMs, uploadPeakMb, preview, previewMs, previewPeakMb } = await uploadAndPreview(
    setting,
    query,
    file.bytes,
    sampler,
  )
  const pricing = pricingOf(preview.rows)

  const plain = await timedRolledBack(sql, (client) =>
    importSql(client, setting, file.valids, { actorId: actorId ?? '', on, wardCode, pricing }),
  )
  log(`import, plain SQL: ${(plain.ms / 1000).toFixed(2)} s; wrote ${plain.rows}`)

  const commitStarted = performance.now()
  const committing = await setting.graphql(commitMutation, { input: { batch: uploaded.body.id } })
  if (committing.commitImportBatch.__typename !== 'ImportBatchPayload') {
    throw new Error(`commitImportBatch: ${JSON.stringify(committing.commitImportBatch)}`)
  }
  const batch = await committed(setting, uploaded.body.id)
  const commitMs = performance.now() - commitStarted
  const rssPeakMb = sampler.stop()
  const apiMs = uploadMs + previewMs + commitMs
  const apiRows = written(before, await tableCounts(sql))
  log(
    `import, API: upload ${(uploadMs / 1000).toFixed(1)} s + preview ${(previewMs / 1000).toFixed(1)} s + commit ${(commitMs / 1000).toFixed(1)} s; ${batch.committedCount} in, ${batch.refusedCount} refused; wrote ${apiRows}; RSS ${(sampler.start / 2 ** 20).toFixed(0)} MB before, peak ${uploadPeakMb.toFixed(0)} MB by the end of the upload, ${previewPeakMb.toFixed(0)} MB of the preview, ${rssPeakMb.toFixed(0)} MB in all`,
  )
  return [
    {
      name: `import ${importRows.toLocaleString('en')} ${importFormat} rows (upload + preview + commit)`,
      apiMs,
      sqlMs: plain.ms,
      ratioFloor: 5,
      rssPeakMb,
      rssFloorMb: 400,
      detail: `upload ${(uploadMs / 1000).toFixed(1)} s, preview ${(previewMs / 1000).toFixed(1)} s, commit ${(commitMs / 1000).toFixed(1)} s; API wrote ${apiRows}; SQL wrote ${plain.rows}`,
    },
  ]
}

// ── Bulk confirming payment ──────────────────────────────────────────────────

const register = `mutation ($input: RegisterEnrollmentInput!) { registerEnrollment(input: $input) {
  __typename ... on RegisterEnrollmentPayload { enrollment { id version } } ... on UserError { code message } } }`

/** `bulkRows` submitted enrollments registered through the API, eight at a time. */
async function registerSubmitted(setting: BulkIntakeSetting) {
  log(`bulk: registering ${bulkRows.toLocaleString('en')} submitted enrollments to confirm`)
  const selection: { id: string; version: number }[] = []
  let refused = 0
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (selection.length < bulkRows) {
        const data = await setting.graphql(register, { input: setting.registration() })
        if (data.registerEnrollment.__typename === 'RegisterEnrollmentPayload') {
          if (selection.length < bulkRows) selection.push(data.registerEnrollment.enrollment)
          continue
        }
        // A random citizen ID already on file (a database measured before) with another birth date: another.
        if (++refused > 50) throw new Error(`registerEnrollment: ${JSON.stringify(data.registerEnrollment)}`)
      }
    }),
  )
  return selection
}

/** What recordPayment writes for the enrollments `ids`, in plain SQL: the payment, the statuses, the audit. */
async function confirmPaymentSql(
  client: pg.PoolClient,
  {
    ids,
    centerId,
    paidOn,
    amount,
    actorId,
  }: { ids: string[]; centerId: string; paidOn: string; amount: number; actorId: string | undefined },
) {
  const now = new Date()
  // The coverage on file before (none here: new people), read for all at once.
  await client.query(
    `SELECT DISTINCT ON (e."personId") e."personId", e."coverageEnd" FROM "Enrollment" e
      WHERE e."personId" IN (SELECT "personId" FROM "Enrollment" WHERE id = ANY($1::uuid[]))
        AND NOT (e.id = ANY($1::uuid[])) AND e."coverageEnd" IS NOT NULL
      ORDER BY e."personId", e."coverageEnd" DESC`,
    [ids],
  )
  const payment = await client.query<{ id: string }>(
    `INSERT INTO "Payment" ("id", "centerId", "paidOn", amount, channel, "receiptNumber", "collectedById", settlement, "createdAt")
     VALUES (gen_random_uuid(), $1, $2, $3, 'CASH_AT_POST_OFFICE', $4, $5::uuid, 'FULL', $6) RETURNING id`,
    [centerId, paidOn, amount, `SQL-${Date.now()}`, actorId, now],
  )
  await client.query(
    `INSERT INTO "PaymentAllocation" ("paymentId", "enrollmentId", amount)
     SELECT $1::uuid, id, payable FROM "Enrollment" WHERE id = ANY($2::uuid[])`,
    [payment.rows[0]?.id, ids],
  )
  await upsertRollups(client, ids, -1)
  await client.query(
    `UPDATE "Enrollment" SET status = 'PAID', version = version + 1, "updatedAt" = $2, continuity = 'NEW',
       "coverageStart" = $3::date + 1, "coverageEnd" = $3::date + interval '12 months'
     WHERE id = ANY($1::uuid[])`,
    [ids, now, paidOn],
  )
  await client.query(
    `INSERT INTO "EnrollmentStatusChange" ("id", "enrollmentId", "fromStatus", "toStatus", "actorId", "at")
     SELECT gen_random_uuid(), id, 'SUBMITTED', 'PAID', $2::uuid, $3 FROM unnest($1::uuid[]) AS id`,
    [ids, actorId, now],
  )
  await client.query(
    `INSERT INTO "AuditEvent" ("id", "actorId", "action", "entityType", "entityId", "before", "after", "at")
     SELECT gen_random_uuid(), $2::uuid, 'enrollment.confirm_payment', 'Enrollment', e.id::text, to_jsonb(e), to_jsonb(e), $3::timestamp
       FROM "Enrollment" e WHERE e.id = ANY($1::uuid[])
     UNION ALL SELECT gen_random_uuid(), $2::uuid, 'payment.record', 'Payment', $4, NULL, '{}'::jsonb, $3::timestamp`,
    [ids, actorId, now, payment.rows[0]?.id],
  )
  await upsertRollups(client, ids, 1)
}

export async function benchBulk(setting: BulkIntakeSetting): Promise<OnceRow[]> {
  const { sql, campaign, center } = setting
  const selection = await registerSubmitted(setting)
  // What the console reads when its payment form opens: what is due on each, all in one `nodes` query
  // (one statement per type: readable-nodes.ts).
  const due = (await setting.graphql(
    `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Enrollment { id version due } } }`,
    { ids: selection.map((each) => each.id) },
  )) as { nodes: { id: string; version: number; due: number }[] }
  const amount = due.nodes.reduce((sum, node) => sum + node.due, 0)
  const paidOn = localDateInZone(new Date(), campaign.timeZone)
  const ids = (
    await sql.query<{ id: string }>(
      `SELECT id FROM "Enrollment" WHERE "registeredById" IS NOT NULL AND id = ANY($1::uuid[])`,
      [selection.map((each) => Buffer.from(each.id, 'base64').toString().replace(/^.*:/, ''))],
    )
  ).rows.map((row) => row.id)
  if (ids.length !== bulkRows) throw new Error(`bulk: ${ids.length} enrollments found of ${bulkRows}`)
  const actorId = await latestAdminId(sql)

  const plain = await timedRolledBack(sql, (client) =>
    confirmPaymentSql(client, { ids, centerId: center.id, paidOn, amount, actorId }),
  )
  log(`bulk, plain SQL: ${plain.ms.toFixed(0)} ms; wrote ${plain.rows}`)

  const recordPayment = `mutation ($input: RecordPaymentInput!) { recordPayment(input: $input) {
    __typename ... on RecordPaymentPayload { payment { id settlement } enrollments { id status version } }
    ... on UserError { code message } } }`
  const before = await tableCounts(sql)
  const started = performance.now()
  const recorded = await setting.graphql(recordPayment, {
    input: {
      enrollments: due.nodes.map(({ id, version }) => ({ id, version })),
      paidOn,
      amount,
      channel: 'CASH_AT_POST_OFFICE',
      receiptNumber: `BENCH-${Date.now()}`,
    },
  })
  const apiMs = performance.now() - started
  if (recorded.recordPayment.__typename !== 'RecordPaymentPayload') {
    throw new Error(`recordPayment: ${JSON.stringify(recorded.recordPayment)}`)
  }
  const paid = (recorded.recordPayment.enrollments as { status: string }[]).filter(
    (e) => e.status === 'PAID',
  ).length
  const apiRows = written(before, await tableCounts(sql))
  log(`bulk, API: ${apiMs.toFixed(0)} ms, ${paid} PAID; wrote ${apiRows}`)
  return [
    {
      name: `recordPayment for ${bulkRows.toLocaleString('en')} enrollments (bulk confirm)`,
      apiMs,
      sqlMs: plain.ms,
      ratioFloor: 3,
      detail: `${paid} PAID; API wrote ${apiRows}; SQL wrote ${plain.rows}`,
    },
  ]
}

export function printOnceRows(rows: OnceRow[]) {
  if (rows.length === 0) return
  console.log('')
  console.log('| bulk work, once | API s | SQL s | ratio | floor | met | API RSS peak MB | rows written |')
  console.log('|---|---:|---:|---:|---|---|---:|---|')
  for (const row of rows) {
    const ratio = row.apiMs / row.sqlMs
    const memoryMet = row.rssFloorMb === undefined || (row.rssPeakMb ?? 0) < row.rssFloorMb
    const floor = [`≤ ${row.ratioFloor}× SQL`, row.rssFloorMb ? `RSS < ${row.rssFloorMb} MB` : ''].filter(
      Boolean,
    )
    console.log(
      `| ${row.name} | ${(row.apiMs / 1000).toFixed(2)} | ${(row.sqlMs / 1000).toFixed(2)} | ${ratio.toFixed(1)} | ${floor.join(', ')} | ${ratio <= row.ratioFloor && memoryMet ? 'yes' : 'NO'} | ${row.rssPeakMb?.toFixed(0) ?? ''} | ${row.detail} |`,
    )
  }
}
