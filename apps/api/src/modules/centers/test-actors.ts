// Test support for the role tables: every kind of caller the API must answer, at a place in the tree.
import { randomUUID } from 'node:crypto'
import type { Center } from '@tangtoc/db'
import { createCenter, createUser } from '@tangtoc/db/fixtures'
import type { ApiHarness, Credentials } from '../../../test/harness.ts'
import { hashSecret, newSecret } from '../auth/credentials.ts'

export const actors = ['ADMIN', 'CENTER_MANAGER', 'AGENT', 'VIEWER', 'READ_TOKEN', 'ANONYMOUS'] as const
export type Actor = (typeof actors)[number]

/** A small tree: a root with two branches, each with a leaf. */
export async function createTree(api: ApiHarness) {
  const root = await createCenter(api.prisma, { name: api.uniqueName('Bưu điện Thành phố') })
  const branch = await createCenter(api.prisma, { parent: root, name: api.uniqueName('Bưu điện Trung tâm') })
  const leaf = await createCenter(api.prisma, {
    parent: branch,
    kind: 'POST_OFFICE',
    name: api.uniqueName('Bưu cục'),
  })
  const otherBranch = await createCenter(api.prisma, {
    parent: root,
    name: api.uniqueName('Bưu điện Trung tâm'),
  })
  const otherLeaf = await createCenter(api.prisma, { parent: otherBranch, kind: 'POST_OFFICE' })
  return { root, branch, leaf, otherBranch, otherLeaf }
}

/**
 * Credentials for the actor working at `center` (ignored for the admin, the read-only token — an
 * admin's, so that only its scope holds it back — and the anonymous caller).
 */
export async function credentialsFor(api: ApiHarness, actor: Actor, center: Center): Promise<Credentials> {
  switch (actor) {
    case 'ANONYMOUS':
      return null
    case 'READ_TOKEN': {
      const user = await createUser(api.prisma, { role: 'ADMIN' })
      const secret = newSecret('ttk')
      await api.prisma.apiToken.create({
        data: {
          name: `read ${randomUUID()}`,
          prefix: secret.slice(0, 8),
          tokenHash: hashSecret(secret),
          expiresAt: new Date(Date.now() + 3_600_000),
          scope: 'READ',
          userId: user.id,
        },
      })
      return { token: secret }
    }
    case 'ADMIN':
      return (await api.userWithRole('ADMIN', null)).credentials
    default:
      return (await api.userWithRole(actor, center)).credentials
  }
}
