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

const provinceFields = ['name', 'fullName', 'nameEn', 'type'] as const
const wardFields = ['name', 'fullName', 'nameEn', 'type', 'searchKey', 'provinceCode'] as const

/**
 * The snapshot's rows (their code and `fields`) not stored yet, and those stored with other values in
 * `fields`, by code.
 */
function againstStored<R extends { code: string }, K extends keyof R>(
  stored: readonly ({ code: string } & Record<K, unknown>)[],
  snapshot: readonly R[],
  fields: readonly K[],
) {
  const byCode = new Map(stored.map((row) => [row.code, row]))
  const rows = snapshot.map(
    (row) =>
      Object.fromEntries(['code', ...fields].map((field) => [field, row[field as K]])) as Pick<R, K | 'code'>,
  )
  return {
    created: rows.filter((row) => !byCode.has(row.code)),
    changed: rows.filter((row) => {
      const was = byCode.get(row.code)
      return was !== undefined && fields.some((field) => was[field] !== row[field])
    }),
  }
}

/**
 * Provinces and wards follow the shipped snapshot (created, or updated when the snapshot changed).
 * Contribution parameters are only ever added: a row an admin corrected is theirs, and a row is
 * recognised by its key, qualifier, jurisdiction and start date.
 */
export async function seedReferenceData(prisma: PrismaClient): Promise<ReferenceDataResult> {
  // A first seed (34 provinces, 168 wards, the parameters and reminder texts, a statement each in
  // places) takes well under a second on a quiet machine and more than Prisma's default 5 s at load 26,
  // where a test's database seeded beside other suites expired.
  return prisma.$transaction(
    async (tx) => {
      const provinceRows = againstStored(await tx.province.findMany(), provinces, provinceFields)
      if (provinceRows.created.length > 0) await tx.province.createMany({ data: provinceRows.created })
      for (const row of provinceRows.changed)
        await tx.province.update({ where: { code: row.code }, data: row })

      const wardRows = againstStored(await tx.ward.findMany(), hoChiMinhCityWards, wardFields)
      if (wardRows.created.length > 0) await tx.ward.createMany({ data: wardRows.created })
      for (const row of wardRows.changed) await tx.ward.update({ where: { code: row.code }, data: row })

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
        provinces: { created: provinceRows.created.length, updated: provinceRows.changed.length },
        wards: { created: wardRows.created.length, updated: wardRows.changed.length },
        contributionParameters: { created: newParameters.length },
        reminderTemplates: { created: newTemplates },
      }
    },
    { timeout: 60_000, maxWait: 30_000 },
  )
}
