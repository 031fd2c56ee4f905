// People as the tests give them: valid citizen IDs that agree with the birth date and sex.
import { randomInt } from 'node:crypto'
import { buildCitizenId, personSearchKey, type Sex, searchPrefixes } from '@tangtoc/shared'
import type { AudienceGroup, Person, Prisma, PrismaClient } from './generated/prisma/client.ts'

/** A person with a well-formed citizen ID that agrees with their birth date and sex. */
/**
 * Serials for fixture citizen ids, taken in turn from a random start: with the birth date and sex fixed,
 * random serials drawn independently collided (Person_citizenId_key) once a test had made a few hundred
 * people (a birthday problem over 1,000,000 serials).
 */
let nextSerial = randomInt(0, 999_999)
export const freshSerial = () => {
  nextSerial = (nextSerial + 1) % 1_000_000
  return nextSerial
}

export function personInput(
  options: { fullName?: string; dateOfBirth?: string; sex?: Sex; phone?: string } = {},
) {
  const sex = options.sex ?? 'FEMALE'
  const dateOfBirth = options.dateOfBirth ?? '1985-06-15'
  return {
    fullName: options.fullName ?? 'Nguyễn Thị Lan',
    dateOfBirth,
    sex,
    phone: options.phone ?? '+84912345678',
    citizenId: buildCitizenId({ provinceCode: '079', dateOfBirth, sex, serial: freshSerial() }),
  }
}

/** A person on file from personInput's `options`, with what a registration records of them (`recorded`). */
export async function createPerson(
  prisma: PrismaClient | Prisma.TransactionClient,
  options: Parameters<typeof personInput>[0] = {},
  recorded: { occupationGroup?: AudienceGroup | null; recordingCenterId?: string } = {},
): Promise<Person> {
  const input = personInput(options)
  return prisma.person.create({
    data: {
      ...input,
      dateOfBirth: new Date(`${input.dateOfBirth}T00:00:00Z`),
      searchKey: personSearchKey(input),
      searchPrefixes: searchPrefixes(input.fullName),
      ...recorded,
    },
  })
}
