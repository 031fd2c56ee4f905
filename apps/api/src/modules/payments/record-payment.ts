// Recording money received: one payment, for one enrollment or a household's together, split over them
// by the shared settlePayment. An enrollment whose due it settles becomes PAID, with the coverage the
// shared coverageOfPayment gives for that day; a partial payment leaves its enrollments unpaid until a
// later payment settles them. A paid voluntary social insurance enrollment takes the payment of its next
// period instead (paysNextPeriod): its amounts grow by that period's, its coverage by its months.
import type { CountDay, Enrollment, Payment, PaymentChannel, Prisma } from '@tangtoc/db'
import {
  amountsDue,
  checkFreeText,
  checkPaidOn,
  coverageOfPayment,
  type DeclaredParticipation,
  type Issue,
  issue,
  localDateInZone,
  mayRecordPayment,
  normalizeOptionalText,
  normalizeText,
  paysNextPeriod,
  planTransition,
  settlePayment,
} from '@tangtoc/shared'
import { builder } from '../../builder.ts'
import type { Context, Viewer } from '../../context.ts'
import {
  ConflictError,
  ForbiddenError,
  mutationErrorTypes,
  NotFoundError,
  validationErrorFrom,
} from '../../errors.ts'
import { idOf } from '../../global-id.ts'
import { insertRows } from '../../rows-insert.ts'
import { recordAudit } from '../audit/record.ts'
import { assertCanWriteCenter } from '../auth/center-access.ts'
import {
  type EnrollmentWithCenter,
  enrollmentToChange,
  transactionOptions,
  uniqueViolationOn,
} from '../enrollments/changes.ts'
import { EnrollmentNode } from '../enrollments/enrollment.ts'
import { recordStatusChanges } from '../enrollments/lifecycle.ts'
import { RegistrationNode } from '../enrollments/registration.ts'
import { readableEnrollmentsWhere, readableRegistrationsWhere } from '../people/visibility.ts'
import { publishEnrollmentChange } from '../progress/live.ts'
import { assertVersion, lockVersions, versionField } from '../versions.ts'
import { nextPeriod } from './next-period.ts'
import { PaymentChannelEnum, PaymentNode } from './payment.ts'

type PayableEnrollment = EnrollmentWithCenter & {
  campaign: { timeZone: string; countOn: CountDay; jurisdiction: string }
}

interface PaymentRecord {
  /** In the order the amount is split over them: a household's in register order. */
  enrollments: PayableEnrollment[]
  /** What the agent declares about each one's earlier participation, in the same order. */
  declared: DeclaredParticipation[]
  paidOn: string
  /** Null: exactly what is due (the deprecated confirmEnrollmentPayment). */
  amount: number | null
  partial: boolean
  channel: PaymentChannel
  receiptNumber: string | null
  note: string | null
  /** Whether a paid voluntary social insurance enrollment takes its next period (not through the deprecated confirmEnrollmentPayment, which only confirms). */
  nextPeriods: boolean
}

/** Whether this payment pays the enrollment's next period (paysNextPeriod) rather than settling it. */
const forNextPeriod = (record: PaymentRecord, enrollment: PayableEnrollment) =>
  record.nextPeriods && paysNextPeriod(enrollment)

const enrollmentInclude = {
  center: { select: { id: true, path: true } },
  campaign: { select: { timeZone: true, countOn: true, jurisdiction: true } },
} as const

/**
 * Who may record a payment on these enrollments, and whether each may be paid: the shared lifecycle's
 * CONFIRM_PAYMENT rule (managers, and agents at their own center; from SUBMITTED), or the next period of
 * a paid voluntary social insurance enrollment (in full); one center, a date not after today.
 */
function checkPayment(viewer: Viewer, record: PaymentRecord, path: (index: number) => string): void {
  const issues: Issue[] = []
  const [first] = record.enrollments
  if (!first) throw validationErrorFrom([issue('enrollments', 'FIELD_REQUIRED')])
  for (const [index, enrollment] of record.enrollments.entries()) {
    assertCanWriteCenter(viewer, enrollment.center)
    if (enrollment.centerId !== first.centerId) {
      issues.push(issue(path(index), 'PAYMENT_ENROLLMENTS_ONE_CENTER'))
      continue
    }
    if (forNextPeriod(record, enrollment)) {
      if (!mayRecordPayment(viewer.role)) throw new ForbiddenError()
      if (record.partial) issues.push(issue('partial', 'PAYMENT_NEXT_PERIOD_IN_FULL'))
      continue
    }
    const plan = planTransition(enrollment.status, 'CONFIRM_PAYMENT', { role: viewer.role })
    if (plan.ok) continue
    const forbidden = plan.issues.find((problem) => problem.code === 'TRANSITION_ROLE_FORBIDDEN')
    if (forbidden) throw new ForbiddenError(forbidden.message)
    issues.push(...plan.issues.map((problem) => ({ ...problem, path: path(index) })))
  }
  issues.push(...checkPaidOn(record.paidOn, localDateInZone(new Date(), first.campaign.timeZone)))
  if (issues.length > 0) throw validationErrorFrom(issues)
}

/** What each enrollment has received so far, by id. */
async function receivedBy(tx: Prisma.TransactionClient, ids: string[]): Promise<Map<string, number>> {
  const sums = await tx.paymentAllocation.groupBy({
    by: ['enrollmentId'],
    where: { enrollmentId: { in: ids } },
    _sum: { amount: true },
  })
  return new Map(sums.map((row) => [row.enrollmentId, row._sum.amount ?? 0]))
}

/**
 * The coverage a payment on `paidOn` buys each enrollment, from the person's latest coverage on file for
 * the product (read for all at once), in order: an enrollment settled earlier in the same payment counts
 * as on file for the next one of the same person and product.
 */
async function coveragesFor(
  tx: Prisma.TransactionClient,
  settled: readonly { enrollment: Enrollment; declared: DeclaredParticipation; path: string }[],
  paidOn: string,
) {
  if (settled.length === 0) return []
  // By person alone (one `= ANY`, not an OR of pairs a bulk action's thousand terms long); the
  // product is matched below.
  const onFile = await tx.enrollment.findMany({
    where: {
      personId: { in: [...new Set(settled.map(({ enrollment }) => enrollment.personId))] },
      coverageEnd: { not: null },
    },
    select: { id: true, personId: true, product: true, coverageEnd: true },
  })
  /** Coverage ends on file by person and product, then by enrollment. */
  const coverageEnds = new Map<string, Map<string, Date>>()
  const onFileFor = (row: { personId: string; product: string }) => {
    const key = `${row.personId} ${row.product}`
    const ends = coverageEnds.get(key) ?? new Map<string, Date>()
    coverageEnds.set(key, ends)
    return ends
  }
  for (const row of onFile) if (row.coverageEnd) onFileFor(row).set(row.id, row.coverageEnd)
  const day = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`)
  return settled.map(({ enrollment, declared, path }) => {
    let latest: Date | null = null
    for (const [id, coverageEnd] of onFileFor(enrollment)) {
      if (id !== enrollment.id && (latest === null || coverageEnd > latest)) latest = coverageEnd
    }
    const result = coverageOfPayment(
      {
        product: enrollment.product,
        paidOn,
        months: enrollment.months,
        coveredUntilOnFile: latest?.toISOString().slice(0, 10) ?? null,
        declared,
      },
      path,
    )
    if (!result.ok) throw validationErrorFrom(result.issues)
    const coverage = {
      coverageStart: day(result.coverage.start),
      coverageEnd: day(result.coverage.end),
      continuity: result.coverage.continuity,
    }
    onFileFor(enrollment).set(enrollment.id, coverage.coverageEnd)
    return coverage
  })
}

type Settling = { enrollment: PayableEnrollment; declared: DeclaredParticipation; path: string }

/** A paid voluntary social insurance enrollment takes its next period: still one participant, so its status and counts stay. */
async function extendPeriod(
  tx: Prisma.TransactionClient,
  context: Context,
  enrollment: PayableEnrollment,
  next: Awaited<ReturnType<typeof nextPeriod>>,
): Promise<Enrollment> {
  const row = await tx.enrollment.update({
    where: { id: enrollment.id },
    data: {
      gross: { increment: next.pricing.gross },
      support: { increment: next.pricing.support },
      payable: { increment: next.pricing.payable },
      coverageStart: enrollment.coverageStart ?? next.coverageStart,
      coverageEnd: next.coverageEnd,
      periodEnd: next.coverageEnd,
      version: { increment: 1 },
    },
  })
  const { center: _center, campaign: _campaign, ...before } = enrollment
  await recordAudit(tx, context, {
    action: 'enrollment.pay_next_period',
    entityType: 'Enrollment',
    entityId: enrollment.id,
    before,
    after: row,
  })
  return row
}

/**
 * The enrollments of the payment not extended, however many (a bulk confirmation's): those it settles
 * PAID with their coverage, the others (left unpaid) only at a new version, in one update per distinct
 * coverage (usually one); each row as written goes into `changed`.
 */
async function markSettled(
  tx: Prisma.TransactionClient,
  record: PaymentRecord,
  { ids, settling, changed }: { ids: string[]; settling: Settling[]; changed: Map<string, Enrollment> },
): Promise<void> {
  const coverages = await coveragesFor(tx, settling, record.paidOn)
  const settledData = new Map(
    settling.map(({ enrollment }, index) => {
      // Counted on the day the money came in, where the campaign counts so (the rollups move it).
      const countedOn =
        enrollment.campaign.countOn === 'PAYMENT_DAY' ? new Date(`${record.paidOn}T00:00:00Z`) : null
      return [enrollment.id, { status: 'PAID' as const, countedOn, ...coverages[index] }]
    }),
  )
  const updates = new Map<string, { data: Prisma.EnrollmentUpdateManyMutationInput; ids: string[] }>()
  for (const id of ids.filter((each) => !changed.has(each))) {
    const data = settledData.get(id) ?? {}
    const key = JSON.stringify(data)
    const update = updates.get(key) ?? { data, ids: [] as string[] }
    update.ids.push(id)
    updates.set(key, update)
  }
  for (const { data, ids: updated } of updates.values()) {
    const rows = await tx.enrollment.updateManyAndReturn({
      where: { id: { in: updated } },
      data: { ...data, version: { increment: 1 } },
    })
    for (const row of rows) changed.set(row.id, row)
  }
}

/**
 * The payment row, then its allocations (those above zero) in one statement (insertRows), where a
 * nested create bound three parameters per allocation.
 */
async function insertPayment(
  tx: Prisma.TransactionClient,
  record: PaymentRecord,
  stored: Pick<Payment, 'settlement' | 'collectedById' | 'createdAt'> & {
    amount: number
    allocations: readonly { enrollmentId: string; amount: number }[]
  },
): Promise<Payment> {
  const { allocations, ...row } = stored
  const payment = await tx.payment.create({
    data: {
      ...row,
      centerId: record.enrollments[0]?.centerId ?? '',
      paidOn: new Date(`${record.paidOn}T00:00:00Z`),
      channel: record.channel,
      receiptNumber: record.receiptNumber,
      note: record.note,
    },
  })
  await insertRows(
    tx,
    'PaymentAllocation',
    allocations
      .filter((allocation) => allocation.amount > 0)
      .map((allocation) => ({ paymentId: payment.id, ...allocation })),
  )
  return payment
}

/**
 * Stores the payment, its allocations and what it settles, all or nothing. Each enrollment is locked
 * at the version read first, so what is due is computed on rows nobody else is changing; its version
 * is bumped in the one update that writes it (so its row triggers run once).
 */
async function storePayment(
  context: Context,
  record: PaymentRecord,
): Promise<{ payment: Payment; enrollments: Enrollment[] }> {
  const viewer = context.viewer
  if (!viewer) throw new Error('a payment without a viewer')
  const now = new Date()
  const ids = record.enrollments.map((enrollment) => enrollment.id)
  const nextPeriods = await pricedNextPeriods(context, record)
  const stored = await context.prisma.$transaction(async (tx) => {
    await lockVersions(tx, 'Enrollment', record.enrollments)
    const { amount, dues, allocations, status } = await settlementOf(tx, record, nextPeriods)
    const allocated = ids.map((enrollmentId, index) => ({ enrollmentId, amount: allocations[index] ?? 0 }))
    const payment = await insertPayment(tx, record, {
      amount,
      settlement: status,
      collectedById: viewer.userId,
      createdAt: now,
      allocations: allocated,
    })
    const { changed, settledNow, extended } = await applySettlement(tx, context, record, {
      dues,
      allocations,
      nextPeriods,
      now,
    })
    await recordAudit(tx, context, {
      action: 'payment.record',
      entityType: 'Payment',
      entityId: payment.id,
      after: { ...payment, amount: Number(payment.amount), allocations: allocated },
    })
    return { payment, enrollments: ids.flatMap((id) => changed.get(id) ?? []), settledNow, extended }
  }, transactionOptions)
  for (const [before, row] of stored.settledNow) {
    publishEnrollmentChange(context, { ...row, center: before.center }, 'STATUS_CHANGED', before.status)
  }
  for (const [before, row] of stored.extended) {
    publishEnrollmentChange(context, { ...row, center: before.center }, 'UPDATED')
  }
  return { payment: stored.payment, enrollments: stored.enrollments }
}

type NextPeriods = (Awaited<ReturnType<typeof nextPeriod>> | null)[]

/**
 * The next period of each enrollment the payment is for the next period of, priced; null for the others.
 * Priced before the transaction: pricing reads the parameter rows outside it, and the embedded
 * database's one connection would wait for the transaction holding it.
 */
async function pricedNextPeriods(context: Context, record: PaymentRecord): Promise<NextPeriods> {
  const nextPeriods: NextPeriods = []
  for (const [index, enrollment] of record.enrollments.entries()) {
    nextPeriods.push(
      forNextPeriod(record, enrollment)
        ? await nextPeriod(context, enrollment, record.paidOn, `enrollments.${index}`)
        : null,
    )
  }
  return nextPeriods
}

/** What each locked enrollment still owes (a next period's price added), and how the amount settles it. */
async function settlementOf(tx: Prisma.TransactionClient, record: PaymentRecord, nextPeriods: NextPeriods) {
  const received = await receivedBy(
    tx,
    record.enrollments.map((enrollment) => enrollment.id),
  )
  const dues = amountsDue(
    record.enrollments.map((enrollment, index) => ({
      payable: enrollment.payable + (nextPeriods[index]?.pricing.payable ?? 0),
      received: received.get(enrollment.id) ?? 0,
    })),
  )
  const amount = record.amount ?? dues.reduce((sum, due) => sum + due, 0)
  const settled = settlePayment(amount, dues, { partial: record.partial, path: 'amount' })
  if (!settled.ok) throw validationErrorFrom(settled.issues)
  const { allocations, status } = settled.settlement
  return { amount, dues, allocations, status }
}

/**
 * Each enrollment paid in full: its next period begun, or it settled (markSettled) with its status
 * change recorded. Returns the rows changed, and the enrollments settled or extended with their rows.
 */
async function applySettlement(
  tx: Prisma.TransactionClient,
  context: Context,
  record: PaymentRecord,
  {
    dues,
    allocations,
    nextPeriods,
    now,
  }: { dues: readonly number[]; allocations: readonly number[]; nextPeriods: NextPeriods; now: Date },
) {
  const changed = new Map<string, Enrollment>()
  const extended: [PayableEnrollment, Enrollment][] = []
  const settling: Settling[] = []
  for (const [index, enrollment] of record.enrollments.entries()) {
    if ((dues[index] ?? 0) > (allocations[index] ?? 0)) continue
    const next = nextPeriods[index]
    if (!next) {
      settling.push({ enrollment, declared: record.declared[index] ?? {}, path: `enrollments.${index}` })
      continue
    }
    const row = await extendPeriod(tx, context, enrollment, next)
    changed.set(row.id, row)
    extended.push([enrollment, row])
  }
  const ids = record.enrollments.map((enrollment) => enrollment.id)
  await markSettled(tx, record, { ids, settling, changed })
  const settledNow = settling.flatMap(({ enrollment }) => {
    const row = changed.get(enrollment.id)
    return row ? [[enrollment, row] as [PayableEnrollment, Enrollment]] : []
  })
  await recordStatusChanges(
    tx,
    context,
    settledNow.map(([enrollment, after]) => ({ enrollment, after })),
    { action: 'CONFIRM_PAYMENT', reason: record.note, at: now },
  )
  return { changed, settledNow, extended }
}

/** The receipt number's payment at the center, as the ConflictError naming it; null while unused. */
async function receiptUsed(context: Context, centerId: string | undefined, receiptNumber: string | null) {
  if (!centerId || receiptNumber === null) return null
  const existing = await context.prisma.payment.findFirst({
    where: { centerId, receiptNumber },
    select: { id: true },
  })
  if (!existing) return null
  return new ConflictError(
    {
      vi: `Số phiếu thu ${receiptNumber} đã được dùng ở đơn vị này.`,
      en: `Receipt number ${receiptNumber} is already used at this center.`,
    },
    { typename: 'Payment', id: existing.id },
  )
}

/** storePayment, with a receipt number already used at the center as a ConflictError naming that payment. */
async function storePaymentOnce(context: Context, record: PaymentRecord) {
  try {
    return await storePayment(context, record)
  } catch (error) {
    if (uniqueViolationOn(error) !== 'Payment') throw error
    throw (await receiptUsed(context, record.enrollments[0]?.centerId, record.receiptNumber)) ?? error
  }
}

// ─── recordPayment ───────────────────────────────────────────────────────────

const PaymentEnrollmentInput = builder.inputType('PaymentEnrollmentInput', {
  description: 'An enrollment a payment is for, at the version read, with what is declared of earlier cover.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The enrollment (global id).' }),
    version: versionField(t),
    previousCardValidUntil: t.field({
      type: 'Date',
      description:
        'Household health insurance: the last day of the person’s previous card, when the records on file do not show it.',
    }),
    previousSocialInsuranceNumber: t.string({
      description:
        'Voluntary social insurance: the social-insurance number of the participation continued (10 digits, or the 12-digit personal ID).',
    }),
  }),
})

const RecordPaymentInput = builder.inputType('RecordPaymentInput', {
  description:
    'Money received, for some enrollments of one center or for a registration’s (a household’s) together. The amount must equal what is due, or be less with `partial`.',
  fields: (t) => ({
    enrollments: t.field({
      type: [PaymentEnrollmentInput],
      description:
        'The enrollments paid for, each at its version, in the order the amount is split over them. Give these or `registration`.',
    }),
    registration: t.id({
      description:
        'A registration (global id): pays for its live enrollments not yet paid, in register order; the amount, checked against what they owe at the moment of recording, stands for their versions.',
    }),
    paidOn: t.field({
      type: 'Date',
      required: true,
      description: 'The day the money was received; not after today in the campaign’s time zone.',
    }),
    amount: t.float({
      required: true,
      description:
        'Whole đồng received (a Float, exact to 2⁵³, so that a selection’s one receipt may pass 2,147,483,647); anything but a positive whole number is refused.',
    }),
    channel: t.field({ type: PaymentChannelEnum, required: true, description: 'How the money came in.' }),
    receiptNumber: t.string({ required: true, description: 'The receipt’s number, unique at the center.' }),
    note: t.string({ description: 'A note, kept with the payment and in the enrollments’ history.' }),
    partial: t.boolean({
      defaultValue: false,
      description:
        'Record an amount below what is due as a partial payment (the enrollments stay unpaid until settled); without it, such an amount is refused.',
    }),
  }),
})

const RecordPaymentPayload = builder
  .objectRef<{ payment: Payment; enrollments: Enrollment[]; registrationId: string | null }>(
    'RecordPaymentPayload',
  )
  .implement({
    description: 'The payment as stored and the enrollments it went to.',
    fields: (t) => ({
      payment: t.field({ type: PaymentNode, description: 'The payment.', resolve: (p) => p.payment }),
      // Read again with the fields asked for, in one query: rows handed to the list as stored would
      // each be completed by a query of their own (a bulk confirmation's thousand).
      enrollments: t.prismaField({
        type: ['Enrollment'],
        description: 'The enrollments it went to, as they are now (PAID when settled).',
        resolve: async (query, p, _args, context) => {
          const ids = p.enrollments.map((enrollment) => enrollment.id)
          const rows = new Map(
            (await context.prisma.enrollment.findMany({ ...query, where: { id: { in: ids } } })).map(
              (row) => [row.id, row],
            ),
          )
          return ids.flatMap((id) => rows.get(id) ?? [])
        },
      }),
      registration: t.field({
        type: RegistrationNode,
        nullable: true,
        description: 'The registration paid for, when one was given.',
        resolve: (p, _args, context) =>
          p.registrationId
            ? context.prisma.registration.findUnique({ where: { id: p.registrationId } })
            : null,
      }),
    }),
  })

type RecordInput = typeof RecordPaymentInput.$inferInput

/**
 * The enrollments the input names, read where the viewer may, in the order given or register order.
 * When they are paid already or at other versions, a payment under the same receipt number is the
 * likelier reason (a retry of a run whose answer was lost): that payment is named as the conflict.
 */
async function enrollmentsPaidFor(context: Context, input: RecordInput, receiptNumber: string) {
  const given = input.enrollments ?? []
  if (given.length > 0 === Boolean(input.registration)) {
    throw validationErrorFrom([issue('enrollments', 'PAYMENT_ENROLLMENTS_ONE_WAY')])
  }
  if (input.registration) {
    const registrationId = idOf(input.registration, 'Registration', 'input.registration')
    const registration = await context.prisma.registration.findFirst({
      where: { id: registrationId, AND: [readableRegistrationsWhere(context.viewer)] },
      select: { id: true, centerId: true },
    })
    if (!registration) throw new NotFoundError('Registration', input.registration)
    const enrollments = await context.prisma.enrollment.findMany({
      where: {
        registrationId,
        live: true,
        status: { notIn: ['PAID', 'ACTIVE'] },
        AND: [readableEnrollmentsWhere(context.viewer)],
      },
      include: enrollmentInclude,
      orderBy: { id: 'asc' },
    })
    if (enrollments.length === 0) {
      throw (
        (await receiptUsed(context, registration.centerId, receiptNumber)) ??
        validationErrorFrom([issue('registration', 'PAYMENT_NOTHING_DUE')])
      )
    }
    return { registrationId, enrollments, declared: [], path: () => 'registration' }
  }
  const ids = given.map((each, index) => idOf(each.id, 'Enrollment', `input.enrollments.${index}.id`))
  const found = await context.prisma.enrollment.findMany({
    where: { id: { in: ids }, AND: [readableEnrollmentsWhere(context.viewer)] },
    include: enrollmentInclude,
  })
  const byId = new Map(found.map((enrollment) => [enrollment.id, enrollment]))
  const enrollments = given.map((each, index) => {
    const enrollment = byId.get(ids[index] ?? '')
    if (!enrollment) throw new NotFoundError('Enrollment', each.id)
    return enrollment
  })
  if (enrollments.some((enrollment, index) => enrollment.version !== given[index]?.version)) {
    const used = await receiptUsed(context, enrollments[0]?.centerId, receiptNumber)
    if (used) throw used
  }
  for (const [index, enrollment] of enrollments.entries())
    assertVersion(enrollment, given[index]?.version ?? 0)
  const declared = given.map((each) => ({
    previousCardValidUntil: each.previousCardValidUntil ?? null,
    previousSocialInsuranceNumber: each.previousSocialInsuranceNumber ?? null,
  }))
  return { registrationId: null, enrollments, declared, path: (index: number) => `enrollments.${index}.id` }
}

builder.mutationField('recordPayment', (t) =>
  t.field({
    type: RecordPaymentPayload,
    description:
      'Records money received against enrollments of one center (a household’s together). The exact amount due settles them: each becomes PAID with its coverage (coverageStart, coverageEnd, continuity). Less is refused unless `partial` (then recorded, the enrollments left unpaid until settled); more is refused. Who may: as confirming payment (managers in their subtree, agents at their own center: post-office agents collect the money), on SUBMITTED enrollments; or on a PAID or ACTIVE voluntary social insurance enrollment, the whole amount of its next period (as many months as each payment buys, priced by the rules of its first month), which extends its coverage and keeps it one participant.',
    errors: { types: mutationErrorTypes },
    authScopes: { write: true },
    args: { input: t.arg({ type: RecordPaymentInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const viewer = context.viewer
      if (!viewer) throw new Error('a payment without a viewer')
      const receiptNumber = normalizeText(input.receiptNumber)
      const note = normalizeOptionalText(input.note)
      const issues = [
        ...(receiptNumber === '' ? [issue('receiptNumber', 'FIELD_REQUIRED')] : []),
        ...checkFreeText(input.receiptNumber, 'receiptNumber'),
        ...checkFreeText(input.note, 'note'),
      ]
      if (issues.length > 0) throw validationErrorFrom(issues)
      const { registrationId, enrollments, declared, path } = await enrollmentsPaidFor(
        context,
        input,
        receiptNumber,
      )
      const record: PaymentRecord = {
        enrollments,
        declared,
        paidOn: input.paidOn,
        amount: input.amount,
        partial: input.partial ?? false,
        nextPeriods: true,
        channel: input.channel,
        receiptNumber,
        note,
      }
      checkPayment(viewer, record, path)
      return { ...(await storePaymentOnce(context, record)), registrationId }
    },
  }),
)

// ─── confirmEnrollmentPayment (deprecated) ───────────────────────────────────

const ConfirmEnrollmentPaymentInput = builder.inputType('ConfirmEnrollmentPaymentInput', {
  description:
    'Which enrollment, at which version. Verifies that the money was received: SUBMITTED → PAID (managers, and agents at their own center).',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The enrollment (global id).' }),
    version: versionField(t),
    reason: t.string({ description: 'A note on the change, kept in the history.' }),
  }),
})

const ConfirmEnrollmentPaymentPayload = builder
  .objectRef<{ enrollment: Enrollment }>('ConfirmEnrollmentPaymentPayload')
  .implement({
    description: 'The enrollment after the step.',
    fields: (t) => ({
      enrollment: t.field({
        type: EnrollmentNode,
        description: 'The enrollment.',
        resolve: (p) => p.enrollment,
      }),
    }),
  })

builder.mutationField('confirmEnrollmentPayment', (t) =>
  t.field({
    type: ConfirmEnrollmentPaymentPayload,
    deprecationReason: 'Use recordPayment, which records the amount, date, channel and receipt.',
    description:
      'Verifies that the money was received: SUBMITTED → PAID (managers, and agents at their own center). Records a payment of what is due, received today, channel OTHER, without a receipt number, and sets the coverage.',
    errors: { types: mutationErrorTypes },
    authScopes: { write: true },
    args: { input: t.arg({ type: ConfirmEnrollmentPaymentInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const { enrollment, viewer } = await enrollmentToChange(context, input.id, input.version)
      const unreadable = checkFreeText(input.reason, 'reason')
      if (unreadable.length > 0) throw validationErrorFrom(unreadable)
      const campaign = await context.prisma.campaign.findUniqueOrThrow({
        where: { id: enrollment.campaignId },
        select: { timeZone: true, countOn: true, jurisdiction: true },
      })
      const record: PaymentRecord = {
        enrollments: [{ ...enrollment, campaign }],
        declared: [],
        paidOn: localDateInZone(new Date(), campaign.timeZone),
        amount: null,
        partial: false,
        nextPeriods: false,
        channel: 'OTHER',
        receiptNumber: null,
        note: normalizeOptionalText(input.reason),
      }
      checkPayment(viewer, record, () => 'id')
      const { enrollments } = await storePayment(context, record)
      const [updated] = enrollments
      if (!updated) throw new Error('the enrollment confirmed was not returned')
      return { enrollment: updated }
    },
  }),
)

const NextPeriodRef = builder.objectRef<{ start: Date; end: Date; payable: number }>('NextPeriod').implement({
  description:
    'The next period of a paid voluntary social insurance enrollment, as a payment today would buy it.',
  fields: (t) => ({
    start: t.expose('start', { type: 'Date', description: 'The first day it covers.' }),
    end: t.expose('end', { type: 'Date', description: 'The last day it covers.' }),
    payable: t.exposeInt('payable', {
      description: 'What it costs, whole đồng: the amount recordPayment expects for it.',
    }),
  }),
})

builder.prismaObjectFields('Enrollment', (t) => ({
  nextPeriod: t.field({
    type: NextPeriodRef,
    nullable: true,
    args: {
      on: t.arg({
        type: 'Date',
        description: 'The day it would be paid; today in the campaign’s time zone by default.',
      }),
    },
    description:
      'Voluntary social insurance, paid or active: the next period a payment recorded today would buy (as many months as each payment buys) and its amount; null for anything else.',
    select: {
      product: true,
      status: true,
      months: true,
      coverageEnd: true,
      monthlyIncome: true,
      supportGroups: true,
      campaign: { select: { jurisdiction: true, timeZone: true } },
    },
    resolve: async (enrollment, args, context) => {
      if (!paysNextPeriod(enrollment)) return null
      const on = args.on ?? localDateInZone(new Date(), enrollment.campaign.timeZone)
      const period = await nextPeriod(context, enrollment, on, 'on')
      return { start: period.coverageStart, end: period.coverageEnd, payable: period.pricing.payable }
    },
  }),
}))
