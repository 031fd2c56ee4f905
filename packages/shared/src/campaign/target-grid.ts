// The rules of a campaign's target grid, checked whole before it replaces the stored one. Each broken
// rule is placed on the row (and field) concerned: 'targets.<row>.<field>'.

import type { Product } from '../enums.ts'
import { type Issue, type IssueParam, issue } from '../messages.ts'

export type TargetGridRow = {
  readonly product: Product | null
  /** The center's id, null for the whole campaign. */
  readonly centerId: string | null
  /** 'YYYY-MM-DD', null for the campaign's end. */
  readonly dueDate: string | null
  readonly count: number
}

export type TargetGridCampaign = {
  /** 'YYYY-MM-DD' */
  readonly startDate: string
  /** 'YYYY-MM-DD' */
  readonly endDate: string
  /** Ids of the campaign's participating centers. */
  readonly participantIds: ReadonlySet<string>
}

const rowPath = (index: number, field?: string) => `targets.${index}${field ? `.${field}` : ''}`

const productParam = (product: Product | null): IssueParam =>
  product ? { label: 'Product', value: product } : { phrase: 'ALL_PRODUCTS' }

/** Every broken rule of the grid, in row order, then the per-product sums. Empty when the grid is whole. */
export function checkTargetGrid(rows: readonly TargetGridRow[], campaign: TargetGridCampaign): Issue[] {
  const issues: Issue[] = []
  const seen = new Map<string, number>()

  rows.forEach((row, index) => {
    if (!Number.isInteger(row.count) || row.count < 0) {
      issues.push(issue(rowPath(index, 'count'), 'TARGET_COUNT_INVALID'))
    }
    if (row.centerId !== null && !campaign.participantIds.has(row.centerId)) {
      issues.push(issue(rowPath(index, 'center'), 'TARGET_CENTER_NOT_PARTICIPANT'))
    }
    if (row.dueDate !== null && (row.dueDate < campaign.startDate || row.dueDate > campaign.endDate)) {
      issues.push(
        issue(rowPath(index, 'dueDate'), 'TARGET_DUE_DATE_OUTSIDE_CAMPAIGN', {
          startDate: { date: campaign.startDate },
          endDate: { date: campaign.endDate },
        }),
      )
    }
    const key = `${row.product ?? '*'}|${row.centerId ?? '*'}|${row.dueDate ?? '*'}`
    const first = seen.get(key)
    if (first === undefined) seen.set(key, index)
    else issues.push(issue(rowPath(index), 'TARGET_DUPLICATE', { row: first }))
  })

  // Per product, what the centers are given by the campaign's end must fit in the campaign-wide target.
  for (const product of new Set(rows.map((row) => row.product))) {
    const wideIndex = rows.findIndex(
      (row) => row.product === product && row.centerId === null && row.dueDate === null,
    )
    const wide = rows[wideIndex]
    if (!wide) continue
    const centerRows = rows.flatMap((row, index) =>
      row.product === product && row.centerId !== null && row.dueDate === null ? [index] : [],
    )
    const sum = centerRows.reduce((total, index) => total + (rows[index]?.count ?? 0), 0)
    if (sum <= wide.count) continue
    const params = {
      product: productParam(product),
      rows: centerRows.join(', '),
      sum,
      target: wide.count,
      row: wideIndex,
    }
    for (const index of [wideIndex, ...centerRows])
      issues.push(issue(rowPath(index, 'count'), 'TARGET_CENTERS_EXCEED_CAMPAIGN', params))
  }
  return issues
}
