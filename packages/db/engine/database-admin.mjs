// The engine's `cli` sub-commands: check, create and drop the database a URL names.
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import pg from 'pg'
import { embeddedDatabaseFolderOf, isEmbeddedDatabaseUrl } from './embedded-location.mjs'
import { lockEmbeddedDatabase } from './embedded-lock.mjs'

/** An error the CLI shows with its Prisma code. */
export class KnownEngineError extends Error {
  /**
   * @param {string} errorCode e.g. P1003
   * @param {string} message
   */
  constructor(errorCode, message) {
    super(message)
    this.errorCode = errorCode
  }
}

/**
 * @param {'can-connect-to-database' | 'create-database' | 'drop-database'} command
 * @param {string} url
 * @returns {Promise<string>} what was done, for the log
 */
export async function runDatabaseCommand(command, url) {
  return isEmbeddedDatabaseUrl(url) ? embeddedCommand(command, url) : postgresCommand(command, url)
}

/**
 * @param {string} command
 * @param {string} url
 */
async function embeddedCommand(command, url) {
  const folder = embeddedDatabaseFolderOf(url)
  if (folder === undefined) return 'The in-memory database needs no set-up.'
  switch (command) {
    case 'can-connect-to-database':
      if (!existsSync(folder)) {
        throw new KnownEngineError(
          'P1003',
          `Database \`${folder}\` does not exist on the embedded PGlite server`,
        )
      }
      if (readdirSync(folder).length > 0 && !existsSync(`${folder}/PG_VERSION`)) {
        throw new KnownEngineError('P1010', `The folder ${folder} holds files that are not a PGlite database`)
      }
      return `Found the embedded database in ${folder}.`
    case 'create-database':
      mkdirSync(folder, { recursive: true })
      return `Created the folder for the embedded database: ${folder}.`
    case 'drop-database': {
      const release = await lockEmbeddedDatabase(folder)
      try {
        rmSync(folder, { recursive: true, force: true })
      } finally {
        release()
      }
      return `Dropped the embedded database in ${folder}.`
    }
    default:
      throw new Error(`Unknown command: ${command}`)
  }
}

/**
 * @param {string} command
 * @param {string} url
 */
async function postgresCommand(command, url) {
  const target = new URL(url)
  const database = decodeURIComponent(target.pathname.slice(1)) || decodeURIComponent(target.username)
  const location = `${target.hostname}:${target.port || '5432'}`
  switch (command) {
    case 'can-connect-to-database':
      await withClient(url, database, location, (client) => client.query('SELECT 1'))
      return `Connected to ${database} at ${location}.`
    case 'create-database':
      await withMaintenanceClient(target, location, (client) =>
        client.query(`CREATE DATABASE ${quoteIdentifier(database)}`),
      )
      return `Created database ${database} at ${location}.`
    case 'drop-database':
      await withMaintenanceClient(target, location, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`),
      )
      return `Dropped database ${database} at ${location}.`
    default:
      throw new Error(`Unknown command: ${command}`)
  }
}

/**
 * Runs `action` connected to the server's `postgres` database (`template1` when there is none).
 * @param {URL} target
 * @param {string} location
 * @param {(client: pg.Client) => Promise<unknown>} action
 */
async function withMaintenanceClient(target, location, action) {
  for (const maintenance of ['postgres', 'template1']) {
    const url = new URL(target)
    url.pathname = `/${maintenance}`
    try {
      return await withClient(url.toString(), maintenance, location, action)
    } catch (error) {
      if (!(error instanceof KnownEngineError && error.errorCode === 'P1003')) throw error
    }
  }
  throw new KnownEngineError('P1003', `Found neither database postgres nor template1 at \`${location}\``)
}

/**
 * @param {string} url
 * @param {string} database
 * @param {string} location
 * @param {(client: pg.Client) => Promise<unknown>} action
 */
async function withClient(url, database, location, action) {
  const client = new pg.Client({ connectionString: url })
  try {
    await client.connect()
    return await action(client)
  } catch (error) {
    throw knownPostgresError(error, database, location)
  } finally {
    await client.end().catch(() => {})
  }
}

/**
 * @param {unknown} error
 * @param {string} database
 * @param {string} location
 */
function knownPostgresError(error, database, location) {
  const { code, message } = /** @type {{ code?: string, message?: string }} */ (error)
  switch (code) {
    case '3D000':
      return new KnownEngineError(
        'P1003',
        `Database \`${database}\` does not exist on the database server at \`${location}\``,
      )
    case '42P04':
      return new KnownEngineError(
        'P1009',
        `Database \`${database}\` already exists on the database server at \`${location}\``,
      )
    case '28P01':
    case '28000':
      return new KnownEngineError(
        'P1000',
        `Authentication failed against database server at \`${location}\`: ${message}`,
      )
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'ETIMEDOUT':
      return new KnownEngineError('P1001', `Can't reach database server at \`${location}\``)
    default:
      return error
  }
}

/** @param {string} name */
function quoteIdentifier(name) {
  return `"${name.replaceAll('"', '""')}"`
}
