// The CSV records PostgreSQL writes for the enrollment list (sheet-sql.ts) against csv.ts's own: the
// same bytes for text that is a formula, a signed number, quoted, spaced at either end in any of
// JavaScript's spaces, on PostgreSQL and on the embedded database alike.

import { Prisma, queryPrepared } from '@tangtoc/db'
import { createCampaign, createCenter, createRolledUpEnrollment, createUser } from '@tangtoc/db/fixtures'
import { normalizePhone, usernamePattern, validateCitizenId } from '@tangtoc/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ApiHarness, createApiHarness, jobDependencies } from '../../../test/harness.ts'
import { jobContext } from '../../context.ts'
import { checkCode } from '../codes.ts'
import { type CsvPage, csvCharacters, csvField, csvPages, csvRow } from './csv.ts'
import { sheets } from './export-sheets.ts'
import { sheetRecordsSql } from './sheet-sql.ts'

let api: ApiHarness
beforeAll(async () => {
  api = await createApiHarness()
})
afterAll(() => api.close())

/** Text each of whose fields csv.ts treats in its own way. */
const awkward = [
  'Nguyễn Văn An',
  '',
  '=SUM(A1:A2)',
  '+84912345678',
  '-12',
  '+1-2',
  '-',
  '@cmd',
  '\tTab đầu',
  '\rCR đầu',
  'dấu "ngoặc"',
  'phẩy, ở giữa',
  'xuống\ndòng',
  'xuống\r\ndòng',
  ' cách đầu',
  'cách cuối ',
  '\u00a0NBSP đầu',
  'NBSP cuối\u00a0',
  'ideographic\u3000',
  'BOM\ufeff',
  'em\u2003space',
  'line sep\u2028',
  "'=đã trơ",
  ' =cách rồi công thức',
  '="a","b"',
  '😀 emoji',
]

async function recordsOf(values: (string | null)[]): Promise<string> {
  const statement = sheetRecordsSql(
    [{ header: 'v', kind: 'text', value: Prisma.sql`t.v` }],
    Prisma.sql`unnest(${values}::text[]) WITH ORDINALITY t(v, position)`,
    Prisma.sql`t.position`,
  )
  const [page] = await queryPrepared<{ records: string | null }>(api.prisma, statement)
  return page?.records ?? ''
}

describe('CSV records written by the database', () => {
  it('write each text field as csv.ts does', async () => {
    const values = [...awkward, null]
    expect(await recordsOf(values)).toBe(values.map((value) => csvRow([value])).join(''))
  })

  it('are the enrollment list’s values written by csv.ts, byte for byte', async () => {
    const center = await createCenter(api.prisma)
    const campaign = await createCampaign(api.prisma, { organizers: [center], centers: [center] })
    const agent = await createUser(api.prisma, { role: 'AGENT', center })
    for (const [index, text] of awkward.entries()) {
      const enrollment = await createRolledUpEnrollment(api.prisma, { campaign, center, registeredBy: agent })
      await api.prisma.person.update({ where: { id: enrollment.personId }, data: { fullName: text || 'X' } })
      await api.prisma.enrollment.update({
        where: { id: enrollment.id },
        // A label with a comma, and a phone as the form keeps it or none.
        data: { address: text, phone: index % 2 ? null : '+84912345678', occupationGroup: 'STUDENT' },
      })
    }
    const admin = await createUser(api.prisma, { role: 'ADMIN', center: null })
    const context = await jobContext(jobDependencies(api.prisma), admin.id, {
      requestId: 'records',
      url: 'http://tangtoc.test/',
    })
    const { sheet, rowCount } = await sheets.enrollments(
      context,
      new URLSearchParams({ campaign: campaign.code }),
    )
    const written = async (pages: AsyncIterable<CsvPage>) => {
      let records = ''
      let rows = 0
      for await (const page of pages) {
        // On PostgreSQL the database's records are its bytes (COPY), decoded here to compare.
        records += typeof page.records === 'string' ? page.records : new TextDecoder().decode(page.records)
        rows += page.rows
      }
      return { records, rows }
    }
    if (!sheet.csvPages) throw new Error('an admin’s CSV is written by the database')
    const byDatabase = await written(sheet.csvPages)
    expect(byDatabase).toEqual(await written(csvPages(sheet.batches)))
    expect(byDatabase.rows).toBe(rowCount)
    expect(byDatabase.records).toContain(`"phẩy, ở giữa"`)
  })
})

describe('a code column (written by the database as it is stored)', () => {
  const careful = [...new Set(csvCharacters.formulaStart + csvCharacters.quoted + csvCharacters.space)]
  /** The code, and the code with each character a CSV rule looks for put before, inside and after it. */
  const spoiled = (code: string) => [
    code,
    ...careful.flatMap((character) => [
      character + code,
      code.slice(0, 2) + character + code.slice(2),
      code + character,
    ]),
  ]
  /** What the validator stores of each text it admits (null: refused) is what csv.ts writes unchanged. */
  function expectWrittenAsIs(code: string, stored: (text: string) => string | null) {
    const admitted = spoiled(code).flatMap((text) => stored(text) ?? [])
    expect(admitted.length).toBeGreaterThan(0)
    for (const value of admitted) expect(csvField(value)).toBe(value)
  }

  it('holds campaign and center codes as checkCode stores them', () => {
    expectWrittenAsIs('HCM-2026_Q1.a', (text) => {
      const issues: unknown[] = []
      const code = checkCode(text, issues as never[])
      return issues.length === 0 ? code : null
    })
  })

  it('holds usernames as their pattern admits them', () => {
    expectWrittenAsIs('dai-ly.01_q', (text) => (usernamePattern.test(text) ? text : null))
  })

  it('holds citizen IDs as validateCitizenId admits them (their digits)', () => {
    expectWrittenAsIs('001090000001', (text) => {
      const checked = validateCitizenId(text)
      return checked.ok ? checked.facts.citizenId : null
    })
  })

  it('holds phones as normalizePhone stores them (E.164: a sign and digits alone)', () => {
    expectWrittenAsIs('0912345678', (text) => {
      const normalized = normalizePhone(text)
      return normalized.ok ? normalized.phone : null
    })
  })
})
