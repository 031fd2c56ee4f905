// Recording and correcting the leads of an outreach session: anyone who may write for the session's
// center. A lead is on the LEADS worklist until the person registers (the list looks for an enrollment
// with the lead's phone or citizen id from the day met) or a follow-up closes it.
import type { Lead, Prisma, Product } from '@tangtoc/db'
import {
  checkFreeText,
  fullNameMaxLength,
  type Issue,
  issue,
  localDateInZone,
  normalizeOptionalText,
  normalizePhone,
  normalizeText,
  validateCitizenId,
} from '@tangtoc/shared'
import { builder } from '../../builder.ts'
import type { Context } from '../../context.ts'
import { ConflictError, mutationErrorTypes, NotFoundError, validationErrorFrom } from '../../errors.ts'
import { idOf } from '../../global-id.ts'
import { recordAudit } from '../audit/record.ts'
import { assertCanWriteCenter, canReadCenter } from '../auth/center-access.ts'
import { ProductEnum } from '../enums.ts'
import { claimVersion, versionField } from '../versions.ts'
import { LeadNode } from './lead.ts'

const RecordLeadInput = builder.inputType('RecordLeadInput', {
  description: 'A person consulted at an outreach session who did not register there.',
  fields: (t) => ({
    session: t.id({
      required: true,
      description: 'The session, not cancelled, at a center you may write for.',
    }),
    fullName: t.string({ required: true, description: 'The person’s name.' }),
    phone: t.string({ required: true, description: 'A Vietnamese mobile number, in any usual writing.' }),
    citizenId: t.string({
      description: 'The 12-digit personal identification number, if the person gave it.',
    }),
    products: t.field({ type: [ProductEnum], defaultValue: [], description: 'The products asked about.' }),
    note: t.string({ description: 'What was said, what to follow up.' }),
  }),
})

const UpdateLeadInput = builder.inputType('UpdateLeadInput', {
  description: 'Corrections to a lead; fields left out stay as they are.',
  fields: (t) => ({
    lead: t.id({ required: true, description: 'The lead.' }),
    version: versionField(t),
    fullName: t.string({ description: 'A new name.' }),
    phone: t.string({ description: 'A new phone.' }),
    citizenId: t.string({ description: 'A new citizen id; null clears it.' }),
    products: t.field({ type: [ProductEnum], description: 'The products asked about, replacing the old.' }),
    note: t.string({ description: 'A new note; null clears it.' }),
  }),
})

function payload(name: string, description: string) {
  return builder.objectRef<Lead>(name).implement({
    description,
    fields: (t) => ({
      lead: t.field({ type: LeadNode, description: 'The lead as it now is.', resolve: (lead) => lead }),
    }),
  })
}

type LeadFields = { fullName?: string; phone?: string; citizenId?: string | null }

/** The lead's name, phone and citizen id checked and normalized; issues added for each bad one. */
function checkLeadFields(
  input: { fullName?: string | null; phone?: string | null; citizenId?: string | null },
  issues: Issue[],
): LeadFields {
  const checked: LeadFields = {}
  if (input.fullName != null) {
    checked.fullName = normalizeText(input.fullName)
    if (checked.fullName === '' || checked.fullName.length > fullNameMaxLength) {
      issues.push(issue('fullName', 'NAME_REQUIRED', {}, 'fullName'))
    }
    issues.push(...checkFreeText(input.fullName, 'fullName'))
  }
  if (input.phone != null) {
    const phone = normalizePhone(input.phone, 'phone')
    if (phone.ok) checked.phone = phone.phone
    else issues.push(...phone.issues)
  }
  if (input.citizenId !== undefined) {
    if (input.citizenId === null || input.citizenId.trim() === '') checked.citizenId = null
    else {
      const citizenId = validateCitizenId(input.citizenId, {}, 'citizenId')
      if (citizenId.ok) checked.citizenId = citizenId.facts.citizenId
      else issues.push(...citizenId.issues)
    }
  }
  return checked
}

builder.mutationField('recordLead', (t) =>
  t.field({
    type: payload('RecordLeadPayload', 'The lead recorded.'),
    description:
      'Records a person consulted at an outreach session who did not register: on the LEADS worklist from the session’s day until they register or a follow-up closes it.',
    errors: { types: mutationErrorTypes },
    authScopes: { write: true },
    args: { input: t.arg({ type: RecordLeadInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const session = await context.prisma.outreachSession.findUnique({
        where: { id: idOf(input.session, 'OutreachSession', 'input.session') },
        include: { center: { select: { id: true, path: true } }, campaign: { select: { timeZone: true } } },
      })
      if (!session || !context.viewer || !canReadCenter(context.viewer, session.center)) {
        throw new NotFoundError('OutreachSession', input.session)
      }
      assertCanWriteCenter(context.viewer, session.center)
      const viewer = context.viewer
      if (session.status === 'CANCELLED') {
        throw new ConflictError({
          vi: 'Buổi đã bị hủy, không thể ghi người được tư vấn.',
          en: 'The session is cancelled: it has no leads.',
        })
      }
      const issues: Issue[] = []
      const checked = checkLeadFields(input, issues)
      issues.push(...checkFreeText(input.note, 'note'))
      if (issues.length > 0) throw validationErrorFrom(issues)

      return context.prisma.$transaction(async (tx) => {
        const lead = await tx.lead.create({
          data: {
            sessionId: session.id,
            centerId: session.centerId,
            fullName: checked.fullName ?? '',
            phone: checked.phone ?? '',
            citizenId: checked.citizenId ?? null,
            products: [...new Set(input.products ?? [])] as Product[],
            note: normalizeOptionalText(input.note),
            metOn: new Date(`${localDateInZone(session.startsAt, session.campaign.timeZone)}T00:00:00Z`),
            recordedById: viewer.userId,
          },
        })
        await recordAudit(tx, context, {
          action: 'lead.record',
          entityType: 'Lead',
          entityId: lead.id,
          after: lead,
        })
        return lead
      })
    },
  }),
)

/** The lead, if the viewer may change it: not found when it cannot even read it. */
async function leadToChange(context: Context, ref: string) {
  const lead = await context.prisma.lead.findUnique({
    where: { id: idOf(ref, 'Lead', 'input.lead') },
    include: { center: { select: { id: true, path: true } } },
  })
  if (!lead || !context.viewer || !canReadCenter(context.viewer, lead.center)) {
    throw new NotFoundError('Lead', ref)
  }
  assertCanWriteCenter(context.viewer, lead.center)
  return lead
}

builder.mutationField('updateLead', (t) =>
  t.field({
    type: payload('UpdateLeadPayload', 'The lead corrected.'),
    description: 'Corrects a lead’s name, phone, citizen id, products asked about or note.',
    errors: { types: mutationErrorTypes },
    authScopes: { write: true },
    args: { input: t.arg({ type: UpdateLeadInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const { center: _center, ...before } = await leadToChange(context, input.lead)
      const issues: Issue[] = []
      const checked = checkLeadFields(input, issues)
      issues.push(...checkFreeText(input.note, 'note'))
      if (issues.length > 0) throw validationErrorFrom(issues)
      const data: Prisma.LeadUpdateInput = { ...checked }
      if (input.products != null) data.products = [...new Set(input.products)] as Product[]
      if (input.note !== undefined) data.note = normalizeOptionalText(input.note)

      return context.prisma.$transaction(async (tx) => {
        await claimVersion(tx, 'Lead', before, input.version)
        const lead = await tx.lead.update({ where: { id: before.id }, data })
        await recordAudit(tx, context, {
          action: 'lead.update',
          entityType: 'Lead',
          entityId: lead.id,
          before,
          after: lead,
        })
        return lead
      })
    },
  }),
)
