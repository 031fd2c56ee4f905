// The audit trail, read back. `auditEvents` is for admins: filtering a manager's subtree would mean
// resolving every event's entity to a center. Others read an entity's own history where that entity
// offers it (`User.history`), with the entity's own access rule.
import { encodeGlobalID } from '@pothos/plugin-relay'
import type { Prisma } from '@tangtoc/db'
import { builder } from '../../builder.ts'
import type { Context } from '../../context.ts'
import { decodeGlobalId, idOf } from '../../global-id.ts'
import { offsetDescription, withOffset } from '../offset.ts'
import { canReadUserHistory } from '../users/user-access.ts'
import { auditChanges, type FieldChange, typedChanges } from './changes.ts'
import { subjectOf } from './subjects.ts'

function canReadAuditEvent(context: Context, event: { entityType: string; entityId: string }) {
  if (!context.viewer) return false
  if (context.viewer.role === 'ADMIN') return true
  return event.entityType === 'User' ? canReadUserHistory(context, event.entityId) : false
}

const AuditFieldChange = builder.objectRef<FieldChange>('AuditFieldChange').implement({
  description: 'One field an audit event changed, as a person knows it, with its value before and after.',
  fields: (t) => ({
    field: t.exposeString('field', {
      description:
        'The field’s name in the record’s GraphQL type, e.g. `months`, `status`; a reference under its own name (`session`, `center`).',
    }),
    before: t.field({
      type: 'JSON',
      nullable: true,
      description:
        'Its value before (a reference as its global id, in a list or a target row too); null for a creation or an empty field.',
      resolve: (change) => change.before,
    }),
    after: t.field({
      type: 'JSON',
      nullable: true,
      description:
        'Its value after (a reference as its global id, in a list or a target row too); null for a deletion or an empty field.',
      resolve: (change) => change.after,
    }),
    valueType: t.string({
      nullable: true,
      description:
        'The GraphQL type of the field’s values in the record’s type, to read them by: an enum’s name (`EnrollmentStatus`, `Product`), a scalar (`Date` values as YYYY-MM-DD, `Int`, `String`), or the type a reference points to (`Center`). Null for a field the type does not show (a failed sign-in’s `reason`).',
      resolve: (change) => change.valueType ?? null,
    }),
    beforeName: t.string({
      nullable: true,
      description:
        'For a reference, the name people know the record it pointed to before by (a center’s name, a session’s title, a user’s display name); null otherwise.',
      resolve: (change, _args, context) => nameOf(context, change.reference?.type, change.reference?.before),
    }),
    afterName: t.string({
      nullable: true,
      description: 'For a reference, the name of the record it points to after; null otherwise.',
      resolve: (change, _args, context) => nameOf(context, change.reference?.type, change.reference?.after),
    }),
    beforeNames: t.stringList({
      nullable: { list: true, items: true },
      description:
        'For a list whose items point to records (a campaign’s `organizers`, `participants` or `centers`; its `targets`, each by its center), the name of each item’s record before, in the list’s order: null for an item that points to none (a target for the whole campaign) or to a record gone. Null for any other field, and for a side the event did not keep.',
      resolve: (change, _args, context) =>
        namesOf(context, change.referenceList?.type, change.referenceList?.before),
    }),
    afterNames: t.stringList({
      nullable: { list: true, items: true },
      description:
        'For a list whose items point to records, the name of each item’s record after, in its order.',
      resolve: (change, _args, context) =>
        namesOf(context, change.referenceList?.type, change.referenceList?.after),
    }),
  }),
})

const nameOf = (context: Context, type: string | undefined, id: string | null | undefined) =>
  type && id ? subjectOf(context, type, id) : null

/** Each item's name: the loader gathers a page's lookups, one query per type. */
const namesOf = (context: Context, type: string | undefined, ids: (string | null)[] | null | undefined) =>
  type && ids ? Promise.all(ids.map((id) => nameOf(context, type, id))) : null

const AuditStates = builder.enumType('AuditStates', {
  description: 'Which states of its record an audit event kept.',
  values: {
    AFTER: {
      description:
        'Only the state after: a record created, or what an event recorded of itself (a sign-in, an export, a read).',
    },
    BEFORE_AND_AFTER: { description: 'The states before and after: a record changed.' },
    BEFORE: { description: 'Only the state before: a record removed.' },
  } as const,
})

export const AuditEventNode = builder.prismaNode('AuditEvent', {
  id: { field: 'id' },
  description:
    'One change, written in the same transaction as the change itself: who did what to which record, with its state before and after. Also each sign-in, each failed one, each CSV export and each read of a person’s unmasked citizen ID outside a list (`person.view`): reading personal data in bulk is accountable.',
  authScopes: (event, context) => canReadAuditEvent(context, event),
  // long: the audit event's GraphQL fields, one entry each with its description; apart they would only scatter the type
  fields: (t) => ({
    actor: t.relation('actor', {
      nullable: true,
      description: 'Who made the change; null for a failed sign-in or a system job.',
    }),
    action: t.exposeString('action', {
      description:
        'What was done, as `<domain>.<verb>`, e.g. `user.create`, `apiToken.revoke`, `auth.logIn`, `auth.logInFailed`, `export.download`, `person.view`.',
    }),
    entityType: t.exposeString('entityType', {
      description:
        'The GraphQL type of the record changed or read, e.g. `User`; `Export` for a CSV export (its file name as `entityId`), `ClientAddress` for a failed sign-in with an unknown username.',
    }),
    entityId: t.exposeString('entityId', { description: 'The database id of the record changed.' }),
    subject: t.string({
      nullable: true,
      description:
        'The name people know the record by, for a sentence: a campaign’s or center’s name, a session’s title, a user’s display name, a token’s name, a person’s full name (the person enrolled, for an enrollment), an export’s file name; null when the record is gone or has none.',
      resolve: (event, _args, context) => subjectOf(context, event.entityType, event.entityId),
    }),
    entityGlobalId: t.id({
      description: 'The global id of the record changed, for `node(id:)`.',
      resolve: (event) => encodeGlobalID(event.entityType, event.entityId),
    }),
    before: t.expose('before', {
      type: 'JSON',
      nullable: true,
      description:
        'The record as it was before, as stored: every column written, internal ones included (search keys, versions, ids); null for a creation. Secrets are never recorded. `changes` lists what a person reads.',
    }),
    after: t.expose('after', {
      type: 'JSON',
      nullable: true,
      description:
        'The record as it is after, as stored: every column written, internal ones included; null for a deletion. Secrets are never recorded. `changes` lists what a person reads.',
    }),
    states: t.field({
      type: AuditStates,
      description:
        'Which states it kept, to read `changes` by: a field whose value was empty before is set by a creation (`AFTER`) but filled in by a change (`BEFORE_AND_AFTER`).',
      resolve: (event) =>
        event.before === null ? 'AFTER' : event.after === null ? 'BEFORE' : 'BEFORE_AND_AFTER',
    }),
    changes: t.field({
      type: [AuditFieldChange],
      description:
        'The fields a person knows that changed: every one a creation sets or a deletion clears (never an empty one), an update’s whose value differs. Never the columns kept for the machine (ids, versions, timestamps kept by the database, search keys, rollup helpers); `before` and `after` keep those.',
      resolve: (event, _args, _context, info) =>
        typedChanges(
          info.schema,
          event.entityType,
          auditChanges(event.entityType, event.before, event.after),
        ),
    }),
    requestId: t.exposeString('requestId', {
      nullable: true,
      description:
        'The server’s id of the HTTP request that made the change (the `x-request-id` it answered with), to find it in the logs.',
    }),
    clientRequestId: t.exposeString('clientRequestId', {
      nullable: true,
      description:
        'The `x-request-id` the client sent with that request, if any: kept beside the server’s id, never instead of it.',
    }),
    at: t.expose('at', { type: 'DateTime', description: 'When the change was made.' }),
  }),
})

const AuditEventFilter = builder.inputType('AuditEventFilter', {
  description: 'Which audit events to list; every field given must match.',
  fields: (t) => ({
    entityType: t.string({ description: 'Only events about records of this type, e.g. `User`.' }),
    entityId: t.id({
      description:
        'Only events about this record: its global id, or its database id together with `entityType`.',
    }),
    actor: t.id({ description: 'Only changes made by this user.' }),
    action: t.string({
      description: 'Only events of this action, e.g. `export.download` or `person.view`.',
    }),
    from: t.field({ type: 'DateTime', description: 'Only events at or after this instant.' }),
    to: t.field({ type: 'DateTime', description: 'Only events before this instant.' }),
  }),
})

const AuditEventOrder = builder.enumType('AuditEventOrder', {
  description: 'The order of a list of audit events.',
  values: {
    NEWEST_FIRST: { description: 'The latest first.' },
    OLDEST_FIRST: { description: 'The earliest first.' },
  } as const,
})

/** A global id names its type and record; anything else is taken as a database id. */
function entityReference(entityId: string): { typename: string | null; id: string } {
  return decodeGlobalId(entityId) ?? { typename: null, id: entityId }
}

function auditEventsWhere(
  filter: typeof AuditEventFilter.$inferInput | null | undefined,
): Prisma.AuditEventWhereInput {
  if (!filter) return {}
  const reference = filter.entityId ? entityReference(String(filter.entityId)) : null
  const entityType = filter.entityType ?? reference?.typename ?? undefined
  return {
    ...(entityType ? { entityType } : {}),
    ...(reference ? { entityId: reference.id } : {}),
    ...(filter.actor ? { actorId: idOf(filter.actor, 'User', 'filter.actor') } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.from || filter.to
      ? { at: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } }
      : {}),
  }
}

builder.queryField('auditEvents', (t) =>
  t.prismaConnection({
    type: AuditEventNode,
    cursor: 'id',
    description:
      'The audit trail, the latest first, for admins. Others read the history of a record they may see on the record itself (e.g. `User.history`).',
    authScopes: { admin: true },
    args: {
      filter: t.arg({ type: AuditEventFilter, description: 'Which events to list.' }),
      orderBy: t.arg({
        type: AuditEventOrder,
        defaultValue: 'NEWEST_FIRST',
        description: 'The order of the list.',
      }),
      offset: t.arg.int({ description: offsetDescription }),
    },
    totalCount: (_parent, args, context) =>
      context.prisma.auditEvent.count({ where: auditEventsWhere(args.filter) }),
    resolve: (query, _root, args, context) => {
      const direction = args.orderBy === 'OLDEST_FIRST' ? 'asc' : 'desc'
      return context.prisma.auditEvent.findMany({
        ...withOffset(query, args),
        where: auditEventsWhere(args.filter),
        orderBy: [{ at: direction }, { id: direction }],
      })
    },
  }),
)
