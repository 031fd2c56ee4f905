// What an audit event changed, as a person reads it: the stored `before` and `after` keep every column
// (an auditor may need them); `changes` leaves out the columns kept for the machine and names a record
// the change points to as the GraphQL type does, so the console and integrators read the same list.
import { encodeGlobalID } from '@pothos/plugin-relay'
import { type GraphQLSchema, getNamedType, isObjectType } from 'graphql'

export interface FieldChange {
  field: string
  before: unknown
  after: unknown
  /** For a reference: the type it points to and the database ids before and after, to name them. */
  reference?: { type: string; before: string | null; after: string | null }
  /** For a list whose items point to records: the type and, per side, each item's database id (or null). */
  referenceList?: { type: string; before: (string | null)[] | null; after: (string | null)[] | null }
  /** The GraphQL type the field's values have in the record's type (`EnrollmentStatus`, `Date`, `Center`). */
  valueType?: string | null
}

/** Columns no person sets or reads: identity, optimistic locking, timestamps kept by Prisma, liveness. */
const internalColumns = new Set(['id', 'version', 'createdAt', 'updatedAt', 'live'])

/** Per record type, the columns the API or the database derives for its own lists and counts. */
const derivedColumns: Partial<Record<string, ReadonlySet<string>>> = {
  // Rollup and worklist helpers (see the Enrollment model); search keys are left out by name.
  Enrollment: new Set(['registeredOn', 'countedOn', 'unpaidOn', 'renewed', 'promisedWhileCovered']),
}

/**
 * The references a person chooses, under their GraphQL name, with the global id of the record; any
 * other `…Id` column (the person, household or registration a row belongs to) is internal.
 */
const references: Record<string, { field: string; type: string }> = {
  campaignId: { field: 'campaign', type: 'Campaign' },
  centerId: { field: 'center', type: 'Center' },
  sessionId: { field: 'session', type: 'OutreachSession' },
  assignedToId: { field: 'assignedTo', type: 'User' },
}

const fieldsOf = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}

/** An item of a list as `changes` shows it, and the database id of the record it points to. */
type ListItem = { shown: unknown; id: string | null }

const centerItem = (value: unknown): ListItem =>
  typeof value === 'string'
    ? { shown: encodeGlobalID('Center', value), id: value }
    : { shown: value, id: null }

/** A target row as the Target type shows it: its center a reference (null for the whole campaign). */
function targetItem(value: unknown): ListItem {
  const { centerId, ...row } = fieldsOf(value)
  const { shown, id } = centerItem(centerId ?? null)
  return { shown: { ...row, center: shown }, id }
}

interface ReferenceList {
  field: string
  valueType: string
  type: string
  item: (value: unknown) => ListItem
}

/**
 * Per record type, the lists whose items point to records, under their GraphQL name: the type of their
 * items (`valueType`), the type they point to, and how an item reads.
 */
const referenceLists: Partial<Record<string, Record<string, ReferenceList>>> = {
  Campaign: {
    organizers: { field: 'organizers', valueType: 'Center', type: 'Center', item: centerItem },
    participants: { field: 'participants', valueType: 'Center', type: 'Center', item: centerItem },
    // The centers addCampaignCenters and removeCampaignCenters moved, in one role.
    centerIds: { field: 'centers', valueType: 'Center', type: 'Center', item: centerItem },
    targets: { field: 'targets', valueType: 'Target', type: 'Center', item: targetItem },
  },
}

/** A list of references as `changes` lists it: its items shown, the ids they point to kept to name them. */
function listChange(list: ReferenceList, old: unknown, now: unknown): FieldChange {
  const items = (value: unknown) => (Array.isArray(value) ? value.map(list.item) : null)
  const [was, is] = [items(old), items(now)]
  return {
    field: list.field,
    valueType: list.valueType,
    before: was?.map((item) => item.shown) ?? old,
    after: is?.map((item) => item.shown) ?? now,
    referenceList: {
      type: list.type,
      before: was?.map((item) => item.id) ?? null,
      after: is?.map((item) => item.id) ?? null,
    },
  }
}

/** How a column shows in `changes`, or null for one kept for the machine. */
function shownAs(entityType: string, column: string): { field: string; type?: string } | null {
  const reference = references[column]
  if (reference) return reference
  if (internalColumns.has(column) || column.startsWith('search') || column.endsWith('Id')) return null
  return derivedColumns[entityType]?.has(column) ? null : { field: column }
}

/** No value: left out, null, an empty text or an empty list. */
const isEmpty = (value: unknown) =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/**
 * The fields a person knows that the event changed, with their values before and after: every one a
 * creation sets (before null) or a deletion clears (after null), never an empty one; for an update, those
 * whose value differs.
 */
export function auditChanges(entityType: string, before: unknown, after: unknown): FieldChange[] {
  const was = fieldsOf(before)
  const is = fieldsOf(after)
  const whole = before === null || after === null
  return [...new Set([...Object.keys(was), ...Object.keys(is)])].flatMap((column): FieldChange[] => {
    const shown = shownAs(entityType, column)
    if (!shown) return []
    // A field left out and one written as null are both empty; a creation or removal lists only values.
    if (whole ? isEmpty(was[column]) && isEmpty(is[column]) : sameValue(was[column], is[column])) return []
    // A side not kept (a creation's before, a removal's after) is no fields: its value is null.
    const [old, now] = [was[column] ?? null, is[column] ?? null]
    const list = referenceLists[entityType]?.[column]
    if (list) return [listChange(list, old, now)]
    const { type } = shown
    if (!type) return [{ field: shown.field, before: old, after: now }]
    const id = (value: unknown) => (typeof value === 'string' ? value : null)
    const global = (value: unknown) => (typeof value === 'string' ? encodeGlobalID(type, value) : value)
    return [
      {
        field: shown.field,
        before: global(old),
        after: global(now),
        reference: { type, before: id(old), after: id(now) },
      },
    ]
  })
}

/** The named GraphQL type of `field` in the object type `entityType`, or null where the schema has none. */
function valueTypeOf(schema: GraphQLSchema, entityType: string, field: string): string | null {
  const type = schema.getType(entityType)
  const found = isObjectType(type) ? type.getFields()[field] : undefined
  return found ? getNamedType(found.type).name : null
}

/** Per record type, the fields an event records of itself that its GraphQL type has not, with their type. */
const eventFieldTypes: Partial<Record<string, Record<string, string>>> = {
  // addCampaignCenters and removeCampaignCenters: the role the centers were moved in.
  Campaign: { role: 'CampaignCenterRole' },
}

/** A calendar date is stored as its midnight (UTC): written as the Date scalar writes it, YYYY-MM-DD. */
const asDate = (value: unknown) => (typeof value === 'string' ? value.slice(0, 10) : value)

/** The changes with the type of their values, as the record's GraphQL type has them, and dates as dates. */
export function typedChanges(
  schema: GraphQLSchema,
  entityType: string,
  changes: FieldChange[],
): FieldChange[] {
  return changes.map((change) => {
    // A list of references knows its items' type; the record's type has a connection there, if anything.
    const valueType =
      change.valueType ??
      valueTypeOf(schema, entityType, change.field) ??
      eventFieldTypes[entityType]?.[change.field] ??
      null
    return valueType === 'Date'
      ? { ...change, valueType, before: asDate(change.before), after: asDate(change.after) }
      : { ...change, valueType }
  })
}
