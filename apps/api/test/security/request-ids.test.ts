// The request id in the audit log is the server's own: a client cannot make its request look like
// another one there. The id the client sent is kept beside it, for its own tracing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ApiHarness, createApiHarness } from '../harness.ts'

let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness()
})
afterAll(() => api.close())

describe('request ids', () => {
  it('a client’s x-request-id is kept beside the server’s id, which the response and the audit log carry', async () => {
    const { user, credentials } = await api.userWithRole('AGENT')
    const response = await api.fetchGraphQL(
      { query: 'mutation { createApiToken(input: { name: "Theo dõi", scope: READ }) { __typename } }' },
      credentials,
      { 'x-request-id': 'support-ticket-4711' },
    )
    const serverId = response.headers.get('x-request-id')
    expect(serverId).toMatch(/^[0-9a-f-]{36}$/)
    const event = await api.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'apiToken.create', actorId: user?.id },
    })
    expect(event).toMatchObject({ requestId: serverId, clientRequestId: 'support-ticket-4711' })
  })

  it('an ill-formed client id is not kept', async () => {
    const { user, credentials } = await api.userWithRole('AGENT')
    await api.fetchGraphQL(
      { query: 'mutation { createApiToken(input: { name: "Theo dõi", scope: READ }) { __typename } }' },
      credentials,
      { 'x-request-id': 'x\u202eevil' },
    )
    const event = await api.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'apiToken.create', actorId: user?.id },
    })
    expect(event.clientRequestId).toBeNull()
  })
})
