// One harness for the API's tests: a fresh migrated database, the real Yoga app reached through
// `yoga.fetch` (no port), and sign-in as any user. Each test builds its own data with the fixtures.
import { randomUUID } from 'node:crypto'
import type { Center, PrismaClient, Role, User } from '@tangtoc/db'
import { createCenter, createUser } from '@tangtoc/db/fixtures'
import { seedReferenceData } from '@tangtoc/db/seed'
import { type CreateTestDatabaseOptions, createTestDatabase } from '@tangtoc/db/testing'
import type { ExecutionResult } from 'graphql'
import { createPubSub } from 'graphql-yoga'
import { InstanceCaches } from '../src/caches.ts'
import type { JobDependencies } from '../src/context.ts'
import { createLogger } from '../src/logger.ts'
import { hashSecret, newSecret, sessionCookieName } from '../src/modules/auth/credentials.ts'
import type { ApiEvents } from '../src/pubsub.ts'
import { createYogaApp } from '../src/server.ts'
import { defaultSecuritySettings, type SecuritySettings } from '../src/settings.ts'
import type { OperationData } from './graphql-data.ts'

export type Credentials = { cookie: string } | { token: string } | null

export interface GraphQLResponse<Data = OperationData> extends ExecutionResult<Data> {
  status: number
  headers: Headers
}

/** A GraphQL request through `yoga.fetch`, as the console sends one, with the credentials given. */
async function postGraphQL(
  yoga: ReturnType<typeof createYogaApp>,
  body: unknown,
  credentials: Credentials,
  headers: Record<string, string>,
): Promise<Response> {
  return yoga.fetch('http://tangtoc.test/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      'x-graphql-yoga-csrf': '1',
      ...(credentials && 'cookie' in credentials ? { cookie: credentials.cookie } : {}),
      ...(credentials && 'token' in credentials ? { authorization: `Bearer ${credentials.token}` } : {}),
      ...headers,
    },
    body: JSON.stringify(body),
  })
}

/** A console session for the user, as `logIn` would create it (without the cost of argon2). */
async function sessionFor(prisma: PrismaClient, user: Pick<User, 'id'>): Promise<{ cookie: string }> {
  const secret = newSecret('tts')
  await prisma.loginSession.create({
    data: { tokenHash: hashSecret(secret), userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) },
  })
  return { cookie: `${sessionCookieName}=${secret}` }
}

/** What a job runs with (an import's commit, a queued export), over this client, logging nothing. */
export function jobDependencies(prisma: PrismaClient): JobDependencies {
  return {
    prisma,
    pubsub: createPubSub<ApiEvents>(),
    caches: new InstanceCaches(),
    settings: defaultSecuritySettings,
    logger: createLogger({ level: 'silent' }),
  }
}

export type ApiHarness = Awaited<ReturnType<typeof createApiHarness>>

export async function createApiHarness(options: CreateTestDatabaseOptions = {}) {
  const database = await createTestDatabase(options)
  const prisma: PrismaClient = database.prisma
  await seedReferenceData(prisma)
  const yoga = createYogaApp({ prisma })

  const fetchGraphQL = (body: unknown, credentials: Credentials, headers: Record<string, string> = {}) =>
    postGraphQL(yoga, body, credentials, headers)
  const signIn = (user: Pick<User, 'id'>) => sessionFor(prisma, user)

  return {
    prisma,
    kind: database.kind,
    /** The test database's URL on PostgreSQL; none on PGlite. */
    url: database.url,
    yoga,
    fetchGraphQL,
    signIn,
    /** Runs an operation as the given credentials (null: anonymous). */
    async graphql<Data = OperationData>(
      query: string,
      variables: Record<string, unknown> = {},
      credentials: Credentials = null,
    ): Promise<GraphQLResponse<Data>> {
      const response = await fetchGraphQL({ query, variables }, credentials)
      return {
        ...((await response.json()) as ExecutionResult<Data>),
        status: response.status,
        headers: response.headers,
      }
    },
    /** A signed-in user of the role, at a center (a new one unless given). */
    async userWithRole(role: Role, center?: Center | null) {
      const at = center === undefined ? await createCenter(prisma) : center
      const user = await createUser(prisma, { role, center: at })
      return { user, center: at, credentials: await signIn(user) }
    },
    /** The same API over the same database with other settings (production, a trusted proxy, CORS…). */
    yogaWith: (
      settings: Partial<SecuritySettings>,
      options: { jobsDatabaseUrl?: string | undefined; exportJobRows?: number } = {},
    ) => createYogaApp({ prisma, ...settings, ...options }),
    uniqueName: (prefix: string) => `${prefix} ${randomUUID().slice(0, 8)}`,
    close: () => database.close(),
  }
}
