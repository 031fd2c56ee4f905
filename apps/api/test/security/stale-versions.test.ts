// Threat: two people change the same record from what each read; the later change silently undoes the
// earlier (a campaign closed over a colleague's edit, a session cancelled after it was rescheduled, a
// password reset over a deactivation). Every change of a versioned record names the version it read,
// and one made from an old read is a StaleObjectError that changes nothing.
import { encodeGlobalID } from '@pothos/plugin-relay'
import type { PrismaClient } from '@tangtoc/db'
import { createCampaign, createCenter, createOutreachSession, createUser } from '@tangtoc/db/fixtures'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ApiHarness, type Credentials, createApiHarness } from '../harness.ts'

let api: ApiHarness
let admin: Credentials
beforeAll(async () => {
  api = await createApiHarness()
  admin = (await api.userWithRole('ADMIN', null)).credentials
})
afterAll(() => api.close())

interface Case {
  mutation: string
  inputType: string
  /** Creates the record and returns the input (without `version`) and how to read what may not change. */
  arrange: (
    prisma: PrismaClient,
  ) => Promise<{ input: Record<string, unknown>; stored: () => Promise<unknown> }>
  /** The table whose version someone else bumps. */
  bump: (prisma: PrismaClient, input: Record<string, unknown>) => Promise<unknown>
}

const idIn = (input: Record<string, unknown>, field: string) =>
  Buffer.from(String(input[field]), 'base64').toString().split(':')[1] ?? ''

const campaignCase = (
  mutation: string,
  inputType: string,
  status: 'DRAFT' | 'ACTIVE',
  extra: (centers: { inside: string; outside: string }) => Record<string, unknown> = () => ({}),
): Case => ({
  mutation,
  inputType,
  arrange: async (prisma) => {
    const inside = await createCenter(prisma)
    const outside = await createCenter(prisma)
    const campaign = await createCampaign(prisma, { status, centers: [inside] })
    const ids = { inside: encodeGlobalID('Center', inside.id), outside: encodeGlobalID('Center', outside.id) }
    return {
      input: { campaign: encodeGlobalID('Campaign', campaign.id), ...extra(ids) },
      stored: async () => ({
        campaign: await prisma.campaign.findUniqueOrThrow({
          where: { id: campaign.id },
          select: { status: true, closedAt: true },
        }),
        centers: await prisma.campaignCenter.count({ where: { campaignId: campaign.id } }),
        targets: await prisma.target.count({ where: { campaignId: campaign.id } }),
      }),
    }
  },
  bump: (prisma, input) =>
    prisma.campaign.update({ where: { id: idIn(input, 'campaign') }, data: { version: { increment: 1 } } }),
})

const sessionCase = (mutation: string, inputType: string, extra: Record<string, unknown>): Case => ({
  mutation,
  inputType,
  arrange: async (prisma) => {
    const center = await createCenter(prisma)
    const campaign = await createCampaign(prisma, { centers: [center] })
    const session = await createOutreachSession(prisma, { campaign, center })
    return {
      input: { session: encodeGlobalID('OutreachSession', session.id), ...extra },
      stored: () =>
        prisma.outreachSession.findUniqueOrThrow({
          where: { id: session.id },
          select: { status: true, attendance: true, cancelReason: true },
        }),
    }
  },
  bump: (prisma, input) =>
    prisma.outreachSession.update({
      where: { id: idIn(input, 'session') },
      data: { version: { increment: 1 } },
    }),
})

const cases: Case[] = [
  campaignCase('activateCampaign', 'CampaignStatusChangeInput', 'DRAFT'),
  campaignCase('closeCampaign', 'CampaignStatusChangeInput', 'ACTIVE'),
  campaignCase('setCampaignTargets', 'SetCampaignTargetsInput', 'ACTIVE', () => ({
    targets: [{ count: 100 }],
  })),
  campaignCase('addCampaignCenters', 'CampaignCentersInput', 'ACTIVE', ({ outside }) => ({
    centers: [outside],
  })),
  campaignCase('removeCampaignCenters', 'CampaignCentersInput', 'ACTIVE', ({ inside }) => ({
    centers: [inside],
  })),
  {
    mutation: 'updateCenter',
    inputType: 'UpdateCenterInput',
    arrange: async (prisma) => {
      const center = await createCenter(prisma)
      return {
        input: { center: encodeGlobalID('Center', center.id), name: 'Bưu điện đổi tên' },
        stored: () => prisma.center.findUniqueOrThrow({ where: { id: center.id }, select: { name: true } }),
      }
    },
    bump: (prisma, input) =>
      prisma.center.update({ where: { id: idIn(input, 'center') }, data: { version: { increment: 1 } } }),
  },
  sessionCase('cancelOutreachSession', 'CancelOutreachSessionInput', { reason: 'Mưa lớn' }),
  sessionCase('completeOutreachSession', 'CompleteOutreachSessionInput', { attendance: 30 }),
  {
    mutation: 'resetUserPassword',
    inputType: 'ResetUserPasswordInput',
    arrange: async (prisma) => {
      const user = await createUser(prisma, { role: 'AGENT' })
      return {
        input: { id: encodeGlobalID('User', user.id), newPassword: 'một mật khẩu mới thật dài' },
        stored: () =>
          prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } }),
      }
    },
    bump: (prisma, input) =>
      prisma.user.update({ where: { id: idIn(input, 'id') }, data: { version: { increment: 1 } } }),
  },
]

const document = ({ mutation, inputType }: Case) => `mutation ($input: ${inputType}!) {
  ${mutation}(input: $input) { __typename ... on StaleObjectError { currentVersion } } }`

describe('a change made from an old read never overwrites a newer one', () => {
  it.each(cases.map((c) => [c.mutation, c] as const))(
    '%s without the version it read is refused',
    async (_name, c) => {
      const { input, stored } = await c.arrange(api.prisma)
      const before = await stored()
      const result = await api.graphql(document(c), { input }, admin)
      expect(result.status).toBe(400)
      expect(result.errors?.[0]?.message).toMatch(/version/)
      expect(await stored()).toEqual(before)
    },
  )

  it.each(cases.map((c) => [c.mutation, c] as const))(
    '%s with an old version is a StaleObjectError',
    async (_name, c) => {
      const { input, stored } = await c.arrange(api.prisma)
      await c.bump(api.prisma, input)
      const before = await stored()
      const result = await api.graphql(document(c), { input: { ...input, version: 1 } }, admin)
      expect(result.data?.[c.mutation]).toEqual({ __typename: 'StaleObjectError', currentVersion: 2 })
      expect(await stored()).toEqual(before)
    },
  )

  it.each(cases.map((c) => [c.mutation, c] as const))(
    '%s with the version it read goes through',
    async (_name, c) => {
      const { input } = await c.arrange(api.prisma)
      const result = await api.graphql(document(c), { input: { ...input, version: 1 } }, admin)
      expect(result.data?.[c.mutation].__typename).not.toMatch(/Error$/)
    },
  )
})
