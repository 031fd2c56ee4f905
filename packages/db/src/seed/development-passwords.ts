// The passwords the seeds give, published in the README for development and demos, must not guard a
// production server. Which accounts still have one: the launch accounts, each checked against its own
// published password, and any password hash several accounts share — argon2 salts every hash, so only
// a seed (the demo staff share one hash) writes the same one twice — checked against every published
// password. A few dozen hash checks, not one per account.
import type { PrismaClient } from '../generated/prisma/client.ts'
import { verifyPassword } from '../passwords.ts'
import { demoUserPassword } from './demo.ts'
import { launchUsers } from './launch-users.ts'

export const developmentPasswords: readonly string[] = [
  ...launchUsers.map((user) => user.password),
  demoUserPassword,
]

/** The usernames of active accounts whose password is still a published development one. */
export async function developmentPasswordsInUse(prisma: PrismaClient): Promise<string[]> {
  const launch = await prisma.user.findMany({
    where: { active: true, username: { in: launchUsers.map((user) => user.username) } },
    select: { username: true, passwordHash: true },
  })
  const shared = await prisma.$queryRaw<{ passwordHash: string; usernames: string[] }[]>`
    SELECT "passwordHash", array_agg("username" ORDER BY "username") AS usernames
      FROM "User" WHERE "active" GROUP BY "passwordHash" HAVING count(*) > 1`
  const inUse = new Set<string>()
  for (const user of launch) {
    const published = launchUsers.find((each) => each.username === user.username)?.password
    if (published && (await verifyPassword(user.passwordHash, published))) inUse.add(user.username)
  }
  for (const group of shared) {
    for (const password of developmentPasswords) {
      if (await verifyPassword(group.passwordHash, password)) {
        for (const username of group.usernames) inUse.add(username)
        break
      }
    }
  }
  return [...inUse].sort()
}
