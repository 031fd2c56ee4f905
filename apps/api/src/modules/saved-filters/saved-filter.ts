// Saved filters: a user names a list's filters ("Chờ xác nhận đóng tiền của tôi") to open that list
// filtered the same way again. Each user reads and changes only their own: another's is reported as
// missing. They are a user's preference, not a record others rely on, so they are not audited.
import { type Prisma, SavedFilterList } from '@tangtoc/db'
import { enumLabels, issue } from '@tangtoc/shared'
import { builder } from '../../builder.ts'
import type { Viewer } from '../../context.ts'
import { mutationErrorTypes, NotFoundError, validationErrorFrom } from '../../errors.ts'
import { labelled } from '../enums.ts'

const maxNameLength = 60
/** A filter is what the console keeps in a list's address: a few fields, never more than this. */
const maxFilterLength = 4_000

export const SavedFilterListEnum = builder.enumType(SavedFilterList, {
  name: 'SavedFilterList',
  description: 'The lists whose filters can be saved.',
  values: labelled(enumLabels.en.SavedFilterList),
})

const ownedBy = (viewer: Viewer | null, filter: { userId: string }) =>
  viewer !== null && viewer.userId === filter.userId

export const SavedFilterNode = builder.prismaNode('SavedFilter', {
  id: { field: 'id' },
  description: 'A list’s filters saved under a name by the signed-in user.',
  authScopes: (filter, context) => ownedBy(context.viewer, filter),
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The name the user gave it.' }),
    list: t.expose('list', { type: SavedFilterListEnum, description: 'The list it filters.' }),
    filter: t.expose('filter', {
      type: 'JSON',
      description: 'The list’s filters, as the console keeps them in the list’s address.',
    }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When it was last saved.' }),
  }),
})

builder.queryField('savedFilters', (t) =>
  t.prismaField({
    type: [SavedFilterNode],
    description: 'Your saved filters of a list, by name.',
    authScopes: { signedIn: true },
    args: { list: t.arg({ type: SavedFilterListEnum, required: true, description: 'Which list.' }) },
    resolve: (query, _root, args, context) =>
      context.viewer
        ? context.prisma.savedFilter.findMany({
            ...query,
            where: { userId: context.viewer.userId, list: args.list },
            orderBy: { name: 'asc' },
          })
        : [],
  }),
)

const SaveFilterInput = builder.inputType('SaveFilterInput', {
  description: 'A list’s filters to keep under a name; a name already used for the list is replaced.',
  fields: (t) => ({
    list: t.field({ type: SavedFilterListEnum, required: true, description: 'The list it filters.' }),
    name: t.string({ required: true, description: 'Its name, 1 to 60 characters.' }),
    filter: t.field({
      type: 'JSON',
      required: true,
      description: 'The list’s filters: a JSON object of at most 4,000 characters.',
    }),
  }),
})

const SavedFilterPayload = builder
  .objectRef<{ savedFilter: Prisma.SavedFilterGetPayload<object> }>('SavedFilterPayload')
  .implement({
    description: 'The filter as saved.',
    fields: (t) => ({
      savedFilter: t.field({
        type: SavedFilterNode,
        description: 'The saved filter.',
        resolve: (payload) => payload.savedFilter,
      }),
    }),
  })

function filterIssues(name: string, filter: unknown) {
  const isObject = typeof filter === 'object' && filter !== null && !Array.isArray(filter)
  return [
    ...(name.length === 0 || name.length > maxNameLength
      ? [
          issue('name', 'INVALID_LENGTH', {
            field: { phrase: 'SAVED_FILTER_NAME' },
            min: 1,
            max: maxNameLength,
          }),
        ]
      : []),
    ...(!isObject || JSON.stringify(filter).length > maxFilterLength
      ? [issue('filter', 'SAVED_FILTER_INVALID', { max: maxFilterLength })]
      : []),
  ]
}

builder.mutationField('saveFilter', (t) =>
  t.field({
    type: SavedFilterPayload,
    description: 'Saves a list’s filters under a name for you; saving under a name you used replaces it.',
    errors: { types: mutationErrorTypes },
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: SaveFilterInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const viewer = context.viewer as Viewer
      const name = input.name.trim()
      const issues = filterIssues(name, input.filter)
      if (issues.length > 0) throw validationErrorFrom(issues)
      const filter = input.filter as Prisma.InputJsonObject
      const savedFilter = await context.prisma.savedFilter.upsert({
        where: { userId_list_name: { userId: viewer.userId, list: input.list, name } },
        create: { userId: viewer.userId, list: input.list, name, filter },
        update: { filter },
      })
      return { savedFilter }
    },
  }),
)

const DeleteSavedFilterInput = builder.inputType('DeleteSavedFilterInput', {
  description: 'The saved filter to delete.',
  fields: (t) => ({
    id: t.globalID({ for: SavedFilterNode, required: true, description: 'The saved filter’s id.' }),
  }),
})

const DeleteSavedFilterPayload = builder.objectRef<{ id: string }>('DeleteSavedFilterPayload').implement({
  description: 'The saved filter deleted.',
  fields: (t) => ({
    deletedId: t.exposeID('id', { description: 'The global id of the saved filter deleted.' }),
  }),
})

builder.mutationField('deleteSavedFilter', (t) =>
  t.field({
    type: DeleteSavedFilterPayload,
    description: 'Deletes one of your saved filters.',
    errors: { types: mutationErrorTypes },
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: DeleteSavedFilterInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const found = await context.prisma.savedFilter.findUnique({ where: { id: input.id.id } })
      // Someone else's filter is reported as missing, so ids cannot be probed.
      if (!found || !ownedBy(context.viewer, found))
        throw new NotFoundError('SavedFilter', String(input.id.id))
      await context.prisma.savedFilter.delete({ where: { id: found.id } })
      return { id: String(input.id.id) }
    },
  }),
)
