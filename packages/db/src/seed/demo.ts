// A deterministic demo of a whole campaign: outreach sessions, people, households and enrollments
// with their status histories, shaped like the real drive (a launch-day spike, quieter weekends, a
// year-end push; ~16,000 VSI to 350,000 HHI). The same seed on the same database gives the same rows.
//
// Speed: rows are generated in memory and loaded with one `INSERT … SELECT FROM unnest(…)` per
// 10,000 rows and table, ids are UUID v7 made here, and the rollups (per-day and per-segment counts)
// are one recount each at the end.

import {
  addDays,
  type ContributionParameter,
  coverageEnd,
  coverageOfPayment,
  defaultContributionParameters,
  type EnrollmentStatus,
  foldSearchKey,
  followUpEffect,
  hoChiMinhCityProvinceCode,
  hoChiMinhCityWards,
  type Product,
  personSearchKey,
  quoteContribution,
  type Sex,
  type SupportGroup,
  searchPrefixes,
  type Ward,
} from '@tangtoc/shared'
import type {
  AudienceGroup,
  CountDay,
  FollowUpMeans,
  FollowUpOutcome,
  PrismaClient,
  SessionKind,
  VenueKind,
} from '../generated/prisma/client.ts'
import { hashPassword } from '../passwords.ts'
import { recountCampaignRollups } from '../rollup-counts.ts'
import { apportion } from './apportion.ts'
import { BulkTable, enumArray, textArray } from './bulk-insert.ts'
import {
  address,
  birthProvince,
  citizenId,
  dateOfBirth,
  familyName,
  fullName,
  mobilePhone,
  type Region,
  regionOfWard,
} from './demo-people.ts'
import type { Db } from './launch-campaign.ts'
import { centerServesWard, launchCenters } from './launch-centers.ts'
import { launchUsers } from './launch-users.ts'
import { Random } from './random.ts'

export type DemoOptions = {
  readonly campaignCode: string
  /** How many enrollments to create, VSI and HHI together, split like the campaign's targets. */
  readonly enrollments: number
  readonly seed: number
  /** How many outreach sessions; one per hundred enrollments by default. */
  readonly sessions?: number
  /**
   * How many enrollments the same campaign a year earlier gets (`<code>-TRUOC`, created when missing),
   * whose participants this year's renew or leave to lapse; as many as this year's by default, 0 for none.
   */
  readonly previousYear?: number
  /** Replace the campaign's sessions and enrollments (and the people only they used) if it has any. */
  readonly replace?: boolean
  /**
   * Citizen ids already in use, when a caller seeding many campaigns loaded them once (the demo adds its
   * own); read from the database when absent.
   */
  readonly takenCitizenIds?: Set<string>
  /**
   * Recount the worklists (a pass over every enrollment in the database) at the end; on by default. A
   * caller seeding many campaigns turns it off and calls worklist_rebuild() once after the last.
   */
  readonly rebuildWorklists?: boolean
}

export type DemoResult = {
  campaignId: string
  sessions: number
  people: number
  households: number
  enrollments: { voluntarySocialInsurance: number; householdHealthInsurance: number }
  statusChanges: number
  dailyCounts: number
  segmentCounts: number
  segmentTotals: number
  /** The campaign a year earlier, when seeded. */
  previousYear: {
    campaignId: string
    code: string
    sessions: number
    people: number
    enrollments: { voluntarySocialInsurance: number; householdHealthInsurance: number }
    /** Its paid registrations (a participant, or a household), and how many of them this year's renew. */
    paidRegistrations: number
    renewedRegistrations: number
  } | null
  /** People consulted at this year's sessions who did not register. */
  leads: number
  /** Contact attempts about this year's unpaid registrations and last year's expiring cards. */
  followUps: number
  usersCreated: number
  milliseconds: { prepare: number; load: number; recount: number; worklistRebuild: number; total: number }
}

/** Password of the demo agents and managers the generator creates (`<center code>.1`, `….manager`). */
export const demoUserPassword = 'tangtoc-demo'

const minute = 60_000
const day = 86_400_000
/** Rows generated before they are flushed to the database, to bound memory at full size. */
const flushEvery = 30_000

type Center = {
  id: string
  code: string
  name: string
  kind: string
  organization: string
  wardCode: string | null
  address: string | null
}

type CenterPlan = Center & {
  /** Relative number of registrations, per product. */
  weight: Record<Product, number>
  wards: readonly Ward[]
  agents: readonly string[]
  manager: string | null
}

type PlannedSession = {
  id: string
  center: CenterPlan
  dayIndex: number
  startsAt: number
  endsAt: number
  kind: SessionKind
  venueKind: VenueKind
  ward: Ward | null
  audiences: readonly AudienceGroup[]
  cancelled: boolean
}

type Lifecycle = {
  status: EnrollmentStatus
  steps: { to: EnrollmentStatus; at: number; byManager: boolean }[]
}

// ─── Local time ──────────────────────────────────────────────────────────────

/** The zone's offset from UTC in minutes at an instant (Asia/Ho_Chi_Minh: +420, no daylight saving). */
function zoneOffsetMinutes(timeZone: string, at: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(new Date(at))
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value)
  const asUtc = Date.UTC(value('year'), value('month') - 1, value('day'), value('hour'), value('minute'))
  return Math.round((asUtc - at) / minute)
}

/** Dates from `start` to `end` inclusive, 'YYYY-MM-DD'. */
function campaignDays(start: Date, end: Date): string[] {
  const days: string[] = []
  for (let at = start.getTime(); at <= end.getTime(); at += day)
    days.push(new Date(at).toISOString().slice(0, 10))
  return days
}

/** 0 = Sunday … 6 = Saturday, of a calendar date. */
function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay()
}

/**
 * Relative registrations per day after the launch: a ramp over the first four weeks as the mobile
 * groups get going, quieter Saturdays and Sundays, a push in the last ten days of the year, and the
 * New Year's Day holiday.
 */
function dayWeight(date: string, index: number, random: Random): number {
  const ramp = 0.15 + 0.85 * Math.min(1, index / 28)
  const week = [0.35, 1, 1, 1, 1, 1, 0.6][weekday(date)] ?? 1
  const monthDay = date.slice(5)
  const season = monthDay === '01-01' ? 0.15 : monthDay >= '12-22' || monthDay === '01-02' ? 1.3 : 1
  return ramp * week * season * (0.9 + 0.2 * random.next())
}

// ─── Sessions ────────────────────────────────────────────────────────────────

const sessionKinds: readonly (readonly [SessionKind, number])[] = [
  ['CONSULTATION_GROUP', 35],
  ['DOOR_TO_DOOR', 25],
  ['MARKET_STALL', 15],
  ['CONFERENCE', 8],
  ['ONLINE', 7],
]

const venuesByKind: Record<SessionKind, readonly (readonly [VenueKind, number])[]> = {
  LAUNCH_CEREMONY: [['POST_OFFICE', 1]],
  CONSULTATION_GROUP: [
    ['RESIDENTIAL_AREA', 30],
    ['NEIGHBORHOOD', 25],
    ['ROOMING_HOUSE', 20],
    ['POST_OFFICE', 15],
    ['WORKPLACE', 10],
  ],
  DOOR_TO_DOOR: [
    ['RESIDENTIAL_AREA', 45],
    ['ROOMING_HOUSE', 35],
    ['NEIGHBORHOOD', 20],
  ],
  MARKET_STALL: [['MARKET', 1]],
  CONFERENCE: [
    ['NEIGHBORHOOD', 50],
    ['OTHER', 35],
    ['WORKPLACE', 15],
  ],
  ONLINE: [['ONLINE', 1]],
}

const audiencesByVenue: Record<VenueKind, readonly AudienceGroup[]> = {
  RESIDENTIAL_AREA: ['FREELANCER', 'RETIREE', 'HOUSEHOLD_WORKER', 'OTHER'],
  NEIGHBORHOOD: ['FREELANCER', 'SMALL_TRADER', 'RETIREE', 'OTHER'],
  MARKET: ['SMALL_TRADER', 'FREELANCER'],
  POST_OFFICE: ['FREELANCER', 'SMALL_TRADER', 'OTHER'],
  SOCIAL_INSURANCE_OFFICE: ['FREELANCER', 'SMALL_TRADER', 'OTHER'],
  ROOMING_HOUSE: ['LANDLORD', 'FREELANCER', 'HOUSEHOLD_WORKER'],
  WORKPLACE: ['FREELANCER', 'HOUSEHOLD_WORKER'],
  ONLINE: ['FREELANCER', 'STUDENT', 'OTHER'],
  OTHER: ['FREELANCER', 'SMALL_TRADER', 'LANDLORD', 'OTHER'],
}

/** Local start times in minutes after midnight: markets open early, rooming houses are met after work. */
function sessionTimes(
  random: Random,
  venueKind: VenueKind,
  kind: SessionKind,
): [start: number, length: number] {
  if (venueKind === 'MARKET') return [random.pick([360, 390, 420]), random.int(180, 300)]
  if (kind === 'ONLINE') return [random.pick([540, 600, 840, 1200]), random.int(60, 120)]
  if (kind === 'CONFERENCE') return [random.pick([450, 480, 840]), random.int(120, 180)]
  if (venueKind === 'ROOMING_HOUSE' && random.chance(0.6))
    return [random.pick([1110, 1140]), random.int(90, 150)]
  return [random.pick([450, 480, 510, 540, 840, 870, 900]), random.int(120, 240)]
}

function sessionTitle(session: PlannedSession, random: Random): string {
  const ward = session.ward
  const place = ward?.fullName ?? ''
  switch (session.venueKind) {
    case 'MARKET':
      return `Tư vấn BHXH, BHYT tại chợ ${ward?.name ?? ''}`
    case 'ROOMING_HOUSE':
      return `Tư vấn tại khu nhà trọ, ${place}`
    case 'RESIDENTIAL_AREA':
      return `Tổ tư vấn lưu động khu dân cư, ${place}`
    case 'NEIGHBORHOOD':
      return ward?.type === 'WARD'
        ? `Tuyên truyền tại tổ dân phố ${random.int(1, 40)}, ${place}`
        : `Tuyên truyền tại ấp ${random.int(1, 12)}, ${place}`
    case 'WORKPLACE':
      return `Tư vấn cho người lao động tự do, ${place}`
    case 'POST_OFFICE':
      return `Tư vấn tại quầy giao dịch, ${session.center.name}`
    case 'SOCIAL_INSURANCE_OFFICE':
      return `Tư vấn tại trụ sở ${session.center.name}`
    case 'ONLINE':
      return `Tư vấn trực tuyến BHXH tự nguyện, BHYT hộ gia đình – ${session.center.name}`
    case 'OTHER':
      return `Hội nghị tuyên truyền chính sách BHXH, BHYT, ${place}`
  }
}

const sessionNotes = [
  'Phát tờ rơi, hướng dẫn cài đặt VssID và VNeID.',
  'Phối hợp với Ủy ban nhân dân phường và tổ trưởng tổ dân phố.',
  'Nhiều người hỏi về mức hỗ trợ của Nhà nước.',
  'Người dân đề nghị tổ chức thêm buổi tư vấn vào buổi tối.',
  'Thu tiền mặt và qua chuyển khoản.',
]
const cancelReasons = ['Mưa lớn, dời lịch.', 'Trùng lịch họp của phường.', 'Địa điểm chưa sẵn sàng.']
const rejectReasons = [
  'Thông tin căn cước không khớp Cơ sở dữ liệu quốc gia về dân cư.',
  'Đã có thẻ BHYT còn hạn theo nhóm đối tượng khác.',
  'Hồ sơ trùng với hồ sơ đã nộp.',
]
const cancelEnrollmentReasons = [
  'Người tham gia không đóng tiền.',
  'Người tham gia đổi ý.',
  'Nhập trùng hồ sơ.',
]

// ─── People ──────────────────────────────────────────────────────────────────

const vsiOccupations: readonly (readonly [AudienceGroup, number])[] = [
  ['FREELANCER', 40],
  ['SMALL_TRADER', 28],
  ['LANDLORD', 7],
  ['HOUSEHOLD_WORKER', 9],
  ['FARMER', 4],
  ['OTHER', 12],
]
const headOccupations: readonly (readonly [AudienceGroup, number])[] = [
  ['SMALL_TRADER', 28],
  ['FREELANCER', 30],
  ['LANDLORD', 6],
  ['HOUSEHOLD_WORKER', 8],
  ['RETIREE', 8],
  ['FARMER', 5],
  ['OTHER', 15],
]

type Member = {
  sex: Sex
  age: [number, number]
  family: string
  relation: string
  occupation: AudienceGroup | null
  phoneChance: number
  localBirth: boolean
}

/**
 * Who lives together and pays household health insurance together: adults only, since children under
 * 6 are state-insured and pupils are insured at school (docs/domain/vn-insurance.md §2, Appendix C).
 */
function householdMembers(random: Random, size: number): Member[] {
  const head = householdHead(random)
  const members: Member[] = [head.member]
  const spouseFamily = familyName(random)
  const childrenFamily = head.member.sex === 'MALE' ? head.member.family : spouseFamily
  let hasSpouse = false
  while (members.length < size) {
    if (!hasSpouse && random.chance(0.85)) {
      hasSpouse = true
      members.push(spouseOf(random, head, spouseFamily))
    } else {
      members.push(relativeOf(random, head, childrenFamily))
    }
  }
  return members
}

/** A household's head, aged 25 to 75, and the age its relatives are counted from. */
function householdHead(random: Random): { member: Member; age: number } {
  const sex: Sex = random.chance(0.55) ? 'MALE' : 'FEMALE'
  const age = Math.max(25, Math.min(75, Math.round(48 + 12 * random.gaussian())))
  const family = familyName(random)
  return {
    member: {
      sex,
      age: [age, age],
      family,
      relation: 'Chủ hộ',
      occupation: random.weighted(headOccupations),
      phoneChance: 1,
      localBirth: false,
    },
    age,
  }
}

type Head = ReturnType<typeof householdHead>

/** The head's wife or husband, of about the head's age. */
function spouseOf(random: Random, head: Head, family: string): Member {
  const sex: Sex = head.member.sex === 'MALE' ? 'FEMALE' : 'MALE'
  const age = Math.max(20, head.age + random.int(-6, 4) * (sex === 'FEMALE' ? 1 : -1))
  return {
    sex,
    age: [age, age],
    family,
    relation: sex === 'FEMALE' ? 'Vợ' : 'Chồng',
    occupation: random.weighted([
      ['HOUSEHOLD_WORKER', 3],
      ['SMALL_TRADER', 3],
      ['FREELANCER', 3],
      ['OTHER', 2],
    ]),
    phoneChance: 0.85,
    localBirth: false,
  }
}

/** An adult child (of a head 40 or older), a parent (of a head 60 or younger) or a sibling of the head. */
function relativeOf(random: Random, head: Head, childrenFamily: string): Member {
  const role = random.weighted([
    ['CHILD', head.age >= 40 ? 6 : 0],
    ['PARENT', head.age <= 60 ? 2 : 0],
    ['SIBLING', 1],
  ] as const)
  const sex: Sex = random.chance(0.5) ? 'MALE' : 'FEMALE'
  if (role === 'CHILD') {
    return {
      sex,
      age: [18, Math.max(18, Math.min(35, head.age - 20))],
      family: childrenFamily,
      relation: 'Con',
      occupation: random.weighted([
        ['FREELANCER', 4],
        ['STUDENT', 2],
        ['OTHER', 2],
      ]),
      phoneChance: 0.8,
      localBirth: true,
    }
  }
  if (role === 'PARENT') {
    return {
      sex,
      age: [head.age + 20, Math.min(85, head.age + 32)],
      family: sex === 'MALE' && head.member.sex === 'MALE' ? head.member.family : familyName(random),
      relation: sex === 'MALE' ? 'Cha' : 'Mẹ',
      occupation: random.chance(0.7) ? 'RETIREE' : null,
      phoneChance: 0.4,
      localBirth: false,
    }
  }
  const older = random.chance(0.5)
  return {
    sex,
    age: older ? [head.age + 1, head.age + 8] : [Math.max(18, head.age - 8), Math.max(18, head.age - 1)],
    family: head.member.family,
    relation: older ? (sex === 'MALE' ? 'Anh' : 'Chị') : 'Em',
    occupation: random.weighted(vsiOccupations),
    phoneChance: 0.7,
    localBirth: false,
  }
}

const localBirthProvince: Record<Region, string> = {
  HO_CHI_MINH_CITY: '079',
  BINH_DUONG: '074',
  BA_RIA_VUNG_TAU: '077',
}

/** Monthly incomes people choose: most the floor, a long tail above it, in the 50,000 steps. */
function monthlyIncome(random: Random, floor: number, step: number, cap: number): number {
  const band = random.weighted([
    [[0, 0], 55],
    [[1, 30], 20],
    [[30, 90], 15],
    [[90, 210], 8],
    [[210, 470], 2],
  ] as const)
  return Math.min(cap, floor + random.int(band[0], band[1]) * step)
}

// ─── Statuses ────────────────────────────────────────────────────────────────

/** `at`, or when it falls outside 07:30–20:00 local time, a moment of the next morning. */
function duringOfficeHours(at: number, zoneOffset: number, random: Random): number {
  const local = at + zoneOffset
  const minutes = Math.floor((((local % day) + day) % day) / minute)
  if (minutes >= 450 && minutes < 1200) return at
  const midnight = local - (((local % day) + day) % day) - zoneOffset
  const morning = (minutes < 450 ? midnight : midnight + day) + random.int(450, 600) * minute
  return morning + random.int(0, 59_999)
}

/**
 * A registration's status and the steps that led to it, allowed by the shared lifecycle. Late in the
 * campaign more are still waiting to be submitted or paid.
 */
function lifecycle(
  random: Random,
  registeredAt: number,
  daysLeft: number,
  zoneOffset: number,
  closed: boolean,
): Lifecycle {
  const late = daysLeft < 6 && !closed
  // A year later, last year's registrations were paid, rejected or cancelled long ago.
  const waiting = closed ? 0 : 1
  const status = random.weighted<EnrollmentStatus>([
    ['ACTIVE', late ? 25 : 58],
    ['PAID', late ? 35 : 24],
    ['SUBMITTED', (late ? 22 : 9) * waiting],
    ['DRAFT', (late ? 12 : 4) * waiting],
    ['REJECTED', 2],
    ['CANCELLED', 3],
  ])
  const steps: Lifecycle['steps'] = [{ to: 'DRAFT', at: registeredAt, byManager: false }]
  let at = registeredAt
  const next = (to: EnrollmentStatus, minMinutes: number, maxMinutes: number, byManager: boolean) => {
    at += random.int(minMinutes, maxMinutes) * minute
    if (byManager) at = duringOfficeHours(at, zoneOffset, random)
    steps.push({ to, at, byManager })
  }
  const cancelFrom = random.weighted<EnrollmentStatus>([
    ['DRAFT', 5],
    ['SUBMITTED', 3],
    ['PAID', 1],
  ])
  if (status === 'DRAFT' || (status === 'CANCELLED' && cancelFrom === 'DRAFT')) {
    if (status === 'CANCELLED') next('CANCELLED', 60, 4 * 1440, false)
    return { status, steps }
  }
  next('SUBMITTED', 5, 180, false)
  if (status === 'SUBMITTED') return { status, steps }
  if (status === 'REJECTED' && random.chance(0.7)) {
    next('REJECTED', 600, 4 * 1440, true)
    return { status, steps }
  }
  if (status === 'CANCELLED' && cancelFrom === 'SUBMITTED') {
    next('CANCELLED', 60, 3 * 1440, true)
    return { status, steps }
  }
  next('PAID', 10, 3 * 1440, true)
  if (status === 'PAID') return { status, steps }
  if (status === 'REJECTED' || status === 'CANCELLED') {
    next(status, 600, 4 * 1440, true)
    return { status, steps }
  }
  next('ACTIVE', 1440, 6 * 1440, true)
  return { status, steps }
}

// ─── Quotes ──────────────────────────────────────────────────────────────────

type Amounts = { gross: number; support: number; payable: number }

/** quoteContribution, remembered per distinct input: a campaign has few distinct quotes. */
function quoteCache(rows: readonly ContributionParameter[]) {
  const cache = new Map<string, Amounts[]>()
  return (
    product: Product,
    on: string,
    months: number,
    supportGroups: readonly SupportGroup[],
    extra: { monthlyIncome?: number; householdSize?: number },
  ): Amounts[] => {
    const key = `${product}|${on}|${months}|${supportGroups.join(',')}|${extra.monthlyIncome ?? ''}|${extra.householdSize ?? ''}`
    const cached = cache.get(key)
    if (cached) return cached
    const result = quoteContribution(
      {
        product,
        on,
        months,
        supportGroups,
        jurisdiction: hoChiMinhCityProvinceCode,
        ...(extra.monthlyIncome === undefined ? {} : { monthlyIncome: extra.monthlyIncome }),
        ...(extra.householdSize === undefined ? {} : { householdMembers: extra.householdSize }),
      },
      rows,
    )
    if (!result.ok) throw new Error(`Demo quote failed for ${key}: ${JSON.stringify(result.issues)}`)
    const { quote } = result
    const amounts =
      product === 'VOLUNTARY_SOCIAL_INSURANCE'
        ? [{ gross: quote.gross, support: quote.support, payable: quote.payable }]
        : // One enrollment per member, with that member's line.
          quote.lines.flatMap((member) =>
            member.kind === 'MEMBER'
              ? [{ gross: member.total, support: member.support, payable: member.payable }]
              : [],
          )
    cache.set(key, amounts)
    return amounts
  }
}

// ─── Preparing ───────────────────────────────────────────────────────────────

const agentsPerCenter: Record<string, number> = {
  CENTRAL_POST_OFFICE: 6,
  ONLINE_BRIDGE_POINT: 4,
  BASE_SOCIAL_INSURANCE_OFFICE: 3,
}

/**
 * Agents and a manager for every participating center (`bdtt-sai-gon.1`, `bdtt-sai-gon.manager`),
 * created when missing. The seeded `agent` and `manager` accounts join their own center's staff, so
 * logging in as them shows registrations.
 */
async function ensureDemoUsers(
  prisma: PrismaClient,
  centers: readonly Center[],
  random: Random,
): Promise<{ staff: Map<string, DemoStaff>; created: number }> {
  const wanted = centers.flatMap((center) => demoStaffOf(center, random))
  const existing = new Set(
    (
      await prisma.user.findMany({
        where: { username: { in: wanted.map((u) => u.username) } },
        select: { username: true },
      })
    ).map((user) => user.username),
  )
  const missing = wanted.filter((user) => !existing.has(user.username))
  if (missing.length > 0) {
    // One hash for all: these accounts share the published demo password anyway.
    const passwordHash = await hashPassword(demoUserPassword)
    await prisma.user.createMany({
      data: missing.map((user) => ({ ...user, passwordHash })),
      skipDuplicates: true,
    })
  }
  const seeded = launchUsers
    .filter((user) => user.role === 'AGENT' || user.role === 'CENTER_MANAGER')
    .map((u) => u.username)
  const users = await prisma.user.findMany({
    where: { username: { in: [...wanted.map((u) => u.username), ...seeded] }, active: true },
    select: { id: true, username: true, role: true, centerId: true },
    orderBy: { username: 'asc' },
  })
  return { staff: staffByCenter(centers, users, seeded), created: missing.length }
}

/** A center's demo agents and manager (their ids). */
type DemoStaff = { agents: string[]; manager: string | null }

/** The accounts a center's demo staff would have: its agents (`<code>.1`, …) and its manager. */
function demoStaffOf(center: Center, random: Random) {
  const prefix = center.code.toLowerCase()
  const count = agentsPerCenter[center.kind] ?? 3
  const agents = Array.from({ length: count }, (_, index) => {
    const sex: Sex = random.chance(0.6) ? 'FEMALE' : 'MALE'
    return {
      username: `${prefix}.${index + 1}`,
      displayName: fullName(random, sex),
      role: 'AGENT' as const,
    }
  })
  const sex: Sex = random.chance(0.5) ? 'FEMALE' : 'MALE'
  const manager = {
    username: `${prefix}.manager`,
    displayName: fullName(random, sex),
    role: 'CENTER_MANAGER' as const,
  }
  return [...agents, manager].map((user) => ({ ...user, centerId: center.id }))
}

/** Each center's staff, the seeded accounts (`agent`, `manager`) first, so that they have registrations to show. */
function staffByCenter(
  centers: readonly Center[],
  users: readonly { id: string; username: string; role: string; centerId: string | null }[],
  seeded: readonly string[],
): Map<string, DemoStaff> {
  const staff = new Map<string, DemoStaff>()
  for (const center of centers) staff.set(center.id, { agents: [], manager: null })
  const seededFirst = [...users].sort(
    (a, b) => Number(seeded.includes(b.username)) - Number(seeded.includes(a.username)),
  )
  for (const user of seededFirst) {
    const entry = user.centerId ? staff.get(user.centerId) : undefined
    if (!entry) continue
    if (user.role === 'AGENT') entry.agents.push(user.id)
    else if (user.role === 'CENTER_MANAGER') entry.manager ??= user.id
  }
  return staff
}

/** Citizen ids the demo must not reuse: everyone's but the people a replaced demo will remove. */
export async function takenCitizenIds(
  prisma: PrismaClient,
  campaignIds: readonly string[],
): Promise<Set<string>> {
  const rows = await prisma.$queryRawUnsafe<{ citizenId: string }[]>(
    `SELECT p."citizenId" FROM "Person" p
      WHERE NOT EXISTS (SELECT 1 FROM "Enrollment" e WHERE e."personId" = p.id AND e."campaignId" = ANY($1::uuid[]))
         OR EXISTS (SELECT 1 FROM "Enrollment" e WHERE e."personId" = p.id AND e."campaignId" <> ALL($1::uuid[]))`,
    campaignIds,
  )
  return new Set(rows.map((row) => row.citizenId))
}

/** Removes a campaign's sessions, enrollments and rollups, and the people and households only they used. */
export async function clearCampaignActivity(db: Db, campaignId: string): Promise<void> {
  await db.$executeRawUnsafe(`DELETE FROM "EnrollmentDailyCount" WHERE "campaignId" = $1::uuid`, campaignId)
  await db.$executeRawUnsafe(`DELETE FROM "EnrollmentSegmentCount" WHERE "campaignId" = $1::uuid`, campaignId)
  await db.$executeRawUnsafe(`DELETE FROM "EnrollmentSegmentTotal" WHERE "campaignId" = $1::uuid`, campaignId)
  await db.$executeRawUnsafe(`DROP TABLE IF EXISTS demo_replaced`)
  await db.$executeRawUnsafe(
    `CREATE TEMP TABLE demo_replaced AS
       SELECT DISTINCT "personId", "householdId" FROM "Enrollment" WHERE "campaignId" = $1::uuid`,
    campaignId,
  )
  // Enrollment has no index on householdId, so each deleted household's foreign-key check would scan
  // every enrollment; a transaction-local index keeps a full-size replace in seconds.
  await db.$executeRawUnsafe(`CREATE INDEX demo_replaced_household ON "Enrollment" ("householdId")`)
  // The follow-ups and leads about them go first (an enrollment or lead points at its last follow-up).
  await db.$executeRawUnsafe(
    `UPDATE "Enrollment" SET "lastFollowUpId" = NULL WHERE "campaignId" = $1::uuid AND "lastFollowUpId" IS NOT NULL`,
    campaignId,
  )
  await db.$executeRawUnsafe(
    `UPDATE "Lead" SET "lastFollowUpId" = NULL
      WHERE "lastFollowUpId" IS NOT NULL AND "sessionId" IN (SELECT id FROM "OutreachSession" WHERE "campaignId" = $1::uuid)`,
    campaignId,
  )
  await db.$executeRawUnsafe(
    `DELETE FROM "FollowUp" WHERE "enrollmentId" IN (SELECT id FROM "Enrollment" WHERE "campaignId" = $1::uuid)
        OR "leadId" IN (SELECT l.id FROM "Lead" l JOIN "OutreachSession" s ON s.id = l."sessionId" WHERE s."campaignId" = $1::uuid)`,
    campaignId,
  )
  await db.$executeRawUnsafe(
    `DELETE FROM "Lead" WHERE "sessionId" IN (SELECT id FROM "OutreachSession" WHERE "campaignId" = $1::uuid)`,
    campaignId,
  )
  await db.$executeRawUnsafe(`DELETE FROM "Enrollment" WHERE "campaignId" = $1::uuid`, campaignId)
  await db.$executeRawUnsafe(`DELETE FROM "OutreachSession" WHERE "campaignId" = $1::uuid`, campaignId)
  await db.$executeRawUnsafe(
    `DELETE FROM "Household" h WHERE h.id IN (SELECT "householdId" FROM demo_replaced)
        AND NOT EXISTS (SELECT 1 FROM "Enrollment" e WHERE e."householdId" = h.id)`,
  )
  await db.$executeRawUnsafe(
    `DELETE FROM "Person" p WHERE p.id IN (SELECT "personId" FROM demo_replaced)
        AND NOT EXISTS (SELECT 1 FROM "Enrollment" e WHERE e."personId" = p.id)
        AND NOT EXISTS (SELECT 1 FROM "HouseholdMember" m WHERE m."personId" = p.id)`,
  )
  await db.$executeRawUnsafe(`DROP INDEX demo_replaced_household`)
  await db.$executeRawUnsafe(`DROP TABLE demo_replaced`)
}

// ─── Tables ──────────────────────────────────────────────────────────────────

const timestamp = 'timestamp(3)' as const

function sessionTables() {
  return {
    sessions: new BulkTable('OutreachSession', [
      ['id', 'uuid'],
      ['campaignId', 'uuid'],
      ['centerId', 'uuid'],
      ['title', 'text'],
      ['kind', '"SessionKind"'],
      ['venueKind', '"VenueKind"'],
      ['address', 'text'],
      ['wardCode', 'text'],
      ['startsAt', timestamp],
      ['endsAt', timestamp],
      ['status', '"SessionStatus"'],
      ['audiences', '"AudienceGroup"[]'],
      ['attendance', 'int4'],
      ['notes', 'text'],
      ['cancelReason', 'text'],
      ['createdById', 'uuid'],
      ['createdAt', timestamp],
      ['updatedAt', timestamp],
      ['version', 'int4'],
    ] as const),
    staff: new BulkTable('_SessionStaff', [
      ['A', 'uuid'],
      ['B', 'uuid'],
    ] as const),
  }
}

// long: the tables' columns, one a line in the order their rows are copied; apart they would only scatter the list
function enrollmentTables() {
  return {
    households: new BulkTable('Household', [
      ['id', 'uuid'],
      ['address', 'text'],
      ['wardCode', 'text'],
      ['createdAt', timestamp],
      ['updatedAt', timestamp],
    ] as const),
    people: new BulkTable('Person', [
      ['id', 'uuid'],
      ['fullName', 'text'],
      ['citizenId', 'text'],
      ['legacySocialInsuranceCode', 'text'],
      ['dateOfBirth', 'date'],
      ['sex', '"Sex"'],
      ['phone', 'text'],
      ['address', 'text'],
      ['wardCode', 'text'],
      ['occupationGroup', '"AudienceGroup"'],
      ['recordingCenterId', 'uuid'],
      ['searchKey', 'text'],
      ['searchPrefixes', 'text[]'],
      ['createdAt', timestamp],
      ['updatedAt', timestamp],
    ] as const),
    members: new BulkTable('HouseholdMember', [
      ['householdId', 'uuid'],
      ['personId', 'uuid'],
      ['position', 'int4'],
      ['isHead', 'boolean'],
      ['relationToHead', 'text'],
      ['insuredElsewhere', 'boolean'],
    ] as const),
    enrollments: new BulkTable('Enrollment', [
      ['id', 'uuid'],
      ['campaignId', 'uuid'],
      ['centerId', 'uuid'],
      ['sessionId', 'uuid'],
      ['registeredById', 'uuid'],
      ['product', '"Product"'],
      ['personId', 'uuid'],
      ['householdId', 'uuid'],
      ['quoteDate', 'date'],
      ['months', 'int4'],
      ['monthlyIncome', 'int4'],
      ['supportGroups', '"SupportGroup"[]'],
      ['householdPosition', 'int4'],
      ['gross', 'int4'],
      ['support', 'int4'],
      ['payable', 'int4'],
      ['periodStart', 'date'],
      ['periodEnd', 'date'],
      ['status', '"EnrollmentStatus"'],
      ['occupationGroup', '"AudienceGroup"'],
      ['phone', 'text'],
      ['address', 'text'],
      ['wardCode', 'text'],
      ['legacySocialInsuranceCode', 'text'],
      ['statusReason', 'text'],
      ['live', 'boolean'],
      ['socialInsuranceNumber', 'text'],
      ['searchPrefixes', 'text[]'],
      ['registeredAt', timestamp],
      ['registeredOn', 'date'],
      ['coverageStart', 'date'],
      ['coverageEnd', 'date'],
      ['continuity', '"Continuity"'],
      ['countedOn', 'date'],
      ['updatedAt', timestamp],
      ['version', 'int4'],
    ] as const),
    statusChanges: new BulkTable('EnrollmentStatusChange', [
      ['id', 'uuid'],
      ['enrollmentId', 'uuid'],
      ['fromStatus', '"EnrollmentStatus"'],
      ['toStatus', '"EnrollmentStatus"'],
      ['reason', 'text'],
      ['actorId', 'uuid'],
      ['at', timestamp],
    ] as const),
  }
}

function followUpTables() {
  return {
    leads: new BulkTable('Lead', [
      ['id', 'uuid'],
      ['sessionId', 'uuid'],
      ['centerId', 'uuid'],
      ['fullName', 'text'],
      ['phone', 'text'],
      ['products', '"Product"[]'],
      ['note', 'text'],
      ['metOn', 'date'],
      ['recordedById', 'uuid'],
      ['createdAt', timestamp],
      ['updatedAt', timestamp],
    ] as const),
    followUps: new BulkTable('FollowUp', [
      ['id', 'uuid'],
      ['enrollmentId', 'uuid'],
      ['centerId', 'uuid'],
      ['byId', 'uuid'],
      ['at', timestamp],
      ['means', '"FollowUpMeans"'],
      ['outcome', '"FollowUpOutcome"'],
      ['enrollmentStatus', '"EnrollmentStatus"'],
      ['promisedOn', 'date'],
      ['reason', 'text'],
      ['note', 'text'],
      ['createdAt', timestamp],
    ] as const),
  }
}

// ─── The demo ────────────────────────────────────────────────────────────────

type Unit = {
  product: Product
  size: number
  dayIndex: number
  center: CenterPlan
  session: PlannedSession | null
  ward: Ward
  registeredAt: number
  agent: string
  lifecycle: Lifecycle
}

type DemoCampaign = {
  id: string
  code: string
  name: string
  startDate: Date
  endDate: Date
  timeZone: string
  countOn: CountDay
  targets: {
    product: Product | null
    centerId: string | null
    dueDate: Date | null
    label: string | null
    count: number
  }[]
}

/** One campaign's planned sessions and registrations, before any row is written. */
type YearPlan = {
  campaign: DemoCampaign
  days: string[]
  /** The time zone's offset from UTC, ms. */
  offset: number
  sessions: PlannedSession[]
  units: Unit[]
  registeredAtSession: Map<string, number>
  random: { sessions: Random; people: Random }
}

/** A person on file with the coverage a paid enrollment of last year gave them. */
type CoveredMember = {
  enrollmentId: string
  personId: string
  citizenId: string
  searchPrefixes: string
  occupation: AudienceGroup | null
  contact: { phone: string | null; address: string; legacySocialInsuranceCode: string | null }
  coverageEnd: string
  status: EnrollmentStatus
}

/** Last year's paid registration (a VSI participant or a household), which this year's may renew. */
type Renewable = {
  key: string
  center: CenterPlan
  wardCode: string
  householdId: string | null
  members: CoveredMember[]
  renewed: boolean
}

/** Last year's paid registrations, and those of them whose people register again this year, by kind. */
type RenewalPool = { all: Renewable[]; returning: Map<string, Renewable[]> }

const renewalKey = (centerId: string, product: Product, size: number) => `${centerId}|${product}|${size}`

/** A registration of this year waiting for payment, which an agent may have called. */
type Unpaid = {
  enrollmentId: string
  center: CenterPlan
  agent: string
  at: number
  status: EnrollmentStatus
}

const iso = (at: number) => new Date(at).toISOString()
const isoDay = (at: number) => new Date(at).toISOString().slice(0, 10)

/** The same calendar date a year earlier (29 February becomes the 28th). */
function yearEarlier(date: Date): Date {
  const [year, month, day] = date.toISOString().slice(0, 10).split('-').map(Number)
  const earlier = `${(year ?? 0) - 1}-${String(month).padStart(2, '0')}-${month === 2 && day === 29 ? '28' : String(day).padStart(2, '0')}`
  return new Date(`${earlier}T00:00:00Z`)
}

/** The code of the campaign a year before `code`: "trước" (before), as the drive's reports say "năm trước". */
export const previousYearCode = (code: string) => `${code}-TRUOC`

/**
 * The same campaign a year earlier, closed: the same centers and targets, its dates and milestones a year
 * back. Created when missing.
 */
async function previousYearCampaign(
  prisma: PrismaClient,
  campaign: DemoCampaign & {
    description: string | null
    jurisdiction: string
    centers: { centerId: string; role: 'ORGANIZER' | 'PARTICIPANT' }[]
  },
): Promise<DemoCampaign> {
  const code = previousYearCode(campaign.code)
  const include = { targets: true } as const
  const existing = await prisma.campaign.findUnique({ where: { code }, include })
  if (existing) return existing
  // The year in the name a year earlier ("… năm 2025" → "… năm 2024"); without one, said in words.
  const earlier = campaign.name.replace(/\b(20\d\d)\b/g, (year) => String(Number(year) - 1))
  const name = earlier === campaign.name ? `${campaign.name} (năm trước)` : earlier
  return prisma.campaign.create({
    data: {
      code,
      name,
      searchKey: foldSearchKey(name),
      description: campaign.description,
      startDate: yearEarlier(campaign.startDate),
      endDate: yearEarlier(campaign.endDate),
      timeZone: campaign.timeZone,
      jurisdiction: campaign.jurisdiction,
      countOn: campaign.countOn,
      status: 'CLOSED',
      closedAt: new Date(yearEarlier(campaign.endDate).getTime() + 7 * day),
      centers: { create: campaign.centers.map(({ centerId, role }) => ({ centerId, role })) },
      targets: {
        create: campaign.targets.map((target) => ({
          product: target.product,
          centerId: target.centerId,
          dueDate: target.dueDate ? yearEarlier(target.dueDate) : null,
          label: target.label,
          count: target.count,
        })),
      },
    },
    include,
  })
}

/**
 * A campaign's sessions and registration units: `enrollments` registrations split between the products
 * like the campaign's targets, across its centers like their targets, over its days like a real drive.
 */
function planYear(
  campaign: DemoCampaign,
  centers: readonly CenterPlan[],
  organizer: Center | undefined,
  counts: { enrollments: number; sessions: number | undefined },
  random: { days: Random; sessions: Random; units: Random; people: Random },
  closed: boolean,
): YearPlan {
  const calendar = yearCalendar(campaign, random.days)
  const sessions = planSessions(calendar, centers, organizer, counts, random.sessions)
  const units = planUnits(calendar, centers, counts.enrollments, sessions, random.units, closed)
  // People registered per session, which its attendance must at least cover.
  const registeredAtSession = new Map<string, number>()
  for (const unit of units) {
    if (unit.session)
      registeredAtSession.set(unit.session.id, (registeredAtSession.get(unit.session.id) ?? 0) + unit.size)
  }
  return {
    campaign,
    days: calendar.days,
    offset: calendar.offset,
    sessions,
    units,
    registeredAtSession,
    random: { sessions: random.sessions, people: random.people },
  }
}

/** The campaign's days, its local time, its products' targets and how its registrations fall over the days. */
function yearCalendar(campaign: DemoCampaign, random: Random) {
  // Days: the launch day holds its milestone's share (about 3,000 of 366,000), the rest follow the curve.
  const days = campaignDays(campaign.startDate, campaign.endDate)
  const offset = zoneOffsetMinutes(campaign.timeZone, campaign.startDate.getTime()) * minute
  const localTime = (dayIndex: number, minutes: number) =>
    Date.parse(`${days[dayIndex]}T00:00:00Z`) + minutes * minute - offset
  const productTarget = (product: Product) =>
    campaign.targets.find((t) => t.product === product && t.centerId === null && t.dueDate === null)?.count
  const vsiTarget = productTarget('VOLUNTARY_SOCIAL_INSURANCE') ?? 16_000
  const hhiTarget = productTarget('HOUSEHOLD_HEALTH_INSURANCE') ?? 350_000
  const launchMilestone =
    campaign.targets.find(
      (t) =>
        t.centerId === null && t.dueDate?.getTime() === campaign.startDate.getTime() && t.product === null,
    )?.count ?? 3_000
  const launchShare = launchMilestone / (vsiTarget + hhiTarget)
  const curve = days.map((date, index) => (index === 0 ? 0 : dayWeight(date, index, random)))
  const curveSum = curve.reduce((sum, weight) => sum + weight, 0)
  curve[0] = days.length === 1 ? 1 : (launchShare * curveSum) / (1 - launchShare)
  return { days, offset, localTime, vsiTarget, hhiTarget, curve }
}

type YearCalendar = ReturnType<typeof yearCalendar>

/** The launch ceremony (with its online bridge points), then sessions over the days like the curve. */
function planSessions(
  calendar: YearCalendar,
  centers: readonly CenterPlan[],
  organizer: Center | undefined,
  counts: { enrollments: number; sessions: number | undefined },
  random: Random,
): PlannedSession[] {
  const sessions: PlannedSession[] = []
  const sessionsWanted = counts.sessions ?? Math.max(1, Math.round(counts.enrollments / 100))
  const sessionsPerDay = apportion(sessionsWanted, calendar.curve)
  const totalWeight = (center: CenterPlan) =>
    center.weight.VOLUNTARY_SOCIAL_INSURANCE + center.weight.HOUSEHOLD_HEALTH_INSURANCE
  const centerChoices = centers.map((center) => [center, totalWeight(center)] as const)
  const plan = (center: CenterPlan, dayIndex: number, kind: SessionKind, venueKind: VenueKind) =>
    planSession(calendar, random, { center, dayIndex, kind, venueKind })
  if (organizer && calendar.days.length > 0) {
    const ceremonyCenter = centers.find((center) => center.id === organizer.id) ?? {
      ...organizer,
      weight: { VOLUNTARY_SOCIAL_INSURANCE: 0, HOUSEHOLD_HEALTH_INSURANCE: 0 },
      wards: hoChiMinhCityWards,
      agents: [],
      manager: null,
    }
    sessions.push(plan(ceremonyCenter, 0, 'LAUNCH_CEREMONY', 'POST_OFFICE'))
    for (const center of centers.filter((c) => c.kind === 'ONLINE_BRIDGE_POINT')) {
      sessions.push(plan(center, 0, 'LAUNCH_CEREMONY', 'POST_OFFICE'))
    }
  }
  sessionsPerDay.forEach((count, dayIndex) => {
    for (let i = 0; i < count; i++) {
      const center = random.weighted(centerChoices)
      const kind =
        center.kind === 'ONLINE_BRIDGE_POINT' && random.chance(0.3) ? 'ONLINE' : random.weighted(sessionKinds)
      let venueKind = random.weighted(venuesByKind[kind])
      if (venueKind === 'POST_OFFICE' && center.organization === 'SOCIAL_INSURANCE')
        venueKind = 'SOCIAL_INSURANCE_OFFICE'
      sessions.push(plan(center, dayIndex, kind, venueKind))
    }
  })
  return sessions
}

const wardsByCode = new Map(hoChiMinhCityWards.map((ward) => [ward.code, ward]))

/** One session: its times, its ward (an office's own, else one of the center's) and its audiences. */
function planSession(
  calendar: YearCalendar,
  random: Random,
  {
    center,
    dayIndex,
    kind,
    venueKind,
  }: { center: CenterPlan; dayIndex: number; kind: SessionKind; venueKind: VenueKind },
): PlannedSession {
  const [start, length] = kind === 'LAUNCH_CEREMONY' ? [450, 210] : sessionTimes(random, venueKind, kind)
  const ward =
    venueKind === 'ONLINE'
      ? null
      : venueKind === 'POST_OFFICE' || venueKind === 'SOCIAL_INSURANCE_OFFICE'
        ? (wardsByCode.get(center.wardCode ?? '') ?? random.pick(center.wards))
        : random.pick(center.wards)
  const startsAt = calendar.localTime(dayIndex, start)
  const audiences = kind === 'LAUNCH_CEREMONY' ? audiencesByVenue.OTHER : audiencesByVenue[venueKind]
  const chosen = audiences.filter((_, index) => index === 0 || random.chance(0.6))
  return {
    id: random.uuidv7(startsAt - random.int(1, 7) * day),
    center,
    dayIndex,
    startsAt,
    endsAt: startsAt + length * minute,
    kind,
    venueKind,
    ward,
    audiences: chosen,
    cancelled: kind !== 'LAUNCH_CEREMONY' && random.chance(0.03),
  }
}

/**
 * Registration units: one VSI participant, or one household insured together (1–6 members), over the
 * days like the curve, at a center like its targets, most at one of its sessions held that day.
 */
function planUnits(
  calendar: YearCalendar,
  centers: readonly CenterPlan[],
  enrollments: number,
  sessions: readonly PlannedSession[],
  random: Random,
  closed: boolean,
): Unit[] {
  const { days, offset, localTime, curve } = calendar
  const openSessions = new Map<string, PlannedSession[]>()
  for (const session of sessions) {
    if (session.cancelled) continue
    const key = `${session.center.id}|${session.dayIndex}`
    openSessions.set(key, [...(openSessions.get(key) ?? []), session])
  }
  const skeleton = unitSkeleton(calendar, enrollments, random)
  const perDay = apportion(enrollments, curve)
  const units: Unit[] = []
  let dayIndex = 0
  let filled = 0
  for (const { product, size } of skeleton) {
    while (dayIndex < days.length - 1 && filled >= (perDay[dayIndex] ?? 0)) {
      filled -= perDay[dayIndex] ?? 0
      dayIndex++
    }
    filled += size
    const center = random.weighted(centers.map((c) => [c, c.weight[product]] as const))
    const open = openSessions.get(`${center.id}|${dayIndex}`)
    const session = open && random.chance(0.7) ? random.pick(open) : null
    const registeredAt = session
      ? session.startsAt + Math.floor(random.next() * (session.endsAt - session.startsAt - 30 * minute))
      : localTime(dayIndex, random.int(450, 1050)) + random.int(0, 59_999)
    const ward = session?.ward && random.chance(0.85) ? session.ward : random.pick(center.wards)
    units.push({
      product,
      size,
      dayIndex,
      center,
      session,
      ward,
      registeredAt,
      agent: random.pick(center.agents),
      lifecycle: lifecycle(random, registeredAt, days.length - 1 - dayIndex, offset, closed),
    })
  }
  return units
}

/** The units' products and sizes, shuffled: the products split like their targets, households of 1–6. */
function unitSkeleton(calendar: YearCalendar, enrollments: number, random: Random) {
  const { vsiTarget, hhiTarget } = calendar
  const vsiCount = Math.round((enrollments * vsiTarget) / (vsiTarget + hhiTarget))
  const hhiCount = enrollments - vsiCount
  const skeleton: { product: Product; size: number }[] = []
  for (let i = 0; i < vsiCount; i++) skeleton.push({ product: 'VOLUNTARY_SOCIAL_INSURANCE', size: 1 })
  for (let left = hhiCount; left > 0; ) {
    const size = Math.min(
      left,
      random.weighted([
        [1, 22],
        [2, 24],
        [3, 22],
        [4, 18],
        [5, 9],
        [6, 5],
      ]),
    )
    skeleton.push({ product: 'HOUSEHOLD_HEALTH_INSURANCE', size })
    left -= size
  }
  random.shuffle(skeleton)
  return skeleton
}

const leadNotes = [
  'Hẹn trao đổi thêm với gia đình.',
  'Chờ nhận lương cuối tháng.',
  'Muốn biết mức hỗ trợ của thành phố.',
  'Đã có thẻ BHYT đến cuối năm, hỏi về gia hạn.',
]

type YearTotals = { people: number; households: number; vsi: number; hhi: number; statusChanges: number }

/** The person a renewing registration names again, as addPerson gives a new one. */
function returningPerson(member: CoveredMember) {
  return {
    id: member.personId,
    citizenId: member.citizenId,
    occupation: member.occupation,
    searchPrefixes: member.searchPrefixes,
    contact: member.contact,
  }
}

/**
 * Writes a planned campaign's sessions (and, given `leads`, the people consulted at them who did not
 * register), people, households, enrollments with their coverage and status histories. `renewals`: last
 * year's paid registrations whose people register again; `keep`: where this year's paid ones go, a share
 * of them marked as returning next year.
 */
async function loadYear(tx: Db, plan: YearPlan, options: YearLoad): Promise<YearTotals> {
  await loadSessions(tx, plan, options)
  const writer = enrollmentWriter(tx)
  const yieldToInserts = () => new Promise<void>((resolve) => setImmediate(resolve))
  for (const unit of plan.units) {
    loadUnit(writer, plan, unit, options)
    if (writer.tables.enrollments.size >= flushEvery) await writer.flush()
    else if (writer.tables.enrollments.size % 200 < unit.size) await yieldToInserts()
  }
  await writer.flush()
  await writer.flushed()
  return writer.totals
}

type YearLoad = {
  quote: ReturnType<typeof quoteCache>
  taken: Set<string>
  organizer: Center | undefined
  renewals: RenewalPool | null
  keep: { pool: RenewalPool; random: Random; share: number } | null
  leads: { rows: ReturnType<typeof followUpTables>['leads']; random: Random } | null
  unpaid: Unpaid[] | null
}

async function loadSessions(tx: Db, plan: YearPlan, { organizer, leads }: YearLoad) {
  const { sessions: sessionRows, staff: staffRows } = sessionTables()
  for (const session of plan.sessions) {
    const r = plan.random.sessions
    sessionRows.add(sessionRow(plan, session, organizer))
    const agents = session.center.agents
    const teamSize = agents.length === 0 ? 0 : r.int(1, Math.min(3, agents.length))
    for (const agent of r.shuffle([...agents]).slice(0, teamSize)) staffRows.add({ A: session.id, B: agent })
    if (leads && !session.cancelled && session.kind !== 'LAUNCH_CEREMONY') addLeads(leads, plan, session)
  }
  await sessionRows.insert(tx)
  await staffRows.insert(tx)
  if (leads) await leads.rows.insert(tx)
}

type SessionRow = Parameters<ReturnType<typeof sessionTables>['sessions']['add']>[0]

/** A held or cancelled session as the console records it: title, place, attendance at least its registrations. */
function sessionRow(plan: YearPlan, session: PlannedSession, organizer: Center | undefined): SessionRow {
  const r = plan.random.sessions
  const registered = plan.registeredAtSession.get(session.id) ?? 0
  const base =
    session.kind === 'LAUNCH_CEREMONY'
      ? r.int(300, 500)
      : session.kind === 'CONFERENCE'
        ? r.int(60, 200)
        : session.kind === 'ONLINE'
          ? r.int(30, 150)
          : r.int(15, 60)
  const place =
    session.venueKind === 'ONLINE'
      ? null
      : session.venueKind === 'MARKET'
        ? `Chợ ${session.ward?.name}, ${session.ward?.fullName}`
        : session.venueKind === 'POST_OFFICE' || session.venueKind === 'SOCIAL_INSURANCE_OFFICE'
          ? (session.center.address ?? session.ward?.fullName ?? null)
          : session.ward
            ? address(r, session.ward)
            : null
  const title =
    session.kind === 'LAUNCH_CEREMONY'
      ? session.center.id === organizer?.id
        ? 'Lễ ra quân "60 ngày tăng tốc" phát triển người tham gia BHXH, BHYT'
        : `Điểm cầu trực tuyến lễ ra quân – ${session.center.name}`
      : sessionTitle(session, r)
  return {
    id: session.id,
    campaignId: plan.campaign.id,
    centerId: session.center.id,
    title,
    kind: session.kind,
    venueKind: session.venueKind,
    address: place,
    wardCode: session.ward?.code ?? null,
    startsAt: iso(session.startsAt),
    endsAt: iso(session.endsAt),
    status: session.cancelled ? 'CANCELLED' : 'DONE',
    audiences: enumArray(session.audiences),
    attendance: session.cancelled ? null : Math.max(base, Math.ceil(registered * (1.3 + r.next()))),
    notes: !session.cancelled && r.chance(0.2) ? r.pick(sessionNotes) : null,
    cancelReason: session.cancelled ? r.pick(cancelReasons) : null,
    createdById: session.center.manager,
    createdAt: iso(session.startsAt - r.int(1, 7) * day),
    updatedAt: iso(
      session.cancelled
        ? session.startsAt - r.int(2, 20) * 3_600_000
        : session.endsAt + r.int(30, 180) * minute,
    ),
    version: 2,
  }
}

/** People consulted who did not register: a few per session, on the center's LEADS list. */
function addLeads(leads: NonNullable<YearLoad['leads']>, plan: YearPlan, session: PlannedSession) {
  for (let i = leads.random.int(0, 2); i > 0; i--) {
    const sex: Sex = leads.random.chance(0.55) ? 'FEMALE' : 'MALE'
    leads.rows.add({
      id: leads.random.uuidv7(session.endsAt),
      sessionId: session.id,
      centerId: session.center.id,
      fullName: fullName(leads.random, sex),
      phone: mobilePhone(leads.random),
      products: enumArray(
        leads.random.weighted<Product[]>([
          [['HOUSEHOLD_HEALTH_INSURANCE'], 60],
          [['VOLUNTARY_SOCIAL_INSURANCE'], 25],
          [['HOUSEHOLD_HEALTH_INSURANCE', 'VOLUNTARY_SOCIAL_INSURANCE'], 15],
        ]),
      ),
      note: leads.random.chance(0.3) ? leads.random.pick(leadNotes) : null,
      metOn: plan.days[session.dayIndex] ?? isoDay(session.startsAt + plan.offset),
      recordedById: session.center.agents[0] ?? session.center.manager,
      createdAt: iso(session.endsAt),
      updatedAt: iso(session.endsAt),
    })
  }
}

/** Enrollment tables filled while the previous batch is inserted: one batch in flight at a time. */
function enrollmentWriter(tx: Db) {
  const totals: YearTotals = { people: 0, households: 0, vsi: 0, hhi: 0, statusChanges: 0 }
  let inFlight: Promise<void> = Promise.resolve()
  const writer = {
    tables: enrollmentTables(),
    totals,
    async flush() {
      const batch = writer.tables
      writer.tables = enrollmentTables()
      await inFlight
      inFlight = (async () => {
        totals.households += await batch.households.insert(tx)
        totals.people += await batch.people.insert(tx)
        await batch.members.insert(tx)
        await batch.enrollments.insert(tx)
        totals.statusChanges += await batch.statusChanges.insert(tx)
      })()
      // Awaited at the next flush; this keeps a failure meanwhile from counting as unhandled.
      inFlight.catch(() => {})
    },
    flushed: () => inFlight,
  }
  return writer
}

type EnrollmentWriter = ReturnType<typeof enrollmentWriter>

/** What every row of one registration unit shares. */
type UnitLoad = {
  writer: EnrollmentWriter
  plan: YearPlan
  unit: Unit
  taken: Set<string>
  quote: YearLoad['quote']
  registeredOn: string
  wardCode: string
  region: ReturnType<typeof regionOfWard>
  /** The day the payment that settled it came in, local time (a manager's step, never shifted). */
  paidOn: string | null
  reason: string | null
  /** The unit's enrollments that bought coverage. */
  covered: CoveredMember[]
  unpaid: Unpaid[] | null
}

/** One registration unit: its people (new, or last year's again), household, enrollments and histories. */
function loadUnit(writer: EnrollmentWriter, plan: YearPlan, unit: Unit, options: YearLoad) {
  const r = plan.random.people
  const registeredOn = plan.days[unit.dayIndex] ?? isoDay(unit.registeredAt)
  // Last year's participants registering again: the same people (and household), last year's ward.
  const renewing = options.renewals?.returning.get(renewalKey(unit.center.id, unit.product, unit.size))?.pop()
  if (renewing) renewing.renewed = true
  const wardCode = renewing?.wardCode ?? unit.ward.code
  const paidStep = unit.lifecycle.steps.find((step) => step.to === 'PAID')
  const paidOn =
    paidStep && (unit.lifecycle.status === 'PAID' || unit.lifecycle.status === 'ACTIVE')
      ? isoDay(paidStep.at + plan.offset)
      : null
  const region = regionOfWard(unit.ward.code)
  const { status } = unit.lifecycle
  const reason =
    status === 'REJECTED'
      ? r.pick(rejectReasons)
      : status === 'CANCELLED'
        ? r.pick(cancelEnrollmentReasons)
        : null
  const load: UnitLoad = {
    writer,
    plan,
    unit,
    taken: options.taken,
    quote: options.quote,
    registeredOn,
    wardCode,
    region,
    paidOn,
    reason,
    covered: [],
    unpaid: options.unpaid,
  }
  let householdId: string | null = null
  if (unit.product === 'VOLUNTARY_SOCIAL_INSURANCE') {
    loadParticipant(load, renewing)
    writer.totals.vsi++
  } else {
    householdId = loadHousehold(load, renewing)
    writer.totals.hhi += unit.size
  }
  if (options.keep && load.covered.length === unit.size) keepRenewable(options.keep, load, householdId)
}

/** A unit all of whose people bought coverage: in next year's pool, and returning next year by chance. */
function keepRenewable(keep: NonNullable<YearLoad['keep']>, load: UnitLoad, householdId: string | null) {
  const { unit } = load
  const renewable: Renewable = {
    key: renewalKey(unit.center.id, unit.product, unit.size),
    center: unit.center,
    wardCode: load.wardCode,
    householdId,
    members: load.covered,
    renewed: false,
  }
  keep.pool.all.push(renewable)
  if (keep.random.chance(keep.share)) {
    const returning = keep.pool.returning.get(renewable.key) ?? []
    returning.push(renewable)
    keep.pool.returning.set(renewable.key, returning)
  }
}

/** A voluntary social insurance participant: one person, a monthly income, one enrollment. */
function loadParticipant(load: UnitLoad, renewing: Renewable | undefined) {
  const { unit, registeredOn } = load
  const r = load.plan.random.people
  const sex: Sex = r.chance(0.55) ? 'FEMALE' : 'MALE'
  const age = Math.max(18, Math.min(60, Math.round(40 + 9 * r.gaussian())))
  const occupation =
    unit.session && r.chance(0.6) ? r.pick(unit.session.audiences) : r.weighted(vsiOccupations)
  const previous = renewing?.members[0]
  const person = previous
    ? returningPerson(previous)
    : addPerson(load, {
        at: unit.registeredAt,
        sex,
        name: fullName(r, sex),
        dateOfBirth: dateOfBirth(r, registeredOn, age, age),
        provinceCode: birthProvince(r, load.region),
        phone: r.chance(0.97) ? mobilePhone(r) : null,
        address: address(r, unit.ward),
        occupation: occupation === 'STUDENT' ? 'FREELANCER' : occupation,
        legacyCode: r.chance(0.15) ? `79${r.digits(8)}` : null,
      })
  const months = r.weighted([
    [1, 30],
    [3, 25],
    [6, 15],
    [12, 30],
  ])
  const income = monthlyIncome(r, 1_500_000, 50_000, 46_800_000)
  const supportGroups: SupportGroup[] =
    unit.ward.type === 'SPECIAL_ZONE'
      ? ['ISLAND_COMMUNE']
      : r.weighted<SupportGroup[]>([
          [[], 92],
          [['NEAR_POOR'], 3],
          [['POOR'], 2],
          [['ETHNIC_MINORITY'], 3],
        ])
  const periodStart = `${registeredOn.slice(0, 8)}01`
  const amounts = load.quote(unit.product, registeredOn, months, supportGroups, { monthlyIncome: income })[0]
  if (!amounts) throw new Error('seedDemo: a VSI quote without amounts')
  addEnrollment(load, {
    at: unit.registeredAt,
    person,
    householdId: null,
    months,
    monthlyIncome: income,
    supportGroups,
    householdPosition: null,
    amounts,
    periodStart,
    periodEnd: coverageEnd(periodStart, months),
    coveredUntil: previous?.coverageEnd ?? null,
  })
}

/** A household insured together: its members (new, or last year's in the same order), an enrollment each. */
function loadHousehold(load: UnitLoad, renewing: Renewable | undefined): string {
  const { unit, registeredOn, writer } = load
  const r = load.plan.random.people
  const householdId = renewing?.householdId ?? r.uuidv7(unit.registeredAt)
  const homeAddress = address(r, unit.ward)
  if (!renewing)
    writer.tables.households.add({
      id: householdId,
      address: homeAddress,
      wardCode: unit.ward.code,
      createdAt: iso(unit.registeredAt),
      updatedAt: iso(unit.registeredAt),
    })
  const { months, supportGroups } = householdTerms(r, unit.ward)
  const amounts = load.quote(unit.product, registeredOn, months, supportGroups, { householdSize: unit.size })
  // A first enrolment's card is valid from 30 days after payment (docs/domain/vn-insurance.md §2).
  const periodStart = isoDay(Date.parse(`${registeredOn}T00:00:00Z`) + 30 * day)
  const headProvince = birthProvince(r, load.region)
  let at = unit.registeredAt
  // A renewing household is last year's: the same people in the same order, already its members.
  const members = renewing ? [] : householdMembers(r, unit.size)
  for (let index = 0; index < unit.size; index++) {
    const position = index + 1
    const previous = renewing?.members[index]
    const member = previous ? undefined : members[index]
    const person = previous
      ? returningPerson(previous)
      : member && addMember(load, member, { at, index, homeAddress, headProvince })
    if (!person) throw new Error('seedDemo: a household without its member')
    if (member)
      writer.tables.members.add({
        householdId,
        personId: person.id,
        position,
        isHead: index === 0,
        relationToHead: member.relation,
        insuredElsewhere: false,
      })
    const memberAmounts = amounts[index]
    if (!memberAmounts) throw new Error('seedDemo: an HHI quote with fewer lines than members')
    addEnrollment(load, {
      at,
      person,
      householdId,
      months,
      monthlyIncome: null,
      supportGroups,
      householdPosition: position,
      amounts: memberAmounts,
      periodStart,
      periodEnd: coverageEnd(periodStart, months),
      coveredUntil: previous?.coverageEnd ?? null,
    })
    at += r.int(20, 60) * 1000
  }
  return householdId
}

/** How long a household pays for, and its support: most pay a year, without support. */
function householdTerms(r: Random, ward: Ward) {
  const months = r.weighted([
    [12, 60],
    [6, 25],
    [3, 15],
  ])
  const supportGroups: SupportGroup[] = r.weighted<SupportGroup[]>([
    [[], 97],
    [['NEAR_POOR'], 1.5],
    [ward.type === 'COMMUNE' ? ['AGRICULTURAL_AVERAGE_INCOME'] : [], 1.5],
  ])
  return { months, supportGroups }
}

/**
 * A new member of the household, at its address: born where the head was, or (a child born here) in the
 * region's own province; reachable by phone as likely as their age makes it.
 */
function addMember(
  load: UnitLoad,
  member: Member,
  where: { at: number; index: number; homeAddress: string; headProvince: string },
) {
  const r = load.plan.random.people
  const { index, headProvince } = where
  return addPerson(load, {
    at: where.at,
    sex: member.sex,
    name: fullName(r, member.sex, member.family),
    dateOfBirth: dateOfBirth(r, load.registeredOn, member.age[0], member.age[1]),
    provinceCode: member.localBirth
      ? r.chance(0.85)
        ? localBirthProvince[load.region]
        : headProvince
      : index === 0 || r.chance(0.4)
        ? headProvince
        : birthProvince(r, load.region),
    phone: r.chance(member.phoneChance) ? mobilePhone(r) : null,
    address: where.homeAddress,
    occupation: member.occupation,
    legacyCode: null,
  })
}

type NewPerson = {
  at: number
  sex: Sex
  name: string
  dateOfBirth: string
  provinceCode: string
  phone: string | null
  address: string
  occupation: AudienceGroup | null
  legacyCode: string | null
}

/** A person new to the registry, in the unit's ward, recorded by its center. */
function addPerson(load: UnitLoad, person: NewPerson) {
  const r = load.plan.random.people
  const id = r.uuidv7(person.at)
  const personCitizenId = citizenId(r, load.taken, person)
  const prefixes = textArray(searchPrefixes(person.name))
  load.writer.tables.people.add({
    id,
    fullName: person.name,
    citizenId: personCitizenId,
    legacySocialInsuranceCode: person.legacyCode,
    dateOfBirth: person.dateOfBirth,
    sex: person.sex,
    phone: person.phone,
    address: person.address,
    wardCode: load.wardCode,
    occupationGroup: person.occupation,
    recordingCenterId: load.unit.center.id,
    searchKey: personSearchKey({
      fullName: person.name,
      phone: person.phone,
      citizenId: personCitizenId,
    }),
    searchPrefixes: prefixes,
    createdAt: iso(person.at),
    updatedAt: iso(person.at),
  })
  return {
    id,
    citizenId: personCitizenId,
    occupation: person.occupation,
    searchPrefixes: prefixes,
    // What the registration was given, which its enrollment keeps.
    contact: {
      phone: person.phone,
      address: person.address,
      legacySocialInsuranceCode: person.legacyCode,
    },
  }
}

/** A person as an enrollment takes them: new to the registry (addPerson) or last year's (returningPerson). */
type PersonOnFile = ReturnType<typeof returningPerson>

type NewEnrollment = {
  at: number
  person: PersonOnFile
  householdId: string | null
  months: number
  monthlyIncome: number | null
  supportGroups: readonly SupportGroup[]
  householdPosition: number | null
  amounts: Amounts
  periodStart: string
  periodEnd: string
  /** The last day of the coverage on file for the person and product, if any. */
  coveredUntil: string | null
}

/** One person's enrollment with its status history, the coverage a payment bought, and where it is followed up. */
function addEnrollment(load: UnitLoad, enrollment: NewEnrollment) {
  const { plan, unit, paidOn, reason } = load
  const { status, steps } = unit.lifecycle
  const id = plan.random.people.uuidv7(enrollment.at)
  const shift = enrollment.at - unit.registeredAt
  const last = steps[steps.length - 1]
  const bought = coverageBought(load, enrollment)
  load.writer.tables.enrollments.add({
    id,
    campaignId: plan.campaign.id,
    centerId: unit.center.id,
    sessionId: unit.session?.id ?? null,
    registeredById: unit.agent,
    product: unit.product,
    personId: enrollment.person.id,
    householdId: enrollment.householdId,
    quoteDate: load.registeredOn,
    months: enrollment.months,
    monthlyIncome: enrollment.monthlyIncome,
    supportGroups: enumArray(enrollment.supportGroups),
    householdPosition: enrollment.householdPosition,
    gross: enrollment.amounts.gross,
    support: enrollment.amounts.support,
    payable: enrollment.amounts.payable,
    periodStart: enrollment.periodStart,
    periodEnd: enrollment.periodEnd,
    status,
    occupationGroup: enrollment.person.occupation,
    ...enrollment.person.contact,
    wardCode: load.wardCode,
    statusReason: reason,
    live: status === 'REJECTED' || status === 'CANCELLED' ? null : true,
    // Since 2025-08-01 the personal id number is the social-insurance number
    // (docs/domain/vn-insurance.md §3).
    socialInsuranceNumber: status === 'ACTIVE' ? enrollment.person.citizenId : null,
    searchPrefixes: enrollment.person.searchPrefixes,
    registeredAt: iso(enrollment.at),
    registeredOn: load.registeredOn,
    coverageStart: bought?.start ?? null,
    coverageEnd: bought?.end ?? null,
    continuity: bought?.continuity ?? null,
    countedOn: paidOn && plan.campaign.countOn === 'PAYMENT_DAY' ? paidOn : null,
    updatedAt: iso(last?.byManager ? last.at : (last?.at ?? unit.registeredAt) + shift),
    version: steps.length,
  })
  addStatusHistory(load, id, shift)
  if (bought) load.covered.push(coveredOf(id, enrollment, bought.end, status))
  if (load.unpaid && (status === 'DRAFT' || status === 'SUBMITTED'))
    load.unpaid.push({ enrollmentId: id, center: unit.center, agent: unit.agent, at: enrollment.at, status })
}

/**
 * As recordPayment gives it: the coverage the unit's payment bought for the enrollment (none unpaid),
 * counted on the payment day where the campaign counts so.
 */
function coverageBought({ unit, paidOn }: UnitLoad, enrollment: NewEnrollment) {
  if (!paidOn) return null
  const coverage = coverageOfPayment({
    product: unit.product,
    paidOn,
    months: enrollment.months,
    coveredUntilOnFile: enrollment.coveredUntil,
  })
  if (!coverage.ok) throw new Error('seedDemo: a payment without coverage')
  return coverage.coverage
}

/** A covered enrollment, as the renewal worklists follow it up. */
function coveredOf(
  enrollmentId: string,
  enrollment: NewEnrollment,
  coverageEnd: string,
  status: EnrollmentStatus,
) {
  const { person } = enrollment
  return {
    enrollmentId,
    personId: person.id,
    citizenId: person.citizenId,
    searchPrefixes: person.searchPrefixes,
    occupation: person.occupation,
    contact: person.contact,
    coverageEnd,
    status,
  }
}

/** The enrollment's steps: a manager acts on the whole household at once; the agent enters the members one by one. */
function addStatusHistory(load: UnitLoad, enrollmentId: string, shift: number) {
  const { unit, reason } = load
  const r = load.plan.random.people
  let from: EnrollmentStatus | null = null
  for (const step of unit.lifecycle.steps) {
    const at = step.byManager ? step.at : step.at + shift
    load.writer.tables.statusChanges.add({
      id: r.uuidv7(at),
      enrollmentId,
      fromStatus: from,
      toStatus: step.to,
      reason: step.to === 'REJECTED' || step.to === 'CANCELLED' ? reason : null,
      actorId: step.byManager ? (unit.center.manager ?? unit.agent) : unit.agent,
      at: iso(at),
    })
    from = step.to
  }
}

const followUpNotes = ['Gọi lại sau 17 giờ.', 'Người nhà nghe máy.', 'Đã gửi tin nhắn nhắc.', null, null]
const declineReasons = ['Chưa có tiền.', 'Chuyển sang tham gia theo hộ gia đình khác.', 'Không có nhu cầu.']

/**
 * Contact attempts of this campaign, as recordFollowUp records them: calls about registrations waiting
 * for payment, and about last year's cards that end around the campaign and were not renewed; a promise
 * puts the enrollment on its day's PROMISED list. Each enrollment then points at its last attempt, with
 * the promise's kind as the trigger gives it, so that worklist_rebuild() updates no row a second time (a
 * row updated twice in the load came back in another order from a backup's restore: backup.test.ts).
 */
async function loadFollowUps(
  tx: Db,
  random: Random,
  {
    offset,
    campaign,
    unpaid,
    pool,
    campaignIds,
  }: {
    offset: number
    campaign: DemoCampaign
    unpaid: readonly Unpaid[]
    pool: RenewalPool | null
    /** The campaigns whose enrollments the follow-ups are about. */
    campaignIds: string[]
  },
): Promise<number> {
  const { followUps } = followUpTables()
  const add = (call: FollowUpCall) => followUps.add(followUpRow(random, offset, call))
  for (const entry of unpaid) {
    if (!random.chance(0.3)) continue
    add({
      subject: { enrollmentId: entry.enrollmentId, centerId: entry.center.id, status: entry.status },
      by: entry.agent,
      at: duringOfficeHours(entry.at + random.int(1, 5) * day, offset, random),
      outcomes: [
        ['WILL_PAY', 50],
        ['NO_ANSWER', 30],
        ['REACHED', 15],
        ['DECLINED', 5],
      ],
    })
  }
  callExpiringCards(random, { offset, campaign, pool }, add)
  const written = await followUps.insert(tx)
  await pointAtLastFollowUps(tx, campaignIds)
  return written
}

/** A contact attempt: about which enrollment, by whom, when, and how likely each outcome is. */
type FollowUpCall = {
  subject: { enrollmentId: string; centerId: string; status: EnrollmentStatus }
  by: string
  at: number
  outcomes: readonly (readonly [FollowUpOutcome, number])[]
}

/** The attempt as recordFollowUp writes it: its outcome drawn, a promise's day, the shared rule's effect. */
function followUpRow(random: Random, offset: number, { subject, by, at, outcomes }: FollowUpCall) {
  const on = isoDay(at + offset)
  const outcome = random.weighted(outcomes)
  const reason = outcome === 'DECLINED' ? random.pick(declineReasons) : null
  const effect = followUpEffect({
    outcome,
    on,
    promisedOn: outcome === 'WILL_PAY' ? addDays(on, random.int(0, 10)) : null,
    reason,
  })
  if (!effect.ok) throw new Error(`seedDemo: a follow-up the rules refuse: ${JSON.stringify(effect.issues)}`)
  return {
    id: random.uuidv7(at),
    enrollmentId: subject.enrollmentId,
    centerId: subject.centerId,
    byId: by,
    at: iso(at),
    means: random.weighted<FollowUpMeans>([
      ['CALL', 70],
      ['MESSAGE', 15],
      ['VISIT', 15],
    ]),
    outcome,
    enrollmentStatus: subject.status,
    promisedOn: effect.state.promisedOn,
    reason,
    note: random.pick(followUpNotes),
    createdAt: iso(at),
  }
}

/**
 * Calls about last year's cards ending from the campaign's first day to a month after it and not
 * renewed: the ones its agents call about, some days before the card ends.
 */
function callExpiringCards(
  random: Random,
  { offset, campaign, pool }: { offset: number; campaign: DemoCampaign; pool: RenewalPool | null },
  add: (call: FollowUpCall) => void,
) {
  const from = isoDay(campaign.startDate.getTime())
  const to = addDays(isoDay(campaign.endDate.getTime()), 30)
  for (const renewable of pool?.all ?? []) {
    const first = renewable.members[0]
    if (renewable.renewed || !first || first.coverageEnd < from || first.coverageEnd > to) continue
    if (!random.chance(0.35)) continue
    const callOn = Math.max(
      Date.parse(`${from}T00:00:00Z`),
      Date.parse(`${first.coverageEnd}T00:00:00Z`) - random.int(0, 25) * day,
    )
    add({
      subject: { enrollmentId: first.enrollmentId, centerId: renewable.center.id, status: first.status },
      by: random.pick(renewable.center.agents),
      at: duringOfficeHours(
        callOn - offset + random.int(450, 1000) * minute + random.int(0, 59_999),
        offset,
        random,
      ),
      outcomes: [
        ['WILL_PAY', 45],
        ['NO_ANSWER', 30],
        ['REACHED', 15],
        ['MOVED_AWAY', 4],
        ['INSURED_ELSEWHERE', 3],
        ['DECLINED', 3],
      ],
    })
  }
}

/** Each enrollment followed up points at its last attempt, with the promise and closing it gave. */
async function pointAtLastFollowUps(tx: Db, campaignIds: string[]) {
  await tx.$executeRawUnsafe(
    `UPDATE "Enrollment" e
        SET "lastFollowUpId" = f.id, "promisedOn" = f."promisedOn",
            "promisedWhileCovered" = f."enrollmentStatus" IN ('PAID', 'ACTIVE'),
            "followUpClosed" = CASE WHEN f.outcome IN ('DECLINED', 'MOVED_AWAY', 'DECEASED', 'INSURED_ELSEWHERE')
                                    THEN f.outcome END
       FROM (SELECT DISTINCT ON ("enrollmentId") * FROM "FollowUp"
              WHERE "enrollmentId" IN (SELECT id FROM "Enrollment" WHERE "campaignId" = ANY($1::uuid[]))
              ORDER BY "enrollmentId", at DESC, id DESC) f
      WHERE e.id = f."enrollmentId"`,
    campaignIds,
  )
}

/**
 * Fills a campaign with a deterministic demo: `enrollments` registrations split between the products
 * like the campaign's targets, across its participating centers like their targets, over its days like
 * a real drive, with outreach sessions, households, status histories, coverage and the per-day counts.
 * Before it, the same campaign a year earlier (`previousYear` registrations, as many by default): about
 * 60 % of its paid participants register again (renewals), the rest are on the expiring and lapsed
 * lists; this year's sessions have leads, and agents have called some of both with promises to pay.
 */
export async function seedDemo(prisma: PrismaClient, options: DemoOptions): Promise<DemoResult> {
  const started = performance.now()
  const previousSize = options.previousYear ?? options.enrollments
  checkDemoSize('enrollments', options.enrollments)
  checkDemoSize('previousYear', previousSize)
  const { campaign, previous, campaignIds } = await demoCampaigns(prisma, options, previousSize)
  const random = demoRandom(options.seed)
  const { participants, organizer } = campaignCenters(campaign)
  const { staff, created: usersCreated } = await ensureDemoUsers(prisma, participants, random.users)
  const storedParameters = await prisma.contributionParameter.findMany()
  const parameters: readonly ContributionParameter[] =
    storedParameters.length > 0 ? storedParameters : defaultContributionParameters
  const quote = quoteCache(parameters)
  const taken = options.takenCitizenIds ?? (await takenCitizenIds(prisma, campaignIds))
  const centers = centerPlans(campaign, participants, staff, random.centers)

  const lastYear = previous
    ? planYear(
        previous,
        centers,
        organizer,
        { enrollments: previousSize, sessions: undefined },
        random.lastYear,
        true,
      )
    : null
  const thisYear = planYear(
    campaign,
    centers,
    organizer,
    { enrollments: options.enrollments, sessions: options.sessions },
    random.thisYear,
    false,
  )
  const prepared = performance.now()

  const result = await prisma.$transaction(
    (tx) =>
      loadDemo(tx, options, {
        campaign,
        previous,
        campaignIds,
        thisYear,
        lastYear,
        random,
        load: { quote, taken, organizer },
      }),
    { timeout: 30 * 60_000, maxWait: 60_000 },
  )
  const finished = performance.now()
  const milliseconds = {
    prepare: Math.round(prepared - started),
    load: Math.round(result.loaded - prepared),
    recount: Math.round(finished - result.loaded),
    worklistRebuild: Math.round(result.rebuildMs),
    total: Math.round(finished - started),
  }
  return demoResult({ campaign, previous, thisYear, lastYear }, result, { usersCreated, milliseconds })
}

function checkDemoSize(name: string, value: number) {
  if (!Number.isInteger(value) || value < 0)
    throw new RangeError(`seedDemo: ${name} must be a whole number ≥ 0`)
}

/** What seedDemo made, from what loadDemo wrote. */
function demoResult(
  {
    campaign,
    previous,
    thisYear,
    lastYear,
  }: {
    campaign: FilledCampaign
    previous: DemoCampaign | null
    thisYear: YearPlan
    lastYear: YearPlan | null
  },
  result: Awaited<ReturnType<typeof loadDemo>>,
  { usersCreated, milliseconds }: Pick<DemoResult, 'usersCreated' | 'milliseconds'>,
): DemoResult {
  return {
    campaignId: campaign.id,
    sessions: thisYear.sessions.length,
    people: result.people,
    households: result.households,
    enrollments: { voluntarySocialInsurance: result.vsi, householdHealthInsurance: result.hhi },
    statusChanges: result.statusChanges,
    dailyCounts: result.dailyCounts,
    segmentCounts: result.segmentCounts,
    segmentTotals: result.segmentTotals,
    previousYear:
      previous && result.last
        ? {
            campaignId: previous.id,
            code: previous.code,
            sessions: lastYear?.sessions.length ?? 0,
            people: result.last.people,
            enrollments: {
              voluntarySocialInsurance: result.last.vsi,
              householdHealthInsurance: result.last.hhi,
            },
            paidRegistrations: result.renewable,
            renewedRegistrations: result.renewals,
          }
        : null,
    leads: result.leads,
    followUps: result.followUps,
    usersCreated,
    milliseconds,
  }
}

/**
 * The campaign to fill, its year before (made when wanted) and the one an earlier demo made, which a
 * replacing demo without a year before removes; refuses campaigns already filled unless replacing.
 */
async function demoCampaigns(prisma: PrismaClient, options: DemoOptions, previousSize: number) {
  const campaign = await prisma.campaign.findUnique({
    where: { code: options.campaignCode },
    include: { centers: { include: { center: true } }, targets: true },
  })
  if (!campaign) throw new Error(`seedDemo: no campaign with code ${options.campaignCode}`)
  const previous = previousSize > 0 ? await previousYearCampaign(prisma, campaign) : null
  const earlier =
    previous ??
    (options.replace
      ? await prisma.campaign.findUnique({ where: { code: previousYearCode(campaign.code) } })
      : null)
  for (const demoCampaign of [campaign, previous]) {
    if (!demoCampaign) continue
    const [enrollmentCount, sessionCount] = await Promise.all([
      prisma.enrollment.count({ where: { campaignId: demoCampaign.id } }),
      prisma.outreachSession.count({ where: { campaignId: demoCampaign.id } }),
    ])
    if ((enrollmentCount > 0 || sessionCount > 0) && !options.replace) {
      throw new Error(
        `seedDemo: campaign ${demoCampaign.code} already has ${enrollmentCount} enrollments and ${sessionCount} sessions; pass replace to regenerate them`,
      )
    }
  }
  return { campaign, previous, campaignIds: [campaign.id, ...(earlier ? [earlier.id] : [])] }
}

type FilledCampaign = Awaited<ReturnType<typeof demoCampaigns>>['campaign']

/** One random stream per part, so that a change to one part leaves the others' rows as they were. */
function demoRandom(seed: number) {
  const root = new Random(seed)
  return {
    users: root.fork(1),
    centers: root.fork(2),
    thisYear: { days: root.fork(3), sessions: root.fork(4), units: root.fork(5), people: root.fork(6) },
    lastYear: { days: root.fork(13), sessions: root.fork(14), units: root.fork(15), people: root.fork(16) },
    returning: root.fork(17),
    leads: root.fork(18),
    followUps: root.fork(19),
  }
}

const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)

/** The campaign's participating centers in code order, and its organizer (the city post office first). */
function campaignCenters(campaign: FilledCampaign) {
  const participants = campaign.centers
    .filter((link) => link.role === 'PARTICIPANT')
    .map((link) => link.center)
    .sort(byCode)
  if (participants.length === 0)
    throw new Error(`seedDemo: campaign ${campaign.code} has no participating centers`)
  const organizer = campaign.centers
    .filter((link) => link.role === 'ORGANIZER')
    .map((link) => link.center)
    .sort(
      (a, b) => Number(b.kind === 'CITY_POST_OFFICE') - Number(a.kind === 'CITY_POST_OFFICE') || byCode(a, b),
    )[0]
  return { participants, organizer }
}

/** Centers, with their share of each product's registrations, the wards they serve and their staff. */
function centerPlans(
  campaign: FilledCampaign,
  participants: readonly Center[],
  staff: Map<string, { agents: string[]; manager: string | null }>,
  random: Random,
): CenterPlan[] {
  const centerTargets = (centerId: string, product: Product) =>
    campaign.targets.find((t) => t.centerId === centerId && t.product === product && t.dueDate === null)
      ?.count ?? 1
  const centers: CenterPlan[] = participants.map((center) => {
    const launch = launchCenters.find((candidate) => candidate.code === center.code)
    const served = launch?.area
      ? hoChiMinhCityWards.filter((ward) => centerServesWard(launch, ward.code))
      : []
    const performance = 0.8 + 0.4 * random.next()
    const entry = staff.get(center.id)
    return {
      ...center,
      weight: {
        VOLUNTARY_SOCIAL_INSURANCE: centerTargets(center.id, 'VOLUNTARY_SOCIAL_INSURANCE') * performance,
        HOUSEHOLD_HEALTH_INSURANCE: centerTargets(center.id, 'HOUSEHOLD_HEALTH_INSURANCE') * performance,
      },
      wards: served.length > 0 ? served : hoChiMinhCityWards,
      agents: entry?.agents ?? [],
      manager: entry?.manager ?? null,
    }
  })
  for (const center of centers) {
    if (center.agents.length === 0)
      throw new Error(`seedDemo: center ${center.code} has no agent to register with`)
  }
  return centers
}

/** In one transaction: the year before, this year, the follow-ups, then the rollups and the worklists recounted. */
async function loadDemo(
  tx: Db,
  options: DemoOptions,
  demo: {
    campaign: FilledCampaign
    previous: DemoCampaign | null
    campaignIds: string[]
    thisYear: YearPlan
    lastYear: YearPlan | null
    random: ReturnType<typeof demoRandom>
    load: Pick<YearLoad, 'quote' | 'taken' | 'organizer'>
  },
) {
  const { campaign, previous, campaignIds, thisYear, lastYear, random } = demo
  await startBulkLoad(tx, options.replace ? campaignIds : [])
  const pool: RenewalPool = { all: [], returning: new Map() }
  const last = lastYear
    ? await loadYear(tx, lastYear, {
        ...demo.load,
        renewals: null,
        keep: { pool, random: random.returning, share: 0.65 },
        leads: null,
        unpaid: null,
      })
    : null
  const { leads } = followUpTables()
  const unpaid: Unpaid[] = []
  const totals = await loadYear(tx, thisYear, {
    ...demo.load,
    renewals: lastYear ? pool : null,
    keep: null,
    leads: { rows: leads, random: random.leads },
    unpaid,
  })
  const leadCount = await tx.lead.count({ where: { session: { campaignId: campaign.id } } })
  const followUps = await loadFollowUps(tx, random.followUps, {
    offset: thisYear.offset,
    campaign,
    unpaid,
    pool: lastYear ? pool : null,
    campaignIds: [campaign.id, ...(previous ? [previous.id] : [])],
  })
  const loaded = performance.now()
  const rollups = await recountRollups(tx, campaignIds)
  const beforeRebuild = performance.now()
  if (options.rebuildWorklists ?? true) await tx.$executeRawUnsafe('SELECT worklist_rebuild()')
  const rebuilt = performance.now()
  return {
    ...totals,
    ...rollups,
    last,
    renewals: pool.all.filter((renewable) => renewable.renewed).length,
    renewable: pool.all.length,
    leads: leadCount,
    followUps,
    loaded,
    rebuildMs: rebuilt - beforeRebuild,
  }
}

/** The transaction set for a bulk load, with the activity of the campaigns in `clearing` removed first. */
async function startBulkLoad(tx: Db, clearing: readonly string[]) {
  // The worklists' triggers skip every row: worklist_rebuild() recounts them once at the end. The
  // tally triggers fire at once rather than deferred, so that no event waits for the commit per row
  // (and a later CREATE INDEX is not refused for pending trigger events).
  await tx.$executeRawUnsafe(`SET LOCAL tangtoc.bulk_load = 'on'`)
  await tx.$executeRawUnsafe(`SET CONSTRAINTS "Enrollment_worklist_tally", "Lead_worklist_tally" IMMEDIATE`)
  for (const id of clearing) await clearCampaignActivity(tx, id)
}

/** The campaigns' rollups rebuilt from their enrollments; the rows each table got, summed. */
async function recountRollups(tx: Db, campaignIds: readonly string[]) {
  const rollups = { dailyCounts: 0, segmentCounts: 0, segmentTotals: 0 }
  for (const id of campaignIds) {
    const written = await recountCampaignRollups(tx, id)
    rollups.dailyCounts += written.dailyCounts
    rollups.segmentCounts += written.segmentCounts
    rollups.segmentTotals += written.segmentTotals
  }
  return rollups
}
