import { type Issue, issue, isWardCode } from '@tangtoc/shared'
import type { Context } from '../../context.ts'

/** An issue at `wardCode` when a ward code is given that is not an official one. */
export async function checkWard(context: Context, wardCode: string | null | undefined, issues: Issue[]) {
  if (!wardCode) return
  const ward = isWardCode(wardCode)
    ? await context.prisma.ward.findUnique({ where: { code: wardCode }, select: { code: true } })
    : null
  if (!ward) issues.push(issue('wardCode', 'WARD_UNKNOWN', { wardCode }))
}
