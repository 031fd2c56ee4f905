// The target grid as the admin edits it (centers × products, plus milestone rows), turned into the one
// list setCampaignTargets replaces, and the API's row errors turned back into the cell they concern.
import { type Product, products } from '@tangtoc/shared'

/** The campaign-wide row of the grid. */
export const wholeCampaign = 'campaign'

/** A grid cell: the whole campaign's or a center's target for a product at the campaign's end. */
export const cellKey = (center: string, product: Product) => `${center}:${product}`

export type Milestone = {
  key: string
  product: Product | ''
  dueDate: string
  label: string
  count: number | ''
}

export type StoredTarget = {
  product: Product | null
  center: { id: string } | null
  dueDate: string | null
  label: string | null
  count: number
}

export type TargetRow = {
  product: Product | null
  center: string | null
  dueDate: string | null
  label: string | null
  count: number
}

export type GridState = {
  /** Typed counts by cellKey; '' is "no target". */
  cells: Record<string, number | ''>
  milestones: Milestone[]
  /** Stored targets the grid has no place for (a center's milestone, all products at the end): kept as they are. */
  others: TargetRow[]
}

/** Where each submitted row came from, so that the API's error on row i lands on its cell or milestone. */
export type RowOrigin = { cell: string } | { milestone: string } | { other: number }

export function gridFromTargets(targets: readonly StoredTarget[]): GridState {
  const state: GridState = { cells: {}, milestones: [], others: [] }
  targets.forEach((target, index) => {
    if (target.dueDate === null && target.product !== null) {
      state.cells[cellKey(target.center?.id ?? wholeCampaign, target.product)] = target.count
    } else if (target.dueDate !== null && target.center === null) {
      state.milestones.push({
        key: `stored-${index}`,
        product: target.product ?? '',
        dueDate: target.dueDate,
        label: target.label ?? '',
        count: target.count,
      })
    } else {
      state.others.push({
        product: target.product,
        center: target.center?.id ?? null,
        dueDate: target.dueDate,
        label: target.label,
        count: target.count,
      })
    }
  })
  return state
}

/** The rows to send, in order, and where each came from. Empty cells are no target. */
export function rowsFromGrid(
  state: GridState,
  centers: readonly string[],
): { rows: TargetRow[]; origins: RowOrigin[] } {
  const rows: TargetRow[] = []
  const origins: RowOrigin[] = []
  for (const center of [wholeCampaign, ...centers]) {
    for (const product of products) {
      const count = state.cells[cellKey(center, product)]
      if (count === undefined || count === '') continue
      rows.push({
        product,
        center: center === wholeCampaign ? null : center,
        dueDate: null,
        label: null,
        count,
      })
      origins.push({ cell: cellKey(center, product) })
    }
  }
  for (const milestone of state.milestones) {
    rows.push({
      product: milestone.product || null,
      center: null,
      dueDate: milestone.dueDate || null,
      label: milestone.label.trim() || null,
      count: milestone.count === '' ? 0 : milestone.count,
    })
    origins.push({ milestone: milestone.key })
  }
  state.others.forEach((row, index) => {
    rows.push(row)
    origins.push({ other: index })
  })
  return { rows, origins }
}

/** Per product, the centers' typed targets added up, beside the campaign-wide one they must not pass. */
export function productTotals(state: GridState, centers: readonly string[]) {
  return products.map((product) => {
    const campaignWide = state.cells[cellKey(wholeCampaign, product)]
    const centersTotal = centers.reduce((sum, center) => {
      const count = state.cells[cellKey(center, product)]
      return sum + (typeof count === 'number' ? count : 0)
    }, 0)
    const target = typeof campaignWide === 'number' ? campaignWide : null
    return { product, centersTotal, target, over: target !== null && centersTotal > target }
  })
}

/**
 * Where an API field error (path below `input`: 'targets.3.count') lands on the grid: its cellKey,
 * `milestone:<key>:<field>`, or null (the form) when the row is one the grid does not show.
 */
export function rowErrorCell(path: string, origins: readonly RowOrigin[]): string | null {
  const [list, index, field] = path.split('.')
  const origin = list === 'targets' ? origins[Number(index)] : undefined
  if (!origin || 'other' in origin) return null
  if ('cell' in origin) return origin.cell
  return `milestone:${origin.milestone}:${field ?? 'count'}`
}
