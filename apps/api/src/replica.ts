// Reads that may lag go to a PostgreSQL streaming replica when one is configured
// (DATABASE_REPLICA_URL): the lists, progress and exports, which many people read and which may be a
// moment behind. Everything else reads and writes the primary — a record by id, a form's options,
// every mutation, signing in — and so do the reads of someone who has just written: after a mutation,
// the console session carries a short-lived cookie, and an integrator may send `x-read-primary: 1`.
import type { PrismaClient } from '@tangtoc/db'
import { type DocumentNode, Kind, type OperationDefinitionNode } from 'graphql'
import type { Plugin } from 'graphql-yoga'
import type { Context } from './context.ts'
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

export function useReadReplica(replica: PrismaClient): Plugin<Context> {
  return {
    onExecute({ args }) {
      const context = args.contextValue as Context
      const operation = operationOf(args.document as DocumentNode, args.operationName)
      if (!operation) return
      if (operation.operation === 'mutation') {
        if (!context.viewer || context.viewer.credential !== 'session') return
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
      if (lagging) context.prisma = replica
    },
  }
}
