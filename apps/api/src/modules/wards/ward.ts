import type { Prisma } from '@tangtoc/db'
import { foldSearchKey } from '@tangtoc/shared'
import { builder } from '../../builder.ts'
import { WardTypeEnum } from '../enums.ts'

export const WardRef = builder.prismaObject('Ward', {
  description: 'An official commune-level administrative unit (Decision 19/2025/QĐ-TTg), keyed by its code.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'The official 5-digit code.' }),
    name: t.exposeString('name', { description: 'The name, e.g. "Sài Gòn".' }),
    fullName: t.exposeString('fullName', { description: 'The name with its type, e.g. "Phường Sài Gòn".' }),
    nameEn: t.exposeString('nameEn', { description: 'The name without diacritics, for English text.' }),
    type: t.expose('type', { type: WardTypeEnum, description: 'Ward, commune or special zone.' }),
    provinceCode: t.exposeString('provinceCode', { description: 'The 2-digit code of its province.' }),
  }),
})

builder.queryField('ward', (t) =>
  t.prismaField({
    type: 'Ward',
    nullable: true,
    authScopes: { signedIn: true },
    description: 'A ward by its official code.',
    args: { code: t.arg.string({ required: true, description: 'The official 5-digit code.' }) },
    resolve: (query, _root, args, context) =>
      context.prisma.ward.findUnique({ ...query, where: { code: args.code } }),
  }),
)

builder.queryField('wards', (t) =>
  t.prismaConnection({
    type: 'Ward',
    cursor: 'code',
    authScopes: { signedIn: true },
    description: 'Wards ordered by code, e.g. to pick where an outreach session takes place.',
    args: {
      provinceCode: t.arg.string({ description: 'Only wards of this province (2-digit code, e.g. "79").' }),
      search: t.arg.string({
        description: 'Words of the name, with or without diacritics: "thu duc" finds "Thủ Đức".',
      }),
    },
    totalCount: (_parent, args, context) => context.prisma.ward.count({ where: wardFilter(args) }),
    resolve: (query, _root, args, context) =>
      context.prisma.ward.findMany({ ...query, where: wardFilter(args), orderBy: { code: 'asc' } }),
  }),
)

function wardFilter(args: { provinceCode?: string | null; search?: string | null }): Prisma.WardWhereInput {
  const search = args.search ? foldSearchKey(args.search) : ''
  return {
    ...(args.provinceCode ? { provinceCode: args.provinceCode } : {}),
    ...(search ? { OR: [{ searchKey: { contains: search } }, { code: search }] } : {}),
  }
}
