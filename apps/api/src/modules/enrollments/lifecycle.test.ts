import { randomBytes } from 'node:crypto'
import { personInput } from '@tangtoc/db/fixtures'
import { recountEnrollmentDailyCounts } from '@tangtoc/db/seed'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ApiHarness, createApiHarness } from '../../../test/harness.ts'
import { hashSecret } from '../auth/credentials.ts'
import {
  activate,
  campaignSetting,
  cancel,
  confirmPayment,
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

async function registered(setting: Setting, status: 'DRAFT' | 'SUBMITTED' = 'DRAFT', person = personInput()) {
  const result = await api.graphql(
    registerEnrollment,
    { input: vsiInput(setting, { status }, person) },
    setting.agent.credentials,
  )
  const enrollment = result.data?.registerEnrollment.enrollment
  if (!enrollment) throw new Error(JSON.stringify(result))
  return enrollment as { id: string; version: number }
}

/** The campaign's EnrollmentDailyCount rows, and the same numbers from a GROUP BY over the enrollments. */
async function rollupAndRecount(campaignId: string) {
  const rows = await api.prisma.enrollmentDailyCount.findMany({ where: { campaignId } })
  const stored = rows
    .map(
      (row) =>
        `${row.centerId} ${row.product} ${row.status} ${row.day.toISOString().slice(0, 10)} ${row.count}`,
    )
    .sort()
  const grouped = await api.prisma.enrollment.groupBy({
    by: ['centerId', 'product', 'status', 'registeredOn'],
    where: { campaignId },
    _count: { _all: true },
  })
  const recount = grouped
    .map(
      (group) =>
        `${group.centerId} ${group.product} ${group.status} ${group.registeredOn.toISOString().slice(0, 10)} ${group._count._all}`,
    )
    .sort()
  return { stored, recount }
}

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

  it('after registrations and concurrent status changes the daily counts equal a full recount', async () => {
    const setting = await campaignSetting(api)
    const enrollments = await Promise.all(
      Array.from({ length: 8 }, () =>
        api.graphql(
          registerEnrollment,
          { input: vsiInput(setting, { status: 'SUBMITTED' }) },
          setting.agent.credentials,
        ),
      ),
    )
    const ids = enrollments.map((result) => result.data?.registerEnrollment.enrollment.id as string)
    await Promise.all(
      ids.map((id, index) =>
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
    )
    const { stored, recount } = await rollupAndRecount(setting.campaign.id)
    expect(stored).toEqual(recount)
    expect(
      stored.map((line) => line.split(' ').slice(2, 3).concat(line.split(' ').slice(-1)).join(' ')),
    ).toEqual(['CANCELLED 2', 'PAID 3', 'REJECTED 3'])
    // The seed's recount writes the same rows.
    const before = await api.prisma.enrollmentDailyCount.findMany({
      where: { campaignId: setting.campaign.id },
    })
    await recountEnrollmentDailyCounts(api.prisma, setting.campaign.id)
    const after = await api.prisma.enrollmentDailyCount.findMany({
      where: { campaignId: setting.campaign.id },
    })
    const key = (row: { status: string; count: number }) => `${row.status} ${row.count}`
    expect(after.map(key).sort()).toEqual(before.map(key).sort())
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
    ['confirmPayment', 'SUBMITTED', 'agent', 'ForbiddenError'],
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
