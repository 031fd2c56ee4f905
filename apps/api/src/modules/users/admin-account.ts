// An admin made outside the API, for a production installation's first one: by `pnpm admin:create`, or
// from ADMIN_USERNAME and ADMIN_PASSWORD read once at the first production start. The password comes
// from whoever runs it, never from the repository; a published development password is refused.
import { hashPassword, type PrismaClient } from '@tangtoc/db'
import { developmentPasswords } from '@tangtoc/db/seed'
import {
  checkDisplayName,
  checkPassword,
  checkUsername,
  describeIssue,
  issue,
  normalizeText,
} from '@tangtoc/shared'
import { recordAudit } from '../audit/record.ts'

export interface NewAdmin {
  username: string
  displayName?: string
  password: string
}

/** Creates the admin, or explains in English why not. */
export async function createAdmin(
  prisma: PrismaClient,
  admin: NewAdmin,
): Promise<{ ok: true; id: string } | { ok: false; problems: string[] }> {
  const username = admin.username.trim()
  const displayName = normalizeText(admin.displayName ?? 'Quản trị viên')
  const issues = [
    ...checkUsername(username),
    ...checkDisplayName(displayName),
    ...checkPassword(admin.password),
    ...(developmentPasswords.includes(admin.password) ? [issue('password', 'PASSWORD_PUBLISHED')] : []),
  ]
  if (issues.length > 0) {
    return { ok: false, problems: issues.map((each) => `${each.path}: ${describeIssue(each, 'en')}`) }
  }
  if (await prisma.user.findUnique({ where: { username }, select: { id: true } })) {
    return { ok: false, problems: [`username: “${username}” is taken.`] }
  }
  const passwordHash = await hashPassword(admin.password)
  const id = await prisma.$transaction(async (tx) => {
    const created = await tx.user.create({ data: { username, displayName, role: 'ADMIN', passwordHash } })
    await recordAudit(
      tx,
      { viewer: null, requestId: null, clientRequestId: null },
      {
        action: 'user.create',
        entityType: 'User',
        entityId: created.id,
        after: { username, displayName, role: 'ADMIN', centerId: null, active: true, via: 'command line' },
      },
    )
    return created.id
  })
  return { ok: true, id }
}
