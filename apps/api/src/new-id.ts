import { v7 as uuidv7 } from 'uuid'

/** A new row id, time-ordered like the ids Prisma makes for `@default(uuid(7))`. */
export const newId = (): string => uuidv7()
