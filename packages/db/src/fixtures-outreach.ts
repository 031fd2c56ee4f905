// Test data builders for campaigns' targets and outreach sessions.
import type {
  AudienceGroup,
  Campaign,
  Center,
  OutreachSession,
  PrismaClient,
  Product,
  SessionKind,
  SessionStatus,
  Target,
  User,
} from './generated/prisma/client.ts'

export async function createOutreachSession(
  prisma: PrismaClient,
  options: {
    campaign: Campaign
    center: Center
    title?: string
    kind?: SessionKind
    startsAt?: string
    endsAt?: string
    status?: SessionStatus
    audiences?: AudienceGroup[]
    wardCode?: string
    createdBy?: User
  },
): Promise<OutreachSession> {
  const startsAt =
    options.startsAt ?? `${options.campaign.startDate.toISOString().slice(0, 10)}T08:00:00+07:00`
  return prisma.outreachSession.create({
    data: {
      campaignId: options.campaign.id,
      centerId: options.center.id,
      title: options.title ?? 'Tư vấn BHXH tự nguyện tại khu phố',
      kind: options.kind ?? 'CONSULTATION_GROUP',
      venueKind: 'NEIGHBORHOOD',
      startsAt: new Date(startsAt),
      endsAt: new Date(
        options.endsAt ?? new Date(new Date(startsAt).getTime() + 2 * 3_600_000).toISOString(),
      ),
      status: options.status ?? 'PLANNED',
      audiences: options.audiences ?? ['FREELANCER'],
      wardCode: options.wardCode ?? null,
      createdById: options.createdBy?.id ?? null,
    },
  })
}

export async function createTarget(
  prisma: PrismaClient,
  options: {
    campaign: Campaign
    center?: Center
    product?: Product | null
    dueDate?: string
    count?: number
  },
): Promise<Target> {
  return prisma.target.create({
    data: {
      campaignId: options.campaign.id,
      centerId: options.center?.id ?? null,
      product: options.product === undefined ? 'VOLUNTARY_SOCIAL_INSURANCE' : options.product,
      dueDate: options.dueDate ? new Date(`${options.dueDate}T00:00:00Z`) : null,
      count: options.count ?? 100,
    },
  })
}
