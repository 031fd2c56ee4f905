// Enrollment builders for tests: one enrollment as the API would store it, or many at once with two
// bulk inserts. They write rows directly and count them in the rollups as the API does (the list's
// totalCount sums EnrollmentDailyCount); tests of the rollups' own upkeep register through the API.
import { randomInt, randomUUID } from 'node:crypto'
import { buildCitizenId, localDateInZone, personSearchKey, searchPrefixes } from '@tangtoc/shared'
import { freshSerial } from './fixtures-people.ts'
import type {
  Campaign,
  Center,
  Enrollment,
  EnrollmentStatus,
  Person,
  PrismaClient,
  Product,
  User,
} from './generated/prisma/client.ts'
import { addEnrollmentsToRollups } from './rollup-counts.ts'

const day = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`)

export interface EnrollmentFixtureOptions {
  campaign: Campaign
  center: Center
  registeredBy: User
  person?: Person
  product?: Product
  status?: EnrollmentStatus
  sessionId?: string | null
  registeredAt?: Date
}

type EnrolledPerson = Pick<
  Person,
  'id' | 'fullName' | 'phone' | 'address' | 'wardCode' | 'occupationGroup' | 'legacySocialInsuranceCode'
>

function enrollmentRow(options: EnrollmentFixtureOptions & { person: EnrolledPerson }) {
  const registeredAt = options.registeredAt ?? new Date()
  const status = options.status ?? 'SUBMITTED'
  const registeredOn = localDateInZone(registeredAt, options.campaign.timeZone)
  return {
    id: randomUUID(),
    campaignId: options.campaign.id,
    centerId: options.center.id,
    sessionId: options.sessionId ?? null,
    registeredById: options.registeredBy.id,
    product: options.product ?? 'VOLUNTARY_SOCIAL_INSURANCE',
    personId: options.person.id,
    quoteDate: day('2025-11-04'),
    months: 1,
    monthlyIncome: 1_500_000,
    supportGroups: [],
    gross: 330_000,
    support: 66_000,
    payable: 264_000,
    periodStart: day('2025-11-04'),
    periodEnd: day('2025-12-03'),
    status,
    // The person's details, as a registration that gave them keeps them.
    phone: options.person.phone,
    address: options.person.address,
    wardCode: options.person.wardCode,
    occupationGroup: options.person.occupationGroup,
    legacySocialInsuranceCode: options.person.legacySocialInsuranceCode,
    statusReason: status === 'REJECTED' || status === 'CANCELLED' ? 'Thử nghiệm' : null,
    live: status === 'REJECTED' || status === 'CANCELLED' ? null : true,
    searchPrefixes: searchPrefixes(options.person.fullName),
    registeredAt,
    registeredOn: day(registeredOn),
  } satisfies Partial<Enrollment>
}

/**
 * One enrollment (a new person unless given), with its first status change. As a first registration
 * would, the enrollment's center becomes the one that recorded the person when none has.
 */
export async function createEnrollment(
  prisma: PrismaClient,
  options: EnrollmentFixtureOptions,
): Promise<Enrollment> {
  const person = options.person ?? (await createPeopleForEnrollments(prisma, 1))[0]
  if (!person) throw new Error('no person')
  await prisma.person.updateMany({
    where: { id: person.id, recordingCenterId: null },
    data: { recordingCenterId: options.center.id },
  })
  const row = enrollmentRow({ ...options, person })
  const enrollment = await prisma.enrollment.create({
    data: {
      ...row,
      statusChanges: {
        create: { toStatus: row.status, actorId: options.registeredBy.id, at: row.registeredAt },
      },
    },
  })
  await addEnrollmentsToRollups(prisma, { ids: [enrollment.id] })
  return enrollment
}

/** `count` people with valid citizen ids and phones, named "<prefix> <n>", recorded at `center` if given. */
export async function createPeopleForEnrollments(
  prisma: PrismaClient,
  count: number,
  prefix = 'Người tham gia',
  center: Pick<Center, 'id'> | null = null,
): Promise<Person[]> {
  const people = Array.from({ length: count }, (_, index) => {
    const dateOfBirth = `19${String(60 + (index % 40)).padStart(2, '0')}-03-15`
    const sex = index % 2 === 0 ? ('FEMALE' as const) : ('MALE' as const)
    const fullName = `${prefix} ${randomUUID().slice(0, 6)} ${index + 1}`
    const citizenId = buildCitizenId({ provinceCode: '079', dateOfBirth, sex, serial: freshSerial() })
    const phone = `+8491${String(randomInt(0, 9_999_999)).padStart(7, '0')}`
    return {
      id: randomUUID(),
      fullName,
      citizenId,
      dateOfBirth: day(dateOfBirth),
      sex,
      phone,
      searchKey: personSearchKey({ fullName, phone, citizenId }),
      searchPrefixes: searchPrefixes(fullName),
      recordingCenterId: center?.id ?? null,
    }
  })
  await prisma.person.createMany({ data: people })
  return prisma.person.findMany({
    where: { id: { in: people.map((person) => person.id) } },
    orderBy: { fullName: 'asc' },
  })
}

/** `count` enrollments of new people in one go (two inserts), for list and query-count tests. */
export async function createEnrollments(
  prisma: PrismaClient,
  count: number,
  options: Omit<EnrollmentFixtureOptions, 'person'>,
): Promise<Enrollment[]> {
  const people = await createPeopleForEnrollments(prisma, count, undefined, options.center)
  const start = (options.registeredAt ?? new Date()).getTime()
  const rows = people.map((person, index) =>
    enrollmentRow({ ...options, person, registeredAt: new Date(start - index * 60_000) }),
  )
  await prisma.enrollment.createMany({ data: rows })
  await addEnrollmentsToRollups(prisma, { ids: rows.map((row) => row.id) })
  return prisma.enrollment.findMany({ where: { id: { in: rows.map((row) => row.id) } } })
}
