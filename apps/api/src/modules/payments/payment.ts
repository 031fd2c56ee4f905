// A payment as read: money received at a center, its receipt and the enrollments it went to; and what
// an enrollment or a registration has received and still owes.
import { PaymentChannel, PaymentSettlement } from '@tangtoc/db'
import { amountsDue } from '@tangtoc/shared'
import { builder } from '../../builder.ts'
import { readableNode } from '../../readable-nodes.ts'
import { readableEnrollmentsWhere, readablePaymentsWhere } from '../people/visibility.ts'

export const PaymentChannelEnum = builder.enumType(PaymentChannel, {
  name: 'PaymentChannel',
  description: 'How the money came in.',
})

export const PaymentSettlementEnum = builder.enumType(PaymentSettlement, {
  name: 'PaymentSettlement',
  description: 'Whether a payment settled everything due on its enrollments.',
})

export const PaymentNode = builder.prismaNode('Payment', {
  id: { field: 'id' },
  description:
    'Money received at a center against one or more enrollments (a household’s together), with its receipt.',
  authScopes: { signedIn: true },
  nullable: true,
  findUnique: readableNode('Payment', readablePaymentsWhere),
  fields: (t) => ({
    center: t.relation('center', { description: 'The center that received it.' }),
    paidOn: t.expose('paidOn', { type: 'Date', description: 'The day the money was received.' }),
    amount: t.float({
      description:
        'Whole đồng received. A Float (exact to 2⁵³): one receipt for a selection can pass the 2,147,483,647 an Int holds.',
      select: { amount: true },
      resolve: (payment) => Number(payment.amount),
    }),
    channel: t.expose('channel', { type: PaymentChannelEnum, description: 'How the money came in.' }),
    receiptNumber: t.exposeString('receiptNumber', {
      nullable: true,
      description:
        'The receipt’s number, unique at its center; null for a payment recorded by confirmEnrollmentPayment.',
    }),
    collectedBy: t.relation('collectedBy', { description: 'The user who received it.' }),
    note: t.exposeString('note', { nullable: true, description: 'The collector’s note.' }),
    settlement: t.expose('settlement', {
      type: PaymentSettlementEnum,
      description: 'FULL when it settled everything due on its enrollments; PARTIAL when less was recorded.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was recorded.' }),
    allocations: t.relation('allocations', {
      description: 'What went to each enrollment, in register order.',
      query: (_args, context) => ({
        where: { enrollment: readableEnrollmentsWhere(context.viewer) },
        orderBy: { enrollmentId: 'asc' },
      }),
    }),
  }),
})

builder.prismaObject('PaymentAllocation', {
  description: 'The part of a payment that went to one enrollment.',
  fields: (t) => ({
    payment: t.relation('payment', { description: 'The payment.' }),
    enrollment: t.relation('enrollment', { description: 'The enrollment it went to.' }),
    amount: t.exposeInt('amount', { description: 'Whole đồng.' }),
  }),
})

/** Payments toward an enrollment, the first first: the relation's order, so that Pothos reads the
 * relation and the amounts received in one selection (with another order, each enrollment's
 * allocations would be read again by a query of their own). */
const paymentOrder = { payment: { createdAt: 'asc' } } as const
const receivedSelect = { paymentAllocations: { select: { amount: true }, orderBy: paymentOrder } } as const

function receivedOf(enrollment: { paymentAllocations: { amount: number }[] }): number {
  return enrollment.paymentAllocations.reduce((sum, allocation) => sum + allocation.amount, 0)
}

builder.prismaObjectFields('Enrollment', (t) => ({
  paymentAllocations: t.relation('paymentAllocations', {
    description: 'The payments toward it (several when paid in parts), the first first.',
    query: { orderBy: paymentOrder },
  }),
  received: t.int({
    description: 'What its payments have brought in, whole đồng.',
    select: receivedSelect,
    resolve: receivedOf,
  }),
  due: t.int({
    description: 'What is still to be paid: payable less received, at least 0.',
    select: { payable: true, ...receivedSelect },
    resolve: (enrollment) =>
      amountsDue([{ payable: enrollment.payable, received: receivedOf(enrollment) }])[0] ?? 0,
  }),
}))

builder.prismaObjectFields('Registration', (t) => ({
  due: t.int({
    description:
      'What is still to be paid on its live enrollments, whole đồng: the amount recordPayment expects.',
    select: { enrollments: { where: { live: true }, select: { payable: true, ...receivedSelect } } },
    resolve: (registration) =>
      amountsDue(
        registration.enrollments.map((enrollment) => ({
          payable: enrollment.payable,
          received: receivedOf(enrollment),
        })),
      ).reduce((sum, amount) => sum + amount, 0),
  }),
}))
