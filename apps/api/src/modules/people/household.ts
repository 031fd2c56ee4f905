import { builder } from '../../builder.ts'
import { readableNode } from '../../readable-nodes.ts'
import { personSearchWhere, readableEnrollmentsWhere, readableHouseholdsWhere } from './visibility.ts'

builder.prismaObject('HouseholdMember', {
  description: 'A person’s place in a household: the order decides the health insurance rate.',
  fields: (t) => ({
    household: t.relation('household', { description: 'The household.' }),
    person: t.relation('person', { description: 'The member.' }),
    position: t.exposeInt('position', { description: '1-based place in the household register.' }),
    isHead: t.exposeBoolean('isHead', {
      description: 'Whether the member is the head of the household (chủ hộ).',
    }),
    insuredElsewhere: t.exposeBoolean('insuredElsewhere', {
      description: 'Insured through another group (employer, state-paid): not counted in the rate order.',
    }),
    relationToHead: t.exposeString('relationToHead', { nullable: true, description: 'E.g. “vợ”, “con”.' }),
  }),
})

export const HouseholdNode = builder.prismaNode('Household', {
  id: { field: 'id' },
  description: 'People insured together for household health insurance, in register order.',
  authScopes: { signedIn: true },
  nullable: true,
  findUnique: readableNode('Household', readableHouseholdsWhere),
  fields: (t) => ({
    address: t.exposeString('address', {
      nullable: true,
      description: 'The household’s address, Unicode NFC.',
    }),
    ward: t.relation('ward', { nullable: true, description: 'The ward of the address.' }),
    code: t.exposeString('code', {
      nullable: true,
      description:
        'Social Insurance’s household code (mã hộ gia đình), given at registration or the household key of the import that created it; rows of a later import with it join this household.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the household was registered.' }),
    members: t.relatedConnection('members', {
      cursor: 'householdId_personId',
      totalCount: true,
      description: 'The members in register order.',
      query: () => ({ orderBy: { position: 'asc' } }),
    }),
    enrollments: t.relatedConnection('enrollments', {
      cursor: 'id',
      totalCount: true,
      description: 'The members’ enrollments at centers you may read.',
      query: (_args, context) => ({
        where: readableEnrollmentsWhere(context.viewer),
        orderBy: [{ registeredAt: 'desc' }, { id: 'desc' }],
      }),
    }),
  }),
})

builder.queryField('households', (t) =>
  t.prismaConnection({
    type: 'Household',
    cursor: 'id',
    authScopes: { signedIn: true },
    description: 'Households with an enrollment at a center you may read (admins: all), the latest first.',
    args: {
      search: t.arg.string({
        description:
          'Words beginning a member’s name words, in any order (diacritics ignored), or the beginning of their phone or citizen ID. Viewers search by name only: a number finds nothing.',
      }),
      wardCode: t.arg.string({ description: 'Only households in this ward.' }),
    },
    totalCount: (_parent, args, context) =>
      context.prisma.household.count({ where: householdFilter(args, context.viewer) }),
    resolve: (query, _root, args, context) =>
      context.prisma.household.findMany({
        ...query,
        where: householdFilter(args, context.viewer),
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      }),
  }),
)

function householdFilter(
  args: { search?: string | null; wardCode?: string | null },
  viewer: Parameters<typeof readableHouseholdsWhere>[0],
) {
  const found = args.search ? personSearchWhere(args.search, viewer) : null
  return {
    AND: [
      readableHouseholdsWhere(viewer),
      ...(args.wardCode ? [{ wardCode: args.wardCode }] : []),
      ...(found ? [{ members: { some: { person: found } } }] : []),
    ],
  }
}
