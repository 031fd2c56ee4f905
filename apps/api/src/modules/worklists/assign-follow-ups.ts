// Managers hand worklist entries to the agents of their centers: one or many enrollments and leads in
// one mutation, each to an active agent of the entry's own center (or back to nobody).
import type { Enrollment, Lead } from '@tangtoc/db'
import { type Issue, issue } from '@tangtoc/shared'
import { builder } from '../../builder.ts'
import { LimitExceededError, mutationErrorTypes, validationErrorFrom } from '../../errors.ts'
import { idOf } from '../../global-id.ts'
import { recordAudit } from '../audit/record.ts'
import { assertCanWriteCenter } from '../auth/center-access.ts'
import { EnrollmentNode } from '../enrollments/enrollment.ts'
import { LeadNode } from './lead.ts'
import { followUpSubjects } from './record-follow-up.ts'

/** At most this many entries in one assignment: a few pages of a list. */
export const maxAssignedAtOnce = 500

const AssignFollowUpsInput = builder.inputType('AssignFollowUpsInput', {
  description: 'Worklist entries to hand to one agent.',
  fields: (t) => ({
    entries: t.idList({
      required: true,
      description: `The enrollments and leads (their global ids), at centers you manage; at most ${maxAssignedAtOnce}.`,
    }),
    assignee: t.id({
      description: 'The agent (global id), active at each entry’s center; null takes the entries back.',
    }),
  }),
})

type Assigned = { enrollments: Enrollment[]; leads: Lead[] }

const AssignFollowUpsPayload = builder.objectRef<Assigned>('AssignFollowUpsPayload').implement({
  description: 'The entries as they now are.',
  fields: (t) => ({
    enrollments: t.field({
      type: [EnrollmentNode],
      description: 'The enrollments assigned.',
      resolve: (done) => done.enrollments,
    }),
    leads: t.field({ type: [LeadNode], description: 'The leads assigned.', resolve: (done) => done.leads }),
  }),
})

builder.mutationField('assignFollowUps', (t) =>
  t.field({
    type: AssignFollowUpsPayload,
    description:
      'Assigns worklist entries (enrollments or leads) to an agent of their center, or takes them back: center managers within their subtree, admins anywhere. Agents then find them with `worklist(filter: { assignedToMe: true })`.',
    errors: { types: mutationErrorTypes },
    authScopes: { $all: { write: true, roles: ['ADMIN', 'CENTER_MANAGER'] } },
    args: { input: t.arg({ type: AssignFollowUpsInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      if (input.entries.length > maxAssignedAtOnce) {
        throw new LimitExceededError(
          {
            vi: `Mỗi lần giao tối đa ${maxAssignedAtOnce} mục.`,
            en: `At most ${maxAssignedAtOnce} entries at once.`,
          },
          maxAssignedAtOnce,
        )
      }
      const subjects = await followUpSubjects(context, input.entries, (index) => `input.entries.${index}`)
      for (const subject of subjects) assertCanWriteCenter(context.viewer, subject.row.center)
      const assigneeId = input.assignee ? idOf(input.assignee, 'User', 'input.assignee') : null
      const assignee = assigneeId
        ? await context.prisma.user.findFirst({ where: { id: assigneeId, role: 'AGENT', active: true } })
        : null
      const issues: Issue[] = []
      subjects.forEach((subject, index) => {
        if (assigneeId && assignee?.centerId !== subject.row.centerId) {
          issues.push(issue(`entries.${index}`, 'ASSIGNEE_NOT_AGENT_OF_CENTER'))
        }
      })
      if (issues.length > 0) throw validationErrorFrom(issues)

      return context.prisma.$transaction(async (tx) => {
        const done: Assigned = { enrollments: [], leads: [] }
        for (const subject of subjects) {
          const data = { assignedToId: assigneeId }
          if (subject.kind === 'enrollment') {
            done.enrollments.push(await tx.enrollment.update({ where: { id: subject.row.id }, data }))
          } else {
            done.leads.push(await tx.lead.update({ where: { id: subject.row.id }, data }))
          }
          await recordAudit(tx, context, {
            action: 'followUp.assign',
            entityType: subject.kind === 'enrollment' ? 'Enrollment' : 'Lead',
            entityId: subject.row.id,
            before: { assignedToId: subject.row.assignedToId },
            after: { assignedToId: assigneeId },
          })
        }
        return done
      })
    },
  }),
)
