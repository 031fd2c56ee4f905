// Retries that never duplicate: a mutation sent with an `Idempotency-Key` header runs once per user
// and key. The first answer is kept (IdempotencyKey) and replayed when the same request comes again
// (a client that lost the answer to a timeout, a proxy that retried); the same key with a different
// request is a ConflictError, as is one whose first run has not finished. A run that failed
// unexpectedly (a database fault) keeps nothing, so the retry runs it; a claim left without an answer
// for idempotencyClaimAbandonedMs (its instance was killed mid-way) is taken over by the next retry.
import { createHash } from 'node:crypto'
import { Prisma, type PrismaClient } from '@tangtoc/db'
import { type DocumentNode, type ExecutionResult, Kind, type OperationDefinitionNode, print } from 'graphql'
import type { Plugin } from 'graphql-yoga'
import type { Context } from './context.ts'
import { ConflictError, ValidationError } from './errors.ts'

export const idempotencyHeader = 'idempotency-key'

/** Keys are kept this long: a client retries within minutes, and a day covers a night's outage. */
export const idempotencyKeyLifetimeMs = 24 * 60 * 60 * 1000

/**
 * A claim without an answer this old is taken for abandoned (its instance died): longer than any
 * mutation runs, short enough that a client retrying after a crash is not refused for long.
 */
export const idempotencyClaimAbandonedMs = 30_000

const wellFormed = /^[\x21-\x7e]{8,200}$/

/**
 * Mutations that carry credentials: a password in their variables, a bearer secret or a session cookie
 * in their answer. Nothing of them is stored (not even a hash of a password), so a key is ignored.
 */
export const credentialMutations = new Set([
  'logIn',
  'changeMyPassword',
  'resetUserPassword',
  'createUser',
  'createApiToken',
])

function mutationOf(
  document: DocumentNode,
  operationName?: string | null,
): OperationDefinitionNode | undefined {
  return document.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION &&
      definition.operation === 'mutation' &&
      (!operationName || definition.name?.value === operationName),
  )
}

/** The request a key stands for: the operation's text and its variables, keys sorted. */
export function fingerprintOf(operation: OperationDefinitionNode, variables: unknown): string {
  const sorted = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(sorted)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([key, entry]) => [key, sorted(entry)]),
          )
        : value
  return createHash('sha256')
    .update(print(operation))
    .update('\0')
    .update(JSON.stringify(sorted(variables ?? {})))
    .digest('hex')
}

/** The typed error as a result, for a request stopped before it runs. */
function refusal(error: ConflictError | ValidationError): ExecutionResult {
  return { errors: [error] }
}

const reused = () =>
  new ConflictError({
    vi: 'Mã chống gửi trùng (Idempotency-Key) này đã được dùng cho một yêu cầu khác.',
    en: 'This Idempotency-Key was already used for a different request.',
  })
const running = () =>
  new ConflictError({
    vi: 'Yêu cầu với mã chống gửi trùng này đang được xử lý; hãy thử lại sau giây lát.',
    en: 'A request with this Idempotency-Key is still running; try again in a moment.',
  })
const malformed = () =>
  new ValidationError([
    {
      path: ['Idempotency-Key'],
      code: 'IDEMPOTENCY_KEY_INVALID',
      message: {
        vi: 'Mã chống gửi trùng (Idempotency-Key) phải có từ 8 đến 200 ký tự in được, không có dấu cách.',
        en: 'An Idempotency-Key has 8 to 200 printable characters without spaces.',
      },
    },
  ])

/** Whether an answer may be replayed: one with an unexpected error is not kept, so a retry runs again. */
function keepable(result: ExecutionResult): boolean {
  return !(result.errors ?? []).some((error) => {
    const code = (error.extensions as { code?: unknown } | undefined)?.code
    return code === undefined || code === 'INTERNAL_SERVER_ERROR'
  })
}

/** The mutation a request names, when it carries an Idempotency-Key from a signed-in user and no credentials. */
function keyedMutation(
  args: { document: unknown; operationName?: string | null | undefined },
  context: Context,
) {
  const key = context.request.headers.get(idempotencyHeader)
  if (key === null || !context.viewer) return null
  const operation = mutationOf(args.document as DocumentNode, args.operationName)
  if (!operation) return null
  const carriesCredentials = operation.selectionSet.selections.some(
    (selection) => selection.kind === Kind.FIELD && credentialMutations.has(selection.name.value),
  )
  return carriesCredentials ? null : { key, operation, userId: context.viewer.userId }
}

/** Deletes the expired keys, at most once every ten minutes. */
function expiredKeysSweeper(prisma: PrismaClient) {
  let lastSweep = 0
  return async (now: number) => {
    if (now - lastSweep <= 10 * 60 * 1000) return
    lastSweep = now
    await prisma.idempotencyKey.deleteMany({
      where: { createdAt: { lt: new Date(now - idempotencyKeyLifetimeMs) } },
    })
  }
}

type Claim = { userId: string; key: string; fingerprint: string }

/**
 * Claims the key for this request; null once claimed, else the answer to stop with: the first run's
 * answer, or a conflict (the key reused for another request, or its first run still running).
 */
async function claimKey(prisma: PrismaClient, { userId, key, fingerprint }: Claim, now: number) {
  const claimed = await prisma.idempotencyKey.createMany({
    data: [{ userId, key, fingerprint }],
    skipDuplicates: true,
  })
  if (claimed.count === 1) return null
  const first = await prisma.idempotencyKey.findUnique({ where: { userId_key: { userId, key } } })
  if (first && first.fingerprint !== fingerprint) return refusal(reused())
  if (first?.response) return first.response as ExecutionResult
  if (!first || !(await takeOverAbandoned(prisma, { userId, key }, first, now))) return refusal(running())
  return null
}

/** Claims the key anew if its first run died before answering; false while it may still run. */
async function takeOverAbandoned(
  prisma: PrismaClient,
  { userId, key }: { userId: string; key: string },
  first: { createdAt: Date },
  now: number,
) {
  if (now - first.createdAt.getTime() < idempotencyClaimAbandonedMs) return false
  // Only one of several concurrent retries takes it: the one whose update finds it unchanged.
  const taken = await prisma.idempotencyKey.updateMany({
    where: { userId, key, response: { equals: Prisma.DbNull }, createdAt: first.createdAt },
    data: { createdAt: new Date() },
  })
  return taken.count === 1
}

/** Keeps the answer for the key's replays, or frees the key when the answer may not be replayed. */
async function keepAnswer(
  prisma: PrismaClient,
  { userId, key }: { userId: string; key: string },
  result: ExecutionResult,
) {
  const answer = JSON.parse(JSON.stringify(result)) as ExecutionResult
  if (keepable(answer)) {
    await prisma.idempotencyKey.update({
      where: { userId_key: { userId, key } },
      data: { response: answer as object },
    })
  } else {
    await prisma.idempotencyKey.delete({ where: { userId_key: { userId, key } } })
  }
}

export function useIdempotencyKeys(prisma: PrismaClient): Plugin<Context> {
  const sweepExpiredKeys = expiredKeysSweeper(prisma)
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const keyed = keyedMutation(args, args.contextValue as Context)
      if (!keyed) return
      const { key, operation, userId } = keyed
      if (!wellFormed.test(key)) return setResultAndStopExecution(refusal(malformed()))
      const now = Date.now()
      await sweepExpiredKeys(now)
      const fingerprint = fingerprintOf(operation, args.variableValues)
      const stopWith = await claimKey(prisma, { userId, key, fingerprint }, now)
      if (stopWith) return setResultAndStopExecution(stopWith)
      return {
        async onExecuteDone({ result }) {
          if (Symbol.asyncIterator in result) return
          await keepAnswer(prisma, { userId, key }, result)
        },
      }
    },
  }
}
