// A contact attempt about an enrollment or a lead, as the worklists and the enrollment's history show it.
import { FollowUpMeans, FollowUpOutcome } from '@tangtoc/db'
import { enumLabels } from '@tangtoc/shared'
import { builder } from '../../builder.ts'
import { EnrollmentStatusEnum, labelled } from '../enums.ts'

export const FollowUpMeansEnum = builder.enumType(FollowUpMeans, {
  name: 'FollowUpMeans',
  description: 'How the person was contacted.',
  values: labelled(enumLabels.en.FollowUpMeans),
})

export const FollowUpOutcomeEnum = builder.enumType(FollowUpOutcome, {
  name: 'FollowUpOutcome',
  description:
    'What a contact attempt came to. WILL_PAY puts the entry on its promised day’s PROMISED list; DECLINED, MOVED_AWAY, DECEASED and INSURED_ELSEWHERE take it off every worklist.',
  values: labelled(enumLabels.en.FollowUpOutcome),
})

export const FollowUpObject = builder.prismaObject('FollowUp', {
  description: 'One contact attempt about an enrollment or a lead: when, by whom, how, and what came of it.',
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime', description: 'When the person was contacted.' }),
    by: t.relation('by', { description: 'Who contacted them.' }),
    means: t.expose('means', { type: FollowUpMeansEnum, description: 'How.' }),
    outcome: t.expose('outcome', { type: FollowUpOutcomeEnum, description: 'What came of it.' }),
    enrollmentStatus: t.expose('enrollmentStatus', {
      type: EnrollmentStatusEnum,
      nullable: true,
      description:
        'The enrollment’s status when contacted (null for a lead): a promise made while unpaid is kept by paying, one made while covered by renewing.',
    }),
    promisedOn: t.expose('promisedOn', {
      type: 'Date',
      nullable: true,
      description: 'WILL_PAY: the day the person promised to pay.',
    }),
    reason: t.exposeString('reason', { nullable: true, description: 'DECLINED: why.' }),
    note: t.exposeString('note', { nullable: true, description: 'Anything else worth knowing.' }),
  }),
})

builder.prismaObjectFields('Enrollment', (t) => ({
  assignedTo: t.relation('assignedTo', {
    nullable: true,
    description: 'The agent a manager assigned its follow-up to.',
  }),
  lastFollowUp: t.relation('lastFollowUp', { nullable: true, description: 'The latest contact attempt.' }),
  promisedOn: t.expose('promisedOn', {
    type: 'Date',
    nullable: true,
    description: 'The day the person promised to pay, from the latest contact attempt (WILL_PAY).',
  }),
  followUpClosed: t.expose('followUpClosed', {
    type: FollowUpOutcomeEnum,
    nullable: true,
    description:
      'The outcome that took it off the worklists (DECLINED, MOVED_AWAY, DECEASED, INSURED_ELSEWHERE); null while it is followed up.',
  }),
  followUps: t.relatedConnection('followUps', {
    cursor: 'id',
    totalCount: true,
    description: 'Every contact attempt about it, the latest first.',
    query: () => ({ orderBy: [{ at: 'desc' }, { id: 'desc' }] }),
  }),
}))
