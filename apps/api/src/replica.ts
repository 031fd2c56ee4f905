// Reads that may lag go to a PostgreSQL streaming replica when one is configured
// (DATABASE_REPLICA_URL): the lists, progress and exports, which many people read and which may be a
// moment behind. Everything else reads and writes the primary — a record by id, a form's options,
// every mutation, signing in — and so do the reads of someone who has just written: after a mutation,
// the console session carries a short-lived cookie, and an integrator may send `x-read-primary: 1`.
// While the replica does not answer (stopped, restarting, cut off), its reads go to the primary.
import type { PrismaClient } from '@tangtoc/db'
import { type DocumentNode, Kind, type OperationDefinitionNode } from 'graphql'
import type { Plugin } from 'graphql-yoga'
import type { Context } from './context.ts'
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

/**
 * The replica while it answers: asked every second, and at once after a read on it failed; the reads
 * go to the primary from the first failed answer until the replica answers again.
 */
export class ReplicaRoute {
  private answering = true
  private probing = false
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

  async probe(): Promise<void> {
    if (this.probing) return
    this.probing = true
    try {
      await this.replica.$queryRaw`SELECT 1`
      if (!this.answering) this.logger?.info('the replica answers again: lagging reads go to it')
      this.answering = true
    } catch (error) {
      if (this.answering)
        this.logger?.warn({ err: error }, 'the replica does not answer: its reads go to the primary')
      this.answering = false
    } finally {
      this.probing = false
    }
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
    onExecute({ args }) {
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
      context.prisma = replica
      return {
        onExecuteDone({ result }) {
          // An unexpected error may be the replica going away: ask it now rather than within a second.
          if ('errors' in result && result.errors?.length) void route.probe()
        },
      }
    },
  }
}
