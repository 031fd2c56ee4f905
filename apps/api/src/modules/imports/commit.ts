// Committing an import: the job that registers its rows, a chunk of units (a person alone, or a household
// whole) written all or nothing, through the very registration the form uses (`registerMany`, whose one-unit
// case is the form's), as the user who uploaded it. Each
// row's outcome is written as it is known, so a commit that stops (a crash, a restart) resumes with the
// rows still pending: nothing is registered twice. A person the interrupted run registered and could not
// mark is recognised on resume (the live enrollment it made, by the same user, since the commit began).

import { encodeGlobalID } from '@pothos/plugin-relay'
import type { ImportBatch, PrismaClient } from '@tangtoc/db'
import { type CheckedImportRow, readCitizenId } from '@tangtoc/shared'
import { type Context, type JobDependencies, jobContext } from '../../context.ts'
import { UserError, ValidationError } from '../../errors.ts'
import type { ApiPubSub, ImportProgress } from '../../pubsub.ts'
import { recordAudit } from '../audit/record.ts'
import { type RegistrationOutcome, registerMany } from '../enrollments/register.ts'
import type { RegisterInput } from '../enrollments/registration-input.ts'
import { refusalOnFile } from '../people/identity-mismatches.ts'
import { cellOf, type StoredCell } from './files.ts'
import {
  type BatchDays,
  checkBatchRows,
  columnsOf,
  type ImportIssue,
  type PreviewUnit,
  previewBatch,
  sheetRowOf,
  startOf,
} from './preview.ts'

export type ImportJobDependencies = JobDependencies

/** How many rows are registered in one transaction, between two progress reports. */
export const commitChunkRows = 500

export function publishImportProgress(pubsub: ApiPubSub, progress: ImportProgress) {
  pubsub.publish('tangtoc:importProgress', progress.batchId, progress)
}

/** A refusal as the rows keep it: a validation error's fields by their last name, else its message. */
function issuesOf(error: UserError): ImportIssue[] {
  if (error instanceof ValidationError) {
    return error.fieldErrors.map((problem) => ({
      field: problem.path.at(-1) ?? 'row',
      code: problem.code,
      message: problem.message,
    }))
  }
  return [{ field: 'row', code: error.code, message: { vi: error.messageVi, en: error.message } }]
}

/**
 * Runs (or resumes) the commit of a batch. Returns true when every row is in or refused; false when it
 * stopped, after a chunk, at `until` (ms since the epoch) with rows left, for another run to resume.
 */
export async function commitImportBatch(
  deps: ImportJobDependencies,
  batchId: string,
  until = Number.POSITIVE_INFINITY,
): Promise<boolean> {
  const batch = await deps.prisma.importBatch.findUnique({ where: { id: batchId } })
  if (!batch || batch.status === 'COMMITTED') return true
  const context = await jobContext(deps, batch.uploadedById, {
    requestId: `import-${batch.id}`,
    url: `http://tangtoc.invalid/imports/${batch.id}`,
  })
  await markRegisteredRows(deps.prisma, batch)
  const pendingRows = await deps.prisma.importRow.findMany({
    where: { batchId, status: 'PENDING' },
    select: { line: true },
  })
  const pending = new Set(pendingRows.map((row) => row.line))
  const units = await unitsToRegister(context, batch, pending)
  const days = await startOf(context, batch)
  for (let at = 0; at < units.length; ) {
    // At least one chunk a run, so that a run whose preview took its whole time still moves on.
    if (at > 0 && Date.now() >= until) return false
    const chunk: PreviewUnit[] = []
    for (let rows = 0; at < units.length && rows < commitChunkRows; at++) {
      const unit = units[at] as PreviewUnit
      chunk.push(unit)
      rows += unit.lines.length
    }
    await commitChunk(context, batch, await readUnits(context, batch, chunk, days), pending)
    await reportProgress(deps, batch, 'COMMITTING')
  }
  await finishCommit(deps.prisma, context, batch, await reportProgress(deps, batch, 'COMMITTED'))
  return true
}

/** The batch's rows counted by status, stored on the batch and published to those following it. */
async function reportProgress(
  deps: ImportJobDependencies,
  batch: ImportBatch,
  status: ImportProgress['status'],
) {
  const counts = await deps.prisma.importRow.groupBy({
    by: ['status'],
    where: { batchId: batch.id },
    _count: { _all: true },
  })
  const count = (of: string) => counts.find((each) => each.status === of)?._count._all ?? 0
  const progress = {
    batchId: batch.id,
    status,
    rowCount: batch.rowCount,
    committedCount: count('COMMITTED'),
    refusedCount: count('REFUSED'),
  }
  await deps.prisma.importBatch.update({
    where: { id: batch.id },
    data: { committedCount: progress.committedCount, refusedCount: progress.refusedCount },
  })
  publishImportProgress(deps.pubsub, progress)
  return progress
}

/** The batch marked committed, with the audit of what went in and what was refused. */
async function finishCommit(
  prisma: PrismaClient,
  context: Context,
  batch: ImportBatch,
  done: ImportProgress,
) {
  await prisma.$transaction(async (tx) => {
    await tx.importBatch.update({
      where: { id: batch.id },
      data: { status: 'COMMITTED', committedAt: new Date() },
    })
    await recordAudit(tx, context, {
      action: 'import.commit',
      entityType: 'ImportBatch',
      entityId: batch.id,
      after: {
        fileName: batch.fileName,
        fileHash: batch.fileHash,
        rowCount: batch.rowCount,
        rowsIn: done.committedCount,
        rowsRefused: done.refusedCount,
      },
    })
  })
  return true
}

/**
 * The pending rows whose person an interrupted run of this commit registered before it could mark them:
 * a live enrollment for the batch's campaign and product, by its uploader at its center, since the
 * commit began. They are in.
 */
async function markRegisteredRows(prisma: PrismaClient, batch: ImportBatch) {
  const column = columnsOf(batch).indexOf('citizenId')
  if (!batch.commitStartedAt || column < 0) return
  // A page of pending rows at a time: a 50,000-row batch's cells are not all read at once.
  for (let after = 0; ; ) {
    const pending = await prisma.importRow.findMany({
      where: { batchId: batch.id, status: 'PENDING', line: { gt: after } },
      select: { line: true, cells: true },
      orderBy: { line: 'asc' },
      take: commitChunkRows,
    })
    if (pending.length === 0) return
    after = pending.at(-1)?.line ?? after
    const lineOf = new Map(
      pending.flatMap((row) => {
        const read = readCitizenId(cellOf((row.cells as StoredCell[])[column] ?? null))
        return read.ok && read.value !== '' ? [[read.value, row.line] as const] : []
      }),
    )
    const registered = await prisma.enrollment.findMany({
      where: {
        campaignId: batch.campaignId,
        product: batch.product,
        centerId: batch.centerId,
        registeredById: batch.uploadedById,
        live: true,
        registeredAt: { gte: batch.commitStartedAt },
        person: { citizenId: { in: [...lineOf.keys()] } },
      },
      select: { id: true, person: { select: { citizenId: true } } },
    })
    await markRows(
      prisma,
      batch.id,
      registered.flatMap((enrollment): RowMark[] => {
        const line = lineOf.get(enrollment.person.citizenId)
        return line === undefined ? [] : [{ line, status: 'COMMITTED', enrollmentId: enrollment.id }]
      }),
    )
  }
}

/** A unit the preview lets in, with its rows as the rules read them. */
interface RegistrableUnit {
  key: PreviewUnit['key']
  joins: PreviewUnit['joins']
  members: CheckedImportRow[]
}

/**
 * The units left to register, after the preview: the pending rows it refuses (a problem of the batch, or
 * a unit with a row in error: it goes in whole or not at all) are marked refused with their issues and
 * taken out of `pending`. Only the units' lines are kept of the preview: their rows are read again a
 * chunk at a time (readUnits), so the commit holds one chunk's rows, not the file's.
 */
async function unitsToRegister(
  context: Context,
  batch: ImportBatch,
  pending: Set<number>,
): Promise<PreviewUnit[]> {
  const preview = await previewBatch(context, batch)
  const previewed = new Map(preview.rows.map((row) => [row.line, row.issues]))
  const refused = preview.units.flatMap((unit) => {
    const lines = unit.lines.filter((line) => pending.has(line))
    const blocked =
      preview.problems.length > 0 || unit.lines.some((line) => (previewed.get(line)?.length ?? 0) > 0)
    const issues = (line: number) =>
      preview.problems.length > 0 ? preview.problems : (previewed.get(line) ?? [])
    return blocked ? lines.map((line): RowMark => ({ line, status: 'REFUSED', issues: issues(line) })) : []
  })
  await markRows(context.prisma, batch.id, refused)
  for (const { line } of refused) pending.delete(line)
  return preview.units.filter((unit) => unit.lines.some((line) => pending.has(line)))
}

/**
 * A chunk's units with their rows read from the batch again, as the rules read them. The preview has
 * decided they go in; the rows are only read here (a person's fields, a household's head), the same way.
 */
async function readUnits(
  context: Context,
  batch: ImportBatch,
  units: readonly PreviewUnit[],
  days: BatchDays,
): Promise<RegistrableUnit[]> {
  const stored = await context.prisma.importRow.findMany({
    where: { batchId: batch.id, line: { in: units.flatMap((unit) => unit.lines) } },
    select: { line: true, cells: true },
    orderBy: { line: 'asc' },
  })
  const joining = new Set(units.flatMap((unit) => (unit.joins && unit.key !== null ? [unit.key] : [])))
  const checked = checkBatchRows(batch, stored.map(sheetRowOf), days, joining)
  const byLine = new Map(checked.rows.map((row) => [row.line, row]))
  return units.map((unit) => ({
    key: unit.key,
    joins: unit.joins,
    members: unit.lines.flatMap((line) => byLine.get(line) ?? []),
  }))
}

/** What became of a pending row: registered (with its enrollment) or refused (with its issues). */
type RowMark = { line: number } & (
  | { status: 'COMMITTED'; enrollmentId: string | null }
  | { status: 'REFUSED'; issues: ImportIssue[] }
)

/** Marks pending rows with what became of them, a thousand to a statement. */
async function markRows(prisma: PrismaClient, batchId: string, marks: readonly RowMark[]) {
  for (let at = 0; at < marks.length; at += 1_000) {
    await prisma.$executeRaw`
      UPDATE "ImportRow" r SET "status" = x."status"::"ImportRowStatus", "issues" = x."issues",
             "enrollmentId" = x."enrollmentId"
        FROM jsonb_to_recordset(${JSON.stringify(marks.slice(at, at + 1_000))}::jsonb)
             AS x("line" int, "status" text, "issues" jsonb, "enrollmentId" uuid)
       WHERE r."batchId" = ${batchId}::uuid AND r."line" = x."line" AND r."status" = 'PENDING'`
  }
}

/**
 * Registers a chunk of units all or nothing (registerMany: one by one only when a unit spoils it,
 * so the others still go in and that one is refused), then marks their pending rows in one statement.
 * An error that refuses no unit (the database gone) ends the run, which resumes from the rows still
 * pending.
 */
async function commitChunk(
  context: Context,
  batch: ImportBatch,
  units: readonly RegistrableUnit[],
  pending: ReadonlySet<number>,
): Promise<void> {
  const marks: RowMark[] = []
  const registered: CheckedImportRow[][] = []
  const inputs: RegisterInput[] = []
  for (const unit of units) {
    const { members } = unit
    const input = registerInputOf(batch, unit, members)
    if (!input) continue
    registered.push(members)
    inputs.push(input)
  }
  const outcomes = await registerMany(context, inputs)
  const enrollmentOf = await enrollmentsByCitizenId(context, outcomes)
  for (const [at, members] of registered.entries()) {
    const outcome = outcomes[at]
    const issues = outcome && 'refused' in outcome ? await issuesOfRefusal(context, outcome.refused) : null
    for (const member of members) {
      if (!pending.has(member.line)) continue
      marks.push(
        issues
          ? { line: member.line, status: 'REFUSED', issues }
          : {
              line: member.line,
              status: 'COMMITTED',
              enrollmentId: enrollmentOf.get(member.person.citizenId) ?? null,
            },
      )
    }
  }
  await markRows(context.prisma, batch.id, marks)
}

/** The issues a registration's refusal leaves on its rows; an error that is no refusal is thrown. */
async function issuesOfRefusal(context: Context, refused: unknown): Promise<ImportIssue[]> {
  const error = await refusalOnFile(context, refused)
  if (error instanceof UserError) return issuesOf(error)
  throw error
}

/** Each registered person's enrollment, by citizen ID (one read for the chunk). */
async function enrollmentsByCitizenId(
  context: Context,
  outcomes: readonly RegistrationOutcome[],
): Promise<Map<string, string>> {
  const enrollments = outcomes.flatMap((outcome) =>
    'registered' in outcome ? outcome.registered.enrollments : [],
  )
  const people = await context.prisma.person.findMany({
    where: { id: { in: enrollments.map((each) => each.personId) } },
    select: { id: true, citizenId: true },
  })
  const citizenIdOf = new Map(people.map((person) => [person.id, person.citizenId]))
  return new Map(enrollments.map((each) => [citizenIdOf.get(each.personId) ?? '', each.id]))
}

/**
 * The registration of one unit (a person alone, a household whole, or the newcomers joining a household
 * on file), as the form would send it; a new household keeps its key as its code.
 */
function registerInputOf(
  batch: ImportBatch,
  unit: RegistrableUnit,
  members: readonly CheckedImportRow[],
): RegisterInput | null {
  const person = (row: CheckedImportRow) => ({
    ...row.person,
    sex: row.person.sex === '' ? 'FEMALE' : row.person.sex,
  })
  // A row without a household key is a person alone, as the form registers one.
  const household = batch.product === 'HOUSEHOLD_HEALTH_INSURANCE' && unit.key !== null
  const named = household ? (members.find((member) => !member.insuredElsewhere) ?? members[0]) : members[0]
  if (!named) return null
  return {
    campaign: encodeGlobalID('Campaign', batch.campaignId),
    center: encodeGlobalID('Center', batch.centerId),
    product: batch.product,
    person: person(named),
    household: household && unit.joins ? encodeGlobalID('Household', unit.joins.householdId) : null,
    householdCode: household && !unit.joins ? unit.key : null,
    householdMembers: household
      ? members.map((member) => ({
          person: person(member),
          isHead: member.isHead,
          insuredElsewhere: member.insuredElsewhere,
          relationToHead: member.relationToHead,
        }))
      : null,
    on: batch.on ? batch.on.toISOString().slice(0, 10) : null,
    months: batch.months,
    monthlyIncome: batch.monthlyIncome,
    status: 'DRAFT',
  }
}
