// The fields a selection set asks for, through its inline fragments and named fragments alike, whatever
// their type conditions: what a resolver reads to know which fields (or aliases) a query holds.
import { type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql'

/** Each field of the selection set, in the query's order, fragments opened where they stand. */
export function* selectedFields(
  selectionSet: SelectionSetNode | undefined,
  fragments: GraphQLResolveInfo['fragments'],
): Generator<FieldNode> {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) yield selection
    else if (selection.kind === Kind.INLINE_FRAGMENT) yield* selectedFields(selection.selectionSet, fragments)
    else yield* selectedFields(fragments[selection.name.value]?.selectionSet, fragments)
  }
}
