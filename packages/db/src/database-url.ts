// Which database a process uses: the explicit URL, else DATABASE_URL, else the embedded one.
import {
  embeddedDatabaseFolder,
  embeddedDatabaseFolderOf,
  embeddedDatabaseUrl,
  isEmbeddedDatabaseUrl,
} from '../engine/embedded-location.mjs'

export type DatabaseDescription =
  | { kind: 'pglite'; url: string; folder: string | undefined; label: string }
  | { kind: 'postgresql'; url: string; host: string; database: string; label: string }

/** The URL to use: `url`, else DATABASE_URL, else the embedded database in DATA_DIR. */
export function resolveDatabaseUrl(url?: string, env: NodeJS.ProcessEnv = process.env): string {
  return url || env.DATABASE_URL || embeddedDatabaseUrl(embeddedDatabaseFolder(env))
}

/** Which database a URL (by default this process's) names, with a label for logs and no password. */
export function describeDatabase(url?: string): DatabaseDescription {
  const resolved = resolveDatabaseUrl(url)
  if (isEmbeddedDatabaseUrl(resolved)) {
    const folder = embeddedDatabaseFolderOf(resolved)
    return {
      kind: 'pglite',
      url: resolved,
      folder,
      label: folder ? `embedded PGlite in ${folder}` : 'embedded PGlite in memory',
    }
  }
  const parsed = new URL(resolved)
  const host = `${parsed.hostname}:${parsed.port || '5432'}`
  const database = decodeURIComponent(parsed.pathname.slice(1)) || decodeURIComponent(parsed.username)
  if (parsed.password) parsed.password = '***'
  return {
    kind: 'postgresql',
    url: parsed.toString(),
    host,
    database,
    label: `PostgreSQL ${database} at ${host}`,
  }
}

export { embeddedDatabaseFolder, embeddedDatabaseUrl, isEmbeddedDatabaseUrl }
