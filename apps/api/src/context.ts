import type { PrismaClient } from '@tangtoc/db'

/** Who is asking: a signed-in user (console cookie or API token). */
export interface Viewer {
  userId: string
}

export interface Context {
  prisma: PrismaClient
  viewer: Viewer | null
  requestId: string
}
