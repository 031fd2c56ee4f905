import type { PrismaClient } from '@tangtoc/db'
import { createCampaign, createCenter, createRolledUpEnrollment, createUser } from '@tangtoc/db/fixtures'
import ExcelJS from 'exceljs'
import { createPubSub } from 'graphql-yoga'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { killWhenStuck } from '../../../test/api-process.ts'
import { downloadCsv, parseCsv } from '../../../test/csv.ts'
import {
  type ApiHarness,
  type Credentials,
  createApiHarness,
  jobDependencies,
} from '../../../test/harness.ts'
import { InstanceCaches } from '../../caches.ts'
import { createLogger } from '../../logger.ts'
import type { ApiEvents } from '../../pubsub.ts'
import { defaultSecuritySettings } from '../../settings.ts'
import { createImportQueue, scheduledJobId } from '../imports/jobs.ts'
import {
  exportCleanupJobKind,
  exportCleanupJobName,
  exportJobKind,
  exportKeptMs,
  exportRunDefaults,
  writeExport,
} from './export-job.ts'

let api: ApiHarness
/** The same API, queuing any export of more than 2 rows. */
let queuing: ReturnType<ApiHarness['yogaWith']>
beforeAll(async () => {
  api = await createApiHarness()
  queuing = api.yogaWith({}, { exportJobRows: 2 })
})
afterAll(async () => {
  await queuing.dispose()
  await api.close()
})

function fetchAs(yoga: typeof queuing, path: string, credentials: Credentials) {
  const headers: Record<string, string> = {}
  if (credentials && 'cookie' in credentials) headers.cookie = credentials.cookie
  return yoga.fetch(`http://tangtoc.test${path}`, { headers })
}

type Queued = { id: string; status: string; rowCount: number; writtenRows: number; url: string }

/** Asks the queuing API for an export: 202 and the queued export, then its file once ready. */
async function queuedDownload(path: string, credentials: Credentials) {
  const asked = await fetchAs(queuing, path, credentials)
  expect(asked.status).toBe(202)
  const queued = (await asked.json()) as Queued
  expect(asked.headers.get('location')).toBe(queued.url)
  for (let attempt = 0; attempt < 100; attempt++) {
    const response = await fetchAs(queuing, queued.url, credentials)
    if (response.status !== 202) {
      return { queued, response, bytes: new Uint8Array(await response.arrayBuffer()) }
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('the export was not ready within 10 s')
}

async function xlsxRows(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes.buffer as ArrayBuffer)
  const rows: unknown[][] = []
  workbook.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
  return rows
}

async function twoCentersEnrolled() {
  const root = await createCenter(api.prisma)
  const a = await createCenter(api.prisma, { parent: root })
  const b = await createCenter(api.prisma, { parent: root })
  const campaign = await createCampaign(api.prisma, { organizers: [root], centers: [a, b] })
  const agent = await createUser(api.prisma, { role: 'AGENT', center: a })
  for (const [center, fullName] of [
    [a, 'Nguyễn "Út" Văn, Em'],
    [a, 'Trần Thị Bé'],
    [a, '=Lê Văn A'],
    [b, 'Phạm Văn Chợ'],
  ] as const) {
    await createRolledUpEnrollment(api.prisma, { campaign, center, registeredBy: agent, fullName })
  }
  return { campaign, root, a, b }
}

describe('an export of more rows than are streamed at once', () => {
  it('is written by a job, and its file equals the direct export, masked alike for a viewer', async () => {
    const { campaign, root } = await twoCentersEnrolled()
    const viewer = await api.userWithRole('VIEWER', root)
    for (const format of ['csv', 'xlsx'] as const) {
      const path = `/exports/enrollments.${format}?campaign=${campaign.code}`
      const direct = await downloadCsv(api, path, viewer.credentials)
      expect(direct.response.status).toBe(200)
      const { queued, response, bytes } = await queuedDownload(path, viewer.credentials)
      expect(queued).toMatchObject({ status: 'PENDING', rowCount: 4 })
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe(direct.response.headers.get('content-type'))
      expect(response.headers.get('content-disposition')).toBe(
        direct.response.headers.get('content-disposition'),
      )
      if (format === 'csv') {
        expect(Buffer.from(bytes).equals(Buffer.from(direct.bytes))).toBe(true)
        expect(parseCsv(direct.text)).toHaveLength(5)
      } else {
        const rows = await xlsxRows(bytes)
        expect(rows).toEqual(await xlsxRows(direct.bytes))
        expect(rows).toHaveLength(5)
      }
    }
    const { data } = await api.graphql<{ exports: { status: string; writtenRows: number }[] }>(
      '{ exports { fileName status rowCount writtenRows downloadPath } }',
      {},
      viewer.credentials,
    )
    expect(data?.exports.map((each) => [each.status, each.writtenRows])).toEqual([
      ['READY', 4],
      ['READY', 4],
    ])
    const audit = await api.prisma.auditEvent.findMany({
      where: { actorId: viewer.user.id, action: 'export.download' },
    })
    // Direct and queued alike: one line each, with the rows and the masking.
    expect(audit).toHaveLength(4)
    expect(audit.every((event) => (event.after as { masked: boolean }).masked)).toBe(true)
  })

  it('covers its user’s own center, and no one else can download or list it', async () => {
    const { campaign, a, b } = await twoCentersEnrolled()
    const managerA = await api.userWithRole('CENTER_MANAGER', a)
    const managerB = await api.userWithRole('CENTER_MANAGER', b)
    const otherAtA = await api.userWithRole('CENTER_MANAGER', a)
    const { queued, response, bytes } = await queuedDownload(
      `/exports/enrollments.csv?campaign=${campaign.code}`,
      managerA.credentials,
    )
    expect(queued.rowCount).toBe(3)
    const names = parseCsv(new TextDecoder().decode(bytes))
      .slice(1)
      .map((row) => row[6])
    expect(response.status).toBe(200)
    expect(names.sort()).toEqual(["'=Lê Văn A", 'Nguyễn "Út" Văn, Em', 'Trần Thị Bé'])
    for (const someoneElse of [managerB, otherAtA]) {
      const refused = await fetchAs(queuing, queued.url, someoneElse.credentials)
      expect(refused.status).toBe(404)
      const { data } = await api.graphql<{ exports: unknown[] }>(
        '{ exports { fileName } }',
        {},
        someoneElse.credentials,
      )
      expect(data?.exports).toEqual([])
    }
    expect((await fetchAs(queuing, queued.url, null)).status).toBe(401)
  })

  it('sends a browser that followed a link to the console’s list of exports', async () => {
    const { campaign, a } = await twoCentersEnrolled()
    const manager = await api.userWithRole('CENTER_MANAGER', a)
    const response = await queuing.fetch(
      `http://tangtoc.test/exports/enrollments.xlsx?campaign=${campaign.code}`,
      {
        headers: { cookie: manager.credentials.cookie, 'sec-fetch-mode': 'navigate' },
      },
    )
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/exports')
  })

  it('stays a direct download at or under the threshold', async () => {
    const { campaign, b } = await twoCentersEnrolled()
    const managerB = await api.userWithRole('CENTER_MANAGER', b)
    const response = await fetchAs(
      queuing,
      `/exports/enrollments.csv?campaign=${campaign.code}`,
      managerB.credentials,
    )
    expect(response.status).toBe(200)
    expect(parseCsv(await response.text())).toHaveLength(2)
  })
})

describe('exports past their day', () => {
  const onPostgres = Boolean(process.env.TEST_DATABASE_URL)

  it('are deleted by the scheduled clean-up job, which an instance also sends when it starts, with no new export asked for', async () => {
    const root = await createCenter(api.prisma)
    const user = await createUser(api.prisma, { role: 'CENTER_MANAGER', center: root })
    const exportOf = (fileName: string, createdAt: Date) =>
      api.prisma.export.create({
        data: {
          path: '/exports/enrollments.csv',
          query: '',
          fileName,
          rowCount: 1,
          status: 'READY',
          requestedById: user.id,
          createdAt,
          parts: { create: { seq: 0, bytes: Buffer.from('Họ và tên\r\n') } },
        },
      })
    const expired = await exportOf('cu.csv', new Date(Date.now() - exportKeptMs - 60_000))
    const fresh = await exportOf('moi.csv', new Date(Date.now() - exportKeptMs + 3_600_000))
    // A new instance: on PostgreSQL on pg-boss, else in-process.
    const instance = api.yogaWith({}, onPostgres ? { jobsDatabaseUrl: api.url } : {})
    try {
      await expect
        .poll(() => api.prisma.export.count({ where: { id: expired.id } }), { timeout: 20_000 })
        .toBe(0)
      expect(await api.prisma.exportPart.count({ where: { exportId: expired.id } })).toBe(0)
      expect(await api.prisma.export.count({ where: { id: fresh.id } })).toBe(1)
      if (onPostgres) {
        // pg-boss keeps the schedule in the database: one job an hour for all the instances.
        const schedules = await api.prisma.$queryRaw<{ name: string; cron: string }[]>`
          SELECT name, cron FROM pgboss.schedule WHERE name = ${exportCleanupJobName}`
        expect(schedules).toEqual([{ name: exportCleanupJobName, cron: '* * * * *' }])
      }
    } finally {
      await instance.dispose()
    }
  }, 30_000)

  it.skipIf(onPostgres)(
    'on the embedded database a timer sends a scheduled job every interval, until the queue closes',
    async () => {
      const runs: string[] = []
      const queue = createImportQueue(
        {
          prisma: api.prisma,
          pubsub: createPubSub<ApiEvents>(),
          caches: new InstanceCaches(),
          settings: defaultSecuritySettings,
          logger: createLogger({ level: 'silent' }),
        },
        new InstanceCaches(),
        {
          kinds: [
            {
              name: 'tick',
              run: async (id) => {
                runs.push(id)
              },
              schedule: { cron: '* * * * *', everyMs: 20 },
            },
          ],
        },
      )
      await expect.poll(() => runs.length, { timeout: 5_000 }).toBeGreaterThanOrEqual(3)
      await queue.close()
      const ran = runs.length
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect(runs.length).toBe(ran)
      expect(new Set(runs)).toEqual(new Set([scheduledJobId]))
    },
  )
})

/** An export of the campaign's enrollments as CSV, queued for the user but not sent to any queue. */
async function pendingExport(
  requestedById: string,
  campaignCode: string,
  data: { attempt?: number; heartbeatAt?: Date } = {},
) {
  return api.prisma.export.create({
    data: {
      path: '/exports/enrollments.csv',
      query: `campaign=${campaignCode}`,
      fileName: 'ho-so.csv',
      rowCount: 4,
      requestedById,
      ...data,
    },
  })
}

/** The export's file as its parts hold it, and whether the parts are numbered from 0 without a gap. */
/** A center manager's campaign of four enrollments, its CSV as downloaded directly, and its export queued. */
async function queuedBesideDirect(data?: Parameters<typeof pendingExport>[2]) {
  const { campaign, root } = await twoCentersEnrolled()
  const manager = await api.userWithRole('CENTER_MANAGER', root)
  const path = `/exports/enrollments.csv?campaign=${campaign.code}`
  const direct = await downloadCsv(api, path, manager.credentials)
  const queued = await pendingExport(manager.user.id, campaign.code, data)
  return { manager, direct, queued }
}

async function partsOf(exportId: string) {
  const parts = await api.prisma.exportPart.findMany({ where: { exportId }, orderBy: { seq: 'asc' } })
  return {
    bytes: Buffer.concat(parts.map((part) => part.bytes)),
    numbered: parts.every((part, index) => part.seq === index),
  }
}

/**
 * The export was written once more, whole, by its second run: READY with its 4 rows and no failure, its
 * parts numbered from 0 and together the very bytes of the direct download.
 */
async function expectWrittenAgainWhole(exportId: string, direct: { bytes: Uint8Array }) {
  expect(await api.prisma.export.findUniqueOrThrow({ where: { id: exportId } })).toMatchObject({
    attempt: 2,
    status: 'READY',
    writtenRows: 4,
    failure: null,
  })
  const { bytes, numbered } = await partsOf(exportId)
  expect(numbered).toBe(true)
  expect(bytes.equals(Buffer.from(direct.bytes))).toBe(true)
}

/** A client whose `$transaction` waits for `gate` once the export has a part: a run frozen mid-file. */
function frozenAfterFirstPart(
  prisma: PrismaClient,
  exportId: string,
  gate: Promise<void>,
  frozen: () => void,
) {
  return new Proxy(prisma, {
    get(target, property) {
      const value = Reflect.get(target, property, target)
      if (property === '$transaction' && typeof value === 'function') {
        return async (...args: unknown[]) => {
          if ((await target.exportPart.count({ where: { exportId } })) > 0) {
            frozen()
            await gate
          }
          return value.apply(target, args)
        }
      }
      return typeof value === 'function' ? value.bind(target) : value
    },
  }) as PrismaClient
}

const aMinuteAgo = () => new Date(Date.now() - 2 * exportRunDefaults.staleMs)

describe('an export whose run stopped', () => {
  it('is written again from its start by the clean-up job, under its next attempt', async () => {
    // What a run left when its instance died: a beat long past and a part of a file.
    const {
      manager,
      direct,
      queued: stalled,
    } = await queuedBesideDirect({ attempt: 1, heartbeatAt: aMinuteAgo() })
    await api.prisma.exportPart.create({
      data: { exportId: stalled.id, seq: 0, bytes: Buffer.from('Mã hồ sơ,') },
    })
    await api.prisma.exportPart.create({
      data: { exportId: stalled.id, seq: 1, bytes: Buffer.from('Chiến') },
    })
    expect((await fetchAs(queuing, `/exports/files/${stalled.id}`, manager.credentials)).status).toBe(202)
    const deps = jobDependencies(api.prisma)
    const queue = createImportQueue(deps, deps.caches, { kinds: [exportJobKind(deps)] })
    try {
      await exportCleanupJobKind(deps).run(scheduledJobId)
      await expect
        .poll(async () => (await api.prisma.export.findUniqueOrThrow({ where: { id: stalled.id } })).status)
        .toBe('READY')
    } finally {
      await queue.close()
    }
    await expectWrittenAgainWhole(stalled.id, direct)
    const served = await fetchAs(queuing, `/exports/files/${stalled.id}`, manager.credentials)
    expect(Buffer.from(await served.arrayBuffer()).equals(Buffer.from(direct.bytes))).toBe(true)
  })

  it('that was taken over while frozen writes nothing more when it wakes, and does not fail the export', async () => {
    const { direct, queued } = await queuedBesideDirect()
    const parts = { ...exportRunDefaults, partBytes: 1 }
    let thaw = () => {}
    const gate = new Promise<void>((resolve) => {
      thaw = resolve
    })
    let frozen = () => {}
    const isFrozen = new Promise<void>((resolve) => {
      frozen = resolve
    })
    const first = writeExport(
      jobDependencies(frozenAfterFirstPart(api.prisma, queued.id, gate, frozen)),
      queued.id,
      parts,
    )
    await isFrozen
    // While its beat is fresh, another run leaves the export alone.
    await writeExport(jobDependencies(api.prisma), queued.id, parts)
    expect(await api.prisma.export.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({
      attempt: 1,
      status: 'PENDING',
    })
    // Its beat a minute old, as if its instance had stopped: the next run takes it over and writes it whole.
    await api.prisma.export.update({ where: { id: queued.id }, data: { heartbeatAt: aMinuteAgo() } })
    await writeExport(jobDependencies(api.prisma), queued.id, parts)
    thaw()
    await first
    await expectWrittenAgainWhole(queued.id, direct)
  })

  it('fails with its reason once it has had its runs, and its download says why', async () => {
    const { campaign, root } = await twoCentersEnrolled()
    const manager = await api.userWithRole('CENTER_MANAGER', root)
    const stalled = await pendingExport(manager.user.id, campaign.code, {
      attempt: exportRunDefaults.maxAttempts,
      heartbeatAt: aMinuteAgo(),
    })
    await exportCleanupJobKind(jobDependencies(api.prisma)).run(scheduledJobId)
    const failed = await api.prisma.export.findUniqueOrThrow({ where: { id: stalled.id } })
    expect(failed.status).toBe('FAILED')
    const response = await fetchAs(queuing, `/exports/files/${stalled.id}`, manager.credentials)
    expect(response.status).toBe(409)
    expect((await response.text()).trim()).toBe(failed.failure)
    expect(failed.failure).toContain('Writing the file stopped 3 times: ask for it again.')
    expect(await api.prisma.exportPart.count({ where: { exportId: stalled.id } })).toBe(0)
    const { data } = await api.graphql<{ exports: { status: string; failure: string | null }[] }>(
      '{ exports { status failure } }',
      {},
      manager.credentials,
    )
    expect(data?.exports).toEqual([{ status: 'FAILED', failure: failed.failure }])
  })

  it('asked for by a user deactivated since fails with that reason, and writes no file', async () => {
    const { campaign, root } = await twoCentersEnrolled()
    const manager = await api.userWithRole('CENTER_MANAGER', root)
    const queued = await pendingExport(manager.user.id, campaign.code)
    await api.prisma.user.update({ where: { id: manager.user.id }, data: { active: false } })
    await writeExport(jobDependencies(api.prisma), queued.id)
    expect(await api.prisma.export.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({
      status: 'FAILED',
      attempt: 1,
      failure: 'Người yêu cầu tệp đã bị vô hiệu hóa. / The user who asked for it is deactivated.',
    })
    expect(await api.prisma.exportPart.count({ where: { exportId: queued.id } })).toBe(0)
  })

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'on PostgreSQL, when its instance is killed, is taken over by another within its stale time, long before its job expires',
    async () => {
      const { direct, queued } = await queuedBesideDirect()
      const fast = { heartbeatMs: 200, staleMs: 1_000, maxAttempts: 3, partBytes: 1 }
      let other: ReturnType<typeof createImportQueue> | undefined
      try {
        // A worker process that takes the export's job, writes its first part and is stuck before the
        // next: killed there, as a crash.
        const killedAt = await killWhenStuck('test/export-job-worker.ts', {
          DATABASE_URL: api.url,
          EXPORT_ID: queued.id,
          EXPORT_HEARTBEAT_MS: String(fast.heartbeatMs),
        })
        expect(await api.prisma.export.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({
          status: 'PENDING',
          attempt: 1,
        })
        expect(await api.prisma.exportPart.count({ where: { exportId: queued.id } })).toBe(1)
        // Its beat goes stale, then another instance starts: its clean-up job, sent at start, sends the export again.
        await expect
          .poll(async () => {
            const { heartbeatAt } = await api.prisma.export.findUniqueOrThrow({ where: { id: queued.id } })
            return Date.now() - (heartbeatAt?.getTime() ?? 0)
          })
          .toBeGreaterThan(fast.staleMs)
        const deps = jobDependencies(api.prisma)
        other = createImportQueue(deps, deps.caches, {
          databaseUrl: api.url,
          kinds: [exportJobKind(deps, fast), exportCleanupJobKind(deps, fast)],
        })
        const status = async () =>
          (await api.prisma.export.findUniqueOrThrow({ where: { id: queued.id } })).status
        await expect.poll(status, { timeout: 20_000, interval: 100 }).toBe('READY')
        console.info(`written ${((Date.now() - killedAt) / 1000).toFixed(1)} s after the kill`)
        await expectWrittenAgainWhole(queued.id, direct)
        // The dead instance's job is still active: nothing waited for its expiry.
        const jobs = await api.prisma.$queryRaw<{ state: string }[]>`
          SELECT state::text FROM pgboss.job WHERE name = 'export-file' AND data->>'id' = ${queued.id} ORDER BY created_on`
        expect(jobs.map((job) => job.state)).toEqual(['active', 'completed'])
      } finally {
        await other?.close()
      }
    },
    60_000,
  )
})
