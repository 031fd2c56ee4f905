// A national demo: one campaign per province (Ho Chi Minh City's is the launch campaign), each filled by
// the demo generator with its share of the enrollments by population. It measures the tool at the size
// of a national drive (docs/scaling.md, "National scale"); the people are Ho Chi Minh City's (the ward
// snapshot holds only its wards), only the campaigns, centers, staff and counts are per province.

import { findProvince, foldSearchKey, hoChiMinhCityProvinceCode, type Province } from '@tangtoc/shared'
import type { PrismaClient } from '../generated/prisma/client.ts'
import { apportion } from './apportion.ts'
import { type DemoResult, seedDemo, takenCitizenIds } from './demo.ts'
import {
  createLaunchPeriodCampaign,
  launchCampaign,
  launchCampaignCode,
  seedLaunchCampaign,
} from './launch-campaign.ts'
import { randomUuidv7 } from './random.ts'

/**
 * Population by province code, in thousands, rounded: the 2024 figures of the provinces each of the 34
 * merged (Resolution 202/2025/QH15), summed. Only the shares matter here; UNCONFIRMED to the thousand.
 */
export const provincePopulation: Readonly<Record<string, number>> = {
  '79': 14_000,
  '01': 8_700,
  '91': 4_950,
  '31': 4_660,
  '75': 4_490,
  '37': 4_410,
  '82': 4_370,
  '38': 4_300,
  '86': 4_260,
  '92': 4_200,
  '25': 4_000,
  '68': 3_870,
  '40': 3_830,
  '24': 3_620,
  '52': 3_580,
  '33': 3_570,
  '66': 3_350,
  '80': 3_250,
  '48': 3_070,
  '96': 2_600,
  '56': 2_240,
  '51': 2_160,
  '08': 1_870,
  '44': 1_870,
  '19': 1_800,
  '15': 1_780,
  '42': 1_630,
  '46': 1_430,
  '22': 1_380,
  '14': 1_300,
  '20': 810,
  '11': 640,
  '04': 570,
  '12': 490,
}

/** The provinces, most populous first. */
export const provincesByPopulation: readonly string[] = Object.entries(provincePopulation)
  .sort(([, a], [, b]) => b - a)
  .map(([code]) => code)

/** The campaign code of a province's drive; Ho Chi Minh City's is the launch campaign. */
export const provinceCampaignCode = (provinceCode: string) =>
  provinceCode === hoChiMinhCityProvinceCode ? launchCampaignCode : `${launchCampaignCode}-${provinceCode}`

export type NationalOptions = {
  /** How many provinces, most populous first (1–34). */
  readonly provinces: number
  /** Enrollments over all of them, split by population. */
  readonly enrollments: number
  /** Enrollments of the year before over all of them, split the same way; none by default. */
  readonly previousYear?: number
  readonly seed: number
  readonly replace?: boolean
  /** Told after each province, for a progress line. */
  readonly onProvince?: (code: string, result: DemoResult) => void
}

export type NationalResult = {
  campaigns: { provinceCode: string; campaignCode: string; campaignId: string; enrollments: number }[]
  milliseconds: { provinces: number; worklistRebuild: number }
}

/** Participating post offices per million people, at least two per province. */
const centersPerMillion = 1.5

type ProvinceCenterKind = 'CITY_POST_OFFICE' | 'CITY_SOCIAL_INSURANCE' | 'POST_OFFICE'

/** A province's centers: its post office and social insurance (organisers) and its post offices. */
function provinceCenters(province: Province, offices: number) {
  const center = (
    suffix: string,
    name: string,
    kind: ProvinceCenterKind,
    parent?: { id: string; path: string },
  ) => {
    const id = randomUuidv7()
    return {
      id,
      code: `${suffix}-${province.code}`,
      name,
      searchKey: foldSearchKey(name),
      kind,
      organization:
        kind === 'CITY_SOCIAL_INSURANCE' ? ('SOCIAL_INSURANCE' as const) : ('VIETNAM_POST' as const),
      parentId: parent?.id ?? null,
      path: `${parent?.path ?? '/'}${id}/`,
    }
  }
  const postOffice = center('BD', `Bưu điện ${province.fullName}`, 'CITY_POST_OFFICE')
  const socialInsurance = center('BHXH', `Bảo hiểm xã hội ${province.fullName}`, 'CITY_SOCIAL_INSURANCE')
  const participants = Array.from({ length: offices }, (_, index) =>
    center(`BD${index + 1}`, `Bưu cục ${province.name} ${index + 1}`, 'POST_OFFICE', postOffice),
  )
  return { organizers: [postOffice, socialInsurance], participants }
}

/** A province's campaign with its centers, and targets scaling the launch campaign's by population. */
async function ensureProvinceCampaign(prisma: PrismaClient, provinceCode: string): Promise<string> {
  const code = provinceCampaignCode(provinceCode)
  if (provinceCode === hoChiMinhCityProvinceCode) return code
  if (await prisma.campaign.findUnique({ where: { code }, select: { id: true } })) return code
  const province = findProvince(provinceCode)
  if (!province) throw new Error(`seedNational: no province with code ${provinceCode}`)
  const population = provincePopulation[provinceCode] ?? 1_000
  const { organizers, participants } = provinceCenters(
    province,
    Math.max(2, Math.round((population / 1_000) * centersPerMillion)),
  )
  const scale = population / (provincePopulation[hoChiMinhCityProvinceCode] ?? population)
  const products = Object.keys(launchCampaign.targets) as (keyof typeof launchCampaign.targets)[]
  await prisma.$transaction(async (tx) => {
    await tx.center.createMany({ data: [...organizers, ...participants] })
    await createLaunchPeriodCampaign(
      tx,
      {
        code,
        name: `${launchCampaign.name} – ${province.name}`,
        searchText: `${launchCampaign.name} ${province.name}`,
      },
      { organizerIds: organizers.map((c) => c.id), participantIds: participants.map((c) => c.id) },
      (campaignId) =>
        products.flatMap((product) => {
          const count = Math.round(launchCampaign.targets[product] * scale)
          const shares = apportion(
            count,
            participants.map(() => 1),
          )
          return [
            { campaignId, product, count },
            ...participants.map((c, index) => ({
              campaignId,
              product,
              centerId: c.id,
              count: shares[index] ?? 0,
            })),
          ]
        }),
    )
  })
  return code
}

/**
 * Seeds the `provinces` most populous provinces' campaigns with `enrollments` split by population, one
 * demo each, sharing one set of citizen ids; the worklists (a pass over every row) are rebuilt once at
 * the end rather than after each province.
 */
export async function seedNational(prisma: PrismaClient, options: NationalOptions): Promise<NationalResult> {
  if (
    !Number.isInteger(options.provinces) ||
    options.provinces < 1 ||
    options.provinces > provincesByPopulation.length
  )
    throw new RangeError(
      `seedNational: provinces must be a whole number from 1 to ${provincesByPopulation.length}`,
    )
  const started = performance.now()
  await seedLaunchCampaign(prisma)
  const chosen = provincesByPopulation.slice(0, options.provinces)
  const weights = chosen.map((code) => provincePopulation[code] ?? 0)
  const shares = apportion(options.enrollments, weights)
  const previousShares = apportion(options.previousYear ?? 0, weights)
  const taken = await takenCitizenIds(prisma, [])
  const campaigns: NationalResult['campaigns'] = []
  for (const [index, provinceCode] of chosen.entries()) {
    const campaignCode = await ensureProvinceCampaign(prisma, provinceCode)
    const enrollments = shares[index] ?? 0
    const result = await seedDemo(prisma, {
      campaignCode,
      enrollments,
      previousYear: previousShares[index] ?? 0,
      seed: options.seed + index,
      replace: options.replace ?? false,
      takenCitizenIds: taken,
      rebuildWorklists: false,
    })
    options.onProvince?.(provinceCode, result)
    campaigns.push({ provinceCode, campaignCode, campaignId: result.campaignId, enrollments })
  }
  const loaded = performance.now()
  await prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL tangtoc.bulk_load = 'on'`)
      await tx.$executeRawUnsafe('SELECT worklist_rebuild()')
    },
    { timeout: 60 * 60_000 },
  )
  return {
    campaigns,
    milliseconds: {
      provinces: Math.round(loaded - started),
      worklistRebuild: Math.round(performance.now() - loaded),
    },
  }
}
