// The first accounts. Their passwords are for development and demos only and are published in the
// README; a real deployment changes them on first login.
//
//   username  password          role            center
//   admin     tangtoc-admin     ADMIN           Bưu điện Thành phố Hồ Chí Minh
//   manager   tangtoc-manager   CENTER_MANAGER  Bưu điện Trung tâm Sài Gòn
//   agent     tangtoc-agent     AGENT           Bưu điện Trung tâm Sài Gòn
//   viewer    tangtoc-viewer    VIEWER          Bưu điện Trung tâm Sài Gòn

import type { Role } from '../generated/prisma/enums.ts'
import { hashPassword } from '../passwords.ts'
import type { Db } from './launch-campaign.ts'
import { cityPostOfficeCode } from './launch-centers.ts'

export type LaunchUser = {
  readonly username: string
  readonly password: string
  readonly displayName: string
  readonly role: Role
  readonly centerCode: string
}

export const launchUsers: readonly LaunchUser[] = [
  {
    username: 'admin',
    password: 'tangtoc-admin',
    displayName: 'Quản trị viên',
    role: 'ADMIN',
    centerCode: cityPostOfficeCode,
  },
  {
    username: 'manager',
    password: 'tangtoc-manager',
    displayName: 'Nguyễn Thị Lan',
    role: 'CENTER_MANAGER',
    centerCode: 'BDTT-SAI-GON',
  },
  {
    username: 'agent',
    password: 'tangtoc-agent',
    displayName: 'Trần Văn Minh',
    role: 'AGENT',
    centerCode: 'BDTT-SAI-GON',
  },
  {
    username: 'viewer',
    password: 'tangtoc-viewer',
    displayName: 'Lê Thị Hoa',
    role: 'VIEWER',
    centerCode: 'BDTT-SAI-GON',
  },
]

/**
 * Creates the accounts of `launchUsers` that do not exist yet; an existing account (and the password
 * its owner set) is never touched. Returns the usernames created.
 */
export async function seedLaunchUsers(db: Db): Promise<string[]> {
  const existing = new Set(
    (
      await db.user.findMany({
        where: { username: { in: launchUsers.map((u) => u.username) } },
        select: { username: true },
      })
    ).map((u) => u.username),
  )
  const missing = launchUsers.filter((user) => !existing.has(user.username))
  if (missing.length === 0) return []

  const centers = new Map(
    (
      await db.center.findMany({
        where: { code: { in: missing.map((u) => u.centerCode) } },
        select: { id: true, code: true },
      })
    ).map((center) => [center.code, center.id]),
  )
  const rows = await Promise.all(
    missing.map(async (user) => ({
      username: user.username,
      displayName: user.displayName,
      passwordHash: await hashPassword(user.password),
      role: user.role,
      centerId: centers.get(user.centerCode) ?? null,
    })),
  )
  await db.user.createMany({ data: rows, skipDuplicates: true })
  return missing.map((user) => user.username)
}
