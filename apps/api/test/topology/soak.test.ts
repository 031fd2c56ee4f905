// The soak test of the scaled-out topology (apps/api/topology/topology.sh, docs/scaling.md): clients
// register enrollments and record their payments through HAProxy, each request with an Idempotency-Key
// and retried with the same key until it is answered, while one API instance is killed and restarted,
// the replica is stopped and started, and Redis restarts. Then: every acknowledged write is there once,
// the rollups equal a recount, the only 5xx are the killed instance's cut connections, and a live
// progress subscriber that was on the killed instance has reconnected and shows the final count.
//
// Runs when TOPOLOGY_SOAK=1 against a topology that is up (`pnpm --filter @tangtoc/api topology up`):
//   SOAK_CLIENTS (default 4), SOAK_SECONDS (default 20), TOPOLOGY_DIR (default /tmp/tangtoc-topology).
// The figures are printed and written to $TOPOLOGY_DIR/soak-figures.json.
import { execFile } from 'node:child_process'
import { randomInt, randomUUID } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { promisify } from 'node:util'
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay'
import { createPrismaClient, type PrismaClient } from '@tangtoc/db'
import { createCampaign, createCenter, createUser } from '@tangtoc/db/fixtures'
import { buildCitizenId } from '@tangtoc/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { percentilesOf, signIn } from '../../bench/common.ts'
import type { OperationData } from '../graphql-data.ts'

const run = promisify(execFile)
const enabled = process.env.TOPOLOGY_SOAK === '1'
const clients = Number(process.env.SOAK_CLIENTS ?? 4)
const seconds = Number(process.env.SOAK_SECONDS ?? 20)
const topologyDir = process.env.TOPOLOGY_DIR ?? '/tmp/tangtoc-topology'
const script = new URL('../../topology/topology.sh', import.meta.url).pathname

/** The topology's addresses, as `topology up` wrote them. */
function topologyEnvironment(): Record<string, string> {
  const text = readFileSync(`${topologyDir}/topology.env`, 'utf8')
  return Object.fromEntries(
    text
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  )
}

const topology = (...args: string[]) => run('bash', [script, ...args], { env: process.env })
/** The database id of a global id (ConflictError.existingId may be either). */
const databaseId = (id: string) => (/^[0-9a-f-]{36}$/.test(id) ? id : decodeGlobalID(id).id)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
/** How long Redis stays down in its fault. */
const redisDownMs = 4_000
/** Today in the campaign's time zone, YYYY-MM-DD. */
const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10)
const dayOffset = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)

const registerEnrollment = `mutation Register($input: RegisterEnrollmentInput!) {
  registerEnrollment(input: $input) {
    __typename
    ... on RegisterEnrollmentPayload { registration { id payable } enrollment { id } }
    ... on ConflictError { existingId message }
    ... on UserError { code message }
  }
}`
const recordPayment = `mutation Pay($input: RecordPaymentInput!) {
  recordPayment(input: $input) {
    __typename
    ... on RecordPaymentPayload { payment { id } }
    ... on ValidationError { fieldErrors { path code message } }
    ... on ConflictError { existingId message }
    ... on UserError { code message }
  }
}`
const listEnrollments = `query List($filter: EnrollmentFilter) {
  enrollments(filter: $filter, first: 20) { totalCount edges { node { id status } } }
}`
const progressChanged = `subscription Progress($campaign: ID!) { campaignProgressChanged(campaign: $campaign) { enrolled } }`

/** What the soak saw of one kind of request. */
class Tally {
  requests = 0
  retries = 0
  times: number[] = []
  /** Status (or 'network') → how many, for answers that were not a 200. */
  failures: Record<string, number> = {}
  /** INTERNAL_SERVER_ERROR and other unexpected GraphQL errors in a 200. */
  graphqlErrors = 0
}

/** When each fault began: a 5xx or a cut connection within a few seconds of an API kill is expected. */
const kills: number[] = []
const unexpected5xx: string[] = []

type Answer = {
  data?: OperationData | null
  errors?: { message: string; extensions?: { code?: string } }[]
}

/**
 * Sends one GraphQL request through HAProxy until it is answered: a cut connection, a 5xx or "still
 * running" is retried with the same Idempotency-Key (a mutation) after a short pause.
 */
async function send(
  base: string,
  tally: Tally,
  cookie: string,
  query: string,
  variables: Record<string, unknown>,
  key?: string,
  giveUpAt = Number.POSITIVE_INFINITY,
): Promise<Answer | null> {
  for (let attempt = 0; ; attempt++) {
    if (attempt > 0) {
      tally.retries++
      if (Date.now() > giveUpAt) return null
      await sleep(Math.min(1_000, 100 * attempt))
    }
    tally.requests++
    const started = performance.now()
    let status: string
    try {
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json',
          'x-graphql-yoga-csrf': '1',
          cookie,
          ...(key ? { 'idempotency-key': key } : {}),
        },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(30_000),
      })
      const body = (await response.json().catch(() => null)) as Answer | null
      tally.times.push(performance.now() - started)
      if (response.ok && body) {
        const codes = (body.errors ?? []).map((error) => error.extensions?.code)
        if (codes.includes('CONFLICT') && key) continue // the first run is still running
        if (codes.length > 0) {
          tally.graphqlErrors++
          continue
        }
        return body
      }
      status = String(response.status)
    } catch (error) {
      status = 'network'
      void error
    }
    tally.failures[status] = (tally.failures[status] ?? 0) + 1
    const now = Date.now()
    if (!kills.some((at) => now >= at && now - at < 10_000))
      unexpected5xx.push(`${status} at ${new Date(now).toISOString()}`)
  }
}

/** A live progress subscriber through HAProxy that reconnects whenever its stream ends. */
function progressSubscriber(base: string, cookie: string, campaign: string) {
  const state = {
    latest: -1,
    servedBy: '',
    connections: 0,
    /** Milliseconds from a reconnection to its first event (the current progress). */
    resumeMs: [] as number[],
    stop: new AbortController(),
  }
  void (async () => {
    while (!state.stop.signal.aborted) {
      const opened = performance.now()
      try {
        const response = await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'text/event-stream',
            'x-graphql-yoga-csrf': '1',
            cookie,
          },
          body: JSON.stringify({ query: progressChanged, variables: { campaign } }),
          signal: state.stop.signal,
        })
        if (!response.ok || !response.body) throw new Error(`status ${response.status}`)
        state.servedBy = response.headers.get('x-served-by') ?? ''
        state.connections++
        let buffer = ''
        let first = true
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
        for (let read = await reader.read(); !read.done; read = await reader.read()) {
          const chunk = read.value
          buffer += chunk
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const event = buffer.slice(0, end)
            buffer = buffer.slice(end + 2)
            const data = event.match(/^data: ?(.*)$/m)?.[1]
            if (!/^event: next/m.test(event) || !data) continue
            const enrolled = JSON.parse(data).data?.campaignProgressChanged?.enrolled
            if (typeof enrolled !== 'number') continue
            if (first && state.connections > 1) state.resumeMs.push(performance.now() - opened)
            first = false
            state.latest = enrolled
          }
        }
      } catch {
        // Cut with its instance, or stopped.
      }
      state.servedBy = ''
      if (!state.stop.signal.aborted) await sleep(200)
    }
  })()
  return state
}

describe.runIf(enabled)('the topology under faults', () => {
  let env: Record<string, string>
  let prisma: PrismaClient

  beforeAll(async () => {
    env = topologyEnvironment()
    prisma = createPrismaClient({ url: env.TOPOLOGY_DATABASE_URL })
    await topology('status')
  })
  afterAll(async () => {
    await prisma?.$disconnect()
  })

  it(
    `${clients} clients registering and paying for ${seconds} s through an instance kill, a replica stop and a Redis restart: nothing lost, nothing doubled`,
    async () => {
      const base = env.TOPOLOGY_URL as string
      const parent = await createCenter(prisma)
      const center = await createCenter(prisma, { parent })
      const campaign = await createCampaign(prisma, {
        centers: [center],
        organizers: [parent],
        startDate: dayOffset(-5),
        endDate: dayOffset(30),
      })
      const campaignId = encodeGlobalID('Campaign', campaign.id)
      const agents = await Promise.all(
        Array.from({ length: clients }, async () => {
          const user = await createUser(prisma, { role: 'AGENT', center })
          return signIn(prisma, user.id)
        }),
      )
      const manager = await signIn(
        prisma,
        (await createUser(prisma, { role: 'CENTER_MANAGER', center: parent })).id,
      )

      const tallies = { register: new Tally(), pay: new Tally(), list: new Tally() }
      // Unique citizen ids for this run: a birth date of its own, and a serial per registration.
      const dateOfBirth = `19${randomInt(60, 99)}-0${randomInt(1, 9)}-1${randomInt(0, 9)}`
      let serial = 0
      const acknowledged: { key: string; citizenId: string; enrollmentId: string }[] = []
      const unacknowledged: string[] = []
      const payments: { receiptNumber: string; paymentId: string; enrollmentId: string }[] = []
      const started = Date.now()
      const deadline = started + seconds * 1000
      // A request still unanswered this long after the deadline is given up (its write may or may not be there).
      const giveUpAt = deadline + 45_000

      const subscriber = progressSubscriber(base, manager, campaignId)
      let faultsDone = false

      /** Pays a registration with a receipt of its own, under a key of its own. */
      async function pay(
        cookie: string,
        registration: { id: string; payable: number },
        enrollmentId: string,
      ) {
        const receiptNumber = `SOAK-${randomUUID().slice(0, 12)}`
        const paid = await send(
          base,
          tallies.pay,
          cookie,
          recordPayment,
          {
            input: {
              registration: registration.id,
              amount: registration.payable,
              paidOn: today(),
              channel: 'CASH_AT_POST_OFFICE',
              receiptNumber,
            },
          },
          randomUUID(),
          giveUpAt,
        )
        const payment = paid?.data?.recordPayment
        if (!payment) return
        const paymentId =
          payment.__typename === 'RecordPaymentPayload' ? payment.payment.id : payment.existingId
        expect(paymentId, JSON.stringify(payment)).toBeTruthy()
        payments.push({ receiptNumber, paymentId: databaseId(paymentId), enrollmentId })
      }

      async function client(cookie: string, index: number) {
        // Until the deadline and the last fault: on a slow machine a fault may end after the deadline.
        for (let round = 0; Date.now() < deadline || !faultsDone; round++) {
          const citizenId = buildCitizenId({
            provinceCode: '079',
            dateOfBirth,
            sex: 'FEMALE',
            serial: serial++,
          })
          const key = randomUUID()
          const input = soakRegistration(campaignId, center.id, { citizenId, dateOfBirth, index, round })
          const answer = await send(
            base,
            tallies.register,
            cookie,
            registerEnrollment,
            { input },
            key,
            giveUpAt,
          )
          const registered = answer?.data?.registerEnrollment
          if (!registered) {
            unacknowledged.push(citizenId)
            continue
          }
          // A retry of a run killed after its commit: the conflict names the enrollment it wrote.
          const enrollmentId =
            registered.__typename === 'RegisterEnrollmentPayload'
              ? registered.enrollment.id
              : registered.existingId
          expect(enrollmentId, JSON.stringify(registered)).toBeTruthy()
          acknowledged.push({ key, citizenId, enrollmentId: databaseId(enrollmentId) })
          if (registered.__typename !== 'RegisterEnrollmentPayload') continue

          await pay(cookie, registered.registration, enrollmentId)
          if (round % 4 === 0) {
            // A list read, which goes to the replica.
            await send(
              base,
              tallies.list,
              cookie,
              listEnrollments,
              { filter: { campaign: campaignId } },
              undefined,
              giveUpAt,
            )
          }
        }
      }

      /** The faults, in turn, spread over the run. */
      async function faults() {
        const at = (fraction: number) => sleep(Math.max(0, started + seconds * 1000 * fraction - Date.now()))
        const done: string[] = []
        // Each fault with the time it ended, to set beside any unexpected 5xx's time.
        const fault = async (label: string, ...steps: (() => Promise<unknown>)[]) => {
          for (const step of steps) await step()
          done.push(`${label} (${new Date().toISOString()})`)
        }
        await at(0.15)
        // The instance the live subscriber is on, else the first.
        const victim = subscriber.servedBy.replace(/^api/, '') || '1'
        kills.push(Date.now())
        await fault(`API ${victim} killed`, () => topology('api-kill', victim))
        await sleep(1_000)
        await fault(`API ${victim} restarted`, () => topology('api-start', victim))
        await at(0.45)
        await fault(
          'replica stopped for 2 s and started',
          () => topology('replica-stop'),
          () => sleep(2_000),
          () => topology('replica-start'),
        )
        await at(0.7)
        // Down for longer than HAProxy takes to drop an instance whose checks fail (three, a second
        // apart): a restart that takes a few seconds, as a real one may.
        await fault(
          `Redis stopped for ${redisDownMs / 1000} s and started`,
          () => topology('redis-stop'),
          () => sleep(redisDownMs),
          () => topology('redis-start'),
        )
        faultsDone = true
        return done
      }

      const [done] = await Promise.all([faults(), ...agents.map((cookie, index) => client(cookie, index))])
      const elapsed = (Date.now() - started) / 1000

      // ── Every acknowledged write is there once; no unacknowledged one is there twice.
      const enrollments = await prisma.enrollment.findMany({
        where: { campaignId: campaign.id },
        select: { id: true, status: true, person: { select: { citizenId: true } } },
      })
      const byCitizen = new Map<string, string[]>()
      for (const enrollment of enrollments)
        byCitizen.set(enrollment.person.citizenId, [
          ...(byCitizen.get(enrollment.person.citizenId) ?? []),
          enrollment.id,
        ])
      for (const write of acknowledged) expect(byCitizen.get(write.citizenId)).toEqual([write.enrollmentId])
      for (const citizenId of unacknowledged)
        expect((byCitizen.get(citizenId) ?? []).length).toBeLessThanOrEqual(1)
      expect(enrollments.length).toBeGreaterThanOrEqual(acknowledged.length)
      const receipts = await prisma.payment.findMany({
        where: {
          receiptNumber: { startsWith: 'SOAK-' },
          allocations: { some: { enrollment: { campaignId: campaign.id } } },
        },
        select: { id: true, receiptNumber: true },
      })
      const receiptCounts = new Map<string, number>()
      for (const receipt of receipts)
        receiptCounts.set(
          receipt.receiptNumber ?? '',
          (receiptCounts.get(receipt.receiptNumber ?? '') ?? 0) + 1,
        )
      for (const payment of payments) {
        expect(receiptCounts.get(payment.receiptNumber)).toBe(1)
        expect(receipts.find((receipt) => receipt.receiptNumber === payment.receiptNumber)?.id).toBe(
          payment.paymentId,
        )
      }
      const paid = enrollments.filter((enrollment) => enrollment.status === 'PAID').length
      expect(paid).toBeGreaterThanOrEqual(payments.length)

      // ── The rollups equal a recount.
      await expectRollupsEqualRecount(prisma, campaign.id)

      // ── The live subscriber was cut with its instance, reconnected, and shows the final progress.
      const settled = Date.now() + 10_000
      while (subscriber.latest !== paid && Date.now() < settled) await sleep(100)
      subscriber.stop.abort()
      const figures = {
        clients,
        seconds: Math.round(elapsed),
        faults: done,
        registrations: acknowledged.length,
        registrationsUnacknowledged: unacknowledged.length,
        payments: payments.length,
        enrollmentsInDatabase: enrollments.length,
        subscriber: {
          connections: subscriber.connections,
          resumedWithinMs: subscriber.resumeMs.map(Math.round),
          finalEnrolled: subscriber.latest,
          paidInDatabase: paid,
        },
        requests: Object.fromEntries(
          Object.entries(tallies).map(([kind, tally]) => [
            kind,
            {
              requests: tally.requests,
              retries: tally.retries,
              perSecond: Math.round(tally.times.length / elapsed),
              ...Object.fromEntries(
                Object.entries(percentilesOf(tally.times, [50, 95, 99])).map(([p, ms]) => [
                  `${p}Ms`,
                  Math.round(ms),
                ]),
              ),
              failures: tally.failures,
              graphqlErrors: tally.graphqlErrors,
            },
          ]),
        ),
        unexpected5xx,
      }
      console.log(`soak figures:\n${JSON.stringify(figures, null, 2)}`)
      writeFileSync(`${topologyDir}/soak-figures.json`, `${JSON.stringify(figures, null, 2)}\n`)

      expect(subscriber.connections).toBeGreaterThanOrEqual(2)
      expect(subscriber.resumeMs.length).toBeGreaterThanOrEqual(1)
      expect(subscriber.latest).toBe(paid)
      expect(unexpected5xx).toEqual([])
      // The writes went to the primary, which never stopped: none failed but for the killed instance.
      expect(tallies.register.graphqlErrors + tallies.pay.graphqlErrors).toBe(0)
      // A list read that met the replica stopping was read again from the primary: no user saw an error.
      expect(tallies.list.graphqlErrors).toBe(0)
      expect(acknowledged.length).toBeGreaterThan(clients)
    },
    (seconds + 180) * 1000,
  )
})

/** A soak registration: a person of this run with a citizen id of its own, at the center, as SUBMITTED. */
function soakRegistration(
  campaignId: string,
  centerId: string,
  {
    citizenId,
    dateOfBirth,
    index,
    round,
  }: { citizenId: string; dateOfBirth: string; index: number; round: number },
) {
  return {
    campaign: campaignId,
    center: encodeGlobalID('Center', centerId),
    product: 'VOLUNTARY_SOCIAL_INSURANCE',
    person: {
      fullName: `Người thử ${index}-${round}`,
      dateOfBirth,
      sex: 'FEMALE',
      citizenId,
      phone: '0912 345 678',
      wardCode: '25747',
      address: '12 Lê Lợi',
    },
    on: null,
    months: 1,
    monthlyIncome: 1_500_000,
    supportGroups: ['OTHER'],
    status: 'SUBMITTED',
  }
}

/** The campaign's day and segment rollups, line for line, equal a recount of its enrollments. */
async function expectRollupsEqualRecount(prisma: PrismaClient, campaignId: string) {
  const daily = await prisma.$queryRaw<{ line: string }[]>`
    SELECT concat_ws(' ', "centerId", "product", "status", to_char("day", 'YYYY-MM-DD'),
                     coalesce(nullif("continuity"::text, ''), '-'), "count") AS line
      FROM "EnrollmentDailyCount" WHERE "campaignId" = ${campaignId}::uuid AND "count" <> 0`
  const dailyRecount = await prisma.$queryRaw<{ line: string }[]>`
    SELECT concat_ws(' ', "centerId", "product", "status",
                     to_char(coalesce("countedOn", "registeredOn"), 'YYYY-MM-DD'),
                     coalesce(nullif("continuity"::text, ''), '-'), count(*)) AS line
      FROM "Enrollment" WHERE "campaignId" = ${campaignId}::uuid
     GROUP BY "centerId", "product", "status", coalesce("countedOn", "registeredOn"), "continuity"`
  const lines = (rows: { line: string }[]) => rows.map((row) => row.line).sort()
  expect(lines(daily)).toEqual(lines(dailyRecount))
  const totals = await prisma.$queryRaw<{ line: string }[]>`
    SELECT concat_ws(' ', "centerId", "product", "status", "continuity", "occupationGroup", "sessionKind", "count") AS line
      FROM "EnrollmentSegmentTotal" WHERE "campaignId" = ${campaignId}::uuid AND "count" <> 0`
  const totalsRecount = await prisma.$queryRaw<{ line: string }[]>`
    SELECT concat_ws(' ', e."centerId", e."product", e."status", coalesce(e."continuity"::text, ''),
                     coalesce(e."occupationGroup"::text, ''), coalesce(s."kind"::text, ''), count(*)) AS line
      FROM "Enrollment" e LEFT JOIN "OutreachSession" s ON s."id" = e."sessionId"
     WHERE e."campaignId" = ${campaignId}::uuid
     GROUP BY e."centerId", e."product", e."status", e."continuity", e."occupationGroup", s."kind"`
  expect(lines(totals)).toEqual(lines(totalsRecount))
}
