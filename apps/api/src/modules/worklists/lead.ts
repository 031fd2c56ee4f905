// A person consulted at an outreach session who did not register there, followed up on the LEADS list.

import type { Prisma } from '@tangtoc/db'
import { builder } from '../../builder.ts'
import type { Viewer } from '../../context.ts'
import { readableNode } from '../../readable-nodes.ts'
import { readableCentersWhere } from '../auth/center-access.ts'
import { ProductEnum } from '../enums.ts'
import { shownCitizenId, shownPhone } from '../people/visibility.ts'

/** Leads of sessions at the centers the viewer may read. */
export function readableLeadsWhere(viewer: Viewer | null): Prisma.LeadWhereInput {
  if (!viewer) return { id: { in: [] } }
  return viewer.role === 'ADMIN' ? {} : { center: readableCentersWhere(viewer) }
}

export const LeadNode = builder.prismaNode('Lead', {
  id: { field: 'id' },
  description:
    'A person consulted at an outreach session who did not register there: on the LEADS worklist until they register (with the same phone or citizen id) or a follow-up closes it. Readable where its session’s center is.',
  authScopes: { signedIn: true },
  nullable: true,
  findUnique: readableNode('Lead', readableLeadsWhere),
  fields: (t) => ({
    session: t.relation('session', { description: 'The session the person was consulted at.' }),
    center: t.relation('center', { description: 'The session’s center, whose worklists the lead is on.' }),
    fullName: t.exposeString('fullName', { description: 'The person’s name, Unicode NFC.' }),
    phone: t.string({
      description: 'The person’s mobile number, E.164 (masked for viewers).',
      select: { phone: true },
      resolve: (lead, _args, context) => shownPhone(context, lead.phone) ?? '',
    }),
    citizenId: t.string({
      nullable: true,
      description: 'The person’s personal identification number, if given (masked for viewers).',
      select: { citizenId: true },
      resolve: (lead, _args, context) =>
        lead.citizenId === null ? null : shownCitizenId(context, lead.citizenId),
    }),
    products: t.expose('products', {
      type: [ProductEnum],
      description: 'The products the person asked about.',
    }),
    note: t.exposeString('note', { nullable: true, description: 'What was said, what to follow up.' }),
    metOn: t.expose('metOn', {
      type: 'Date',
      description: 'The day the person was met, in the campaign’s time zone: the lead’s due date.',
    }),
    recordedBy: t.relation('recordedBy', { description: 'Who recorded the lead.' }),
    assignedTo: t.relation('assignedTo', {
      nullable: true,
      description: 'The agent a manager assigned its follow-up to.',
    }),
    lastFollowUp: t.relation('lastFollowUp', { nullable: true, description: 'The latest contact attempt.' }),
    followUps: t.relatedConnection('followUps', {
      cursor: 'id',
      totalCount: true,
      description: 'Every contact attempt, the latest first.',
      query: () => ({ orderBy: [{ at: 'desc' }, { id: 'desc' }] }),
    }),
    version: t.exposeInt('version', { description: 'Increases on every change; send it back to change it.' }),
  }),
})

builder.prismaObjectField('OutreachSession', 'leads', (t) =>
  t.relatedConnection('leads', {
    cursor: 'id',
    totalCount: true,
    description: 'The people consulted at it who did not register there, in the order recorded.',
    query: () => ({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
  }),
)
