// Which support applies. A person may belong to several groups; the highest rate applies, never a sum
// of national rates (Decree 159 [6]; Decree 188 [21]). Ties go to the group listed first in the
// SupportGroup enum, so the order groups are given in never changes a quote.

import { isOneOf, type SupportGroup, supportGroups } from '../enums.ts'
import { type Issue, issue } from '../messages.ts'
import { type ContributionParameter, findParameter } from './parameters.ts'

/** Unique groups in enum order. */
function canonicalGroups(groups: readonly SupportGroup[]): SupportGroup[] {
  return supportGroups.filter((group) => groups.includes(group))
}

/**
 * Checks support groups at a path ('supportGroups', 'householdMembers.2.supportGroups'): returns the
 * known ones in enum order and pushes an issue for each unknown one.
 */
export function checkSupportGroups(value: unknown, path: string, issues: Issue[]): SupportGroup[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) {
    issues.push(issue(path, 'SUPPORT_GROUP_UNKNOWN', { value: String(value) }))
    return []
  }
  value.forEach((group, index) => {
    if (!isOneOf(supportGroups, group)) {
      issues.push(issue(`${path}.${index}`, 'SUPPORT_GROUP_UNKNOWN', { value: String(group) }))
    }
  })
  return canonicalGroups(value.filter((group): group is SupportGroup => isOneOf(supportGroups, group)))
}

export type ChosenSupport = { readonly group: SupportGroup; readonly row: ContributionParameter }

/**
 * The highest-rate row of `key` among the groups, in force on the date for the jurisdiction (a local
 * row replaces the national one of the same group); undefined when no group has a row. Groups without
 * a row for this key (a student's group in a VSI quote) simply do not apply.
 */
export function highestSupport(
  rows: readonly ContributionParameter[],
  key: 'VSI_SUPPORT_RATE' | 'VSI_LOCAL_TOP_UP' | 'HHI_SUPPORT_RATE',
  groups: readonly SupportGroup[],
  query: { readonly on: string; readonly jurisdiction: string },
): ChosenSupport | undefined {
  let chosen: ChosenSupport | undefined
  for (const group of canonicalGroups(groups)) {
    const row = findParameter(rows, key, { ...query, qualifier: group })
    if (row && (chosen === undefined || row.value > chosen.row.value)) chosen = { group, row }
  }
  return chosen
}

/** The qualifier of an IMPLIED_SUPPORT_GROUP row: 'POOR:CITY_POOR'. */
export function impliedSupportGroupQualifier(group: SupportGroup, implied: SupportGroup): string {
  return `${group}:${implied}`
}

export type SupportGroupsWithImplied = {
  /** The groups given and those they imply, unique, in enum order. */
  readonly groups: readonly SupportGroup[]
  /** The row that implied each group not given. */
  readonly impliedBy: ReadonlyMap<SupportGroup, ContributionParameter>
}

/**
 * The groups a person belongs to in a jurisdiction on a date: those given, and those the
 * IMPLIED_SUPPORT_GROUP rows in force make them imply (a value above 0), one implication after another
 * (a nationally poor person in Ho Chi Minh City is poor by the city standard too).
 */
export function withImpliedGroups(
  rows: readonly ContributionParameter[],
  groups: readonly SupportGroup[],
  query: { readonly on: string; readonly jurisdiction: string },
): SupportGroupsWithImplied {
  const found = new Set(groups)
  const impliedBy = new Map<SupportGroup, ContributionParameter>()
  for (let pending = [...found]; pending.length > 0; ) {
    const group = pending.pop() as SupportGroup
    for (const implied of supportGroups) {
      if (found.has(implied)) continue
      const qualifier = impliedSupportGroupQualifier(group, implied)
      const row = findParameter(rows, 'IMPLIED_SUPPORT_GROUP', { ...query, qualifier })
      if (row === undefined || row.value <= 0) continue
      found.add(implied)
      impliedBy.set(implied, row)
      pending.push(implied)
    }
  }
  return { groups: canonicalGroups([...found]), impliedBy }
}
