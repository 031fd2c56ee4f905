// What an instance keeps between requests: who a session or token is (every request asks) and the
// contribution parameters (every quote reads them). Both change only through mutations, rarely; any
// mutation that is not one of the busy enrollment and outreach ones empties both caches on every
// instance (through the event bus, Redis when several run), so a sign-out, a deactivated user, a
// moved center or an edited rate takes effect at once. A short lifetime bounds the damage should an
// event be lost.
import type { ContributionParameter } from '@tangtoc/db'
import { type DocumentNode, Kind, type OperationDefinitionNode } from 'graphql'
import type { Plugin } from 'graphql-yoga'
import type { Context, Viewer } from './context.ts'
import type { Logger } from './logger.ts'
import type { RegistrationHint } from './modules/enrollments/registration-store.ts'
import type { ScopeRows } from './modules/reports/progress.ts'
import type { ApiPubSub } from './pubsub.ts'

/** How long a cached entry lives at most, ms. */
export const cacheLifetimeMs = 5_000

/** Mutations that change neither users, sessions, tokens, centers nor parameters: they keep the caches. */
const keepingMutations = new Set([
  'registerEnrollment',
  'updateEnrollment',
  'submitEnrollment',
  'confirmEnrollmentPayment',
  'activateEnrollment',
  'rejectEnrollment',
  'cancelEnrollment',
  'createOutreachSession',
  'updateOutreachSession',
  'completeOutreachSession',
  'cancelOutreachSession',
  'logIn',
  'createApiToken',
])

export class Expiring<K, V> {
  private readonly entries = new Map<K, { value: V; until: number }>()
  constructor(private readonly maxEntries: number) {}

  get(key: K): V | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    if (entry.until <= Date.now()) {
      this.entries.delete(key)
      return undefined
    }
    return entry.value
  }

  set(key: K, value: V, until = Date.now() + cacheLifetimeMs): void {
    // The oldest entry goes first when full (a Map keeps insertion order).
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as K)
    this.entries.set(key, { value, until: Math.min(until, Date.now() + cacheLifetimeMs) })
  }

  clear(): void {
    this.entries.clear()
  }
}

export class InstanceCaches {
  /** Viewers by the hash of their session secret or API token. */
  readonly viewers = new Expiring<string, Viewer>(10_000)
  readonly contributionParameters = new Expiring<'all', ContributionParameter[]>(1)
  /** Campaign and center as a registration read them, by campaign and center id (checked when used). */
  readonly registrationHints = new Expiring<string, RegistrationHint>(1_000)
  /** A campaign's targets and the center tree as progress read them, by campaign id (checked when used). */
  readonly progressScopes = new Expiring<string, ScopeRows>(100)
  /**
   * Counts the clearings: a value read from the database is kept only if no clearing happened since
   * the read began, so a read that raced a change never refills a cache with what it replaced.
   */
  generation = 0

  clear(): void {
    this.generation++
    this.viewers.clear()
    this.contributionParameters.clear()
    this.registrationHints.clear()
    this.progressScopes.clear()
  }

  /** Reads through `cache`: the kept value, else `load`'s, kept unless the caches were cleared meanwhile. */
  async through<K, V>(
    cache: Expiring<K, V>,
    key: K,
    load: () => Promise<{ value: V; until?: number } | null>,
  ): Promise<V | null> {
    const kept = cache.get(key)
    if (kept !== undefined) return kept
    const since = this.generation
    const loaded = await load()
    if (!loaded) return null
    if (since === this.generation) cache.set(key, loaded.value, loaded.until)
    return loaded.value
  }
}

/**
 * Empties every instance's caches after a mutation that may have changed what they hold; listens for
 * the same from the other instances.
 */
export function useInstanceCaches(
  caches: InstanceCaches,
  pubsub: ApiPubSub,
  logger: Logger,
): Plugin<Context> {
  let disposed = false
  void (async () => {
    try {
      for await (const _ of pubsub.subscribe('tangtoc:cachesStale')) caches.clear()
    } catch (error) {
      // The bus went away (Redis lost): entries still expire after cacheLifetimeMs.
      if (!disposed) logger.error({ err: error }, 'the event bus ended: caches now only expire')
    }
  })()
  return {
    onExecute({ args }) {
      const operation = (args.document as DocumentNode).definitions.find(
        (definition): definition is OperationDefinitionNode =>
          definition.kind === Kind.OPERATION_DEFINITION &&
          (!args.operationName || definition.name?.value === args.operationName),
      )
      if (operation?.operation !== 'mutation') return
      const keeps = operation.selectionSet.selections.every(
        (selection) =>
          selection.kind === Kind.FIELD &&
          (keepingMutations.has(selection.name.value) || selection.name.value === '__typename'),
      )
      if (keeps) return
      return {
        onExecuteDone() {
          caches.clear()
          pubsub.publish('tangtoc:cachesStale')
        },
      }
    },
    onDispose() {
      // The event bus closes next and ends the subscription with it.
      disposed = true
    },
  }
}
