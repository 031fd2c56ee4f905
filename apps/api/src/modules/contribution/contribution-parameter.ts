import { ContributionParameterKey, type Prisma } from '@tangtoc/db'
import {
  type ContributionParameter,
  checkFreeText,
  checkParameterHistory,
  type Issue,
  isIsoDate,
  issue,
  nationalJurisdiction,
} from '@tangtoc/shared'
import { builder } from '../../builder.ts'
import { changesCachedData } from '../../caches.ts'
import type { Context } from '../../context.ts'
import { mutationErrorTypes, NotFoundError, validationErrorFrom } from '../../errors.ts'
import { idOf } from '../../global-id.ts'
import { recordAudit } from '../audit/record.ts'
import { dateColumn } from './parameters.ts'

export const ContributionParameterKeyEnum = builder.enumType(ContributionParameterKey, {
  name: 'ContributionParameterKey',
  description:
    'Which contribution rule a parameter row holds: base salary, rural poverty line, reference level, rates, shares, support and limits.',
})

export const ContributionParameterNode = builder.prismaNode('ContributionParameter', {
  id: { field: 'id' },
  description:
    'A contribution rule that changes with the law (a rate, an amount, a limit), in force over an inclusive date range. Quotes read the row in force on their date.',
  authScopes: { signedIn: true },
  fields: (t) => ({
    key: t.expose('key', { type: ContributionParameterKeyEnum, description: 'Which rule this row holds.' }),
    qualifier: t.exposeString('qualifier', {
      description:
        'What the value is for within its key: a support group, a member position; empty when none.',
    }),
    jurisdiction: t.exposeString('jurisdiction', {
      description:
        '"VN" for national rules, a 2-digit province code for local ones ("79" = Ho Chi Minh City).',
    }),
    value: t.exposeInt('value', {
      description: 'Đồng, basis points (1% = 100) or a count, as the key says.',
    }),
    effectiveFrom: t.expose('effectiveFrom', {
      type: 'Date',
      description: 'The first day the row is in force.',
    }),
    effectiveTo: t.expose('effectiveTo', {
      type: 'Date',
      nullable: true,
      description: 'The last day the row is in force; null while it has no end.',
    }),
    source: t.exposeString('source', {
      nullable: true,
      description: 'The legal text or document the value comes from.',
    }),
    confirmed: t.exposeBoolean('confirmed', {
      description: 'False for a value the sources do not settle; an admin should check it.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the row was stored.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When the row last changed.' }),
  }),
})

builder.queryField('contributionParameters', (t) =>
  t.prismaConnection({
    type: 'ContributionParameter',
    cursor: 'id',
    authScopes: { signedIn: true },
    description: 'Contribution parameter rows by key, qualifier and start date: the history of every rule.',
    args: {
      key: t.arg({ type: ContributionParameterKeyEnum, description: 'Only rows of this key.' }),
      on: t.arg({ type: 'Date', description: 'Only rows in force on this date.' }),
      jurisdiction: t.arg.string({
        description: 'Only rows of this jurisdiction ("VN" or a province code).',
      }),
    },
    totalCount: (_parent, args, context) =>
      context.prisma.contributionParameter.count({ where: parameterFilter(args) }),
    resolve: (query, _root, args, context) =>
      context.prisma.contributionParameter.findMany({
        ...query,
        where: parameterFilter(args),
        orderBy: [
          { key: 'asc' },
          { jurisdiction: 'asc' },
          { qualifier: 'asc' },
          { effectiveFrom: 'asc' },
          { id: 'asc' },
        ],
      }),
  }),
)

function parameterFilter(args: {
  key?: ContributionParameterKey | null
  on?: string | null
  jurisdiction?: string | null
}): Prisma.ContributionParameterWhereInput {
  const on = args.on ? dateColumn(args.on) : null
  return {
    ...(args.key ? { key: args.key } : {}),
    ...(args.jurisdiction ? { jurisdiction: args.jurisdiction } : {}),
    ...(on ? { effectiveFrom: { lte: on }, OR: [{ effectiveTo: null }, { effectiveTo: { gte: on } }] } : {}),
  }
}

// ─── Mutations ───────────────────────────────────────────────────────────────

const CreateContributionParameterInput = builder.inputType('CreateContributionParameterInput', {
  description: 'A new parameter row, e.g. the base salary from a new decree’s date.',
  fields: (t) => ({
    key: t.field({ type: ContributionParameterKeyEnum, required: true, description: 'Which rule.' }),
    qualifier: t.string({
      defaultValue: '',
      description: 'A support group or member position the value is for; empty when the key needs none.',
    }),
    jurisdiction: t.string({
      defaultValue: nationalJurisdiction,
      description: '"VN" or a 2-digit province code.',
    }),
    value: t.int({ required: true, description: 'Đồng, basis points or a count, as the key says.' }),
    effectiveFrom: t.field({ type: 'Date', required: true, description: 'The first day in force.' }),
    effectiveTo: t.field({ type: 'Date', description: 'The last day in force; omit for no end.' }),
    source: t.string({ description: 'The legal text the value comes from.' }),
    confirmed: t.boolean({ defaultValue: true, description: 'Whether the sources settle the value.' }),
  }),
})

const UpdateContributionParameterInput = builder.inputType('UpdateContributionParameterInput', {
  description: 'A correction of a parameter row; omitted fields keep their value.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The row to change.' }),
    value: t.int({ description: 'The new value.' }),
    effectiveFrom: t.field({ type: 'Date', description: 'The new first day in force.' }),
    effectiveTo: t.field({ type: 'Date', description: 'The new last day in force; null for no end.' }),
    source: t.string({ description: 'The legal text the value comes from.' }),
    confirmed: t.boolean({ description: 'Whether the sources settle the value.' }),
  }),
})

const ContributionParameterPayload = (name: string) =>
  builder.objectRef<{ contributionParameter: { id: string } }>(name).implement({
    description: 'The parameter row as stored.',
    fields: (t) => ({
      contributionParameter: t.field({
        type: ContributionParameterNode,
        description: 'The row.',
        resolve: (payload, _args, context) =>
          context.prisma.contributionParameter.findUniqueOrThrow({
            where: { id: payload.contributionParameter.id },
          }),
      }),
    }),
  })

const CreateContributionParameterPayload = ContributionParameterPayload('CreateContributionParameterPayload')
const UpdateContributionParameterPayload = ContributionParameterPayload('UpdateContributionParameterPayload')

type Candidate = Omit<ContributionParameter, 'effectiveFrom' | 'effectiveTo'> & {
  effectiveFrom: string
  effectiveTo: string | null
}

/** Checks a row about to be saved against the others of its rule with the shared history check. */
async function checkCandidate(tx: Prisma.TransactionClient, candidate: Candidate, excludeId?: string) {
  const issues: Issue[] = [...checkFreeText(candidate.source, 'source')]
  if (!Number.isInteger(candidate.value) || candidate.value < 0)
    issues.push(issue('value', 'PARAMETER_VALUE_INVALID'))
  if (candidate.jurisdiction !== nationalJurisdiction && !/^\d{2}$/.test(candidate.jurisdiction)) {
    issues.push(issue('jurisdiction', 'JURISDICTION_INVALID'))
  }
  for (const field of ['effectiveFrom', 'effectiveTo'] as const) {
    const value = candidate[field]
    if (value !== null && !isIsoDate(value)) issues.push(issue(field, 'DATE_INVALID'))
  }
  if (issues.length > 0) throw validationErrorFrom(issues)

  const others = await tx.contributionParameter.findMany({
    where: {
      key: candidate.key,
      qualifier: candidate.qualifier,
      jurisdiction: candidate.jurisdiction,
      ...(excludeId ? { id: { not: excludeId } } : {}),
    },
  })
  const rows: ContributionParameter[] = [...others, candidate]
  const last = `rows.${rows.length - 1}`
  const problems = checkParameterHistory(rows).filter((problem) => problem.path === last)
  if (problems.length > 0) {
    throw validationErrorFrom(
      problems.map((problem) => ({
        ...problem,
        path: problem.code === 'PARAMETER_PERIOD_INVALID' ? 'effectiveTo' : 'effectiveFrom',
      })),
    )
  }
}

const toColumns = (candidate: Candidate) => ({
  key: candidate.key,
  qualifier: candidate.qualifier,
  jurisdiction: candidate.jurisdiction,
  value: candidate.value,
  effectiveFrom: dateColumn(candidate.effectiveFrom),
  effectiveTo: candidate.effectiveTo === null ? null : dateColumn(candidate.effectiveTo),
  source: candidate.source,
  confirmed: candidate.confirmed,
})

const isoDate = (value: Date | null) => (value === null ? null : value.toISOString().slice(0, 10))

builder.mutationField('createContributionParameter', (t) =>
  t.field({
    type: CreateContributionParameterPayload,
    description:
      'Adds a parameter row (admins only). Its period may not overlap another row of the same rule.',
    errors: { types: mutationErrorTypes },
    authScopes: { $all: { admin: true, write: true } },
    args: { input: t.arg({ type: CreateContributionParameterInput, required: true }) },
    resolve: async (_root, { input }, context: Context) => {
      changesCachedData(context)
      const candidate: Candidate = {
        key: input.key,
        qualifier: input.qualifier ?? '',
        jurisdiction: input.jurisdiction ?? nationalJurisdiction,
        value: input.value,
        effectiveFrom: input.effectiveFrom,
        effectiveTo: input.effectiveTo ?? null,
        source: input.source ?? null,
        confirmed: input.confirmed ?? true,
      }
      const created = await context.prisma.$transaction(async (tx) => {
        await checkCandidate(tx, candidate)
        const row = await tx.contributionParameter.create({ data: toColumns(candidate) })
        await recordAudit(tx, context, {
          action: 'contributionParameter.create',
          entityType: 'ContributionParameter',
          entityId: row.id,
          after: row,
        })
        return row
      })
      return { contributionParameter: created }
    },
  }),
)

builder.mutationField('updateContributionParameter', (t) =>
  t.field({
    type: UpdateContributionParameterPayload,
    description:
      'Corrects a parameter row (admins only): its value, period, source or confirmation. Quotes made afterwards use the new value.',
    errors: { types: mutationErrorTypes },
    authScopes: { $all: { admin: true, write: true } },
    args: { input: t.arg({ type: UpdateContributionParameterInput, required: true }) },
    resolve: async (_root, { input }, context: Context) => {
      changesCachedData(context)
      const id = idOf(input.id, 'ContributionParameter', 'input.id')
      const updated = await context.prisma.$transaction(async (tx) => {
        const before = await tx.contributionParameter.findUnique({ where: { id } })
        if (!before) throw new NotFoundError('ContributionParameter', id)
        const candidate: Candidate = {
          key: before.key,
          qualifier: before.qualifier,
          jurisdiction: before.jurisdiction,
          value: input.value ?? before.value,
          effectiveFrom: input.effectiveFrom ?? isoDate(before.effectiveFrom) ?? '',
          effectiveTo: input.effectiveTo === undefined ? isoDate(before.effectiveTo) : input.effectiveTo,
          source: input.source === undefined ? before.source : input.source,
          confirmed: input.confirmed ?? before.confirmed,
        }
        await checkCandidate(tx, candidate, id)
        const row = await tx.contributionParameter.update({ where: { id }, data: toColumns(candidate) })
        await recordAudit(tx, context, {
          action: 'contributionParameter.update',
          entityType: 'ContributionParameter',
          entityId: id,
          before,
          after: row,
        })
        return row
      })
      return { contributionParameter: updated }
    },
  }),
)
