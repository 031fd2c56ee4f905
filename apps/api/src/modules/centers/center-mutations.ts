// Changing the tree: admins only. A move rewrites the materialized path of the center and of every
// center below it in the same transaction, so subtree filters never see a half-moved branch.
import type { Center, CenterKind, Organization, Prisma } from '@tangtoc/db'
import {
  checkFreeText,
  foldSearchKey,
  type Issue,
  issue,
  normalizeOptionalText,
  normalizeText,
} from '@tangtoc/shared'
import { builder } from '../../builder.ts'
import { changesCachedData } from '../../caches.ts'
import { ConflictError, mutationErrorTypes, NotFoundError, validationErrorFrom } from '../../errors.ts'
import { idOf, optionalIdOf } from '../../global-id.ts'
import { recordAudit } from '../audit/record.ts'
import { checkCode } from '../codes.ts'
import { CenterKindEnum, OrganizationEnum } from '../enums.ts'
import { claimVersion, versionField } from '../versions.ts'
import { checkWard } from '../wards/ward-code.ts'
import { CenterNode } from './center.ts'

const adminWrite = { $all: { admin: true, write: true } } as const

const CenterPayload = (name: string, description: string) =>
  builder.objectRef<Center>(name).implement({
    description,
    fields: (t) => ({
      center: t.field({
        type: CenterNode,
        description: 'The center as it now is.',
        resolve: (center) => center,
      }),
    }),
  })

const CreateCenterPayload = CenterPayload('CreateCenterPayload', 'The center created.')
const UpdateCenterPayload = CenterPayload('UpdateCenterPayload', 'The center changed.')

const CreateCenterInput = builder.inputType('CreateCenterInput', {
  description: 'A new center of the tree.',
  fields: (t) => ({
    code: t.string({
      required: true,
      description: 'A short code unique among centers: letters, digits, ".", "_" or "-", at most 40.',
    }),
    name: t.string({ required: true, description: 'The name people use, in Vietnamese.' }),
    kind: t.field({ type: CenterKindEnum, required: true, description: 'What kind of center this is.' }),
    organization: t.field({
      type: OrganizationEnum,
      required: true,
      description: 'The organisation it belongs to.',
    }),
    parent: t.id({ description: 'The center above it; none for a new root.' }),
    address: t.string({ description: 'The street address.' }),
    wardCode: t.string({ description: 'The official 5-digit code of the ward it is in.' }),
  }),
})

const UpdateCenterInput = builder.inputType('UpdateCenterInput', {
  description: 'Changes to a center; fields left out stay as they are.',
  fields: (t) => ({
    center: t.id({ required: true, description: 'The center to change.' }),
    version: versionField(t),
    code: t.string({ description: 'A new code, unique among centers.' }),
    name: t.string({ description: 'A new name.' }),
    kind: t.field({ type: CenterKindEnum, description: 'A new kind.' }),
    organization: t.field({ type: OrganizationEnum, description: 'A new organisation.' }),
    parent: t.id({
      description:
        'Moves the center, with everything below it, under this center; null makes it a root. A center cannot move below itself.',
    }),
    address: t.string({ description: 'A new street address; null clears it.' }),
    wardCode: t.string({ description: 'A new ward code; null clears it.' }),
  }),
})

builder.mutationField('createCenter', (t) =>
  t.field({
    type: CreateCenterPayload,
    description: 'Adds a center to the tree (admins).',
    errors: { types: mutationErrorTypes },
    authScopes: adminWrite,
    args: { input: t.arg({ type: CreateCenterInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      changesCachedData(context)
      const issues: Issue[] = []
      const code = checkCode(input.code, issues)
      const name = checkName(input.name, issues)
      const address = normalizeOptionalText(input.address)
      issues.push(...checkFreeText(input.address, 'address'))
      await checkWard(context, input.wardCode, issues)
      const parentId = optionalIdOf(input.parent, 'Center', 'input.parent')
      const parent = parentId ? await context.prisma.center.findUnique({ where: { id: parentId } }) : null
      if (input.parent && !parent) issues.push(unknownParent())
      if (issues.length > 0) throw validationErrorFrom(issues)

      return context.prisma.$transaction(async (tx) => {
        await assertCodeFree(tx, code)
        const id = crypto.randomUUID()
        const center = await tx.center.create({
          data: {
            id,
            code,
            name,
            searchKey: foldSearchKey(name),
            kind: input.kind,
            organization: input.organization,
            parentId: parent?.id ?? null,
            path: `${parent?.path ?? '/'}${id}/`,
            address,
            wardCode: input.wardCode ?? null,
          },
        })
        await recordAudit(tx, context, {
          action: 'center.create',
          entityType: 'Center',
          entityId: id,
          after: center,
        })
        return center
      })
    },
  }),
)

// long: the mutation read top to bottom: the fields checked, then in one transaction the version, the move of the subtree and the audit
builder.mutationField('updateCenter', (t) =>
  t.field({
    type: UpdateCenterPayload,
    description:
      'Changes a center (admins). Moving it to a new parent moves its whole subtree in one transaction; a move below itself is refused; a stale `version` is refused.',
    errors: { types: mutationErrorTypes },
    authScopes: adminWrite,
    args: { input: t.arg({ type: UpdateCenterInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      changesCachedData(context)
      const issues: Issue[] = []
      const data: Prisma.CenterUncheckedUpdateInput = {}
      if (input.code != null) data.code = checkCode(input.code, issues)
      if (input.name != null) {
        data.name = checkName(input.name, issues)
        data.searchKey = foldSearchKey(data.name)
      }
      if (input.kind != null) data.kind = input.kind as CenterKind
      if (input.organization != null) data.organization = input.organization as Organization
      if (input.address !== undefined) {
        issues.push(...checkFreeText(input.address, 'address'))
        data.address = normalizeOptionalText(input.address)
      }
      if (input.wardCode !== undefined) {
        await checkWard(context, input.wardCode, issues)
        data.wardCode = input.wardCode ?? null
      }
      if (issues.length > 0) throw validationErrorFrom(issues)

      return context.prisma.$transaction(async (tx) => {
        // One tree change at a time: two concurrent moves could otherwise close a cycle between them.
        if (input.parent !== undefined) await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(7242001)')
        const before = await tx.center.findUnique({
          where: { id: idOf(input.center, 'Center', 'input.center') },
        })
        if (!before) throw new NotFoundError('Center', input.center)
        await claimVersion(tx, 'Center', before, input.version)
        if (typeof data.code === 'string' && data.code !== before.code) await assertCodeFree(tx, data.code)

        let moved = 0
        const parentId = optionalIdOf(input.parent, 'Center', 'input.parent')
        if (input.parent !== undefined && (input.parent === null || parentId !== before.parentId)) {
          const parent = parentId ? await tx.center.findUnique({ where: { id: parentId } }) : null
          if (input.parent && !parent) throw validationErrorFrom([unknownParent()])
          if (parent?.path.startsWith(before.path)) {
            throw validationErrorFrom([issue('parent', 'CENTER_MOVE_CYCLE')])
          }
          const newPath = `${parent?.path ?? '/'}${before.id}/`
          data.parentId = parent?.id ?? null
          moved = await tx.$executeRaw`
            UPDATE "Center" SET "path" = ${newPath} || substr("path", ${before.path.length + 1})
            WHERE left("path", ${before.path.length}) = ${before.path}`
        }
        const center = await tx.center.update({ where: { id: before.id }, data })
        await recordAudit(tx, context, {
          action: 'center.update',
          entityType: 'Center',
          entityId: center.id,
          before,
          after: moved > 1 ? { ...center, descendantsMoved: moved - 1 } : center,
        })
        return center
      })
    },
  }),
)

function checkName(value: string, issues: Issue[]): string {
  const name = normalizeText(value)
  if (name.length === 0 || name.length > 200) issues.push(issue('name', 'NAME_REQUIRED'))
  issues.push(...checkFreeText(value, 'name'))
  return name
}

function unknownParent(): Issue {
  return issue('parent', 'CENTER_UNKNOWN', {}, 'parent')
}

async function assertCodeFree(tx: Prisma.TransactionClient, code: string) {
  const existing = await tx.center.findUnique({ where: { code }, select: { id: true } })
  if (existing) {
    throw new ConflictError(
      { vi: `Mã đơn vị “${code}” đã được dùng.`, en: `The center code “${code}” is taken.` },
      { typename: 'Center', id: existing.id },
    )
  }
}
