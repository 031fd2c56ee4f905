import { defaultContributionParameters, hoChiMinhCityWards } from '@tangtoc/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyPassword } from '../src/passwords.ts'
import { apportion } from '../src/seed/apportion.ts'
import { launchCampaignCode, launchCenters, launchUsers, seedIfEmpty } from '../src/seed/index.ts'
import { centerServesWard } from '../src/seed/launch-centers.ts'
import { createTestDatabase, type TestDatabase } from '../src/testing.ts'

let database: TestDatabase
let first: Awaited<ReturnType<typeof seedIfEmpty>>

beforeAll(async () => {
  database = await createTestDatabase()
  first = await seedIfEmpty(database.prisma)
})
afterAll(() => database?.close())

describe('seedIfEmpty', () => {
  it('loads the 34 provinces, the 168 HCMC wards and the contribution parameters', async () => {
    const { prisma } = database
    expect(first.referenceData.provinces.created).toBe(34)
    expect(first.referenceData.wards.created).toBe(168)
    expect(await prisma.province.count()).toBe(34)
    expect(await prisma.ward.count({ where: { provinceCode: '79' } })).toBe(168)
    const saiGon = await prisma.ward.findUniqueOrThrow({ where: { code: '26740' } })
    expect(saiGon).toMatchObject({ name: 'Sài Gòn', searchKey: 'sai gon', type: 'WARD' })
    expect(await prisma.contributionParameter.count()).toBe(defaultContributionParameters.length)
  })

  it('changes nothing when run again, and leaves the campaigns alone once one exists', async () => {
    const again = await seedIfEmpty(database.prisma)
    expect(again).toEqual({
      referenceData: {
        provinces: { created: 0, updated: 0 },
        wards: { created: 0, updated: 0 },
        contributionParameters: { created: 0 },
        reminderTemplates: { created: 0 },
      },
      launchCampaignId: null,
      usersCreated: [],
    })
    expect(await database.prisma.campaign.count()).toBe(1)
  })

  it('creates the launch campaign: 60 days from 2025-11-04, active, organised by the city post office and HCMC social insurance', async () => {
    const campaign = await database.prisma.campaign.findUniqueOrThrow({
      where: { code: launchCampaignCode },
      include: { centers: { include: { center: true } } },
    })
    expect(first.launchCampaignId).toBe(campaign.id)
    expect(campaign.name).toBe(
      '60 ngày tăng tốc – Hoàn thành chỉ tiêu phát triển người tham gia BHXH, BHYT năm 2025',
    )
    expect(campaign.startDate.toISOString().slice(0, 10)).toBe('2025-11-04')
    expect(campaign.endDate.toISOString().slice(0, 10)).toBe('2026-01-02')
    expect((campaign.endDate.getTime() - campaign.startDate.getTime()) / 86_400_000 + 1).toBe(60)
    expect(campaign).toMatchObject({ status: 'ACTIVE', timeZone: 'Asia/Ho_Chi_Minh' })
    const organizers = campaign.centers
      .filter((link) => link.role === 'ORGANIZER')
      .map((link) => link.center.kind)
    expect(organizers.sort()).toEqual(['CITY_POST_OFFICE', 'CITY_SOCIAL_INSURANCE'])
    const participants = campaign.centers.filter((link) => link.role === 'PARTICIPANT')
    expect(participants.filter((link) => link.center.kind === 'CENTRAL_POST_OFFICE')).toHaveLength(8)
    expect(participants.filter((link) => link.center.kind === 'ONLINE_BRIDGE_POINT')).toHaveLength(2)
  })

  it('sets targets of 16,000 VSI and 350,000 HHI, a launch-day milestone of 3,000, and per-center targets that add up to them', async () => {
    const targets = await database.prisma.target.findMany({
      where: { campaign: { code: launchCampaignCode } },
    })
    const campaignWide = (product: string) =>
      targets.find((t) => t.product === product && t.centerId === null && t.dueDate === null)?.count
    expect(campaignWide('VOLUNTARY_SOCIAL_INSURANCE')).toBe(16_000)
    expect(campaignWide('HOUSEHOLD_HEALTH_INSURANCE')).toBe(350_000)
    const milestone = targets.find((t) => t.dueDate !== null)
    expect(milestone).toMatchObject({ product: null, centerId: null, count: 3_000, label: 'Ngày ra quân' })
    expect(milestone?.dueDate?.toISOString().slice(0, 10)).toBe('2025-11-04')
    for (const product of ['VOLUNTARY_SOCIAL_INSURANCE', 'HOUSEHOLD_HEALTH_INSURANCE']) {
      const perCenter = targets.filter((t) => t.product === product && t.centerId !== null)
      expect(perCenter.length).toBeGreaterThan(10)
      expect(perCenter.reduce((sum, t) => sum + t.count, 0)).toBe(campaignWide(product))
    }
  })

  it('builds the center tree with materialized id paths and real ward codes', async () => {
    const centers = await database.prisma.center.findMany()
    const byId = new Map(centers.map((center) => [center.id, center]))
    const wardCodes = new Set(hoChiMinhCityWards.map((ward) => ward.code))
    expect(centers).toHaveLength(launchCenters.length)
    for (const center of centers) {
      const parent = center.parentId ? byId.get(center.parentId) : undefined
      expect(center.path).toBe(`${parent?.path ?? '/'}${center.id}/`)
      expect(wardCodes.has(center.wardCode ?? '')).toBe(true)
    }
    const saiGon = centers.find((center) => center.code === 'BDTT-SAI-GON')
    expect(saiGon).toMatchObject({
      name: 'Bưu điện Trung tâm Sài Gòn',
      wardCode: '26740',
      searchKey: 'buu dien trung tam sai gon',
    })
    expect(byId.get(saiGon?.parentId ?? '')?.kind).toBe('CITY_POST_OFFICE')
  })

  it('creates the admin and the demo accounts with their documented passwords', async () => {
    const users = await database.prisma.user.findMany({ include: { center: true } })
    expect(users.map((user) => user.username).sort()).toEqual(['admin', 'agent', 'manager', 'viewer'])
    const admin = users.find((user) => user.username === 'admin')
    expect(admin).toMatchObject({ displayName: 'Quản trị viên', role: 'ADMIN' })
    expect(admin?.center?.kind).toBe('CITY_POST_OFFICE')
    expect(await verifyPassword(admin?.passwordHash ?? '', 'tangtoc-admin')).toBe(true)
    expect(await verifyPassword(admin?.passwordHash ?? '', 'tangtoc-agent')).toBe(false)
    for (const seeded of launchUsers.filter((user) => user.username !== 'admin')) {
      const user = users.find((candidate) => candidate.username === seeded.username)
      expect(user?.center?.code).toBe('BDTT-SAI-GON')
      expect(await verifyPassword(user?.passwordHash ?? '', seeded.password)).toBe(true)
    }
  })
})

describe('launch center areas', () => {
  it('give every HCMC ward to exactly one central post office or bridge point', () => {
    const areas = launchCenters.filter(
      (center) => center.kind === 'CENTRAL_POST_OFFICE' || center.kind === 'ONLINE_BRIDGE_POINT',
    )
    for (const ward of hoChiMinhCityWards) {
      expect(areas.filter((center) => centerServesWard(center, ward.code)).map((c) => c.code)).toHaveLength(1)
    }
  })
})

describe('apportion', () => {
  it('splits a total into whole parts that add up to it exactly', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3])
    expect(apportion(16_000, [14, 9, 11, 9, 10, 7, 9, 8, 8, 5, 1.25]).reduce((a, b) => a + b, 0)).toBe(16_000)
  })
})
