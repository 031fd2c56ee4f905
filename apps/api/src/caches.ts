// What an instance keeps between requests: who a session or token is (every request asks), the
// contribution parameters (every quote reads them), the campaign and center a registration reads and
// the targets and center tree progress reads. Each module reads its entries through `through`, and each
// mutation that changes what they hold says so with changesCachedData (users, sign-outs, tokens,
// centers, campaigns and their targets, contribution parameters, reminder templates): this instance's caches empty at once
// and, when the operation is done, every instance's (through the event bus, Redis when several run),
// so a sign-out, a deactivated user, a moved center or an edited rate takes effect at once. The busy
// mutations (registrations, payments, follow-ups) leave them alone. A short lifetime bounds the damage
// should an event be lost.
import type { ContributionParameter } from '@tangtoc/db'
import type { Plugin } from 'graphql-yoga'
import type { Context, Viewer } from './context.ts'
import type { Logger } from './logger.ts'
import type { RegistrationHint } from './modules/enrollments/registration-store.ts'
import type { ScopeRows } from './modules/progress/progress.ts'
import type { ApiPubSub } from './pubsub.ts'

/** How long a cached entry lives at most, ms. */
export const cacheLifetimeMs = 5_000

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
  readonly contributionParameters = new Expiring<string, ContributionParameter[]>(2)
  /** Campaign and center as a registration read them, by campaign and center id (checked when used). */
  readonly registrationHints = new Expiring<string, RegistrationHint>(1_000)
  /** The ids of the centers a set of center conditions selects (a viewer's, a list's filter), by the conditions. */
  readonly centerIds = new Expiring<string, string[]>(1_000)
  /** Each worklist's stored reminder template ('' when none is stored), by list. */
  readonly reminderTemplates = new Expiring<string, string>(10)
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
    this.centerIds.clear()
    this.reminderTemplates.clear()
    this.progressScopes.clear()
  }

  /**
   * Reads through `cache`: the kept value, else `load`'s, kept unless the caches were cleared meanwhile.
   * Entries are kept per database client that `load` reads with (`reader`: the primary's, the
   * replica's): a lagging replica's answer never answers a read that must see the primary.
   */
  async through<V>(
    cache: Expiring<string, V>,
    reader: object,
    key: string,
    load: () => Promise<{ value: V; until?: number } | null>,
  ): Promise<V | null> {
    const readerKey = `${readerNumber(reader)} ${key}`
    const kept = cache.get(readerKey)
    if (kept !== undefined) return kept
    const since = this.generation
    const loaded = await load()
    if (!loaded) return null
    if (since === this.generation) cache.set(readerKey, loaded.value, loaded.until)
    return loaded.value
  }
}

const readerNumbers = new WeakMap<object, number>()
let nextReaderNumber = 0

/** A number for each database client, so that cached reads are kept apart by the database read. */
function readerNumber(reader: object): number {
  let number = readerNumbers.get(reader)
  if (number === undefined) {
    number = nextReaderNumber++
    readerNumbers.set(reader, number)
  }
  return number
}

/** The requests whose mutation changes what the caches hold. */
const changingRequests = new WeakSet<object>()

/**
 * Says that the request's mutation changes what the caches hold: this instance's caches empty now (a
 * later read in the same request sees the change) and every instance's once the operation is done.
 */
export function changesCachedData(context: Pick<Context, 'caches'>): void {
  changingRequests.add(context)
  context.caches.clear()
}

/**
 * Empties every instance's caches after a mutation that changed what they hold (changesCachedData);
 * listens for the same from the other instances.
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
      return {
        onExecuteDone() {
          if (!changingRequests.has(args.contextValue)) return
          // Again once committed: a read that began meanwhile may have kept what the change replaced.
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
