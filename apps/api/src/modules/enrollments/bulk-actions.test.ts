import { personInput } from '@tangtoc/db/fixtures'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ApiHarness, type Credentials, createApiHarness } from '../../../test/harness.ts'
import { decodeGlobalId } from '../../global-id.ts'
import { campaignSetting, registerEnrollment, vsiInput } from './test-helpers.ts'

/** The database id inside a global id. */
function localId(id: string): string {
  const decoded = decodeGlobalId(id)
  if (!decoded) throw new Error(`Not a global id: ${id}`)
  return decoded.id
}

let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness()
})
afterAll(() => api.close())

const apply = `mutation ($input: ApplyEnrollmentActionInput!) {
  applyEnrollmentAction(input: $input) {
    __typename
    ... on ApplyEnrollmentActionPayload {
      done
      refused
      outcomes { id result { __typename ... on Enrollment { id status statusReason version } ... on UserError { code messageVi } } }
    }
    ... on ValidationError { fieldErrors { path code } }
    ... on UserError { code }
  }
}`

type Setting = Awaited<ReturnType<typeof campaignSetting>>

async function registeredBy(setting: Setting, credentials: Credentials, status: 'DRAFT' | 'SUBMITTED') {
  const result = await api.graphql(
    registerEnrollment,
    { input: vsiInput(setting, { status }, personInput()) },
    credentials,
  )
  const enrollment = result.data?.registerEnrollment.enrollment
  if (!enrollment) throw new Error(JSON.stringify(result))
  return enrollment as { id: string; version: number }
}

describe('applyEnrollmentAction: one step on a selection', () => {
  it('takes the step on each enrollment it may, and says per row why the others were refused', async () => {
    const setting = await campaignSetting(api)
    const other = await campaignSetting(api)
    const drafts = await Promise.all(
      [1, 2, 3].map(() => registeredBy(setting, setting.agent.credentials, 'DRAFT')),
    )
    const submitted = await registeredBy(setting, setting.agent.credentials, 'SUBMITTED')
    const elsewhere = await registeredBy(other, other.agent.credentials, 'DRAFT')
    const [first, second, third] = drafts as [(typeof drafts)[0], (typeof drafts)[0], (typeof drafts)[0]]

    const result = await api.graphql(
      apply,
      {
        input: {
          action: 'SUBMIT',
          enrollments: [
            first,
            { id: second.id, version: second.version + 1 },
            submitted,
            elsewhere,
            third,
          ].map(({ id, version }) => ({ id, version })),
        },
      },
      setting.agent.credentials,
    )
    const payload = result.data?.applyEnrollmentAction
    expect(payload.__typename).toBe('ApplyEnrollmentActionPayload')
    expect({ done: payload.done, refused: payload.refused }).toEqual({ done: 2, refused: 3 })
    const outcomes = payload.outcomes as {
      id: string
      result: { __typename: string; status?: string }
    }[]
    expect(outcomes.map((outcome) => outcome.id)).toEqual([
      first.id,
      second.id,
      submitted.id,
      elsewhere.id,
      third.id,
    ])
    expect(outcomes.map((outcome) => outcome.result.status ?? outcome.result.__typename)).toEqual([
      'SUBMITTED',
      'StaleObjectError',
      'ValidationError',
      'NotFoundError',
      'SUBMITTED',
    ])

    // Refused rows are untouched; done rows have their history and audit as one by one.
    const stored = await api.prisma.enrollment.findMany({
      where: { id: { in: [second, elsewhere].map((row) => localId(row.id)) } },
      select: { status: true },
    })
    expect(stored.map((row) => row.status)).toEqual(['DRAFT', 'DRAFT'])
    const history = await api.prisma.enrollmentStatusChange.count({
      where: { enrollmentId: localId(first.id), toStatus: 'SUBMITTED' },
    })
    expect(history).toBe(1)
    const audited = await api.prisma.auditEvent.count({
      where: { entityId: { in: [first, third].map((row) => localId(row.id)) }, action: 'enrollment.submit' },
    })
    expect(audited).toBe(2)
  })

  it('rejects with the reason kept on each row, and refuses a rejection without one for every row', async () => {
    const setting = await campaignSetting(api)
    const rows = await Promise.all(
      [1, 2].map(() => registeredBy(setting, setting.agent.credentials, 'SUBMITTED')),
    )
    const selection = rows.map(({ id, version }) => ({ id, version }))

    const without = await api.graphql(
      apply,
      { input: { action: 'REJECT', enrollments: selection } },
      setting.manager.credentials,
    )
    expect(without.data?.applyEnrollmentAction.refused).toBe(2)

    const result = await api.graphql(
      apply,
      { input: { action: 'REJECT', enrollments: selection, reason: 'Thiếu giấy tờ' } },
      setting.manager.credentials,
    )
    const outcomes = result.data?.applyEnrollmentAction.outcomes as {
      result: { status: string; statusReason: string }
    }[]
    expect(outcomes.map((outcome) => [outcome.result.status, outcome.result.statusReason])).toEqual([
      ['REJECTED', 'Thiếu giấy tờ'],
      ['REJECTED', 'Thiếu giấy tờ'],
    ])
  })

  it('refuses an empty selection, one too large, a payment, and a viewer', async () => {
    const setting = await campaignSetting(api)
    const row = await registeredBy(setting, setting.agent.credentials, 'SUBMITTED')
    const one = [{ id: row.id, version: row.version }]
    const codes = async (input: Record<string, unknown>, credentials = setting.manager.credentials) => {
      const result = await api.graphql(apply, { input }, credentials)
      const payload = result.data?.applyEnrollmentAction
      return payload?.fieldErrors?.map((error: { code: string }) => error.code) ?? payload?.code
    }
    expect(await codes({ action: 'SUBMIT', enrollments: [] })).toEqual(['SELECTION_EMPTY'])
    expect(
      await codes({ action: 'SUBMIT', enrollments: Array.from({ length: 1_001 }, () => one[0]) }),
    ).toEqual(['SELECTION_TOO_LARGE'])
    expect(await codes({ action: 'CONFIRM_PAYMENT', enrollments: one })).toEqual([
      'SELECTION_ACTION_IS_PAYMENT',
    ])
    expect(await codes({ action: 'CANCEL', enrollments: one, reason: 'x' }, setting.viewer.credentials)).toBe(
      'FORBIDDEN',
    )
    const stored = await api.prisma.enrollment.findUniqueOrThrow({ where: { id: localId(row.id) } })
    expect(stored.status).toBe('SUBMITTED')
  })
})
