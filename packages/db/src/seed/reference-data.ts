// Reference data that every database needs: provinces, Ho Chi Minh City's wards, the contribution
// parameters and the worklists' reminder texts. Runs on every start, so it reads first and writes only what is missing or changed.

import { defaultContributionParameters, defaultReminderTemplates, worklists } from '@tangtoc/shared'
import { hoChiMinhCityWards, provinces } from '@tangtoc/shared/wards'
import type { PrismaClient } from '../generated/prisma/client.ts'
import { dateOnly } from './launch-campaign.ts'

export type ReferenceDataResult = {
  provinces: { created: number; updated: number }
  wards: { created: number; updated: number }
  contributionParameters: { created: number }
  reminderTemplates: { created: number }
}

const sameFields = <T extends object>(a: T, b: T, keys: readonly (keyof T)[]) =>
  keys.every((key) => a[key] === b[key])

/**
 * Provinces and wards follow the shipped snapshot (created, or updated when the snapshot changed).
 * Contribution parameters are only ever added: a row an admin corrected is theirs, and a row is
 * recognised by its key, qualifier, jurisdiction and start date.
 */
export async function seedReferenceData(prisma: PrismaClient): Promise<ReferenceDataResult> {
  // A first seed writes some 3,300 wards: well under a second on a quiet machine, more than Prisma's
  // default 5 s on a loaded one (a test's database seeded beside other suites expired there).
  return prisma.$transaction(
    async (tx) => {
      const provinceFields = ['name', 'fullName', 'nameEn', 'type'] as const
      const storedProvinces = new Map((await tx.province.findMany()).map((row) => [row.code, row]))
      const provinceRows = provinces.map((province) => ({
        code: province.code,
        name: province.name,
        fullName: province.fullName,
        nameEn: province.nameEn,
        type: province.type,
      }))
      const newProvinces = provinceRows.filter((row) => !storedProvinces.has(row.code))
      const changedProvinces = provinceRows.filter((row) => {
        const stored = storedProvinces.get(row.code)
        return stored !== undefined && !sameFields(stored, row, provinceFields)
      })
      if (newProvinces.length > 0) await tx.province.createMany({ data: newProvinces })
      for (const row of changedProvinces) await tx.province.update({ where: { code: row.code }, data: row })

      const wardFields = ['name', 'fullName', 'nameEn', 'type', 'searchKey', 'provinceCode'] as const
      const storedWards = new Map((await tx.ward.findMany()).map((row) => [row.code, row]))
      const wardRows = hoChiMinhCityWards.map((ward) => ({
        code: ward.code,
        name: ward.name,
        fullName: ward.fullName,
        nameEn: ward.nameEn,
        type: ward.type,
        searchKey: ward.searchKey,
        provinceCode: ward.provinceCode,
      }))
      const newWards = wardRows.filter((row) => !storedWards.has(row.code))
      const changedWards = wardRows.filter((row) => {
        const stored = storedWards.get(row.code)
        return stored !== undefined && !sameFields(stored, row, wardFields)
      })
      if (newWards.length > 0) await tx.ward.createMany({ data: newWards })
      for (const row of changedWards) await tx.ward.update({ where: { code: row.code }, data: row })

      const parameterKey = (row: {
        key: string
        qualifier: string
        jurisdiction: string
        effectiveFrom: Date
      }) => `${row.key}|${row.qualifier}|${row.jurisdiction}|${row.effectiveFrom.toISOString().slice(0, 10)}`
      const storedParameters = new Set(
        (
          await tx.contributionParameter.findMany({
            select: { key: true, qualifier: true, jurisdiction: true, effectiveFrom: true },
          })
        ).map(parameterKey),
      )
      const newParameters = defaultContributionParameters
        .map((row) => ({
          key: row.key,
          qualifier: row.qualifier,
          jurisdiction: row.jurisdiction,
          value: row.value,
          effectiveFrom: dateOnly(row.effectiveFrom),
          effectiveTo: row.effectiveTo === null ? null : dateOnly(row.effectiveTo),
          source: row.source,
          confirmed: row.confirmed,
        }))
        .filter((row) => !storedParameters.has(parameterKey(row)))
      if (newParameters.length > 0) await tx.contributionParameter.createMany({ data: newParameters })

      // A worklist without a reminder text gets the default one; a text an admin edited stays theirs.
      const { count: newTemplates } = await tx.reminderTemplate.createMany({
        data: worklists.map((list) => ({ list, text: defaultReminderTemplates[list] })),
        skipDuplicates: true,
      })

      return {
        provinces: { created: newProvinces.length, updated: changedProvinces.length },
        wards: { created: newWards.length, updated: changedWards.length },
        contributionParameters: { created: newParameters.length },
        reminderTemplates: { created: newTemplates },
      }
    },
    { timeout: 60_000, maxWait: 30_000 },
  )
}
