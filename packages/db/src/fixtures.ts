// Test data builders: every test creates the centers, users, campaigns and people it needs, so no
// test depends on another's leftovers or on the seed.
import { randomUUID } from 'node:crypto'
import { foldSearchKey } from '@tangtoc/shared'
import type {
  Campaign,
  CampaignStatus,
  Center,
  CenterKind,
  Organization,
  PrismaClient,
  Role,
  User,
} from './generated/prisma/client.ts'
import { hashPassword } from './passwords.ts'

let sequence = 0
const unique = (prefix: string) => `${prefix}-${++sequence}-${randomUUID().slice(0, 8)}`

export async function createCenter(
  prisma: PrismaClient,
  options: {
    parent?: Center
    name?: string
    kind?: CenterKind
    organization?: Organization
    wardCode?: string
  } = {},
): Promise<Center> {
  const id = randomUUID()
  const name = options.name ?? `Bưu điện ${unique('TT')}`
  return prisma.center.create({
    data: {
      id,
      code: unique('C'),
      name,
      searchKey: foldSearchKey(name),
      kind: options.kind ?? (options.parent ? 'CENTRAL_POST_OFFICE' : 'CITY_POST_OFFICE'),
      organization: options.organization ?? 'VIETNAM_POST',
      parentId: options.parent?.id ?? null,
      path: `${options.parent?.path ?? '/'}${id}/`,
      wardCode: options.wardCode ?? null,
    },
  })
}

export interface CreatedUser extends User {
  /** The plain password, for tests that sign in through `logIn`. */
  password: string
}

export async function createUser(
  prisma: PrismaClient,
  options: { role: Role; center?: Center | null; username?: string; password?: string; active?: boolean },
): Promise<CreatedUser> {
  const password = options.password ?? `pw-${randomUUID()}`
  const user = await prisma.user.create({
    data: {
      username: options.username ?? unique(options.role.toLowerCase()),
      displayName: `Người dùng ${options.role}`,
      passwordHash: await hashPassword(password),
      role: options.role,
      centerId: options.center?.id ?? null,
      active: options.active ?? true,
    },
  })
  return { ...user, password }
}

export async function createCampaign(
  prisma: PrismaClient,
  options: {
    centers?: Center[]
    organizers?: Center[]
    status?: CampaignStatus
    startDate?: string
    endDate?: string
    name?: string
  } = {},
): Promise<Campaign> {
  const name = options.name ?? `Chiến dịch ${unique('CD')}`
  return prisma.campaign.create({
    data: {
      code: unique('CAMPAIGN'),
      name,
      searchKey: foldSearchKey(name),
      startDate: new Date(`${options.startDate ?? '2025-11-04'}T00:00:00Z`),
      endDate: new Date(`${options.endDate ?? '2026-01-02'}T00:00:00Z`),
      status: options.status ?? 'ACTIVE',
      centers: {
        create: [
          ...(options.organizers ?? []).map((center) => ({
            centerId: center.id,
            role: 'ORGANIZER' as const,
          })),
          ...(options.centers ?? []).map((center) => ({ centerId: center.id, role: 'PARTICIPANT' as const })),
        ],
      },
    },
  })
}

export * from './fixtures-enrollments.ts'
export * from './fixtures-outreach.ts'
export * from './fixtures-people.ts'
export * from './fixtures-reports.ts'
