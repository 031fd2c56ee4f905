// NODE_ENV=production serves only when it is safe to: an active admin exists (the first one made by
// `pnpm admin:create`, or from ADMIN_USERNAME and ADMIN_PASSWORD read once at start) and no account
// still has a password published in the README for development.
import type { PrismaClient } from '@tangtoc/db'
import { developmentPasswordsInUse } from '@tangtoc/db/seed'
import { createAdmin, type NewAdmin } from './modules/users/admin-account.ts'

/**
 * The first admin from the environment, read once: the variables are removed from this process's
 * environment, so no worker or child process inherits the password.
 */
export function takeAdminFromEnvironment(env: NodeJS.ProcessEnv): NewAdmin | null {
  const { ADMIN_USERNAME: username, ADMIN_PASSWORD: password, ADMIN_DISPLAY_NAME: displayName } = env
  delete env.ADMIN_USERNAME
  delete env.ADMIN_PASSWORD
  delete env.ADMIN_DISPLAY_NAME
  return username && password ? { username, password, ...(displayName ? { displayName } : {}) } : null
}

/**
 * What forbids a production start, in English for the operator (none: start). Creates the admin
 * given when none exists yet; once one does, the one given is ignored.
 */
export async function productionProblems(prisma: PrismaClient, admin: NewAdmin | null): Promise<string[]> {
  const problems: string[] = []
  const admins = () => prisma.user.count({ where: { role: 'ADMIN', active: true } })
  if (admin && (await admins()) === 0) {
    const created = await createAdmin(prisma, admin)
    if (!created.ok) problems.push(`ADMIN_USERNAME / ADMIN_PASSWORD: ${created.problems.join(' ')}`)
  }
  if ((await admins()) === 0) {
    problems.push(
      'No admin exists. Create the first one with `pnpm admin:create --username <name>` (it asks for the password), or set ADMIN_USERNAME and ADMIN_PASSWORD for one start.',
    )
  }
  const published = await developmentPasswordsInUse(prisma)
  if (published.length > 0) {
    problems.push(
      `These accounts still have a password published for development: ${published.join(', ')}. Give them new passwords or deactivate them (start once without NODE_ENV=production, with HOST=127.0.0.1 so only this machine reaches it, and use the console's Users page).`,
    )
  }
  return problems
}
