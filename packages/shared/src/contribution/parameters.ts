// Finding the contribution parameter in force on a date. Rows are the ContributionParameter model's:
// ranges are inclusive at both ends, effectiveTo null means still in force.

import { type IsoDate, toIsoDate } from '../calendar.ts'
import type { ContributionParameterKey } from '../enums.ts'
import { type Failure, failure, type Issue, issue } from '../messages.ts'

export const nationalJurisdiction = 'VN'

export type ContributionParameter = {
  /** The database id; absent on seed rows that have not been stored yet. */
  readonly id?: string
  readonly key: ContributionParameterKey
  /** A support group, a member position ('2'…'5'), or '' when the key needs none. */
  readonly qualifier: string
  /** 'VN' for national rules, a 2-digit province code for local ones. */
  readonly jurisdiction: string
  /** Đồng, basis points or a count, as the key says. */
  readonly value: number
  readonly effectiveFrom: IsoDate | Date
  readonly effectiveTo: IsoDate | Date | null
  readonly source: string | null
  readonly confirmed: boolean
}

export type ParameterQuery = {
  readonly on: IsoDate
  readonly qualifier?: string
  readonly jurisdiction?: string
}

/** A row with its period as ISO dates ('' when invalid: never in force). */
type Span = {
  readonly row: ContributionParameter
  readonly from: IsoDate | ''
  readonly to: IsoDate | '' | null
}

/**
 * The rows by key and qualifier, with their periods as ISO dates: made once per list of rows (a
 * quote asks for a dozen parameters, and the API keeps one list for every quote).
 */
const indexes = new WeakMap<readonly ContributionParameter[], Map<string, Span[]>>()

function spansOf(rows: readonly ContributionParameter[], key: string, qualifier: string): Span[] {
  let index = indexes.get(rows)
  if (!index) {
    index = new Map()
    for (const row of rows) {
      const span: Span = {
        row,
        from: toIsoDate(row.effectiveFrom) ?? '',
        to: row.effectiveTo === null ? null : (toIsoDate(row.effectiveTo) ?? ''),
      }
      const group = `${row.key}\u0000${row.qualifier}`
      const list = index.get(group)
      if (list) list.push(span)
      else index.set(group, [span])
    }
    indexes.set(rows, index)
  }
  return index.get(`${key}\u0000${qualifier}`) ?? []
}

/** The latest-starting of the spans in force on `on` in a jurisdiction: a newer row wins an overlap. */
function latestInForce(
  spans: readonly Span[],
  on: IsoDate,
  jurisdiction: string,
): ContributionParameter | undefined {
  let best: Span | undefined
  for (const span of spans) {
    if (span.row.jurisdiction !== jurisdiction || span.from === '' || span.from > on) continue
    if (span.to !== null && (span.to === '' || on > span.to)) continue
    if (best === undefined || span.from > best.from) best = span
  }
  return best?.row
}

/**
 * The row in force on a date, or undefined. A row of the asked jurisdiction wins over the national
 * one, so a province can replace a national value; a national query never sees local rows.
 */
export function findParameter(
  rows: readonly ContributionParameter[],
  key: ContributionParameterKey,
  { on, qualifier = '', jurisdiction = nationalJurisdiction }: ParameterQuery,
): ContributionParameter | undefined {
  const spans = spansOf(rows, key, qualifier)
  const local = jurisdiction === nationalJurisdiction ? undefined : latestInForce(spans, on, jurisdiction)
  return local ?? latestInForce(spans, on, nationalJurisdiction)
}

export type ParameterResult = { readonly ok: true; readonly parameter: ContributionParameter } | Failure

/** Like findParameter, but a missing row is a PARAMETER_MISSING issue (the date is not supported). */
export function resolveParameter(
  rows: readonly ContributionParameter[],
  key: ContributionParameterKey,
  query: ParameterQuery,
  path = 'on',
): ParameterResult {
  const parameter = findParameter(rows, key, query)
  if (parameter) return { ok: true, parameter }
  return failure([
    issue(path, 'PARAMETER_MISSING', {
      key,
      qualifierText: query.qualifier ? ` (${query.qualifier})` : '',
      on: { date: query.on },
    }),
  ])
}

/**
 * Problems in a set of rows an admin is about to save: an end before its start, or two rows of the
 * same key, qualifier and jurisdiction in force on the same day. Paths are 'rows.<index>'.
 */
export function checkParameterHistory(rows: readonly ContributionParameter[]): readonly Issue[] {
  const issues: Issue[] = []
  const spans = rows.map((row) => ({
    from: toIsoDate(row.effectiveFrom) ?? '',
    to: row.effectiveTo === null ? '9999-12-31' : (toIsoDate(row.effectiveTo) ?? ''),
  }))
  rows.forEach((row, index) => {
    const span = spans[index]
    if (span === undefined) return
    if (span.from === '' || span.to === '' || span.to < span.from) {
      issues.push(issue(`rows.${index}`, 'PARAMETER_PERIOD_INVALID'))
      return
    }
    for (let other = 0; other < index; other++) {
      const earlier = rows[other]
      const otherSpan = spans[other]
      if (earlier === undefined || otherSpan === undefined) continue
      const sameRule =
        earlier.key === row.key &&
        earlier.qualifier === row.qualifier &&
        earlier.jurisdiction === row.jurisdiction
      if (sameRule && span.from <= otherSpan.to && otherSpan.from <= span.to) {
        issues.push(
          issue(`rows.${index}`, 'PARAMETER_OVERLAP', {
            key: row.key,
            qualifierText: row.qualifier ? ` (${row.qualifier})` : '',
            jurisdiction: row.jurisdiction,
            on: { date: [span.from, otherSpan.from].sort()[1] ?? span.from },
          }),
        )
      }
    }
  })
  return issues
}

/** A parameter row as used by a quote, dates as 'YYYY-MM-DD'. */
export type QuoteParameter = Omit<ContributionParameter, 'effectiveFrom' | 'effectiveTo'> & {
  readonly effectiveFrom: IsoDate
  readonly effectiveTo: IsoDate | null
}

/** Collects parameter rows used by a quote, each once, in the order first used. */
export class ParameterTrail {
  readonly #used: ContributionParameter[] = []

  use<T extends ContributionParameter | undefined>(row: T): T {
    if (row && !this.#used.includes(row)) this.#used.push(row)
    return row
  }

  toList(): QuoteParameter[] {
    return this.#used.map((row) => ({
      ...row,
      effectiveFrom: toIsoDate(row.effectiveFrom) ?? '',
      effectiveTo: row.effectiveTo === null ? null : (toIsoDate(row.effectiveTo) ?? null),
    }))
  }
}

/** The value of a parameter a quote cannot do without, cited in the trail; a missing one is an issue. */
export function requiredParameter(
  rows: readonly ContributionParameter[],
  key: ContributionParameterKey,
  query: ParameterQuery,
  trail: ParameterTrail,
  issues: Issue[],
): number | undefined {
  const result = resolveParameter(rows, key, query)
  if (!result.ok) {
    issues.push(...result.issues)
    return undefined
  }
  return trail.use(result.parameter).value
}
