// The campaign the tool was built for: "60 ngày tăng tốc", launched by HCMC Social Insurance and
// Vietnam Post on 2025-11-04 at the city post office, with online bridge points
// (docs/domain/vn-insurance.md §0).

import { foldSearchKey } from '@tangtoc/shared'
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts'
import { apportion } from './apportion.ts'
import { type LaunchCenter, launchCenters } from './launch-centers.ts'
import { randomUuidv7 } from './random.ts'

export type Db = PrismaClient | Prisma.TransactionClient

export const launchCampaignCode = 'TANG-TOC-2025'

export const launchCampaign = {
  code: launchCampaignCode,
  name: '60 ngày tăng tốc – Hoàn thành chỉ tiêu phát triển người tham gia BHXH, BHYT năm 2025',
  description:
    'Ra quân ngày 04/11/2025 tại Bưu điện Thành phố Hồ Chí Minh và trực tuyến tại các điểm cầu ' +
    'Bình Dương, Bà Rịa – Vũng Tàu (cũ). Bảo hiểm xã hội Thành phố Hồ Chí Minh và Bưu điện Thành phố ' +
    'phối hợp phát triển người tham gia BHXH tự nguyện và BHYT hộ gia đình.',
  startDate: '2025-11-04',
  endDate: '2026-01-02',
  timeZone: 'Asia/Ho_Chi_Minh',
  targets: { VOLUNTARY_SOCIAL_INSURANCE: 16_000, HOUSEHOLD_HEALTH_INSURANCE: 350_000 },
  launchDayMilestone: { count: 3_000, dueDate: '2025-11-04', label: 'Ngày ra quân' },
} as const

export const launchOrganizerCodes = launchCenters.filter((c) => c.parentCode === undefined).map((c) => c.code)

/** The centers that enrol people, each with its share of the campaign targets. */
export const launchParticipants: readonly (LaunchCenter & { targetWeight: number })[] = launchCenters.filter(
  (center): center is LaunchCenter & { targetWeight: number } => center.targetWeight !== undefined,
)

/** A calendar date (YYYY-MM-DD) as the UTC midnight Prisma stores in a `@db.Date` column. */
export function dateOnly(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00.000Z`)
}

/**
 * Creates or finds the centers of `launchCenters` by code, parents first, and returns their ids by
 * code. Existing centers are left as admins edited them.
 */
export async function upsertLaunchCenters(db: Db): Promise<Map<string, { id: string; path: string }>> {
  const byCode = new Map<string, { id: string; path: string }>()
  const existing = await db.center.findMany({
    where: { code: { in: launchCenters.map((c) => c.code) } },
    select: { id: true, code: true, path: true },
  })
  for (const center of existing) byCode.set(center.code, { id: center.id, path: center.path })

  for (const center of launchCenters) {
    if (byCode.has(center.code)) continue
    const parent = center.parentCode === undefined ? undefined : byCode.get(center.parentCode)
    if (center.parentCode !== undefined && parent === undefined) {
      throw new Error(`Center ${center.code} is listed before its parent ${center.parentCode}`)
    }
    const id = randomUuidv7()
    const path = `${parent?.path ?? '/'}${id}/`
    await db.center.create({
      data: {
        id,
        code: center.code,
        name: center.name,
        searchKey: foldSearchKey(center.name),
        kind: center.kind,
        organization: center.organization,
        parentId: parent?.id ?? null,
        path,
        address: center.address ?? null,
        wardCode: center.wardCode,
      },
    })
    byCode.set(center.code, { id, path })
  }
  return byCode
}

export type LaunchCampaignResult = { campaignId: string; created: boolean }

/**
 * The launch campaign with its centers, roles and targets. Does nothing but look the campaign up when
 * it already exists, so admins' later edits survive restarts.
 */
export async function seedLaunchCampaign(prisma: PrismaClient): Promise<LaunchCampaignResult> {
  const found = await prisma.campaign.findUnique({
    where: { code: launchCampaign.code },
    select: { id: true },
  })
  if (found) return { campaignId: found.id, created: false }

  return prisma.$transaction(async (tx) => {
    const centers = await upsertLaunchCenters(tx)
    const centerId = (code: string) => {
      const center = centers.get(code)
      if (!center) throw new Error(`Launch center ${code} is missing`)
      return center.id
    }

    const weights = launchParticipants.map((center) => center.targetWeight)
    const products = Object.keys(launchCampaign.targets) as (keyof typeof launchCampaign.targets)[]
    const campaignId = await createLaunchPeriodCampaign(
      tx,
      {
        code: launchCampaign.code,
        name: launchCampaign.name,
        searchText: launchCampaign.name,
        description: launchCampaign.description,
      },
      {
        organizerIds: launchOrganizerCodes.map(centerId),
        participantIds: launchParticipants.map((center) => centerId(center.code)),
      },
      (campaignId) => [
        ...products.map((product) => ({
          campaignId,
          product,
          count: launchCampaign.targets[product],
        })),
        {
          campaignId,
          product: null,
          dueDate: dateOnly(launchCampaign.launchDayMilestone.dueDate),
          label: launchCampaign.launchDayMilestone.label,
          count: launchCampaign.launchDayMilestone.count,
        },
        ...products.flatMap((product) => {
          const counts = apportion(launchCampaign.targets[product], weights)
          return launchParticipants.map((center, index) => ({
            campaignId,
            product,
            centerId: centerId(center.code),
            count: counts[index] ?? 0,
          }))
        }),
      ],
    )

    return { campaignId, created: true }
  })
}

/**
 * An ACTIVE campaign over the launch campaign's dates and time zone, with its organizers, its
 * participants and the targets `targets` gives for its id (the launch campaign, and each province's).
 */
export async function createLaunchPeriodCampaign(
  tx: Db,
  campaign: { code: string; name: string; searchText: string; description?: string },
  centers: { organizerIds: readonly string[]; participantIds: readonly string[] },
  targets: (campaignId: string) => Prisma.TargetCreateManyInput[],
): Promise<string> {
  const { id: campaignId } = await tx.campaign.create({
    data: {
      code: campaign.code,
      name: campaign.name,
      searchKey: foldSearchKey(campaign.searchText),
      description: campaign.description,
      startDate: dateOnly(launchCampaign.startDate),
      endDate: dateOnly(launchCampaign.endDate),
      timeZone: launchCampaign.timeZone,
      status: 'ACTIVE',
    },
    select: { id: true },
  })
  await tx.campaignCenter.createMany({
    data: [
      ...centers.organizerIds.map((centerId) => ({ campaignId, centerId, role: 'ORGANIZER' as const })),
      ...centers.participantIds.map((centerId) => ({ campaignId, centerId, role: 'PARTICIPANT' as const })),
    ],
  })
  await tx.target.createMany({ data: targets(campaignId) })
  return campaignId
}
