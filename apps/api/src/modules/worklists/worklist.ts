// The follow-up worklists (issue 17): who to call today and why, within the centers the viewer may
// read. One query, `worklist(list:)`, for every list, since they share their entries' shape, filters
// and order (due date, then id); `worklistCounts` gives each list's size for the progress page.

import { queryFromInfo } from '@pothos/plugin-prisma'
import type { Enrollment, FollowUp, Lead, Prisma, Product, User } from '@tangtoc/db'
import {
  checkWorklistDays,
  type DueRange,
  defaultReminderTemplates,
  defaultWorklistDays,
  enumLabels,
  formatDate,
  type IsoDate,
  issue,
  localDateInZone,
  renderReminder,
  toIsoDate,
  type Worklist,
  worklistDueRange,
  worklists,
} from '@tangtoc/shared'
import type { GraphQLResolveInfo } from 'graphql'
import { builder } from '../../builder.ts'
import type { Context, Viewer } from '../../context.ts'
import { validationErrorFrom } from '../../errors.ts'
import { idOf } from '../../global-id.ts'
import { centerIdsWhere, readableCentersWhere } from '../auth/center-access.ts'
import { EnrollmentNode } from '../enrollments/enrollment.ts'
import { ProductEnum } from '../enums.ts'
import { shownPhone } from '../people/visibility.ts'
import { UserNode } from '../users/user.ts'
import { FollowUpObject } from './follow-up.ts'
import { LeadNode } from './lead.ts'
import {
  dueField,
  type EntryKey,
  enrollmentListWhere,
  leadListWhere,
  tallied,
  type WorklistScope,
  worklistTallies,
} from './worklist-query.ts'

export const WorklistEnum = builder.enumType('Worklist', {
  description: 'A follow-up worklist; `days` is the N of its description.',
  values: {
    EXPIRING: { description: 'Coverage ends within the next N days (30 by default), not yet renewed.' },
    LAPSED: { description: 'Coverage ended within the last N days (90 by default), not renewed.' },
    WAITING_PAYMENT: {
      description: 'Registered (draft or submitted) and unpaid for more than N days (7 by default).',
    },
    SESSION_UNPAID: { description: 'Registered at an outreach session and not yet paid.' },
    PROMISED: { description: 'The person promised to pay on a day up to today, and has not yet.' },
    LEADS: { description: 'Consulted at an outreach session and not yet registered.' },
  } satisfies Record<Worklist, unknown>,
})

type EnrollmentEntry = Enrollment & {
  person: { fullName: string }
  assignedTo: User | null
  lastFollowUp: FollowUp | null
}
type LeadEntry = Lead & { assignedTo: User | null; lastFollowUp: FollowUp | null }

export type WorklistEntryShape = {
  list: Worklist
  due: IsoDate
  enrollment: EnrollmentEntry | null
  lead: LeadEntry | null
  /** The list's reminder template, read once for the page. */
  template: string
  /** The enrollment as the query's selection of `enrollment` loaded it (queryFromInfo), when asked. */
  selected?: Enrollment | undefined
  /** The lead as the query's selection of `lead` loaded it, when asked. */
  selectedLead?: Lead | undefined
}

export function subjectOf(entry: WorklistEntryShape): EnrollmentEntry | LeadEntry {
  const subject = entry.enrollment ?? entry.lead
  if (!subject) throw new Error('A worklist entry without its enrollment or lead')
  return subject
}

/** Why an entry is on its list, in words, with its due date. */
export function reasonOf(list: Worklist, due: IsoDate): { vi: string; en: string } {
  const vi = formatDate(due, 'vi-VN')
  switch (list) {
    case 'EXPIRING':
      return { vi: `Thẻ/đóng hết hạn ngày ${vi}`, en: `Coverage ends on ${due}` }
    case 'LAPSED':
      return { vi: `Đã hết hạn ngày ${vi}, chưa gia hạn`, en: `Coverage ended on ${due}, not renewed` }
    case 'WAITING_PAYMENT':
      return { vi: `Đăng ký ngày ${vi}, chưa đóng tiền`, en: `Registered on ${due}, not paid` }
    case 'SESSION_UNPAID':
      return {
        vi: `Đăng ký tại buổi tuyên truyền ngày ${vi}, chưa đóng tiền`,
        en: `Registered at an outreach session on ${due}, not paid`,
      }
    case 'PROMISED':
      return { vi: `Hẹn đóng tiền ngày ${vi}`, en: `Promised to pay on ${due}` }
    case 'LEADS':
      return {
        vi: `Được tư vấn tại buổi tuyên truyền ngày ${vi}, chưa đăng ký`,
        en: `Consulted at an outreach session on ${due}, not registered`,
      }
  }
}

/** The list's reminder message for the entry, filled in (name, product, amount payable last time, due date). */
export function reminderTextOf(entry: WorklistEntryShape): string {
  const products = entry.enrollment ? [entry.enrollment.product] : ((entry.lead?.products ?? []) as Product[])
  return renderReminder(entry.template, {
    name: entry.enrollment?.person.fullName ?? entry.lead?.fullName ?? '',
    product: products.map((product) => enumLabels.vi.Product[product]).join(', '),
    amount: entry.enrollment?.payable ?? null,
    dueDate: entry.due,
  })
}

export const WorklistEntry = builder.objectRef<WorklistEntryShape>('WorklistEntry').implement({
  description:
    'One enrollment or lead on a worklist: why it is there, when it is due, whom to contact (masked as lists mask) and the last contact attempt.',
  // long: the worklist entry's GraphQL fields, one entry each with its description and a one-line resolver
  fields: (t) => ({
    list: t.field({ type: WorklistEnum, description: 'The list it is on.', resolve: (entry) => entry.list }),
    dueDate: t.field({
      type: 'Date',
      description:
        'The day it is due: the last day of coverage (EXPIRING, LAPSED), the day registered (WAITING_PAYMENT, SESSION_UNPAID), the promised day (PROMISED), the day met (LEADS).',
      resolve: (entry) => entry.due,
    }),
    reason: t.string({
      description: 'Why it is on the list, in English.',
      resolve: (entry) => reasonOf(entry.list, entry.due).en,
    }),
    reasonVi: t.string({
      description: 'Why it is on the list, in Vietnamese.',
      resolve: (entry) => reasonOf(entry.list, entry.due).vi,
    }),
    fullName: t.string({
      description: 'The person’s name.',
      resolve: (entry) => entry.enrollment?.person.fullName ?? entry.lead?.fullName ?? '',
    }),
    phone: t.string({
      nullable: true,
      description:
        'The number to call (E.164): the one given with the enrollment or the lead (masked for viewers).',
      resolve: (entry, _args, context) => shownPhone(context, subjectOf(entry).phone),
    }),
    products: t.field({
      type: [ProductEnum],
      description: 'The enrollment’s product, or the products the lead asked about.',
      resolve: (entry) =>
        entry.enrollment ? [entry.enrollment.product] : ((entry.lead?.products ?? []) as Product[]),
    }),
    enrollment: t.field({
      type: EnrollmentNode,
      nullable: true,
      description: 'The enrollment followed up; null for a lead.',
      resolve: (entry) => entry.selected ?? entry.enrollment,
    }),
    lead: t.field({
      type: LeadNode,
      nullable: true,
      description: 'The lead followed up (LEADS); null for an enrollment.',
      resolve: (entry) => entry.selectedLead ?? entry.lead,
    }),
    assignedTo: t.field({
      type: UserNode,
      nullable: true,
      description: 'The agent its follow-up is assigned to.',
      resolve: (entry) => subjectOf(entry).assignedTo,
    }),
    lastFollowUp: t.field({
      type: FollowUpObject,
      nullable: true,
      description: 'The latest contact attempt.',
      resolve: (entry) => subjectOf(entry).lastFollowUp,
    }),
    reminderText: t.string({
      description:
        'The list’s reminder message for this person, filled in (name, product, amount payable last time, due date), ready to copy.',
      resolve: reminderTextOf,
    }),
    remindedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the person was last reminded (markReminded).',
      resolve: (entry) => subjectOf(entry).remindedAt,
    }),
  }),
})

export const WorklistFilter = builder.inputType('WorklistFilter', {
  description: 'Which entries; every condition given must hold.',
  fields: (t) => ({
    center: t.id({ description: 'Only this center and the centers below it (its global id).' }),
    assignedTo: t.id({ description: 'Only entries assigned to this user (its global id).' }),
    assignedToMe: t.boolean({ description: 'Only entries assigned to you: an agent’s own list.' }),
    wardCode: t.string({
      description:
        'Only entries in this ward (official 5-digit code): the address given with the enrollment, the session’s ward for a lead.',
    }),
    product: t.field({
      type: ProductEnum,
      description: 'Only this product (for leads: those who asked about it).',
    }),
  }),
})

type FilterArgs = typeof WorklistFilter.$inferInput

/** The filter resolved to ids, within the centers the viewer may read; null when it leaves no center. */
export async function worklistScope(
  filter: FilterArgs | null | undefined,
  viewer: Viewer,
  context: Context,
): Promise<WorklistScope | null> {
  const conditions = [readableCentersWhere(viewer)]
  if (filter?.center) {
    const center = await context.prisma.center.findUnique({
      where: { id: idOf(filter.center, 'Center', 'filter.center') },
      select: { path: true },
    })
    if (!center) return null
    conditions.push({ path: { startsWith: center.path } })
  }
  const centerIds = await centerIdsWhere(context, conditions)
  if (centerIds?.length === 0) return null
  const assignedToId = filter?.assignedToMe
    ? viewer.userId
    : filter?.assignedTo
      ? idOf(filter.assignedTo, 'User', 'filter.assignedTo')
      : null
  return {
    centerIds,
    product: (filter?.product as Product | null | undefined) ?? null,
    wardCode: filter?.wardCode || null,
    assignedToId,
  }
}

/** The day a list is read for: the one asked, else today in Vietnam. */
export function worklistDay(on: string | null | undefined): IsoDate {
  return on ?? localDateInZone(new Date())
}

/** The due dates a list covers on a day (today by default) for its N (its default when none is given). */
export function worklistRange(
  list: Worklist,
  on: string | null | undefined,
  days: number | null | undefined,
): DueRange {
  if (days != null) {
    const issues = checkWorklistDays(days)
    if (issues.length > 0) throw validationErrorFrom(issues, [])
  }
  return worklistDueRange(list, worklistDay(on), days ?? defaultWorklistDays[list])
}

const encodeCursor = (key: EntryKey) => Buffer.from(`${key.due}|${key.id}`).toString('base64url')

function decodeCursor(cursor: string): EntryKey {
  const [due, id] = Buffer.from(cursor, 'base64url').toString().split('|')
  if (!due || !id || !/^\d{4}-\d{2}-\d{2}$/.test(due) || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw validationErrorFrom([issue('after', 'WORKLIST_CURSOR_INVALID')], [])
  }
  return { due, id }
}

/**
 * How an entry's last follow-up is read: with its author, or as a query selects it (queryFromInfo; the
 * FollowUp type reads every column, so the relations asked are what it adds).
 */
type FollowUpRead = { include: { by: true } } | { include?: Prisma.FollowUpInclude }

/** A list's reminder template (null: the default), kept between requests: admins rarely change it. */
async function reminderTemplate(list: Worklist, context: Context): Promise<string> {
  const text = await context.caches.through(
    context.caches.reminderTemplates,
    context.prisma,
    list,
    async () => ({
      value:
        (await context.prisma.reminderTemplate.findUnique({ where: { list }, select: { text: true } }))
          ?.text ?? '',
    }),
  )
  return text || defaultReminderTemplates[list]
}

/**
 * `take` entries of a list after `after`, in due-date then id order, with what every reader of a list
 * shows (name, phone, assignee, last attempt): one statement, the relations joined to the page.
 */
export async function readEntries(
  list: Worklist,
  range: DueRange,
  scope: WorklistScope,
  page: { take: number; after: EntryKey | null },
  context: Context,
  lastFollowUp: FollowUpRead = { include: { by: true } },
): Promise<WorklistEntryShape[]> {
  const template = await reminderTemplate(list, context)
  // The follow-up read as the query selects it lets its fields (its author) resolve from what is read
  // here, not by a statement of their own.
  const withFollowUp = { assignedTo: true, lastFollowUp } as const
  if (list === 'LEADS') {
    const leads = await context.prisma.lead.findMany({
      where: leadListWhere(range, scope, page.after),
      orderBy: [{ metOn: 'asc' }, { id: 'asc' }],
      take: page.take,
      include: withFollowUp,
    })
    return leads.map((lead) => ({ list, due: isoDate(lead.metOn), enrollment: null, lead, template }))
  }
  const due = dueField(list)
  const enrollments = await context.prisma.enrollment.findMany({
    where: enrollmentListWhere(list, range, scope, page.after),
    orderBy: [{ [due]: 'asc' }, { id: 'asc' }],
    take: page.take,
    include: { ...withFollowUp, person: { select: { fullName: true } } },
  })
  return enrollments.map((enrollment) => ({
    list,
    due: isoDate(enrollment[due]),
    enrollment,
    lead: null,
    template,
  }))
}

/** How many entries a list holds: counted on read, over the same conditions as its pages. */
export function countEntries(list: Worklist, range: DueRange, scope: WorklistScope, context: Context) {
  return list === 'LEADS'
    ? context.prisma.lead.count({ where: leadListWhere(range, scope) })
    : context.prisma.enrollment.count({ where: enrollmentListWhere(list, range, scope) })
}

function isoDate(value: Date | null): IsoDate {
  const date = value && toIsoDate(value)
  if (!date) throw new Error('A worklist entry without its due date')
  return date
}

/** Whether a Prisma selection asks for a relation, which readEntries' rows do not hold. */
function readsRelations(selection: { include?: object; select?: object }): boolean {
  return (
    Object.keys(selection.include ?? {}).length > 0 ||
    Object.values(selection.select ?? {}).some((field) => field !== true)
  )
}

/**
 * The entries with what the query selects under `enrollment` or `lead`, read once more in one
 * statement (queryFromInfo), so that nothing below them is read per entry; when it selects only their
 * own columns (the console asks for the id), the rows readEntries read already hold them.
 */
async function withSelection(
  entries: WorklistEntryShape[],
  context: Context,
  info: GraphQLResolveInfo,
): Promise<WorklistEntryShape[]> {
  const ids = entries.map((entry) => subjectOf(entry).id)
  if (ids.length === 0) return entries
  if (entries[0]?.list === 'LEADS') {
    const selection = queryFromInfo({ context, info, typeName: 'Lead', path: ['edges', 'node', 'lead'] })
    if (!readsRelations(selection)) return entries
    const rows = await context.prisma.lead.findMany({ ...selection, where: { id: { in: ids } } })
    const selected = new Map(rows.map((row) => [row.id, row]))
    return entries.map((entry) => ({ ...entry, selectedLead: selected.get(subjectOf(entry).id) }))
  }
  const selection = queryFromInfo({
    context,
    info,
    typeName: 'Enrollment',
    path: ['edges', 'node', 'enrollment'],
  })
  if (!readsRelations(selection)) return entries
  const rows = await context.prisma.enrollment.findMany({ ...selection, where: { id: { in: ids } } })
  const selected = new Map(rows.map((row) => [row.id, row]))
  return entries.map((entry) => ({ ...entry, selected: selected.get(subjectOf(entry).id) }))
}

const onDescription = 'The day to read the lists for (campaign time zone); today by default.'

builder.queryField('worklist', (t) =>
  t.connection({
    type: WorklistEntry,
    authScopes: { signedIn: true },
    description:
      'A follow-up worklist at the centers you may read, by due date (then id): the enrollments or leads to contact, why, and the last attempt. Forward pagination (first, after).',
    args: {
      list: t.arg({ type: WorklistEnum, required: true, description: 'Which list.' }),
      days: t.arg.int({
        description:
          'The list’s N (0–366): days ahead for EXPIRING (30), back for LAPSED (90), waited for WAITING_PAYMENT (7); the others take none.',
      }),
      on: t.arg({ type: 'Date', description: onDescription }),
      filter: t.arg({ type: WorklistFilter, description: 'Which entries.' }),
    },
    resolve: async (_root, args, context, info) => {
      const viewer = context.viewer
      const list = args.list as Worklist
      const take = Math.min(Math.max(args.first ?? 20, 0), 100)
      const empty = {
        edges: [],
        pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
      }
      const range = worklistRange(list, args.on, args.days)
      const after = args.after ? decodeCursor(args.after) : null
      if (!viewer) return empty
      const scope = await worklistScope(args.filter, viewer, context)
      if (!scope) return empty
      const lastFollowUp = queryFromInfo({
        context,
        info,
        typeName: 'FollowUp',
        path: ['edges', 'node', 'lastFollowUp'],
      }) as { include?: Prisma.FollowUpInclude }
      const read = await readEntries(list, range, scope, { take: take + 1, after }, context, lastFollowUp)
      const entries = await withSelection(read.slice(0, take), context, info)
      const edges = entries.map((entry) => ({
        cursor: encodeCursor({ due: entry.due, id: subjectOf(entry).id }),
        node: entry,
      }))
      return {
        edges,
        pageInfo: {
          hasNextPage: read.length > take,
          hasPreviousPage: after !== null,
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges.at(-1)?.cursor ?? null,
        },
      }
    },
  }),
)

const WorklistCount = builder.objectRef<{ list: Worklist; count: number }>('WorklistCount').implement({
  description: 'How many entries one worklist holds.',
  fields: (t) => ({
    list: t.field({ type: WorklistEnum, description: 'The list.', resolve: (row) => row.list }),
    count: t.exposeInt('count', { description: 'How many entries it holds.' }),
  }),
})

builder.queryField('worklistCounts', (t) =>
  t.field({
    type: [WorklistCount],
    authScopes: { signedIn: true },
    description:
      'Each worklist’s size at the centers you may read, with each list’s default N, for the progress page. Summed from the maintained tally (WorklistTally); a ward filter, or a product for LEADS, is counted on read.',
    args: {
      on: t.arg({ type: 'Date', description: onDescription }),
      filter: t.arg({ type: WorklistFilter, description: 'Which entries.' }),
    },
    resolve: async (_root, args, context) => {
      const viewer = context.viewer
      const scope = viewer ? await worklistScope(args.filter, viewer, context) : null
      if (!scope) return worklists.map((list) => ({ list, count: 0 }))
      const on = worklistDay(args.on)
      const ranges = worklists.map((list) => ({
        list,
        range: worklistDueRange(list, on, defaultWorklistDays[list]),
      }))
      const fromTally = ranges.filter(({ list }) => tallied(list, scope))
      const counted = new Map<Worklist, number>()
      if (fromTally.length > 0) {
        const rows = await context.prisma.$queryRaw<{ list: Worklist; count: number }[]>(
          worklistTallies(fromTally, scope),
        )
        for (const row of rows) counted.set(row.list, row.count)
      }
      for (const { list, range } of ranges) {
        if (counted.has(list)) continue
        counted.set(list, await countEntries(list, range, scope, context))
      }
      return worklists.map((list) => ({ list, count: counted.get(list) ?? 0 }))
    },
  }),
)
