// Builders for progress and export tests: enrollments written with their EnrollmentDailyCount,
// EnrollmentSegmentCount and EnrollmentSegmentTotal rows, as the enrollment mutations keep them, and
// outreach sessions held.
import { localDateInZone, searchPrefixes } from '@tangtoc/shared'
import { createPerson } from './fixtures-people.ts'
import type {
  AudienceGroup,
  Campaign,
  Center,
  Continuity,
  Enrollment,
  EnrollmentStatus,
  OutreachSession,
  Person,
  Prisma,
  PrismaClient,
  Product,
  SessionKind,
  User,
} from './generated/prisma/client.ts'
import { addEnrollmentsToRollups } from './rollup-counts.ts'

/** What createRolledUpEnrollment writes; everything but the campaign, center and registering user is optional. */
export interface RolledUpEnrollmentOptions {
  campaign: Campaign
  center: Center
  registeredBy: User
  person?: Person
  fullName?: string
  phone?: string
  occupationGroup?: AudienceGroup | null
  product?: Product
  status?: EnrollmentStatus
  /** New or continuing, as a payment decides; none by default (counted as new). */
  continuity?: Continuity | null
  registeredAt?: Date
  session?: OutreachSession | null
}

/**
 * An enrollment (and a new person unless one is given), counted in the rollups (addEnrollmentsToRollups:
 * EnrollmentDailyCount, EnrollmentSegmentCount, EnrollmentSegmentTotal) in the same transaction, on the
 * local date of `registeredAt` in the campaign's time zone; its occupation group is the person's.
 */
export async function createRolledUpEnrollment(
  prisma: PrismaClient,
  options: RolledUpEnrollmentOptions,
): Promise<Enrollment & { person: Person }> {
  return prisma.$transaction(async (tx) => {
    const person =
      options.person ??
      (await createPerson(
        tx,
        { fullName: options.fullName, phone: options.phone },
        { occupationGroup: options.occupationGroup ?? null, recordingCenterId: options.center.id },
      ))
    const enrollment = await tx.enrollment.create({ data: rolledUpEnrollmentData(options, person) })
    await addEnrollmentsToRollups(tx, { ids: [enrollment.id] })
    return { ...enrollment, person }
  })
}

/** The enrollment's row: 12 months at a fixed price, registered at `registeredAt` (now by default), PAID unless told. */
function rolledUpEnrollmentData(
  options: RolledUpEnrollmentOptions,
  person: Person,
): Prisma.EnrollmentUncheckedCreateInput {
  const registeredAt = options.registeredAt ?? new Date()
  const registeredOn = new Date(`${localDateInZone(registeredAt, options.campaign.timeZone)}T00:00:00Z`)
  const product = options.product ?? 'HOUSEHOLD_HEALTH_INSURANCE'
  const status = options.status ?? 'PAID'
  return {
    campaignId: options.campaign.id,
    centerId: options.center.id,
    sessionId: options.session?.id ?? null,
    registeredById: options.registeredBy.id,
    product,
    personId: person.id,
    quoteDate: registeredOn,
    months: 12,
    monthlyIncome: product === 'VOLUNTARY_SOCIAL_INSURANCE' ? 3_000_000 : null,
    gross: 1_263_600,
    support: 0,
    payable: 1_263_600,
    periodStart: registeredOn,
    periodEnd: registeredOn,
    status,
    continuity: options.continuity ?? null,
    occupationGroup: person.occupationGroup,
    phone: person.phone,
    address: person.address,
    wardCode: person.wardCode,
    legacySocialInsuranceCode: person.legacySocialInsuranceCode,
    searchPrefixes: searchPrefixes(person.fullName),
    live: status === 'REJECTED' || status === 'CANCELLED' ? null : true,
    registeredAt,
    registeredOn,
  }
}

/** An outreach session of the campaign, held (DONE) with its attendance unless told otherwise. */
export async function createHeldSession(
  prisma: PrismaClient,
  options: {
    campaign: Campaign
    center: Center
    kind?: SessionKind
    startsAt?: Date
    attendance?: number | null
    status?: OutreachSession['status']
  },
): Promise<OutreachSession> {
  const startsAt = options.startsAt ?? new Date()
  return prisma.outreachSession.create({
    data: {
      campaignId: options.campaign.id,
      centerId: options.center.id,
      title: 'Tư vấn BHXH tự nguyện, BHYT hộ gia đình',
      kind: options.kind ?? 'CONSULTATION_GROUP',
      venueKind: 'RESIDENTIAL_AREA',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
      status: options.status ?? 'DONE',
      attendance: options.attendance === undefined ? 40 : options.attendance,
    },
  })
}
