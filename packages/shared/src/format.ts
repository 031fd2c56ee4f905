// Display formatting for money and dates. Built on Intl only, so it behaves the same in Node and the browser.
import { dateTimeFormat, numberFormat } from './intl.ts'

/** Whole đồng, as formatDong writes them and dongNotation describes them. */
const dongFormat = (locale: string) =>
  numberFormat(locale, { style: 'currency', currency: 'VND', maximumFractionDigits: 0 })

/** Whole đồng for display: formatDong(1263600, 'vi-VN') → '1.263.600 ₫' (with a no-break space). */
export function formatDong(amount: number, locale = 'vi-VN'): string {
  return dongFormat(locale).format(amount)
}

/**
 * How `locale` writes an amount in đồng around its digits, for a field that edits one as formatDong shows
 * it: the sign before (en-US '₫3,000,000') or after (vi-VN '3.000.000 ₫'), and the separators.
 */
export function dongNotation(locale = 'vi-VN') {
  const parts = dongFormat(locale).formatToParts(1_000)
  const digits = parts.findIndex((part) => part.type === 'integer')
  const around = (some: Intl.NumberFormatPart[]) =>
    some
      .filter((part) => part.type === 'currency' || part.type === 'literal')
      .map((part) => part.value)
      .join('')
  return {
    prefix: around(parts.slice(0, digits)),
    suffix: around(parts.slice(parts.findLastIndex((part) => part.type === 'integer') + 1)),
    group: parts.find((part) => part.type === 'group')?.value ?? ',',
    decimal:
      numberFormat(locale, {})
        .formatToParts(1.5)
        .find((part) => part.type === 'decimal')?.value ?? '.',
  }
}

/**
 * A calendar date ('YYYY-MM-DD') for display: formatDate('2025-11-04', 'vi-VN') → '04/11/2025'.
 * Formatted in UTC because the value is a date, not an instant: no time zone may shift its day.
 */
export function formatDate(isoDate: string, locale = 'vi-VN'): string {
  return dateTimeFormat(locale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T00:00:00Z`))
}
