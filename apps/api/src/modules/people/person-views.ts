// Reading one person's unmasked citizen ID on its own — the `person` query, `node(id:)`, an
// enrollment's person: a detail page, not a row of a list — is recorded in the audit log as
// `person.view` (who, whom, through which query field), once per person and request. Rows of the
// paginated lists are not; their bulk copy, the CSV export, is (`export.download`).
import type { GraphQLResolveInfo } from 'graphql'
import type { Context } from '../../context.ts'
import { selectedFields } from '../../selected-fields.ts'
import { recordAudit } from '../audit/record.ts'

const recorded = new WeakMap<Context, Set<string>>()

/**
 * The view recorded, when it is one to record; null otherwise, without a promise: a list's 50 rows
 * each awaiting nothing made every person of the page resolve asynchronously.
 */
export function recordPersonView(
  context: Context,
  personId: string,
  info: GraphQLResolveInfo,
): Promise<unknown> | null {
  const keys: (string | number)[] = []
  for (let at: GraphQLResolveInfo['path'] | undefined = info.path; at; at = at.prev) keys.unshift(at.key)
  const [rootKey, ...below] = keys
  const rootField = typeof rootKey === 'string' ? fieldNamed(rootKey, info) : rootKey
  // `nodes(ids:)` lists the records asked for one by one: each is a detail.
  const listed = below.slice(rootField === 'nodes' ? 1 : 0).some((key) => typeof key === 'number')
  if (listed) return null
  let people = recorded.get(context)
  if (!people) {
    people = new Set()
    recorded.set(context, people)
  }
  if (people.has(personId)) return null
  people.add(personId)
  return recordAudit(context.prisma, context, {
    action: 'person.view',
    entityType: 'Person',
    entityId: personId,
    after: { via: rootField },
  })
}

/**
 * The name of the root field an operation answers under `key`, its alias or its name: the audit names
 * the query field, whatever the client called it, and an alias must not turn `nodes` into a list.
 */
function fieldNamed(key: string, info: GraphQLResolveInfo): string | undefined {
  for (const field of selectedFields(info.operation.selectionSet, info.fragments)) {
    if ((field.alias ?? field.name).value === key) return field.name.value
  }
  return undefined
}
