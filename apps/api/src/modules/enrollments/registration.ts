// A registration: one act of registering at a center, a person alone or a household whose members
// each hold an enrollment of their own. What it costs is its live enrollments' payable amounts.
import { builder } from '../../builder.ts'
import { readableNode } from '../../readable-nodes.ts'
import { readableEnrollmentsWhere, readableRegistrationsWhere } from '../people/visibility.ts'

export const RegistrationNode = builder.prismaNode('Registration', {
  id: { field: 'id' },
  description:
    'One act of registering at a center: a person alone, or a household whose members being enrolled each get an enrollment.',
  authScopes: { signedIn: true },
  nullable: true,
  findUnique: readableNode('Registration', readableRegistrationsWhere),
  fields: (t) => ({
    campaign: t.relation('campaign', { description: 'The campaign.' }),
    center: t.relation('center', { description: 'The center that registered it.' }),
    registeredBy: t.relation('registeredBy', { description: 'The user who registered it.' }),
    household: t.relation('household', {
      nullable: true,
      description:
        'Household health insurance: the household registered, members insured elsewhere included.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was registered.' }),
    enrollments: t.relation('enrollments', {
      description: 'The enrollments it created, in register order of their members.',
      query: (_args, context) => ({
        where: readableEnrollmentsWhere(context.viewer),
        orderBy: { id: 'asc' },
      }),
    }),
    payable: t.int({
      description:
        'What its live enrollments cost together for their periods, whole đồng: the amount one payment settles.',
      select: { enrollments: { where: { live: true }, select: { payable: true } } },
      resolve: (registration) =>
        registration.enrollments.reduce((sum, enrollment) => sum + enrollment.payable, 0),
    }),
  }),
})
