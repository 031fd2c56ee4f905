// Retries with an Idempotency-Key: the same request again answers as the first did and writes nothing
// more; the same key for another request, or while the first still runs, is refused; keys are per user.
import { randomUUID } from 'node:crypto'
import { Prisma } from '@tangtoc/db'
import { personInput } from '@tangtoc/db/fixtures'
import { type OperationDefinitionNode, parse } from 'graphql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fingerprintOf, idempotencyClaimAbandonedMs } from '../../src/idempotency.ts'
import { campaignSetting, registerEnrollment, vsiInput } from '../../src/modules/enrollments/test-helpers.ts'
import type { OperationData } from '../graphql-data.ts'
import { type ApiHarness, type Credentials, createApiHarness } from '../harness.ts'

let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness()
})
afterAll(() => api.close())

async function send(variables: Record<string, unknown>, credentials: Credentials, key: string) {
  const response = await api.fetchGraphQL({ query: registerEnrollment, variables }, credentials, {
    'idempotency-key': key,
  })
  return (await response.json()) as {
    data?: OperationData
    errors?: { extensions?: { code?: string } }[]
  }
}

async function enrollmentsOf(citizenId: string) {
  return api.prisma.enrollment.count({ where: { person: { citizenId } } })
}

const recordPayment = `mutation ($input: RecordPaymentInput!) {
  recordPayment(input: $input) {
    __typename
    ... on RecordPaymentPayload { payment { id } }
    ... on ValidationError { fieldErrors { path code } }
    ... on ConflictError { existingId }
  }
}`

describe('Idempotency-Key on mutations', () => {
  it('answers a retried registration as the first time, and registers once', async () => {
    const setting = await campaignSetting(api)
    const person = personInput()
    const variables = { input: vsiInput(setting, {}, person) }
    const key = randomUUID()

    const first = await send(variables, setting.agent.credentials, key)
    expect(first.data?.registerEnrollment.__typename).toBe('RegisterEnrollmentPayload')
    const again = await send(variables, setting.agent.credentials, key)
    expect(again).toEqual(first)
    expect(await enrollmentsOf(person.citizenId)).toBe(1)

    // Without the key, the same request is a new one: the person already has a live enrollment.
    const unkeyed = await api.graphql(registerEnrollment, variables, setting.agent.credentials)
    expect(unkeyed.data?.registerEnrollment.__typename).toBe('ConflictError')
  })

  it('refuses the same key for a different request, and keeps keys apart per user', async () => {
    const setting = await campaignSetting(api)
    const key = randomUUID()
    const first = personInput()
    await send({ input: vsiInput(setting, {}, first) }, setting.agent.credentials, key)

    const other = personInput()
    const reused = await send({ input: vsiInput(setting, {}, other) }, setting.agent.credentials, key)
    expect(reused.errors?.[0]?.extensions?.code).toBe('CONFLICT')
    expect(reused.data?.registerEnrollment ?? null).toBeNull()
    expect(await enrollmentsOf(other.citizenId)).toBe(0)

    // The manager's key of the same name is the manager's own.
    const byManager = await send({ input: vsiInput(setting, {}, other) }, setting.manager.credentials, key)
    expect(byManager.data?.registerEnrollment.__typename).toBe('RegisterEnrollmentPayload')
  })

  it('runs concurrent retries of one request once', async () => {
    const setting = await campaignSetting(api)
    const person = personInput()
    const variables = { input: vsiInput(setting, {}, person) }
    const key = randomUUID()
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => send(variables, setting.agent.credentials, key)),
    )
    expect(await enrollmentsOf(person.citizenId)).toBe(1)
    for (const answer of answers) {
      const outcome = answer.data?.registerEnrollment?.__typename ?? answer.errors?.[0]?.extensions?.code
      // The first run's answer, or "still running, try again".
      expect(['RegisterEnrollmentPayload', 'CONFLICT']).toContain(outcome)
    }
    expect(
      answers.some((answer) => answer.data?.registerEnrollment?.__typename === 'RegisterEnrollmentPayload'),
    ).toBe(true)
  })

  it('runs a retry whose first run never finished (its instance was killed) once the claim is abandoned', async () => {
    const setting = await campaignSetting(api)
    const person = personInput()
    const variables = { input: vsiInput(setting, {}, person) }
    const key = randomUUID()
    const userId = setting.agent.user.id
    // What an instance killed mid-run leaves: the key claimed, no answer, nothing registered.
    const operation = parse(registerEnrollment).definitions[0] as OperationDefinitionNode
    await api.prisma.idempotencyKey.create({
      data: { userId, key, fingerprint: fingerprintOf(operation, variables) },
    })
    // A claim this recent may still be running elsewhere.
    const running = await send(variables, setting.agent.credentials, key)
    expect(running.errors?.[0]?.extensions?.code).toBe('CONFLICT')
    expect(await enrollmentsOf(person.citizenId)).toBe(0)

    await api.prisma.idempotencyKey.update({
      where: { userId_key: { userId, key } },
      data: { createdAt: new Date(Date.now() - idempotencyClaimAbandonedMs - 1_000) },
    })
    const retried = await send(variables, setting.agent.credentials, key)
    expect(retried.data?.registerEnrollment.__typename).toBe('RegisterEnrollmentPayload')
    expect(await enrollmentsOf(person.citizenId)).toBe(1)
    // Its answer is kept for the next retry.
    expect(await send(variables, setting.agent.credentials, key)).toEqual(retried)
  })

  it('answers the retry of a run killed after it committed with the conflict naming what it wrote', async () => {
    const setting = await campaignSetting(api)
    const person = personInput()
    const variables = { input: vsiInput(setting, {}, person) }
    const key = randomUUID()
    const userId = setting.agent.user.id
    const first = await send(variables, setting.agent.credentials, key)
    const registered = first.data?.registerEnrollment.enrollment
    // Killed between its commit and keeping its answer.
    await api.prisma.idempotencyKey.update({
      where: { userId_key: { userId, key } },
      data: {
        response: Prisma.DbNull,
        createdAt: new Date(Date.now() - idempotencyClaimAbandonedMs - 1_000),
      },
    })
    const retried = await send(variables, setting.agent.credentials, key)
    expect(retried.data?.registerEnrollment).toMatchObject({
      __typename: 'ConflictError',
      existingId: registered.id,
    })
    expect(await enrollmentsOf(person.citizenId)).toBe(1)
  })

  it('answers the retry of a payment killed after it committed with the conflict naming the payment, paid for by registration or by enrollments', async () => {
    const setting = await campaignSetting(api)
    const userId = setting.agent.user.id
    for (const paidFor of ['registration', 'enrollments'] as const) {
      const registered = (
        await send({ input: vsiInput(setting, {}, personInput()) }, setting.agent.credentials, randomUUID())
      ).data?.registerEnrollment
      const input = {
        ...(paidFor === 'registration'
          ? { registration: registered.registration.id }
          : { enrollments: [{ id: registered.enrollment.id, version: registered.enrollment.version }] }),
        amount: registered.registration.payable,
        paidOn: '2025-11-12',
        channel: 'CASH_AT_POST_OFFICE',
        receiptNumber: `BL-${randomUUID().slice(0, 8)}`,
      }
      const key = randomUUID()
      const pay = async () => {
        const response = await api.fetchGraphQL(
          { query: recordPayment, variables: { input } },
          setting.agent.credentials,
          { 'idempotency-key': key },
        )
        const answer = (await response.json()) as {
          data?: { recordPayment: { __typename: string; payment?: { id: string }; existingId?: string } }
        }
        return answer.data?.recordPayment
      }
      const first = await pay()
      expect(first?.__typename, JSON.stringify(first)).toBe('RecordPaymentPayload')
      // Killed between its commit and keeping its answer: the retry runs again on enrollments now paid.
      await api.prisma.idempotencyKey.update({
        where: { userId_key: { userId, key } },
        data: {
          response: Prisma.DbNull,
          createdAt: new Date(Date.now() - idempotencyClaimAbandonedMs - 1_000),
        },
      })
      const retried = await pay()
      expect(retried, paidFor).toMatchObject({ __typename: 'ConflictError', existingId: first?.payment?.id })
      expect(await api.prisma.payment.count({ where: { receiptNumber: input.receiptNumber } })).toBe(1)
    }
  })

  it('refuses a malformed key without running the mutation', async () => {
    const setting = await campaignSetting(api)
    const person = personInput()
    const answer = await send({ input: vsiInput(setting, {}, person) }, setting.agent.credentials, 'short')
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT')
    expect(await enrollmentsOf(person.citizenId)).toBe(0)
  })

  it('keeps nothing of a mutation that carries credentials: a new API token’s secret is never stored', async () => {
    const setting = await campaignSetting(api)
    const key = randomUUID()
    const create = `mutation ($input: CreateApiTokenInput!) {
      createApiToken(input: $input) { __typename ... on CreateApiTokenPayload { secret } }
    }`
    const secrets: string[] = []
    for (const name of ['Báo cáo tuần', 'Báo cáo tuần']) {
      const response = await api.fetchGraphQL(
        { query: create, variables: { input: { name, scope: 'READ' } } },
        setting.manager.credentials,
        { 'idempotency-key': key },
      )
      const body = (await response.json()) as { data: { createApiToken: { secret: string } } }
      secrets.push(body.data.createApiToken.secret)
    }
    // Each request ran: two tokens, two secrets, and no stored answer to replay a secret from.
    expect(new Set(secrets).size).toBe(2)
    expect(await api.prisma.idempotencyKey.count({ where: { key } })).toBe(0)
  })
})
