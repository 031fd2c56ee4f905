// The API's log, caught as parsed JSON lines for a test to read.
import { createLogger, type Logger } from '../src/logger.ts'

export interface CaughtLog {
  logger: Logger
  lines: Record<string, any>[]
}

export function catchLog(level = 'info'): CaughtLog {
  const lines: Record<string, any>[] = []
  const logger = createLogger({
    level,
    destination: { write: (line: string) => lines.push(JSON.parse(line)) },
  })
  return { logger, lines }
}
