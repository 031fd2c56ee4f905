/**
 * Splits `total` into whole parts proportional to `weights` whose sum is exactly `total` (largest
 * remainder method; ties go to the earlier weight, so the split is stable).
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0)
  if (weightSum <= 0) throw new RangeError('apportion: the weights must add up to more than 0')
  const exact = weights.map((weight) => (total * weight) / weightSum)
  const parts = exact.map(Math.floor)
  let left = total - parts.reduce((sum, part) => sum + part, 0)
  const byRemainder = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) }))
  byRemainder.sort((a, b) => b.remainder - a.remainder || a.index - b.index)
  for (const { index } of byRemainder) {
    if (left === 0) break
    parts[index] = (parts[index] ?? 0) + 1
    left--
  }
  return parts
}
