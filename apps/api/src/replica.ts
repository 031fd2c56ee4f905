// Reads that may lag go to a PostgreSQL streaming replica when one is configured
// (DATABASE_REPLICA_URL): the lists, progress and exports, which many people read and which may be a
// moment behind. Everything else reads and writes the primary — a record by id, a form's options,
// every mutation, signing in — and so do the reads of someone who has just written: after a mutation,
// the console session carries a short-lived cookie, and an integrator may send `x-read-primary: 1`.
// While the replica does not answer (stopped, restarting, cut off), its reads go to the primary, the
// read that found it so included.
import type { PrismaClient } from '@tangtoc/db'
import { type DocumentNode, Kind, type OperationDefinitionNode } from 'graphql'
import { isAsyncIterable, type Plugin } from 'graphql-yoga'
import type { Context } from './context.ts'
import { UserError } from './errors.ts'
import type { Logger } from './logger.ts'
import { secretCookie } from './modules/auth/credentials.ts'

/** The queries whose answers may be a moment behind the primary. */
export const replicaFields = new Set([
  'enrollments',
  'people',
  'households',
  'outreachSessions',
  'campaignProgress',
  'auditEvents',
])

/** How often the replica is asked whether it answers. */
export const replicaProbeMs = 1_000
/** How long an answer to the probe may take before the replica counts as not answering. */
export const replicaProbeTimeoutMs = 2_000

/**
 * The replica while it answers: asked every second, and at once after a read on it failed; the reads
 * go to the primary from the first failed answer until the replica answers again.
 */
export class ReplicaRoute {
  private answering = true
  private probing: Promise<boolean> | null = null
  private readonly timer: ReturnType<typeof setInterval>

  constructor(
    readonly replica: PrismaClient,
    private readonly logger?: Logger,
  ) {
    this.timer = setInterval(() => void this.probe(), replicaProbeMs).unref()
  }

  /** The replica to read from, or undefined while it does not answer. */
  available(): PrismaClient | undefined {
    return this.answering ? this.replica : undefined
  }

  /**
   * Whether the replica answers now. One probe at a time: a caller during one waits for its answer.
   * A replica cut off without a refusal (no answer at all) counts as not answering after the timeout,
   * so the probes go on rather than wait on it forever.
   */
  probe(): Promise<boolean> {
    this.probing ??= this.ask().finally(() => {
      this.probing = null
    })
    return this.probing
  }

  private async ask(): Promise<boolean> {
    let timeout: ReturnType<typeof setTimeout> | undefined
    try {
      await Promise.race([
        this.replica.$queryRaw`SELECT 1`,
        new Promise((_, reject) => {
          timeout = setTimeout(
            () => reject(new Error(`no answer within ${replicaProbeTimeoutMs} ms`)),
            replicaProbeTimeoutMs,
          )
        }),
      ])
      if (!this.answering) this.logger?.info('the replica answers again: lagging reads go to it')
      this.answering = true
    } catch (error) {
      if (this.answering)
        this.logger?.warn({ err: error }, 'the replica does not answer: its reads go to the primary')
      this.answering = false
    } finally {
      clearTimeout(timeout)
    }
    return this.answering
  }

  stop() {
    clearInterval(this.timer)
  }
}

export const readPrimaryHeader = 'x-read-primary'
/** Set after a mutation: the session's own reads go to the primary while the replica may lag. */
export const recentWriteCookie = 'tangtoc_wrote'
/** Longer than a replica on the same network lags behind, short enough to spare the primary. */
export const recentWriteSeconds = 10

/** Whether this request's reads must see the latest writes. */
export function readsPrimary(request: Request): boolean {
  if (request.headers.get(readPrimaryHeader) === '1') return true
  const cookies = request.headers.get('cookie') ?? ''
  return cookies.split(';').some((cookie) => cookie.trim().startsWith(`${recentWriteCookie}=`))
}

/**
 * `read` from the replica while it answers and the request may lag; made again on the primary when it
 * fails and the replica, asked at once, no longer answers. A refusal is the answer wherever it came from.
 */
export async function readMayLag<T>(
  route: ReplicaRoute | undefined,
  context: Context,
  read: (context: Context) => Promise<T>,
): Promise<T> {
  const replica = route?.available()
  if (!route || !replica || readsPrimary(context.request)) return read(context)
  try {
    return await read({ ...context, prisma: replica })
  } catch (error) {
    if (error instanceof UserError || (await route.probe())) throw error
    return read(context)
  }
}

function operationOf(document: DocumentNode, operationName?: string | null) {
  return document.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION &&
      (!operationName || definition.name?.value === operationName),
  )
}

export function useReadReplica(route: ReplicaRoute): Plugin<Context> {
  return {
    onDispose: () => route.stop(),
    onExecute({ args, executeFn, setExecuteFn }) {
      const context = args.contextValue as Context
      const operation = operationOf(args.document as DocumentNode, args.operationName)
      if (!operation) return
      if (operation.operation === 'mutation') {
        if (context.viewer?.credential !== 'session') return
        return {
          onExecuteDone() {
            void context.request.cookieStore?.set(
              secretCookie(context, {
                name: recentWriteCookie,
                value: '1',
                expires: new Date(Date.now() + recentWriteSeconds * 1000),
              }),
            )
          },
        }
      }
      if (operation.operation !== 'query' || readsPrimary(context.request)) return
      const lagging = operation.selectionSet.selections.every(
        (selection) =>
          selection.kind === Kind.FIELD &&
          (replicaFields.has(selection.name.value) || selection.name.value === '__typename'),
      )
      const replica = route.available()
      if (!lagging || !replica) return
      const primary = context.prisma
      context.prisma = replica
      // A read that met an unexpected error may have met the replica going away: asked at once, and
      // if it no longer answers, the read is made again on the primary (a query writes nothing), so
      // whoever reads gets their answer rather than an error.
      setExecuteFn(async (executeArgs) => {
        const result = await executeFn(executeArgs)
        if (isAsyncIterable(result) || !result.errors?.length || (await route.probe())) return result
        return executeFn({ ...executeArgs, contextValue: { ...context, prisma: primary } })
      })
    },
  }
}
