// Money is whole đồng and rates are basis points (1% = 100 bp), as in the database.

export const wholeInBasisPoints = 10_000

/**
 * amount × basisPoints / 10,000, rounded half up to a whole đồng. This is the one rounding step of
 * every quote: it happens once per member (or support line) per month, before multiplying by months.
 * Integer arithmetic with a remainder check, so no floating-point error can move a đồng.
 */
export function applyBasisPoints(amount: number, basisPoints: number): number {
  const product = amount * basisPoints
  if (!Number.isSafeInteger(product) || product < 0) {
    throw new RangeError(`applyBasisPoints needs whole, non-negative amounts (${amount} × ${basisPoints})`)
  }
  let quotient = Math.floor(product / wholeInBasisPoints)
  let remainder = product - quotient * wholeInBasisPoints
  if (remainder < 0) {
    quotient -= 1
    remainder += wholeInBasisPoints
  } else if (remainder >= wholeInBasisPoints) {
    quotient += 1
    remainder -= wholeInBasisPoints
  }
  return remainder * 2 >= wholeInBasisPoints ? quotient + 1 : quotient
}

/** A whole number at least `minimum`: months, đồng, counts coming from untrusted input. */
export function isWholeNumber(value: unknown, minimum: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= minimum
}
