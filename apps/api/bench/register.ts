// `pnpm bench`'s registering part: registerEnrollment from 16 concurrent clients (people alone, and
// households of three), against the same registration written as plain SQL, with where the CPU went.

import { randomInt, randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import type { Campaign, Center } from '@tangtoc/db'
import { buildCitizenId, foldSearchKey, searchPrefixes } from '@tangtoc/shared'
import type pg from 'pg'
import { type BenchGraphql, log } from './common.ts'

export interface RegisterSetting {
  sql: pg.Pool
  campaign: Campaign
  center: Center
  campaignId: string
  centerId: string
  /** The clients' users, one each: agents of the center. */
  agents: { id: string }[]
  agentCookies: string[]
  graphql: BenchGraphql
  /** The API's process: its CPU time (and its workers') is read. */
  apiPid: number
  /** Reads the PostgreSQL server's activity (for this database's backends). */
  admin: <T>(run: (client: pg.Client) => Promise<T>) => Promise<T>
  databaseName: string
  concurrency: number
  registrations: number
}

export interface WriteRow {
  label: string
  perSecond: number
  failed: number
  cpu: string
  floor?: number
}

export type BenchPerson = ReturnType<ReturnType<typeof benchPeople>['person']>

export const registerMutation = `mutation ($input: RegisterEnrollmentInput!) {
  registerEnrollment(input: $input) { __typename ... on RegisterEnrollmentPayload { enrollment { id } } ... on UserError { code message } }
}`

/** New people, each with a citizen ID not given before in this run, and their registration input. */
export function benchPeople(setting: {
  campaign: Campaign
  center: Center
  campaignId: string
  centerId: string
}) {
  const serials = new Set<number>()
  const person = () => {
    let serial = randomInt(0, 999_999)
    while (serials.has(serial)) serial = randomInt(0, 999_999)
    serials.add(serial)
    // Born in Cà Mau (096), a day of 1960–2005: few demo people share the prefix, so a citizen ID is
    // rarely on file, even in a database benchmarked before (the ID encodes only the year).
    const dateOfBirth = new Date(Date.UTC(1960 + randomInt(0, 46), 0, 1 + randomInt(0, 365)))
      .toISOString()
      .slice(0, 10)
    return {
      fullName: 'Phạm Thị Bench',
      dateOfBirth,
      sex: 'FEMALE',
      citizenId: buildCitizenId({ provinceCode: '096', dateOfBirth, sex: 'FEMALE', serial }),
      phone: '0912 345 678',
      wardCode: setting.center.wardCode,
      address: '1 Công xã Paris',
    }
  }
  const registrationInput = () => ({
    campaign: setting.campaignId,
    center: setting.centerId,
    product: 'VOLUNTARY_SOCIAL_INSURANCE',
    // A period that begins within the seeded campaign, whatever today is.
    on: setting.campaign.startDate.toISOString().slice(0, 10),
    person: person(),
    months: 1,
    monthlyIncome: 1_500_000,
    status: 'SUBMITTED',
  })
  return { person, registrationInput }
}

/** People alone and households of three through the API, then people alone as plain SQL. */
export async function benchRegister(
  setting: RegisterSetting,
  people: ReturnType<typeof benchPeople>,
): Promise<WriteRow[]> {
  const { graphql, agentCookies, registrations } = setting
  for (let i = 0; i < 50; i++)
    await graphql(registerMutation, { input: people.registrationInput() }, agentCookies[0])
  const writes: WriteRow[] = []
  const alone = await registerThrough(setting, 'registerEnrollment', registrations, () => ({
    input: people.registrationInput(),
  }))
  writes.push({ ...alone, label: 'registerEnrollment (API)', floor: 300 })
  // Households of three in one registration each (a transaction: three people, one household, three
  // enrollments), a third as many, so as many participants as above; per second counts participants.
  const households = await registerThrough(
    setting,
    'registerEnrollment, households of three',
    Math.ceil(registrations / 3),
    () => {
      const members = [people.person(), people.person(), people.person()].map((each, index) => ({
        person: each,
        isHead: index === 0,
      }))
      return {
        input: {
          ...people.registrationInput(),
          product: 'HOUSEHOLD_HEALTH_INSURANCE',
          monthlyIncome: null,
          months: 12,
          person: members[0]?.person,
          householdMembers: members,
        },
      }
    },
  )
  writes.push({
    ...households,
    label: 'registerEnrollment, households of three (API): participants (CPU per household)',
    perSecond: households.perSecond * 3,
    // A household costs about three people alone and a transaction's round trips: its own floor.
    floor: 100,
  })
  writes.push(
    await throughput(setting, 'plain SQL registration', registrations, (client) =>
      registerAsPlainSql(setting, people.person(), setting.agents[client]?.id),
    ),
  )
  return writes
}

/** registerEnrollment with each client's agent, logging the first refusal. */
async function registerThrough(
  setting: RegisterSetting,
  label: string,
  total: number,
  variables: () => Record<string, unknown>,
) {
  let firstError = ''
  const row = await throughput(setting, label, total, async (client) => {
    const data = await setting.graphql(registerMutation, variables(), setting.agentCookies[client])
    const ok = data.registerEnrollment.__typename === 'RegisterEnrollmentPayload'
    if (!ok && !firstError) firstError = JSON.stringify(data.registerEnrollment)
    return ok
  })
  if (firstError) log(`a refused ${label}: ${firstError}`)
  return row
}

/** The least a registration writes: person, enrollment, status change, audit and the rollups, one transaction. */
export async function registerAsPlainSql(
  { sql, campaign, center }: Pick<RegisterSetting, 'sql' | 'campaign' | 'center'>,
  p: BenchPerson,
  agentId: string | undefined,
): Promise<boolean> {
  const connection = await sql.connect()
  try {
    const prefixes = searchPrefixes(p.fullName)
    const today = new Date().toISOString().slice(0, 10)
    await connection.query('BEGIN')
    const personId = randomUUID()
    await connection.query(
      `INSERT INTO "Person" (id, "fullName", "citizenId", "dateOfBirth", sex, phone, "searchKey", "searchPrefixes", "updatedAt")
     VALUES ($1, $2, $3, $4, 'FEMALE', '+84912345678', $5, $6, now())`,
      [personId, p.fullName, p.citizenId, p.dateOfBirth, foldSearchKey(p.fullName), prefixes],
    )
    const enrollmentId = randomUUID()
    await connection.query(
      `INSERT INTO "Enrollment" (id, "campaignId", "centerId", "registeredById", product, "personId", "quoteDate", months,
       "monthlyIncome", gross, support, payable, "periodStart", "periodEnd", status, "registeredOn", "updatedAt", "searchPrefixes")
     VALUES ($1, $2, $3, $4, 'VOLUNTARY_SOCIAL_INSURANCE', $5, $6, 1, 1500000, 330000, 0, 330000, $6, $6, 'SUBMITTED', $6, now(), $7)`,
      [enrollmentId, campaign.id, center.id, agentId, personId, today, prefixes],
    )
    await connection.query(
      `INSERT INTO "EnrollmentStatusChange" (id, "enrollmentId", "toStatus", "actorId") VALUES ($1, $2, 'SUBMITTED', $3)`,
      [randomUUID(), enrollmentId, agentId],
    )
    await connection.query(
      `INSERT INTO "AuditEvent" (id, "actorId", action, "entityType", "entityId", after) VALUES ($1, $2, 'enrollment.register', 'Enrollment', $3, '{}')`,
      [randomUUID(), agentId, enrollmentId],
    )
    await connection.query(
      `WITH daily AS (
        INSERT INTO "EnrollmentDailyCount" ("campaignId", "centerId", product, status, day, count)
        VALUES ($1, $2, 'VOLUNTARY_SOCIAL_INSURANCE', 'SUBMITTED', $3, 1)
        ON CONFLICT ("campaignId", "centerId", product, status, day, continuity) DO UPDATE SET count = "EnrollmentDailyCount".count + 1),
      segment AS (
        INSERT INTO "EnrollmentSegmentCount" ("campaignId", "centerId", product, status, day, "occupationGroup", "sessionKind", count)
        VALUES ($1, $2, 'VOLUNTARY_SOCIAL_INSURANCE', 'SUBMITTED', $3, '', '', 1)
        ON CONFLICT ("campaignId", "centerId", product, status, day, "occupationGroup", "sessionKind", continuity)
        DO UPDATE SET count = "EnrollmentSegmentCount".count + 1
        RETURNING 1)
      INSERT INTO "EnrollmentSegmentTotal" ("campaignId", "centerId", product, status, "occupationGroup", "sessionKind", count)
      SELECT $1::uuid, $2::uuid, 'VOLUNTARY_SOCIAL_INSURANCE'::"Product", 'SUBMITTED'::"EnrollmentStatus", '', '', 1
       WHERE (SELECT count(*) FROM segment) >= 0
      ON CONFLICT ("campaignId", "centerId", product, status, "occupationGroup", "sessionKind", continuity)
      DO UPDATE SET count = "EnrollmentSegmentTotal".count + 1`,
      [campaign.id, center.id, today],
    )
    await connection.query('COMMIT')
    return true
  } catch {
    await connection.query('ROLLBACK')
    return false
  } finally {
    connection.release()
  }
}

/** `total` calls of `once` shared among the clients: per second, failures and CPU per row. */
async function throughput(
  setting: RegisterSetting,
  label: string,
  total: number,
  once: (client: number) => Promise<boolean>,
): Promise<WriteRow> {
  let next = 0
  let failed = 0
  const cpuBefore = await cpuNow(setting)
  const started = performance.now()
  await Promise.all(
    Array.from({ length: setting.concurrency }, async (_, client) => {
      while (next < total) {
        next++
        if (!(await once(client))) failed++
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  const used = cpuUsed(cpuBefore, await cpuNow(setting))
  const perRow = (key: keyof typeof used) => (used[key] / total).toFixed(2)
  // The check on the accounting: what the three used together, in cores over the run, lies between 0
  // and the machine's cores (a backend counted twice, or its past taken off, would show here).
  const cores = (used.api + used.database + used.clients) / (seconds * 1000)
  const cpu = `CPU ms per row: API ${perRow('api')}, database ${perRow('database')}, clients ${perRow('clients')}; ${cores.toFixed(2)} of ${availableParallelism()} cores`
  return { label, perSecond: (total - failed) / seconds, failed, cpu }
}

// CPU time by whom (Linux /proc): the API's processes, this database's PostgreSQL backends, and
// these clients. The backends are read one by one and only a backend's own growth is added: the
// server may be shared (other databases' backends are not this run's work), and a backend that
// ended meanwhile (a pool's idle connection) must not take its whole past off the sum.
export async function backendsCpu({ admin, databaseName }: Pick<RegisterSetting, 'admin' | 'databaseName'>) {
  const backends = await admin((client) =>
    client.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [databaseName],
    ),
  )
  return new Map(backends.rows.map((row) => [row.pid, processCpuMs(row.pid)]))
}

async function cpuNow(setting: RegisterSetting) {
  return {
    api: setting.apiPid ? processTreeCpuMs(setting.apiPid) : 0,
    backends: await backendsCpu(setting),
    clients: (({ user, system }) => (user + system) / 1000)(process.cpuUsage()),
  }
}

/** CPU ms used between two readings: by the API, the database (backends that lived on, and new ones) and the clients. */
function cpuUsed(before: Awaited<ReturnType<typeof cpuNow>>, after: typeof before) {
  return {
    api: after.api - before.api,
    database: backendsGrowth(before.backends, after.backends),
    clients: after.clients - before.clients,
  }
}

/** The CPU ms the backends used between two readings (backendsCpu): each one's own growth. */
export function backendsGrowth(before: Map<number, number>, after: Map<number, number>): number {
  return [...after].reduce((total, [pid, ms]) => total + Math.max(0, ms - (before.get(pid) ?? 0)), 0)
}

const clockTicksPerMs = 100 / 1000 // USER_HZ, 100 on Linux

/** A process's CPU time so far (user + system), ms; 0 when it is gone or /proc is not there. */
function processCpuMs(pid: number): number {
  try {
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
    return (Number(fields[11]) + Number(fields[12])) / clockTicksPerMs
  } catch {
    return 0
  }
}

/** The CPU time of a process and its descendants (the API's workers), ms. */
function processTreeCpuMs(pid: number): number {
  let children: number[] = []
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .split(' ')
      .filter(Boolean)
      .map(Number)
  } catch {
    // No /proc: nothing to add.
  }
  return processCpuMs(pid) + children.reduce((total, child) => total + processTreeCpuMs(child), 0)
}
