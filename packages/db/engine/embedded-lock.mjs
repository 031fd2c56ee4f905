// PGlite keeps its database in a folder with no lock of its own: two processes opening the same
// folder corrupt it. A lock file beside the folder (`<folder>.lock`, holding the owner's pid) makes
// the second one wait, then fail with a message that names the owner.
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

export class EmbeddedDatabaseBusyError extends Error {
  /**
   * @param {string} folder
   * @param {{ pid: number, command?: string }} owner
   */
  constructor(folder, owner) {
    super(
      `The embedded database in ${folder} is in use by process ${owner.pid}` +
        `${owner.command ? ` (${owner.command})` : ''}. Stop that process first, or set DATABASE_URL. ` +
        `(Lock file: ${folder}.lock)`,
    )
    this.name = 'EmbeddedDatabaseBusyError'
    this.owner = owner
  }
}

/** @type {Set<string>} */
const heldLocks = new Set()
let exitHookInstalled = false

/**
 * Takes the folder's lock, waiting up to `waitMs` for another process to let it go.
 * @param {string} folder
 * @param {{ waitMs?: number }} [options]
 * @returns {Promise<() => void>} releases the lock
 */
export async function lockEmbeddedDatabase(folder, { waitMs = 15_000 } = {}) {
  const lockFile = `${folder}.lock`
  mkdirSync(dirname(lockFile), { recursive: true })
  const deadline = Date.now() + waitMs
  for (;;) {
    const owner = tryCreate(lockFile)
    if (owner === undefined) break
    if (!isAlive(owner.pid)) {
      removeIfOwnedBy(lockFile, owner.pid)
      continue
    }
    if (Date.now() >= deadline) throw new EmbeddedDatabaseBusyError(folder, owner)
    await sleep(100)
  }
  heldLocks.add(lockFile)
  installExitHook()
  return () => {
    if (!heldLocks.delete(lockFile)) return
    removeIfOwnedBy(lockFile, process.pid)
  }
}

/**
 * @param {string} lockFile
 * @returns {{ pid: number, command?: string } | undefined} the current owner when the lock is taken
 */
function tryCreate(lockFile) {
  try {
    const fd = openSync(lockFile, 'wx')
    writeFileSync(fd, JSON.stringify({ pid: process.pid, command: process.argv.slice(1).join(' ') }))
    closeSync(fd)
    return undefined
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error
    return readOwner(lockFile) ?? { pid: 0 }
  }
}

/** @param {string} lockFile */
function readOwner(lockFile) {
  try {
    const owner = JSON.parse(readFileSync(lockFile, 'utf8'))
    return typeof owner?.pid === 'number' ? owner : undefined
  } catch {
    // Being written this very moment, or gone: look again on the next turn.
    return undefined
  }
}

/** @param {number} pid */
function isAlive(pid) {
  if (pid === 0) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM'
  }
}

/**
 * @param {string} lockFile
 * @param {number} pid
 */
function removeIfOwnedBy(lockFile, pid) {
  const owner = readOwner(lockFile)
  if (owner !== undefined && owner.pid !== pid) return
  try {
    unlinkSync(lockFile)
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'ENOENT') throw error
  }
}

function installExitHook() {
  if (exitHookInstalled) return
  exitHookInstalled = true
  process.once('exit', () => {
    for (const lockFile of heldLocks) removeIfOwnedBy(lockFile, process.pid)
  })
}
