// Reminder messages: one template per worklist, which admins edit; each worklist entry offers its text
// filled in (renderReminder in @tangtoc/shared), and markReminded records when the person was reminded.
import type { Enrollment, Lead, Worklist } from '@tangtoc/db'
import { checkFreeText, checkReminderText, enumLabels } from '@tangtoc/shared'
import { builder } from '../../builder.ts'
import { changesCachedData } from '../../caches.ts'
import { mutationErrorTypes, NotFoundError, StaleObjectError, validationErrorFrom } from '../../errors.ts'
import { recordAudit } from '../audit/record.ts'
import { assertCanWriteCenter } from '../auth/center-access.ts'
import { EnrollmentNode } from '../enrollments/enrollment.ts'
import { versionField } from '../versions.ts'
import { LeadNode } from './lead.ts'
import { followUpSubjects } from './record-follow-up.ts'
import { WorklistEnum } from './worklist.ts'

export const ReminderTemplateObject = builder.prismaObject('ReminderTemplate', {
  description:
    'A worklist’s reminder message, which admins edit: {name}, {product}, {amount} and {dueDate} are filled in for each entry.',
  fields: (t) => ({
    list: t.field({ type: WorklistEnum, description: 'The worklist.', resolve: (row) => row.list }),
    text: t.exposeString('text', { description: 'The text, with its placeholders.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When it last changed.' }),
    updatedBy: t.relation('updatedBy', {
      nullable: true,
      description: 'Who last changed it; null as seeded.',
    }),
    version: t.exposeInt('version', { description: 'Increases on every change; send it back to change it.' }),
  }),
})

builder.queryField('reminderTemplates', (t) =>
  t.prismaField({
    type: ['ReminderTemplate'],
    authScopes: { signedIn: true },
    description: 'Every worklist’s reminder message, in the lists’ order.',
    resolve: async (query, _root, _args, context) => {
      const rows = await context.prisma.reminderTemplate.findMany({ ...query })
      const order = Object.keys(enumLabels.en.Worklist)
      return rows.sort((a, b) => order.indexOf(a.list) - order.indexOf(b.list))
    },
  }),
)

const UpdateReminderTemplateInput = builder.inputType('UpdateReminderTemplateInput', {
  description: 'A new text for a worklist’s reminder.',
  fields: (t) => ({
    list: t.field({ type: WorklistEnum, required: true, description: 'The worklist.' }),
    version: versionField(t),
    text: t.string({
      required: true,
      description:
        'The text: up to 1,000 characters, with placeholders {name}, {product}, {amount}, {dueDate}.',
    }),
  }),
})

builder.mutationField('updateReminderTemplate', (t) =>
  t.prismaField({
    type: 'ReminderTemplate',
    description: 'Changes a worklist’s reminder message: admins only.',
    errors: { types: mutationErrorTypes },
    authScopes: { $all: { write: true, admin: true } },
    args: { input: t.arg({ type: UpdateReminderTemplateInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const list = input.list as Worklist
      const text = input.text.normalize('NFC')
      const issues = [...checkReminderText(text), ...checkFreeText(text, 'text')]
      if (issues.length > 0) throw validationErrorFrom(issues)
      changesCachedData(context)
      return context.prisma.$transaction(async (tx) => {
        const before = await tx.reminderTemplate.findUnique({ where: { list } })
        if (!before) throw new NotFoundError('ReminderTemplate', list)
        const { count } = await tx.reminderTemplate.updateMany({
          where: { list, version: input.version },
          data: { text, updatedById: context.viewer?.userId ?? null, version: { increment: 1 } },
        })
        if (count === 0) throw new StaleObjectError(before.version)
        const after = await tx.reminderTemplate.findUniqueOrThrow({ ...query, where: { list } })
        await recordAudit(tx, context, {
          action: 'reminderTemplate.update',
          entityType: 'ReminderTemplate',
          entityId: list,
          before,
          after,
        })
        return after
      })
    },
  }),
)

const MarkRemindedInput = builder.inputType('MarkRemindedInput', {
  description: 'Entries whose person was sent or read the reminder.',
  fields: (t) => ({
    entries: t.idList({ required: true, description: 'The enrollments and leads (global ids).' }),
    at: t.field({ type: 'DateTime', description: 'When; now by default.' }),
  }),
})

type Reminded = { enrollments: Enrollment[]; leads: Lead[] }

const MarkRemindedPayload = builder.objectRef<Reminded>('MarkRemindedPayload').implement({
  description: 'The entries as they now are.',
  fields: (t) => ({
    enrollments: t.field({
      type: [EnrollmentNode],
      description: 'The enrollments.',
      resolve: (done) => done.enrollments,
    }),
    leads: t.field({ type: [LeadNode], description: 'The leads.', resolve: (done) => done.leads }),
  }),
})

builder.mutationField('markReminded', (t) =>
  t.field({
    type: MarkRemindedPayload,
    description:
      'Records that the reminder was sent or read to these entries’ people (`remindedAt`): anyone who may write for their centers.',
    errors: { types: mutationErrorTypes },
    authScopes: { write: true },
    args: { input: t.arg({ type: MarkRemindedInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const subjects = await followUpSubjects(context, input.entries, (index) => `input.entries.${index}`)
      for (const subject of subjects) assertCanWriteCenter(context.viewer, subject.row.center)
      const at = input.at ?? new Date()
      return context.prisma.$transaction(async (tx) => {
        const done: Reminded = { enrollments: [], leads: [] }
        for (const subject of subjects) {
          if (subject.kind === 'enrollment') {
            done.enrollments.push(
              await tx.enrollment.update({ where: { id: subject.row.id }, data: { remindedAt: at } }),
            )
          } else {
            done.leads.push(await tx.lead.update({ where: { id: subject.row.id }, data: { remindedAt: at } }))
          }
          await recordAudit(tx, context, {
            action: 'followUp.remind',
            entityType: subject.kind === 'enrollment' ? 'Enrollment' : 'Lead',
            entityId: subject.row.id,
            after: { remindedAt: at },
          })
        }
        return done
      })
    },
  }),
)
