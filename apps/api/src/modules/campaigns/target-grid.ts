// The rules of a campaign's target grid, checked whole before it replaces the stored one. Each broken
// rule is placed on the row (and field) concerned: ['input', 'targets', '<row>', '<field>'].
import type { Product } from '@tangtoc/db'
import { labelOf } from '@tangtoc/shared'
import { type FieldIssue, fieldIssue } from '../../errors.ts'

export interface TargetRow {
  product: Product | null
  /** The center's id, null for the whole campaign. */
  centerId: string | null
  /** 'YYYY-MM-DD', null for the campaign's end. */
  dueDate: string | null
  label: string | null
  count: number
}

export interface GridContext {
  startDate: string
  endDate: string
  /** Ids of the campaign's participating centers. */
  participantIds: ReadonlySet<string>
}

const rowPath = (index: number, field?: string) => [
  'input',
  'targets',
  String(index),
  ...(field ? [field] : []),
]
const productText = (product: Product | null, locale: 'vi' | 'en') =>
  product ? labelOf('Product', product, locale) : locale === 'vi' ? 'mọi loại hình' : 'all products'

export function checkTargetGrid(rows: readonly TargetRow[], grid: GridContext): FieldIssue[] {
  const issues: FieldIssue[] = []
  const seen = new Map<string, number>()

  rows.forEach((row, index) => {
    if (!Number.isInteger(row.count) || row.count < 0) {
      issues.push(
        fieldIssue(rowPath(index, 'count'), 'TARGET_COUNT_INVALID', {
          vi: 'Chỉ tiêu phải là số nguyên không âm.',
          en: 'A target is a whole number, zero or more.',
        }),
      )
    }
    if (row.centerId !== null && !grid.participantIds.has(row.centerId)) {
      issues.push(
        fieldIssue(rowPath(index, 'center'), 'TARGET_CENTER_NOT_PARTICIPANT', {
          vi: 'Đơn vị này không tham gia chiến dịch.',
          en: 'This center does not take part in the campaign.',
        }),
      )
    }
    if (row.dueDate !== null && (row.dueDate < grid.startDate || row.dueDate > grid.endDate)) {
      issues.push(
        fieldIssue(rowPath(index, 'dueDate'), 'TARGET_DUE_DATE_OUTSIDE_CAMPAIGN', {
          vi: `Ngày mốc phải trong thời gian chiến dịch (${grid.startDate} – ${grid.endDate}).`,
          en: `A milestone's date must fall within the campaign (${grid.startDate} – ${grid.endDate}).`,
        }),
      )
    }
    const key = `${row.product ?? '*'}|${row.centerId ?? '*'}|${row.dueDate ?? '*'}`
    const first = seen.get(key)
    if (first === undefined) {
      seen.set(key, index)
    } else {
      issues.push(
        fieldIssue(rowPath(index), 'TARGET_DUPLICATE', {
          vi: `Trùng với dòng ${first} (cùng loại hình, đơn vị và ngày mốc).`,
          en: `Repeats row ${first} (same product, center and due date).`,
        }),
      )
    }
  })

  // Per product, what the centers are given by the campaign's end must fit in the campaign-wide target.
  const products = new Set(rows.map((row) => row.product))
  for (const product of products) {
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
    const list = centerRows.join(', ')
    const text = (locale: 'vi' | 'en') =>
      locale === 'vi'
        ? `Tổng chỉ tiêu các đơn vị cho ${productText(product, 'vi')} (dòng ${list}) là ${sum}, vượt chỉ tiêu toàn chiến dịch ${wide.count} (dòng ${wideIndex}).`
        : `The centers' targets for ${productText(product, 'en')} (rows ${list}) add up to ${sum}, more than the campaign-wide ${wide.count} (row ${wideIndex}).`
    const message = { vi: text('vi'), en: text('en') }
    issues.push(fieldIssue(rowPath(wideIndex, 'count'), 'TARGET_CENTERS_EXCEED_CAMPAIGN', message))
    for (const index of centerRows)
      issues.push(fieldIssue(rowPath(index, 'count'), 'TARGET_CENTERS_EXCEED_CAMPAIGN', message))
  }
  return issues
}
