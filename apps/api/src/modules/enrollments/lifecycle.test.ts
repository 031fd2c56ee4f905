import { randomBytes } from 'node:crypto'
import type { AudienceGroup } from '@tangtoc/db'
import { createHeldSession, personInput } from '@tangtoc/db/fixtures'
import { recountCampaignRollups } from '@tangtoc/db/seed'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ApiHarness, createApiHarness } from '../../../test/harness.ts'
import { hashSecret } from '../auth/credentials.ts'
import { moveSessionKind } from './rollup.ts'
import {
  activate,
  campaignSetting,
  cancel,
  confirmPayment,
  gid,
  registerEnrollment,
  reject,
  submit,
  vsiInput,
  wasRefused,
} from './test-helpers.ts'

let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness()
})
afterAll(() => api.close())

type Setting = Awaited<ReturnType<typeof campaignSetting>>

async function registered(
  setting: Setting,
  status: 'DRAFT' | 'SUBMITTED' = 'DRAFT',
  person = personInput(),
  sessionId: string | null = null,
) {
  const session = sessionId ? gid('OutreachSession', sessionId) : null
  const result = await api.graphql(
    registerEnrollment,
    { input: vsiInput(setting, { status, session }, person) },
    setting.agent.credentials,
  )
  const enrollment = result.data?.registerEnrollment.enrollment
  if (!enrollment) throw new Error(JSON.stringify(result))
  return enrollment as { id: string; version: number }
}

/**
 * The campaign's EnrollmentDailyCount rows, and the same numbers from a GROUP BY over the enrollments by
 * the day each counts for (its payment day or its registration day).
 */
async function rollupAndRecount(campaignId: string) {
  const rows = await api.prisma.enrollmentDailyCount.findMany({ where: { campaignId } })
  const stored = rows
    .map(
      (row) =>
        `${row.centerId} ${row.product} ${row.status} ${row.day.toISOString().slice(0, 10)} ${row.continuity || '-'} ${row.count}`,
    )
    .sort()
  const grouped = await api.prisma.$queryRaw<{ line: string }[]>`
    SELECT concat_ws(' ', "centerId", "product", "status",
                     to_char(coalesce("countedOn", "registeredOn"), 'YYYY-MM-DD'),
                     coalesce("continuity"::text, '-'), count(*)) AS line
      FROM "Enrollment" WHERE "campaignId" = ${campaignId}::uuid
     GROUP BY "centerId", "product", "status", coalesce("countedOn", "registeredOn"), "continuity"`
  const recount = grouped.map((row) => row.line).sort()
  return { stored, recount }
}

type SegmentRow = {
  centerId: string
  product: string
  status: string
  continuity: string
  day: string
  occupationGroup: string
  sessionKind: string
  count: number
}

/**
 * The campaign's EnrollmentSegmentCount rows, and the same numbers from a GROUP BY over the enrollments
 * (the occupation group they were registered with, the kind their session has now), one line a row.
 */
async function segmentsAndRecount(campaignId: string) {
  const stored = await api.prisma.$queryRaw<SegmentRow[]>`
    SELECT "centerId"::text, "product"::text, "status"::text, "continuity", to_char("day", 'YYYY-MM-DD') AS day,
           "occupationGroup", "sessionKind", "count"
      FROM "EnrollmentSegmentCount" WHERE "campaignId" = ${campaignId}::uuid`
  const recount = await api.prisma.$queryRaw<SegmentRow[]>`
    SELECT e."centerId"::text, e."product"::text, e."status"::text,
           coalesce(e."continuity"::text, '') AS continuity,
           to_char(coalesce(e."countedOn", e."registeredOn"), 'YYYY-MM-DD') AS day,
           coalesce(e."occupationGroup"::text, '') AS "occupationGroup",
           coalesce(s."kind"::text, '') AS "sessionKind", count(*)::int AS count
      FROM "Enrollment" e LEFT JOIN "OutreachSession" s ON s."id" = e."sessionId"
     WHERE e."campaignId" = ${campaignId}::uuid
     GROUP BY 1, 2, 3, 4, 5, 6, 7`
  const lines = (rows: SegmentRow[]) =>
    rows
      .map(
        (row) =>
          `${row.centerId} ${row.product} ${row.status} ${row.continuity || '-'} ${row.day} ${row.occupationGroup || '-'} ${row.sessionKind || '-'} ${row.count}`,
      )
      .sort()
  return { stored: lines(stored), recount: lines(recount), counts: stored.map((row) => row.count) }
}

/** The campaign's EnrollmentSegmentTotal rows, and the same numbers from a GROUP BY over the enrollments. */
async function totalsAndRecount(campaignId: string) {
  type TotalRow = Omit<SegmentRow, 'day'>
  const stored = await api.prisma.$queryRaw<TotalRow[]>`
    SELECT "centerId"::text, "product"::text, "status"::text, "continuity", "occupationGroup", "sessionKind", "count"
      FROM "EnrollmentSegmentTotal" WHERE "campaignId" = ${campaignId}::uuid`
  const recount = await api.prisma.$queryRaw<TotalRow[]>`
    SELECT e."centerId"::text, e."product"::text, e."status"::text,
           coalesce(e."continuity"::text, '') AS continuity,
           coalesce(e."occupationGroup"::text, '') AS "occupationGroup", coalesce(s."kind"::text, '') AS "sessionKind",
           count(*)::int AS count
      FROM "Enrollment" e LEFT JOIN "OutreachSession" s ON s."id" = e."sessionId"
     WHERE e."campaignId" = ${campaignId}::uuid
     GROUP BY 1, 2, 3, 4, 5, 6`
  const lines = (rows: TotalRow[]) =>
    rows
      .map(
        (row) =>
          `${row.centerId} ${row.product} ${row.status} ${row.continuity || '-'} ${row.occupationGroup || '-'} ${row.sessionKind || '-'} ${row.count}`,
      )
      .sort()
  return { stored: lines(stored), recount: lines(recount), counts: stored.map((row) => row.count) }
}

const updateSession = `mutation ($input: UpdateEnrollmentInput!) { updateEnrollment(input: $input) {
  __typename ... on UpdateEnrollmentPayload { enrollment { id } } ... on UserError { code message } } }`
const changeSessionKind = `mutation ($input: UpdateOutreachSessionInput!) { updateOutreachSession(input: $input) {
  __typename ... on UpdateOutreachSessionPayload { outreachSession { kind } } ... on UserError { code message } } }`

describe('the enrollment lifecycle', () => {
  it('draft → submitted → paid → active, each step kept with its actor, the daily count following', async () => {
    const setting = await campaignSetting(api)
    const draft = await registered(setting)
    const submitted = await api.graphql(
      submit,
      { input: { id: draft.id, version: 1 } },
      setting.agent.credentials,
    )
    expect(submitted.data?.submitEnrollment.enrollment).toMatchObject({ status: 'SUBMITTED', version: 2 })
    const paid = await api.graphql(
      confirmPayment,
      { input: { id: draft.id, version: 2 } },
      setting.manager.credentials,
    )
    expect(paid.data?.confirmEnrollmentPayment.enrollment).toMatchObject({ status: 'PAID', version: 3 })
    const active = await api.graphql(
      activate,
      { input: { id: draft.id, version: 3, socialInsuranceNumber: '7912345678' } },
      setting.manager.credentials,
    )
    expect(active.data?.activateEnrollment.enrollment).toMatchObject({
      status: 'ACTIVE',
      version: 4,
      socialInsuranceNumber: '7912345678',
    })
    const history = await api.graphql(
      `query ($id: ID!) { node(id: $id) { ... on Enrollment {
          statusChanges(first: 10) { edges { node { fromStatus toStatus actor { username } } } } } } }`,
      { id: draft.id },
      setting.admin.credentials,
    )
    expect(
      history.data?.node.statusChanges.edges.map((e: { node: { toStatus: string } }) => e.node.toStatus),
    ).toEqual(['DRAFT', 'SUBMITTED', 'PAID', 'ACTIVE'])
    const { stored, recount } = await rollupAndRecount(setting.campaign.id)
    expect(stored).toEqual(recount)
    expect(stored).toHaveLength(1)
    expect(stored[0]).toMatch(/ ACTIVE .* 1$/)
    const audit = await api.prisma.auditEvent.findMany({
      where: { entityType: 'Enrollment', entityId: { not: '' } },
    })
    expect(audit.map((event) => event.action)).toEqual(
      expect.arrayContaining(['enrollment.submit', 'enrollment.confirm_payment', 'enrollment.activate']),
    )
    // Each step's event keeps the fields it changed, as they were and as they are (the person and the
    // quote, unchanged, are not repeated in every event).
    const activated = await api.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'enrollment.activate', entityId: atob(draft.id).replace(/^Enrollment:/, '') },
    })
    expect(activated.before).toEqual({
      status: 'PAID',
      version: 3,
      socialInsuranceNumber: null,
      updatedAt: expect.any(String),
    })
    expect(activated.after).toEqual({
      status: 'ACTIVE',
      version: 4,
      socialInsuranceNumber: '7912345678',
      updatedAt: expect.any(String),
    })
  })

  it('rejecting needs a reason; once rejected the person may be registered again', async () => {
    const setting = await campaignSetting(api)
    const person = personInput()
    const enrollment = await registered(setting, 'SUBMITTED', person)
    const noReason = await api.graphql(
      reject,
      { input: { id: enrollment.id, version: 1, reason: '  ' } },
      setting.manager.credentials,
    )
    expect(noReason.data?.rejectEnrollment).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['input', 'reason'], code: 'TRANSITION_REASON_REQUIRED' }],
    })
    const rejected = await api.graphql(
      reject,
      { input: { id: enrollment.id, version: 1, reason: 'Sai số định danh' } },
      setting.manager.credentials,
    )
    expect(rejected.data?.rejectEnrollment.enrollment).toMatchObject({
      status: 'REJECTED',
      statusReason: 'Sai số định danh',
    })
    const stored = await api.prisma.enrollment.findFirstOrThrow({
      where: { campaignId: setting.campaign.id },
    })
    expect(stored.live).toBeNull()
    const again = await registered(setting, 'DRAFT', person)
    expect(again.id).not.toBe(enrollment.id)
  })

  it('an old version is a StaleObjectError and a step from the wrong status a validation error', async () => {
    const setting = await campaignSetting(api)
    const enrollment = await registered(setting, 'SUBMITTED')
    const stale = await api.graphql(
      confirmPayment,
      { input: { id: enrollment.id, version: 7 } },
      setting.manager.credentials,
    )
    expect(stale.data?.confirmEnrollmentPayment).toMatchObject({
      __typename: 'StaleObjectError',
      currentVersion: 1,
    })
    const wrong = await api.graphql(
      activate,
      { input: { id: enrollment.id, version: 1 } },
      setting.manager.credentials,
    )
    expect(wrong.data?.activateEnrollment).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['input', 'id'], code: 'TRANSITION_NOT_ALLOWED' }],
    })
  })

  it('updating re-quotes the enrollment and checks the version', async () => {
    const setting = await campaignSetting(api)
    const enrollment = await registered(setting)
    const update = `mutation ($input: UpdateEnrollmentInput!) { updateEnrollment(input: $input) {
      __typename ... on UpdateEnrollmentPayload { enrollment { version months gross support payable periodEnd } }
      ... on StaleObjectError { currentVersion } ... on ValidationError { fieldErrors { path code } } } }`
    const result = await api.graphql(
      update,
      { input: { id: enrollment.id, version: 1, months: 3, monthlyIncome: 2_000_000 } },
      setting.agent.credentials,
    )
    expect(result.data?.updateEnrollment.enrollment).toEqual({
      version: 2,
      months: 3,
      gross: 1_320_000,
      support: 198_000,
      payable: 1_122_000,
      periodEnd: '2026-02-03',
    })
    const stale = await api.graphql(
      update,
      { input: { id: enrollment.id, version: 1, months: 6 } },
      setting.agent.credentials,
    )
    expect(stale.data?.updateEnrollment).toMatchObject({ __typename: 'StaleObjectError', currentVersion: 2 })
    const bad = await api.graphql(
      update,
      { input: { id: enrollment.id, version: 2, monthlyIncome: 10 } },
      setting.agent.credentials,
    )
    expect(bad.data?.updateEnrollment.fieldErrors).toEqual([
      { path: ['input', 'monthlyIncome'], code: 'INCOME_BELOW_FLOOR' },
    ])
  })

  it('after concurrent registrations, status changes, session changes and a session kind change, every rollup equals a full recount', async () => {
    const setting = await campaignSetting(api)
    const market = await createHeldSession(api.prisma, {
      campaign: setting.campaign,
      center: setting.center,
      kind: 'MARKET_STALL',
    })
    const door = await createHeldSession(api.prisma, {
      campaign: setting.campaign,
      center: setting.center,
      kind: 'DOOR_TO_DOOR',
    })
    // Twelve at once: direct, at the market stall, door to door; four occupation groups, one of them unknown.
    const sessions = [null, market, door]
    const groups: (AudienceGroup | null)[] = [null, 'FREELANCER', 'SMALL_TRADER', 'FARMER']
    const registered = await Promise.all(
      Array.from({ length: 12 }, (_, index) => {
        const session = sessions[index % 3]
        const person = { ...personInput(), occupationGroup: groups[index % 4] }
        const input = vsiInput(
          setting,
          { status: 'SUBMITTED', session: session && gid('OutreachSession', session.id) },
          person,
        )
        return api.graphql(registerEnrollment, { input }, setting.agent.credentials)
      }),
    )
    const ids = registered.map((result) => {
      const id = result.data?.registerEnrollment.enrollment?.id
      if (!id) throw new Error(JSON.stringify(result))
      return id as string
    })
    const stored = await api.prisma.enrollment.findMany({ where: { campaignId: setting.campaign.id } })
    expect(stored.map((enrollment) => enrollment.occupationGroup ?? null).sort()).toEqual(
      ids.map((_, index) => groups[index % 4] ?? null).sort(),
    )

    // At the same time: six status changes, three enrollments moved to another session (or none), and
    // the market stall recorded as a conference after all.
    const moves = [door, null, market]
    const results = await Promise.all([
      ...ids
        .slice(0, 6)
        .map((id, index) =>
          index % 3 === 0
            ? api.graphql(reject, { input: { id, version: 1, reason: 'Trùng' } }, setting.manager.credentials)
            : index % 3 === 1
              ? api.graphql(confirmPayment, { input: { id, version: 1 } }, setting.admin.credentials)
              : api.graphql(
                  cancel,
                  { input: { id, version: 1, reason: 'Rút hồ sơ' } },
                  setting.manager.credentials,
                ),
        ),
      ...ids.slice(6, 9).map((id, index) => {
        const session = moves[index]
        return api.graphql(
          updateSession,
          { input: { id, version: 1, session: session ? gid('OutreachSession', session.id) : null } },
          setting.agent.credentials,
        )
      }),
      api.graphql(
        changeSessionKind,
        { input: { session: gid('OutreachSession', market.id), version: 1, kind: 'CONFERENCE' } },
        setting.admin.credentials,
      ),
    ])
    for (const result of results) {
      const payload = Object.values(result.data ?? {})[0] as { __typename?: string } | undefined
      expect(payload?.__typename, JSON.stringify(result)).toMatch(/Payload$/)
    }

    const daily = await rollupAndRecount(setting.campaign.id)
    expect(daily.stored).toEqual(daily.recount)
    expect(
      daily.stored.map((line) => line.split(' ').slice(2, 3).concat(line.split(' ').slice(-1)).join(' ')),
    ).toEqual(['CANCELLED 2', 'PAID 2', 'REJECTED 2', 'SUBMITTED 6'])
    const segments = await segmentsAndRecount(setting.campaign.id)
    expect(segments.stored).toEqual(segments.recount)
    expect(segments.counts.every((count) => count > 0)).toBe(true)
    const byKind = (kind: string) =>
      segments.stored
        .filter((line) => line.split(' ')[6] === kind)
        .reduce((total, line) => total + Number(line.split(' ')[7]), 0)
    // At the market stall: 1, 4 and 10 stayed, 8 came, 7 left; none is counted under its old kind.
    expect(byKind('CONFERENCE')).toBe(4)
    expect(byKind('MARKET_STALL')).toBe(0)
    expect(byKind('DOOR_TO_DOOR')).toBe(4)
    expect(byKind('-')).toBe(4)
    const totals = await totalsAndRecount(setting.campaign.id)
    expect(totals.stored).toEqual(totals.recount)
    expect(totals.counts.every((count) => count > 0)).toBe(true)
    expect(totals.stored.filter((line) => line.includes(' MARKET_STALL '))).toEqual([])

    // The seed's recounts write the same rows.
    const rows = async () => ({
      daily: await api.prisma.enrollmentDailyCount.findMany({ where: { campaignId: setting.campaign.id } }),
      segments: await api.prisma.enrollmentSegmentCount.findMany({
        where: { campaignId: setting.campaign.id },
      }),
      totals: await api.prisma.enrollmentSegmentTotal.findMany({
        where: { campaignId: setting.campaign.id },
      }),
    })
    const before = await rows()
    await recountCampaignRollups(api.prisma, setting.campaign.id)
    const after = await rows()
    const key = (row: object) => JSON.stringify(row)
    expect(after.daily.map(key).sort()).toEqual(before.daily.map(key).sort())
    expect(after.segments.map(key).sort()).toEqual(before.segments.map(key).sort())
    expect(after.totals.map(key).sort()).toEqual(before.totals.map(key).sort())
  })

  it('registrations and status changes waiting on the same rollup rows all succeed, and every rollup equals a recount', async () => {
    const setting = await campaignSetting(api)
    // Everyone on the same day, with the same occupation group and no session: every write below counts into
    // the same daily and segment rows.
    const person = () => ({ ...personInput(), occupationGroup: 'FREELANCER' as const })
    const submitted = await Promise.all(
      Array.from({ length: 12 }, () => registered(setting, 'SUBMITTED', person())),
    )
    // A transaction holds those rows for a second…
    let commit = () => {}
    const committed = new Promise<void>((resolve) => {
      commit = resolve
    })
    const holding = api.prisma.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT 1 FROM "EnrollmentDailyCount" WHERE "campaignId" = ${setting.campaign.id}::uuid FOR UPDATE`
        await tx.$queryRaw`SELECT 1 FROM "EnrollmentSegmentCount" WHERE "campaignId" = ${setting.campaign.id}::uuid FOR UPDATE`
        await tx.$queryRaw`SELECT 1 FROM "EnrollmentSegmentTotal" WHERE "campaignId" = ${setting.campaign.id}::uuid FOR UPDATE`
        await committed
      },
      { timeout: 30_000 },
    )
    // …while payments are confirmed and more people registered, all of them queued behind it: when it
    // ends they take the rows' locks at once, so any two writers locking in different orders deadlock.
    const writing = Promise.all([
      ...submitted.map(({ id }) =>
        api.graphql(confirmPayment, { input: { id, version: 1 } }, setting.manager.credentials),
      ),
      ...Array.from({ length: 12 }, () =>
        api.graphql(
          registerEnrollment,
          { input: vsiInput(setting, { status: 'SUBMITTED' }, person()) },
          setting.agent.credentials,
        ),
      ),
    ])
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    commit()
    await holding
    for (const result of await writing) {
      const payload = Object.values(result.data ?? {})[0] as { __typename?: string } | undefined
      expect(payload?.__typename, JSON.stringify(result)).toMatch(/Payload$/)
    }
    const daily = await rollupAndRecount(setting.campaign.id)
    expect(daily.stored).toEqual(daily.recount)
    expect(daily.stored.map((line) => line.split(' ').slice(2).join(' '))).toEqual([
      expect.stringMatching(/^PAID .* 12$/),
      expect.stringMatching(/^SUBMITTED .* 12$/),
    ])
    const segments = await segmentsAndRecount(setting.campaign.id)
    expect(segments.stored).toEqual(segments.recount)
    const totals = await totalsAndRecount(setting.campaign.id)
    expect(totals.stored).toEqual(totals.recount)
  })

  it('a registration at a session whose kind is being changed is counted under the kind it ends with', async () => {
    const setting = await campaignSetting(api)
    const market = await createHeldSession(api.prisma, {
      campaign: setting.campaign,
      center: setting.center,
      kind: 'MARKET_STALL',
    })
    await registered(setting, 'SUBMITTED', personInput(), market.id)
    // A kind change that has moved the session's counts but not committed yet…
    let commit = () => {}
    const committed = new Promise<void>((resolve) => {
      commit = resolve
    })
    const changing = api.prisma.$transaction(
      async (tx) => {
        await tx.outreachSession.update({ where: { id: market.id }, data: { kind: 'CONFERENCE' } })
        await moveSessionKind(tx, market.id, 'MARKET_STALL', 'CONFERENCE')
        await committed
      },
      { timeout: 30_000 },
    )
    // …while an agent registers at that session: its count waits for the change and follows it.
    const registering = registered(setting, 'SUBMITTED', personInput(), market.id)
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    commit()
    await changing
    await registering
    const segments = await segmentsAndRecount(setting.campaign.id)
    expect(segments.stored).toEqual(segments.recount)
    expect(segments.stored).toEqual([expect.stringMatching(/ CONFERENCE 2$/)])
    const totals = await totalsAndRecount(setting.campaign.id)
    expect(totals.stored).toEqual(totals.recount)
    expect(totals.stored).toEqual([expect.stringMatching(/ CONFERENCE 2$/)])
  })
})

describe('who may take each step', () => {
  const cases = [
    // [step, status to start from, role, expected]
    ['submit', 'DRAFT', 'agent', 'ok'],
    // Out of an agent's sight altogether: not found rather than forbidden, so nothing leaks.
    ['submit', 'DRAFT', 'otherAgent', 'NotFoundError'],
    ['submit', 'DRAFT', 'manager', 'ok'],
    ['cancel', 'DRAFT', 'agent', 'ok'],
    // Post-office agents collect the money: they record payments at their own center.
    ['confirmPayment', 'SUBMITTED', 'agent', 'ok'],
    ['confirmPayment', 'SUBMITTED', 'otherAgent', 'NotFoundError'],
    ['confirmPayment', 'SUBMITTED', 'manager', 'ok'],
    ['confirmPayment', 'SUBMITTED', 'admin', 'ok'],
    ['reject', 'SUBMITTED', 'agent', 'ForbiddenError'],
    ['reject', 'SUBMITTED', 'manager', 'ok'],
    ['cancel', 'SUBMITTED', 'agent', 'ForbiddenError'],
    ['cancel', 'SUBMITTED', 'admin', 'ok'],
    ['submit', 'DRAFT', 'viewer', 'refused'],
    ['confirmPayment', 'SUBMITTED', 'viewer', 'refused'],
    ['reject', 'SUBMITTED', 'otherAgent', 'NotFoundError'],
  ] as const
  const documents = { submit, confirmPayment, reject, cancel }
  const fields = {
    submit: 'submitEnrollment',
    confirmPayment: 'confirmEnrollmentPayment',
    reject: 'rejectEnrollment',
    cancel: 'cancelEnrollment',
  }

  it.each(cases)('%s from %s by %s → %s', async (step, status, who, expected) => {
    const setting = await campaignSetting(api)
    const enrollment = await registered(setting, status)
    const result = await api.graphql(
      documents[step],
      { input: { id: enrollment.id, version: 1, reason: 'Lý do' } },
      setting[who].credentials,
    )
    const payload = result.data?.[fields[step]]
    if (expected === 'ok') expect(payload?.enrollment?.version, JSON.stringify(result)).toBe(2)
    else if (expected === 'refused') expect(wasRefused(result, fields[step])).toBe(true)
    else expect(payload?.__typename).toBe(expected)
    if (expected !== 'ok') {
      const stored = await api.prisma.enrollment.findFirstOrThrow({
        where: { campaignId: setting.campaign.id },
      })
      expect(stored.version).toBe(1)
    }
  })

  it('a read-only token cannot take a step, and anonymous requests cannot either', async () => {
    const setting = await campaignSetting(api)
    const enrollment = await registered(setting)
    const token = `tt_${randomBytes(16).toString('hex')}`
    await api.prisma.apiToken.create({
      data: {
        name: 't',
        prefix: 'tt',
        tokenHash: hashSecret(token),
        expiresAt: new Date(Date.now() + 3_600_000),
        scope: 'READ',
        userId: setting.admin.user.id,
      },
    })
    for (const credentials of [{ token }, null]) {
      const result = await api.graphql(submit, { input: { id: enrollment.id, version: 1 } }, credentials)
      expect(wasRefused(result, 'submitEnrollment'), JSON.stringify(result)).toBe(true)
    }
  })
})
