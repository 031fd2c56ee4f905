// The API's log, caught as parsed JSON lines for a test to read.
import { createLogger, type Logger } from '../src/logger.ts'

/** A line of the API's JSON log: pino's level and message, the request's facts, an error's. */
export interface LogLine {
  level: string
  msg: string
  requestId?: string
  err?: { message: string; stack: string }
  [field: string]: unknown
}

export interface CaughtLog {
  logger: Logger
  lines: LogLine[]
}

export function catchLog(level = 'info'): CaughtLog {
  const lines: LogLine[] = []
  const logger = createLogger({
    level,
    destination: { write: (line: string) => lines.push(JSON.parse(line)) },
  })
  return { logger, lines }
}
