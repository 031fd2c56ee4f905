// Where the embedded database (PGlite) lives and how a URL names it. Plain JavaScript so that the
// schema engine and scripts/prisma.mjs run on bare Node; src/ imports it with its JSDoc types.
//
// URL form, accepted by the Prisma CLI as an ordinary PostgreSQL URL:
//   postgresql://pglite/<database name>?dataDir=<absolute folder>   PGlite persisted in that folder
//   postgresql://pglite/<database name>                              a PGlite in memory
// The host `pglite` is the marker: it never resolves, so a tool that does not know the form fails
// loudly instead of reaching some other server.
import { isAbsolute, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const EMBEDDED_HOST = 'pglite'
const DATABASE_NAME = 'tangtoc'

/** The repository's root folder (packages/db/engine/../../..). */
export const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url))

/**
 * The data folder: DATA_DIR when set (relative to the repository root), else `.data/` there.
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {string}
 */
export function dataDirectory(env = process.env) {
  const dataDir = env.DATA_DIR?.trim()
  if (!dataDir) return join(repositoryRoot, '.data')
  return isAbsolute(dataDir) ? dataDir : resolve(repositoryRoot, dataDir)
}

/**
 * The folder PGlite persists the embedded database in.
 * @param {NodeJS.ProcessEnv} [env]
 */
export function embeddedDatabaseFolder(env = process.env) {
  return join(dataDirectory(env), 'pglite')
}

/**
 * The URL of a PGlite database: persisted in `folder`, or in memory when none is given.
 * @param {string} [folder] an absolute path
 * @returns {string}
 */
export function embeddedDatabaseUrl(folder) {
  const base = `postgresql://${EMBEDDED_HOST}/${DATABASE_NAME}`
  if (folder === undefined) return base
  if (!isAbsolute(folder)) throw new Error(`The embedded database folder must be absolute: ${folder}`)
  return `${base}?dataDir=${folder.split('/').map(encodeURIComponent).join('/')}`
}

/**
 * @param {string} url
 * @returns {boolean} whether the URL names an embedded (PGlite) database
 */
export function isEmbeddedDatabaseUrl(url) {
  const parsed = parseUrl(url)
  return parsed !== undefined && parsed.hostname === EMBEDDED_HOST
}

/**
 * The folder an embedded database URL names, or undefined for an in-memory one.
 * @param {string} url
 * @returns {string | undefined}
 */
export function embeddedDatabaseFolderOf(url) {
  const parsed = parseUrl(url)
  if (parsed === undefined || parsed.hostname !== EMBEDDED_HOST) {
    throw new Error('Not an embedded database URL')
  }
  const folder = parsed.searchParams.get('dataDir') ?? undefined
  if (folder !== undefined && !isAbsolute(folder)) {
    throw new Error(`The embedded database URL's dataDir must be an absolute path, got ${folder}`)
  }
  return folder
}

/** @param {string} url */
function parseUrl(url) {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'postgresql:' || parsed.protocol === 'postgres:' ? parsed : undefined
  } catch {
    return undefined
  }
}
